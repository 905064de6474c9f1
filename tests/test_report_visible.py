"""`verify` compares what every page shows with what the embedded plan prints."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from app.i18n import language
from app.report.document import render_pdf
from app.report.verify import verify_pdf
from app.report.visible import language_of, paper_of, speaking
from tests.report_helpers import crm, export

TJ = re.compile(rb"\(([^()\\]*[A-Za-z0-9][^()\\]*)\) Tj")


def _edited(pdf: bytes, page: int, edit: Callable[[bytes], bytes]) -> bytes:
    """`pdf` with page `page`'s content stream passed through `edit` (bytes -> bytes)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    target = writer.pages[page]
    fresh = DecodedStreamObject()
    fresh.set_data(edit(target.get_contents().get_data()))
    target[NameObject("/Contents")] = writer._add_object(fresh)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _one_letter_changed(data: bytes) -> bytes:
    """The first shown string with one letter or digit changed to another."""
    found = TJ.search(data)
    assert found is not None
    text = bytearray(found.group(1))
    at = next(i for i, c in enumerate(text) if chr(c).isalnum())
    text[at] = ord("7") if chr(text[at]).isalpha() else ord("X")
    return data[: found.start(1)] + bytes(text) + data[found.end(1) :]


def _replaced(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        assert old in data
        return data.replace(old, new, 1)

    return edit


@pytest.fixture(scope="module")
def crm_pdf() -> bytes:
    return render_pdf(crm())


def test_a_fresh_export_shows_what_its_plan_prints(tmp_path: Path, crm_pdf: bytes) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(crm_pdf)
    assert verify_pdf(path).problems == ()


def test_an_edited_status_line_is_named_with_its_page(tmp_path: Path, crm_pdf: bytes) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(_edited(crm_pdf, 0, _replaced(b"(Draft: not signed)", b"(Approved by all)")))
    problems = verify_pdf(path).problems
    assert any(
        p.startswith("page 1 shows") and "Approved by all" in p and "Draft: not signed" in p
        for p in problems
    ), problems


def test_an_edit_of_any_page_is_caught(tmp_path: Path, crm_pdf: bytes) -> None:
    pages = len(PdfReader(io.BytesIO(crm_pdf)).pages)
    for page in range(pages):
        path = tmp_path / f"r{page}.pdf"
        path.write_bytes(_edited(crm_pdf, page, _one_letter_changed))
        problems = verify_pdf(path).problems
        assert any(p.startswith(f"page {page + 1} shows") for p in problems), (page, problems)


def test_a_moved_drawing_is_caught(tmp_path: Path, crm_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(crm_pdf))
    page = next(
        n for n, p in enumerate(reader.pages) if b" re f" in p.get_contents().get_data() and n
    )

    def nudge(data: bytes) -> bytes:
        found = re.search(rb"(\d+(?:\.\d+)?) re f", data)
        assert found is not None
        return data[: found.start(1)] + b"1" + found.group(1) + data[found.end(1) :]

    path = tmp_path / "r.pdf"
    path.write_bytes(_edited(crm_pdf, page, nudge))
    assert f"page {page + 1}: the drawing differs from what the plan prints" in (
        verify_pdf(path).problems
    )


def test_paper_and_language_are_read_back(tmp_path: Path) -> None:
    letter = PdfReader(export(tmp_path / "l.pdf", crm(), "letter"))
    assert paper_of(letter) == "letter"
    assert language_of(letter) == "en"
    assert verify_pdf(tmp_path / "l.pdf").problems == ()
    with speaking("da"):
        danish = render_pdf(crm())
    assert language() == "en"
    assert language_of(PdfReader(io.BytesIO(danish))) == "da"
