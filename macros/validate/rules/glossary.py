"""Rules of the glossary: ids unique, and no way of writing a term that belongs to two terms.

A term's words (``term:`` and ``also:``) are compared without capitals: two terms that
could both match the same words on a page would make the page's mark-up depend on which
comes first in the file.
"""

from __future__ import annotations

from macros.load.yaml_file import FieldPath, LoadedFile
from macros.problems import DataProblem
from macros.validate.model.glossary import GlossaryFile
from macros.validate.rules.references import duplicates, unknown


def glossary_problems(file: GlossaryFile, source: LoadedFile) -> list[DataProblem]:
    """Ids unique; each way of writing a term used by one term only.

    >>> from macros.validate.model.glossary import GlossaryTerm
    >>> terms = [GlossaryTerm(id="pa", term="PA", definition="x"),
    ...          GlossaryTerm(id="adviser", term="adviser", also=["pa"], definition="y")]
    >>> [p.message for p in glossary_problems(GlossaryFile(terms=terms), LoadedFile("g.yml", {}))]
    ["'pa' is already a way of writing the term 'pa'; each way of writing belongs to one term only"]
    """
    problems = duplicates((t.id, source, ("terms", i, "id")) for i, t in enumerate(file.terms))
    owners: dict[str, str] = {}
    for i, term in enumerate(file.terms):
        forms: list[tuple[FieldPath, str]] = [(("terms", i, "term"), term.term)]
        forms += [(("terms", i, "also", j), form) for j, form in enumerate(term.also)]
        for path, form in forms:
            key = " ".join(form.casefold().split())
            owner = owners.setdefault(key, term.id)
            if owner != term.id:
                problems.append(
                    source.problem(
                        path,
                        f"'{form}' is already a way of writing the term '{owner}'; "
                        "each way of writing belongs to one term only",
                    )
                )
    return problems


def glossary_translation_problems(
    source: GlossaryFile, translation: GlossaryFile, translated: LoadedFile
) -> list[DataProblem]:
    """A translated glossary (same model, same ids) names only terms of the English one.

    For the languages work: a translation of ``data/glossary.yml`` is a file of the same
    shape whose ids are the English file's; its own forms follow ``glossary_problems``.

    >>> from macros.validate.model.glossary import GlossaryTerm
    >>> english = GlossaryFile(terms=[GlossaryTerm(id="pathway-plan", term="pathway plan", definition="x")])
    >>> arabic = GlossaryFile(terms=[GlossaryTerm(id="pathway-plam", term="خطة المسار", definition="y")])
    >>> [p.message for p in glossary_translation_problems(english, arabic, LoadedFile("ar.yml", {}))]
    ["unknown term 'pathway-plam'; did you mean 'pathway-plan'?"]
    """
    known = {term.id for term in source.terms}
    problems = glossary_problems(translation, translated)
    for i, term in enumerate(translation.terms):
        problems += unknown(
            translated, ("terms", i, "id"), term.id, known, "term", 0.6, "data/glossary.yml"
        )
    return problems
