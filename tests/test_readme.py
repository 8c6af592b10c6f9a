"""The README: the two commands first, and every configuration key documented."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def config_keys(config: dict[str, Any]) -> list[str]:
    """The keys of mkdocs.yml as the README names them (``theme.custom_dir``)."""
    keys = []
    for key, value in config.items():
        if key in {"theme", "extra"} and isinstance(value, dict):
            keys += [f"{key}.{inner}" for inner in value]
        elif key == "plugins":
            for plugin in value:
                name, settings = (
                    next(iter(plugin.items())) if isinstance(plugin, dict) else (plugin, {})
                )
                keys += [f"plugins.{name}.{inner}" for inner in settings or {}]
        else:
            keys.append(key)
    return keys


def test_every_mkdocs_yml_key_is_in_the_configuration_table() -> None:
    table = README[README.index("## Configuration (`mkdocs.yml`)") :]
    table = table[: table.index("\n## ")]
    documented = set(re.findall(r"`([a-z_.]+)`", table))
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    missing = [key for key in config_keys(config) if key not in documented]
    assert missing == []


def test_readme_gives_the_two_commands_first() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)
    assert blocks[:2] == [
        "bash .ci/setup && uv run mkdocs serve",
        "bash .ci/setup --browser && uv run pytest",
    ]
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/setup --browser" in ci_run and "uv run pytest" in ci_run


def test_the_architecture_names_every_step_folder() -> None:
    for step in ("load", "validate", "derive", "render", "publish", "words", "tools"):
        assert (ROOT / "macros" / step).is_dir()
        assert f"`macros/{step}/`" in README, step
    assert "```mermaid" in README


def test_every_block_the_theme_overrides_is_in_the_overrides_table() -> None:
    table = README[README.index("### Theme overrides") :]
    table = table[: table.index("\n### ")]
    documented = set(re.findall(r"`([a-z_]+)`", table))
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    blocks = re.findall(r"{%-?\s*block\s+(\w+)", template)
    assert blocks and [block for block in blocks if block not in documented] == []
