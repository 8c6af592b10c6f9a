"""Model of ``data/glossary.yml``: the words the site explains, with plain definitions."""

from __future__ import annotations

from pydantic import Field

from .common import Identifier, Strict, Text


class GlossaryTerm(Strict):
    id: Identifier = Field(
        description="Stable name for the term: its address on the glossary page "
        "(glossary/#term-pathway-plan) and the key translations use, e.g. 'pathway-plan'."
    )
    term: Text = Field(
        description="The term as the pages write it, e.g. 'pathway plan'. All in small "
        "letters, it matches any capitals ('Pathway plan'); with a capital letter "
        "('Staying Put', 'PA'), only those capitals."
    )
    also: list[Text] = Field(
        default_factory=list,
        description="Other ways of writing it that also count, with the same rule for "
        "capitals: plurals not made with -s, other spellings, short forms, e.g. "
        "[eligible children]. Plurals with -s match anyway.",
    )
    definition: Text = Field(
        description="What it means, in one to three short plain sentences (plain text)."
    )


class GlossaryFile(Strict):
    """``data/glossary.yml``: words the pages explain, marked where each page first uses them."""

    terms: list[GlossaryTerm] = Field(
        min_length=1, description="The terms, in any order (the glossary page sorts them)."
    )
