"""QR codes of the room's addresses (segno: pure Python, no native library)."""

from __future__ import annotations

import io

import segno

QUIET_MODULES = 4
"""The blank border a scanner needs around the code, in modules."""


def qr_code(url: str) -> segno.QRCode:
    """The QR code of an address, with medium error correction (survives a smudged card)."""
    return segno.make(url, error="m", micro=False)


def qr_png(url: str, scale: int = 10) -> bytes:
    """The QR code as a PNG, `scale` pixels per module, with its quiet border."""
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=scale, border=QUIET_MODULES)
    return buffer.getvalue()


def qr_modules(url: str) -> list[tuple[int, int]]:
    """The dark modules as (column, row), without the border: for drawing as vector squares."""
    matrix = qr_code(url).matrix
    return [(x, y) for y, line in enumerate(matrix) for x, dark in enumerate(line) if dark]


def qr_width(url: str) -> int:
    """The code's width in modules, without the border."""
    return len(qr_code(url).matrix)
