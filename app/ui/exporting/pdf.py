"""Export PDF… in the app: paper, file, progress, and an offer to open the result.

The roadmap is rendered by a child process (app.report.worker) from the workshop as it was when
the export started, while the window keeps painting and stays editable. A thread would share
the GIL with the window and stall it for tens of milliseconds at a time; the child has its own,
and the thread that relays its progress waits on a pipe, which releases the GIL. reportlab is
imported only in the child, so the app starts fast. The child writes atomically: a failed or
cancelled export leaves no half PDF and no changed file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import Workshop
from app.i18n import LANGUAGE_NAMES, LANGUAGES, language
from app.report.approval import approval_status
from app.storage.workshop_file import SUFFIX, dumps_workshop
from app.ui.document import WorkshopDocument, suggested_name
from app.ui.exporting.job import ExportJob, ExportOutcome, Paper
from app.ui.widgets import plain_label

if TYPE_CHECKING:
    from app.ui.window import Window

SHOW_PROGRESS_AFTER_MS = 300


def suggested_pdf_name(workshop: Workshop, today: date | None = None) -> str:
    """`<title> <YYYY-MM-DD>.pdf`, the title made safe for a file name."""
    stem = suggested_name(workshop).removesuffix(SUFFIX)
    return f"{stem} {(today or date.today()).isoformat()}.pdf"


def with_pdf_suffix(path: Path) -> Path:
    """The path, ending in `.pdf`."""
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class ExportDialog(QDialog):
    """The first step of an export: what is exported, and on which paper."""

    def __init__(
        self,
        workshop: Workshop,
        paper: Paper,
        parent: QWidget | None = None,
        lang: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export roadmap PDF"))
        self.setMinimumWidth(560)
        self.status = plain_label(approval_status(workshop))
        # A list, not radio buttons: the presentation style sheet hides radio indicators.
        self.paper_box = QComboBox()
        self.paper_box.addItem(self.tr("A4 (210 × 297 mm)"), "a4")
        self.paper_box.addItem(self.tr("Letter (8.5 × 11 in)"), "letter")
        self.paper_box.setCurrentIndex(self.paper_box.findData(paper))
        self.language_box = QComboBox()
        for code in LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[code], code)
        self.language_box.setCurrentIndex(max(self.language_box.findData(lang or language()), 0))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Choose file…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(workshop)

    def _lay_out(self, workshop: Workshop) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(workshop.title, scale=1.4, bold=True))
        layout.addWidget(self.status)
        layout.addWidget(
            plain_label(
                self.tr("The PDF carries the plan: opening it in Bellwether shows it on the board.")
            )
        )
        layout.addSpacing(8)
        row = QHBoxLayout()
        paper_label = QLabel(self.tr("&Paper:"))
        paper_label.setBuddy(self.paper_box)
        row.addWidget(paper_label)
        row.addWidget(self.paper_box, 1)
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language_box)
        row.addWidget(language_label)
        row.addWidget(self.language_box, 1)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.buttons)

    def paper(self) -> Paper:
        """The chosen paper size."""
        return "letter" if self.paper_box.currentData() == "letter" else "a4"

    def language(self) -> str:
        """The language the PDF is written in (the app's own unless another is chosen)."""
        code = self.language_box.currentData()
        return code if code in LANGUAGES else "en"


class ExportFeature(QObject):
    """Export PDF… (File menu, Ctrl+E, toolbar): one export at a time, never blocking the window."""

    exportFinished = Signal(object)

    def __init__(self, window: Window) -> None:
        super().__init__(window.widget())
        self.window = window
        self.document: WorkshopDocument | None = None
        self.paper: Paper = "a4"
        self.lang: str | None = None
        """The PDF's language once one was chosen; until then the app's own."""
        self.folder: Path | None = None
        self.dialog: ExportDialog | None = None
        self.job: ExportJob | None = None
        self.progress: QProgressDialog | None = None
        self.action = QAction(self.tr("&Export PDF…"), window.widget())
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.setToolTip(self.tr("Export the signed-off roadmap as a PDF"))
        self.action.triggered.connect(lambda _checked=False: self.export())
        window.widget().addAction(self.action)
        self._add_to_file_menu()
        window.toolbar.addAction(self.action)
        window.documentOpened.connect(self.bind)
        self.bind(window.document)

    def _add_to_file_menu(self) -> None:
        """After "Save as…", where a document's other outputs are."""
        menu = self.window.file_menu
        actions = menu.actions()
        anchor = self.window.save_as_action
        index = actions.index(anchor) + 1 if anchor in actions else len(actions)
        before = actions[index] if index < len(actions) else None
        if before is None:
            menu.addAction(self.action)
        else:
            menu.insertAction(before, self.action)

    def bind(self, document: object) -> None:
        """Follow a newly shown document (None: no document, the action is off)."""
        self.document = document if isinstance(document, WorkshopDocument) else None
        self._update_action()

    def _update_action(self) -> None:
        self.action.setEnabled(self.document is not None and self.job is None)

    # --- the steps of an export ------------------------------------------------------------

    def export(self) -> ExportDialog | None:
        """Start an export: ask for the paper (without blocking), then for the file."""
        if self.document is None or self.job is not None:
            return None
        self.dialog = ExportDialog(
            self.document.workshop, self.paper, self.window.widget(), self.lang
        )
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.accepted.connect(self._paper_chosen)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()
        return self.dialog

    def _dialog_closed(self) -> None:
        self.dialog = None

    def _paper_chosen(self) -> None:
        if self.dialog is not None:
            self.paper = self.dialog.paper()
            self.lang = self.dialog.language()
        path = self.choose_file()
        if path is not None:
            self.start(path, self.paper, self.lang)

    def choose_file(self) -> Path | None:
        """Ask where to write the PDF, suggesting `<title> <date>.pdf`."""
        if self.document is None:
            return None
        folder = self.folder or (self.document.path.parent if self.document.path else Path.home())
        name, _ = QFileDialog.getSaveFileName(
            self.window.widget(),
            self.tr("Export roadmap PDF"),
            str(folder / suggested_pdf_name(self.document.workshop)),
            self.tr("PDF documents (*.pdf)"),
        )
        return with_pdf_suffix(Path(name)) if name else None

    def start(self, path: Path, paper: Paper, lang: str | None = None) -> ExportJob | None:
        """Render the open workshop as it is now to `path` in a child process, in `lang`
        (the app's language when None)."""
        if self.document is None or self.job is not None:
            return None
        self.folder = path.parent
        document = self.document
        changed = dumps_workshop(document.baseline) != dumps_workshop(document.workshop)
        baseline = document.baseline if changed else None  # the meeting changed the plan
        job = self.job = ExportJob(document.workshop, path, paper, lang or language(), baseline)
        self.progress = self._progress_dialog(self.document.workshop.title)
        job.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        job.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._update_action()
        self.window.widget().installEventFilter(self)
        job.start()
        return job

    def _progress_dialog(self, title: str) -> QProgressDialog:
        progress = QProgressDialog(self.window.widget())
        progress.setWindowTitle(self.tr("Export roadmap PDF"))
        # Not modal: a modal progress dialog runs a nested event loop in every setValue().
        progress.setWindowModality(Qt.WindowModality.NonModal)
        label = QLabel(self.tr("Rendering the roadmap of “%s”…") % title)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        progress.setLabel(label)
        progress.setCancelButtonText(self.tr("Cancel"))
        progress.setMinimumWidth(480)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        progress.setRange(0, 100)
        progress.setValue(0)
        progress.canceled.connect(self.cancel)
        return progress

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def cancel(self) -> None:
        """Stop the running export; nothing is written."""
        if self.job is not None:
            self.job.cancel()

    def _finished(self) -> None:
        job, self.job = self.job, None
        if job is None:
            return
        job.wait()
        self.window.widget().removeEventFilter(self)
        if self.progress is not None:
            progress, self.progress = self.progress, None
            progress.canceled.disconnect(self.cancel)
            progress.hide()
            progress.deleteLater()
        self._update_action()
        self._report(job.outcome)
        self.exportFinished.emit(job.outcome)

    def _report(self, outcome: ExportOutcome) -> None:
        bar = self.window.widget().statusBar()
        if outcome.cancelled:
            bar.showMessage(self.tr("Export cancelled; nothing was written."), 8000)
        elif outcome.error is not None:
            self.window.show_error(
                self.tr("Export failed"),
                self.tr("Could not export the roadmap to %s: %s.") % (outcome.path, outcome.error)
                + "\n\n"
                + self.tr("No PDF was written; a file already there is unchanged."),
            )
        else:
            bar.showMessage(self.tr("Exported %s") % outcome.path, 8000)
            if self.window.widget().isVisible():  # not while the window closes
                self.offer_to_open(outcome.path)

    def offer_to_open(self, path: Path) -> bool:
        """Say where the PDF is and offer to open it; True when it was opened."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Roadmap exported"),
            self.tr("The roadmap was saved to:\n%s\n\nOpen it now?") % path,
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            self.window.widget(),
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        if box.exec() != QMessageBox.StandardButton.Open:
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        self.window.show_message(self.tr("No application to open %s was found.") % path.name, 8000)
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window stops a running export first, so no thread or child outlives it.

        Installed only while an export runs: every event of the window passes through here.
        """
        if (
            watched is self.window.widget()
            and event.type() == QEvent.Type.Close
            and self.job is not None
        ):
            self.job.cancel()
            self.job.wait()
        return False


def install_export(window: Window) -> ExportFeature:
    """Add Export PDF… to the File menu, the toolbar and Ctrl+E, once; it follows each document."""
    return ExportFeature(window)
