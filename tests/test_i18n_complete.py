"""Danish and Finnish are complete and sound: every marked sentence translated, nothing lost.

A translation that drops a placeholder breaks ``.format()`` or shows a raw ``%s``; one with two
``&`` loses its menu accelerator; a fuzzy entry is silently ignored. The glossary keeps one word per
concept, so an English concept word left inside a Danish or Finnish sentence is a slip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app.i18n.catalog import locale_folder
from app.i18n.extract import missing
from app.ui.language.translator import speak
from tests.ui_helpers import shown_window

LANGUAGES = ("da", "fi")
ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "glossary.md"
SHOWN = 20

# `{name}`, `{count:,}`, `%s`, `%d`, `%n` (Qt's count) and `%1` (Qt's numbered argument).
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[sdn]|%\d+")
# What a sentence may quote verbatim: placeholders and command-line options such as --department.
VERBATIM = re.compile(PLACEHOLDER.pattern + r"|--[\w-]+(=\S*)?")

# The concepts every language must name in the glossary.
CONCEPTS = (
    "workshop", "request", "department", "department head", "phase", "backlog", "finding",
    "benefit", "first win", "burden", "effort", "person-days", "capacity", "sign-off", "signed",
    "stale", "dot", "vote", "roadmap", "plan", "fingerprint", "accept", "presentation mode",
    "room voting", "inspector",
)  # fmt: skip


@dataclass(frozen=True)
class Entry:
    """One translated form of one catalogue entry, with the English it stands for."""

    path: Path
    context: str | None
    source: str
    translation: str
    fuzzy: bool

    def __str__(self) -> str:
        where = f"{self.path.parent.name}/{self.path.name}"
        context = f" [{self.context}]" if self.context else ""
        return f"{where}{context} {self.source!r} -> {self.translation!r}"


def entries(language: str, name: str = "*.po") -> Iterator[Entry]:
    """Every translated form in ``language``'s catalogues, plural forms one by one."""
    for path in sorted(locale_folder(language).glob(name)):
        with path.open("rb") as stream:
            catalog = read_po(stream, locale=language)
        for message in catalog:
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                forms = [str(form) for form in message.string or ()]
                sources = [str(message.id[0])] + [str(message.id[1])] * (len(forms) - 1)
            else:
                forms = [str(message.string or "")]
                sources = [str(message.id)]
            for source, translation in zip(sources, forms, strict=True):
                yield Entry(path, message.context, source, translation, message.fuzzy)


def placeholders(text: str) -> list[str]:
    """The placeholders of ``text``, sorted, each as often as it occurs.

    A place's format may change with the language (`{count:,}` groups thousands with a comma,
    which Danish and Finnish read as a decimal sign): its name must stay.
    """
    return sorted(re.sub(r"^\{(\w*)[:!][^{}]*\}$", r"{\1}", p) for p in PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_sentence_is_translated(language: str) -> None:
    lacking = missing(language)
    listed = "\n".join(f"  {m.where}: {m.text!r}" for m in lacking[:SHOWN])
    assert not lacking, (
        f"{len(lacking)} marked sentences have no {language} translation; the first {SHOWN}:\n"
        f"{listed}\n(`python -m app.i18n.extract {language}` prints them as .po entries)"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    broken = [
        f"{e}: {placeholders(e.source)} became {placeholders(e.translation)}"
        for e in entries(language)
        if e.translation and placeholders(e.source) != placeholders(e.translation)
    ]
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_entry_is_fuzzy(language: str) -> None:
    for path in sorted(locale_folder(language).glob("*.po")):
        with path.open("rb") as stream:
            assert not read_po(stream, locale=language).fuzzy, f"{path}: the header is fuzzy"
    fuzzy = [str(e) for e in entries(language) if e.fuzzy]
    assert not fuzzy, "\n".join(fuzzy)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_menu_entry_keeps_exactly_one_accelerator(language: str) -> None:
    broken = [
        str(e) for e in entries(language) if "&" in e.source and e.translation.count("&") != 1
    ]
    assert not broken, "\n".join(broken)


def keys(path: Path, language: str) -> set[tuple[str | None, str]]:
    """The (context, English) of every entry of one catalogue."""
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=language)
    return {(m.context, str(m.id if isinstance(m.id, str) else m.id[0])) for m in catalog if m.id}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_desktop_catalogue_shadows_no_other(language: str) -> None:
    ui = keys(locale_folder(language) / "ui.po", language)
    for path in sorted(locale_folder(language).glob("*.po")):
        if path.name != "ui.po":
            both = ui & keys(path, language)
            assert not both, f"ui.po and {path.name} both translate {sorted(both, key=str)}"


def glossary() -> list[dict[str, str]]:
    """The rows of docs/glossary.md's table, by column name."""
    lines = [line.strip() for line in GLOSSARY.read_text(encoding="utf-8").splitlines()]
    table = [line for line in lines if line.startswith("|")]
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table[2:]]
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_the_glossary_names_every_concept_in_every_language() -> None:
    rows = glossary()
    assert [*rows[0]] == ["en", "da", "fi", "meaning"]
    assert all(all(row.values()) for row in rows), "a glossary row has an empty cell"
    english = [row["en"] for row in rows]
    assert sorted(set(english)) == sorted(english), "a concept is listed twice"
    assert not set(CONCEPTS) - set(english), "missing from the glossary"


def english_words(row: dict[str, str], language: str) -> re.Pattern[str] | None:
    """The row's English word as a whole word, unless the language's own word contains it."""
    word = row["en"].lower()
    if word in row[language].lower():
        return None  # Danish says "workshop", "backlog", "plan" and "acceptere" too
    return re.compile(rf"\b{re.escape(word)}s?\b", re.IGNORECASE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_concept_word_in_the_desktop_translations(language: str) -> None:
    patterns = [p for row in glossary() if (p := english_words(row, language)) is not None]
    slips = [
        f"{entry}: {found.group()!r}"
        for entry in entries(language, "ui.po")
        for pattern in patterns
        if (found := pattern.search(VERBATIM.sub(" ", entry.translation.replace("&", ""))))
    ]
    assert not slips, "\n".join(slips)


def test_the_scan_would_catch_an_english_word_but_not_a_placeholder() -> None:
    row = {"en": "request", "da": "anmodning", "fi": "pyyntö"}
    pattern = english_words(row, "da")
    assert pattern is not None
    assert pattern.search("Tilføj requests")
    assert not pattern.search(VERBATIM.sub(" ", "Tilføj {request} og --request-column"))
    assert english_words({"en": "plan", "da": "plan", "fi": "suunnitelma"}, "da") is None


def _clashes(actions: list[QAction], where: str) -> Iterator[str]:
    """Entries of one menu that share an accelerator letter, then those of its submenus."""
    first: dict[str, str] = {}
    for action in actions:
        text = action.text().replace("&&", "")
        if "&" in text:
            key = text[text.index("&") + 1].lower()
            if key in first:
                yield f"{where}: {first[key]!r} and {text!r} both on {key!r}"
            first.setdefault(key, text)
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()  # menus filled on opening (Clear votes) fill now
            yield from _clashes(menu.actions(), f"{where} > {action.text()}")


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_two_entries_of_a_menu_share_an_accelerator(
    code: str, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    speak(code)
    try:
        window = shown_window(qtbot, tmp_path, monkeypatch)
        clashes = list(_clashes(window.menuBar().actions(), "menu bar"))
        assert window.menuBar().actions()[0].text() != "&File"
    finally:
        speak("en")
    assert not clashes, "\n".join(clashes)
