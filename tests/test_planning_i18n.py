"""Every sentence of suggestions and comparisons has its Danish and Finnish in suggest.po."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.builders import ROOT

QT_FREE = [*sorted((ROOT / "app" / "planning").glob("*.py")),
           ROOT / "app" / "cli" / "suggest.py", ROOT / "app" / "cli" / "compare.py"]  # fmt: skip
UI = sorted((ROOT / "app" / "ui" / "suggest").glob("*.py"))


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def gettext_calls(path: Path) -> Iterator[str]:
    """The literal messages of `_()` and `ngettext()` calls in a module."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"_", "ngettext"}
            and node.args
            and (text := _literal(node.args[0]))
        ):
            yield text


def tr_calls(path: Path) -> Iterator[tuple[str, str]]:
    """(class name, message) of the `self.tr()` calls in a module's classes."""
    for cls in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(cls, ast.ClassDef):
            continue
        for node in ast.walk(cls):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
                and node.args
                and (text := _literal(node.args[0]))
            ):
                yield cls.name, text


def _catalogue(language: str) -> dict[tuple[str | None, str], object]:
    path = ROOT / "app" / "i18n" / "locale" / language / "suggest.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    found: dict[tuple[str | None, str], object] = {}
    for message in catalogue:
        if message.id:
            key = message.id if isinstance(message.id, str) else message.id[0]
            found[(message.context, key)] = message.string
    return found


@pytest.mark.parametrize("language", ["da", "fi"])
def test_every_sentence_has_an_entry(language: str) -> None:
    entries = _catalogue(language)
    assert sum(1 for path in UI for _ in tr_calls(path)) > 20  # the walk finds the UI's words
    missing = [text for path in QT_FREE for text in gettext_calls(path)
               if not entries.get((None, text))]  # fmt: skip
    missing += [f"{context}: {text}" for path in UI for context, text in tr_calls(path)
                if not entries.get((context, text))]  # fmt: skip
    assert missing == []


@pytest.mark.parametrize("language", ["da", "fi"])
def test_the_placeholders_are_kept(language: str) -> None:
    for (_context, source), translated in _catalogue(language).items():
        forms = translated if isinstance(translated, tuple) else (translated,)
        for form in forms:
            for mark in ("{count}", "{id}", "{path}", "%s", "%n", "{title}", "{ids}"):
                if mark in source:
                    assert mark in str(form), (source, form)
