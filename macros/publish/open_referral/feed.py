"""The whole feed: every document of the ORUK API, by the path the API gives it, and the
files a static host serves each of them from.

A static host cannot read ``?page=2``: every list is one page holding every item
(``total_pages: 1``), so that whatever page a client asks for, it gets all of them.

Each document is served at the API's own path, for the ORUK validator and other API
clients (see the README, "Open Referral"): ``/services/{id}`` as a file without an
extension, and a list (``/``, ``/services``...) as the ``index.html`` of its folder, since
a folder's ``index.html`` is all a static host serves at ``/services`` when
``/services/{id}`` are inside it. The root and the lists are also written at the same path
plus ``.json`` (``index.json``, ``services.json``...), served as ``application/json``:
the same bytes. (The ``{id}`` documents are not written twice: at 1,000 entries the second
copies cost more time than the rest of the feed.)

``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` (the same
JSON), so that no document can be read as markup, even when a host serves it as HTML.
"""

from __future__ import annotations

import json
from typing import Any

from macros.derive.exports import OPEN_REFERRAL_FOLDER
from macros.derive.site import SiteViews
from macros.publish.open_referral.context import FeedContext, feed_context
from macros.publish.open_referral.service import service_documents
from macros.publish.open_referral.taxonomy import taxonomies
from macros.validate.site_data import SiteData

FEED_FOLDER = OPEN_REFERRAL_FOLDER
"""Where the feed is published in the site (``macros/derive/exports.py``)."""
VERSION = "HSDS-UK-3.0"
PROFILE = "https://github.com/openreferral/uk-profile"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"
LISTS = ("services", "taxonomies", "taxonomy_terms", "service_at_locations")
"""The API's lists, each also with ``/{id}``."""


def page(contents: list[dict[str, Any]]) -> dict[str, Any]:
    """A list as the one page of an ORUK ``Page``.

    >>> page([{"id": "a"}, {"id": "b"}])["size"], page([])["empty"]
    (2, True)
    """
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def feed_documents(site: SiteViews, data: SiteData, site_url: str) -> dict[str, dict[str, Any]]:
    """Every document of the feed, by API path: ``/``, ``/services``,
    ``/services/{id}``, ``/taxonomies``... (``{id}`` replaced by each id)."""
    context = feed_context(site, data, site_url)
    return _documents(context)


def _documents(context: FeedContext) -> dict[str, dict[str, Any]]:
    found = taxonomies(context)
    documents: dict[str, dict[str, Any]] = {
        "/": {"version": VERSION, "profile": PROFILE, "openapi_url": OPENAPI_URL}
    }
    listed, at_listed = [], []
    for section in context.site.sections.values():
        for view in section.entries:
            service = service_documents(view, section, found, context)
            listed.append(service.listed)
            documents[f"/services/{service.full['id']}"] = service.full
            for at in service.at_locations:
                documents[f"/service_at_locations/{at['id']}"] = at
                at_listed.append(
                    {
                        "id": at["id"],
                        "service_id": at["service_id"],
                        "location_id": at["location_id"],
                        "location": at["location"],
                        "service": service.listed,
                    }
                )
    documents["/services"] = page(listed)
    documents["/service_at_locations"] = page(at_listed)
    documents["/taxonomies"] = page([taxonomy.document for taxonomy in found.values()])
    terms = [term for taxonomy in found.values() for term in taxonomy.terms.values()]
    documents["/taxonomy_terms"] = page(terms)
    for taxonomy in found.values():
        documents[f"/taxonomies/{taxonomy.document['id']}"] = taxonomy.full
    for term in terms:
        documents[f"/taxonomy_terms/{term['id']}"] = term
    return documents


def is_list(api_path: str) -> bool:
    """``/`` and the lists are folders on a static host; ``/services/{id}`` is a file.

    >>> is_list("/"), is_list("/services"), is_list("/services/1b4e28ba")
    (True, True, False)
    """
    return api_path == "/" or api_path.strip("/") in LISTS


def file_paths(api_path: str) -> tuple[str, ...]:
    """The files that serve one API path, relative to the site: the file a static host
    serves at the API's own path, then, for the root and the lists, the ``.json`` copy.

    >>> file_paths("/")
    ('open-referral/index.html', 'open-referral/index.json')
    >>> file_paths("/services")
    ('open-referral/services/index.html', 'open-referral/services.json')
    >>> file_paths("/services/1b4e28ba")
    ('open-referral/services/1b4e28ba',)
    """
    if api_path == "/":
        return f"{FEED_FOLDER}/index.html", f"{FEED_FOLDER}/index.json"
    path = f"{FEED_FOLDER}{api_path}"
    if is_list(api_path):
        return f"{path}/index.html", f"{path}.json"
    return (path,)


def encode(document: dict[str, Any]) -> bytes:
    """A document as UTF-8 JSON in which ``<``, ``>`` and ``&`` are escaped.

    >>> encode({"name": "<b>A & B</b>"})
    b'{"name":"\\\\u003cb\\\\u003eA \\\\u0026 B\\\\u003c/b\\\\u003e"}'
    >>> json.loads(encode({"name": "<b>A & B</b>"}))["name"]
    '<b>A & B</b>'
    """
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text.encode("utf-8")


def feed_files(documents: dict[str, dict[str, Any]]) -> dict[str, bytes]:
    """Every file of the feed, by path in the site."""
    files: dict[str, bytes] = {}
    for api_path, document in documents.items():
        content = encode(document)
        for path in file_paths(api_path):
            files[path] = content
    return files
