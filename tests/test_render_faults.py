"""A fault while laying out the roadmap reaches the user as one sentence, and nothing is written.

Every plan the format accepts exports (see test_export_limits.py); these tests break the
renderer on purpose to check what the user would read if a fault slipped through: in the
command line, in the app's worker, never reportlab's "Flowable <Table@0x…> too large".
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from reportlab.platypus import Flowable, Table
from reportlab.platypus.doctemplate import LayoutError

from app import cli
from app.report import document, worker
from app.report.document import render_pdf
from app.report.failure import RenderError
from app.storage.workshop_file import dumps_workshop
from tests.conftest import SMALL_SAMPLE
from tests.report_helpers import small


def _too_tall(*_: object) -> list[Flowable]:
    """A story whose only table is taller than any page."""
    return [Table([["a cell taller than a page"]], rowHeights=[5000])]


def _broken(*_: object) -> list[Flowable]:
    raise KeyError("phase-9")


@pytest.fixture
def too_tall(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "build_story", _too_tall)


def _plain(line: str) -> None:
    assert "0x" not in line and "Flowable" not in line and "Table" not in line
    assert "nothing was written" in line


def test_a_part_larger_than_a_page_is_told_in_one_sentence(too_tall: None) -> None:
    with pytest.raises(RenderError) as raised:
        render_pdf(small())
    message = str(raised.value)
    assert re.match(r"the roadmap could not be laid out: a part of page \d+ is larger", message)
    _plain(message)
    assert isinstance(raised.value.__cause__, LayoutError), "the cause stays for a developer"


def test_any_other_renderer_fault_names_only_its_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "build_story", _broken)
    with pytest.raises(RenderError, match=r"\(KeyError, a fault in Bellwether\)") as raised:
        render_pdf(small())
    _plain(str(raised.value))
    assert "phase-9" not in str(raised.value)


def test_export_prints_one_line_and_leaves_the_output_alone(
    too_tall: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "roadmap.pdf"
    out.write_bytes(b"the roadmap of last week")
    assert cli.main(["export", str(SMALL_SAMPLE), "-o", str(out)]) != 0
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith(f"bellwether: {out}: the roadmap could not be laid out")
    _plain(line)
    assert out.read_bytes() == b"the roadmap of last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roadmap.pdf"]


@pytest.mark.parametrize("fault", [_too_tall, _broken])
def test_the_apps_worker_reports_one_plain_error_line(
    fault: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(document, "build_story", fault)
    out = io.StringIO()
    target = tmp_path / "roadmap.pdf"
    assert worker.export(target, "a4", dumps_workshop(small()).encode(), out) == 1
    (line,) = [line for line in out.getvalue().splitlines() if not line.startswith("progress")]
    assert line.startswith("error: the roadmap could not be")
    _plain(line)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_the_worker_tells_an_unexpected_fault_outside_the_renderer_plainly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken_write(*_: object, **__: object) -> None:
        raise AttributeError("'NoneType' object has no attribute 'phase'")

    monkeypatch.setattr(worker, "write_pdf", broken_write)
    out = io.StringIO()
    assert worker.export(tmp_path / "r.pdf", "a4", dumps_workshop(small()).encode(), out) == 1
    assert out.getvalue() == (
        "error: the roadmap could not be made (AttributeError, a fault in Bellwether);"
        " nothing was written\n"
    )
