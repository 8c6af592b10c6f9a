"""The crisis contacts of "Need help now?" (``help_now`` in data/site.yml), as shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from macros.derive.phones import tel_href
from macros.validate.model.site import HelpContact


@dataclass(frozen=True)
class HelpContactView:
    name: str
    when: str
    phone: str | None
    phone_href: str | None
    text: str | None
    web: str | None
    name_lang: str | None = None
    """The language tag of ``name`` when it is shown in English on another language's
    page (``names:`` has no translation of it), else None; likewise the others."""
    when_lang: str | None = None
    text_lang: str | None = None


def help_contact_views(
    contacts: Iterable[HelpContact], lang_of: Callable[[str | None], str | None]
) -> tuple[HelpContactView, ...]:
    """Each crisis contact with a link that calls it, and the language of its words.

    >>> contact = HelpContact(name="Samaritans", when="Any time.", phone="116 123")
    >>> view = help_contact_views([contact], lambda text: None)[0]
    >>> view.phone_href, view.name_lang
    ('tel:116123', None)
    >>> help_contact_views([contact], lambda text: "en-GB")[0].when_lang
    'en-GB'
    """
    return tuple(
        HelpContactView(
            name=contact.name,
            when=contact.when,
            phone=contact.phone,
            phone_href=tel_href(contact.phone) if contact.phone else None,
            text=contact.text,
            web=str(contact.web) if contact.web else None,
            name_lang=lang_of(contact.name),
            when_lang=lang_of(contact.when),
            text_lang=lang_of(contact.text),
        )
        for contact in contacts
    )
