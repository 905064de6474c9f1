"""The catalogues: every language's .po files merge into one lookup that the app's ``_()`` reads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app import i18n
from app.i18n import _, ngettext, set_language


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    set_language("en")


def test_english_is_the_source_language() -> None:
    set_language("en")
    assert _("request") == "request"
    assert ngettext("{count} request", "{count} requests", 3) == "{count} requests"


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [
        ("da", "{count} anmodning", "{count} anmodninger"),
        ("fi", "{count} pyyntö", "{count} pyyntöä"),
    ],
)
def test_counted_phrases_take_the_languages_plural(language: str, one: str, three: str) -> None:
    set_language(language)
    assert ngettext("{count} request", "{count} requests", 1) == one
    assert ngettext("{count} request", "{count} requests", 3) == three


def test_a_message_without_an_entry_stays_english() -> None:
    set_language("da")
    assert _("no such sentence anywhere") == "no such sentence anywhere"


def test_an_unknown_language_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="en, da, fi"):
        set_language("sv")
    assert i18n.language() == "en"
