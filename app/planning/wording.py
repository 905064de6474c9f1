"""The words for suggestions and comparisons, in the language spoken now.

Shared by the command line and the app, so both say the same thing the same way.
"""

from __future__ import annotations

from babel.numbers import format_decimal

from app.domain.model import Workshop
from app.i18n import _, language, ngettext
from app.planning.placement import Move
from app.planning.score import Score
from app.planning.suggest import Remaining


def number(value: float, decimals: int = 1) -> str:
    """A number as the language writes it: 12, 12.5 or 12,5, never 12.0."""
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(round(value, decimals), format=pattern, locale=language())


def score_labels() -> tuple[str, ...]:
    """The six lines of the score, in the order they are compared."""
    return (
        _("Open errors"),
        _("Dots on scheduled requests"),
        _("Open warnings"),
        _("Benefit points scheduled"),
        _("Benefit-weighted mean win week"),
        _("Open cautions"),
    )


def score_values(score: Score) -> tuple[str, ...]:
    """The six numbers of a score, written for people (dots and points as counted)."""
    return (
        number(score.errors, 0),
        number(score.dots, 0),
        number(score.warnings, 0),
        number(score.points),
        number(score.mean_win_week),
        number(score.cautions, 0),
    )


def score_lines(before: Score, after: Score) -> list[tuple[str, str, str]]:
    """(label, before, after) for each of the six lines."""
    return list(zip(score_labels(), score_values(before), score_values(after), strict=True))


def place_name(workshop: Workshop, phase: str | None) -> str:
    """A place on the board: the backlog, or a phase by its name."""
    if phase is None:
        return _("Backlog")
    return workshop.phase(phase).name


def move_line(workshop: Workshop, move: Move) -> str:
    """One move in words: `"Title" (id): Backlog → Phase 2`."""
    return _('"{title}" ({id}): {before} → {after}').format(
        title=workshop.request(move.request).title,
        id=move.request,
        before=place_name(workshop, move.before),
        after=place_name(workshop, move.after),
    )


def moves_headline(count: int) -> str:
    """How many moves a suggestion makes."""
    if count == 0:
        return _("No move makes the plan better: it stays as it is.")
    return ngettext("{count} move suggested", "{count} moves suggested", count).format(count=count)


def remaining_reason(remaining: Remaining) -> str:
    """Why an error is still in the suggestion."""
    if not remaining.unavoidable:
        return _("no placement without it was found in the time given")
    if remaining.pinned:
        return ngettext(
            "it remains because {ids} is pinned where it is",
            "it remains because {ids} are pinned where they are",
            len(remaining.pinned),
        ).format(ids=", ".join(remaining.pinned))
    return _("no placement that keeps the pinned requests avoids it")
