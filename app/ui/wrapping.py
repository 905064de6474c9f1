"""Short texts wrapped into the little room a card, a header or a chart label has."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from app.report.hyphenation import break_word


def two_lines(
    text: str, metrics: QFontMetricsF, width: float, first_width: float | None = None
) -> list[str]:
    """Wrap text into at most two lines, eliding the second.

    `first_width`: the first line's room when narrower (a badge stands beside it). A first word
    too long for its line (Danish compounds often are) is broken between syllables with a
    hyphen, as the PDF breaks it: "Kampagne-" / "styring", not "Kampagnes-" / "tyring".
    """
    first_room = width if first_width is None else first_width
    words = text.split()
    first = ""
    while words and metrics.horizontalAdvance((first + " " + words[0]).strip()) <= first_room:
        first = (first + " " + words.pop(0)).strip()
    if not first and words:
        first, tail = break_word(words.pop(0), metrics.horizontalAdvance, first_room)
        words.insert(0, tail)
    rest = " ".join(words)
    if not rest:
        return [first]
    return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
