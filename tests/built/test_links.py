"""No broken internal link or anchor in the built fixture site.

linkchecker (run against a loopback server by ``macros.tools.link_check``) checks that
every linked page exists. Anchors are checked by our own small checker below:
linkchecker 10.6's AnchorCheck reported nothing for a missing anchor once the local
server lifted its request throttling, and with throttling one run takes a minute.

``tests/example/`` imports ``linkcheck`` and ``missing_anchors`` to check the example.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from macros.tools.link_check import check_links


def linkcheck(site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Check every page reachable from the home page, internal links only (no internet)."""
    return check_links(site_dir, external=False)


def missing_anchors(site_dir: Path) -> list[str]:
    """Every internal link whose #fragment names no id on its target page."""
    ids: dict[Path, set[str]] = {}
    links: list[tuple[Path, str]] = []
    for page in site_dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids[page.resolve()] = {str(tag["id"]) for tag in soup.find_all(id=True)}
        ids[page.resolve()] |= {
            str(tag["name"]) for tag in soup.find_all("a", attrs={"name": True})
        }
        links += [(page, str(a["href"])) for a in soup.find_all("a", href=True)]
    problems = []
    for page, href in links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.fragment:
            continue
        target = page if not parts.path else Path(urljoin(str(page), parts.path))
        if target.is_dir() or parts.path.endswith("/"):
            target = target / "index.html"
        target = target.resolve()
        if target in ids and unquote(parts.fragment) not in ids[target]:
            problems.append(f"{page.relative_to(site_dir)}: {href}")
    return sorted(set(problems))


def seed_broken_links(site_dir: Path, copy: Path) -> Path:
    shutil.copytree(site_dir, copy)
    page = copy / "index.html"
    html = page.read_text(encoding="utf-8").replace(
        "</article>",
        '<a href="no-such-page/">x</a><a href="accessibility/#no-such-anchor">y</a></article>',
        1,
    )
    page.write_text(html, encoding="utf-8")
    return copy


def test_built_site_has_no_broken_links(site_dir: Path) -> None:
    result = linkcheck(site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found." in result.stdout


def test_built_site_has_no_missing_anchors(site_dir: Path) -> None:
    assert missing_anchors(site_dir) == []


def test_the_site_has_links_to_anchors_to_check(site_dir: Path) -> None:
    # Guards the test above against passing because no link has a #fragment.
    home = BeautifulSoup((site_dir / "offer" / "index.html").read_text("utf-8"), "html.parser")
    assert any("#" in str(a["href"]) for a in home.find_all("a", href=True))


def test_linkchecker_catches_a_broken_link(site_dir: Path, tmp_path: Path) -> None:
    broken = seed_broken_links(site_dir, tmp_path / "site")
    result = linkcheck(broken)
    assert result.returncode != 0
    assert "no-such-page" in result.stdout


def test_anchor_check_catches_a_missing_anchor(site_dir: Path, tmp_path: Path) -> None:
    broken = seed_broken_links(site_dir, tmp_path / "site")
    assert missing_anchors(broken) == ["index.html: accessibility/#no-such-anchor"]
