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


def fitted_lines(
    text: str,
    metrics: QFontMetricsF,
    width: float,
    first_width: float | None = None,
    count: int = 2,
) -> list[str]:
    """Wrap text into at most `count` lines, eliding the last.

    `first_width`: the first line's room when narrower (a badge stands beside it). A first word
    too long for its line (Danish compounds often are) is broken between syllables with a
    hyphen, as the PDF breaks it: "Kampagne-" / "styring", not "Kampagnes-" / "tyring".
    """
    words = text.split()
    lines = [_next_line(words, metrics, width if first_width is None else first_width)]
    while words and len(lines) < count - 1:
        lines.append(_next_line(words, metrics, width))
    rest = " ".join(words)
    if rest:
        lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines


def wrapped(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """Text in as many lines of `width` as it takes; a word too long is broken as above.

    Lines break at spaces, not at no-break spaces: "+1\u00a0−1" stays on one line.
    """
    words = [word for word in text.split(" ") if word]
    lines: list[str] = []
    while words:
        lines.append(_next_line(words, metrics, width))
    return lines


def _next_line(words: list[str], metrics: QFontMetricsF, width: float) -> str:
    """Take from `words` the line of `width` they begin with; a first word too long is broken.

    A word of one letter is taken whole, wider or not: there is nothing to break.
    """
    line = ""
    while words and metrics.horizontalAdvance((line + " " + words[0]).strip()) <= width:
        line = (line + " " + words.pop(0)).strip()
    if not line and words:
        word = words.pop(0)
        if len(word) < 2:
            return word
        line, tail = break_word(word, metrics.horizontalAdvance, width)
        words.insert(0, tail)
    return line


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
