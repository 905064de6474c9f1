"""The roadmap PDF (reportlab) and its verification. No Qt.

The GUI and the command line use `app.report.document` (`render_pdf`, `write_pdf`) and
`app.report.verify` (`read_embedded_workshop`, `verify_pdf`); the GUI opens a roadmap with
`read_verified_workshop`. Importing this package loads neither reportlab nor pypdf, so
`app.report.approval` stays cheap to import.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.domain.model import Workshop


def read_embedded_workshop(path: Path) -> Workshop:
    """The plan inside a Bellwether roadmap PDF, to open it on the board.

    Raises `app.report.verify.RoadmapPdfError` (a ValueError, one line) for any other file.
    """
    from app.report.verify import read_embedded_workshop as read

    return read(path)


def read_verified_workshop(path: Path) -> Workshop:
    """The plan inside a roadmap PDF, only when the PDF is genuine (the check `verify` makes).

    A roadmap whose pages or plan were changed after export is refused before its plan is
    shown, with the first difference: the plan inside may not be the plan the heads signed.
    Raises `app.report.verify.RoadmapPdfError` (a ValueError, one line).
    """
    from app.i18n import _
    from app.report.verify import RoadmapPdfError, verify_pdf

    result = verify_pdf(path)
    if result.workshop is None or not result.genuine:
        first = result.problems[0] if result.problems else ""
        raise RoadmapPdfError(
            _(
                "was changed after it was exported, so its plan is not opened: {problem} "
                "(the verify command lists every difference)"
            ).format(problem=first)
        )
    return result.workshop
