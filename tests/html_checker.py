"""Helpers for the HTML validity tests: the Nu Html Checker (``vnu.jar``), the W3C's own
checker, run on built pages.

The jar comes from npm's ``vnu-jar`` package, pinned in ``.ci/vnu/package.json`` and
installed (with the lock file, its install script left out) by ``bash .ci/setup
--browser``, which also installs Debian's Java when there is none. ``VNU_JAR`` points
elsewhere.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = Path(
    os.environ.get(
        "VNU_JAR", ROOT / ".ci" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    )
)

# Markup of Material's that is the same on every page, and not ours to change: it is
# left out by what the checker says about which element, never by page. Each is
# (what the message starts with, what the element it quotes holds).
KNOWN_NOISE = (
    # Material's toggles (drawer, search, menu sections) are checkboxes that it gives
    # autocomplete="off", so that Firefox does not restore them ticked on going back.
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle'),
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-nav__toggle'),
    # The checker guesses a page's language from all its text, ignoring the lang of the
    # parts inside it: a page in another language whose entries are not translated yet
    # shows them in English, each marked lang="en", by design (issue 19).
    ("This document appears to be written in", "<html lang="),
)


@dataclass(frozen=True)
class Message:
    """One thing the checker said about one page."""

    page: str
    line: int
    kind: str
    text: str
    extract: str

    def __str__(self) -> str:
        extract = " ".join(self.extract.split())[:120]
        return f"{self.page}:{self.line}: {self.kind}: {self.text} [{extract}]"


def is_known_noise(message: Message) -> bool:
    """Material's markup listed in ``KNOWN_NOISE``.

    >>> is_known_noise(Message("a.html", 1, "error",
    ...     "Attribute “autocomplete” is only allowed when the input type is “color”.",
    ...     '<input class="md-toggle" type="checkbox" autocomplete="off">'))
    True
    >>> is_known_noise(Message("a.html", 1, "error",
    ...     "Attribute “autocomplete” is only allowed when the input type is “color”.",
    ...     '<input class="clo-age" type="checkbox" autocomplete="off">'))
    False
    """
    return any(
        message.text.startswith(start) and holds in message.extract for start, holds in KNOWN_NOISE
    )


def check_html(pages: list[Path], root: Path) -> list[Message]:
    """Every error and warning the Nu Html Checker finds in ``pages`` (named relative to
    ``root``), Material's known noise left out. One Java process checks them all."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        raise RuntimeError(
            f"the Nu Html Checker needs Java and {VNU_JAR}: run 'bash .ci/setup --browser'"
        )
    completed = subprocess.run(
        # A larger thread stack: the checker recurses deeply on long pages.
        [java, "-Xss8m", "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always"]
        + [str(page) for page in pages],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"the Nu Html Checker failed: {completed.stderr.strip()}")
    found = []
    for item in json.loads(completed.stdout)["messages"]:
        if item["type"] == "info" and item.get("subType") != "warning":
            continue
        url = re.sub(r"^file:", "", item.get("url", ""))
        page = Path(url).relative_to(root).as_posix() if url.startswith(str(root)) else url
        kind = "warning" if item["type"] == "info" else item["type"]
        message = Message(
            page, int(item.get("lastLine", 0)), kind, item["message"], item.get("extract", "")
        )
        if not is_known_noise(message):
            found.append(message)
    return found
