"""linkchecker finds no broken internal link or anchor in the built site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.browser import serve

# AnchorCheck is a linkchecker plugin, switched on through a config file.
LINKCHECKER_CONFIG = """\
[filtering]
ignore=
  ^mailto:
  ^tel:
  ^sms:
[AnchorCheck]
"""


def linkcheck(site_dir: Path, config_dir: Path) -> subprocess.CompletedProcess[str]:
    """Check every page reachable from the home page, over a loopback server.

    Served over HTTP because linkchecker drops root privileges to 'nobody',
    who cannot read pytest's private temporary folders.
    """
    config = config_dir / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    with serve(site_dir) as base_url:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "linkcheck",
                "--config",
                str(config),
                "--no-status",
                "--no-warnings",
                base_url,
            ],
            capture_output=True,
            text=True,
            check=False,
        )


def test_built_site_has_no_broken_links(site_dir: Path, tmp_path: Path) -> None:
    result = linkcheck(site_dir, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout


def test_linkchecker_catches_a_broken_link_and_anchor(site_dir: Path, tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "site"
    shutil.copytree(site_dir, broken)
    page = broken / "index.html"
    html = page.read_text(encoding="utf-8").replace(
        "</article>",
        '<a href="no-such-page/">x</a><a href="accessibility/#no-such-anchor">y</a></article>',
        1,
    )
    page.write_text(html, encoding="utf-8")
    result = linkcheck(broken, tmp_path)
    assert result.returncode != 0
    assert "no-such-page" in result.stdout
    assert "no-such-anchor" in result.stdout
