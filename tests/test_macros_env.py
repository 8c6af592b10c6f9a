"""macros.__init__: what define_env gives pages matches what ``check`` knows about."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from macros import define_env
from macros.validate.pages import SITE_NAMES
from tests.conftest import ROOT


class FakeEnv:
    """The slice of mkdocs-macros' environment that define_env uses."""

    def __init__(self) -> None:
        self.conf: dict[str, Any] = {
            "config_file_path": str(ROOT / "mkdocs.yml"),
            "docs_dir": str(ROOT / "docs"),
            "site_url": "https://example.org/care-leavers/",
            "extra": {},
        }
        self.variables: dict[str, Any] = {}
        self.macros: dict[str, Callable[..., Any]] = {}
        self.filters: dict[str, Callable[..., Any]] = {}
        self.page = None

    def macro(self, function: Callable[..., Any]) -> Callable[..., Any]:
        self.macros[function.__name__] = function
        return function


def test_check_knows_every_name_define_env_gives_pages() -> None:
    env = FakeEnv()
    define_env(env)
    assert set(env.variables) | set(env.macros) == SITE_NAMES


def test_site_name_and_copyright_come_from_data() -> None:
    env = FakeEnv()
    define_env(env)
    council = env.variables["council"]
    assert env.conf["site_name"].startswith(council.short_name)
    assert council.name in env.conf["copyright"]


def test_pages_hold_no_jinja_loops_or_raw_tables() -> None:
    for page in (ROOT / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert "{% for" not in text and "{%for" not in text, f"{page}: loop in a page"
        assert "<table" not in text, f"{page}: raw HTML table in a page"
        assert Path(page).suffix == ".md"
