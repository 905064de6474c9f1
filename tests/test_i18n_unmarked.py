"""No sentence a user reads is written in English outside the catalogues.

`self.tr()` and `_()` mark what is translated; a message built with a bare f-string slips past
the extractor and reaches a Danish committee in English. This reads every `raise ...(...)`,
`fail(...)` and `print(...)` in the app and fails on one whose text has words of its own. What
stays English on purpose is listed with the reason.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from tests.builders import ROOT

APP = ROOT / "app"
WORDS = re.compile(r"[A-Za-z]{3,}")

MACHINE_READ = {
    ("app/planning/worker.py", "progress "),
    ("app/planning/worker.py", "proved "),
    ("app/planning/worker.py", "clock "),
    ("app/planning/worker.py", "error: "),
    ("app/report/worker.py", "progress  "),
    ("app/report/worker.py", "error: "),
    ("app/i18n/extract.py", "# :  untranslated"),
    ("app/ui/shell/application.py", "room voting: "),
}
"""The child processes' lines to their parent, the extractor's .po comments, and the room's
address line that scripts read from stdout (the README documents it)."""

PROGRAMMING_ERRORS = {
    ("app/room/server.py", "a room server starts once"),
    ("app/room/server.py", "the room server did not start within  s"),
    ("app/i18n/catalog.py", "unsupported plural rule "),
    ("app/report/document.py", 'paper must be "a4" or "letter", got ""'),
    ("app/i18n/__init__.py", "unknown language : choose one of "),
    ("app/launcher.py", "bellwether: -m runs only Bellwether's own modules"),
}
"""Raised only by a mistake in Bellwether's own code (the parsers refuse such input first)."""

KEPT = {
    ("app/storage/workshop_file.py", "format: "): "the file format's field name",
    ("app/report/fonts.py", "the font file  is missing; reinstall Bellwether"): "broken install",
    ("app/resources/__init__.py", "the shipped file  is missing; reinstall Bellwether"): "same",
}


def _own_words(node: ast.expr) -> str | None:
    """The literal text of a message argument (an f-string's outside its braces)."""
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _messages(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        call = node.exc if isinstance(node, ast.Raise) else node
        if not isinstance(call, ast.Call) or not call.args:
            continue
        if isinstance(node, ast.Call) and not (
            isinstance(call.func, ast.Name) and call.func.id in ("fail", "print")
        ):
            continue
        text = _own_words(call.args[0])
        if text is not None and WORDS.search(text.removeprefix("bellwether: ")):
            yield call.lineno, text


def test_every_message_a_user_reads_is_marked_for_translation() -> None:
    allowed = MACHINE_READ | PROGRAMMING_ERRORS | set(KEPT)
    found = []
    for path in sorted(APP.rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        found += [
            f"{where}:{line}: {text!r}"
            for line, text in _messages(path)
            if (where, text) not in allowed
        ]
    assert not found, "unmarked English messages:\n" + "\n".join(found)


def test_the_check_sees_an_unmarked_message(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'def f(x):\n    raise ValueError(f"{x} is not a phase")\n'
        'def g(x):\n    print(_("{x} is fine").format(x=x))\n',
        encoding="utf-8",
    )
    assert list(_messages(sample)) == [(2, " is not a phase")]
