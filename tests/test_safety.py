"""Nothing executable from data reaches a page: text is escaped or sanitised."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.load.yaml_file import load_yaml
from macros.problems import DataError
from macros.validate.messages import validate
from macros.validate.model import OfferSection, SiteSettings
from tests.conftest import ROOT, run_build

PAYLOADS = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "[tap here](javascript:alert(1))",
    "' onmouseover='alert(1)' x='",
    '<a href="javascript:alert(1)">link</a>',
    "<iframe src=//evil.example></iframe>",
]
HOSTILE = " ".join(PAYLOADS)


def hostile_section() -> dict[str, object]:
    return {
        "title": f"Title {HOSTILE}",
        "order": 1,
        "introduction": f"Intro {HOSTILE}",
        "covers": [],
        "owner": f"Owner {HOSTILE}",
        "last_reviewed_on": "2026-10-01",
        "entries": [
            {
                "id": "hostile-entry",
                "title": f"Entry {HOSTILE}",
                "summary": f"Summary {HOSTILE}",
                "ages": {"from": 16, "to": 25},
                "conditions": [f"Condition {payload}" for payload in PAYLOADS],
                "how_to_get_it": [f"Step {payload}" for payload in PAYLOADS],
                "provider": {"name": f"Provider {HOSTILE}", "type": "charity"},
                "contact": {"phone": "01632 960 001", "email": "a@example.org"},
                "duty": "local_extra",
                "principles": ["best-interests"],
            }
        ],
    }


def assert_nothing_executable(html: str, where: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup
    for tag in article.find_all(True):
        assert tag.name not in {"script", "iframe", "svg", "img", "object", "embed"}, (
            f"{where}: <{tag.name}> from data"
        )
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: {name}= on <{tag.name}>"
            text = " ".join(value) if isinstance(value, list) else str(value)
            assert not text.strip().lower().startswith("javascript:"), f"{where}: {name}={text}"


def test_hostile_offer_text_is_neutralised(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "data" / "offer" / "hostile.yml").write_text(
        yaml.safe_dump(hostile_section(), allow_unicode=True), encoding="utf-8"
    )
    (project_copy / "docs" / "offer" / "hostile.md").write_text(
        '# Hostile\n\n{{ offer_section("hostile") }}\n', encoding="utf-8"
    )
    config = project_copy / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      - offer/leisure.md\n", "      - offer/leisure.md\n      - offer/hostile.md\n"
        ),
        encoding="utf-8",
    )
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.output
    for page in ["offer/hostile", "offer", "reviews", "strategy/where-we-want-to-be"]:
        html = (tmp_path / "site" / page / "index.html").read_text(encoding="utf-8")
        assert "Summary" in html or page != "offer/hostile"
        assert_nothing_executable(html, page)
    # The text is still shown, as text.
    hostile_page = (tmp_path / "site" / "offer" / "hostile" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;" in hostile_page


def test_javascript_url_is_rejected_in_data(tmp_path: Path) -> None:
    section = hostile_section()
    section["entries"][0]["contact"]["web"] = "javascript:alert(1)"  # type: ignore[index]
    path = tmp_path / "hostile.yml"
    path.write_text(yaml.safe_dump(section), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate(load_yaml(path, "data/offer/hostile.yml"), OfferSection)
    assert "entries[1].contact.web: must be a full web address" in caught.value.report()


@pytest.mark.parametrize("payload", ["<script>x</script>", "{{ config }}", "a > b"])
def test_site_settings_must_be_plain_text(tmp_path: Path, payload: str) -> None:
    settings = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))
    settings["council"]["name"] = payload
    path = tmp_path / "site.yml"
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate(load_yaml(path, "data/site.yml"), SiteSettings)
    assert "council.name: must be plain text" in caught.value.report()
