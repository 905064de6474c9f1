"""Where a word too wide for its line is broken, always with a hyphen at the break.

There is no dictionary (the same plan must give the same PDF everywhere, and Danish, Finnish and
English titles share a page), so a word is broken between syllables, before the consonants that
begin the next one ("Kampagne-styring", "Fakturasyn-kronisering"), or after a dash or slash it
has ("2027-W01–" / "W06"); as near the middle as the line allows, since most compounds join
there. Only a word with no such place that fits (an acronym, a long number) is broken between any
two characters. A syllable break leaves at least two letters before it and three after it.
"""

from __future__ import annotations

from app.report.fonts import text_width

VOWELS = frozenset("aeiouyæøåäöüõéèêëáàâíìîïóòôúùûýÿœ")
# Consonants that can begin a syllable together; any other cluster is split before its last one.
ONSETS = frozenset(
    {"bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr", "kv", "sk", "sp", "st"}
    | {"skr", "spr", "str"}
)
MIN_HEAD, MIN_TAIL = 2, 3
HYPHEN = "-"
DASHES = "-‐–—/"


def _vowel(char: str) -> bool:
    return char.lower() in VOWELS


def _consonant(char: str) -> bool:
    return char.isalpha() and not _vowel(char)


def _onset(cluster: str) -> int:
    """How many of a cluster's consonants begin the next syllable."""
    lowered = cluster.lower()
    if lowered.endswith("gs"):
        return 0  # Danish and German join compounds with it: "Leverings-adresser", "Salgs-mål"
    for size in (3, 2):
        if len(lowered) >= size and lowered[-size:] in ONSETS:
            return size
    return 1


def syllable_breaks(word: str) -> list[int]:
    """The places (indexes into `word`) where it may be broken between syllables."""
    breaks = []
    start = None  # where the current run of consonants began, after a vowel
    for index, char in enumerate(word):
        if _consonant(char):
            if start is None and index > 0 and _vowel(word[index - 1]):
                start = index
            continue
        if start is not None and _vowel(char):
            cut = index - _onset(word[start:index])
            if cut >= MIN_HEAD and len(word) - cut >= MIN_TAIL:
                breaks.append(cut)
        start = None
    return breaks


def dash_breaks(word: str) -> list[int]:
    """The places just after a hyphen, dash or slash inside `word`: "2027-W01–" / "W06"."""
    return [index + 1 for index, char in enumerate(word[:-2]) if char in DASHES and index > 0]


def _head(word: str, cut: int) -> str:
    """The part of `word` before `cut` as its line shows it: with a hyphen, unless it has one."""
    return word[:cut] if word[cut - 1] in DASHES else word[:cut] + HYPHEN


def _cut(word: str, font: str, size: float, width: float) -> int:
    """Where to break `word`.

    Among the syllable and dash breaks whose head fits, the one nearest the middle of the word
    when the rest then fits on the next line ("Kampagne-" / "styring" rather than "Kampagnesty-"
    / "ring"), else the last one that fits; with none, as late as fits.
    """
    fitting = [
        cut
        for cut in sorted({*syllable_breaks(word), *dash_breaks(word)})
        if text_width(_head(word, cut), font, size) <= width
    ]
    two_lines = [cut for cut in fitting if text_width(word[cut:], font, size) <= width]
    if two_lines:
        return min(two_lines, key=lambda cut: (abs(2 * cut - len(word)), -cut))
    if fitting:
        return fitting[-1]
    cut = len(word) - 1
    while cut > 1 and text_width(_head(word, cut), font, size) > width:
        cut -= 1
    if len(word) - cut < MIN_TAIL < cut:
        cut -= MIN_TAIL - (len(word) - cut)  # no one- or two-letter stump on the next line
    return cut


def hyphenate(word: str, font: str, size: float, width: float) -> list[str]:
    """`word` in lines no wider than `width`, every line but the last ending in a hyphen.

    A word that fits is one line. Only a width narrower than two letters and a hyphen can be
    exceeded.
    """
    lines = []
    while text_width(word, font, size) > width and len(word) > 1:
        cut = _cut(word, font, size, width)
        lines.append(_head(word, cut))
        word = word[cut:]
    return [*lines, word]
