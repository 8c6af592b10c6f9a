"""macros.pipeline and macros.__init__: what define_env gives pages is what ``check`` knows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros import define_env
from macros.derive.page_text import page_text
from macros.pipeline import page_names
from macros.render.macros import MACROS
from tests.conftest import FROZEN_EPOCH, copy_fixture_site


class FakeEnv:
    """The slice of mkdocs-macros' environment that define_env uses."""

    def __init__(self, site: Path) -> None:
        self.conf: dict[str, Any] = {
            "config_file_path": str(site / "mkdocs.yml"),
            "docs_dir": str(site / "docs"),
            "site_url": "https://example.org/care-leavers/",
            "extra": {},
            "theme": {},
        }
        self.variables: dict[str, Any] = {}
        self.macros: dict[str, Callable[..., Any]] = {}
        self.filters: dict[str, Callable[..., Any]] = {}
        self.page = None

    def macro(self, function: Callable[..., Any], name: str = "") -> Callable[..., Any]:
        self.macros[name or function.__name__] = function
        return function


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeEnv:
    """define_env run on a copy of the fixture site (its caches land in the copy)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FROZEN_EPOCH)
    env = FakeEnv(copy_fixture_site(tmp_path / "project"))
    define_env(env)
    return env


def test_check_knows_every_name_define_env_gives_pages(env: FakeEnv) -> None:
    names = page_names()
    assert set(env.variables) == names.variables
    assert set(env.macros) == set(names.macros) == set(MACROS)
    assert names.blocks <= set(names.macros)
    assert {"council", "offer_section", "gallery_piece"} <= names.known


def test_site_name_and_copyright_come_from_data(env: FakeEnv) -> None:
    settings = yaml.safe_load(
        (Path(env.conf["config_file_path"]).parent / "data" / "site.yml").read_text("utf-8")
    )
    council = env.variables["council"]
    # Pages get the name as text Markdown cannot read as a link (macros/derive/page_text.py).
    assert council.name == page_text(settings["council"]["name"])
    assert "](javascript" not in council.name
    assert env.conf["site_name"].startswith(settings["council"]["short_name"])
    assert settings["strategy"]["offer_title"] in env.conf["site_name"]
    assert settings["council"]["name"] in env.conf["copyright"]
