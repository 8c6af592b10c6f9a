"""The Open Referral UK feed of the built fixture site (macros/publish/open_referral/).

Every document is checked against the schemas in ``../shared/oruk/`` (the OpenAPI document
the ORUK validator uses, with the UK profile's schemas, and HSDS 3.0's), formats on; the
feed is walked over a loopback server the way the validator walks it. Content is pinned
to the fixture site (tests/fixture_site/data/offer/).
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.derive.site import SiteViews
from macros.publish.open_referral import FEED_FOLDER, feed_documents, file_paths
from macros.publish.outputs import OPEN_REFERRAL_SERVICES
from macros.validate.site_data import SiteData
from tests.browser import serve
from tests.conftest import copy_fixture_site, html_path, run_build, soup_of
from tests.publish.open_referral import oruk

SITE_URL = "https://example.org/care-leavers/"
"""The fixture site's ``site_url`` (tests/fixture_site/mkdocs.yml)."""


def read_feed(site_dir: Path) -> dict[str, bytes]:
    """Every file of the built feed, by path relative to the site."""
    folder = site_dir / FEED_FOLDER
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def api_path(file_path: str) -> str:
    """The API path a file of the feed answers: ``open-referral/services/index.html`` and
    ``open-referral/services.json`` -> ``/services``; ``open-referral/index.html`` and
    ``open-referral/index.json`` -> ``/``; ``open-referral/services/<id>`` -> itself."""
    relative = file_path.removeprefix(FEED_FOLDER)
    if relative.endswith("/index.html"):
        return relative.removesuffix("index.html").rstrip("/") or "/"
    stem = relative.removesuffix(".json")
    return "/" if stem == "/index" else stem


@pytest.fixture(scope="module")
def feed(site_dir: Path) -> dict[str, Any]:
    """The built feed's documents by API path, read from the file served at that path."""
    return {
        api_path(path): json.loads(content)
        for path, content in read_feed(site_dir).items()
        if not path.endswith(".json")
    }


@pytest.fixture(scope="module")
def services(feed: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each full service by the entry id at the end of its page address."""
    return {
        document["url"].rsplit("#", 1)[1]: document
        for path, document in feed.items()
        if oruk.template_of(path) == "/services/{id}"
    }


# --- Valid against the specification, as the ORUK validator sees it ------------------------


def test_the_schemas_are_beside_the_repository() -> None:
    folder = oruk.shared_folder()
    assert (folder / "uk-profile-3.0" / "compiled" / "service.json").is_file()
    assert "/service_at_locations/{id}" in oruk.openapi_paths()


def test_every_file_of_the_feed_is_valid_against_the_schema_of_its_path(site_dir: Path) -> None:
    files = read_feed(site_dir)
    assert len(files) > 40
    checked: set[str] = set()
    problems = []
    for path, content in files.items():
        document = json.loads(content)
        served_at = api_path(path)
        for specification in ("oruk", "hsds"):
            problems += oruk.errors(served_at, document, specification)
        checked.add(oruk.template_of(served_at))
    assert problems == []
    assert checked == set(oruk.openapi_paths())


def test_lists_are_also_served_as_json_the_same(site_dir: Path, feed: dict[str, Any]) -> None:
    files = read_feed(site_dir)
    expected = {path for api in feed for path in file_paths(api)}
    assert set(files) == expected
    twins = {api: file_paths(api) for api in feed if len(file_paths(api)) == 2}
    assert set(twins) == {
        "/",
        "/services",
        "/taxonomies",
        "/taxonomy_terms",
        "/service_at_locations",
    }
    for api, (at_api_path, as_json) in twins.items():
        assert files[at_api_path] == files[as_json], api
    assert file_paths("/services") == (
        "open-referral/services/index.html",
        OPEN_REFERRAL_SERVICES,
    )


def test_the_validators_walk_gets_every_path_with_a_valid_document(site_dir: Path) -> None:
    with serve(site_dir) as url:
        responses = list(oruk.walk(url + FEED_FOLDER))
        as_json = oruk.get(url + OPEN_REFERRAL_SERVICES)
    problems = [error for path, got in responses for error in oruk.errors(path, got.document)]
    assert problems == []
    assert all(got.status == 200 for _, got in responses)
    root = responses[0][1].document
    assert root["version"] == "HSDS-UK-3.0"
    assert root["openapi_url"].startswith("https://")
    requested = {oruk.template_of(path) for path, _ in responses}
    assert requested == set(oruk.openapi_paths())
    services_list = dict(responses)["/services"].document
    visited = {path for path, _ in responses if path.startswith("/services/")}
    assert visited == {f"/services/{item['id']}" for item in services_list["contents"]}
    assert as_json.content_type.startswith("application/json")
    assert as_json.document == services_list


def test_a_list_is_one_page_holding_every_item(feed: dict[str, Any], data: SiteData) -> None:
    listed = feed["/services"]
    entries = sum(len(section.entries) for section in data.offer.values())
    assert listed["total_items"] == listed["size"] == len(listed["contents"]) == entries
    assert (listed["page_number"], listed["total_pages"]) == (1, 1)
    assert listed["first_page"] and listed["last_page"] and not listed["empty"]


def test_a_broken_document_fails_with_its_formats_checked(
    services: dict[str, dict[str, Any]], feed: dict[str, Any]
) -> None:
    good = services["setting-up-home"]
    path = f"/services/{good['id']}"
    assert oruk.errors(path, good) == []
    broken = copy.deepcopy(good)
    broken["id"] = "setting-up-home"
    broken["email"] = "grants at example.org"
    broken["url"] = "offer money"
    broken["last_modified"] = "2026-04-01"
    broken["organization"].pop("description")
    del broken["name"]
    found = "\n".join(oruk.errors(path, broken))
    for expected in (
        "/id: 'setting-up-home' is not a 'uuid'",
        "/email: 'grants at example.org' is not a 'email'",
        "/url: 'offer money' is not a 'uri'",
        "/last_modified: '2026-04-01' is not a 'date-time'",
        "/organization: 'description' is a required property",
        "'name' is a required property",
    ):
        assert expected in found
    page = copy.deepcopy(feed["/services"])
    page["total_items"] = "8"
    page["contents"][0]["status"] = "open"
    found = "\n".join(oruk.errors("/services", page))
    assert "/total_items: '8' is not of type 'integer'" in found
    assert "/contents/0/status: 'open' is not one of" in found


# --- Stable ids --------------------------------------------------------------------------------


def test_ids_stay_the_same_in_another_build_and_differ_for_another_site(
    tmp_path: Path, services: dict[str, dict[str, Any]], views: SiteViews, data: SiteData
) -> None:
    project = copy_fixture_site(tmp_path / "project")
    money = project / "data" / "offer" / "always-overdue.yml"
    section = yaml.safe_load(money.read_text(encoding="utf-8"))
    section["entries"].reverse()
    section["entries"][0]["title"] = "Money to live on (renamed)"
    money.write_text(yaml.safe_dump(section, sort_keys=False), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    again = json.loads((tmp_path / "site" / OPEN_REFERRAL_SERVICES).read_bytes())
    ids_again = {item["url"].rsplit("#", 1)[1]: item["id"] for item in again["contents"]}
    assert ids_again == {entry: service["id"] for entry, service in services.items()}
    shutil.rmtree(tmp_path / "site")

    ours = feed_documents(views, data, SITE_URL)
    elsewhere = feed_documents(views, data, "https://another-council.example/offer/")
    ids = {path.rsplit("/", 1)[1] for path in ours if path.count("/") == 2}
    other = {path.rsplit("/", 1)[1] for path in elsewhere if path.count("/") == 2}
    assert len(ids) == len(other) > 30
    assert ids.isdisjoint(other)


# --- Real content in the HSDS fields -----------------------------------------------------------


def test_every_entry_is_a_service_with_its_page_ages_and_review_date(
    services: dict[str, dict[str, Any]], data: SiteData
) -> None:
    pages = {"always-overdue": "offer/money/", "always-current": "offer/health/"}
    entries = [(sid, entry) for sid, section in data.offer.items() for entry in section.entries]
    assert set(services) == {entry.id for _, entry in entries}
    for section_id, entry in entries:
        service = services[entry.id]
        assert service["name"] == entry.title
        assert service["status"] == "active"
        assert service.get("minimum_age") == (entry.ages.from_age if entry.ages else None)
        assert service.get("maximum_age") == (entry.ages.to_age if entry.ages else None)
        reviewed = entry.last_reviewed_on or data.offer[section_id].last_reviewed_on
        assert service["assured_date"] == reviewed.isoformat()
        assert service["assurer_email"] == data.settings.contact.email
        if section_id in pages:
            assert service["url"] == f"{SITE_URL}{pages[section_id]}#{entry.id}"
    assert services["free-prescriptions"]["assured_date"] == "2026-03-01"
    assert "maximum_age" not in services["college-bursary"]
    assert "minimum_age" not in services["money-advice"]


def test_descriptions_are_plain_text_and_organisations_have_theirs(
    services: dict[str, dict[str, Any]], data: SiteData
) -> None:
    grant = services["setting-up-home"]
    assert grant["description"] == "A grant of £2,000 to buy what you need for your first home."
    organisations = {item.id: item for item in data.organisations.organisations}
    runs_it = organisations["leaving-care-service"]
    assert grant["organization"]["name"] == runs_it.name
    assert grant["organization"]["description"] == runs_it.description
    assert grant["organization"]["website"] == str(runs_it.website)
    assert grant["organization_id"] == grant["organization"]["id"]
    # Applied for through the college, paid by the government: the college is named.
    bursary = services["college-bursary"]
    assert bursary["organization"]["name"] == "Testborough College"
    assert [item["source"] for item in bursary["funding"]] == ["Department for Education"]
    assert (
        grant["application_process"] == "1. Talk to your adviser. 2. Make a list of what you need."
    )
    assert "You are moving into your own home." in grant["eligibility_description"]
    assert services["college-bursary"]["application_process"].startswith(
        "Ask your personal adviser"
    )


def test_last_modified_is_the_latest_dated_change_up_to_the_build(
    services: dict[str, dict[str, Any]],
) -> None:
    # Reviewed 2020-01-15, amount from 2026-04-01: the amount is later.
    assert services["setting-up-home"]["last_modified"] == "2026-04-01T00:00:00Z"
    # Added on 2026-09-01; amounts from 2026-09-01 and from 2027-09-01 (after the build).
    assert services["college-bursary"]["last_modified"] == "2026-09-01T00:00:00Z"
    assert services["free-prescriptions"]["last_modified"] == "2026-03-01T00:00:00Z"


def test_amounts_in_force_or_to_come_are_cost_options_in_pounds(
    services: dict[str, dict[str, Any]],
) -> None:
    grant = services["setting-up-home"]["cost_options"]
    assert [(item["amount"], item["valid_from"], item.get("valid_to")) for item in grant] == [
        (2500, "2026-04-01", None)
    ]
    assert grant[0]["currency"] == "GBP"
    assert grant[0]["option"] == "Up to £2,500, paid once"
    bursary = services["college-bursary"]["cost_options"]
    assert [(item["amount"], item["valid_from"], item.get("valid_to")) for item in bursary] == [
        (1000, "2026-09-01", "2027-08-31"),
        (1100, "2027-09-01", None),
    ]
    assert bursary[1]["amount_description"] == "Set by the government for the next college year."
    weekly = services["money-at-16"]["cost_options"][0]
    assert (weekly["amount"], weekly["option"]) == (57.9, "£57.90 a week")
    assert services["money-advice"]["cost_options"] == []


def test_contacts_carry_the_phones_with_what_each_is_for(
    services: dict[str, dict[str, Any]],
) -> None:
    (grant,) = services["setting-up-home"]["contacts"]
    assert grant["email"] == "grants@example.org"
    assert [(p["number"], p["type"], p["description"]) for p in grant["phones"]] == [
        ("01632 960 011", "voice", "Call"),
        ("07700 900 011", "text", "Text only"),
    ]
    (drop_in,) = services["drop-in"]["contacts"]
    assert [(p["type"], p["description"]) for p in drop_in["phones"]] == [
        ("voice", "Out of hours, call (evenings and weekends)"),
        ("cell", "Call or text"),
    ]
    assert "email" not in drop_in
    assert services["money-advice"]["contacts"] == []


def test_places_and_opening_times_are_locations_and_schedules(
    services: dict[str, dict[str, Any]], feed: dict[str, Any]
) -> None:
    group = services["young-parents-group"]
    (at_hub,) = group["service_at_locations"]
    assert at_hub["location"]["name"] == "Northtown hub"
    (address,) = at_hub["location"]["addresses"]
    assert (address["address_1"], address["city"], address["postal_code"]) == (
        "1 High Street",
        "Northtown",
        "TE2 2BB",
    )
    (fortnightly,) = group["schedules"]
    assert fortnightly["service_at_location_id"] == at_hub["id"]
    assert (fortnightly["freq"], fortnightly["interval"], fortnightly["byday"]) == (
        "WEEKLY",
        2,
        "TH",
    )
    assert (fortnightly["dtstart"], fortnightly["opens_at"], fortnightly["closes_at"]) == (
        "2026-01-08",
        "17:30",
        "19:30",
    )
    assert [area["name"] for area in group["service_areas"]] == ["Northtown"]

    drop_in = services["drop-in"]
    assert [at["location"]["name"] for at in drop_in["service_at_locations"]] == [
        "Northtown hub",
        "The advice bus",
    ]
    bus = drop_in["service_at_locations"][1]["location"]
    assert "addresses" not in bus
    assert bus["accessibility"][0]["description"] == "The bus has a ramp."
    saturday = [item for item in drop_in["schedules"] if "service_at_location_id" not in item]
    assert [(item["byday"], item["notes"]) for item in saturday] == [("SA", "phone line only")]
    at_places = [item for item in drop_in["schedules"] if "service_at_location_id" in item]
    assert [item["byday"] for item in at_places] == ["TU,TH", "FR"]

    listed = feed["/service_at_locations"]["contents"]
    assert len(listed) == 4
    for item in listed:
        full = feed[f"/service_at_locations/{item['id']}"]
        assert full["location"] == item["location"]
        assert full["service_id"] == item["service_id"] == full["service"]["id"]
        assert full["name"] == full["service"]["name"]
    assert services["council-tax"]["service_areas"][0]["name"] == "Testborough"


def test_sections_areas_and_situations_are_taxonomies_linked_by_attributes(
    services: dict[str, dict[str, Any]], feed: dict[str, Any], views: SiteViews
) -> None:
    taxonomies = {item["name"]: item for item in feed["/taxonomies"]["contents"]}
    assert set(taxonomies) == {
        "Care Leaver Offer: sections",
        "Areas of a care leaver's life",
        "Situations",
    }
    sections = feed[f"/taxonomies/{taxonomies['Care Leaver Offer: sections']['id']}"]
    assert [term["name"] for term in sections["taxonomy_terms"]] == [
        section.title for section in views.sections.values()
    ]
    terms = {term["id"]: term for term in feed["/taxonomy_terms"]["contents"]}
    assert len(terms) == len(feed["/taxonomy_terms"]["contents"])
    for term_id, term in terms.items():
        assert feed[f"/taxonomy_terms/{term_id}"] == term
    bursary = services["college-bursary"]["attributes"]
    named = [(item["link_type"], item["taxonomy_term"]["name"]) for item in bursary]
    assert named == [
        ("category", "Money"),
        ("category", "Education and training"),
        ("category", "Money"),
        ("eligibility", "At college or university"),
    ]
    for item in bursary:
        assert terms[item["taxonomy_term_id"]] == item["taxonomy_term"]
        assert item["link_id"] == services["college-bursary"]["id"]
    group = services["young-parents-group"]["attributes"]
    assert ("audience", "A parent, or expecting a baby") in [
        (item["link_type"], item["taxonomy_term"]["name"]) for item in group
    ]


def test_hostile_text_is_data_never_markup(site_dir: Path, services: dict[str, Any]) -> None:
    for path, content in read_feed(site_dir).items():
        assert b"<" not in content and b">" not in content, path
    hostile = services["hostile-entry"]
    assert hostile["name"].startswith("Entry <img src=x onerror=alert(1)>")
    assert hostile["organization"]["name"] == 'Provider <script>alert("x")</script>'
    assert "<script>" not in hostile["description"]  # plain text from Markdown


def test_the_reviewers_page_links_to_the_services_list(site_dir: Path) -> None:
    page = html_path(site_dir, "reviews.md")
    links = [a["href"] for a in soup_of(page).find_all("a", href=True)]
    feed_links = [href for href in links if "open-referral" in href]
    assert feed_links == ["../open-referral/services.json"]
    assert (page.parent / feed_links[0]).resolve().is_file()
