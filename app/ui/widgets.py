"""Small pieces every feature shows file text with: literal tooltips and labels, scaled fonts,
one line that ends in an ellipsis where it is cut."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy


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


class ElidedLabel(QLabel):
    """One line of plain text that ends in "…" where its width cuts it; the whole in a tooltip.

    The width comes from the layout (the label asks for none), so a long finding never widens
    the window: it is shortened to what fits, at the font the style sheet gives it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        """Show `text` on one line (line breaks become spaces), cut with "…" to the width."""
        self.full = " ".join(text.split())
        self.setToolTip(plain_tooltip(self.full) if self.full else "")
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width cuts the text anew."""
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        """A new font (from the theme's style sheet) cuts the text anew."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, width)
        if shown != self.text():
            self.setText(shown)
