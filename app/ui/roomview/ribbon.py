"""The findings ribbon: the open errors, warnings and cautions as one line, the worst first.

In the room view it stands in for the findings panel: the counts and the worst open finding,
read from the back of the room; a click (or the panels key) brings the full panel back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.domain.rules import SEVERITIES, Finding
from app.ui.document import WorkshopDocument
from app.ui.theme import Theme
from app.ui.widgets import ElidedLabel

RIBBON_PX = 14.0
"""The ribbon's type at font scale 1, in pixels (times the theme's scale: 21 px in the room)."""


def open_findings(found: list[Finding]) -> list[Finding]:
    """The findings the committee has not accepted, the worst first (the rules' own order)."""
    rank = {severity: index for index, severity in enumerate(SEVERITIES)}
    return sorted((f for f in found if not f.accepted), key=lambda f: rank[f.severity])


class FindingsRibbon(QWidget):
    """Counts of the open findings, the worst first, and the worst one's message."""

    panelsRequested = Signal()
    """The user asked for the full findings panel and the charts."""

    def __init__(self, document: WorkshopDocument, theme: Theme) -> None:
        super().__init__()
        self.document = document
        self.theme = theme
        self.counts = QLabel()
        self.worst = ElidedLabel()
        self.notice = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self.counts)
        layout.addWidget(self.worst, 1)
        layout.addWidget(self.notice)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Findings ribbon"))
        document.changed.connect(self.refresh)
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        """Draw in the theme's colours and type size."""
        self.theme = theme
        size = round(RIBBON_PX * theme.font_scale)
        self.setStyleSheet(
            f"QLabel {{ font-size: {size}px; color: {theme.text.name()};"
            f" background: {theme.surface.name()}; }}"
            f" FindingsRibbon {{ background: {theme.surface.name()}; }}"
        )
        self.refresh()

    def text_px(self) -> int:
        """The pixel size of the ribbon's type (what the room's readability test measures)."""
        return max(label.font().pixelSize() for label in (self.counts, self.worst, self.notice))

    def refresh(self) -> None:
        """Show the counts and the worst open finding of the document as it is now."""
        found = open_findings(self.document.analysis.findings)
        names = {
            "error": (self.tr("1 error"), self.tr("%d errors")),
            "warning": (self.tr("1 warning"), self.tr("%d warnings")),
            "caution": (self.tr("1 caution"), self.tr("%d cautions")),
        }
        parts = []
        for severity in SEVERITIES:
            count = sum(1 for f in found if f.severity == severity)
            if count:
                one, many = names[severity]
                color = self.theme.severity(severity).name()
                text = one if count == 1 else many % count
                parts.append(f'<b style="color:{color}">{text}</b>')
        self.counts.setText(" · ".join(parts) if parts else self.tr("No open findings"))
        self.worst.set_full_text(found[0].message if found else "")

    def set_notice(self, text: str) -> None:
        """Say what the board is doing to fit (e.g. that it summarises lanes)."""
        self.notice.setText(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click asks for the full panel."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.panelsRequested.emit()
        super().mousePressEvent(event)
