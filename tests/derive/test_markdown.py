"""macros.derive.markdown: the one sanitiser every Markdown snippet from data goes through."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.derive import markdown as md
from macros.derive.markdown import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_SCHEMES,
    ALLOWED_TAGS,
    markdown_inline,
    markdown_to_html,
    plain_text,
    sanitise,
    save_markdown_cache,
    use_markdown_cache,
)


def forget() -> None:
    """Forget every snippet converted so far, in memory and from any cache file."""
    md._stored.clear()
    md._used.clear()
    markdown_to_html.cache_clear()
    plain_text.cache_clear()


@pytest.fixture
def fresh() -> Iterator[None]:
    forget()
    yield
    forget()


PAYLOADS = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    "![a picture](https://example.org/x.png)",
    '"><svg onload=alert(1)>',
    "[tap here](javascript:alert(1))",
    "[tap here](JaVaScRiPt:alert(1))",
    "' onmouseover='alert(1)' x='",
    '<a href="javascript:alert(1)">link</a>',
    '<a href="data:text/html,<script>alert(1)</script>">link</a>',
    "<iframe src=//evil.example></iframe>",
    '<p onclick="alert(1)">hi</p>',
    "<style>body { display: none }</style>",
    '<object data="x.swf"></object>',
    '<form action="https://evil.example"><input name="x"></form>',
    '<a href="https://example.org" style="position:fixed" target="_top">x</a>',
]


def assert_safe(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name in ALLOWED_TAGS, f"<{tag.name}> survived: {html}"
        allowed = ALLOWED_ATTRIBUTES.get(tag.name, set()) | ({"rel"} if tag.name == "a" else set())
        assert set(tag.attrs) <= allowed, f"{tag.attrs} on <{tag.name}>: {html}"
        href = tag.get("href")
        if href is not None:
            scheme = str(href).split(":", 1)[0].lower() if ":" in str(href) else ""
            assert scheme in ALLOWED_SCHEMES | {""}, href


@pytest.mark.usefixtures("fresh")
@pytest.mark.parametrize("payload", PAYLOADS)
def test_nothing_executable_survives(payload: str) -> None:
    for html in (markdown_to_html(f"Text {payload}"), markdown_inline(f"Step {payload}")):
        assert_safe(str(html))
        lowered = str(html).lower()
        for never in ("<script", "<iframe", "<img", "<svg", "<style", "javascript:", "onerror"):
            assert never not in lowered, html


def test_the_check_of_this_file_can_fail() -> None:
    with pytest.raises(AssertionError, match="survived"):
        assert_safe("<p><script>alert(1)</script></p>")
    with pytest.raises(AssertionError, match="onclick"):
        assert_safe('<p onclick="x">hi</p>')


@pytest.mark.usefixtures("fresh")
def test_ordinary_markdown_is_kept() -> None:
    assert str(markdown_to_html("Get **£100** a *year*.")) == (
        "<p>Get <strong>£100</strong> a <em>year</em>.</p>"
    )
    assert str(markdown_to_html("- rent\n- bills")) == "<ul>\n<li>rent</li>\n<li>bills</li>\n</ul>"
    html = str(markdown_to_html("[Apply](https://example.org/apply) or mail [us](mailto:a@b.org)"))
    assert '<a href="https://example.org/apply" rel="noopener noreferrer">Apply</a>' in html
    assert '<a href="mailto:a@b.org" rel="noopener noreferrer">us</a>' in html
    assert 'href="tel:116123"' in str(markdown_to_html('<a href="tel:116123">call</a>'))
    assert '<abbr title="Personal adviser">PA</abbr>' in str(
        markdown_to_html('<abbr title="Personal adviser">PA</abbr>')
    )


@pytest.mark.usefixtures("fresh")
@pytest.mark.parametrize(
    "text",
    [
        "Talk to your adviser.",
        "You are 18, 19 or 20 (and live in the area).",
        "Money: £2,000; paid 50/50 — or in one go!",
        "Rent & bills",
        "2. Apply",
        "A <b>bold</b> word",
        "Trailing space ",
        "Under_score and *star*",
    ],
)
def test_the_shortcut_for_plain_text_gives_what_the_converter_would(text: str) -> None:
    converted = markdown.markdown(text, output_format="html")
    expected = sanitise(converted).strip()
    assert str(markdown_to_html(text)) == expected


@pytest.mark.usefixtures("fresh")
def test_markdown_inline_drops_only_a_single_paragraph() -> None:
    assert str(markdown_inline("Call *today*")) == "Call <em>today</em>"
    assert str(markdown_inline("One\n\nTwo")) == "<p>One</p>\n<p>Two</p>"


@pytest.mark.usefixtures("fresh")
def test_plain_text_has_no_markup_at_all() -> None:
    assert plain_text("Get **money** for [college](https://example.org).") == (
        "Get money for college."
    )
    text = plain_text('Intro <script>alert("x")</script> <img src=x onerror=alert(1)> &amp; more')
    assert "<" not in text and "&amp;" not in text
    assert text.startswith("Intro") and text.endswith("& more")


# --- The converted-snippet cache ------------------------------------------------------


def cache_file(folder: Path) -> Path:
    (found,) = folder.glob("markdown-*.json")
    return found


SNIPPET = "A **cached** snippet"


@pytest.mark.usefixtures("fresh")
def test_the_cache_file_is_reused(tmp_path: Path) -> None:
    use_markdown_cache(tmp_path)
    assert str(markdown_to_html(SNIPPET)) == "<p>A <strong>cached</strong> snippet</p>"
    save_markdown_cache(tmp_path)
    saved = json.loads(cache_file(tmp_path).read_text(encoding="utf-8"))
    assert saved[SNIPPET] == "<p>A <strong>cached</strong> snippet</p>"

    # Another build: what the file says is used, not converted again.
    saved[SNIPPET] = "<p>From the <em>cache</em></p>"
    cache_file(tmp_path).write_text(json.dumps(saved), encoding="utf-8")
    forget()
    use_markdown_cache(tmp_path)
    assert str(markdown_to_html(SNIPPET)) == "<p>From the <em>cache</em></p>"


@pytest.mark.usefixtures("fresh")
def test_the_cache_file_never_decides_what_reaches_a_page(tmp_path: Path) -> None:
    save_markdown_cache(tmp_path)
    poisoned = {
        SNIPPET: '<p onclick="x">A <script>alert(1)</script><iframe src="//evil"></iframe>'
        '<a href="javascript:alert(1)">x</a></p>',
    }
    cache_file(tmp_path).write_text(json.dumps(poisoned), encoding="utf-8")
    use_markdown_cache(tmp_path)
    html = str(markdown_to_html(SNIPPET))
    assert_safe(html)
    assert "<script" not in html and "javascript:" not in html and "<iframe" not in html
    assert "<" not in plain_text(SNIPPET)


@pytest.mark.usefixtures("fresh")
def test_only_snippets_of_this_build_are_saved(tmp_path: Path) -> None:
    save_markdown_cache(tmp_path)
    cache_file(tmp_path).write_text(json.dumps({"An *edited away* snippet": "<p>x</p>"}))
    use_markdown_cache(tmp_path)
    markdown_to_html(SNIPPET)
    save_markdown_cache(tmp_path)
    saved = json.loads(cache_file(tmp_path).read_text(encoding="utf-8"))
    assert list(saved) == [SNIPPET]


@pytest.mark.usefixtures("fresh")
@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"x": 1}', ""])
def test_a_broken_cache_file_is_ignored(tmp_path: Path, content: str) -> None:
    save_markdown_cache(tmp_path)
    cache_file(tmp_path).write_text(content, encoding="utf-8")
    use_markdown_cache(tmp_path)
    assert md._stored == {}
    assert str(markdown_to_html(SNIPPET)) == "<p>A <strong>cached</strong> snippet</p>"


@pytest.mark.usefixtures("fresh")
def test_a_cache_that_cannot_be_written_does_not_stop_the_build(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    markdown_to_html(SNIPPET)
    save_markdown_cache(blocked)  # no error
    use_markdown_cache(tmp_path / "missing")
    assert md._stored == {}
