"""Printable voting cards: one per department head, eight to an A4 sheet, to cut apart.

A card's QR code logs its holder straight into their department's ballot; below it stand the
room's address and the department's four-digit code, for a phone that cannot scan. The codes
and cards are new each time voting starts, so cards are printed after starting and hold for
that meeting only. The QR code is drawn as vector squares: sharp on any printer.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.i18n import _
from app.report.fonts import BOLD, REGULAR, register_fonts
from app.report.formatting import fit
from app.room.qr import QUIET_MODULES, qr_modules, qr_width
from app.storage.atomic import atomic_write

COLUMNS, ROWS = 2, 4
CARD_WIDTH, CARD_HEIGHT = A4[0] / COLUMNS, A4[1] / ROWS
PAD = 7 * mm
QR_SIZE = 39 * mm
CUT = Color(0.6, 0.6, 0.6)


@dataclass(frozen=True, slots=True)
class Card:
    """What one card carries."""

    department: str
    head: str
    code: str
    url: str


def _qr(canvas: Canvas, url: str, x: float, y: float, size: float) -> None:
    """The QR code with its quiet border, as squares, its top-left corner at (x, y + size)."""
    width = qr_width(url) + 2 * QUIET_MODULES
    module = size / width
    canvas.setFillColor(black)
    path = canvas.beginPath()
    for column, row in qr_modules(url):
        left = x + (column + QUIET_MODULES) * module
        top = y + size - (row + QUIET_MODULES) * module
        path.rect(left, top - module, module, module)
    canvas.drawPath(path, stroke=0, fill=1)


def _text(
    canvas: Canvas, text: str, font: str, size: float, x: float, y: float, width: float
) -> None:
    canvas.setFont(font, size)
    canvas.drawString(x, y, fit(text, font, size, width))


def _card(canvas: Canvas, card: Card, title: str, short_url: str, x: float, y: float) -> None:
    """One card, its bottom-left corner at (x, y): names on top, the QR and code below."""
    canvas.setStrokeColor(CUT)
    canvas.setDash(2, 3)
    canvas.rect(x, y, CARD_WIDTH, CARD_HEIGHT, stroke=1, fill=0)
    canvas.setDash()
    full = CARD_WIDTH - 2 * PAD
    top = y + CARD_HEIGHT - PAD
    canvas.setFillColor(black)
    _text(canvas, title, REGULAR, 8, x + PAD, top - 8, full)
    _text(canvas, card.department, BOLD, 15, x + PAD, top - 27, full)
    _text(canvas, card.head, REGULAR, 9, x + PAD, top - 40, full)
    _qr(canvas, card.url, x + PAD, y + PAD + 10, QR_SIZE)
    left = x + 2 * PAD + QR_SIZE
    width = CARD_WIDTH - 3 * PAD - QR_SIZE
    _text(canvas, _("Scan to vote"), BOLD, 9, left, y + 118, width)
    _text(canvas, _("or open the address below"), REGULAR, 7, left, y + 104, width)
    _text(canvas, _("and type the code"), REGULAR, 7, left, y + 95, width)
    canvas.setFont(BOLD, 24)
    canvas.drawString(left, y + 66, " ".join(card.code))
    _text(canvas, _("Valid for this meeting only"), REGULAR, 6.5, left, y + PAD + 12, width)
    _text(canvas, short_url, REGULAR, 7, x + PAD, y + PAD, full)


def cards_pdf(cards: Sequence[Card], title: str, short_url: str) -> bytes:
    """The cards as a PDF, eight to an A4 page (an empty list gives one blank page)."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(_("Voting cards: {title}").format(title=title))
    canvas.setCreator("Bellwether")
    per_page = COLUMNS * ROWS
    for index, card in enumerate(cards):
        if index and index % per_page == 0:
            canvas.showPage()
        place = index % per_page
        column, row = place % COLUMNS, place // COLUMNS
        _card(canvas, card, title, short_url, column * CARD_WIDTH, A4[1] - (row + 1) * CARD_HEIGHT)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def write_cards(path: Path, cards: Sequence[Card], title: str, short_url: str) -> None:
    """Write the cards' PDF atomically: a failure leaves an existing file as it was."""
    atomic_write(path, cards_pdf(cards, title, short_url))
