"""The settings in ``mkdocs.yml`` that the site depends on for correct addresses.

MkDocs accepts an empty ``site_url``, but then the sitemap is empty, and the exports and
canonical links have no address to point to; ``check`` and the build stop instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from macros.problems import DataProblem

SITE_URL_EXAMPLE = "https://example.org/care-leavers/"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (``!ENV``, ``!relative``): read them as text."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_ConfigLoader.add_multi_constructor("!", _any_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def config_problems(config_file: Path) -> list[DataProblem]:
    """What is wrong with ``site_url`` in ``config_file`` (a missing file is MkDocs' business).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "mkdocs.yml"
    >>> _ = path.write_text('site_name: x\\nsite_url: ""\\n')
    >>> [str(problem) for problem in config_problems(path)]  # doctest: +ELLIPSIS
    ["mkdocs.yml:2: site_url: must be the full address the site is published at, ...; got ''"]
    """
    shown = config_file.name
    try:
        text = config_file.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=_ConfigLoader)
        config = yaml.load(text, Loader=_ConfigLoader)
    except OSError:
        return []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [DataProblem(shown, line, "", f"YAML syntax error: {error}")]
    if not isinstance(config, dict):
        return [DataProblem(shown, 1, "", "must be settings written as 'key: value' lines")]
    value = config.get("site_url")
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is not None and parts.scheme == "https" and parts.netloc:
        return []
    line = _line_of_key(node, "site_url")
    return [
        DataProblem(
            shown,
            line,
            "site_url",
            "must be the full address the site is published at, starting with https://, "
            f"e.g. {SITE_URL_EXAMPLE}; got {value!r}",
        )
    ]


def _line_of_key(node: yaml.Node | None, key: str) -> int:
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if getattr(key_node, "value", None) == key:
                return int(key_node.start_mark.line) + 1
    return 1
