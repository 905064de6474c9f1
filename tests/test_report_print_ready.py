"""The roadmap survives an office printer: type sizes, margins and contrast, measured on the PDF.

Every text run is at least 7.5 pt, and the tables and body text of the upright pages at least
9 pt (the footer and the charts' labels are the 7.5 pt ones); nothing is printed within 12 mm of
an edge; every colour text is written in stands out from white and from the table shading by at
least 4.5:1; no department's default colour is the error red.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pypdfium2
import pytest
from pypdf import PdfReader
from reportlab.lib import colors

from app.domain.palette import DEPARTMENT_PALETTE
from app.report import style
from app.report.document import FOOTER_Y, render_pdf
from app.report.visible import speaking
from tests.report_helpers import crm, with_more_requests

SMALLEST = 7.5
BODY_SMALLEST = 9.0
EDGE = 34.0
"""12 mm in points."""


@pytest.fixture(scope="module", params=["crm-en", "crm-da", "crm+60-fi"])
def pdf(request: pytest.FixtureRequest) -> bytes:
    code = request.param.rsplit("-", 1)[1]
    workshop = with_more_requests(crm(), 60) if "+60" in request.param else crm()
    with speaking(code):
        return render_pdf(workshop)


def _runs(page: object) -> Iterator[tuple[float, float, str]]:
    """Each text run of a page: its size in points, its baseline's height, its text."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((round(size * (a * a + b * b) ** 0.5, 2), y, text.strip()))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    yield from found


def test_no_text_is_smaller_than_7_5_pt_and_tables_and_body_not_under_9(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    for number, page in enumerate(reader.pages, 1):
        runs = list(_runs(page))
        assert runs, f"page {number} has text"
        small = [(size, text) for size, _, text in runs if size < SMALLEST]
        assert not small, f"page {number}: {small[:5]}"
        upright = page.mediabox.height > page.mediabox.width
        drawn = any(text in ("P1", "P2") for _, _, text in runs)  # the charts' page
        if upright and not drawn:
            body = [(s, t) for s, y, t in runs if s < BODY_SMALLEST and y > FOOTER_Y + 12]
            assert not body, f"page {number}: body text under 9 pt: {body[:5]}"


def test_nothing_is_printed_within_12_mm_of_an_edge(pdf: bytes) -> None:
    document = pypdfium2.PdfDocument(pdf)
    try:
        for number in range(len(document)):
            page = document[number]
            image = page.render(scale=1).to_pil().convert("L")
            width, height = image.size
            box = image.point(lambda value: 255 if value < 250 else 0).getbbox()
            assert box is not None
            left, top, right, bottom = box
            margins = (left, top, width - right, height - bottom)
            assert min(margins) >= EDGE - 1, f"page {number + 1}: margins {margins}"
    finally:
        document.close()


def _luminance(color: object) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in color.rgb())  # type: ignore[attr-defined]
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: object, other: object) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("name", ["INK", "MUTED", "ERROR", "WARNING", "CAUTION", "OK"])
def test_every_text_colour_stands_out_from_white_and_the_shading(name: str) -> None:
    color = getattr(style, name)
    assert contrast(color, colors.white) >= 4.5
    assert contrast(color, style.SHADE) >= 4.5


def test_no_default_department_colour_is_the_error_red() -> None:
    error = style.ERROR.rgb()
    for hex_color in DEPARTMENT_PALETTE:
        rgb = colors.HexColor(hex_color).rgb()
        distance = sum((a - b) ** 2 for a, b in zip(rgb, error, strict=True)) ** 0.5
        assert distance > 0.3, f"{hex_color} reads as the error colour"
