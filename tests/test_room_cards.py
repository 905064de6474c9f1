"""The voting cards' PDF: one card per head, its code printed, its QR code the card's address."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from app.i18n import set_language
from app.room.cards import CARD_HEIGHT, PAD, QR_SIZE, Card, cards_pdf, write_cards
from app.room.qr import QUIET_MODULES, qr_code, qr_png, qr_width

URL = "http://192.168.1.20:8470/j/cNalCXOoqSB_qX1RahQoNQ"


def cards(count: int) -> list[Card]:
    return [
        Card(f"Afdeling {i}", f"Søren Æblegård {i}", f"{i:04d}", f"{URL}#c=card{i:02d}token")
        for i in range(count)
    ]


def test_eight_cards_fit_a_page_and_every_name_and_code_is_printed() -> None:
    reader = PdfReader(io.BytesIO(cards_pdf(cards(9), "CRM 2027", URL[7:])))
    assert len(reader.pages) == 2
    first = reader.pages[0].extract_text()
    for i in range(8):
        assert f"Afdeling {i}" in first and f"Søren Æblegård {i}" in first
        assert " ".join(f"{i:04d}") in first
    assert "Afdeling 8" in reader.pages[1].extract_text()
    assert URL[7:] in first


def test_the_same_cards_give_the_same_bytes() -> None:
    assert cards_pdf(cards(3), "CRM", URL) == cards_pdf(cards(3), "CRM", URL)


def test_the_printed_qr_code_is_the_cards_address() -> None:
    """Render the first card and read each module back at its centre."""
    card = cards(1)[0]
    document = pypdfium2.PdfDocument(cards_pdf([card], "CRM", URL[7:]))
    scale = 6.0
    image = document[0].render(scale=scale).to_pil().convert("L")
    page_height = document[0].get_height()
    modules = qr_width(card.url) + 2 * QUIET_MODULES
    module = QR_SIZE / modules
    left = PAD
    top = page_height - CARD_HEIGHT + PAD + 10 + QR_SIZE  # the code's top edge, from the bottom
    matrix = qr_code(card.url).matrix
    for row, line in enumerate(matrix):
        for column, dark in enumerate(line):
            x = (left + (column + QUIET_MODULES + 0.5) * module) * scale
            y = (page_height - top + (row + QUIET_MODULES + 0.5) * module) * scale
            assert (image.getpixel((int(x), int(y))) < 128) == bool(dark), (row, column)


def test_the_cards_speak_the_committees_language() -> None:
    set_language("da")
    try:
        text = PdfReader(io.BytesIO(cards_pdf(cards(1), "CRM", URL))).pages[0].extract_text()
    finally:
        set_language("en")
    assert "Scan for at stemme" in text


def test_the_cards_are_written_and_a_missing_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "cards.pdf"
    target.write_bytes(b"old")
    with pytest.raises(FileNotFoundError):
        write_cards(tmp_path / "missing" / "cards.pdf", cards(1), "CRM", URL)
    write_cards(target, cards(2), "CRM", URL)
    assert target.read_bytes().startswith(b"%PDF")


def test_the_projector_png_is_a_png() -> None:
    assert qr_png(URL).startswith(b"\x89PNG\r\n\x1a\n")
