"""The fonts embedded in every roadmap PDF: DejaVu Sans, shipped in `app/resources/fonts/`.

DejaVu covers Latin (Æ Ø Å Ä Ö Š Ž Ł Ő), Greek and Cyrillic, so every European name prints as
written. reportlab embeds a subset of the glyphs used, so a PDF stays small.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import ResourceMissingError, resource_folder

FONT_DIR = resource_folder() / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


class FontMissingError(ResourceMissingError):
    """A font file that should ship with Bellwether is missing."""


def register_fonts() -> None:
    """Register the fonts with reportlab once per process (safe from any thread)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, file_name in _FILES.items():
            path = FONT_DIR / file_name
            if not path.is_file():
                raise FontMissingError(f"the font file {path} is missing; reinstall Bellwether")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )
        _registered = True


def text_width(text: str, font: str, size: float) -> float:
    """The width of `text` in points, set in a registered font."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))
