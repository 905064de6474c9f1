"""The findings panel: the live warnings grouped by severity, with accept and withdraw."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.edits import accept, withdraw
from app.domain.rules import SEVERITIES, Finding, Severity
from app.ui.document import WorkshopDocument
from app.ui.findings.accept_dialog import ask_note
from app.ui.findings.rows import WrappingTree
from app.ui.theme import Theme, desktop_theme, scroll_bar_style

KEY_ROLE = Qt.ItemDataRole.UserRole
FOREGROUND_ROLE = Qt.ItemDataRole.ForegroundRole


def _row_text(finding: Finding) -> str:
    """What a finding's row says: its message, or that it was accepted and why."""
    if finding.accepted:
        text = QCoreApplication.translate("FindingsPanel", "✔ Accepted: {message}\nNote: {note}")
        return text.format(message=finding.message, note=finding.note)
    return finding.message


def _title(severity: Severity, group: list[Finding]) -> str:
    """A severity group's title: how many of its findings are open and accepted."""
    open_count = sum(1 for f in group if not f.accepted)
    names = {
        "error": QCoreApplication.translate("FindingsPanel", "Errors"),
        "warning": QCoreApplication.translate("FindingsPanel", "Warnings"),
        "caution": QCoreApplication.translate("FindingsPanel", "Cautions"),
    }
    title = QCoreApplication.translate("FindingsPanel", "{group}: {open} open").format(
        group=names[severity], open=open_count
    )
    if len(group) > open_count:
        title += QCoreApplication.translate("FindingsPanel", ", {accepted} accepted").format(
            accepted=len(group) - open_count
        )
    return title


def _set_text(item: QTreeWidgetItem, text: str) -> None:
    """Change a row's text only when it differs: every change re-measures the row."""
    if item.text(0) != text:
        item.setText(0, text)


class FindingsPanel(QWidget):
    """Shows the document's findings; selecting one asks the board to highlight it.

    The tree is updated in place: each finding keeps its row while it exists, so a move that
    changes a few messages re-measures and repaints only their rows. (A row added or removed
    still makes Qt lay out and repaint the whole tree: that is how QTreeView handles it.)
    """

    findingSelected = Signal(object)

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.theme = desktop_theme()
        self._shown: list[Finding] | None = None
        # Per finding key (unique: accept and withdraw address findings by key): its row, the
        # finding the row shows, and each group's keys in the order of its rows.
        self._rows: dict[str, QTreeWidgetItem] = {}
        self._drawn_from: dict[str, Finding] = {}
        self._order: dict[Severity, list[str]] = {severity: [] for severity in SEVERITIES}
        self.tree = WrappingTree()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setAccessibleName(self.tr("Findings"))
        self.summary, self.groups = self._add_heads()
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
        self.set_theme(self.theme)

    def _add_heads(self) -> tuple[QTreeWidgetItem, dict[Severity, QTreeWidgetItem]]:
        """The rows that always exist: the summary and one group per severity, expanded."""
        # The summary is the tree's first row, not a label: a label's new text changes its
        # size hint, and that relaid out and repainted the whole window on every move.
        summary = QTreeWidgetItem([""])
        summary.setFlags(Qt.ItemFlag.ItemIsEnabled)
        groups = {severity: QTreeWidgetItem([""]) for severity in SEVERITIES}
        for group in groups.values():
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItems([summary, *groups.values()])
        for group in groups.values():
            group.setExpanded(True)
        return summary, groups

    def set_theme(self, theme: Theme) -> None:
        """Redraw in another theme: the group titles' colour and font, the accepted rows."""
        self.theme = theme
        self.tree.delegate.forget()
        self.tree.verticalScrollBar().setStyleSheet(scroll_bar_style(theme))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for severity, group in self.groups.items():
            group.setFont(0, bold)
            group.setForeground(0, QBrush(theme.severity(severity)))
        for key, finding in self._drawn_from.items():
            if finding.accepted:
                self._rows[key].setForeground(0, QBrush(theme.muted))
        self.refresh()

    def selected(self) -> Finding | None:
        """The finding selected in the tree, if any (as the document has it now)."""
        key = self._current_key()
        return next((f for f in self.document.analysis.findings if f.key == key), None)

    def _current_key(self) -> str | None:
        """The key of the finding whose row is current, if a finding's row is."""
        item = self.tree.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return key if isinstance(key, str) else None

    def refresh(self) -> None:
        """Update the tree from the document in place, keeping the selected finding selected.

        Only rows whose finding changed are touched, and when no finding changed, nothing is.
        Signals are blocked, as when the tree was rebuilt: a row taken out moves Qt's current
        item, and that is not the user selecting anything. Nothing is emitted: the board follows
        the selected finding by its key in its own refresh of the same edit.
        """
        found = self.document.analysis.findings
        if found == self._shown:
            return
        current = self._current_key()
        self._shown = list(found)
        by_severity = {s: [f for f in found if f.severity == s] for s in SEVERITIES}
        self.tree.blockSignals(True)
        # Rows come and go first: Qt then lays every row out again when it next paints, and
        # skips measuring each changed row now (a row far down measures all rows above it).
        for severity, group in by_severity.items():
            self._remove_gone(severity, {f.key for f in group})
        for severity, group in by_severity.items():
            self._place(severity, group)
        _set_text(self.summary, self._summary(found))
        for severity, group in by_severity.items():
            _set_text(self.groups[severity], _title(severity, group))
        for finding in found:
            self._update_row(finding)
        self._restore_current(current)
        self.tree.blockSignals(False)
        self._update_buttons()

    def _remove_gone(self, severity: Severity, keep: set[str]) -> None:
        """Take out the group's rows of findings that are no longer in it."""
        order = self._order[severity]
        for index in reversed(range(len(order))):
            if order[index] not in keep:
                self.groups[severity].takeChild(index)
                key = order.pop(index)
                del self._rows[key], self._drawn_from[key]

    def _place(self, severity: Severity, group: list[Finding]) -> None:
        """Give each finding of the group a row, in the rules' order (rows' text comes later)."""
        order = self._order[severity]
        parent = self.groups[severity]
        if not order:  # opening a workshop: all rows at once
            parent.addChildren([self._new_row(finding) for finding in group])
            order.extend(finding.key for finding in group)
            return
        for index, finding in enumerate(group):
            if index < len(order) and order[index] == finding.key:
                continue
            item = self._rows.get(finding.key)
            if item is None:
                item = self._new_row(finding)
            else:  # the rules list it later than before: move its row up
                parent.takeChild(order.index(finding.key))
                order.remove(finding.key)
            parent.insertChild(index, item)
            order.insert(index, finding.key)

    def _new_row(self, finding: Finding) -> QTreeWidgetItem:
        """A row for a finding not shown before, not yet in the tree."""
        item = QTreeWidgetItem([_row_text(finding)])
        item.setData(0, KEY_ROLE, finding.key)
        item.setToolTip(0, finding.key)
        if finding.accepted:
            item.setForeground(0, QBrush(self.theme.muted))
        self._rows[finding.key] = item
        self._drawn_from[finding.key] = finding
        return item

    def _update_row(self, finding: Finding) -> None:
        """Show the finding's text and colour, if they changed (which re-measures the row).

        Most findings are the very objects of the last analysis (findings are immutable and
        the rules remember many of them), and those are passed over at once.
        """
        shown = self._drawn_from[finding.key]
        if shown is finding:
            return
        self._drawn_from[finding.key] = finding
        text = _row_text(finding)
        if (_row_text(shown), shown.accepted) == (text, finding.accepted):
            return
        item = self._rows[finding.key]
        item.setText(0, text)
        item.setData(0, FOREGROUND_ROLE, QBrush(self.theme.muted) if finding.accepted else None)

    def _restore_current(self, key: str | None) -> None:
        """Keep the selected finding selected; clear the selection when it went away."""
        if key is None:
            return
        item = self._rows.get(key)
        if item is None:
            self.tree.selectionModel().clear()
        elif self.tree.currentItem() is not item:
            self.tree.setCurrentItem(item)

    def _summary(self, found: list[Finding]) -> str:
        counts = {
            s: sum(1 for f in found if f.severity == s and not f.accepted) for s in SEVERITIES
        }
        if not any(counts.values()):
            return self.tr("No open findings: the plan passes every rule.")
        words = {
            "error": (self.tr("1 error"), self.tr("{n} errors")),
            "warning": (self.tr("1 warning"), self.tr("{n} warnings")),
            "caution": (self.tr("1 caution"), self.tr("{n} cautions")),
        }
        return ", ".join(
            words[s][0] if n == 1 else words[s][1].format(n=n) for s, n in counts.items()
        )

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
            note = ask_note(self, finding.message)
            if note is None:
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
