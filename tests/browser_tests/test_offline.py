"""Reading the offer offline, and installing the site, in real Chromium.

The fixture site is built and served under the path of its ``site_url``
(``/care-leavers/``), as on GitHub Pages, so the service worker is tested under a
sub-path. After a first visit the browser goes offline and pages are read from the
saved copy, with the notice; after a new publish, the next online visit shows it.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright

from macros.derive.print_offer import printed_paths
from macros.derive.site import SiteViews
from tests.browser import CHROMIUM_ARGS, CHROMIUM_PATH, launch, open_page, serve
from tests.conftest import BUILD_DATE, copy_fixture_site, run_build

PHONE = {"width": 360, "height": 800}
CHANGED_TITLE = "A title changed by a new publish"


@dataclass
class Served:
    project: Path
    site_dir: Path
    url: str
    """The site's address, e.g. http://127.0.0.1:8123/care-leavers/."""


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The fixture site built into ``<www>/<site path>/`` and served from ``<www>``."""
    project = copy_fixture_site(tmp_path_factory.mktemp("offline-project"))
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    site_path = urlsplit(config["site_url"]).path.strip("/")
    assert site_path, "the fixture site is published under a path, as on GitHub Pages"
    www = tmp_path_factory.mktemp("www")
    site_dir = www / site_path
    result = run_build(project, site_dir)
    assert result.returncode == 0, result.output
    with serve(www) as root:
        yield Served(project, site_dir, f"{root}{site_path}/")


def wait_until_saved(page: Page) -> None:
    """Until the service worker has saved the offer and controls the page."""
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def wait_for_new_worker(page: Page) -> None:
    """Until the browser has checked for a new service worker and any new one is active."""
    page.evaluate(
        """async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            await registration.update();
            const until = Date.now() + 20000;
            while ((registration.installing || registration.waiting) && Date.now() < until) {
                await new Promise((done) => setTimeout(done, 50));
            }
            return registration.active.state;
        }"""
    )


def go_offline(context: BrowserContext) -> None:
    context.set_offline(True)
    # Playwright's offline mode reaches the pages but not the service worker's own
    # requests in Chromium: those are cut off too, as on a phone with no signal.
    context.route("**/*", lambda route: route.abort("internetdisconnected"))


def go_online(context: BrowserContext) -> None:
    context.unroute("**/*")
    context.set_offline(False)


def notice_text(views: SiteViews) -> str:
    words = views.words
    notice = words(
        "offline.notice",
        offer_title=views.settings.strategy.offer_title,
        date=words.date(BUILD_DATE),
    )
    return f"{notice} {words('offline.saved_link')}"


def text_of(page: Page, selector: str) -> str:
    return " ".join(" ".join(page.locator(selector).all_inner_texts()).split())


def test_the_offer_reads_offline_with_the_notice(
    playwright: Playwright, served: Served, views: SiteViews
) -> None:
    browser = launch(playwright)
    context = browser.new_context(viewport=PHONE)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    open_page(page, served.url)
    wait_until_saved(page)
    assert views.places.overview is not None
    open_page(page, served.url + views.places.overview)
    assert page.locator(".clo-offline").count() == 0, "online, pages come from the network"

    go_offline(context)
    sections = list(views.sections.values())[:3]
    # The finder's pages are on another branch; these stand in for them.
    others = ["need-help-now/", "changes/", printed_paths(views)[0]]
    for url in [section.url for section in sections] + others:
        response = open_page(page, served.url + url)
        assert response is not None and response.ok, url
        assert text_of(page, ".clo-offline") == notice_text(views), url
        assert page.locator("h1").count() == 1, url
    for section in sections:
        open_page(page, served.url + section.url)
        entry = section.entries[0]
        assert page.locator(f"#{entry.id}").inner_text() == entry.title

    # A page that is not saved: the offline page, with phone numbers and saved pages.
    open_page(page, served.url + "strategy/principles/")
    assert page.locator("h1").inner_text() == views.words("offline.title")
    assert page.locator(".clo-offline").count() == 0
    content = text_of(page, "article")
    contact = views.settings.contact
    for number in (contact.phone, contact.out_of_hours_phone):
        assert number in content
    for help_contact in views.settings.help_now:
        assert help_contact.name in content
    page.locator(f'article a[href="{sections[1].url}"]').click()
    page.wait_for_load_state()
    assert page.url == served.url + sections[1].url
    entry = sections[1].entries[0]
    assert page.locator(f"#{entry.id}").inner_text() == entry.title
    assert text_of(page, ".clo-offline") == notice_text(views)
    page.get_by_role("link", name=views.words("offline.saved_link")).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == views.words("offline.title")

    go_online(context)
    origin = urlsplit(served.url).netloc
    elsewhere = [url for url in requested if urlsplit(url).netloc not in ("", origin)]
    assert requested and elsewhere == []
    browser.close()


def test_a_new_publish_shows_on_the_next_visit(
    playwright: Playwright, served: Served, views: SiteViews
) -> None:
    browser = launch(playwright)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    section = views.sections["always-current"]
    entry = section.entries[0]
    open_page(page, served.url + section.url)
    wait_until_saved(page)
    go_offline(context)
    open_page(page, served.url + section.url)
    assert page.locator(f"#{entry.id}").inner_text() == entry.title
    go_online(context)

    data_file = served.project / "data" / "offer" / "always-current.yml"
    text = data_file.read_text(encoding="utf-8")
    assert f"title: {entry.title}\n" in text
    data_file.write_text(text.replace(f"title: {entry.title}\n", f"title: {CHANGED_TITLE}\n"))
    result = run_build(served.project, served.site_dir)
    assert result.returncode == 0, result.output

    open_page(page, served.url + section.url)
    assert page.locator(f"#{entry.id}").inner_text() == CHANGED_TITLE
    assert page.locator(".clo-offline").count() == 0
    wait_for_new_worker(page)
    go_offline(context)
    open_page(page, served.url + section.url)
    assert page.locator(f"#{entry.id}").inner_text() == CHANGED_TITLE
    assert page.locator(".clo-offline").count() == 1
    browser.close()


def test_the_service_worker_starts_after_the_page_has_loaded(
    playwright: Playwright, served: Served
) -> None:
    browser = launch(playwright)
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(
        """
        window.cloTimes = {};
        addEventListener("load", () => { window.cloTimes.loaded = performance.now(); });
        const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
        navigator.serviceWorker.register = (...args) => {
            window.cloTimes.registered = performance.now();
            return register(...args);
        };
        """
    )
    page = context.new_page()
    open_page(page, served.url)
    wait_until_saved(page)
    times = page.evaluate("window.cloTimes")
    assert times["registered"] >= times["loaded"] > 0
    browser.close()


def test_the_site_is_installable(playwright: Playwright, served: Served, views: SiteViews) -> None:
    # Not in a private window: Chromium never offers to install from one.
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
        page = context.new_page()
        open_page(page, served.url)
        wait_until_saved(page)
        session = context.new_cdp_session(page)
        assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        manifest = session.send("Page.getAppManifest")
        assert manifest["errors"] == []
        assert manifest["url"] == served.url + "manifest.webmanifest"
        assert json.loads(manifest["data"])["name"] == views.theme.site_name
        context.close()
