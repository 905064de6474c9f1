"""The words a person reads, in the committee's language: English, Danish or Finnish.

Every layer marks the sentences it shows with ``_()`` (and ``ngettext()`` where a count
chooses the form); the UI's ``self.tr()`` reaches the same catalogues through a translator
the application installs. The catalogues are gettext ``.po`` files, one per area of the app,
under ``app/i18n/locale/<language>/``, so each feature brings its own words without touching
another feature's file. English is the source language and needs no catalogue.
"""

from __future__ import annotations

from app.i18n.catalog import Catalog, catalog_for

LANGUAGES: tuple[str, ...] = ("en", "da", "fi")
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "da": "Dansk", "fi": "Suomi"}

_current: list[str] = ["en"]


def set_language(code: str) -> None:
    """Speak ``code`` from now on; refuse a language Bellwether has no words for."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}: choose one of {', '.join(LANGUAGES)}")
    _current[0] = code


def language() -> str:
    """The language Bellwether speaks now."""
    return _current[0]


def current_catalog() -> Catalog:
    """The catalogue of the language spoken now (empty for English)."""
    return catalog_for(language())


def _(message: str) -> str:
    """``message`` in the language spoken now; the English itself when it has no entry."""
    return current_catalog().gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is defined; ``_()`` translates it where read."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted phrase that ``count`` takes in the language spoken now."""
    return current_catalog().ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` as it is said in ``context`` (the UI's class names, or a named sense)."""
    return current_catalog().pgettext(context, message)


__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "N_",
    "_",
    "current_catalog",
    "language",
    "ngettext",
    "pgettext",
    "set_language",
]
