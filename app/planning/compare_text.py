"""A comparison in sentences, for `compare` and the app's comparison panel."""

from __future__ import annotations

from babel.dates import format_date

from app.domain.fingerprint import short
from app.domain.model import Workshop
from app.domain.schedule import week_date
from app.i18n import _, language, ngettext
from app.planning.compare import Comparison, Side
from app.planning.wording import move_line, number


def when(workshop: Workshop, week: int | None) -> str:
    """A plan week as a day people read ("22 Feb 2027"), or "none"."""
    if week is None:
        return _("none")
    return format_date(week_date(workshop.start, week), format="d MMM y", locale=language())


def _mean(side: Side) -> str:
    mean = side.metrics.plan.benefit_weighted_mean_win_week
    return _("none") if mean is None else when(side.workshop, round(mean))


def metric_rows(comparison: Comparison) -> list[tuple[str, str, str]]:
    """(what, in A, in B): the plan's end, the mean win, each department's first win."""
    a, b = comparison.a, comparison.b
    rows = [
        (_("Plan ends"), when(a.workshop, a.metrics.plan.end_week),
         when(b.workshop, b.metrics.plan.end_week)),
        (_("Benefit-weighted mean win"), _mean(a), _mean(b)),
    ]  # fmt: skip
    for win in comparison.first_wins:
        label = _("First win: {department}").format(department=win.name)
        rows.append((label, when(a.workshop, win.a), when(b.workshop, win.b)))
    return rows


def _signoff_lines(side: Side, which: str) -> list[str]:
    if not side.signoffs:
        return [_("Sign-offs of {plan}: none").format(plan=which)]
    held = [name for _department, name, valid in side.signoffs if valid]
    lines = [
        ngettext(
            "Sign-offs of {plan}: {count} holds",
            "Sign-offs of {plan}: {count} hold",
            len(held),
        ).format(plan=which, count=len(held))
    ]
    lines += [
        "  " + (_("{name}: holds") if valid else _("{name}: stale")).format(name=name)
        for _department, name, valid in side.signoffs
    ]
    return lines


def comparison_lines(comparison: Comparison) -> list[str]:
    """The comparison as lines of text, B read against A."""
    a, b = comparison.a.workshop, comparison.b.workshop
    lines = [
        f"A: {a.title} ({short(comparison.a.fingerprint)})",
        f"B: {b.title} ({short(comparison.b.fingerprint)})",
    ]
    if comparison.same_plan:
        lines.append(_("The two are the same plan."))
    lines.append(
        ngettext("{count} request moved", "{count} requests moved", len(comparison.moved)).format(
            count=len(comparison.moved)
        )
    )
    lines += ["  " + move_line(a, move) for move in comparison.moved]
    changed = ((_("Added in B"), comparison.added), (_("Removed in B"), comparison.removed))
    for title, ids in changed:
        if ids:
            lines.append(f"{title}: {', '.join(ids)}")
    for title, found in (
        (_("Findings added"), comparison.findings_added),
        (_("Findings removed"), comparison.findings_removed),
        (_("Newly accepted"), comparison.newly_accepted),
    ):
        lines.append(f"{title} ({number(len(found), 0)})")
        lines += [f"  [{f.key}] {f.message}" for f in found]
    if comparison.votes:
        lines.append(_("Dots changed ({count})").format(count=number(len(comparison.votes), 0)))
        lines += [
            "  "
            + _("{department} on {request}: {a} → {b}").format(
                department=v.department, request=v.request, a=v.a, b=v.b
            )
            for v in comparison.votes
        ]
    rows = metric_rows(comparison)
    width = max(len(row[0]) for row in rows)
    lines.append(f"{'':{width}}  {'A':>12}  {'B':>12}")
    lines += [f"{label:{width}}  {left:>12}  {right:>12}" for label, left, right in rows]
    return lines + _signoff_lines(comparison.a, "A") + _signoff_lines(comparison.b, "B")
