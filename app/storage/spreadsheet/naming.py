"""Ids for what a sheet names: departments by id or name, requests by given or made-up id."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.ids import id_stem, unique_id
from app.domain.model import ID_PATTERN, TITLE_MAX, Department
from app.i18n import _
from app.storage.spreadsheet.cells import CellError, fold, quoted


class DepartmentIndex:
    """Finds the department a sheet means, and plans a new one for a name it does not know.

    A cell is matched to an existing department by id exactly, else by name or id without
    case and accents. An unknown name becomes a new department with an id made from it
    (`Kundeservice & salg` -> `kundeservice-salg`); with `cells_are_ids` (the sheet has a
    Department name column, as the exported plan does) a cell that is a valid id is kept as it.
    """

    def __init__(self, known: Iterable[Department], cells_are_ids: bool = False) -> None:
        self.known = tuple(known)
        self.cells_are_ids = cells_are_ids
        self.ids = {department.id for department in self.known}
        self.folded: dict[str, str] = {}
        for department in self.known:
            self.folded.setdefault(fold(department.name), department.id)
        for department in self.known:
            self.folded.setdefault(fold(department.id), department.id)
        self.new: dict[str, Department] = {}

    def find(self, written: str) -> str | None:
        """The id of the existing department `written` names, or None."""
        return written if written in self.ids else self.folded.get(fold(written))

    def resolve(self, written: str, name: str | None = None) -> str:
        """The id of the department `written` names, planning a new one when it is unknown."""
        found = self.find(written)
        if found is not None:
            return found
        key = fold(written)
        if key in self.new:
            return self.new[key].id
        return self._plan(written, key, name)

    def _plan(self, written: str, key: str, name: str | None) -> str:
        shown = name or written
        if len(shown) > TITLE_MAX:
            raise CellError(
                _("{name} is too long for a department name (at most 200)").format(
                    name=quoted(shown)
                )
            )
        taken = self.ids | {department.id for department in self.new.values()}
        keep = self.cells_are_ids and ID_PATTERN.fullmatch(written)
        base = written if keep else id_stem(written)
        department_id = unique_id(base, taken, "department")
        self.new[key] = Department(id=department_id, name=shown)
        return department_id

    def planned(self, used: set[str]) -> tuple[Department, ...]:
        """The new departments whose ids are in `used`, in the order they were first named."""
        return tuple(d for d in self.new.values() if d.id in used)


class RequestIds:
    """Request ids: given ones checked for clashes, missing ones made from the title."""

    def __init__(self, existing: Iterable[str], given: Iterable[str]) -> None:
        self.existing = set(existing)
        self.taken = self.existing | set(given)
        self.first_row: dict[str, int] = {}
        self.counters: dict[str, int] = {}

    def claim(self, given: str, row: int) -> str:
        """Check a given id; raise CellError when it is already used."""
        if given in self.existing:
            raise CellError(
                _('"{id}" is already the id of a request in the workshop').format(id=given)
            )
        if given in self.first_row:
            raise CellError(
                _('"{id}" is already the id of row {row}').format(
                    id=given, row=self.first_row[given]
                )
            )
        self.first_row[given] = row
        return given

    def make(self, title: str) -> str:
        """A new id from a title, unique among every id seen so far."""
        made = unique_id(id_stem(title), self.taken, "request", self.counters)
        self.taken.add(made)
        return made
