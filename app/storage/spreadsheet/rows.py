"""One sheet row to a draft request: every cell read, every problem kept with its column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from app.domain.limits import cleaned
from app.domain.model import ID_PATTERN, MAX_WEEKS, TEXT_MAX, TITLE_MAX
from app.i18n import _
from app.storage.spreadsheet.cells import (
    CellError,
    Value,
    cell_text,
    parse_ids,
    parse_number,
    parse_points,
    parse_whole,
    quoted,
    unescape_formula,
)
from app.storage.spreadsheet.headers import Columns, Field
from app.storage.spreadsheet.markup import jira_to_text, line_ends
from app.storage.spreadsheet.result import RowError

HOURS_PER_DAY = 8
"""Jira's `Original Estimate` is in seconds; effort is in person-days of this many hours
(Jira's own working day), unless the facilitator gives the hours of a day."""

EFFORT_FIELDS = (Field.EFFORT, Field.STORY_POINTS, Field.ESTIMATE_SECONDS)
"""Where effort may come from, in order of preference."""

Points = list[tuple[str | None, float]]
T = TypeVar("T")


@dataclass(slots=True)
class Draft:
    """A row read but not yet checked against the rest of the sheet and the workshop."""

    row: int
    title: str = ""
    given_id: str | None = None
    department: str = ""
    department_choices: list[str] = field(default_factory=list)
    department_name: str | None = None
    description: str = ""
    effort: float = 0.0
    benefit: Points = field(default_factory=list)
    burden: Points = field(default_factory=list)
    weeks_to_benefit: int = 2
    depends_on: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    alias: str | None = None
    votes: float | None = None
    phase: str | None = None
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class RowReader:
    """Reads rows below the header of one sheet."""

    def __init__(
        self,
        columns: Columns,
        effort: Field | None,
        unescape: bool,
        *,
        days_per_unit: float = 1.0,
        department: str | None = None,
        jira: bool = False,
    ) -> None:
        self.columns = columns
        self.effort = effort
        self.parse_effort = _effort_parser(days_per_unit)
        self.unescape = unescape
        self.department = department
        self.jira = jira
        self.used = tuple(i for indexes in columns.fields.values() for i in indexes)

    def read(self, row: int, cells: Sequence[Value]) -> Draft | None:
        """The draft of one row, or None when every column read is empty."""
        if not any(filled(cells, i) for i in self.used):
            return None
        draft = Draft(row)
        self._texts(draft, cells)
        self._numbers(draft, cells)
        draft.depends_on = self._ids(cells, Field.DEPENDS_ON)
        draft.links = self._ids(cells, Field.LINKS)
        return draft

    def cell(self, cells: Sequence[Value], field: Field) -> tuple[Value, str]:
        """The first filled cell of a field in this row, and the header it is under."""
        indexes = self.columns.fields.get(field, ())
        for index in indexes:
            if filled(cells, index):
                value = cells[index]
                if self.unescape and isinstance(value, str):
                    value = unescape_formula(value.strip())
                return value, self.columns.headers[index]
        return None, self.header(field)

    def header(self, field: Field) -> str:
        """The header a field is read from (its own name when the sheet lacks it)."""
        indexes = self.columns.fields.get(field, ())
        return self.columns.headers[indexes[0]] if indexes else field.value

    def _text(self, cells: Sequence[Value], field: Field) -> str:
        return cell_text(self.cell(cells, field)[0])

    def _texts(self, draft: Draft, cells: Sequence[Value]) -> None:
        draft.title = self._limited(draft, cells, Field.TITLE, TITLE_MAX)
        draft.description = self._limited(draft, cells, Field.DESCRIPTION, TEXT_MAX)
        texts = self._texts_of(cells, Field.DEPARTMENT)
        draft.department_choices = [cleaned(text) for text in texts]
        if not draft.department_choices and self.department:
            draft.department_choices = [self.department]
        draft.department = draft.department_choices[0] if draft.department_choices else ""
        draft.department_name = cleaned(self._text(cells, Field.DEPARTMENT_NAME)) or None
        draft.alias = self._text(cells, Field.ALIAS) or None
        draft.phase = self._text(cells, Field.PHASE) or None
        given = self._text(cells, Field.ID)
        if given and not ID_PATTERN.fullmatch(given):
            self._error(
                draft,
                Field.ID,
                _(
                    "{value} is not a valid id (1-64 characters "
                    "of A-Z a-z 0-9 _ . - starting with a letter or digit)"
                ).format(value=quoted(given)),
            )
            given = ""
        draft.given_id = given or None
        if not draft.title and Field.TITLE in self.columns.fields:
            self._error(
                draft, Field.TITLE, _("is empty: every request needs a title"), "empty-title"
            )
        if not draft.department and Field.DEPARTMENT in self.columns.fields:
            message = _("is empty: every request needs a department")
            self._error(draft, Field.DEPARTMENT, message, "empty-department")

    def _limited(self, draft: Draft, cells: Sequence[Value], field: Field, limit: int) -> str:
        text = self._text(cells, field)
        if field is Field.DESCRIPTION:
            text = jira_to_text(text) if self.jira else line_ends(text)
        plain = cleaned(text, multiline=field is Field.DESCRIPTION)
        if plain != text:
            draft.notes.append(
                _("row {row}: control characters were taken out of the {field}").format(
                    row=draft.row, field=field.value
                )
            )
            text = plain.strip()
        if len(text) > limit:
            draft.notes.append(
                _("row {row}: the {field} was shortened to {limit:,} characters").format(
                    row=draft.row, field=field.value, limit=limit
                )
            )
            text = text[: limit - 1].rstrip() + "…"
        return text

    def _numbers(self, draft: Draft, cells: Sequence[Value]) -> None:
        effort = self._read(draft, cells, self.effort, self.parse_effort)
        draft.effort = effort if effort is not None else 0.0
        weeks = self._read(draft, cells, Field.WEEKS_TO_BENEFIT, _weeks)
        draft.weeks_to_benefit = weeks if weeks is not None else 2
        draft.benefit = self._read(draft, cells, Field.BENEFIT, _benefit) or []
        draft.burden = self._read(draft, cells, Field.BURDEN, _burden) or []
        try:
            draft.votes = parse_number(self.cell(cells, Field.VOTES)[0])
        except CellError:
            draft.votes = None  # only a hint for the preview: never worth refusing a row for

    def _read(
        self, draft: Draft, cells: Sequence[Value], field: Field | None, parse: Callable[[Value], T]
    ) -> T | None:
        if field is None or field not in self.columns.fields:
            return None
        value, header = self.cell(cells, field)
        try:
            return parse(value)
        except CellError as error:
            draft.errors.append(RowError(draft.row, header, str(error)))
            return None

    def _texts_of(self, cells: Sequence[Value], field: Field) -> list[str]:
        """Every filled cell of a field (Jira repeats `Labels` and `Component/s` per value)."""
        indexes = self.columns.fields.get(field, ())
        texts = (cell_text(cells[i]) for i in indexes if filled(cells, i))
        return [unescape_formula(text) if self.unescape else text for text in texts]

    def _ids(self, cells: Sequence[Value], field: Field) -> list[str]:
        found: list[str] = []
        for index in self.columns.fields.get(field, ()):
            if filled(cells, index):
                found.extend(parse_ids(cells[index]))
        return list(dict.fromkeys(found))

    def _error(self, draft: Draft, field: Field, message: str, kind: str = "") -> None:
        draft.errors.append(RowError(draft.row, self.header(field), message, kind))


def filled(cells: Sequence[Value], index: int) -> bool:
    """Whether a row has a non-blank cell at `index`."""
    if index >= len(cells):
        return False
    value = cells[index]
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _effort_parser(days_per_unit: float) -> Callable[[Value], float | None]:
    def parse(value: Value) -> float | None:
        number = parse_number(value)
        if number is None:
            return None
        if number < 0:
            raise CellError(
                _("{value} is negative: effort must be 0 or more").format(
                    value=quoted(cell_text(value))
                )
            )
        return number if days_per_unit == 1 else round(number * days_per_unit, 3)

    return parse


def _weeks(value: Value) -> int | None:
    weeks = parse_whole(value)
    if weeks is not None and not 0 <= weeks <= MAX_WEEKS:
        raise CellError(
            _("{value} must be a whole number of weeks, 0-520").format(
                value=quoted(cell_text(value))
            )
        )
    return weeks


def _benefit(value: Value) -> Points:
    points = parse_points(value)
    for name, number in points:
        if number <= 0:
            raise CellError(
                _("{value}: benefit points must be above 0").format(
                    value=quoted(name or cell_text(value))
                )
            )
    return points


def _burden(value: Value) -> Points:
    points = parse_points(value)
    for name, number in points:
        if number < 0:
            raise CellError(
                _("{value}: burden hours must be 0 or more").format(
                    value=quoted(name or cell_text(value))
                )
            )
    return points
