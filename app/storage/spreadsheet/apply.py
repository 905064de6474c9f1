"""Turning an `ImportResult` into a workshop: add the rows to a backlog, or start a new workshop.

Both check the whole workshop the way a loaded file is checked, so an import can never produce a
workshop that would not load again; both take all rows or none unless told to skip bad rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from app.domain.edits import EditError, revalidated
from app.domain.model import FORMAT, Department, Phase, Request, Workshop
from app.domain.problems import describe
from app.i18n import _
from app.storage.spreadsheet.result import ImportRefusedError, ImportResult, RowError

DEFAULT_PHASE = Phase(id="p1", name="Phase 1", weeks=8, capacity=40)
"""The one phase of a workshop made from a sheet, for the facilitator to edit."""


def scratch_workshop(title: str = "Imported requests", start: date | None = None) -> Workshop:
    """An empty workshop with the default phase and no departments."""
    return Workshop.model_validate(
        {
            "format": FORMAT,
            "title": title,
            "start": (start or date(2027, 1, 4)).isoformat(),
            "departments": (),
            "phases": (DEFAULT_PHASE,),
            "requests": (),
        }
    )


def combine(
    workshop: Workshop, requests: Iterable[Request], departments: Iterable[Department]
) -> Workshop:
    """The workshop with departments and requests appended, validated as a whole (EditError)."""
    # The model reads `start` as text only, as a file holds it.
    return revalidated(
        workshop,
        start=workshop.start.isoformat(),
        departments=(*workshop.departments, *departments),
        requests=(*workshop.requests, *requests),
    )


def add_to_backlog(
    workshop: Workshop,
    result: ImportResult,
    *,
    skip_bad_rows: bool = False,
    create_departments: bool = False,
) -> Workshop:
    """The workshop with the sheet's requests added to its backlog.

    Refuses (ImportRefusedError, nothing changed) when any row is bad, unless `skip_bad_rows`;
    and when rows name departments the workshop lacks, unless `create_departments`, which adds
    them after the existing ones.
    """
    _refuse_errors(result, skip_bad_rows)
    if result.new_departments and not create_departments:
        names = ", ".join(f'"{d.name}"' for d in result.new_departments)
        raise ImportRefusedError(
            (
                RowError(
                    None,
                    None,
                    _("departments not in the workshop: {names}").format(names=names),
                    "new-departments",
                ),
            )
        )
    return _combined(workshop, result)


def new_workshop_from_sheet(
    result: ImportResult, title: str, start: date, *, skip_bad_rows: bool = False
) -> Workshop:
    """A new workshop: the sheet's departments and requests (in the backlog), one default phase.

    `result` must have been read with no workshop (`read_sheet(path)`), so that every department
    is a new one.
    """
    _refuse_errors(result, skip_bad_rows)
    try:
        base = scratch_workshop(title, start)
    except ValueError as error:
        raise ImportRefusedError((RowError(None, None, describe(error)),)) from None
    return _combined(base, result)


def _refuse_errors(result: ImportResult, skip_bad_rows: bool) -> None:
    refused = [e for e in result.errors if e.row is None or not skip_bad_rows]
    if refused:
        raise ImportRefusedError(tuple(refused))


def _combined(workshop: Workshop, result: ImportResult) -> Workshop:
    try:
        return combine(workshop, result.requests, result.new_departments)
    except EditError as error:
        raise ImportRefusedError((RowError(None, None, str(error)),)) from None
