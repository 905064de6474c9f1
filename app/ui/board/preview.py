"""What a drop would do, shown on the column under a dragged card before it is let go."""

from __future__ import annotations

from app.domain.rules import rule_name, severity_name
from app.i18n import _
from app.i18n.numbers import number, percent
from app.i18n.units import person_days
from app.ui.board.texts import worst
from app.ui.document import Analysis


def drop_preview(
    now: Analysis, after: Analysis, phase_id: str | None
) -> tuple[tuple[str, ...], str | None]:
    """The lines a drop on `phase_id` would bring, and the worst new severity.

    `now` is the plan's analysis, `after` the would-be plan's, worked out from it incrementally
    (the same analysis the document takes over if the drop makes that very plan). The load is
    the schedule's, summed as the rules and the load bar sum it.
    """
    before_found = {f.key: f for f in now.findings}
    after_found = {f.key: f for f in after.findings}
    added = [f for key, f in after_found.items() if key not in before_found]
    removed = [f for key, f in before_found.items() if key not in after_found]
    lines = []
    if phase_id is not None:
        load = after.schedule.phases[phase_id].effort
        capacity = after.workshop.phase(phase_id).capacity
        said = _("Load {load} / {capacity} {unit}").format(
            load=number(load), capacity=number(capacity), unit=person_days()
        )
        lines.append(said + (f" ({percent(load / capacity)})" if capacity else ""))
    lines.append(
        _("Findings: {added}").format(added=f"+{len(added)}\u00a0−{len(removed)}")
    )  # the two together
    for f in added[:2]:
        lines.append(f"+ {severity_name(f.severity)}: {rule_name(f.rule)}")
    for f in removed[:2]:
        lines.append(f"− {severity_name(f.severity)}: {rule_name(f.rule)}")
    return tuple(lines), worst([f.severity for f in added if not f.accepted])
