"""The units a card and a header write after a number, short, in the language spoken."""

from __future__ import annotations

from app.i18n import pgettext


def person_days() -> str:
    """Person-days, as a card writes them after the effort: "pd" (Finnish "htp")."""
    return pgettext("unit", "pd")
