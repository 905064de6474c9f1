"""`export` and `verify` through the real command line, in subprocesses, as a user runs them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from app.domain.fingerprint import fingerprint
from app.report import document
from app.report.document import write_pdf
from app.storage.workshop_file import dumps_workshop, workshop_data
from tests.builders import run_main, write_json
from tests.conftest import CRM_SAMPLE, SMALL_SAMPLE
from tests.report_helpers import changed, crm, export, small

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CRM sample exported by `python main.py export`."""
    out = tmp_path_factory.mktemp("export") / "roadmap.pdf"
    result = run_main("export", CRM_SAMPLE, "-o", out)
    assert result.returncode == 0, result.stderr
    assert fingerprint(crm()) in result.stdout
    return out


def _one_clean_line(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def test_verify_a_fresh_export(exported: Path) -> None:
    result = run_main("verify", exported)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "genuine" in result.stdout
    assert fingerprint(crm()) in result.stdout
    assert "Draft: not signed" in result.stdout
    assert "not signed: Økonomi (Lærke Højbjerg)" in result.stdout


def test_verify_against_the_same_file(exported: Path) -> None:
    result = run_main("verify", exported, CRM_SAMPLE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_verify_against_another_version(exported: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.bellwether.json"
    other.write_text(dumps_workshop(changed(crm(), title="CRM-udrulning 2028")), "utf-8")
    result = run_main("verify", exported, other)
    assert result.returncode == 1
    assert "another version of the plan" in result.stdout
    assert str(other) in result.stdout


def test_verify_finds_an_edited_embedded_plan(exported: Path, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(exported))
    edited = workshop_data(crm())
    edited["requests"][0]["phase"] = "p2"  # quietly moved after printing
    for attachment in writer.attachment_list:
        attachment.content = json.dumps(edited, ensure_ascii=False).encode("utf-8")
    tampered = tmp_path / "tampered.pdf"
    writer.write(tampered)
    result = run_main("verify", tampered)
    assert result.returncode == 1
    assert "the PDF was edited" in result.stdout


def test_verify_finds_a_swapped_cover(exported: Path, tmp_path: Path) -> None:
    other = export(tmp_path / "other.pdf", changed(crm(), title="Another plan"))
    writer = PdfWriter(clone_from=PdfReader(exported))
    writer.insert_page(PdfReader(other).pages[0], 0)
    writer.remove_page(1)
    swapped = tmp_path / "swapped.pdf"
    writer.write(swapped)
    result = run_main("verify", swapped)
    assert result.returncode == 1
    assert "page 1 shows plan" in result.stdout
    assert "the PDF was edited" in result.stdout


def _foreign_pdf() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.drawString(72, 720, "Quarterly report, not a roadmap")
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [
        ("notes.pdf", "text", "is not a PDF file"),
        ("cut.pdf", "truncated", "truncated"),
        ("report.pdf", "foreign", "carries no workshop plan"),
    ],
)
def test_verify_refuses_what_is_no_roadmap(
    exported: Path, tmp_path: Path, name: str, kind: str, message: str
) -> None:
    path = tmp_path / name
    if kind == "text":
        path.write_text("Minutes of the meeting\n", "utf-8")
    elif kind == "truncated":
        path.write_bytes(exported.read_bytes()[: exported.stat().st_size * 2 // 3])
    else:
        path.write_bytes(_foreign_pdf())
    result = run_main("verify", path)
    assert result.returncode == 2
    assert message in result.stderr
    _one_clean_line(result.stderr)


def test_export_of_a_bad_workshop_writes_nothing(tmp_path: Path) -> None:
    data = json.loads(SMALL_SAMPLE.read_text("utf-8"))
    data["requests"][0]["effort"] = -5
    bad = write_json(tmp_path / "bad.bellwether.json", data)
    out = tmp_path / "roadmap.pdf"
    out.write_bytes(b"%PDF- the good roadmap of yesterday")
    result = run_main("export", bad, "-o", out)
    assert result.returncode == 2
    assert "effort" in result.stderr
    _one_clean_line(result.stderr)
    assert out.read_bytes() == b"%PDF- the good roadmap of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.bellwether.json", "roadmap.pdf"]


def test_export_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    result = run_main("export", SMALL_SAMPLE, "-o", tmp_path / "missing" / "roadmap.pdf")
    assert result.returncode == 2
    assert "cannot be written" in result.stderr
    _one_clean_line(result.stderr)


def test_export_on_letter_paper(tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    result = run_main("export", SMALL_SAMPLE, "-o", out, "--paper", "letter")
    assert result.returncode == 0, result.stderr
    cover = PdfReader(out).pages[0]
    assert (float(cover.mediabox.width), float(cover.mediabox.height)) == (612, 792)


def test_a_failed_render_keeps_the_existing_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = export(tmp_path / "roadmap.pdf", small())
    good = out.read_bytes()

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("the renderer broke halfway")

    monkeypatch.setattr(document, "render_pdf", broken)
    with pytest.raises(RuntimeError):
        write_pdf(out, small())
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["roadmap.pdf"]
