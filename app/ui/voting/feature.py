"""Voting mode: department heads spend their dots on the cards, one click per dot.

`install_voting(window)` adds the actions once (Plan menu, toolbar, keys V, 1-9, + and -) and
binds them to each document the window shows. Every dot is one undoable command; a burst of
clicks by the same head on the same card merges into one. What the mode hides or sorts is view
state only: the votes themselves live in the workshop.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaObject, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QGraphicsSceneMouseEvent, QMenu

from app.domain.edits import EditError
from app.domain.model import Workshop
from app.domain.palette import department_color
from app.domain.voting import backlog_by_dots, dots_given, dots_left
from app.ui.document import WorkshopDocument
from app.ui.voting.bar import Voter, VotingBar
from app.ui.voting.recorder import VoteRecorder
from app.ui.window import Board, BoardMode

if TYPE_CHECKING:
    from app.ui.voting.chart import VotesChart
    from app.ui.window import Window

VOTES_DOCK_HEIGHT = 300
"""Room for the votes chart while voting: bars readable on a projector."""


class VotingController(QObject):
    """Voting mode for one main window, bound to whichever document it shows."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.widget())
        self.setObjectName("voting")
        self.window = window
        self.document: WorkshopDocument | None = None
        self.board: Board | None = None
        self._chart: VotesChart | None = None
        self.department: str | None = None
        self.recorder: VoteRecorder | None = None
        self._connection: QMetaObject.Connection | None = None
        self._tabified = False
        self._build_actions()
        self.bar = VotingBar(
            [self.hidden_action, self.reveal_action, self.clear_menu], window.widget()
        )
        self.bar.departmentPicked.connect(self.pick)
        window.widget().addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.widget().addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.bar.hide()
        self.dock = QDockWidget(self.tr("Votes"), window.widget())
        self.dock.setObjectName("votes-dock")
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        window.widget().addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._dock_shown)
        self.chart_action = self.dock.toggleViewAction()
        self.chart_action.setText(self.tr("Votes &chart"))
        self._fill_menus()
        window.documentOpened.connect(self.bind)
        window.themeChanged.connect(lambda _theme: self.follow_theme())
        self._update_actions()

    # --- construction --------------------------------------------------------------------

    def _checkable(self, text: str, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window.widget())
        action.setCheckable(True)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.window.widget().addAction(action)
        return action

    def _build_actions(self) -> None:
        window = self.window
        self.mode_action = self._checkable(self.tr("&Voting mode"), "V")
        self.mode_action.setToolTip(self.tr("Voting mode: click a card to give it a dot (V)"))
        self.mode_action.toggled.connect(self.set_voting)
        self.hidden_action = self._checkable(self.tr("&Hidden until reveal"))
        self.hidden_action.toggled.connect(self._hidden_changed)
        self.reveal_action = window.action(self.tr("&Reveal votes"), self.reveal)
        self.sort_action = self._checkable(self.tr("&Sort backlog by dots"))
        self.sort_action.toggled.connect(lambda _on: self._apply_mode())
        self.give_action = window.action(self.tr("&Give a dot to the selected card"), self.give)
        self.take_action = window.action(self.tr("&Take a dot back"), self.take)
        self.give_action.setShortcuts([QKeySequence("+"), QKeySequence("Num++")])
        self.take_action.setShortcuts([QKeySequence("-"), QKeySequence("Num+-")])
        self.pick_actions = [
            window.action(
                self.tr("Department %d votes") % (index + 1),
                partial(self.pick_index, index),
                str(index + 1),
            )
            for index in range(9)
        ]
        self.clear_menu = QMenu(self.tr("&Clear votes"), window.widget())
        self.clear_menu.aboutToShow.connect(self._fill_clear_menu)

    def _fill_menus(self) -> None:
        menu = self.window.plan_menu
        menu.addSeparator()
        menu.addActions([self.mode_action, self.hidden_action, self.reveal_action])
        menu.addActions([self.sort_action, self.chart_action])
        menu.addMenu(self.clear_menu)
        menu.addActions([self.give_action, self.take_action])
        self.window.toolbar.addAction(self.mode_action)

    def _fill_clear_menu(self) -> None:
        self.clear_menu.clear()
        if self.document is None:
            return
        workshop = self.document.workshop
        for department in workshop.departments:
            action = self.clear_menu.addAction(
                self.tr("Clear the votes of %s") % department.name.replace("&", "&&")
            )
            action.setEnabled(dots_given(workshop, department.id) > 0)
            action.triggered.connect(lambda _checked=False, d=department.id: self.clear(d))
        self.clear_menu.addSeparator()
        every = self.clear_menu.addAction(self.tr("Clear &all votes"))
        every.setEnabled(bool(workshop.votes))
        every.triggered.connect(lambda _checked=False: self.clear(None))

    # --- binding to a document ---------------------------------------------------------------

    @property
    def chart(self) -> VotesChart | None:
        """The votes chart, built when first shown or asked for (pyqtgraph loads lazily)."""
        if self._chart is None and self.document is not None:
            from app.ui.voting.chart import VotesChart

            self._chart = VotesChart(self.document, self.is_hidden)
            self._chart.set_theme(self.window.theme)
            self.dock.setWidget(self._chart)
        return self._chart

    def _dock_shown(self, visible: bool) -> None:
        if visible:
            _ = self.chart

    def bind(self, document: WorkshopDocument) -> None:
        """Follow a newly shown document: its board gets the voting mode, the chart its data."""
        if self._connection is not None:
            QObject.disconnect(self._connection)
        self.document, self.board = document, self.window.board
        self.recorder = VoteRecorder(document)
        self._connection = document.changed.connect(self._document_changed)
        old, self._chart = self._chart, None
        if old is not None:
            old.deleteLater()
        if self.dock.isVisible() and not self.dock.visibleRegion().isEmpty():
            self._dock_shown(True)
        self._show_dock()
        self._check_department(document.workshop)
        self._apply_mode()
        self._update_bar()
        self._update_actions()

    def _show_dock(self) -> None:
        if not self._tabified:
            self.window.widget().tabifyDockWidget(self.window.chart_dock, self.dock)
            self._tabified = True
        self.dock.show()
        (self.dock if self.mode_action.isChecked() else self.window.chart_dock).raise_()

    def _check_department(self, workshop: Workshop) -> None:
        ids = [department.id for department in workshop.departments]
        if self.department not in ids:
            self.department = ids[0] if ids else None

    def _document_changed(self) -> None:
        if self.document is None:
            return
        before = self.department
        self._check_department(self.document.workshop)
        if before != self.department:
            self._refresh_views()
        self._update_bar()

    def _apply_mode(self) -> None:
        """Tell the board how to treat clicks and dots: voting takes clicks, hides until reveal."""
        if self.board is None:
            return
        voting = self.mode_action.isChecked()
        self.board.set_mode(
            BoardMode(
                name="voting" if voting else "moving",
                click=self.card_clicked if voting else None,
                hidden=self.is_hidden,
                order=self._order if self.sort_action.isChecked() else None,
            )
        )

    def _order(self, workshop: Workshop) -> list[str]:
        return backlog_by_dots(workshop, self.is_hidden)

    def _refresh_views(self) -> None:
        """Redraw what depends on who may be seen: the cards, their order and the chart."""
        self._apply_mode()
        if self._chart is not None:
            self._chart.refresh()

    # --- the mode and its options -------------------------------------------------------------

    def set_voting(self, on: bool) -> None:
        """Turn voting mode on or off (the V key and the toolbar toggle)."""
        if self.mode_action.isChecked() != on:
            self.mode_action.setChecked(on)
            return
        if self.recorder is not None:
            self.recorder.end_burst()
        self.bar.setVisible(on and self.document is not None)
        if on and self.document is not None:
            self.dock.show()
            self.dock.raise_()
            self.window.widget().resizeDocks(
                [self.dock], [VOTES_DOCK_HEIGHT], Qt.Orientation.Vertical
            )
        self._refresh_views()
        self._update_bar()
        self._update_actions()

    @property
    def voting(self) -> bool:
        """True while clicks on cards give dots."""
        return self.mode_action.isChecked()

    def is_hidden(self, department_id: str) -> bool:
        """Hidden voting: only the head now voting sees (their own) dots."""
        if not self.hidden_action.isChecked():
            return False
        return not (self.voting and department_id == self.department)

    def _hidden_changed(self, _on: bool) -> None:
        self._refresh_views()
        self._update_actions()

    def reveal(self) -> None:
        """Show every head's dots at once."""
        self.hidden_action.setChecked(False)

    def pick(self, department_id: str) -> None:
        """Make this department's head the one voting."""
        if self.document is None:
            return
        self.document.workshop.department(department_id)
        self.department = department_id
        if self.recorder is not None:
            self.recorder.end_burst()
        if self.hidden_action.isChecked():
            self._refresh_views()
        self._update_bar()

    def pick_index(self, index: int) -> None:
        """Keys 1-9: the department at that position votes."""
        if self.document is not None and index < len(self.document.workshop.departments):
            self.pick(self.document.workshop.departments[index].id)

    def follow_theme(self) -> None:
        """Desktop or projector type sizes, after the window switched its theme."""
        self.bar.set_theme(self.window.theme)
        if self._chart is not None:
            self._chart.set_theme(self.window.theme)
        self._update_bar()

    # --- votes ----------------------------------------------------------------------------------

    def card_clicked(self, request_id: str, event: QGraphicsSceneMouseEvent) -> bool:
        """A click on a card while voting: left gives a dot, right or Shift+left takes one back.

        Every click is consumed, so in voting mode a card is never dragged to another phase.
        """
        button = event.button()
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if button == Qt.MouseButton.RightButton or (
            button == Qt.MouseButton.LeftButton and shifted
        ):
            self.vote(request_id, -1)
        elif button == Qt.MouseButton.LeftButton:
            self.vote(request_id, 1)
        if self.board is not None:
            self.board.select_request(request_id)
        return True

    def give(self) -> bool:
        """`+`: one dot to the selected card."""
        return self._vote_selected(1)

    def take(self) -> bool:
        """`-`: one dot back from the selected card."""
        return self._vote_selected(-1)

    def _vote_selected(self, step: int) -> bool:
        selected = self.board.selected_request() if self.board is not None else None
        if selected is None:
            self._say(self.tr("Select a card first."))
            return False
        return self.vote(selected, step)

    def vote(self, request_id: str, step: int) -> bool:
        """Give (+1) or take back (-1) one dot of the voting head, as one undoable command."""
        recorder, department = self.recorder, self.department
        if recorder is None or department is None or not self.voting:
            return False
        try:
            return recorder.vote(department, request_id, step)
        except EditError as error:
            self._say(str(error))
            return False

    def record(self, department_id: str, request_id: str, step: int) -> bool:
        """A dot of a head voting elsewhere (on a phone): the same undoable command as a click."""
        return self.recorder is not None and self.recorder.vote(department_id, request_id, step)

    def clear(self, department_id: str | None) -> bool:
        """Take back all dots of one head, or of every head (None), as one undoable command."""
        return self.recorder is not None and self.recorder.clear(department_id)

    # --- showing the state ----------------------------------------------------------------------

    def budget_text(self) -> str:
        """The budget line, e.g. "Sales: 3 of 10 dots left"."""
        if self.document is None:
            return ""
        workshop = self.document.workshop
        if self.department is None:
            return self.tr("No departments to vote")
        return self.tr("{department}: {left} of {budget} dots left").format(
            department=workshop.department(self.department).name,
            left=dots_left(workshop, self.department),
            budget=workshop.settings.dots_per_head,
        )

    def _update_bar(self) -> None:
        if self.document is None:
            return
        workshop = self.document.workshop
        voters = tuple(
            Voter(d.id, d.name, department_color(workshop, i))
            for i, d in enumerate(workshop.departments)
        )
        self.bar.set_voters(voters, self.department)
        color = next((v.color for v in voters if v.id == self.department), "")
        spent = self.department is not None and dots_left(workshop, self.department) == 0
        self.bar.show_budget(self.budget_text(), color, spent)

    def _update_actions(self) -> None:
        has = self.document is not None
        for action in (self.mode_action, self.hidden_action, self.sort_action, self.chart_action):
            action.setEnabled(has)
        self.clear_menu.menuAction().setEnabled(has)
        self.reveal_action.setEnabled(has and self.hidden_action.isChecked())
        for action in (self.give_action, self.take_action, *self.pick_actions):
            action.setEnabled(has and self.voting)

    def _say(self, message: str) -> None:
        self.window.show_message(message, 5000)


def install_voting(window: Window) -> VotingController:
    """Add voting mode, the votes chart and their actions to a main window (call once)."""
    return VotingController(window)
