"""Patterns for reading the build's own HTML with regular expressions.

The build reads pages it wrote itself (to mark glossary terms, to list what a saved page
loads), so their HTML is regular and a regular expression reads it many times faster
than an HTML parser walking every character in Python. What every such reader must get
right is here once: a tag ends at the first ">" outside a quoted attribute value, and a
comment is skipped whole.
"""

from __future__ import annotations

ATTRIBUTES = r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+"""
"""A tag's attributes, up to its closing ">": a quoted value may hold ">". Possessive, so
a tag that never closes is read once, not searched back through (Python 3.11).

>>> import re
>>> re.fullmatch(rf"<a({ATTRIBUTES})>", '<a title="1 > 0" class=x>').group(1)
' title="1 > 0" class=x'
>>> re.fullmatch(rf"<a({ATTRIBUTES})>", '<a title="1 > 0" class=x') is None
True
"""

COMMENT = r"<!--.*?-->"
"""A comment, whole (with ``re.DOTALL``): nothing in it is a tag."""
