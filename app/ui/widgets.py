"""Small pieces every feature shows file text with: literal tooltips and labels, scaled fonts."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


def plain_tooltip(text: str) -> str:
    """A tooltip that shows file text literally: Qt would otherwise guess it is rich text."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def plain_label(text: str = "", scale: float = 1.0, bold: bool = False) -> QLabel:
    """A label that shows text from the file literally (never as rich text), word-wrapped."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if scale != 1.0 or bold:
        label.setFont(scaled(label.font(), scale, bold))
    return label


def scaled(font: QFont, scale: float, bold: bool = False) -> QFont:
    """A larger copy of a font, for what the room reads from afar."""
    result = QFont(font)
    result.setPointSizeF(font.pointSizeF() * scale)
    result.setBold(bold or font.bold())
    return result
