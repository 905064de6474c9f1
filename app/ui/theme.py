"""Colours and type sizes: the desktop's light or dark palette, or the projector theme.

Presentation mode is high contrast (white on near-black, saturated severity colours) with larger
type, so a department head five metres from a 1080p projector can read the board.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from app.domain import palette
from app.domain.model import Workshop
from app.ui.sizes import CARD_H, PROJECTOR_CARD_H, PROJECTOR_PX_PER_WEEK, PX_PER_WEEK


@dataclass(frozen=True, slots=True)
class Theme:
    """Everything a view needs to draw itself in the current mode."""

    name: str
    background: QColor
    surface: QColor
    text: QColor
    muted: QColor
    grid: QColor
    accent: QColor
    error: QColor
    warning: QColor
    caution: QColor
    ok: QColor
    font_scale: float
    week_width: float
    """The board's scene pixels per week: narrower on the projector, so that the whole
    timeline fits the screen at a zoom its type can be read at from the back of the room."""
    card_height: float
    """A card's height in scene pixels: room for `title_lines` of title and the facts line."""
    title_lines: int

    def severity(self, severity: str | None) -> QColor:
        """The colour of a finding's severity (ok when None)."""
        return {"error": self.error, "warning": self.warning, "caution": self.caution}.get(
            severity or "", self.ok
        )

    @property
    def dark(self) -> bool:
        """True when text is lighter than the background."""
        return self.text.lightness() > self.background.lightness()


def desktop_theme() -> Theme:
    """Follow the desktop's light or dark palette."""
    palette = QGuiApplication.palette()
    background = palette.color(QPalette.ColorRole.Base)
    dark = palette.color(QPalette.ColorRole.Text).lightness() > background.lightness()
    return Theme(
        name="desktop",
        background=background,
        surface=palette.color(QPalette.ColorRole.Window),
        text=palette.color(QPalette.ColorRole.Text),
        muted=palette.color(QPalette.ColorRole.PlaceholderText),
        grid=palette.color(QPalette.ColorRole.Mid),
        accent=palette.color(QPalette.ColorRole.Highlight),
        error=QColor("#ff6b6b" if dark else "#c62828"),
        warning=QColor("#ffb74d" if dark else "#e67e00"),
        caution=QColor("#fff176" if dark else "#b8a000"),
        ok=QColor("#81c784" if dark else "#2e7d32"),
        font_scale=1.0,
        week_width=PX_PER_WEEK,
        card_height=CARD_H,
        title_lines=2,
    )


def presentation_theme() -> Theme:
    """High contrast for a projector: white on near-black, larger type."""
    return Theme(
        name="presentation",
        background=QColor("#000000"),
        surface=QColor("#151515"),
        text=QColor("#ffffff"),
        muted=QColor("#d0d0d0"),
        grid=QColor("#5a5a5a"),
        accent=QColor("#00e5ff"),
        error=QColor("#ff4d4d"),
        warning=QColor("#ffa726"),
        caution=QColor("#ffee58"),
        ok=QColor("#69f0ae"),
        font_scale=1.5,
        week_width=PROJECTOR_PX_PER_WEEK,
        card_height=PROJECTOR_CARD_H,
        title_lines=3,
    )


def department_color(workshop: Workshop, index: int) -> QColor:
    """A department's own colour, or the shared palette's by its position."""
    return QColor(palette.department_color(workshop, index))


def scroll_bar_style(theme: Theme) -> str:
    """Flat scroll bars in the theme's colours, for the views that change on every move.

    Fusion paints a scroll bar with gradients: 1.5-2.5 ms a time offscreen for the board's and
    the findings list's bars, which repaint whenever the board grows or shrinks or a finding
    comes or goes. Flat fills take a twentieth of that.
    """
    across = round(12 * theme.font_scale)
    rules = []
    for orientation, size, length in (
        ("vertical", "width", "height"),
        ("horizontal", "height", "width"),
    ):
        o = orientation
        rules += [
            f"QScrollBar:{o} {{ background: {theme.surface.name()}; {size}: {across}px;"
            " margin: 0; }",
            f"QScrollBar::handle:{o} {{ background: {theme.grid.name()}; min-{length}: 32px;"
            " margin: 2px; border-radius: 3px; }",
            f"QScrollBar::handle:{o}:hover {{ background: {theme.muted.name()}; }}",
            f"QScrollBar::add-line:{o}, QScrollBar::sub-line:{o} {{ {length}: 0; }}",
            f"QScrollBar::add-page:{o}, QScrollBar::sub-page:{o} {{ background: none; }}",
        ]
    return "\n".join(rules)
