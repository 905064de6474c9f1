"""What a drop would do, shown on the column under a dragged card before it is let go."""

from __future__ import annotations

from app.domain.edits import move_request
from app.domain.model import Workshop
from app.domain.rules import Finding, findings, rule_name, severity_name
from app.i18n import _
from app.i18n.numbers import number
from app.i18n.units import person_days
from app.ui.board.texts import worst


def drop_preview(
    workshop: Workshop, found: list[Finding], request_id: str, phase_id: str | None
) -> tuple[tuple[str, ...], str | None]:
    """The lines a drop of `request_id` on `phase_id` would bring, and the worst new severity.

    `found` is the plan's findings now; the rules are run on the would-be workshop.
    """
    if workshop.request(request_id).phase == phase_id:
        return (("Drop here: no change",), None)
    after = move_request(workshop, request_id, phase_id)
    before_found = {f.key: f for f in found}
    after_found = {f.key: f for f in findings(after)}
    added = [f for key, f in after_found.items() if key not in before_found]
    removed = [f for key, f in before_found.items() if key not in after_found]
    lines = []
    if phase_id is not None:
        load = sum(r.effort for r in after.requests if r.phase == phase_id)
        capacity = workshop.phase(phase_id).capacity
        said = _("Load {load} / {capacity} {unit}").format(
            load=number(load), capacity=number(capacity), unit=person_days()
        )
        lines.append(said + (f" ({load / capacity:.0%})" if capacity else ""))
    lines.append(
        _("Findings: {added}").format(added=f"+{len(added)}\u00a0−{len(removed)}")
    )  # the two together
    for f in added[:2]:
        lines.append(f"+ {severity_name(f.severity)}: {rule_name(f.rule)}")
    for f in removed[:2]:
        lines.append(f"− {severity_name(f.severity)}: {rule_name(f.rule)}")
    return tuple(lines), worst([f.severity for f in added if not f.accepted])
