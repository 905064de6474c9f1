"""The voting bar above the board: who is voting, their budget in large type, and the options.

The bar only shows what it is told (departments, the budget line); the voting controller in
`app.ui.voting.feature` decides what that is from the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.theme import Theme, desktop_theme
from app.ui.widgets import plain_tooltip

BUDGET_PX = 48
"""The budget line's type size on the desktop: about 4 cm high on a 3 m wide projection."""
BUTTON_PX = 20


@dataclass(frozen=True, slots=True)
class Voter:
    """A department as the bar shows it."""

    id: str
    name: str
    color: str


def text_color(background: str) -> str:
    """Black or white, whichever reads better on a department's colour."""
    color = QColor(background)
    luminance = 0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue()
    return "#000000" if luminance > 150 else "#ffffff"


def restyle(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it differs: each edit asks, and a new sheet re-polishes."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class VotingBar(QToolBar):
    """A row of department buttons (keys 1-9) and the voting head's remaining dots."""

    departmentPicked = Signal(str)

    def __init__(self, actions: list[QAction | QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voting-bar")
        self.setWindowTitle(self.tr("Voting"))
        self.setMovable(False)
        self.setFloatable(False)
        self.theme = desktop_theme()
        self.voters: tuple[Voter, ...] = ()
        self.buttons: dict[str, QToolButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.budget = QLabel()
        self.budget.setTextFormat(Qt.TextFormat.PlainText)
        self.budget.setAccessibleName(self.tr("Dots left"))
        self.budget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.who = QLabel(self.tr("Who is voting (keys 1-9):"))
        self.row = QHBoxLayout()
        panel = QWidget()
        self.swatch = QLabel()
        self.swatch.setFixedWidth(22)
        top = QHBoxLayout()
        top.addWidget(self.swatch)
        top.addWidget(self.budget, 1)
        self.options = [self._option_button(action) for action in actions]
        for button in self.options:
            top.addWidget(button)
        self.row.addWidget(self.who)
        self.row.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.addLayout(top)
        layout.addLayout(self.row)
        self.addWidget(panel)
        self.set_theme(self.theme)
        self.show_budget("", "", False)

    def _option_button(self, action: QAction | QMenu) -> QToolButton:
        button = QToolButton()
        if isinstance(action, QMenu):
            button.setText(action.title())
            button.setMenu(action)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        else:
            button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def set_voters(self, voters: tuple[Voter, ...], active: str | None) -> None:
        """Show one button per department (rebuilt only when the departments changed)."""
        if voters != self.voters:
            self.voters = voters
            for button in self.buttons.values():
                self.group.removeButton(button)
                button.hide()
                button.deleteLater()
            self.buttons = {}
            for index, voter in enumerate(voters):
                self.buttons[voter.id] = self._voter_button(index, voter)
                self.row.insertWidget(index + 1, self.buttons[voter.id])
        for voter_id, button in self.buttons.items():
            button.setChecked(voter_id == active)

    def _voter_button(self, index: int, voter: Voter) -> QToolButton:
        button = QToolButton()
        button.setCheckable(True)
        label = f"{index + 1}  {voter.name}" if index < 9 else voter.name
        button.setText(label.replace("&", "&&"))
        button.setToolTip(plain_tooltip(voter.name))
        button.setStyleSheet(self._voter_style(voter.color))
        button.clicked.connect(lambda _checked=False, d=voter.id: self.departmentPicked.emit(d))
        self.group.addButton(button)
        return button

    def _voter_style(self, color: str) -> str:
        size = round(BUTTON_PX * self.theme.font_scale)
        return (
            f"QToolButton {{ background: {color}; color: {text_color(color)};"
            f" font-size: {size}px; font-weight: bold; padding: 6px 14px;"
            f" border: 3px solid {color}; border-radius: 6px; }}"
            f" QToolButton:checked {{ border: 5px solid {self.theme.text.name()};"
            f" text-decoration: underline; }}"
        )

    def show_budget(self, text: str, color: str, spent: bool) -> None:
        """The budget line, e.g. "Sales: 3 of 10 dots left", beside the head's colour."""
        self.budget.setText(text)
        size = round(BUDGET_PX * self.theme.font_scale)
        ink = self.theme.error.name() if spent else self.theme.text.name()
        restyle(
            self.budget,
            f"QLabel {{ font-size: {size}px; font-weight: bold; color: {ink};"
            " padding-left: 10px; }",
        )
        stripe = color or self.theme.grid.name()
        restyle(self.swatch, f"QLabel {{ background: {stripe}; border-radius: 4px; }}")

    def set_theme(self, theme: Theme) -> None:
        """Type sizes and colours for the desktop or the projector."""
        self.theme = theme
        for voter in self.voters:
            self.buttons[voter.id].setStyleSheet(self._voter_style(voter.color))
        self.who.setStyleSheet(f"QLabel {{ font-size: {round(15 * theme.font_scale)}px; }}")
        # A checked option (hidden voting) must show from across the room, in either theme.
        checked = (
            f"QToolButton {{ padding: 4px 10px; }} QToolButton:checked {{"
            f" background: {theme.accent.name()}; color: {theme.background.name()};"
            " font-weight: bold; }"
        )
        for button in self.options:
            button.setStyleSheet(checked)
