"""Opening and creating workshops for the GUI: a workshop file or a Bellwether PDF."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from app.domain.ids import id_stem, unique_id
from app.domain.model import Department, Phase, Workshop
from app.resources import resource_folder
from app.storage.workshop_file import WorkshopFileError, load_workshop

SAMPLE = resource_folder() / "samples" / "crm-rollout.bellwether.json"


def is_sample(path: Path) -> bool:
    """A shipped sample opens as an untitled copy, so Save never overwrites it."""
    return path.resolve().parent == SAMPLE.parent


def is_pdf(path: Path) -> bool:
    """A PDF is opened for the plan it carries, not edited in place."""
    return path.suffix.lower() == ".pdf"


def read_workshop(path: Path) -> Workshop:
    """Read a workshop file, or the plan embedded in a Bellwether PDF (refused when edited).

    Raises WorkshopFileError with one line for the user.
    """
    if not is_pdf(path):
        return load_workshop(path)
    from app.report import read_verified_workshop

    try:
        return read_verified_workshop(path)
    except WorkshopFileError:
        raise
    except ValueError as error:
        raise WorkshopFileError(str(error)) from None


def next_monday(today: date | None = None) -> date:
    """The Monday after today: where a new plan starts unless told otherwise."""
    today = today or date.today()
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def blank_workshop(
    today: date | None = None,
    title: str = "New workshop",
    start: date | None = None,
    departments: Sequence[str] = (),
) -> Workshop:
    """A new workshop to fill in: its departments (else one), one phase, from next Monday."""
    names = [name.strip() for name in departments if name.strip()] or ["Department 1"]
    taken: set[str] = set()
    made = []
    for index, name in enumerate(names, start=1):
        department_id = unique_id(id_stem(name), taken, f"department-{index}")
        taken.add(department_id)
        made.append(Department(id=department_id, name=name))
    return Workshop(
        format="bellwether/1",
        title=title.strip() or "New workshop",
        start=start or next_monday(today),
        departments=tuple(made),
        phases=(Phase(id="phase-1", name="Phase 1", weeks=4, capacity=40),),
        requests=(),
    )
