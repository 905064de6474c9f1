"""The start screen shown when no workshop is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.ui.files.recent import recent_files, recent_label


class StartScreen(QWidget):
    """Open the sample, open a file, start a new workshop, or pick a recent one."""

    sampleRequested = Signal()
    openRequested = Signal()
    newRequested = Signal()
    recentRequested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Bellwether"))
        title.setStyleSheet("font-size: 32pt; font-weight: bold;")
        intro = QLabel(
            self.tr("Think big, start small: plan the rollout with the whole committee.")
        )
        intro.setStyleSheet("font-size: 14pt;")
        self.sample_button = QPushButton(self.tr("Open sample workshop"))
        self.open_button = QPushButton(self.tr("Open…"))
        self.new_button = QPushButton(self.tr("New…"))
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent files"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, intro, self.sample_button, self.open_button, self.new_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        for button in (self.sample_button, self.open_button, self.new_button):
            button.setMinimumWidth(320)
            button.setStyleSheet("font-size: 14pt; padding: 8px;")
        layout.addWidget(QLabel(self.tr("Recent files")), 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.recent, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.recent.setMinimumWidth(520)
        self.sample_button.clicked.connect(self.sampleRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.new_button.clicked.connect(self.newRequested)
        # One click, or Enter: a start screen is a list of choices, not a file browser.
        single = QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick
        if not self.recent.style().styleHint(single, None, self.recent):
            self.recent.itemClicked.connect(self._recent_activated)
        self.recent.itemActivated.connect(self._recent_activated)
        self.refresh()

    def refresh(self) -> None:
        """Reload the recent files."""
        self.recent.clear()
        metrics = self.recent.fontMetrics()
        for path in recent_files():
            item = QListWidgetItem(recent_label(path, metrics, self.recent.minimumWidth() - 24))
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent.addItem(item)

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.recentRequested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
