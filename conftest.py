"""Names the examples in macros/ docstrings use, so that modules load nothing on import.

``EN`` is the English words of the interface; ``EXAMPLE`` a small made-up figures file.
"""

from __future__ import annotations

from typing import Any

import pytest

from macros.validate.model.figures import EXAMPLE
from macros.words import load_words


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, Any]) -> None:
    doctest_namespace["EN"] = load_words("en-GB")
    doctest_namespace["EXAMPLE"] = EXAMPLE
