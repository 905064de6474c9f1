"""The roadmap PDF (reportlab) and its verification. No Qt.

The GUI and the command line use `app.report.document` (`render_pdf`, `write_pdf`) and
`app.report.verify` (`read_embedded_workshop`, `verify_pdf`). Importing this package loads
neither reportlab nor pypdf, so `app.report.approval` stays cheap to import.
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
