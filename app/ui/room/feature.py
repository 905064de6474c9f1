"""Room voting for one main window: start and stop the server, and record the phones' votes.

The server (`app.room.server`) runs in its own thread; a phone's vote reaches this controller
through `QtBallotBox`'s queued signal, is judged by the app's own budget rule and is recorded by
voting mode (`RoomVotes.record`) as the same undoable command as a click, so a burst merges and
Undo takes it back. After every change of the document, and when the votes are hidden or
revealed, the phones get their new ballots. Opening another workshop or closing the window
stops the room, and every phone shows "voting closed".
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QMetaObject, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog

from app.domain.edits import EditError
from app.domain.voting import dots_left
from app.room.ballot import Outcome, Vote, apply_vote, room_view
from app.room.cards import Card, write_cards
from app.room.network import DEFAULT_PORT, default_address
from app.room.server import RoomServer
from app.ui.document import WorkshopDocument
from app.ui.room.bridge import QtBallotBox
from app.ui.room.panel import RoomPanel, Seat

if TYPE_CHECKING:
    from app.ui.window import Window


class RoomVotes(Protocol):
    """What room voting needs of voting mode: whether the votes are hidden, and a recorder."""

    @property
    def hidden_action(self) -> QAction:
        """Checked while every head's dots stay hidden until Reveal."""

    def record(self, department_id: str, request_id: str, step: int) -> bool:
        """Record one dot of a head as an undoable command; EditError when the budget is spent."""


class RoomController(QObject):
    """The room of one main window: at most one server at a time."""

    started = Signal(str)
    """The room opened at this address."""
    stopped = Signal()

    def __init__(self, window: Window, votes: RoomVotes) -> None:
        super().__init__(window.widget())
        self.setObjectName("room")
        self.window = window
        self.votes = votes
        self.server: RoomServer | None = None
        self.document: WorkshopDocument | None = None
        self.phones: dict[str, int] = {}
        self._connection: QMetaObject.Connection | None = None
        self.box = QtBallotBox(self.judge, self, self._hold)
        self.box.presenceChanged.connect(self._presence, Qt.ConnectionType.QueuedConnection)
        self.panel = RoomPanel()
        self.panel.startRequested.connect(self.start_from_menu)
        self.panel.stopRequested.connect(self.stop)
        self.panel.cardsRequested.connect(self.print_cards_dialog)
        self.dock = QDockWidget(self.tr("Room voting"), window.widget())
        self.dock.setObjectName("room-dock")
        self.dock.setWidget(self.panel)
        window.widget().addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.action = window.action(self.tr("&Room voting…"), self.open)
        self.action.setToolTip(self.tr("Let the heads vote on their own phones"))
        window.plan_menu.addSeparator()
        window.plan_menu.addAction(self.action)
        window.documentOpened.connect(self.bind)
        window.themeChanged.connect(self.panel.set_theme)
        votes.hidden_action.toggled.connect(lambda _on: self.publish())
        window.widget().installEventFilter(self)
        self.action.setEnabled(False)

    # --- the document ----------------------------------------------------------------------

    def bind(self, document: WorkshopDocument) -> None:
        """Follow a newly shown document; a room open for another workshop closes."""
        if document is not self.document:
            self.stop()
        if self._connection is not None:
            QObject.disconnect(self._connection)
        self.document = document
        self._connection = document.changed.connect(self._changed)
        self.action.setEnabled(True)

    def _changed(self) -> None:
        self.publish()
        self._show_seats()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window closes: so does the room."""
        if event.type() == QEvent.Type.Close and watched is self.window.widget():
            self.stop()
        return False

    # --- starting and stopping ---------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether phones can vote now."""
        return self.server is not None and self.server.running

    def open(self) -> None:
        """Plan > Room voting…: show the dock, and open the room when it is not open yet."""
        self.dock.show()
        self.dock.raise_()
        if not self.running:
            self.start_from_menu()

    def start_from_menu(self) -> None:
        """Open the room on the default address, telling the user when that fails."""
        try:
            self.start()
        except OSError as error:
            self.window.show_error(
                self.tr("Room voting"),
                self.tr("The room could not be opened: {reason}").format(reason=error),
            )

    def start(self, address: str | None = None, port: int | None = None) -> RoomServer:
        """Open the room on `address` (default: the default route's) and `port`.

        Without a port, the usual one is tried and, when it is taken, any free one. Raises
        OSError when the server cannot listen.
        """
        document = self.document
        if document is None:
            raise OSError(self.tr("open a workshop first"))
        self.stop()
        host = address or default_address()
        view = room_view(document.workshop, self.hidden)
        server = RoomServer(self.box, view, presence=self.box.tell_presence)
        try:
            server.start(host, port if port is not None else DEFAULT_PORT)
        except OSError:
            if port is not None:
                raise
            server = RoomServer(self.box, view, presence=self.box.tell_presence)
            server.start(host, 0)
        self.server, self.phones = server, {}
        self.panel.show_running(server.url, server.short_url)
        self.panel.set_theme(self.window.theme)
        self._show_seats()
        self.dock.show()
        self.started.emit(server.url)
        return server

    def stop(self) -> None:
        """Close the room: every phone shows "voting closed", and no vote is taken any more."""
        server, self.server = self.server, None
        if server is None:
            return
        server.stop()
        self.phones = {}
        self.panel.show_stopped()
        self.window.show_message(self.tr("Room voting stopped."), 5000)
        self.stopped.emit()

    # --- votes and ballots -------------------------------------------------------------------

    @property
    def hidden(self) -> bool:
        """Whether the phones see only their own head's dots."""
        return self.votes.hidden_action.isChecked()

    def _hold(self) -> AbstractContextManager[object]:
        """One turn of phones' votes: the board and the phones follow once, after the turn."""
        return self.document.held() if self.document is not None else nullcontext()

    def judge(self, vote: Vote) -> Outcome:
        """A phone's vote, in the window's thread: the app's rule, then voting mode's command."""
        document = self.document
        if document is None or self.server is None:
            return Outcome("closed")
        _after, outcome = apply_vote(document.workshop, vote)
        if not outcome.counted:
            return outcome
        try:
            recorded = self.votes.record(vote.department, vote.request, vote.step)
        except EditError:
            return Outcome("spent")
        return outcome if recorded else Outcome("nothing")

    def publish(self) -> None:
        """Send every phone its ballot as the workshop is now."""
        if self.server is not None and self.document is not None:
            self.server.publish(room_view(self.document.workshop, self.hidden))

    def _presence(self, phones: dict[str, int]) -> None:
        if self.server is None:
            return
        self.phones = phones
        self._show_seats()

    def _show_seats(self) -> None:
        server, document = self.server, self.document
        if server is None or document is None:
            return
        workshop = document.workshop
        seats = []
        for department in workshop.departments:
            key = server.keys.key(department.id)
            seats.append(
                Seat(
                    department.id,
                    department.name,
                    self.phones.get(department.id, 0),
                    dots_left(workshop, department.id),
                    workshop.settings.dots_per_head,
                    key.code if key is not None else "",
                )
            )
        self.panel.show_seats(seats)

    # --- voting cards ----------------------------------------------------------------------

    def cards(self) -> list[Card]:
        """One card per department of the open room."""
        server, document = self.server, self.document
        if server is None or document is None:
            return []
        return [
            Card(d.name, d.head, key.code, server.card_url(d.id))
            for d in document.workshop.departments
            if (key := server.keys.key(d.id)) is not None
        ]

    def print_cards(self, path: Path) -> None:
        """Write the voting cards' PDF (raises OSError when it cannot be written)."""
        if self.server is None or self.document is None:
            raise OSError(self.tr("room voting is not on"))
        write_cards(path, self.cards(), self.document.workshop.title, self.server.short_url)

    def print_cards_dialog(self) -> None:
        """Ask where to save the cards, then write them."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window.widget(),
            self.tr("Print voting cards"),
            self.tr("voting-cards.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if not chosen:
            return
        try:
            self.print_cards(Path(chosen))
        except OSError as error:
            self.window.show_error(self.tr("Print voting cards"), str(error))
            return
        self.window.show_message(self.tr("Voting cards saved: {path}").format(path=chosen), 5000)


def install_room(window: Window, votes: RoomVotes) -> RoomController:
    """Add room voting to a main window (call once)."""
    return RoomController(window, votes)
