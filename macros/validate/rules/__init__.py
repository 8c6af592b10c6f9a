"""Rules that span fields or files, each in the module of the data it protects.

Every function takes validated models with the loaded files they came from (for lines)
and returns located problems; none stops at the first one.
"""
