"""Lighthouse scores of our site next to a stock mkdocs-material build of the same pages.

A benchmark to run by hand, not a test (pytest only imports this file for doctests)::

    uv run python tests/benchmarks/lighthouse.py
    uv run python tests/benchmarks/lighthouse.py --only / offer/ --reports lighthouse-reports

What it does:

1. **Our site**: ``mkdocs build --strict`` of this project into a temporary folder.
   ``SOURCE_DATE_EPOCH`` is passed on when it is set, so the build date and the review
   status on the pages repeat from run to run.
2. **A stock site from the same Markdown**: a copy of ``docs/``, ``data/`` and ``macros/``
   built with a ``mkdocs.yml`` whose theme is plain ``material`` (its default Roboto
   fonts from Google Fonts, its default palette, no theme features, no ``custom_dir``)
   and with no ``extra_css`` or ``extra_javascript``. The plugins (search, and macros with
   the same module), hooks, Markdown extensions and nav are ours, so each page holds the
   same text. ``docs/assets/clo.*`` are left out.
3. Serves each site on loopback under the path of ``site_url`` (``/care-leavers/``),
   gzip-compressing text files as GitHub Pages does.
4. Runs npm ``lighthouse`` (version ``LIGHTHOUSE`` below; it is installed on first use
   with ``npm install --no-save`` into ``$XDG_CACHE_HOME/clo-benchmarks/``, by default
   ``~/.cache/clo-benchmarks/``; it needs Node 18.16 or later) on every page of both sites,
   with Debian's Chromium (``CHROME_PATH``, default ``/usr/bin/chromium``; flags
   ``--headless=new --no-sandbox --disable-gpu``) and Lighthouse's defaults: a mobile
   phone with simulated slow 4G and a slower CPU.
5. Prints one table, a row per page, each column "ours / stock":

   - ``Perf``, ``A11y``, ``BP``, ``SEO``: the four Lighthouse category scores (0-100);
   - ``LCP s``: largest contentful paint, in seconds, as simulated;
   - ``KB``: everything the page downloaded, compressed as served (the sum of
     ``transferSize`` over Lighthouse's ``network-requests``);
   - ``Req``: the number of requests, failed ones included. Without internet access the
     stock site's requests to Google Fonts fail; they are counted, and the hosts tried
     are listed under the table;
   - ``1st KB``: ``KB`` without the images Lighthouse reports as off screen
     (``offscreen-images``), roughly what the first screen needs.

Each Lighthouse run takes 10 to 20 seconds: the whole site, both builds, takes about 15
minutes on a two-core machine. ``--only`` picks pages by URL path below the site root
(``/`` is the home page); ``--reports DIR`` keeps every Lighthouse JSON report.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = "12.8.2"  # 13 needs Node 22.19; Debian 13 ships Node 20
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


# Building.


def build(project: Path, site_dir: Path) -> None:
    """``mkdocs build --strict``; SOURCE_DATE_EPOCH passes through from the environment."""
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        sys.exit(f"build of {project} failed:\n{completed.stdout}{completed.stderr}")


def stock_project(destination: Path) -> Path:
    """A copy of the project whose theme is mkdocs-material as it comes."""
    destination.mkdir(parents=True)
    for part in ("docs", "data", "macros"):
        shutil.copytree(
            ROOT / part, destination / part, ignore=shutil.ignore_patterns("__pycache__")
        )
    for ours in (destination / "docs" / "assets").glob("clo.*"):
        ours.unlink()
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"] = {"name": "material", "language": config["theme"].get("language", "en")}
    config.pop("extra_css", None)
    config.pop("extra_javascript", None)
    config.pop("watch", None)  # names overrides/, which the stock project has not
    (destination / "mkdocs.yml").write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return destination


def page_paths(site_dir: Path) -> list[str]:
    """Every page as a URL path below the site root: '', 'offer/', '404.html'."""
    return [
        html.relative_to(site_dir).as_posix().removesuffix("index.html")
        for html in sorted(site_dir.rglob("*.html"))
    ]


# Serving.


class _Handler(SimpleHTTPRequestHandler):
    """Static files, text gzip-compressed when the browser accepts it."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site_dir: Path, scratch: Path, site_path: str) -> Iterator[str]:
    """Serve ``site_dir`` on loopback at ``/site_path/``; yields the site's URL."""
    root = scratch / "www"
    mount = root / site_path if site_path else root
    mount.parent.mkdir(parents=True, exist_ok=True)
    if mount.is_symlink():
        mount.unlink()  # left by an earlier run in a kept folder (site_speed.py --reuse)
    mount.symlink_to(site_dir, target_is_directory=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        prefix = f"{site_path}/" if site_path else ""
        yield f"http://127.0.0.1:{server.server_address[1]}/{prefix}"
    finally:
        server.shutdown()
        server.server_close()


# Lighthouse.


def lighthouse_bin() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = cache / "clo-benchmarks" / f"lighthouse-{LIGHTHOUSE}"
    binary = folder / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if shutil.which("npm") is None:
            sys.exit("npm not found: install Node.js 18.16 or later (apt-get install npm)")
        folder.mkdir(parents=True, exist_ok=True)
        print(f"Installing lighthouse {LIGHTHOUSE} into {folder} ...", file=sys.stderr)
        subprocess.run(
            [
                *("npm", "install", "--no-save", "--no-audit", "--no-fund"),
                *("--prefix", str(folder), f"lighthouse@{LIGHTHOUSE}"),
            ],
            check=True,
        )
    return binary


@dataclass
class Result:
    scores: dict[str, int | None] = field(default_factory=dict)
    lcp_s: float | None = None
    kb: float = 0.0
    first_kb: float = 0.0
    requests: int = 0
    elsewhere: set[str] = field(default_factory=set)
    error: str = ""


def run_lighthouse(binary: Path, url: str, report: Path) -> Result:
    completed = subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROME_PATH},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if not report.is_file():
        return Result(error=(completed.stderr.strip().splitlines() or ["no report"])[-1])
    return summarise(json.loads(report.read_text(encoding="utf-8")), urlsplit(url).netloc)


def summarise(report: dict[str, Any], local: str) -> Result:
    result = Result()
    for key in CATEGORIES:
        score = report["categories"][key]["score"]
        result.scores[key] = None if score is None else round(score * 100)
    audits = report["audits"]
    lcp = audits["largest-contentful-paint"].get("numericValue")
    result.lcp_s = None if lcp is None else lcp / 1000
    requests = (audits["network-requests"].get("details") or {}).get("items", [])
    offscreen = {
        item["url"]
        for item in (audits.get("offscreen-images", {}).get("details") or {}).get("items", [])
    }
    result.requests = len(requests)
    result.kb = sum(item.get("transferSize") or 0 for item in requests) / 1024
    result.first_kb = (
        sum(item.get("transferSize") or 0 for item in requests if item["url"] not in offscreen)
        / 1024
    )
    for item in requests:
        parts = urlsplit(item["url"])
        if parts.scheme in ("http", "https") and parts.netloc != local:
            result.elsewhere.add(parts.netloc)
    if report.get("runtimeError"):
        result.error = report["runtimeError"].get("message", "runtime error")
    return result


# Report.

COLUMNS = (
    ("Perf", lambda r: r.scores.get("performance")),
    ("A11y", lambda r: r.scores.get("accessibility")),
    ("BP", lambda r: r.scores.get("best-practices")),
    ("SEO", lambda r: r.scores.get("seo")),
    ("LCP s", lambda r: None if r.lcp_s is None else f"{r.lcp_s:.1f}"),
    ("KB", lambda r: f"{r.kb:.0f}"),
    ("Req", lambda r: r.requests),
    ("1st KB", lambda r: f"{r.first_kb:.0f}"),
)


def pair(ours: Result, stock: Result, value: Any) -> str:
    def one(result: Result) -> str:
        shown = value(result)
        return "err" if result.error else ("-" if shown is None else str(shown))

    return f"{one(ours)} / {one(stock)}"


def table(rows: list[tuple[str, Result, Result]]) -> str:
    header = ["Page (ours / stock)", *(name for name, _ in COLUMNS)]
    body = [[f"/{path}", *(pair(o, s, value) for _, value in COLUMNS)] for path, o, s in rows]
    if rows:
        mean: list[str] = ["mean"]
        for _, value in COLUMNS:
            cells = []
            for index in (1, 2):
                numbers = [
                    float(value(row[index]))
                    for row in rows
                    if not row[index].error and value(row[index]) is not None
                ]
                cells.append(f"{sum(numbers) / len(numbers):.1f}" if numbers else "-")
            mean.append(" / ".join(cells))
        body.append(mean)
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(header, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in body]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="PATH", help="URL paths, e.g. / offer/")
    parser.add_argument("--reports", type=Path, help="keep the Lighthouse JSON reports here")
    args = parser.parse_args(argv)
    if not Path(CHROME_PATH).is_file():
        sys.exit(f"Chromium not found at {CHROME_PATH}: apt-get install chromium")
    binary = lighthouse_bin()
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    site_path = urlsplit(config["site_url"]).path.strip("/")

    with tempfile.TemporaryDirectory(prefix="clo-lighthouse-") as temp:
        scratch = Path(temp)
        ours_dir, stock_dir = scratch / "ours", scratch / "stock"
        print("Building our site and the stock site ...", file=sys.stderr)
        build(ROOT, ours_dir)
        build(stock_project(scratch / "stock-project"), stock_dir)
        paths = page_paths(ours_dir)
        if args.only:
            wanted = {only.strip("/") for only in args.only}
            paths = [path for path in paths if path.strip("/") in wanted]
        reports = args.reports or scratch / "reports"
        rows: list[tuple[str, Result, Result]] = []
        with (
            serve(ours_dir, scratch / "serve-ours", site_path) as ours_url,
            serve(stock_dir, scratch / "serve-stock", site_path) as stock_url,
        ):
            for number, path in enumerate(paths, start=1):
                print(f"[{number}/{len(paths)}] /{path}", file=sys.stderr)
                results = []
                for name, url in (("ours", ours_url), ("stock", stock_url)):
                    slug = path.strip("/").replace("/", "_").replace(".", "_") or "home"
                    report = reports / name / f"{slug}.json"
                    report.parent.mkdir(parents=True, exist_ok=True)
                    results.append(run_lighthouse(binary, url + path, report))
                rows.append((path, results[0], results[1]))

    print(f"\nLighthouse {LIGHTHOUSE}, mobile, simulated throttling; each cell ours / stock.\n")
    print(table(rows))
    for index, name in ((0, "ours"), (1, "stock")):
        results = [(path, (ours, stock)[index]) for path, ours, stock in rows]
        hosts = sorted({host for _, result in results for host in result.elsewhere})
        print(
            f"\nHosts other than the local server that {name} asked: {', '.join(hosts) or 'none'}"
        )
        for path, result in results:
            if result.error:
                print(f"  /{path}: {result.error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
