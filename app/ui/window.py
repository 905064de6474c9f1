"""What a feature may use of the main window: the narrow interface between them.

The window (`app.ui.shell`) knows its features and installs each; no feature imports the
window. A feature adds its actions to the menus and toolbar named here, follows the current
document through `documentOpened`, speaks through the status bar and error box, and parents
its docks and dialogs to `widget()`. Import-linter keeps the features independent of the shell
and of each other (see pyproject.toml), so this protocol is the only door between them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF, SignalInstance
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import (
        QDockWidget,
        QGraphicsItem,
        QGraphicsSceneMouseEvent,
        QMainWindow,
        QMenu,
        QToolBar,
    )

    from app.domain.model import Workshop
    from app.ui.document import WorkshopDocument
    from app.ui.theme import Theme


@dataclass(frozen=True, slots=True)
class BoardMode:
    """How the board treats a click and shows the votes: moving cards, or voting on them.

    The board asks its mode instead of holding a hook per feature. The default moves cards,
    shows every department's dots and keeps the cards in the plan's order.
    """

    name: str = "moving"
    click: Callable[[str, QGraphicsSceneMouseEvent], bool] | None = None
    """Given a card's request id and the click: True when the mode took the click."""
    hidden: Callable[[str], bool] = lambda department: False
    """Whether a department's dots are hidden (until the votes are revealed)."""
    order: Callable[[Workshop], list[str]] | None = None
    """The order of the cards in a cell, or None for the plan's own."""


MOVING = BoardMode()


class Board(Protocol):
    """What a feature may ask of the board: its mode, its selection, a redraw."""

    def set_mode(self, mode: BoardMode) -> None:
        """Treat clicks and votes as ``mode`` says, and redraw."""

    def selected_request(self) -> str | None:
        """The request whose card is selected."""

    def select_request(self, request_id: str | None) -> None:
        """Select a request's card (None: none)."""

    def card_rect(self, request_id: str) -> QRectF:
        """A card's rectangle in scene coordinates (to draw beside it)."""

    def cell_rect(self, index: int, department: str) -> QRectF:
        """A column's part of a department's lane (column 0: the backlog)."""

    def addItem(self, item: QGraphicsItem) -> None:
        """Draw an item of a feature's own over the board."""

    def removeItem(self, item: QGraphicsItem) -> None:
        """Take such an item off the board again."""


class Window(Protocol):
    """The main window as a feature sees it."""

    @property
    def document(self) -> WorkshopDocument | None:
        """The open document, or None on the start screen."""

    @property
    def board(self) -> Board | None:
        """The open document's board."""

    @property
    def theme(self) -> Theme:
        """The theme every view draws in now (desktop or presentation)."""

    @property
    def documentOpened(self) -> SignalInstance:
        """Emitted with each newly shown document."""

    @property
    def themeChanged(self) -> SignalInstance:
        """Emitted with the new theme when presentation mode is switched."""

    @property
    def file_menu(self) -> QMenu:
        """The File menu."""

    @property
    def plan_menu(self) -> QMenu:
        """The Plan menu."""

    @property
    def toolbar(self) -> QToolBar:
        """The workshop toolbar."""

    @property
    def save_action(self) -> QAction:
        """File > Save, the anchor for what goes above it."""

    @property
    def save_as_action(self) -> QAction:
        """File > Save as…, the anchor for the export actions."""

    @property
    def chart_dock(self) -> QDockWidget:
        """The charts' dock, beside which a feature may tab its own."""

    @property
    def side_dock(self) -> QDockWidget:
        """The dock of the findings panel and the inspector."""

    def widget(self) -> QMainWindow:
        """The window itself, to dock into and to parent dialogs to."""

    def action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        """A window-wide action with an optional shortcut."""

    def show_message(self, text: str, milliseconds: int) -> None:
        """A passing word in the status bar."""

    def show_error(self, title: str, message: str) -> None:
        """Tell the user what went wrong, in one plain message."""

    def maybe_save(self) -> bool:
        """Save, discard or cancel the open workshop's changes; False when cancelled."""

    def set_document(self, document: WorkshopDocument) -> None:
        """Show another document."""

    def write_recovery_copy(self) -> None:
        """Write the open document's recovery copy now, not after the autosave's pause."""
