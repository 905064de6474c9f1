"""Where a word too wide for its line is broken, always with a hyphen at the break.

There is no dictionary (the same plan must give the same PDF everywhere, and Danish, Finnish and
English titles share a page), so a word is broken between syllables, before the consonants that
begin the next one ("Kampagne-styring", "Fakturasyn-kronisering"), or after a dash or slash it
has ("2027-W01–" / "W06"). A word breaks first at its own dash, or where a compound's first
part ends in a joining "s" ("Ledelses-information"); else as near the middle as the line allows,
since most compounds join there. Only a word with no such place that fits (an acronym, a long
number) is broken between any two characters. A syllable break leaves at least two letters
before it and three after it.

The PDF measures with its embedded font, the board's cards and charts with the screen's: the
width of a piece of text is passed in, so no font library is imported here.
"""

from __future__ import annotations

from collections.abc import Callable

Measure = Callable[[str], float]
"""The width a piece of text takes in the font it is set in (the PDF's or the screen's)."""

VOWELS = frozenset("aeiouyæøåäöüõéèêëáàâíìîïóòôúùûýÿœ")
# Consonants that can begin a syllable together; any other cluster is split before its last one.
ONSETS = frozenset(
    {"bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr", "kv", "sk", "sp", "st"}
    | {"skr", "spr", "str"}
)
# Endings a compound's first part often has before the "s" that joins it to the next:
# "Ledelses-information", "Sikkerheds-instruks", "Stations-udstyr", "Freiheits-index".
JOINED_BY_S = ("else", "hed", "ion", "dom", "skab", "heit", "keit")
MIN_HEAD, MIN_TAIL = 2, 3
HYPHEN = "-"
DASHES = "-‐–—/"
# A word longer than this many lines is broken by looking only at its start (see `break_word`).
WINDOW_LINES, WINDOW_MARGIN = 4, 8


def _vowel(char: str) -> bool:
    return char.lower() in VOWELS


def _consonant(char: str) -> bool:
    return char.isalpha() and not _vowel(char)


def _onset(cluster: str) -> int:
    """How many of a cluster's consonants begin the next syllable."""
    lowered = cluster.lower()
    for size in (3, 2):
        if len(lowered) >= size and lowered[-size:] in ONSETS:
            return size
    return 1


def _joint(word: str, start: int, index: int) -> int | None:
    """Where a compound's first part ends in the consonants `word[start:index]` (before a
    vowel): just after the "s" that joins it to the next ("Salgs-pipeline", "Ledelses-information"),
    or None.
    """
    lowered = word.lower()
    for at in range(index - 1, start - 1, -1):
        if lowered[at] != "s" or index - at > 3:
            continue
        # Danish and German join compounds with "gs": "Leverings-adresser", "Wohnungs-amt".
        if (at > start and lowered[at - 1] == "g") or lowered[:at].endswith(JOINED_BY_S):
            return at + 1
    return None


def _breaks(word: str) -> list[tuple[int, bool]]:
    """Each place `word` may be broken between syllables, and whether a compound joins there."""
    breaks = []
    start = None  # where the current run of consonants began, after a vowel
    for index, char in enumerate(word):
        if _consonant(char):
            if start is None and index > 0 and _vowel(word[index - 1]):
                start = index
            continue
        if start is not None and _vowel(char):
            joint = _joint(word, start, index)
            cut = joint if joint is not None else index - _onset(word[start:index])
            if cut >= MIN_HEAD and len(word) - cut >= MIN_TAIL:
                breaks.append((cut, joint is not None))
        start = None
    return breaks


def syllable_breaks(word: str) -> list[int]:
    """The places (indexes into `word`) where it may be broken between syllables."""
    return [cut for cut, _ in _breaks(word)]


def dash_breaks(word: str) -> list[int]:
    """The places just after a hyphen, dash or slash inside `word`: "2027-W01–" / "W06"."""
    return [index + 1 for index, char in enumerate(word[:-2]) if char in DASHES and index > 0]


def _head(word: str, cut: int) -> str:
    """The part of `word` before `cut` as its line shows it: with a hyphen, unless it has one."""
    return word[:cut] if word[cut - 1] in DASHES else word[:cut] + HYPHEN


def _cut(word: str, measure: Measure, width: float) -> int:
    """Where to break `word`.

    Among the syllable and dash breaks whose head fits, when the rest then fits on the next line:
    a compound's joint or a dash ("Ledelses-" / "information", not "Ledelsesin-" / "formation";
    "Outlook-" / "integration", not "Outlook-in-" / "tegration"), else the one nearest the middle
    of the word ("Kampagne-" / "styring" rather than "Kampagnesty-" / "ring"). Else the last one
    that fits; with none, as late as fits.
    """
    breaks = _breaks(word)
    joints = {cut for cut, joint in breaks if joint} | set(dash_breaks(word))
    # No head longer than the letters that fit on their own can fit with its hyphen.
    fits = _fitting_length(word, measure, width)
    fitting = [
        cut
        for cut in sorted({*(cut for cut, _ in breaks), *dash_breaks(word)})
        if cut <= fits and measure(_head(word, cut)) <= width
    ]
    two_lines = [cut for cut in fitting if measure(word[cut:]) <= width]
    if two_lines:
        return min(two_lines, key=lambda cut: (cut not in joints, abs(2 * cut - len(word)), -cut))
    if fitting:
        return fitting[-1]
    cut = min(len(word) - 1, fits)
    while cut > 1 and measure(_head(word, cut)) > width:
        cut -= 1
    if len(word) - cut < MIN_TAIL < cut:
        cut -= MIN_TAIL - (len(word) - cut)  # no one- or two-letter stump on the next line
    return cut


def _fitting_length(word: str, measure: Measure, width: float) -> int:
    """How many of the word's first characters fit in `width` (found in a few measurements)."""
    low, high = 0, 1
    while high < len(word) and measure(word[:high]) <= width:
        low, high = high, min(2 * high, len(word))
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if measure(word[:middle]) <= width else (low, middle)
    return low


def break_word(word: str, measure: Measure, width: float) -> tuple[str, str]:
    """The first line of a word too wide for `width` (with its hyphen), and the rest of it.

    A word of many lines is broken within the part that can hold its first line (and a few
    letters more, to see where the next syllable begins): looking at all of a word of thousands
    of letters for every line would take minutes.
    """
    fits = _fitting_length(word, measure, width)
    if len(word) > WINDOW_LINES * (fits + WINDOW_MARGIN):
        cut = _cut(word[: fits + WINDOW_MARGIN], measure, width)
    else:
        cut = _cut(word, measure, width)
    return _head(word, cut), word[cut:]


def hyphenate(word: str, measure: Measure, width: float) -> list[str]:
    """`word` in lines no wider than `width`, every line but the last ending in a hyphen.

    A word that fits is one line. Only a width narrower than two letters and a hyphen can be
    exceeded.
    """
    lines = []
    while measure(word) > width and len(word) > 1:
        head, word = break_word(word, measure, width)
        lines.append(head)
    return [*lines, word]
