"""The findings panel: the live warnings grouped by severity, with accept and withdraw."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.edits import accept, withdraw
from app.domain.rules import SEVERITIES, Finding
from app.ui.document import WorkshopDocument
from app.ui.theme import Theme, desktop_theme

KEY_ROLE = Qt.ItemDataRole.UserRole


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the tree's visible width."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Measure the text wrapped at the width left after the indentation."""
        depth = 0 if not index.parent().isValid() else 1
        width = max(80, self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - 12)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        bounds = QFontMetrics(font).boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(width, bounds.height() + 8)


class _WrappingTree(QTreeWidget):
    """A tree whose wrapped rows grow and shrink with the panel's width."""

    def __init__(self) -> None:
        super().__init__()
        self.setItemDelegate(_WrappingDelegate(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Row heights depend on the width: lay the items out again."""
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class FindingsPanel(QWidget):
    """Shows the document's findings; selecting one asks the board to highlight it."""

    findingSelected = Signal(object)

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.theme = desktop_theme()
        self._shown: tuple[list[Finding], str] | None = None
        self._shown_findings: list[Finding] = []
        self.summary = QTreeWidgetItem()
        self.tree = _WrappingTree()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setAccessibleName(self.tr("Findings"))
        self.accept_button = QPushButton(self.tr("Accept…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw acceptance"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.accept_button.clicked.connect(lambda: self.accept_selected())
        self.withdraw_button.clicked.connect(lambda: self.withdraw_selected())
        self.tree.currentItemChanged.connect(self._current_changed)
        document.changed.connect(self.refresh)
        self.refresh()

    def set_theme(self, theme: Theme) -> None:
        """Redraw in another theme."""
        self.theme = theme
        self.refresh()

    def selected(self) -> Finding | None:
        """The finding selected in the tree, if any (as the document has it now)."""
        return self._selected_in(self.document.analysis.findings)

    def _selected_in(self, found: list[Finding]) -> Finding | None:
        item = self.tree.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return next((f for f in found if f.key == key), None)

    def refresh(self) -> None:
        """Rebuild the tree from the document, keeping the selected finding selected.

        Most moves leave the findings as they were; then nothing is rebuilt or re-measured.
        """
        found = self.document.analysis.findings
        if (found, self.theme.name) == self._shown:
            return
        self._shown = (list(found), self.theme.name)
        current = self._selected_in(self._shown_findings)
        self._shown_findings = list(found)
        self.tree.blockSignals(True)
        self.tree.clear()
        # The summary is the tree's first row, not a label: a label's new text changes its
        # size hint, and that relaid out and repainted the whole window on every move.
        self.summary = QTreeWidgetItem([self._summary(found)])
        self.summary.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(self.summary)
        restore: QTreeWidgetItem | None = None
        for severity in SEVERITIES:
            group = [f for f in found if f.severity == severity]
            open_count = sum(1 for f in group if not f.accepted)
            title = f"{severity.capitalize()}s: {open_count} open"
            if len(group) > open_count:
                title += f", {len(group) - open_count} accepted"
            parent = QTreeWidgetItem([title])
            bold = QFont(self.tree.font())
            bold.setBold(True)
            parent.setFont(0, bold)
            parent.setForeground(0, QBrush(self.theme.severity(severity)))
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(parent)
            for finding in group:
                item = self._item(finding)
                parent.addChild(item)
                if current is not None and finding.key == current.key:
                    restore = item
            parent.setExpanded(True)
        if restore is not None:
            self.tree.setCurrentItem(restore)
        self.tree.blockSignals(False)
        self._update_buttons()

    def _item(self, finding: Finding) -> QTreeWidgetItem:
        text = finding.message
        if finding.accepted:
            text = f"✔ Accepted: {finding.message}\n    Note: {finding.note}"
        item = QTreeWidgetItem([text])
        item.setData(0, KEY_ROLE, finding.key)
        item.setToolTip(0, finding.key)
        if finding.accepted:
            item.setForeground(0, QBrush(self.theme.muted))
        return item

    def _summary(self, found: list[Finding]) -> str:
        counts = {
            s: sum(1 for f in found if f.severity == s and not f.accepted) for s in SEVERITIES
        }
        if not any(counts.values()):
            return self.tr("No open findings: the plan passes every rule.")
        return ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())

    def _current_changed(self) -> None:
        self._update_buttons()
        self.findingSelected.emit(self.selected())

    def _update_buttons(self) -> None:
        finding = self.selected()
        self.accept_button.setEnabled(finding is not None and not finding.accepted)
        self.withdraw_button.setEnabled(finding is not None and finding.accepted)

    def accept_selected(self, note: str | None = None) -> bool:
        """Ask for a note and record the selected finding as accepted (one undo command)."""
        finding = self.selected()
        if finding is None or finding.accepted:
            return False
        if note is None:
            note, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("Accept finding"),
                self.tr("Why does the committee accept this?\n\n") + finding.message,
            )
            if not ok:
                return False
        if not note.strip():
            return False
        after = accept(self.document.workshop, finding.key, note.strip())
        return self.document.push(self.tr("Accept '%s'") % finding.key, after)

    def withdraw_selected(self) -> bool:
        """Withdraw the selected finding's acceptance (one undo command)."""
        finding = self.selected()
        if finding is None or not finding.accepted:
            return False
        after = withdraw(self.document.workshop, finding.key)
        return self.document.push(self.tr("Withdraw acceptance of '%s'") % finding.key, after)
