"""Who approved this very version of the plan: one line for the cover, one entry per head.

Plain Python (no reportlab), so the board and the command line can say the same words as the
PDF. A sign-off made for another version of the plan is stale: it never counts as approval.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from app.domain.approval import HeadApproval, approvals
from app.domain.model import Workshop
from app.domain.rules import Finding
from app.i18n import _, ngettext


def _names(items: list[HeadApproval]) -> str:
    return ", ".join(item.department.name for item in items)


def approval_status(workshop: Workshop, current: str | None = None) -> str:
    """The status in one line, e.g. "Approved by 5 of 7 (Logistics, HR have not signed)"."""
    return status_of(approvals(workshop, current))


def status_of(heads: list[HeadApproval]) -> str:
    """The one-line status of some heads' approvals."""
    valid = [head for head in heads if head.valid]
    stale = [head for head in heads if head.stale]
    unsigned = [head for head in heads if head.signoff is None]
    if heads and len(valid) == len(heads):
        if len(heads) == 1:
            return _("Approved by the department head")
        return _("Approved by all {count} department heads").format(count=len(heads))
    if not valid:
        if stale:
            return ngettext(
                "Draft: not signed ({count} sign-off for an earlier version, now stale)",
                "Draft: not signed ({count} sign-offs for an earlier version, now stale)",
                len(stale),
            ).format(count=len(stale))
        return _("Draft: not signed")
    reasons = []
    if unsigned:
        reasons.append(
            ngettext("{names} has not signed", "{names} have not signed", len(unsigned)).format(
                names=_names(unsigned)
            )
        )
    if stale:
        reasons.append(_("{names} signed an earlier version").format(names=_names(stale)))
    return _("Approved by {valid} of {count} ({reasons})").format(
        valid=len(valid), count=len(heads), reasons="; ".join(reasons)
    )


def meeting_date(workshop: Workshop, current: str | None = None) -> date | None:
    """The day of the latest valid sign-off: when the committee approved this version.

    None while nobody has signed this version: a stale sign-off dates another plan.
    """
    valid = [head.signoff for head in approvals(workshop, current) if head.valid]
    signed = [signoff for signoff in valid if signoff is not None]
    if not signed:
        return None
    latest = max(signed, key=lambda signoff: _comparable(signoff.at))
    return latest.at.date()


def open_errors_note(heads: list[HeadApproval], found: Sequence[Finding]) -> str | None:
    """What an approval was given with: the plan's errors, accepted or not (None: no errors).

    An approval printed above "1 open error" with nothing between them reads as if the heads
    approved a plan without problems; this sentence says which it was.
    """
    if not any(head.valid for head in heads):
        return None
    errors = [finding for finding in found if finding.severity == "error"]
    if not errors:
        return None
    accepted = sum(1 for finding in errors if finding.accepted)
    unaccepted = len(errors) - accepted
    parts = []
    if unaccepted:
        parts.append(
            ngettext(
                "{count} open error that the committee has not accepted",
                "{count} open errors that the committee has not accepted",
                unaccepted,
            ).format(count=unaccepted)
        )
    if accepted:
        parts.append(
            ngettext(
                "{count} error the committee accepted as a risk",
                "{count} errors the committee accepted as risks",
                accepted,
            ).format(count=accepted)
        )
    return _("The approval was given with {parts}.").format(parts=_(" and ").join(parts))


def _comparable(moment: datetime) -> datetime:
    """A time that compares with any other; one recorded without a zone is taken as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
