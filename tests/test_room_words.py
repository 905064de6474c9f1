"""Every sentence of room voting has its Danish and Finnish words, in room.po."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.i18n.catalog import catalog_for
from tests.builders import ROOT

SOURCES = sorted(
    [*(ROOT / "app" / "room").rglob("*.py"), *(ROOT / "app" / "ui" / "room").glob("*.py")]
)

Entry = tuple[str | None, str, str | None]
"""(context, message, plural): context is the class for `self.tr`, None for `_()`."""


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def entries(path: Path) -> list[Entry]:
    found: list[Entry] = []
    for klass in [
        None,
        *[n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.ClassDef)],
    ]:
        tree = klass if klass is not None else ast.parse(path.read_text())
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func, first = node.func, _literal(node.args[0])
            if first is None:
                continue
            if klass is None and isinstance(func, ast.Name) and func.id == "_":
                found.append((None, first, None))
            elif klass is None and isinstance(func, ast.Name) and func.id == "ngettext":
                found.append((None, first, _literal(node.args[1])))
            elif klass is not None and isinstance(func, ast.Attribute) and func.attr == "tr":
                found.append((klass.name, first, None))
    return found


WORDS = sorted({entry for path in SOURCES for entry in entries(path)}, key=str)


def test_the_sources_are_read() -> None:
    assert (None, "Which department do you vote for?", None) in WORDS
    assert ("RoomPanel", "Show &codes", None) in WORDS
    assert any(plural for _context, _message, plural in WORDS)


@pytest.mark.parametrize("language", ["da", "fi"])
def test_every_sentence_has_an_entry(language: str) -> None:
    catalog = catalog_for(language)
    missing = []
    for context, message, plural in WORDS:
        if plural is not None:
            forms = catalog.plural.get((None, message))
            if not forms or not all(forms):
                missing.append(message)
        elif not catalog.singular.get((context, message)):
            missing.append(f"{context}: {message}" if context else message)
    assert missing == []
