"""Every sentence of the import, on the command line and in the dialog, in Danish and Finnish."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.i18n import _, set_language
from app.i18n.catalog import Key, catalog_for
from app.storage.spreadsheet import read_sheet
from app.ui.importing.preview import HEADERS

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    *sorted((ROOT / "app/storage/spreadsheet").glob("*.py")),
    ROOT / "app/cli/sheet.py",
    ROOT / "app/cli/sheet_messages.py",
    *sorted((ROOT / "app/ui/importing").glob("*.py")),
)
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}|%[sd]")


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _Messages(ast.NodeVisitor):
    """The literals given to `_()`, `ngettext()`, `self.tr()` (context: the class) and
    `QCoreApplication.translate()`."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: dict[Key, str | None] = {}

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        texts = [_text(arg) for arg in node.args]
        if name == "_" and texts and texts[0]:
            self.found[(None, texts[0])] = None
        elif name == "ngettext" and len(texts) > 1 and texts[0]:
            self.found[(None, texts[0])] = texts[1]
        elif name == "tr" and texts and texts[0] and self.classes:
            self.found[(self.classes[-1], texts[0])] = None
        elif name == "translate" and len(texts) > 1 and texts[0] and texts[1]:
            self.found[(texts[0], texts[1])] = None
        self.generic_visit(node)


def import_messages() -> dict[Key, str | None]:
    """Every translatable literal of the import, with its plural when it has one."""
    visitor = _Messages()
    for path in SOURCES:
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
    visitor.found.update({("PreviewModel", header): None for header in HEADERS})
    return visitor.found


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    set_language("en")


def test_the_import_has_messages_to_translate() -> None:
    found = import_messages()
    assert len(found) > 100
    assert ("ColumnMap", "Not imported") in found
    assert (None, "note: {note}") in found


@pytest.mark.parametrize("language", ["da", "fi"])
def test_every_import_message_has_an_entry_with_the_same_placeholders(language: str) -> None:
    catalog = catalog_for(language)
    missing, broken = [], []
    for key, plural in import_messages().items():
        found = catalog.plural.get(key) if plural else (catalog.singular.get(key),)
        forms = [form for form in found or () if form]
        if not forms or len(forms) < len(found or ()):
            missing.append(key)
            continue
        wanted = sorted(PLACEHOLDER.findall(key[1]))
        broken += [(key, form) for form in forms if sorted(PLACEHOLDER.findall(form)) != wanted]
    assert missing == []
    assert broken == []


def test_a_sheet_problem_reads_in_danish_and_finnish(tmp_path: Path) -> None:
    sheet = tmp_path / "requests.csv"
    sheet.write_text("Title,Department,Effort\nQuote templates,sales,lots\n", encoding="utf-8")
    set_language("da")
    assert str(read_sheet(sheet).errors[0]) == 'række 2, kolonne "Effort": "lots" er ikke et tal'
    set_language("fi")
    assert str(read_sheet(sheet).errors[0]) == 'rivi 2, sarake "Effort": "lots" ei ole luku'
    assert _("nothing was imported") == "mitään ei tuotu"
