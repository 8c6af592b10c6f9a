"""Everything the pages show, worked out once per build from the validated data.

``derive_site`` is the derive step: a pure function from the validated data, the pages
that show each thing, the words of the interface and the build date to frozen views.
Render only places these views in markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from macros.derive.action_plan import PrincipleActions, action_plan_views
from macros.derive.arrangements import ArrangementsView, arrangements_view
from macros.derive.care_leavers import CheckView, check_view
from macros.derive.changes import (
    ChangeMonth,
    ChangeView,
    StaleAmount,
    change_months,
    change_views,
    stale_amounts,
)
from macros.derive.charts import BarChartView, OneInHundredView, bar_chart_view, one_in_hundred_view
from macros.derive.easy_read import EasyReadView, easy_read_view
from macros.derive.finder import FinderView, finder_view
from macros.derive.gallery import GalleryView, gallery_view
from macros.derive.glossary import GlossaryView, glossary_view
from macros.derive.help_now import HelpContactView, help_contact_views
from macros.derive.offer import OfferContext, PlaceView, SectionView, offer_views, place_view
from macros.derive.page_text import PageFields, page_text
from macros.derive.principles import PrincipleView, principle_views
from macros.derive.print_offer import PrintedOffer
from macros.derive.reviews import ReviewRow, review_rows
from macros.derive.translations import (
    LanguageView,
    language_views,
    translated_data,
    translation_rows,
    under_page_notice,
    with_freshness,
)
from macros.derive.urls import Places
from macros.validate.model import FiguresFile, Organisation, SiteSettings, Situation
from macros.validate.site_data import SiteData
from macros.words import Words, load_words


@dataclass(frozen=True)
class ThemeView:
    """What the theme shows around every page: its name, copyright line and language."""

    site_name: str
    copyright: str
    language: str
    direction: str
    words: Words
    header_name: str | None = None
    """The short name in the header (``header_name`` in data/site.yml), if set."""
    languages: tuple[LanguageView, ...] = ()
    """Every language of the site, its own first."""
    current: LanguageView | None = None
    """The language of this build's pages."""
    names: Mapping[str, str] = field(default_factory=dict)
    """Short texts of this language by their English (``names:`` in data/site.<code>.yml),
    for the menu's titles."""

    @property
    def own_language(self) -> LanguageView:
        """The site's own language (the one English is shown in when a text has no
        translation), e.g. ``languages[0]``."""
        return next(language for language in self.languages if language.default)


@dataclass(frozen=True, repr=False)
class SiteViews:
    """The finished values of one build."""

    words: Words
    build_date: dt.date
    places: Places
    settings: SiteSettings
    sections: Mapping[str, SectionView]
    review_rows: tuple[ReviewRow, ...]
    arrangements: ArrangementsView | None
    changes: tuple[ChangeView, ...]
    change_months: tuple[ChangeMonth, ...]
    """The same changes by month, for the page."""
    stale_amounts: tuple[StaleAmount, ...]
    situations: tuple[Situation, ...]
    organisations: tuple[Organisation, ...]
    team_places: tuple[PlaceView, ...]
    """Where to find the leaving care team (``contact.places`` in data/site.yml)."""
    help_now: tuple[HelpContactView, ...]
    """The crisis contacts (``help_now`` in data/site.yml)."""
    principles: tuple[PrincipleView, ...]
    action_plan: tuple[PrincipleActions, ...] | None
    placements: OneInHundredView | None
    rates: BarChartView | None
    figures: FiguresFile | None
    gallery: GalleryView
    theme: ThemeView
    finder: FinderView | None = None
    """"What can I get?": its questions and each age's results."""
    care_leaver_check: CheckView | None = None
    """"Am I a care leaver?": its steps, when data/care_leavers.yml is there."""
    printed: PrintedOffer | None = None
    """The whole offer on one page and its PDF, once made (``macros/publish/offer_pdf.py``)."""
    glossary: GlossaryView | None = None
    """The words the pages explain, if the site has ``data/glossary.yml``."""
    language: LanguageView | None = None
    """The language of this build's pages (None only in views made without languages)."""
    easy_read: Mapping[str, EasyReadView] = field(default_factory=dict)
    """The Easy Read view of each section that a page shows in Easy Read, by section id."""
    languages: tuple[LanguageView, ...] = ()
    """Every language of the site, its own first (see ``macros/derive/translations.py``)."""
    data_lang: str | None = None
    """In another language's build, the site's own language tag: the strategy's data
    (principles, action plan) and the gallery, which have no translation, are marked
    with it."""
    english_prose: SiteViews | None = None
    """In another language's build, the views whose page variables a page's English prose
    uses: the council's names and dates in English, as the prose around them."""
    english_page: SiteViews | None = None
    """In another language's build, the views a page whose prose is the English renders
    its macros from: the same, but its parts without their own "not translated" notices,
    which the page's one notice already gives."""

    def __repr__(self) -> str:
        # mkdocs-macros lists every variable on each build; keep that listing short.
        return f"SiteViews({len(self.sections)} sections)"

    @property
    def page_variables(self) -> dict[str, Any]:
        """The names every page can use, e.g. ``{{ council.name }}``, with their values."""
        return {variable.name: variable.value(self) for variable in PAGE_VARIABLES}


@dataclass(frozen=True)
class PageVariable:
    """A name pages can use, what it holds, and where its value comes from."""

    name: str
    kind: str
    description: str
    value: Callable[[SiteViews], Any]


PAGE_VARIABLES: tuple[PageVariable, ...] = (
    PageVariable(
        "council",
        "object",
        "`council.name`, `council.short_name`, `council.area_name`, `council.website`",
        lambda site: PageFields(site.settings.council),
    ),
    PageVariable(
        "strategy",
        "object",
        "`strategy.title`, `strategy.subtitle`, `strategy.start_year`, `strategy.end_year`, "
        "`strategy.offer_title`",
        lambda site: PageFields(site.settings.strategy),
    ),
    PageVariable(
        "boards",
        "object",
        "`boards.corporate_parenting`, `boards.children_in_care_council`, "
        "`boards.care_leavers_forum`, `boards.partnership`",
        lambda site: PageFields(site.settings.boards),
    ),
    PageVariable(
        "contact",
        "object",
        "the leaving care team's contact details (see `data/site.yml`)",
        lambda site: PageFields(site.settings.contact),
    ),
    PageVariable(
        "accessibility",
        "object",
        "contact details and dates for the accessibility statement",
        lambda site: PageFields(site.settings.accessibility),
    ),
    PageVariable(
        "build_date",
        "text",
        'the date the site was built, e.g. "23 November 2026"',
        lambda site: page_text(site.words.date(site.build_date)),
    ),
    PageVariable(
        "strategy_period",
        "text",
        '"2025 to 2029", from the start and end years',
        lambda site: page_text(
            site.words(
                "site.period",
                start=site.settings.strategy.start_year,
                end=site.settings.strategy.end_year,
            )
        ),
    ),
)
"""Every page variable, in the order the README lists them. Text in them is written by
``page_text``, so that Markdown and HTML show it as it is."""


def _own_name(words: Words) -> str:
    """The site's own language, named in itself (e.g. "English"), for the switcher."""
    return words("language.own_name")


def derive_site(
    data: SiteData, places: Places, words: Words, today: dt.date, language: str | None = None
) -> SiteViews:
    """Every view of one build; with ``language`` (a code under ``languages:``), of the
    pages in that language: current translations put in, the English shown for the rest.

    Example: ``derive_site(data, places, load_words("en-GB"), today).sections["money"].title``
    -> 'Money'
    """
    english = data
    english_tag = english.settings.language  # the tag of the site's own language
    translated = translated_data(data, language) if language is not None else None
    if translated is not None:
        data = translated.data
    # The tag that marks words of files with no translation on this build's pages.
    data_lang = english_tag if translated is not None else None
    settings = data.settings
    principles = {principle.id: principle for principle in data.principles.principles}
    organisations = data.organisations.organisations if data.organisations else []
    context = OfferContext(
        principles=principles,
        organisations={organisation.id: organisation for organisation in organisations},
        organisation_types={
            kind.id: kind.label for kind in (data.organisations.types if data.organisations else [])
        },
        places_by_id={place.id: place for place in (data.places.places if data.places else [])},
        situations={
            item.id: item.label for item in (data.situations.situations if data.situations else [])
        },
        districts={district.id: district.name for district in settings.districts},
        area_name=settings.council.area_name,
        team=settings.contact.team,
        places=places,
        review_settings=settings.review,
        words=words,
        today=today,
        area_labels={area.id: area.label for area in (data.areas.areas if data.areas else [])},
        translated_names=(frozenset(translated.names.values()) if translated is not None else None),
        english_tag=english_tag,
    )
    sections = offer_views(data.offer, context)
    if translated is not None:
        sections = with_freshness(sections, translated.states, words, english_tag)
    sections = {
        key: replace(view, easy_read_url=places.easy_read.get(key))
        for key, view in sections.items()
    }
    languages = language_views(english.settings, _own_name(load_words(english_tag)))
    current = next(item for item in languages if item.code == (language or settings.language))
    # Staff review in the site's own language: stale translations are listed there only.
    stale = translation_rows(english, sections, words) if translated is None else ()
    arrangements = (
        arrangements_view(
            data.arrangements,
            settings.review,
            words,
            today,
            places.arrangements,
            data_lang,
        )
        if data.arrangements is not None
        else None
    )
    changes = change_views(
        data.offer,
        sections,
        data.changes,
        (
            arrangements.title,
            data.arrangements.last_reviewed_on,
            arrangements.url,
            arrangements.content_lang,
        )
        if arrangements is not None and data.arrangements is not None
        else None,
        words,
        data_lang,
    )
    views = SiteViews(
        words=words,
        build_date=today,
        places=places,
        settings=settings,
        sections=sections,
        review_rows=tuple(
            sorted(
                review_rows(sections.values(), arrangements, words) + stale,
                key=lambda row: (row.review.next_due_iso, row.title),
            )
        ),
        arrangements=arrangements,
        changes=changes,
        change_months=change_months(changes, words),
        stale_amounts=stale_amounts(data.offer, sections, words, today),
        situations=tuple(data.situations.situations if data.situations else ()),
        organisations=tuple(organisations),
        team_places=tuple(
            place_view(
                context.places_by_id[place_id],
                context.places_by_id[place_id].opening_times,
                words,
                context.lang_of,
            )
            for place_id in settings.contact.places
        ),
        help_now=help_contact_views(settings.help_now, context.lang_of),
        principles=principle_views(
            data.principles.principles, sections.values(), data.action_plan, places.action_plan
        ),
        action_plan=(
            action_plan_views(data.action_plan, data.principles.principles, places, words, today)
            if data.action_plan is not None
            else None
        ),
        placements=(one_in_hundred_view(data.figures.placements, words) if data.figures else None),
        rates=bar_chart_view(data.figures.rates, words) if data.figures else None,
        figures=data.figures,
        gallery=gallery_view(data.gallery, data.pictures, principles, places, words, today),
        theme=ThemeView(
            site_name=words(
                "site.name",
                short_name=settings.council.short_name,
                offer_title=settings.strategy.offer_title,
            ),
            copyright=words("site.copyright", council=settings.council.name),
            language=words.language,
            direction=words.direction,
            words=words,
            header_name=settings.header_name,
            languages=languages,
            current=current,
            names=translated.names if translated is not None else {},
        ),
        finder=finder_view(
            sections.values(),
            data.situations.situations if data.situations else (),
            settings.districts,
            settings.council.area_name,
            words,
            places,
        ),
        care_leaver_check=(
            check_view(data.care_leavers, words, data_lang)
            if data.care_leavers is not None
            else None
        ),
        glossary=(
            glossary_view(
                data.glossary,
                places.glossary,
                file_language=data_lang,
            )
            if data.glossary is not None
            else None
        ),
        language=current,
        languages=languages,
        data_lang=data_lang,
        easy_read={
            key: easy_read_view(
                english.offer[key],
                sections[key],
                words,
                data_lang,
            )
            for key in places.easy_read
            if key in sections
        },
    )
    if translated is None:
        return views
    prose = replace(views, settings=english.settings, words=load_words(english_tag))
    quiet = replace(views, sections=under_page_notice(views.sections))
    return replace(views, english_prose=prose, english_page=quiet)
