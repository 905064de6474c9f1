"""Plan > Suggest a plan…: search in a child process, show the ghosts and the panel, apply the
moves ticked as one undo command, or discard.

The document is never touched while a search runs or a suggestion is shown: only Apply
changes it, through one command ("Apply suggestion: 14 moves") that Undo takes back whole.
An edit made meanwhile makes the suggestion stale, so it is discarded rather than applied to a
plan it was not made for.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QFrame,
    QProgressDialog,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from app.domain.model import Workshop
from app.planning.placement import Move, with_moves
from app.planning.suggest import Suggestion, suggestion_from
from app.ui.document import WorkshopDocument
from app.ui.suggest.job import SearchOutcome, SuggestJob
from app.ui.suggest.overlay import GhostOverlay
from app.ui.suggest.panel import SuggestionPanel
from app.ui.theme import Theme
from app.ui.window import Window

PROGRESS_STEPS = 1000
SHOW_PROGRESS_AFTER_MS = 300


class SuggestDialog(QDialog):
    """How long to search, and whether the scheduled requests stay where they are."""

    def __init__(self, seconds: int, keep_placed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggest a plan"))
        self.seconds = QSpinBox()
        self.seconds.setRange(1, 600)
        self.seconds.setValue(seconds)
        self.seconds.setSuffix(self.tr(" s"))
        self.keep_placed = QCheckBox(
            self.tr("Keep scheduled requests where they are (fill the plan from the backlog)")
        )
        self.keep_placed.setChecked(keep_placed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Search"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Search for:"), self.seconds)
        form.addRow(self.keep_placed)
        form.addRow(buttons)


class SuggestFeature(QObject):
    """Suggestions for one main window, bound to whichever document it shows."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.widget())
        self.window = window
        self.document: WorkshopDocument | None = None
        self.overlay: GhostOverlay | None = None
        self.job: SuggestJob | None = None
        self.progress: QProgressDialog | None = None
        self.dialog: SuggestDialog | None = None
        self.suggestion: Suggestion | None = None
        self.seconds, self.keep_placed = 10, False
        self.action = window.action(self.tr("Suggest a &plan…"), self.ask)
        self.action.setToolTip(self.tr("Let Bellwether propose the placement the rules like best"))
        window.plan_menu.addSeparator()
        window.plan_menu.addAction(self.action)
        self.panel = SuggestionPanel(window.theme)
        self.panel.applyRequested.connect(self.apply)
        self.panel.discardRequested.connect(self.discard)
        self.panel.tickedChanged.connect(self._draw_ghosts)
        self.dock = QDockWidget(self.tr("Suggestion"), window.widget())
        self.dock.setObjectName("suggestion-dock")
        # Scrolled rather than squeezed when the side is short (the projector's type is large).
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)
        self.dock.setWidget(scroll)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        window.widget().addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        window.documentOpened.connect(self.bind)
        window.themeChanged.connect(self._theme_changed)
        self.bind(window.document)

    def bind(self, document: object) -> None:
        """Follow a newly shown document; a suggestion for the old one is dropped."""
        self.discard()
        if self.document is not None:
            self.document.changed.disconnect(self._document_changed)
        self.document = document if isinstance(document, WorkshopDocument) else None
        board = self.window.board
        self.overlay = GhostOverlay(board) if board is not None else None
        if self.document is not None:
            self.document.changed.connect(self._document_changed)
        self._update_action()

    def _update_action(self) -> None:
        self.action.setEnabled(self.document is not None and self.job is None)

    def _theme_changed(self, theme: Theme) -> None:
        self.panel.theme = theme
        self._draw_ghosts(self.panel.ticked())

    # --- searching -------------------------------------------------------------------------

    def ask(self) -> SuggestDialog | None:
        """Ask how long to search (without blocking), then search."""
        if self.document is None or self.job is not None:
            return None
        self.dialog = SuggestDialog(self.seconds, self.keep_placed, self.window.widget())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.accepted.connect(self._options_chosen)
        self.dialog.open()
        return self.dialog

    def _options_chosen(self) -> None:
        if self.dialog is not None:
            self.seconds = self.dialog.seconds.value()
            self.keep_placed = self.dialog.keep_placed.isChecked()
            self.dialog = None
        self.start(self.seconds, self.keep_placed)

    def start(self, seconds: float, keep_placed: bool = False) -> SuggestJob | None:
        """Search a suggestion for the plan as it is now, in a child process."""
        if self.document is None or self.job is not None:
            return None
        self.discard()
        workshop = self.document.workshop
        pins = tuple(r.id for r in workshop.requests if keep_placed and r.phase is not None)
        job = self.job = SuggestJob(workshop, seconds, pins)
        self.progress = self._progress_dialog()
        job.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        job.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._update_action()
        job.start()
        return job

    def _progress_dialog(self) -> QProgressDialog:
        progress = QProgressDialog(self.window.widget())
        progress.setWindowTitle(self.tr("Suggest a plan"))
        # Not modal: a modal progress dialog runs a nested event loop in every setValue().
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setLabelText(self.tr("Searching for the placement the rules like best…"))
        progress.setCancelButtonText(self.tr("Cancel"))
        progress.setMinimumWidth(480)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        progress.setRange(0, PROGRESS_STEPS)
        progress.setValue(0)
        progress.canceled.connect(self.cancel)
        return progress

    def _progressed(self, done: float) -> None:
        if self.progress is not None:
            self.progress.setValue(max(self.progress.value(), round(done * PROGRESS_STEPS)))

    def cancel(self) -> None:
        """Stop the running search; the plan stays as it is."""
        if self.job is not None:
            self.job.cancel()

    def _finished(self) -> None:
        job, self.job = self.job, None
        if job is None:
            return
        job.wait()
        if self.progress is not None:
            progress, self.progress = self.progress, None
            progress.canceled.disconnect(self.cancel)
            progress.hide()
            progress.deleteLater()
        self._update_action()
        self._take(job.workshop, job.outcome)

    def _take(self, searched: Workshop, outcome: SearchOutcome) -> None:
        if outcome.cancelled:
            self.window.show_message(self.tr("Suggestion cancelled; the plan is unchanged."), 8000)
        elif outcome.error is not None or outcome.placement is None:
            self.window.show_error(
                self.tr("No suggestion"),
                self.tr("The search for a suggestion failed: %s") % (outcome.error or ""),
            )
        elif self.document is None or self.document.workshop is not searched:
            self.window.show_message(
                self.tr("The plan changed during the search; the suggestion was dropped."), 8000
            )
        else:
            proved = (outcome.proved,) * 7
            self.show(
                suggestion_from(searched, outcome.placement, outcome.pins, proved, outcome.clock)
            )

    # --- showing, applying, discarding -------------------------------------------------------

    def show(self, suggestion: Suggestion) -> None:
        """Show a suggestion for the plan as it is now: the panel, and ghosts on the board."""
        self.suggestion = suggestion
        self.panel.show_suggestion(suggestion)
        self.dock.show()
        self.dock.raise_()

    def _draw_ghosts(self, moves: list[Move]) -> None:
        if self.overlay is None:
            return
        if self.suggestion is None or not moves:
            self.overlay.clear()
        else:
            self.overlay.show(self.suggestion.before, moves, self.window.theme)

    def apply(self, moves: list[Move]) -> bool:
        """Make the ticked moves as one undo command; False when nothing was applied."""
        document, suggestion = self.document, self.suggestion
        if document is None or suggestion is None or not moves:
            return False
        count = len(moves)
        text = (
            self.tr("Apply suggestion: 1 move")
            if count == 1
            else self.tr("Apply suggestion: %n moves", "", count)
        )
        self.suggestion = None  # the change that follows is this one, not a stale plan's
        applied = document.push(text, with_moves(suggestion.before, moves))
        self.discard()
        return applied

    def discard(self) -> None:
        """Drop the suggestion shown (if any): the ghosts and the panel go."""
        self.suggestion = None
        if self.overlay is not None:
            self.overlay.clear()
        self.dock.hide()

    def _document_changed(self) -> None:
        if self.suggestion is not None and self.document is not None:
            if self.document.workshop is not self.suggestion.before:
                self.discard()
                self.window.show_message(
                    self.tr("The plan changed; the suggestion was dropped."), 8000
                )
            else:
                self._draw_ghosts(self.panel.ticked())


def install_suggest(window: Window) -> SuggestFeature:
    """Add Plan > Suggest a plan… and the suggestion panel to the window (call once)."""
    return SuggestFeature(window)
