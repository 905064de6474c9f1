"""Every sentence the app marks for translation, read from its source.

`_("…")`, `ngettext("…", "…", n)` and `pgettext("context", "…")` in any layer; `self.tr("…")`
(and `self.tr("… %n …", "", n)`) in the UI, whose context is the class it is written in, as
Qt's lupdate would read it. `python -m app.i18n.extract` prints what a language still lacks as
`.po` entries to fill in.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.i18n.catalog import catalog_for

APP = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Message:
    """One marked sentence: its context (None: any), its English, where it is written."""

    context: str | None
    text: str
    plural: str | None
    where: str


def messages(root: Path = APP) -> list[Message]:
    """Every marked sentence under ``root``, sorted, each once per context."""
    found: dict[tuple[str | None, str], Message] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for message in _marked(tree, f"{path.relative_to(root.parent)}"):
            found.setdefault((message.context, message.text), message)
    return sorted(found.values(), key=lambda m: (m.where.split(":")[0], m.context or "", m.text))


def _marked(tree: ast.Module, where: str) -> Iterator[Message]:
    classes: list[tuple[ast.ClassDef, set[int]]] = [
        (node, {id(inner) for inner in ast.walk(node)})
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    ]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        message = _message(node, classes, f"{where}:{node.lineno}")
        if message is not None:
            yield message


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _message(
    call: ast.Call, classes: list[tuple[ast.ClassDef, set[int]]], where: str
) -> Message | None:
    function = call.func
    args = call.args
    first = _literal(args[0]) if args else None
    if isinstance(function, ast.Name) and first is not None:
        if function.id in ("_", "N_", "phrase") and (len(args) == 1 or function.id == "phrase"):
            return Message(None, first, None, where)
        if function.id in ("ngettext", "counted") and len(args) >= 3:
            return Message(None, first, _literal(args[1]), where)
        if function.id == "pgettext" and len(args) == 2 and _literal(args[1]) is not None:
            return Message(first, str(_literal(args[1])), None, where)
    second = _literal(args[1]) if len(args) > 1 else None
    if isinstance(function, ast.Attribute) and function.attr == "translate" and second:
        return Message(first, second, None, where)  # QCoreApplication.translate("Ctx", "…")
    if isinstance(function, ast.Attribute) and function.attr == "tr" and first is not None:
        owner = _innermost_class(call, classes)
        counted = len(args) == 3 or any(k.arg == "n" for k in call.keywords)
        return Message(owner, first, first if counted else None, where)
    return None


def _innermost_class(call: ast.Call, classes: list[tuple[ast.ClassDef, set[int]]]) -> str | None:
    owners = [node for node, inner in classes if id(call) in inner]
    return owners[-1].name if owners else None


def missing(language: str, found: list[Message] | None = None) -> list[Message]:
    """The marked sentences ``language``'s catalogues do not translate yet."""
    catalog = catalog_for(language)
    every = messages() if found is None else found
    return [m for m in every if not catalog.has(m.context, m.text)]


def _po_entry(message: Message) -> str:
    def quoted(text: str) -> str:
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'

    lines = [f"#: {message.where}"]
    if message.context is not None:
        lines.append(f"msgctxt {quoted(message.context)}")
    lines.append(f"msgid {quoted(message.text)}")
    if message.plural is not None:
        lines += [f"msgid_plural {quoted(message.plural)}", 'msgstr[0] ""', 'msgstr[1] ""']
    else:
        lines.append('msgstr ""')
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print, as `.po` entries, what each language named in ``argv`` still lacks."""
    for language in argv or ["da", "fi"]:
        lacking = missing(language)
        print(f"# {language}: {len(lacking)} untranslated")
        print("\n\n".join(_po_entry(m) for m in lacking))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
