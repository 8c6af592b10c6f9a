"""Read YAML data files, keeping the line number of every key and list item.

PyYAML on its own forgets line numbers and silently keeps the last of two
duplicate keys; editors need both errors located, so we compose the node
tree ourselves and build plain Python values from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.problems import DataError, DataProblem

FieldPath = tuple[str | int, ...]


@dataclass
class LoadedFile:
    """The values of one YAML file, with the line where each field starts."""

    path: str
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)
    written: dict[FieldPath, str] = field(default_factory=dict)
    """Each plain value as the editor typed it (``9:30``, ``No``, ``01632...``), by path."""

    def line_of(self, path: FieldPath) -> int:
        """The line of ``path``, or of its nearest parent that has one.

        >>> LoadedFile("a.yml", {}, {("a",): 3}).line_of(("a", "b"))
        3
        """
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), 1)

    def problem(self, path: FieldPath, message: str) -> DataProblem:
        """A problem with the field at ``path``, on that field's line.

        >>> LoadedFile("a.yml", {}, {("x",): 3}).problem(("x", 0), "is wrong")
        DataProblem(file='a.yml', line=3, field='x[1]', message='is wrong')
        """
        return DataProblem(self.path, self.line_of(path), dotted(path), message)


# PyYAML's own functions for plain values, by tag.
_SCALARS = {
    tag: yaml.SafeLoader.yaml_constructors[tag]
    for tag in (
        f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "str", "timestamp")
    )
}


MAX_DEPTH = 40
"""Groups and lists inside each other: the data files need about six levels."""
MAX_VALUES = 200_000
"""Values in one file once every alias (``*name``) is written out: a large offer file has
a few thousand. More means aliases that multiply (a "billion laughs" file)."""


class _TooLarge(Exception):
    """Stops building a file whose aliases expand without bound."""


class _Builder:
    """Turn a composed YAML node tree into dicts, lists and scalars."""

    def __init__(self, display_path: str) -> None:
        self.display_path = display_path
        self.lines: dict[FieldPath, int] = {}
        self.written: dict[FieldPath, str] = {}
        self.problems: list[DataProblem] = []
        # Where each [...] or {...} starts and ends in the text.
        self.flows: list[tuple[int, int]] = []
        self._constructor = yaml.SafeLoader("")
        self._open: set[int] = set()  # the groups and lists being built, to find loops
        self._values = 0

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        self._values += 1
        if self._values > MAX_VALUES:
            raise _TooLarge
        if isinstance(node, yaml.CollectionNode):
            return self._collection(node, path)
        return self._scalar(node, path)

    def _collection(self, node: yaml.CollectionNode, path: FieldPath) -> Any:
        line = self.lines.get(path, node.start_mark.line + 1)
        if id(node) in self._open:
            self._problem(line, path, "refers to itself through an alias (*name); write it out")
            return None
        if len(path) > MAX_DEPTH:
            self._problem(line, path, f"is nested more than {MAX_DEPTH} levels deep")
            return None
        if node.flow_style:
            self.flows.append((node.start_mark.index, node.end_mark.index))
        self._open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        finally:
            self._open.discard(id(node))

    def _problem(self, line: int, path: FieldPath, message: str) -> None:
        self.problems.append(DataProblem(self.display_path, line, _dotted(path), message))

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(
                    line,
                    path,
                    "'<<' (merging keys from an alias) is not supported; write the keys out",
                )
                continue
            key = self._scalar(key_node, path)
            if not isinstance(key, str | int):
                key = str(key)
            if key in first_seen:
                self.problems.append(
                    DataProblem(
                        self.display_path,
                        line,
                        _dotted((*path, key)),
                        f"duplicate key: already set on line {first_seen[key]}; "
                        "keep one and delete the other",
                    )
                )
                continue
            first_seen[key] = line
            self.lines[(*path, key)] = line
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.Node, path: FieldPath) -> Any:
        if type(node) is yaml.ScalarNode and not node.style:
            self.written.setdefault(path, node.value)
        try:
            construct = _SCALARS.get(node.tag) if type(node) is yaml.ScalarNode else None
            if construct is not None:
                # What construct_object would call, without its bookkeeping for
                # collections and anchors, which a plain value does not need.
                return construct(self._constructor, node)
            return self._constructor.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError) as error:
            text = getattr(node, "value", "")
            if node.tag == "tag:yaml.org,2002:timestamp":
                message = f"is not a real date, got {text!r}; write it as YYYY-MM-DD"
            else:
                message = f"cannot be read: {error}"
            self.problems.append(
                DataProblem(self.display_path, node.start_mark.line + 1, _dotted(path), message)
            )
            return text


def _dotted(path: FieldPath) -> str:
    """Show a field path the way an editor reads it, counting list items from 1.

    >>> _dotted(("entries", 2, "ages", "to"))
    'entries[3].ages.to'
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


dotted = _dotted


def _syntax_message(error: yaml.MarkedYAMLError) -> tuple[int, str]:
    """A PyYAML parser error as (line, plain words).

    The parser reports where it gave up, which is often the line after the
    mistake; for an unclosed bracket the line where it opened is more useful.
    """
    problem = error.problem or ""
    at = error.problem_mark.line + 1 if error.problem_mark else 1
    opened = error.context_mark.line + 1 if error.context_mark else at
    if "expected ',' or ']'" in problem:
        return opened, (
            "YAML syntax error: the list that starts with '[' on this line is not closed "
            "with ']', or two items have no comma between them"
        )
    if "expected ',' or '}'" in problem:
        return opened, (
            "YAML syntax error: the group that starts with '{' on this line is not closed "
            "with '}', or two items have no comma between them"
        )
    if "mapping values are not allowed" in problem:
        return at, (
            "YAML syntax error: unexpected ':'. Text that contains ': ' must be in quotes, "
            "or this line is indented more than the line above it"
        )
    if "expected <block end>" in problem or "expected <block mapping start>" in problem:
        return at, (
            "YAML syntax error: this line is indented differently from the lines around it; "
            "keys at the same level need the same number of spaces"
        )
    if "found character" in problem and "cannot start any token" in problem:
        return at, f"YAML syntax error: {problem}; put text that starts with it in quotes"
    return at, f"YAML syntax error: {problem or 'this is not valid YAML'}"


def load_yaml(path: Path, display_path: str | None = None) -> LoadedFile:
    """Load one YAML file, raising DataError with located problems.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.yml"
    >>> _ = p.write_text("a: 1\\nb: [2, 3]\\n")
    >>> loaded = load_yaml(p, "x.yml")
    >>> loaded.data, loaded.line_of(("b", 1))
    ({'a': 1, 'b': [2, 3]}, 2)
    """
    return parse_yaml(path.read_bytes(), display_path or str(path))


def parse_yaml(raw: bytes, shown: str) -> LoadedFile:
    """``load_yaml`` for a file's bytes already read; ``shown`` names it in problems."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            [DataProblem(shown, line, "", "is not saved as UTF-8 text; save it as UTF-8")]
        ) from None
    for number, content in enumerate(text.splitlines(), start=1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            raise DataError(
                [DataProblem(shown, number, "", "indented with a tab; use spaces, not tabs")]
            )
    control = _CONTROL_CHARACTER.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        message = (
            f"contains an invisible control character (U+{ord(control.group()):04X}); "
            "delete it and type the line again"
        )
        raise DataError([DataProblem(shown, line, "", message)])
    if _DEEP.search(text):
        raise DataError([_too_deep(shown)])
    fast = _fast_load(text, shown)
    if fast is not None:
        return fast
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        line, message = _syntax_message(error)
        raise DataError([DataProblem(shown, line, "", message)]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        message = (
            f"contains a character that cannot be used (U+{error.character:04X}); "
            "delete it and type the line again"
        )
        raise DataError([DataProblem(shown, line, "", message)]) from None
    except RecursionError:
        raise DataError([_too_deep(shown)]) from None
    if node is None:
        raise DataError([DataProblem(shown, 1, "", "is empty; it must contain data")])
    return _built(node, shown)


def _built(node: yaml.Node, shown: str) -> LoadedFile:
    builder = _Builder(shown)
    try:
        data = builder.build(node, ())
    except _TooLarge:
        message = (
            f"holds more than {MAX_VALUES:,} values once its aliases (*name) are written "
            "out; use aliases less, or not at all"
        )
        raise DataError([DataProblem(shown, 1, "", message)]) from None
    if builder.problems:
        raise DataError(builder.problems)
    return LoadedFile(shown, data, builder.lines, builder.written)


def _too_deep(shown: str) -> DataProblem:
    message = f"groups or lists are nested too deeply (more than {MAX_DEPTH} levels)"
    return DataProblem(shown, 1, "", message)


# More brackets opened in a row, or more indentation, than any data file needs: refused
# before parsing, which would otherwise take seconds to find the nesting too deep.
_DEEP = re.compile(rf"(?:[\[{{]\s*){{{MAX_DEPTH + 1}}}|^ {{{2 * MAX_DEPTH + 2}}}", re.MULTILINE)


# Characters that are never meant in a data file and that YAML refuses or hides: NUL,
# vertical tab, form feed, escape... (tab and line breaks are fine).
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# libyaml (PyYAML's C parser) reads a file about 7 times faster than PyYAML's own
# parser and gives the same values and lines, but it accepts a few things PyYAML
# rejects: tabs inside text, a byte-order mark after the start, '#' straight after '|'
# or '>', unusual line breaks and control characters, tags ('!') and '?' inside [...]
# or {...}; it places an empty value at the very end of a file without a final line
# break a line apart; and its error messages differ. So it is only used for text with
# none of those, and only when the file loads with no problem at all; anything else is
# read again by PyYAML's own parser, so every value, line and message stays as before.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)
# Characters PyYAML reads differently (tab, byte-order mark, control characters, unusual
# line breaks, lone surrogates, non-characters); '#' straight after '|' or '>'; and a '?'
# or '!' that starts a word. Separate patterns: one alternation is several times slower.
_ODD_CHARACTER = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)
_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*#")
_MARK_STARTS_WORD = re.compile(r"[\s\[{,][?!]")


def _needs_pyyaml(text: str) -> bool:
    return bool(
        _ODD_CHARACTER.search(text)
        or _HEADER_COMMENT.search(text)
        or _MARK_STARTS_WORD.search(text)
        or text.startswith(("?", "!"))
    )


def _fast_load(text: str, shown: str) -> LoadedFile | None:
    """The file read by libyaml, or None to read it with PyYAML's own parser.

    A '?' or '!' in ordinary text (``Not sure? Ask us!``) reads the same either way;
    one that starts a word, or is inside [...] or {...}, sends the file to PyYAML.
    """
    if _FAST_LOADER is None or not text.endswith("\n") or _needs_pyyaml(text):
        return None
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return None
    except RecursionError:
        raise DataError([_too_deep(shown)]) from None
    if node is None:
        return None
    builder = _Builder(shown)
    try:
        data = builder.build(node, ())
    except _TooLarge:
        return None
    if builder.problems:
        return None
    if ("?" in text or "!" in text) and any(
        "?" in text[start:end] or "!" in text[start:end] for start, end in builder.flows
    ):
        return None
    return LoadedFile(shown, data, builder.lines, builder.written)
