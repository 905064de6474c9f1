"""The suggestion beside the board: the score's six lines now and with the moves ticked, the
moves to tick, the errors that would remain, and Apply or Discard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.planning.placement import Move, with_moves
from app.planning.score import Score, score
from app.planning.suggest import Suggestion
from app.planning.wording import (
    move_line,
    moves_headline,
    remaining_reason,
    score_labels,
    score_values,
)
from app.ui.theme import Theme
from app.ui.widgets import plain_label


class SuggestionPanel(QWidget):
    """One suggestion, its moves to tick, and the buttons that apply or discard it."""

    applyRequested = Signal(list)
    discardRequested = Signal()
    tickedChanged = Signal(list)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.suggestion: Suggestion | None = None
        self.headline = plain_label(scale=1.2, bold=True)
        self.table = QTableWidget(6, 3)
        self.table.setHorizontalHeaderLabels(["", self.tr("Now"), self.tr("After")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # A label wrapping over another line makes its row taller: the table grows with it.
        self.table.verticalHeader().sectionResized.connect(self._row_resized)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row, label in enumerate(score_labels()):
            self.table.setItem(row, 0, QTableWidgetItem(label))
        self.moves = QListWidget()
        self.moves.setWordWrap(True)
        self.moves.setMinimumHeight(60)
        self.moves.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.moves.itemChanged.connect(lambda _item: self._ticks_changed())
        self.remaining = plain_label()
        self.remaining.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.clicked.connect(lambda: self.applyRequested.emit(self.ticked()))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.clicked.connect(self.discardRequested.emit)
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        # The buttons above the lists, so a short side never hides them.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.apply_button)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(plain_label(self.tr("Moves (untick those to leave out):")))
        layout.addWidget(self.moves, 1)
        layout.addWidget(self.remaining)

    def fit_table(self) -> None:
        """Make the table as tall as its six lines, in the type and width shown now."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(row) for row in range(self.table.rowCount()))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(rows + header + 2 * self.table.frameWidth())

    def _row_resized(self, _row: int, _old: int, _new: int) -> None:
        rows = sum(self.table.rowHeight(row) for row in range(self.table.rowCount()))
        if rows + self.table.horizontalHeader().sizeHint().height() > self.table.height():
            QTimer.singleShot(0, self.fit_table)

    def changeEvent(self, event: QEvent) -> None:
        """Fit the table again when the type changes (presentation mode's is larger)."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self.fit_table)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the table again: a narrower panel wraps the labels over more lines."""
        super().resizeEvent(event)
        self.fit_table()

    def show_suggestion(self, suggestion: Suggestion) -> None:
        """Show a suggestion with every move ticked."""
        self.suggestion = suggestion
        self.headline.setText(moves_headline(len(suggestion.moves)))
        self.moves.blockSignals(True)
        self.moves.clear()
        for index, move in enumerate(suggestion.moves):
            item = QListWidgetItem(move_line(suggestion.before, move))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.moves.addItem(item)
        self.moves.blockSignals(False)
        reasons = [
            f"[{r.finding.key}] {r.finding.message} ({remaining_reason(r)})"
            for r in suggestion.remaining
        ]
        self.remaining.setText("\n".join(reasons))
        self.remaining.setVisible(bool(reasons))
        self._ticks_changed()
        self.fit_table()

    def ticked(self) -> list[Move]:
        """The moves ticked now, in the suggestion's order."""
        if self.suggestion is None:
            return []
        return [
            self.suggestion.moves[self.moves.item(row).data(Qt.ItemDataRole.UserRole)]
            for row in range(self.moves.count())
            if self.moves.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_all(self, ticked: bool) -> None:
        """Tick or untick every move."""
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        self.moves.blockSignals(True)
        for row in range(self.moves.count()):
            self.moves.item(row).setCheckState(state)
        self.moves.blockSignals(False)
        self._ticks_changed()

    def _ticks_changed(self) -> None:
        if self.suggestion is None:
            return
        ticked = self.ticked()
        if len(ticked) == len(self.suggestion.moves):
            after = self.suggestion.score_after
        else:
            after = score(with_moves(self.suggestion.before, ticked))
        self._fill_table(self.suggestion.score_before, after)
        count = len(ticked)
        self.apply_button.setText(
            self.tr("Apply 1 move") if count == 1 else self.tr("Apply %n moves", "", count)
        )
        self.apply_button.setEnabled(count > 0)
        self.tickedChanged.emit(ticked)

    def _fill_table(self, before: Score, after: Score) -> None:
        numbers = zip(score_values(before), score_values(after), strict=True)
        lines = zip(before.order(), after.order(), strict=True)
        for row, ((was, now), (old, new)) in enumerate(zip(numbers, lines, strict=True)):
            for column, text in enumerate((was, now), start=1):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 2 and new != old:
                    # The order's own numbers: smaller is better on every line.
                    item.setForeground(QBrush(self.theme.ok if new < old else self.theme.error))
                self.table.setItem(row, column, item)
