"""The corner above the lane heads: opaque like a frozen pane's, with the key to a card's signs."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.i18n import N_, _
from app.i18n.units import person_days
from app.ui.board.card import ELIDE, BoardHost, font
from app.ui.board.geometry import COLUMN_HEADER_H, LANE_HEADER_W

CARD_KEY = (
    ("pd", N_("person-days")),  # the sign is the language's (see `person_days`)
    ("★", N_("benefit points")),
    ("●", N_("dots (votes)")),
    ("!", N_("an open finding")),
)
"""What the signs on a card mean: a card has no room to say it, the corner above the lanes has."""


class CornerKeyItem(QGraphicsRectItem):
    """The corner left of the phase headers, opaque like a frozen pane's, with the cards' key."""

    def __init__(self, board: BoardHost) -> None:
        super().__init__(0, 0, LANE_HEADER_W, COLUMN_HEADER_H + 1)
        self.board = board
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(5)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """The background, then "On a card:" and one line per sign, down to the header rows."""
        super().paint(painter, option, widget)
        theme = self.board.theme
        scale = theme.font_scale
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font(11.5 * scale, bold=True))
        painter.setPen(theme.muted)
        painter.drawText(QPointF(18, 3 + 13.5 * scale), _("On a card:"))
        painter.setFont(font(11.5 * scale))
        metrics = QFontMetricsF(painter.font())
        signs = 18 + max(metrics.horizontalAdvance(sign) for sign, _meaning in CARD_KEY) + 6 * scale
        step = 14.5 * scale
        for index, (sign, meaning) in enumerate(CARD_KEY):
            y = COLUMN_HEADER_H - 10 - (len(CARD_KEY) - 1 - index) * step
            if sign == "!":  # drawn as the card draws it
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(theme.warning)
                radius = 6 * scale
                painter.drawEllipse(QPointF(18 + radius, y - 4 * scale), radius, radius)
                painter.setPen(QColor("#000000"))
                painter.drawText(
                    QRectF(18, y - 4 * scale - radius, 2 * radius, 2 * radius),
                    Qt.AlignmentFlag.AlignCenter,
                    sign,
                )
            else:
                painter.setPen(theme.muted)
                painter.drawText(QPointF(18, y), person_days() if sign == "pd" else sign)
            painter.setPen(theme.muted)
            room = LANE_HEADER_W - 8 - signs
            painter.drawText(QPointF(signs, y), metrics.elidedText(_(meaning), ELIDE, room))
