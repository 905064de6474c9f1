"""The vision above the board: the committee's "think big" in two lines at most."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsTextItem

from app.ui.board.card import font
from app.ui.board.geometry import LANE_HEADER_W, VISION_H
from app.ui.board.texts import fit_lines
from app.ui.theme import Theme
from app.ui.widgets import plain_tooltip


class VisionItem(QGraphicsTextItem):
    """The workshop's vision (or its title), shortened to fit two lines of the board's width."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(5)
        self.shown: tuple[str, float, str] | None = None

    def show_text(self, text: str, width: float, theme: Theme) -> None:
        """Show `text` in `width` scene units (nothing to do when all three are unchanged)."""
        shown = (text, width, theme.name)
        if shown == self.shown:
            return
        self.shown = shown
        vision_font = font(min(VISION_H / 2.6, 20 * theme.font_scale), bold=True)
        self.setPlainText(fit_lines(text, QFontMetricsF(vision_font), width, 2))
        self.setToolTip(plain_tooltip(text))
        self.setFont(vision_font)
        self.setDefaultTextColor(theme.text)
        self.setTextWidth(width)
        self.setPos(LANE_HEADER_W, 0)
