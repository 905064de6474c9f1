"""Ids made from titles and names: one rule for the inspector and the spreadsheet import.

`Økonomi & løn` -> `oekonomi-loen`: lower case, Danish and other letters spelt out in ASCII,
everything else a hyphen, short enough that a `-123` suffix still fits the 64 characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

ID_LENGTH = 48
_TRANSLITERATION = str.maketrans(
    {"æ": "ae", "ø": "oe", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "þ": "th"}
)


def id_stem(text: str) -> str:
    """A valid id made from a title or name; empty when nothing of it is a letter or digit."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLITERATION))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text)[:ID_LENGTH].strip("-")


def unique_id(
    stem: str, taken: Collection[str], fallback: str, counters: dict[str, int] | None = None
) -> str:
    """`stem` (or `fallback` when it is empty), with `-2`, `-3`... until it is not in `taken`.

    `counters` remembers the last number tried per stem, so thousands of equal titles in a
    sheet stay fast.
    """
    base = stem or fallback
    counters = {} if counters is None else counters
    number = counters.get(base, 1)
    candidate = base if number == 1 else f"{base}-{number}"
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    counters[base] = number
    return candidate
