"""Short texts wrapped into the little room a card, a header or a chart label has."""

from __future__ import annotations

import itertools
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from app.report.hyphenation import break_word, syllable_breaks

SOFT_HYPHEN = "\u00ad"
LONG_WORD = re.compile(r"\S{16,}")
"""A word that may not fit a narrow panel's line (shorter ones fit any width it can have)."""


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


def wrapped(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """Text in as many lines of `width` as it takes; a word too long is broken as above.

    Lines break at spaces, not at no-break spaces: "+1\u00a0−1" stays on one line.
    """
    lines: list[str] = []
    words = [word for word in text.split(" ") if word]
    while words:
        line = ""
        while words and metrics.horizontalAdvance((line + " " + words[0]).strip()) <= width:
            line = (line + " " + words.pop(0)).strip()
        if not line:
            line, tail = break_word(words.pop(0), metrics.horizontalAdvance, width)
            words.insert(0, tail)
        lines.append(line)
    return lines


def soft_hyphenated(word: str) -> str:
    """`word` with soft hyphens between its syllables: Qt may break it there, with a hyphen."""
    cuts = [0, *syllable_breaks(word), len(word)]
    return SOFT_HYPHEN.join(word[start:end] for start, end in itertools.pairwise(cuts))


def long_words_softened(text: str) -> str:
    """`text` whose long words may break between syllables, for a label of unknown width.

    A label's narrowest width is its longest unbreakable piece: one long compound in a title
    would otherwise widen the whole panel past its dock.
    """
    return LONG_WORD.sub(lambda match: soft_hyphenated(match.group()), text)
