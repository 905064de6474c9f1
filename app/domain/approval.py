"""Who approved this very version of the plan: each department head's standing.

A sign-off made for another version of the plan is stale and never counts as approval; a
department with a current and an older sign-off has signed. The board's lanes, the status bar,
the sign-off dialog and the PDF all count from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.fingerprint import signoff_validity
from app.domain.model import Department, Signoff, Workshop


@dataclass(frozen=True, slots=True)
class HeadApproval:
    """One department head's standing: signed this version, signed another (stale), or not."""

    department: Department
    signoff: Signoff | None
    valid: bool

    @property
    def stale(self) -> bool:
        """Signed, but for another version of the plan."""
        return self.signoff is not None and not self.valid


def approvals(workshop: Workshop, current: str | None = None) -> list[HeadApproval]:
    """Each department in order with its sign-off; a valid one wins over a stale one.

    `current` is the plan's fingerprint when the caller already has it.
    """
    chosen: dict[str, tuple[Signoff, bool]] = {}
    for signoff, valid in signoff_validity(workshop, current):
        held = chosen.get(signoff.department)
        if held is None or valid or not held[1]:
            chosen[signoff.department] = (signoff, valid)
    result = []
    for department in workshop.departments:
        held = chosen.get(department.id)
        if held is None:
            result.append(HeadApproval(department, None, False))
        else:
            result.append(HeadApproval(department, *held))
    return result
