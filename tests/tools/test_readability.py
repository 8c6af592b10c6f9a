"""macros.tools.readability: counting, the formula, what is scored, and ``check --readability``."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.tools.readability import (
    STEADY_WORDS,
    Passage,
    Score,
    distribution,
    english_syllables,
    page_passage,
    passages,
    readability_markdown,
    readability_report,
    readability_text,
    score_english,
    scorer,
)
from macros.validate.site_data import SiteData
from tests.conftest import FIXTURE_SITE, FROZEN_EPOCH


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("care", 1),
        ("money", 2),
        ("adviser", 3),
        ("apprenticeship", 4),
        ("accommodation", 5),
        ("council's", 2),
        ("adviser's", 3),
        ("don\u2019t", 1),
        ("day-to-day", 3),
        ("2026", 1),
        ("57.90", 1),
        ("Anyshire", 2),
    ],
)
def test_syllables(word: str, syllables: int) -> None:
    assert english_syllables(word) == syllables


def passage(*parts: str) -> Passage:
    return Passage("a.yml:1", "entry", "A", parts)


def test_each_condition_or_step_is_a_sentence_even_without_a_full_stop() -> None:
    score = score_english(passage("We pay your rent", "Tell your adviser", "Call us."))
    assert score is not None and score.sentences == 3 and score.words == 9


def test_sentences_end_at_a_full_stop_before_a_capital_not_inside_e_g() -> None:
    score = score_english(passage("Help with costs, e.g. rent. Ask us! Is it free? Yes."))
    assert score is not None and score.sentences == 4


def test_the_formula_is_flesch_kincaid_grade_plus_five() -> None:
    score = Score(passage(), words=100, sentences=10, syllables=130)
    # 0.39 x 10 + 11.8 x 1.3 - 15.59 = 3.65
    assert score.grade == pytest.approx(3.65, abs=0.051)
    assert score.reading_age == pytest.approx(score.grade + 5)


def test_long_sentences_and_long_words_score_higher() -> None:
    plain = score_english(passage("We pay your rent. You get money for food. Ask us."))
    hard = score_english(
        passage(
            "Eligibility for accommodation assistance is determined individually, "
            "considering circumstances, vulnerabilities and alternative arrangements."
        )
    )
    assert plain is not None and hard is not None
    assert plain.reading_age < 8 < 16 < hard.reading_age


def test_short_texts_are_rough_scores() -> None:
    short = score_english(passage("Call us today."))
    assert short is not None and short.rough
    long = score_english(passage(" ".join(["We help you."] * STEADY_WORDS)))
    assert long is not None and not long.rough


def test_text_without_words_is_not_scored() -> None:
    assert score_english(passage("", " - ")) is None


def test_only_languages_with_a_formula_are_scored() -> None:
    assert scorer("en-GB") is score_english and scorer("EN") is score_english
    assert scorer("ar") is None and scorer("cy-GB") is None


def test_page_prose_leaves_out_headings_tables_macros_and_html() -> None:
    text = (
        "---\ndescription: About us.\n---\n\n# Who we are\n\n## Part\n\n"
        "We are {{ council.name }}.\n\n| a | b |\n| --- | --- |\n\n"
        '{{ offer_section("money") }}\n\n<div>raw</div>\n\n'
        "1. First step\n2. Second step\n   goes on\n\n**Term**\n: What it means.\n"
    )
    page = page_passage(text, "docs/who.md")
    assert page is not None
    assert page.where == "docs/who.md:9" and page.label == "Who we are"
    assert page.parts == (
        "We are it.",
        "First step",
        "Second step goes on",
        "Term",
        "What it means.",
    )
    assert page_passage("# Only a heading\n\n{{ contact_card() }}\n", "docs/x.md") is None


def test_every_entry_introduction_definition_and_page_is_scored(data: SiteData) -> None:
    found = passages(data, FIXTURE_SITE / "docs")
    kinds = {p.kind for p in found}
    assert kinds == {"entry", "introduction", "arrangements", "glossary", "page"}
    entries = [p for p in found if p.kind == "entry"]
    assert len(entries) == sum(len(section.entries) for section in data.offer.values())
    prescriptions = next(p for p in entries if p.label.endswith("Free prescriptions"))
    assert prescriptions.where == "data/offer/always-current.yml:23"
    assert prescriptions.parts == (
        "Help to pay for prescriptions.",
        "Fill in the form at your pharmacy.",
    )
    # Markdown is read as text: no markup is counted as words (definitions are plain text).
    markdown = [p for p in found if p.kind != "glossary"]
    assert not any("**" in part or "](" in part for p in markdown for part in p.parts)
    assert sum(p.kind == "glossary" for p in found) == len(
        data.glossary.terms if data.glossary else []
    )


def test_reports_list_bands_medians_and_the_hardest_first(data: SiteData) -> None:
    report = readability_report(data, FIXTURE_SITE / "docs")
    hardest = report.hardest(3)
    assert [s.reading_age for s in hardest] == sorted(
        (s.reading_age for s in hardest), reverse=True
    )
    assert hardest[0].reading_age == max(s.reading_age for s in report.scores)
    text = readability_text(report, 3)
    assert "Reading age (Flesch-Kincaid grade + 5)" in text
    assert hardest[0].passage.where in text
    markdown = readability_markdown(report, 3)
    assert markdown.startswith("## Reading age (Flesch-Kincaid grade + 5)\n")
    assert f"| `{hardest[0].passage.where}` |" in markdown
    rows = [line for line in markdown.splitlines() if line.startswith("| Offer entries |")]
    assert rows and rows[0].split(" | ")[1] == str(len(report.of_kind("entry")))


def test_distribution_bands() -> None:
    scores = [Score(passage(), 10, 1, s) for s in (10, 13, 14, 16, 40)]
    ages = [s.reading_age for s in scores]
    assert ages == sorted(ages)
    assert sum(distribution(scores).values()) == 5


def test_a_language_without_a_formula_says_so(data: SiteData) -> None:
    welsh = data.settings.model_copy(update={"language": "cy-GB"})
    report = readability_report(
        SiteData(settings=welsh, principles=data.principles, offer=data.offer),
        FIXTURE_SITE / "docs",
    )
    assert report.scores == []
    assert readability_text(report, 5) == (
        "Reading age: no reading-age formula for the language 'cy-GB' yet."
    )


def check(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("check", path=str(Path(os.sys.executable).parent))
    assert executable
    return subprocess.run(
        [executable, "--root", str(FIXTURE_SITE), *args],
        cwd=FIXTURE_SITE,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": FROZEN_EPOCH, **(env or {})},
    )


def test_check_readability_prints_the_hardest_and_fills_the_job_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = check(
        "--readability", "--top", "4", "--format", "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "All data and pages are valid." in out
    hardest = out.split("The 4 hardest:\n", 1)[1].splitlines()
    assert len([line for line in hardest if ".yml:" in line or ".md:" in line]) == 4
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## check: all data and pages valid")
    assert "## Reading age (Flesch-Kincaid grade + 5)" in text
    assert "### The 4 hardest" in text


def test_check_readability_fails_when_an_entry_is_above_max_age() -> None:
    strict = check("--readability", "--max-age", "0")
    assert strict.returncode == 1
    assert "data/offer/always-current.yml:23: reading age" in strict.stderr
    assert check("--readability", "--max-age", "99").returncode == 0
