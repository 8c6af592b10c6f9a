"""macros.publish.offline: the notice, the offline page's place in the theme, sw.js's settings."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from types import SimpleNamespace

from bs4 import BeautifulSoup

from macros.derive.offline import OFFLINE_PAGE, OfflineScope
from macros.derive.site import SiteViews
from macros.publish.offline import (
    OFFLINE_PAGE_LINK,
    OfflineBuild,
    add_offline_page,
    notice_html,
    script_json,
    write_offline,
)
from tests.conftest import ROOT


def test_the_notice_escapes_the_offer_title(views: SiteViews) -> None:
    strategy = views.settings.strategy.model_copy(
        update={"offer_title": '<img src=x onerror="alert(1)">'}
    )
    hostile = views.settings.model_copy(update={"strategy": strategy})
    html = str(notice_html(dataclasses.replace(views, settings=hostile)))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("img") is None
    assert '<img src=x onerror="alert(1)">' in soup.get_text()
    assert [a["href"] for a in soup.find_all("a")] == [OFFLINE_PAGE_LINK]


def test_the_offline_page_is_built_only_from_a_theme_that_has_it(tmp_path: Path) -> None:
    ours = SimpleNamespace(dirs=[str(ROOT / "overrides"), str(tmp_path)], static_templates=set())
    add_offline_page({"theme": ours})
    assert ours.static_templates == {OFFLINE_PAGE}
    stock = SimpleNamespace(dirs=[str(tmp_path)], static_templates=set())
    add_offline_page({"theme": stock})
    assert stock.static_templates == set()


def test_settings_in_the_script_cannot_close_it() -> None:
    text = script_json({"notice": "</script><script>alert(1)</script>", "a": "&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["notice"] == "</script><script>alert(1)</script>"


def test_the_service_worker_of_the_site_own_language_leaves_out_other_languages(
    tmp_path: Path, views: SiteViews
) -> None:
    # Another language's folder may still be being built beside this build (it has its
    # own service worker): none of its files is listed, even where the scope holds every
    # page of the site.
    (tmp_path / "index.html").write_text("<p>Home</p>", encoding="utf-8")
    (tmp_path / OFFLINE_PAGE).write_text("<p>Offline</p>", encoding="utf-8")
    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "index.html").write_text("<p>الرئيسية</p>", encoding="utf-8")
    assert [language.prefix for language in views.languages] == ["", "ar/"]
    write_offline(OfflineBuild(views, OfflineScope(frozenset({""}), ("",)), ()), tmp_path)
    script = (tmp_path / "sw.js").read_text(encoding="utf-8")
    settings = json.loads(script.split("self.CLO_OFFLINE = ", 1)[1].split(";\n", 1)[0])
    urls = [entry["url"] for entry in settings["precache"]]
    assert "./" in urls and OFFLINE_PAGE in urls
    assert [url for url in urls if url.startswith("ar/")] == []
