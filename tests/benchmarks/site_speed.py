"""How fast the site is for a phone, at the example's size and with 5,000 entries (issue 21).

A benchmark to run by hand, not a test (pytest only imports this file for doctests)::

    uv run python tests/benchmarks/site_speed.py
    uv run python tests/benchmarks/site_speed.py --sizes example --all-pages
    uv run python tests/benchmarks/site_speed.py --sizes 5000 --no-lighthouse
    uv run python tests/benchmarks/site_speed.py --sizes 5000 --keep /tmp/speed --reuse

``--keep DIR`` leaves each size's project and built site in ``DIR/<size>/``; a later run
with ``--reuse`` measures them again without building (the 5,000-entry build takes
about 25 minutes): to compare a script, copy it into the kept site first.

What it does for each size (``example``: the repository's site as it is; a number: the
example with its offer replaced by that many generated entries, from the generator the
benchmarks share, ``big_offer.py``):

1. builds the site (``mkdocs build --strict``, today frozen as in the tests) and serves
   it on loopback under the path of ``site_url``, text gzip-compressed as GitHub Pages
   does (the server of ``lighthouse.py``);
2. runs Lighthouse (``lighthouse.py``'s version and settings: mobile, simulated slow 4G,
   4x CPU) on the home page, the first section page, ``offer/``, ``reviews/``,
   ``search/`` and the finder when the site has one (its questions, ``finder/19/`` and
   ``finder/21/``; ``--pages`` adds others, ``--all-pages`` takes every page); a
   finder question after the first is opened with an age in its address, as a visitor
   comes to it;
3. times search in Chromium as a phone on slow 4G: CDP ``Emulation.setCPUThrottlingRate``
   (4x) and ``Network.emulateNetworkConditions`` with the figures Lighthouse uses for
   slow 4G when it throttles the browser itself (562.5 ms a request, 1.47 Mbit/s down,
   675 kbit/s up), each run in a fresh browser context (empty cache):

   - ``first search, typed``: the search page loaded, the box tapped and the question
     typed at ``--type-delay`` ms a key (a fast thumb), then Enter; the time from Enter
     until the results are listed, and in brackets until their snippets are there too;
   - ``first search, at once``: the same question filled in whole and sent at once, so
     nothing can be fetched while typing (the worst case);
   - ``later search``: after the typed first search, a second question typed and sent;
   - ``search heap``: the page's JavaScript heap after both searches, garbage collected
     (``Runtime.getHeapUsage``), and how much of it the searches added;
   - ``KB``: what the searches downloaded, compressed.

   The table gives the best of ``--repeat`` runs; each search's runs and their median
   are logged above it.

``--runs N`` runs Lighthouse N times on every page, round after round over the pages,
and reports each figure's median (Lighthouse's advice for figures that vary between
runs); every run's LCP and blocking time are logged above the table.

It prints one table. Columns: Lighthouse's performance score, LCP, total blocking time,
cumulative layout shift, the number of DOM elements (Lighthouse's ``dom-size``), the
page's first view (everything it downloaded but images, compressed, in KB) and requests;
search rows give milliseconds, KB and heap instead.

Figures vary with the machine's load (two shared cores): run it when the machine is quiet,
and compare runs made the same way.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.big_offer import offer_nav, write_offer  # noqa: E402
from tests.benchmarks.lighthouse import (  # noqa: E402
    CHROME_PATH,
    LIGHTHOUSE,
    lighthouse_bin,
    run_lighthouse,
    serve,
)
from tests.browser import READY  # noqa: E402
from tests.browser_tests.test_a11y import visit_path  # noqa: E402
from tests.conftest import BUILD_DATE, FROZEN_EPOCH, SITE_PARTS, TEMPLATE_PARTS, _copy  # noqa: E402

DEFAULT_SIZES = "example,5000"
SLOW_4G = {
    # Lighthouse's slow 4G for throttling applied in the browser ("devtools" throttling):
    # its simulated 150 ms RTT and 1.6 Mbit/s, adjusted as Lighthouse adjusts them.
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1474.56 * 1024 / 8,
    "uploadThroughput": 675 * 1024 / 8,
}
CPU_SLOWDOWN = 4
FINDER_PAGES = ("finder/", "finder/situations/", "finder/where/", "finder/19/", "finder/21/")
"""The situations finder's pages, measured when a site has them (issue 18): its three
questions and two results pages, the example's largest (19) and a generated offer's (21)."""


# Sites.


def make_site(size: str, workdir: Path, reuse: bool = False) -> tuple[Path, Path, str]:
    """A copy of the project (``size`` entries, or the example), built; returns the
    project, the built site and the first section page's URL path. With ``reuse``, a
    project and site that ``--keep`` left in ``workdir`` are measured as they are."""
    project = workdir / "project"
    site_dir = workdir / "site"
    kept = reuse and (site_dir / "index.html").is_file()
    if not kept:
        for part in (*TEMPLATE_PARTS, *SITE_PARTS):
            _copy(ROOT / part, project / part)
        if size != "example":
            write_offer(project, int(size), BUILD_DATE)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    first = _first_page(offer_nav(config["nav"])[1:])
    if kept:
        log(f"[{size}] measured as kept in {workdir}")
        return project, site_dir, first.removesuffix(".md") + "/"
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env={**os.environ, "SOURCE_DATE_EPOCH": FROZEN_EPOCH},
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        sys.exit(f"build of {size} failed:\n{completed.stdout}{completed.stderr[-4000:]}")
    log(f"[{size}] built in {time.perf_counter() - started:.1f} s")
    return project, site_dir, first.removesuffix(".md") + "/"


def _first_page(items: list[Any]) -> str:
    for item in items:
        if isinstance(item, str):
            return item
        if isinstance(item, dict):
            for value in item.values():
                found = _first_page(value if isinstance(value, list) else [value])
                if found:
                    return found
    return ""


def site_path(project: Path) -> str:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    return str(urlsplit(config["site_url"]).path).strip("/")


def pages_to_measure(site_dir: Path, section: str, extra: list[str], every: bool) -> list[str]:
    """URL paths below the site root, in the order they are reported, as a visitor opens
    them: the finder's later questions with an age in the address (``visit_path``), as
    without one their script sends the visitor back to the first question, and
    Lighthouse would time two pages as one."""
    if every:
        feed = site_dir / "open-referral"
        paths = [
            html.relative_to(site_dir).as_posix().removesuffix("index.html")
            for html in sorted(site_dir.rglob("*.html"))
            if not html.is_relative_to(feed)
        ]
    else:
        wanted = ["", section, "offer/", "reviews/", "search/", *FINDER_PAGES, *extra]
        paths = [
            path for path in dict.fromkeys(wanted) if (site_dir / path / "index.html").is_file()
        ]
    return [visit_path(site_dir, path) for path in paths]


# Lighthouse.


@dataclass
class PageRow:
    path: str
    performance: int | None = None
    lcp_s: float | None = None
    tbt_ms: float | None = None
    cls: float | None = None
    dom: int | None = None
    first_view_kb: float = 0.0
    requests: int = 0
    error: str = ""


def lighthouse_row(binary: Path, url: str, path: str, report: Path) -> PageRow:
    result = run_lighthouse(binary, url, report)
    row = PageRow(path, error=result.error)
    if not report.is_file():
        return row
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    row.performance = result.scores.get("performance")
    row.lcp_s = result.lcp_s
    row.tbt_ms = audits["total-blocking-time"].get("numericValue")
    row.cls = audits["cumulative-layout-shift"].get("numericValue")
    dom = audits.get("dom-size", {}).get("numericValue")
    row.dom = None if dom is None else int(dom)
    requests = (audits["network-requests"].get("details") or {}).get("items", [])
    row.requests = len(requests)
    row.first_view_kb = (
        sum(
            item.get("transferSize") or 0
            for item in requests
            # Images by type, and by MIME type too: Chromium files the favicon and the
            # manifest's icon under "Other".
            if item.get("resourceType") != "Image"
            and not str(item.get("mimeType") or "").startswith("image/")
        )
        / 1024
    )
    return row


def median_row(runs: list[PageRow]) -> PageRow:
    """One page's runs as one row: the median of each figure over the runs that gave it.

    Lighthouse's own advice for a figure that varies from run to run is the median of
    several runs; a single run on a busy two-core machine can be 0.2 s off in LCP.

    >>> median_row([PageRow("a/", 99, 0.9, 40.0), PageRow("a/", 100, 1.1, 10.0),
    ...             PageRow("a/", 100, 0.8, 20.0)])  # doctest: +ELLIPSIS
    PageRow(path='a/', performance=100, lcp_s=0.9, tbt_ms=20.0, cls=None, dom=None, ...)
    """
    measured = [run for run in runs if run.performance is not None]
    if not measured:
        return runs[0]

    def middle(values: list[Any]) -> Any:
        values = [value for value in values if value is not None]
        return statistics.median_low(values) if values else None

    return PageRow(
        path=runs[0].path,
        performance=middle([run.performance for run in measured]),
        lcp_s=middle([run.lcp_s for run in measured]),
        tbt_ms=middle([run.tbt_ms for run in measured]),
        cls=middle([run.cls for run in measured]),
        dom=middle([run.dom for run in measured]),
        first_view_kb=middle([run.first_view_kb for run in measured]),
        requests=middle([run.requests for run in measured]),
        error="; ".join(run.error for run in runs if run.error),
    )


# Search.

TIMING_SCRIPT = """
window.__cloTiming = {submitted: null, done: null, complete: null};
document.addEventListener("submit", function () {
  window.__cloTiming.submitted = performance.now();
  window.__cloTiming.done = null;
  window.__cloTiming.complete = null;
}, true);
document.addEventListener("DOMContentLoaded", function () {
  var status = document.querySelector("[data-clo-search-status]");
  var words = document.getElementById("clo-search-words");
  if (!status || !words) { return; }
  var searching = JSON.parse(words.textContent)["search.searching"];
  searching = typeof searching === "string" ? searching : "";
  new MutationObserver(function () {
    var text = status.textContent;
    if (text && text !== searching && window.__cloTiming.submitted !== null) {
      var seen = performance.now();
      requestAnimationFrame(function () {
        window.__cloTiming.done = Math.max(seen, performance.now());
      });
    }
  }).observe(status, {childList: true, characterData: true, subtree: true});
  var list = document.querySelector("[data-clo-search-results]");
  new MutationObserver(function () {
    if (list.hasAttribute("data-clo-search-complete") && window.__cloTiming.submitted !== null) {
      var seen = performance.now();
      requestAnimationFrame(function () {
        window.__cloTiming.complete = Math.max(seen, performance.now());
      });
    }
  }).observe(list, {attributes: true, childList: true, subtree: true});
});
"""


@dataclass
class SearchRun:
    first_ms: float
    """Until the results are listed (the status says how many)."""
    kb: float
    first_complete_ms: float | None = None
    """Until their snippets are there too (the same for a search that shows both at once)."""
    later_ms: float | None = None
    later_complete_ms: float | None = None
    heap_mb: float | None = None
    heap_added_mb: float | None = None
    requests: list[str] = field(default_factory=list)


def _throttled_page(browser: Any) -> tuple[Any, Any, Any, list[int]]:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    context.add_init_script(TIMING_SCRIPT)
    page = context.new_page()
    client = context.new_cdp_session(page)
    client.send("Network.enable")
    client.send("Network.emulateNetworkConditions", SLOW_4G)
    client.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    received: list[int] = []
    client.on(
        "Network.loadingFinished", lambda event: received.append(int(event["encodedDataLength"]))
    )
    return context, page, client, received


def _heap_mb(client: Any) -> float:
    client.send("HeapProfiler.collectGarbage")
    return float(client.send("Runtime.getHeapUsage")["usedSize"]) / 1e6


def _search(page: Any, question: str, typed: bool, delay: float) -> tuple[float, float]:
    box = page.locator("#clo-search-query")
    if typed:
        box.click()
        box.fill("")
        page.keyboard.type(question, delay=delay)
    else:
        box.fill(question)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "window.__cloTiming.done !== null && window.__cloTiming.submitted !== null",
        timeout=60_000,
    )
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # The search page before issue 21 showed results and snippets at once: no "complete".
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function("window.__cloTiming.complete !== null", timeout=20_000)
    timing = page.evaluate("window.__cloTiming")
    listed = float(timing["done"] - timing["submitted"])
    complete = timing["complete"]
    return listed, listed if complete is None else max(
        listed, float(complete - timing["submitted"])
    )


def time_search(
    browser: Any, url: str, first: str, later: str, typed: bool, delay: float
) -> SearchRun:
    context, page, client, received = _throttled_page(browser)
    try:
        page.goto(url + "search/", wait_until="load")
        # The search script comes after the first paint (overrides/main.html, "later"):
        # on slow 4G well after the load event.
        page.wait_for_function(READY, timeout=60_000)
        page.wait_for_timeout(500)
        base_heap = _heap_mb(client)
        before = sum(received)
        first_ms, first_complete = _search(page, first, typed, delay)
        run = SearchRun(first_ms, 0.0, first_complete)
        if typed:
            page.wait_for_timeout(300)
            run.later_ms, run.later_complete_ms = _search(page, later, True, delay)
            run.heap_mb = _heap_mb(client)
            run.heap_added_mb = run.heap_mb - base_heap
        page.wait_for_timeout(200)
        run.kb = (sum(received) - before) / 1024
        return run
    finally:
        context.close()


# Report.


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _cell(value: Any, form: str = "{}") -> str:
    return "-" if value is None else form.format(value)


def table(rows: list[list[str]]) -> str:
    header = [
        "site",
        "page or search",
        "perf",
        "LCP s",
        "TBT ms",
        "CLS",
        "DOM",
        "KB",
        "req",
        "search ms (+snippets)",
        "heap MB (added)",
    ]
    widths = [max(len(line[i]) for line in [header, *rows]) for i in range(len(header))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(header, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def page_cells(size: str, row: PageRow) -> list[str]:
    if row.error and row.performance is None:
        return [size, f"/{row.path} (error: {row.error[:40]})", *["-"] * 9]
    return [
        size,
        f"/{row.path}",
        _cell(row.performance),
        _cell(row.lcp_s, "{:.2f}"),
        _cell(row.tbt_ms, "{:.0f}"),
        _cell(row.cls, "{:.3f}"),
        _cell(row.dom),
        f"{row.first_view_kb:.1f}",
        str(row.requests),
        "-",
        "-",
    ]


def summary_cells(size: str, rows: list[PageRow]) -> list[str]:
    lcps = [row.lcp_s for row in rows if row.lcp_s is not None]
    kbs = [row.first_view_kb for row in rows if row.performance is not None]
    scores = [row.performance for row in rows if row.performance is not None]
    doms = [row.dom for row in rows if row.dom is not None]
    return [
        size,
        f"({len(rows)} pages: median / worst)",
        f"{min(scores)} worst" if scores else "-",
        f"{statistics.median(lcps):.2f} / {max(lcps):.2f}" if lcps else "-",
        "-",
        "-",
        f"{max(doms)} max" if doms else "-",
        f"{statistics.median(kbs):.1f} / {max(kbs):.1f}" if kbs else "-",
        "-",
        "-",
        "-",
    ]


def search_cells(
    size: str, what: str, ms: tuple[float | None, float | None], run: SearchRun, heap: bool
) -> list[str]:
    listed, complete = ms
    return [
        size,
        what,
        *["-"] * 5,
        f"{run.kb:.1f}" if what.startswith("first") else "-",
        "-",
        "-" if listed is None else f"{listed:.0f} ({_cell(complete, '{:.0f}')})",
        f"{run.heap_mb:.1f} ({run.heap_added_mb:+.1f})"
        if heap and run.heap_mb is not None and run.heap_added_mb is not None
        else "-",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"default: {DEFAULT_SIZES}")
    parser.add_argument("--pages", nargs="*", default=[], help="more URL paths, e.g. gallery/")
    parser.add_argument("--all-pages", action="store_true", help="Lighthouse on every page")
    parser.add_argument("--no-lighthouse", action="store_true", help="search timing only")
    parser.add_argument("--no-search", action="store_true", help="Lighthouse only")
    parser.add_argument("--first", default="rent", help="first question (default: rent)")
    parser.add_argument("--later", default="college", help="later question (default: college)")
    parser.add_argument("--type-delay", type=float, default=150, help="ms a key (default 150)")
    parser.add_argument("--repeat", type=int, default=3, help="search runs, best kept")
    parser.add_argument(
        "--runs", type=int, default=1, help="Lighthouse runs a page, median kept (default 1)"
    )
    parser.add_argument("--reports", type=Path, help="keep the Lighthouse JSON reports here")
    parser.add_argument("--keep", type=Path, help="keep the built projects and sites here")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: measure the sites an earlier run kept there, without building",
    )
    args = parser.parse_args(argv)
    if args.reuse and args.keep is None:
        parser.error("--reuse needs --keep DIR")
    if not Path(CHROME_PATH).is_file():
        sys.exit(f"Chromium not found at {CHROME_PATH}: apt-get install chromium")
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    binary = None if args.no_lighthouse else lighthouse_bin()
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="clo-speed-") as temp:
        scratch = args.keep or Path(temp)
        for size in sizes:
            project, site_dir, section = make_site(size, scratch / size, args.reuse)
            pages = pages_to_measure(site_dir, section, args.pages, args.all_pages)
            with serve(site_dir, scratch / f"serve-{size}", site_path(project)) as url:
                if binary is not None:
                    runs: dict[str, list[PageRow]] = {path: [] for path in pages}
                    folder = args.reports or scratch / "reports"
                    # Round after round over every page, so a busy minute on the machine
                    # falls on different pages in different rounds.
                    for run in range(1, args.runs + 1):
                        for number, path in enumerate(pages, start=1):
                            log(f"[{size}] Lighthouse {number}/{len(pages)}, run {run}: /{path}")
                            name = re.sub(r"[^\w-]", "_", path.strip("/")) or "home"
                            name += f"-{run}" if args.runs > 1 else ""
                            report = folder / size / f"{name}.json"
                            report.parent.mkdir(parents=True, exist_ok=True)
                            runs[path].append(lighthouse_row(binary, url + path, path, report))
                    if args.runs > 1:
                        for path, page_runs in runs.items():
                            log(
                                f"[{size}] /{path} LCP s: "
                                f"{[_cell(row.lcp_s, '{:.2f}') for row in page_runs]}, "
                                f"TBT ms: {[_cell(row.tbt_ms, '{:.0f}') for row in page_runs]}"
                            )
                    measured = [median_row(page_runs) for page_runs in runs.values()]
                    rows += [page_cells(size, row) for row in measured]
                    if len(measured) > 1:
                        rows.append(summary_cells(size, measured))
                if not args.no_search:
                    rows += search_rows(size, url, args)
    print(
        f"\nSite speed: Lighthouse {LIGHTHOUSE} mobile (simulated), median of {args.runs} "
        f"run(s) a page; search in Chromium with "
        f"{CPU_SLOWDOWN}x CPU and slow 4G ({SLOW_4G['latency']} ms, "
        f"{SLOW_4G['downloadThroughput'] * 8 / 1024:.0f} kbit/s); search: best of "
        f"{args.repeat}, typed at {args.type_delay:.0f} ms a key; first question "
        f"{args.first!r}, later {args.later!r}\n"
    )
    print(table(rows))
    return 0


def search_rows(size: str, url: str, args: argparse.Namespace) -> list[list[str]]:
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            typed = [
                time_search(browser, url, args.first, args.later, True, args.type_delay)
                for _ in range(args.repeat)
            ]
            at_once = [
                time_search(browser, url, args.first, args.later, False, 0)
                for _ in range(args.repeat)
            ]
        finally:
            browser.close()
    for name, times in (
        ("search typed", [run.first_ms for run in typed]),
        ("search at once", [run.first_ms for run in at_once]),
        ("later search", [run.later_ms or 0.0 for run in typed]),
    ):
        # Every run and their median: the table's best of N hides how much they vary.
        log(
            f"[{size}] {name}: {[round(time) for time in times]} ms, "
            f"median {statistics.median(times):.0f}"
        )
    best_typed = min(typed, key=lambda run: run.first_ms)
    best_later = min(typed, key=lambda run: run.later_ms or 0)
    best_once = min(at_once, key=lambda run: run.first_ms)
    return [
        search_cells(
            size,
            "first search, typed",
            (best_typed.first_ms, best_typed.first_complete_ms),
            best_typed,
            False,
        ),
        search_cells(
            size,
            "first search, at once",
            (best_once.first_ms, best_once.first_complete_ms),
            best_once,
            False,
        ),
        search_cells(
            size,
            "later search, typed",
            (best_later.later_ms, best_later.later_complete_ms),
            best_later,
            True,
        ),
    ]


if __name__ == "__main__":
    raise SystemExit(main())
