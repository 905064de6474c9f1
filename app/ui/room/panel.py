"""The room voting dock: the QR code and address for the wall, and who has joined.

The four-digit codes are not on the wall: they are on the printed cards, and in a column the
facilitator shows only on their own screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.room.qr import qr_png
from app.ui.theme import Theme, desktop_theme
from app.ui.widgets import plain_label, scaled

QR_PIXELS = 280
"""The QR code's side, on the desk and on the projector alike: about 7 pixels a module, which a
phone reads from the back of the room, and small enough to leave the dock room for the list."""


@dataclass(frozen=True, slots=True)
class Seat:
    """One department's line in the list: its phones, its dots left and its code."""

    id: str
    name: str
    phones: int
    left: int
    budget: int
    code: str


class RoomPanel(QWidget):
    """The QR code, the address, the list of departments, and the room's buttons."""

    startRequested = Signal()
    stopRequested = Signal()
    cardsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = desktop_theme()
        self.url = ""
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setObjectName("room-qr")
        self.address = plain_label(scale=1.3, bold=True)
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = plain_label()
        self.seats = QTreeWidget()
        self.seats.setRootIsDecorated(False)
        self.seats.setHeaderLabels(
            [self.tr("Department"), self.tr("Phones"), self.tr("Dots left"), self.tr("Code")]
        )
        self.seats.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.seats.setColumnHidden(3, True)
        self.codes_button = QPushButton(self.tr("Show &codes"))
        self.codes_button.setCheckable(True)
        self.codes_button.setToolTip(
            self.tr("Show the codes on this screen only, never on the wall")
        )
        self.codes_button.toggled.connect(lambda on: self.seats.setColumnHidden(3, not on))
        self.cards_button = QPushButton(self.tr("&Print voting cards…"))
        self.cards_button.clicked.connect(self.cardsRequested)
        self.switch = QPushButton()
        self.switch.clicked.connect(self._switch)
        self._build()
        self.show_stopped()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.qr)
        layout.addWidget(self.address)
        layout.addWidget(self.hint)
        layout.addWidget(self.seats, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.codes_button)
        buttons.addWidget(self.cards_button)
        buttons.addStretch(1)
        buttons.addWidget(self.switch)
        layout.addLayout(buttons)

    @property
    def running(self) -> bool:
        """Whether the panel shows a room that is open."""
        return bool(self.url)

    def _switch(self) -> None:
        (self.stopRequested if self.running else self.startRequested).emit()

    def show_running(self, url: str, short_url: str) -> None:
        """The room is open at `url`: show its QR code and address."""
        self.url = url
        self.address.setText(short_url)
        self.hint.setText(
            self.tr(
                "Scan the code with your phone's camera, or open the address; pick your"
                " department and type its code from your voting card."
            )
        )
        self._draw_qr()
        self.qr.show()
        self.switch.setText(self.tr("&Stop room voting"))
        self.cards_button.setEnabled(True)
        self.codes_button.setEnabled(True)

    def show_stopped(self) -> None:
        """No room is open: no code, no address."""
        self.url = ""
        self.qr.clear()
        self.qr.hide()
        self.address.setText(self.tr("Room voting is off."))
        self.hint.setText(
            self.tr("Start it to let the heads vote on their phones, on this room's network.")
        )
        self.switch.setText(self.tr("&Start room voting"))
        self.cards_button.setEnabled(False)
        self.codes_button.setChecked(False)
        self.codes_button.setEnabled(False)
        self.seats.clear()

    def _draw_qr(self) -> None:
        if not self.url:
            return
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(self.url, scale=10), "PNG")
        self.qr.setPixmap(
            pixmap.scaled(
                QR_PIXELS,
                QR_PIXELS,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,  # sharp modules, no blur
            )
        )

    def set_theme(self, theme: Theme) -> None:
        """Desk or projector sizes."""
        self.theme = theme
        self.address.setFont(scaled(self.font(), 1.3 * theme.font_scale, True))
        self._draw_qr()

    def _phones(self, count: int) -> str:
        if count == 0:
            return self.tr("not yet")
        if count == 1:
            return self.tr("1 phone")
        return self.tr("{count} phones").format(count=count)

    def show_seats(self, seats: list[Seat]) -> None:
        """Who has joined, and each department's dots left."""
        self.seats.clear()
        for seat in seats:
            phones = self._phones(seat.phones)
            left = self.tr("{left} of {budget}").format(left=seat.left, budget=seat.budget)
            item = QTreeWidgetItem([seat.name, phones, left, seat.code])
            item.setData(0, Qt.ItemDataRole.UserRole, seat.id)
            self.seats.addTopLevelItem(item)
