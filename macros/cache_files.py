"""Files the build keeps between builds (its caches), written whole or not at all.

Several processes may write the same cache file at once (the other languages are built
beside the site's own) and a build may be stopped at any moment: a reader must never
find half a file. Each is written beside its place as ``.<name>.<process id>.partial``,
then renamed over it, which POSIX makes atomic.
"""

from __future__ import annotations

import os
from pathlib import Path


def write_whole(target: Path, content: bytes | str) -> None:
    """Write ``content`` (text as UTF-8) to ``target``, whole or not at all; creates
    the folder. Raises ``OSError`` as ``open`` does (a read-only checkout).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "cache"
    >>> write_whole(folder / "a.json", '{"a": 1}')
    >>> (folder / "a.json").read_text(), sorted(path.name for path in folder.iterdir())
    ('{"a": 1}', ['a.json'])
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)  # only there if the write or rename failed
