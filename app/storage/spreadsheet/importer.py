"""A sheet's rows to requests: ids, departments and dependencies checked across the whole sheet.

The result is checked as a whole the way a loaded file is (`Workshop.model_validate`), so what
`read_sheet` calls good rows can always be added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from app.domain.edits import EditError
from app.domain.model import Department, Request, Workshop
from app.domain.problems import describe
from app.i18n import _, ngettext
from app.storage.spreadsheet.advice import likely_departments
from app.storage.spreadsheet.apply import combine, scratch_workshop
from app.storage.spreadsheet.cells import CellError, Value, format_number
from app.storage.spreadsheet.headers import Field, known_headers
from app.storage.spreadsheet.layout import Layout, find_layout, links_left_out
from app.storage.spreadsheet.naming import DepartmentIndex, RequestIds
from app.storage.spreadsheet.options import ImportOptions
from app.storage.spreadsheet.result import ImportResult, RequestHint, RowError
from app.storage.spreadsheet.rows import EFFORT_FIELDS, Draft, RowReader
from app.storage.spreadsheet.sources import Table, read_rows


def read_sheet(
    path: Path,
    *,
    workshop: Workshop | None = None,
    sheet: str | None = None,
    department_column: str | None = None,
    options: ImportOptions | None = None,
) -> ImportResult:
    """Read a CSV, XLSX, ODS or XLS file for import into `workshop` (None: a new workshop).

    `sheet` names a workbook's sheet (default: the first); `department_column` is the header of
    the column that names each request's department (the same as mapping `department` in
    `options`). Raises SpreadsheetError when the file cannot be read at all or has no header
    row; problems of single rows are in the result's `errors`.
    """
    source = read_rows(path, sheet)
    result = import_rows(
        source.rows,
        workshop=workshop,
        department_column=department_column,
        unescape=source.name is None,
        options=options,
        tables=source.tables,
    )
    return replace(result, sheet=source.name)


def import_rows(
    rows: Sequence[Sequence[Value]],
    *,
    workshop: Workshop | None = None,
    department_column: str | None = None,
    unescape: bool = False,
    options: ImportOptions | None = None,
    tables: Sequence[Table] = (),
) -> ImportResult:
    """The import of rows already read; `unescape` undoes our CSV formula escaping."""
    options = options or ImportOptions()
    if department_column is not None:
        options = replace(options, columns={**options.columns, Field.DEPARTMENT: department_column})
    layout = find_layout(rows, tables, options)
    reader = RowReader(
        layout.columns,
        layout.effort,
        unescape,
        days_per_unit=layout.days_per_unit,
        department=options.department,
        jira=layout.jira,
    )
    drafts = [draft for row, cells in layout.data(rows) if (draft := reader.read(row, cells))]
    sheet_errors = _sheet_errors(layout, drafts, options)
    if sheet_errors and sheet_errors[0].kind == "no-department":
        drafts = []  # every row would say the same: the one line above says it for all
    result = _Import(workshop, reader, drafts, layout.effort).result(sheet_errors)
    likely = {}
    if sheet_errors and sheet_errors[0].kind == "no-department":
        likely["department"] = likely_departments(
            layout.columns, rows[layout.extent.first : layout.extent.end]
        )
    notes = [*_effort_notes(layout), *layout.extent.notes, *result.notes]
    if layout.jira and (links := links_left_out(layout, rows)):
        shown = ", ".join(f"{kind} ({count})" for kind, count in links.items())
        notes.append(_("Jira links left out: {kinds}").format(kinds=shown))
    return replace(
        result,
        likely=likely,
        effort_unit=layout.unit,
        notes=tuple(notes),
        left_out=layout.extent.notes,
        column_fields=layout.columns.column_fields(),
    )


def _effort_notes(layout: Layout) -> list[str]:
    header = layout.columns.header(layout.effort) if layout.effort else ""
    hours = format_number(float(layout.hours_per_day))
    notes = {
        "story points": _('effort: 1 story point in "{header}" is taken as 1 person-day'),
        "points": _('effort: 1 point in "{header}" is taken as 1 person-day'),
        "seconds": _('effort: "{header}" is in seconds, converted to person-days of {hours} hours'),
        "hours": _('effort: "{header}" is in hours, converted to person-days of {hours} hours'),
    }
    note = notes.get(layout.unit)
    return [note.format(header=header, hours=hours)] if note else []


def _sheet_errors(layout: Layout, drafts: list[Draft], options: ImportOptions) -> list[RowError]:
    columns = layout.columns
    errors: list[RowError] = []
    if Field.DEPARTMENT not in columns.fields and not options.department:
        names = ", ".join(f'"{name}"' for name in known_headers(Field.DEPARTMENT)[:6])
        message = _(
            "no department column ({names}...): choose the column that names each request's "
            "department, or one department for every request"
        ).format(names=names)
        errors.append(RowError(None, None, message, "no-department"))
    if not drafts:
        message = _("no requests below the header row ({row})").format(row=columns.row + 1)
        errors.append(RowError(None, None, message, "no-rows"))
    return errors


class _Import:
    """The checks that need the whole sheet and the workshop: ids, departments, dependencies."""

    def __init__(
        self,
        workshop: Workshop | None,
        reader: RowReader,
        drafts: list[Draft],
        effort: Field | None,
    ) -> None:
        self.workshop = workshop
        self.reader = reader
        self.drafts = drafts
        self.effort = effort
        named = Field.DEPARTMENT_NAME in reader.columns.fields
        self.departments = DepartmentIndex(workshop.departments if workshop else (), named)
        self.existing = {request.id for request in workshop.requests} if workshop else set()
        self.ids: dict[int, str] = {}
        self.dependencies: dict[int, list[Draft | str]] = {}
        self.built: dict[int, Request] = {}
        self.dropped_links = 0

    def result(self, sheet_errors: list[RowError]) -> ImportResult:
        """Run every check and gather the result."""
        self._assign_ids()
        by_reference = self._references()
        for draft in self.drafts:  # first, so new departments take the names from this column
            self._resolve_department(draft)
        for draft in self.drafts:
            self._resolve_points(draft)
            self._resolve_dependencies(draft, by_reference)
            if not draft.errors:
                self._build(draft)
        self._cascade()
        good = [draft for draft in self.drafts if not draft.errors]
        requests = tuple(self.built[draft.row] for draft in good)
        new = self.departments.planned(_department_ids(requests))
        if not sheet_errors and (problem := self._trial(requests, new)) is not None:
            sheet_errors.append(RowError(None, None, problem))
        row_errors = sorted(
            (error for draft in self.drafts for error in draft.errors),
            key=lambda error: error.row or 0,
        )
        errors = sheet_errors + row_errors
        return ImportResult(
            requests=requests,
            errors=tuple(errors),
            columns=self._recognised(),
            unknown_columns=self.reader.columns.unrecognised(),
            headers=self.reader.columns.headers,
            new_departments=new,
            rows={self.ids[draft.row]: draft.row for draft in good},
            hints={self.ids[d.row]: RequestHint(d.votes, d.phase) for d in good},
            notes=self._notes(),
            header_row=self.reader.columns.row + 1,
        )

    def _assign_ids(self) -> None:
        given = (draft.given_id for draft in self.drafts if draft.given_id)
        ids = RequestIds(self.existing, given)
        for draft in self.drafts:
            if draft.given_id is None:
                self.ids[draft.row] = ids.make(draft.title)
                continue
            try:
                self.ids[draft.row] = ids.claim(draft.given_id, draft.row)
            except CellError as error:
                self.ids[draft.row] = draft.given_id
                self._error(draft, Field.ID, str(error))

    def _references(self) -> dict[str, Draft]:
        by_reference: dict[str, Draft] = {}
        for draft in self.drafts:
            by_reference.setdefault(self.ids[draft.row], draft)
        for draft in self.drafts:
            if draft.alias:
                by_reference.setdefault(draft.alias, draft)
        return by_reference

    def _resolve_department(self, draft: Draft) -> None:
        """The first cell naming a known department, else the first cell (a new department)."""
        known = (self.departments.find(choice) for choice in draft.department_choices)
        found = next((department for department in known if department is not None), None)
        if found is not None:
            draft.department = found
            return
        try:
            if draft.department:
                draft.department = self.departments.resolve(draft.department, draft.department_name)
        except CellError as error:
            self._error(draft, Field.DEPARTMENT, str(error))

    def _resolve_points(self, draft: Draft) -> None:
        for field, points in ((Field.BENEFIT, draft.benefit), (Field.BURDEN, draft.burden)):
            try:
                resolved = [
                    (self.departments.resolve(name) if name else draft.department, number)
                    for name, number in points
                ]
            except CellError as error:
                self._error(draft, field, str(error))
                continue
            keys = [name for name, _number in resolved]
            if len(set(keys)) < len(keys):
                self._error(draft, field, _("names a department twice"))
            points[:] = resolved

    def _resolve_dependencies(self, draft: Draft, by_reference: dict[str, Draft]) -> None:
        own = self.ids[draft.row]
        found: list[Draft | str] = []
        for reference in draft.depends_on:
            target = by_reference.get(reference)
            if target is draft or reference == own:
                message = _('"{id}" is this request itself').format(id=reference)
                self._error(draft, Field.DEPENDS_ON, message)
            elif target is not None:
                found.append(target)
            elif reference in self.existing:
                found.append(reference)
            else:
                self._error(
                    draft,
                    Field.DEPENDS_ON,
                    _('"{id}" is not the id of a request in the sheet or the workshop').format(
                        id=reference
                    ),
                )
        for reference in draft.links:
            target = by_reference.get(reference)
            if target is None or target is draft:
                self.dropped_links += 1
            else:
                found.append(target)
        self.dependencies[draft.row] = found

    def _dependency_ids(self, draft: Draft) -> tuple[str, ...]:
        found = self.dependencies.get(draft.row, [])
        ids = (d if isinstance(d, str) else self.ids[d.row] for d in found)
        return tuple(dict.fromkeys(ids))

    def _build(self, draft: Draft) -> None:
        try:
            self.built[draft.row] = Request(
                id=self.ids[draft.row],
                title=draft.title,
                department=draft.department,
                description=draft.description,
                effort=draft.effort,
                benefit={name: number for name, number in draft.benefit if name},
                burden={name: number for name, number in draft.burden if name},
                weeks_to_benefit=draft.weeks_to_benefit,
                depends_on=self._dependency_ids(draft),
            )
        except ValueError as error:
            draft.errors.append(RowError(draft.row, None, describe(error)))

    def _cascade(self) -> None:
        """A row that depends on a bad row is bad too: its dependency could not be imported."""
        dependents: dict[int, list[Draft]] = {}
        for draft in self.drafts:
            for target in self.dependencies.get(draft.row, []):
                if not isinstance(target, str):
                    dependents.setdefault(target.row, []).append(draft)
        waiting = [draft for draft in self.drafts if draft.errors]
        while waiting:
            bad = waiting.pop()
            for draft in dependents.get(bad.row, []):
                if not draft.errors:
                    message = _('depends on "{id}" (row {row}), which has errors').format(
                        id=self.ids[bad.row], row=bad.row
                    )
                    field = Field.DEPENDS_ON if draft.depends_on else Field.LINKS
                    self._error(draft, field, message)
                    waiting.append(draft)

    def _trial(self, requests: tuple[Request, ...], new: tuple[Department, ...]) -> str | None:
        base = self.workshop or scratch_workshop()
        try:
            combine(base, requests, new)
        except EditError as error:
            return _("the rows cannot be imported together: {error}").format(error=error)
        return None

    def _recognised(self) -> dict[str, str]:
        columns = self.reader.columns
        skipped = {field for field in EFFORT_FIELDS if field is not self.effort}
        return {f.value: columns.header(f) for f in columns.fields if f not in skipped}

    def _notes(self) -> tuple[str, ...]:
        notes: list[str] = []
        if self.dropped_links:
            count = self.dropped_links
            notes.append(
                ngettext(
                    "{count} issue link to an issue not in the sheet left out",
                    "{count} issue links to issues not in the sheet left out",
                    count,
                ).format(count=count)
            )
        notes.extend(note for draft in self.drafts for note in draft.notes)
        return tuple(notes)

    def _error(self, draft: Draft, field: Field, message: str) -> None:
        draft.errors.append(RowError(draft.row, self.reader.header(field), message))


def _department_ids(requests: tuple[Request, ...]) -> set[str]:
    used = {request.department for request in requests}
    for request in requests:
        used.update(request.benefit, request.burden)
    return used
