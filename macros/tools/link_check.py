"""Check the links of a built site with linkchecker, over a loopback server.

Internal links are checked in the test suite. External links need the
internet, so they are checked by ``check-links --external`` in the weekly
workflow; the command serves the site itself, so it also works offline
against links to other local servers.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CONFIG = """\
[checking]
maxrequestspersecond=1000
timeout=20
[filtering]
ignore=
  ^mailto:
  ^tel:
  ^sms:
{extern}
"""


class _Handler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # linkchecker throttles a host to a few requests a second unless it sees this header.
        self.send_header("LinkChecker", "local server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(
    directory: Path, handler_class: type[SimpleHTTPRequestHandler] = _Handler
) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yields the base URL. A test may give
    its own ``handler_class`` (one page sent slowly, say)."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def check_links(site_dir: Path, external: bool) -> subprocess.CompletedProcess[str]:
    """Run linkchecker over the served site; external links too when asked."""
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "linkcheckerrc"
        extern = "" if external else "  ^https?://(?!127\\.0\\.0\\.1[:/])"
        config.write_text(CONFIG.format(extern=extern), encoding="utf-8")
        with serve(site_dir) as base_url:
            command = [sys.executable, "-m", "linkcheck", "--config", str(config), "--no-status"]
            if external:
                command.append("--check-extern")
            return subprocess.run([*command, base_url], capture_output=True, text=True, check=False)
