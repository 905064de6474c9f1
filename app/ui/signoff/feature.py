"""Sign-off in the app: the heads approve the plan as it is now, one after another.

Each signature is one undoable command that records {department, name, at, fingerprint} through
`app.domain.edits.sign`. The words for who approved what come from `app.report.approval`, so the
dialog, the status bar and the PDF say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.approval import HeadApproval, approvals
from app.domain.edits import EditError, sign
from app.domain.fingerprint import short
from app.domain.model import TITLE_MAX
from app.domain.problems import describe
from app.report.approval import status_of
from app.ui.document import WorkshopDocument
from app.ui.signoff.concerns import open_concerns
from app.ui.theme import Theme, desktop_theme
from app.ui.widgets import plain_label, plain_tooltip, scaled

if TYPE_CHECKING:
    from app.ui.window import Window

DEPARTMENT_ROLE = Qt.ItemDataRole.UserRole


def local_now() -> datetime:
    """Now, in the local time zone, to the second: the moment a head signs."""
    return datetime.now().astimezone().replace(microsecond=0)


def status_color(workshop_heads: list[HeadApproval], theme: Theme) -> QColor:
    """Green when every head approved this plan, amber when a sign-off went stale, else text."""
    if workshop_heads and all(head.valid for head in workshop_heads):
        return theme.ok
    if any(head.stale for head in workshop_heads):
        return theme.warning
    return theme.text


def set_color(label: QLabel, color: QColor) -> None:
    """Colour a label's text (its palette, so a presentation style sheet can still win)."""
    palette = label.palette()
    palette.setColor(label.foregroundRole(), color)
    label.setPalette(palette)


class SignoffDialog(QDialog):
    """Every department with its head and standing; the chosen head confirms their name and signs.

    The dialog stays open after a signature and moves on to the next head who has not signed,
    so the heads can step up one after another. It redraws whenever the document changes.
    """

    def __init__(
        self,
        document: WorkshopDocument,
        theme: Theme | None = None,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.theme = theme or desktop_theme()
        self.clock = clock
        self.department_id: str | None = None
        self.setWindowTitle(self.tr("Sign-off"))
        self.setMinimumSize(900, 560)
        self.heading = plain_label(scale=1.5, bold=True)
        self.plan = plain_label()
        self.status = plain_label(scale=1.3, bold=True)
        self.concerns = plain_label()
        self.concerns.setAccessibleName(self.tr("Open errors and warnings"))
        self.table = self._make_table()
        self.signing = plain_label(scale=1.15, bold=True)
        self.name = QLineEdit()
        self.name.setFont(scaled(self.name.font(), 1.25))
        self.name.setMaxLength(TITLE_MAX)
        self.name.setPlaceholderText(self.tr("The full name of the head who signs"))
        self.name.setAccessibleName(self.tr("Name of the head who signs"))
        self.sign_button = QPushButton(self.tr("Sign the plan"))
        self.sign_button.setFont(scaled(self.sign_button.font(), 1.25, bold=True))
        self.sign_button.setMinimumWidth(180)
        self.sign_button.setDefault(True)
        self.error = plain_label()
        set_color(self.error, self.theme.error)
        self._lay_out()
        self.table.currentItemChanged.connect(self._chosen)
        self.name.textChanged.connect(self._update_button)
        self.sign_button.clicked.connect(self.sign)
        document.changed.connect(self.refresh)
        self.refresh()
        self.choose(self._next_unsigned(None))

    def _make_table(self) -> QTreeWidget:
        table = QTreeWidget()
        table.setHeaderLabels([self.tr("Department"), self.tr("Head"), self.tr("Sign-off")])
        table.setRootIsDecorated(False)
        table.setUniformRowHeights(True)
        table.setAllColumnsShowFocus(True)
        table.setFont(scaled(table.font(), 1.25))
        header = table.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.plan)
        layout.addWidget(self.status)
        layout.addWidget(self.concerns)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.signing)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.sign_button)
        layout.addLayout(row)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # --- drawing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw from the document: heading, plan, status line and one row per department."""
        workshop = self.document.workshop
        plan = self.document.analysis.fingerprint
        heads = approvals(workshop, plan)
        self.heading.setText(self.tr("Sign-off: %s") % workshop.title)
        self.plan.setText(
            self.tr(
                "Signing approves this version of the plan (%s); a later change makes it stale."
            )
            % short(plan)
        )
        self.plan.setToolTip(plain_tooltip(plan))
        self.status.setText(status_of(heads))
        set_color(self.status, status_color(heads, self.theme))
        concerns, severity = open_concerns(self.document.analysis.findings)
        self.concerns.setText(concerns)
        set_color(self.concerns, self.theme.severity(severity) if severity else self.theme.text)
        self.table.blockSignals(True)
        self.table.clear()
        for head in heads:
            self.table.addTopLevelItem(self._row(head))
        self.table.blockSignals(False)
        self._select(self.department_id)
        self._update_signing()

    def _row(self, head: HeadApproval) -> QTreeWidgetItem:
        department = head.department
        item = QTreeWidgetItem(
            [department.name, department.head or self.tr("(no head named)"), self._state(head)]
        )
        item.setData(0, DEPARTMENT_ROLE, department.id)
        if head.stale:
            item.setToolTip(
                2,
                self.tr("Signed for another version of the plan: it no longer counts as approval."),
            )
        if head.valid:
            item.setForeground(2, self.theme.ok)
        elif head.stale:
            item.setForeground(2, self.theme.warning)
        else:
            item.setForeground(2, self.theme.muted)
        return item

    def _state(self, head: HeadApproval) -> str:
        """The standing of one head in words: not signed, signed (valid) or stale."""
        signoff = head.signoff
        if signoff is None:
            return self.tr("not signed")
        when = signoff.at.strftime("%Y-%m-%d %H:%M")
        if head.valid:
            return self.tr("✔ signed: %s, %s") % (signoff.name, when)
        return self.tr("stale: %s, %s (an earlier version)") % (signoff.name, when)

    def _update_signing(self) -> None:
        department = self._department()
        if department is None:
            self.signing.setText(self.tr("Choose a department in the list to sign for it."))
        else:
            self.signing.setText(self.tr("Head of %s, confirm your name and sign:") % department)
        self._update_button()

    def _update_button(self) -> None:
        self.sign_button.setEnabled(
            self._department() is not None and bool(self.name.text().strip())
        )

    # --- choosing and signing --------------------------------------------------------------

    def _department(self) -> str | None:
        """The name of the chosen department (None: none chosen)."""
        for department in self.document.workshop.departments:
            if department.id == self.department_id:
                return department.name
        return None

    def _select(self, department_id: str | None) -> None:
        self.table.blockSignals(True)
        self.table.setCurrentIndex(QModelIndex())
        for index in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(index)
            if item is not None and item.data(0, DEPARTMENT_ROLE) == department_id:
                self.table.setCurrentItem(item)
        self.table.blockSignals(False)

    def choose(self, department_id: str | None) -> None:
        """Make a department the one to sign for, its head's name prefilled."""
        self.department_id = department_id
        self._select(department_id)
        head = ""
        for department in self.document.workshop.departments:
            if department.id == department_id:
                head = department.head
        self.name.setText(head)
        self.error.clear()
        self._update_signing()
        self.name.setFocus()

    def _chosen(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        self.choose(None if current is None else current.data(0, DEPARTMENT_ROLE))

    def _next_unsigned(self, after: str | None) -> str | None:
        """The next department (after `after`, wrapping) whose head has not approved this plan."""
        heads = approvals(self.document.workshop)
        ids = [head.department.id for head in heads]
        start = ids.index(after) + 1 if after in ids else 0
        for head in heads[start:] + heads[:start]:
            if not head.valid:
                return head.department.id
        return after if after in ids else (ids[0] if ids else None)

    def sign(self) -> bool:
        """Record the chosen head's sign-off as one undoable command; False when it was not made."""
        department_id, name = self.department_id, self.name.text().strip()
        department = self._department()
        if department_id is None or department is None or not name:
            return False
        try:
            after = sign(self.document.workshop, department_id, name, self.clock())
        except ValueError as error:
            self.error.setText(str(error) if isinstance(error, EditError) else describe(error))
            return False
        text = self.tr("Sign-off by %s (%s)") % (name, department)
        if not self.document.push(text, after):
            return False
        self.choose(self._next_unsigned(department_id))
        return True


class SignoffFeature(QObject):
    """The Sign-off action (Plan menu and toolbar) and the approval status in the status bar."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.widget())
        self.window = window
        self.document: WorkshopDocument | None = None
        self.dialog: SignoffDialog | None = None
        self.action = QAction(self.tr("Sign-&off…"), window.widget())
        self.action.setToolTip(self.tr("Department heads approve this version of the plan"))
        self.action.triggered.connect(lambda _checked=False: self.open_dialog())
        window.plan_menu.addAction(self.action)
        window.toolbar.addAction(self.action)
        self.status = plain_label()
        self._shown: tuple[str, str] | None = None
        self.status.setWordWrap(False)
        self.status.setContentsMargins(16, 0, 8, 0)
        window.widget().statusBar().addPermanentWidget(self.status)
        window.documentOpened.connect(self.bind)
        self.bind(window.document)

    def bind(self, document: object) -> None:
        """Follow a newly shown document (None: no document, the action is off)."""
        self._close_dialog()
        self.document = document if isinstance(document, WorkshopDocument) else None
        self.action.setEnabled(self.document is not None)
        if self.document is not None:
            self.document.changed.connect(self.refresh_status)
        self.refresh_status()

    def refresh_status(self) -> None:
        """The approval status in the status bar, in the PDF's words; the names in its tooltip.

        Only the words before the names are shown, so a long list of departments cannot make
        the window wider than the screen.
        """
        if self.document is None:
            self.status.clear()
            self.status.setToolTip("")
            return
        workshop = self.document.workshop
        current = self.document.analysis.fingerprint if workshop.signoffs else None
        heads = approvals(workshop, current)
        status = status_of(heads)
        shown = (status, self.window.theme.name)
        if shown == self._shown:
            return
        self._shown = shown
        self.status.setText(status.split(" (", 1)[0])
        self.status.setToolTip(plain_tooltip(status))
        set_color(self.status, status_color(heads, self.window.theme))

    def open_dialog(self) -> SignoffDialog | None:
        """Show the sign-off dialog for the open document (without blocking)."""
        if self.document is None:
            return None
        if self.dialog is not None and self.dialog.document is self.document:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        self._close_dialog()
        self.dialog = SignoffDialog(self.document, self.window.theme, self.window.widget())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()
        return self.dialog

    def _dialog_closed(self) -> None:
        self.dialog = None

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.close()


def install_signoff(window: Window) -> SignoffFeature:
    """Add the Sign-off action and status line to the window, once; it follows each document."""
    return SignoffFeature(window)
