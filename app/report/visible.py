"""What the pages show, against what the plan inside the PDF would print.

Exports are deterministic, so the embedded plan rendered again (on the same paper, in the same
language) gives the pages the PDF had when it was written. Comparing each page's visible text,
then its drawing, catches an edit that keeps the fingerprints: "Draft: not signed" changed to
"Approved by all", a number on a chart, a moved bar.
"""

from __future__ import annotations

import contextlib
import difflib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from app.i18n import LANGUAGES, _, language, set_language
from app.report.embedding import LANGUAGE_KEY

if TYPE_CHECKING:
    from pypdf import PdfReader

    from app.domain.model import Workshop

_SHOWN_WORDS = 8


@contextlib.contextmanager
def speaking(code: str) -> Iterator[None]:
    """Speak `code` for a while (the PDF's own language while it is rendered again)."""
    before = language()
    set_language(code)
    try:
        yield
    finally:
        set_language(before)


def paper_of(reader: PdfReader) -> str:
    """ "letter" when the first page is US Letter, else "a4" (the cover is always upright)."""
    box = reader.pages[0].mediabox
    width, height = sorted((float(box.width), float(box.height)))
    return "letter" if abs(width - 612) < 2 and abs(height - 792) < 2 else "a4"


def language_of(reader: PdfReader) -> str:
    """The language the PDF was written in (English for a PDF that does not say)."""
    info = reader.metadata
    value = str(info.get(LANGUAGE_KEY, "en")) if info is not None else "en"
    return value if value in LANGUAGES else "en"


def page_problems(
    reader: PdfReader,
    texts: list[str],
    workshop: Workshop,
    open_pdf: Callable[[bytes], PdfReader],
    baseline: Workshop | None = None,
) -> list[str]:
    """Every page whose text or drawing is not what the embedded plan prints, in plain words.

    ``open_pdf`` reads the fresh render (verify's own reader, passed in so the arrow runs one way).
    """
    from app.report.document import render_pdf  # reportlab only when a PDF is verified

    with speaking(language_of(reader)):
        paper = paper_of(reader)
        expected = open_pdf(render_pdf(workshop, paper, baseline=baseline))  # type: ignore[arg-type]
        problems = _count_problem(len(texts), len(expected.pages))
    for number, (shown, page) in enumerate(zip(texts, expected.pages, strict=False), 1):
        printed = page.extract_text() or ""
        if shown != printed:
            problems.append(_text_problem(number, shown, printed))
        elif _drawing(reader.pages[number - 1]) != _drawing(page):
            problems.append(
                _("page {page}: the drawing differs from what the plan prints").format(page=number)
            )
    return problems


def _count_problem(shown: int, printed: int) -> list[str]:
    if shown == printed:
        return []
    return [
        _("the PDF has {shown} pages, but its plan prints {printed}").format(
            shown=shown, printed=printed
        )
    ]


def _drawing(page: object) -> bytes:
    contents = page.get_contents()  # type: ignore[attr-defined]
    return b"" if contents is None else bytes(contents.get_data())


def _text_problem(number: int, shown: str, printed: str) -> str:
    """Name the first words that differ: what the page shows and what the plan prints there."""
    have, want = shown.split(), printed.split()
    matcher = difflib.SequenceMatcher(a=want, b=have, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal":
            return _("page {page} shows “{shown}” where the plan prints “{printed}”").format(
                page=number, shown=_words(have[b0:b1]), printed=_words(want[a0:a1])
            )
    return _("page {page}: the text is laid out differently from what the plan prints").format(
        page=number
    )


def _words(words: list[str]) -> str:
    if not words:
        return _("nothing")
    text = " ".join(words[:_SHOWN_WORDS])
    return text + " …" if len(words) > _SHOWN_WORDS else text
