"""What a head approves along with the plan: its open errors and warnings, said before signing."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.rules import Finding
from app.i18n import _, ngettext

SHOWN = 5
"""The open findings listed by name; the rest are counted."""


def open_concerns(found: Sequence[Finding]) -> tuple[str, str | None]:
    """The words about the plan's open errors and warnings, and the worst severity (or None).

    Accepted findings are decisions taken, and cautions are notes: neither is listed.
    """
    concerns = [f for f in found if not f.accepted and f.severity in ("error", "warning")]
    if not concerns:
        return _("The plan has no open errors or warnings."), None
    errors = sum(f.severity == "error" for f in concerns)
    warnings = len(concerns) - errors
    parts = []
    if errors:
        parts.append(
            ngettext("{count} open error", "{count} open errors", errors).format(count=errors)
        )
    if warnings:
        parts.append(
            ngettext("{count} open warning", "{count} open warnings", warnings).format(
                count=warnings
            )
        )
    counts = (
        _("{errors} and {warnings}").format(errors=parts[0], warnings=parts[1])
        if len(parts) == 2
        else parts[0]
    )
    lines = [_("Signing approves the plan with {counts}:").format(counts=counts)]
    lines += [f"• {f.message}" for f in concerns[:SHOWN]]
    if len(concerns) > SHOWN:
        rest = len(concerns) - SHOWN
        lines.append(ngettext("… and {count} more", "… and {count} more", rest).format(count=rest))
    return "\n".join(lines), "error" if errors else "warning"
