"""Which column holds what: headers in English, Danish and Finnish, and Jira's export names.

Headers are compared folded (no case, accents or punctuation: `Afhænger af:` is `afhaenger af`),
and must match a known name exactly, so a title or note row above the table is not mistaken for
the header row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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
    ),
    Field.DEPARTMENT: (
        "department",
        "dept",
        "business unit",
        "afdeling",
        "forretningsenhed",
        "osasto",
        "yksikkö",
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


@dataclass(frozen=True, slots=True)
class Columns:
    """The header row of a sheet and the columns of each recognised field."""

    row: int
    headers: tuple[str, ...]
    fields: dict[Field, tuple[int, ...]]

    def header(self, field: Field) -> str:
        """The header of the first column of a field, as written in the sheet."""
        return self.headers[self.fields[field][0]]

    def unrecognised(self) -> tuple[str, ...]:
        """Headers that name no field, each once, in sheet order (empty headers left out)."""
        used = {index for indexes in self.fields.values() for index in indexes}
        names = (h for i, h in enumerate(self.headers) if i not in used and h)
        return tuple(dict.fromkeys(names))


def match_headers(cells: Sequence[Value]) -> dict[Field, tuple[int, ...]]:
    """The columns of each field named in one row."""
    found: dict[Field, list[int]] = {}
    for index, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        field = HEADER_NAMES.get(fold(cell))
        if field is not None:
            found.setdefault(field, []).append(index)
    return {field: tuple(indexes) for field, indexes in found.items()}


def header_score(cells: Sequence[Value]) -> int:
    """How many fields a row names; 0 unless one is the title, which every import needs."""
    fields = match_headers(cells)
    return len(fields) if Field.TITLE in fields else 0


def find_header(rows: Sequence[Sequence[Value]]) -> int | None:
    """The index of the header row among the first rows: the one naming the most fields."""
    best, best_score = None, 0
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = header_score(cells)
        if score > best_score:
            best, best_score = index, score
    return best


def columns_at(rows: Sequence[Sequence[Value]], index: int) -> Columns:
    """The columns named by the header row at `index`."""
    cells = rows[index]
    headers = tuple(cell_text(cell) for cell in cells)
    return Columns(index, headers, match_headers(cells))


def with_department_column(columns: Columns, header: str) -> Columns | None:
    """The columns with the department taken from `header` (None: no column has that name)."""
    wanted = fold(header)
    indexes = tuple(i for i, name in enumerate(columns.headers) if fold(name) == wanted)
    if not indexes:
        return None
    fields = {
        field: kept
        for field, found in columns.fields.items()
        if (kept := tuple(i for i in found if i not in indexes))
    }
    fields[Field.DEPARTMENT] = indexes
    return Columns(columns.row, columns.headers, fields)


def known_headers(field: Field) -> tuple[str, ...]:
    """The header names recognised for a field, for messages and the README."""
    return _SYNONYMS[field]
