"""Which column holds what: headers in English, Danish and Finnish, and Jira's export names.

Headers are compared folded (no case, accents or punctuation: `Afhænger af:` is `afhaenger af`),
and must match a known name exactly, so a title or note row above the table is not mistaken for
the header row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.storage.spreadsheet.cells import Value, cell_text, fold


class Field(StrEnum):
    """What a column holds; the value is the name shown in the import preview."""

    ID = "id"
    ALIAS = "issue id"
    TITLE = "title"
    DEPARTMENT = "department"
    DEPARTMENT_NAME = "department name"
    DESCRIPTION = "description"
    EFFORT = "effort"
    STORY_POINTS = "story points"
    ESTIMATE_SECONDS = "original estimate"
    BENEFIT = "benefit"
    BURDEN = "burden"
    WEEKS_TO_BENEFIT = "weeks to benefit"
    DEPENDS_ON = "depends on"
    LINKS = "issue links"
    PHASE = "phase"
    VOTES = "votes"


_TEAM = ("team", "hold", "tiimi")
_COMPONENT = ("component", "components", "component s", "komponent", "komponenter",
              "komponentti", "komponentit")  # fmt: skip
_UNITS: dict[str, tuple[str, ...]] = {
    "hours": ("h", "t", "hrs", "hours", "timer", "tunnit", "tuntia", "työtunnit"),
    "points": ("p", "sp", "pts", "point", "points", "pisteet", "pistettä"),
    "days": ("d", "days", "dage", "dag", "pv", "päivää", "päivät"),
}
_UNIT_HEADERS = ("hours", "timer", "tunnit", "tuntia", "työtunnit", "points", "point", "pisteet")

_SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.ID: (
        "id",
        "key",
        "issue key",
        "request id",
        "ref",
        "reference",
        "nøgle",
        "nr",
        "tunnus",
        "avain",
    ),
    Field.ALIAS: ("issue id",),
    Field.TITLE: (
        "title",
        "summary",
        "request",
        "feature",
        "titel",
        "overskrift",
        "emne",
        "ønske",
        "otsikko",
        "nimike",
        "aihe",
        "pyyntö",
        "toive",
        "story",
        "user story",
        "historie",
        "brugerhistorie",
        "käyttäjätarina",
        "tarina",
    ),
    Field.DEPARTMENT: (
        "department",
        "dept",
        "business unit",
        "afdeling",
        "forretningsenhed",
        "osasto",
        "yksikkö",
        *_TEAM,
        *_COMPONENT,
    ),
    Field.DEPARTMENT_NAME: ("department name", "afdelingsnavn", "afdelingens navn", "osaston nimi"),
    Field.DESCRIPTION: (
        "description",
        "details",
        "beskrivelse",
        "detaljer",
        "kuvaus",
        "lisätiedot",
    ),
    Field.EFFORT: (
        "effort",
        "effort days",
        "effort person days",
        "person days",
        "man days",
        "indsats",
        "indsats dage",
        "mandedage",
        "persondage",
        "työmäärä",
        "työmäärä päivää",
        "henkilötyöpäivät",
        "htp",
        "estimate",
        "estimation",
        "estimat",
        "estimering",
        "skøn",
        "arvio",
        "työmääräarvio",
        *_UNIT_HEADERS,
    ),
    Field.STORY_POINTS: (
        "custom field story points",
        "story points",
        "custom field story point estimate",
        "story point estimate",
    ),
    Field.ESTIMATE_SECONDS: ("original estimate",),
    Field.BENEFIT: ("benefit", "benefits", "gevinst", "gevinster", "hyöty", "hyödyt"),
    Field.BURDEN: (
        "burden",
        "burden hours",
        "byrde",
        "byrder",
        "belastning",
        "kuormitus",
        "kuorma",
    ),
    Field.WEEKS_TO_BENEFIT: (
        "weeks to benefit",
        "weeks until benefit",
        "uger til gevinst",
        "uger indtil gevinst",
        "viikkoa hyötyyn",
        "viikot hyötyyn",
    ),
    Field.DEPENDS_ON: (
        "depends on",
        "dependencies",
        "afhænger af",
        "afhængigheder",
        "riippuu",
        "riippuu tehtävistä",
        "riippuvuudet",
    ),
    Field.LINKS: ("inward issue link blocks", "inward issue link dependency"),
    Field.PHASE: ("phase", "fase", "udrulningsfase", "vaihe"),
    Field.VOTES: ("votes", "stemmer", "prikker", "äänet"),
}

HEADER_NAMES: dict[str, Field] = {
    fold(name): field for field, names in _SYNONYMS.items() for name in names
}
"""Every recognised header, folded, and the field it names."""

HEADER_SCAN_ROWS = 50

UNIT_WORDS: dict[str, str] = {fold(word): unit for unit, words in _UNITS.items() for word in words}
"""A word that names the unit of an effort column (`Estimat (timer)`), and the unit."""

_DEPARTMENT_RANK = {fold(name): 1 for name in _TEAM} | {fold(name): 2 for name in _COMPONENT}
"""A Department column beats a Team column, which beats a Component column."""

Extra = dict[str, Field]
"""Folded headers the facilitator mapped to fields, on top of the recognised ones."""


@dataclass(frozen=True, slots=True)
class Columns:
    """The header row of a sheet and the columns of each recognised field."""

    row: int
    headers: tuple[str, ...]
    fields: dict[Field, tuple[int, ...]]
    units: dict[int, str] = field(default_factory=dict)
    """Column -> the effort unit its header names (`Effort (h)`: hours)."""

    def unit(self, field: Field) -> str | None:
        """The unit the header of a field's first column names, if any."""
        indexes = self.fields.get(field, ())
        return self.units.get(indexes[0]) if indexes else None

    def header(self, field: Field) -> str:
        """The header of the first column of a field, as written in the sheet."""
        return self.headers[self.fields[field][0]]

    def column_fields(self) -> tuple[str, ...]:
        """Per header: the value of the field read from it, or "" for a column not imported."""
        by_index = {i: known.value for known, indexes in self.fields.items() for i in indexes}
        return tuple(by_index.get(i, "") for i in range(len(self.headers)))

    def without(self, ignored: frozenset[str]) -> Columns:
        """The columns with those of the `ignored` headers (folded) read as nothing."""
        fields = {
            known: kept
            for known, indexes in self.fields.items()
            if (kept := tuple(i for i in indexes if fold(self.headers[i]) not in ignored))
        }
        return Columns(self.row, self.headers, fields, self.units)

    def unrecognised(self) -> tuple[str, ...]:
        """Headers that name no field, each once, in sheet order (empty headers left out)."""
        used = {index for indexes in self.fields.values() for index in indexes}
        names = (h for i, h in enumerate(self.headers) if i not in used and h)
        return tuple(dict.fromkeys(names))


def match_headers(
    cells: Sequence[Value], extra: Extra | None = None
) -> dict[Field, tuple[int, ...]]:
    """The columns of each field named in one row (`extra`: mapped headers, which win)."""
    found: dict[Field, list[int]] = {}
    for index, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        field = _field_of(fold(cell), extra)
        if field is not None:
            found.setdefault(field, []).append(index)
    if len(found.get(Field.DEPARTMENT, ())) > 1:
        found[Field.DEPARTMENT] = _best_departments(cells, found[Field.DEPARTMENT], extra)
    return {field: tuple(indexes) for field, indexes in found.items()}


def _field_of(folded: str, extra: Extra | None) -> Field | None:
    if extra and folded in extra:
        return extra[folded]
    if folded in HEADER_NAMES:
        return HEADER_NAMES[folded]
    stem, _, last = folded.rpartition(" ")
    if last in UNIT_WORDS and HEADER_NAMES.get(stem) is Field.EFFORT:
        return Field.EFFORT
    return None


def header_unit(header: str) -> str | None:
    """The effort unit a header names: `Estimat (timer)` and `Hours` are hours, `Points` points."""
    folded = fold(header)
    last = folded.rpartition(" ")[2]
    unit = UNIT_WORDS.get(last)
    if unit is not None and (last != folded or folded in _UNIT_HEADERS):
        return unit
    return None


def _best_departments(cells: Sequence[Value], indexes: list[int], extra: Extra | None) -> list[int]:
    def rank(index: int) -> int:
        folded = fold(str(cells[index]))
        return 0 if extra and folded in extra else _DEPARTMENT_RANK.get(folded, 0)

    best = min(rank(index) for index in indexes)
    return [index for index in indexes if rank(index) == best]


def header_score(cells: Sequence[Value], extra: Extra | None = None) -> int:
    """How many fields a row names; 0 unless one is the title, which every import needs."""
    fields = match_headers(cells, extra)
    return len(fields) if Field.TITLE in fields else 0


def find_header(rows: Sequence[Sequence[Value]], extra: Extra | None = None) -> int | None:
    """The index of the header row among the first rows: the first naming the most fields."""
    best, best_score = None, 0
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = header_score(cells, extra)
        if score > best_score:
            best, best_score = index, score
    return best


def columns_at(rows: Sequence[Sequence[Value]], index: int, extra: Extra | None = None) -> Columns:
    """The columns named by the header row at `index`."""
    cells = rows[index]
    headers = tuple(cell_text(cell) for cell in cells)
    units = {i: unit for i, header in enumerate(headers) if (unit := header_unit(header))}
    return Columns(index, headers, match_headers(cells, extra), units)


def with_column(columns: Columns, field: Field, header: str) -> Columns | None:
    """The columns with `field` taken from `header` (None: no column has that name)."""
    wanted = fold(header)
    indexes = tuple(i for i, name in enumerate(columns.headers) if fold(name) == wanted)
    if not indexes:
        return None
    fields = {
        known: kept
        for known, found in columns.fields.items()
        if known is not field and (kept := tuple(i for i in found if i not in indexes))
    }
    fields[field] = indexes
    return Columns(columns.row, columns.headers, fields, columns.units)


def with_department_column(columns: Columns, header: str) -> Columns | None:
    """The columns with the department taken from `header` (None: no column has that name)."""
    return with_column(columns, Field.DEPARTMENT, header)


def known_headers(field: Field) -> tuple[str, ...]:
    """The header names recognised for a field, for messages and the README."""
    return _SYNONYMS[field]
