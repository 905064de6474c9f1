"""File > Export plan as spreadsheet…: the plan as CSV or XLSX for the project team.

The same files as `python main.py export FILE -o PLAN.csv|.xlsx`, written from the workshop as it
is open now (unsaved edits included). Writing is quick (well under a second at 1,000 requests),
so it runs on the GUI thread; openpyxl is imported only by the first XLSX export, never at
start-up. The storage writes atomically: a failed export leaves a file already there unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog

from app.domain.model import Workshop
from app.storage.workshop_file import SUFFIX
from app.ui.document import suggested_name
from app.ui.exporting.pdf import ExportFeature

if TYPE_CHECKING:
    from app.ui.window import Window

SheetKind = Literal["csv", "xlsx"]


def suggested_sheet_name(workshop: Workshop) -> str:
    """`<title> plan.csv`, the title made safe for a file name."""
    return f"{suggested_name(workshop).removesuffix(SUFFIX)} plan.csv"


def sheet_target(path: Path, fallback: SheetKind) -> tuple[Path, SheetKind]:
    """Where to write and in which format: a typed `.csv`/`.xlsx` suffix wins over the filter."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx"):
        return path, "csv" if suffix == ".csv" else "xlsx"
    return path.with_name(f"{path.name}.{fallback}"), fallback


class SheetExportFeature(QObject):
    """The File menu action, on while a document is open."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.widget())
        self.setObjectName("sheet-export")
        self.window = window
        self.action = window.action(self.tr("Export &plan as spreadsheet…"), self.export)
        self.action.setToolTip(
            self.tr("Write the plan as a CSV or Excel file for the project team")
        )
        self.filters: dict[str, SheetKind] = {
            self.tr("CSV (*.csv)"): "csv",
            self.tr("Excel workbook (*.xlsx)"): "xlsx",
        }
        self._add_to_file_menu()
        window.documentOpened.connect(lambda _document: self._update_action())
        self._update_action()

    def _add_to_file_menu(self) -> None:
        """Right after Export PDF…, else after Save as…, where a document's outputs are."""
        menu = self.window.file_menu
        actions = menu.actions()
        anchor = _pdf_action(self.window) or self.window.save_as_action
        index = actions.index(anchor) + 1 if anchor in actions else len(actions)
        if index < len(actions):
            menu.insertAction(actions[index], self.action)
        else:
            menu.addAction(self.action)

    def _update_action(self) -> None:
        self.action.setEnabled(self.window.document is not None)

    def choose_file(self) -> tuple[Path, SheetKind] | None:
        """Ask where to write, suggesting `<title> plan.csv` next to the workshop file."""
        document = self.window.document
        if document is None:
            return None
        folder = document.path.parent if document.path else Path.home()
        name, chosen = QFileDialog.getSaveFileName(
            self.window.widget(),
            self.tr("Export plan as spreadsheet"),
            str(folder / suggested_sheet_name(document.workshop)),
            ";;".join(self.filters),
        )
        return sheet_target(Path(name), self.filters.get(chosen, "csv")) if name else None

    def export(self) -> Path | None:
        """Ask for a file and write the open plan to it; the path written, or None."""
        document = self.window.document
        target = self.choose_file() if document is not None else None
        if document is None or target is None:
            return None
        path, kind = target
        workshop = document.workshop
        error = _write(path, kind, workshop)
        if error is not None:
            self._report_failure(path, error)
            return None
        count = len(workshop.requests)
        text = (
            self.tr("Exported the plan (1 request) to {path}")
            if count == 1
            else self.tr("Exported the plan ({n} requests) to {path}")
        )
        self.window.show_message(text.format(n=count, path=path), 8000)
        return path

    def _report_failure(self, path: Path, error: OSError) -> None:
        self.window.show_error(
            self.tr("Export failed"),
            self.tr("Could not export the plan to %s: %s.") % (path, error.strerror or error)
            + "\n\n"
            + self.tr("No spreadsheet was written; a file already there is unchanged."),
        )


def _write(path: Path, kind: SheetKind, workshop: Workshop) -> OSError | None:
    """Write the plan with a busy cursor; the error when it could not be written."""
    # The spreadsheet writers load on first use, not at start-up.
    from app.storage.spreadsheet import write_plan_csv, write_plan_xlsx

    write = write_plan_csv if kind == "csv" else write_plan_xlsx
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write(path, workshop)
    except OSError as error:
        return error
    finally:
        QApplication.restoreOverrideCursor()
    return None


def _pdf_action(window: Window) -> QAction | None:
    """The Export PDF… action, when that feature is installed."""
    pdf = window.widget().findChild(ExportFeature)
    return pdf.action if isinstance(pdf, ExportFeature) else None


def install_sheet_export(window: Window) -> SheetExportFeature:
    """Add File > Export plan as spreadsheet… (call once); it follows each document."""
    return SheetExportFeature(window)
