"""The PDF's "Changes in this meeting": `export --compare-with OLD`, checked by verify."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.model import Request, Workshop
from app.report.document import render_pdf
from app.report.embedding import BASELINE
from app.report.verify import verify_pdf
from app.storage.workshop_file import save_workshop
from tests.builders import run_main
from tests.report_helpers import changed, crm, flat, page_texts
from tests.test_report_visible import _edited, _one_letter_changed


def _meeting() -> tuple[Workshop, Workshop, Request]:
    """The CRM sample as opened (risks not yet accepted, fewer votes) and as it ended."""
    ended = crm()
    moved = next(r for r in ended.requests if r.phase is not None)
    phases = [p.id for p in ended.phases]
    assert moved.phase is not None
    before_phase = phases[(phases.index(moved.phase) + 1) % len(phases)]
    requests = [
        r.model_copy(update={"phase": before_phase}) if r.id == moved.id else r
        for r in ended.requests
    ]
    votes = {d: dict(v) for d, v in ended.votes.items()}
    department = next(iter(votes))
    votes[department] = {}
    opened = changed(ended, requests=requests, accepted=[], votes=votes)
    return opened, ended, moved


def test_the_section_names_the_moves_the_accepted_risks_and_the_votes() -> None:
    opened, ended, moved = _meeting()
    pdf = render_pdf(ended, baseline=opened)
    text = flat(" ".join(page_texts(pdf)))
    assert "Changes in this meeting" in text
    assert "Requests moved" in text and f"({moved.id})" in text
    assert "Risks accepted" in text
    for accepted in ended.accepted:
        assert flat(accepted.note)[:40] in text
    assert "Dot votes given" in text and "0 → " in text
    assert PdfReader(io.BytesIO(pdf)).attachments.get(BASELINE), "the baseline travels along"
    assert "Changes in this meeting" not in flat(" ".join(page_texts(render_pdf(ended))))


def test_nothing_changed_is_said_plainly() -> None:
    text = flat(" ".join(page_texts(render_pdf(crm(), baseline=crm()))))
    assert "Nothing changed against the plan as it was opened." in text


def test_verify_checks_the_section_against_the_embedded_baseline(tmp_path: Path) -> None:
    opened, ended, _ = _meeting()
    pdf = render_pdf(ended, baseline=opened)
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    assert verify_pdf(path).problems == ()
    page = next(i for i, t in enumerate(page_texts(pdf)) if "Changes in this meeting" in t)
    path.write_bytes(_edited(pdf, page, _one_letter_changed))
    problems = verify_pdf(path).problems
    assert any(p.startswith(f"page {page + 1} shows") for p in problems), problems


@pytest.mark.slow
def test_export_compare_with_from_the_command_line(tmp_path: Path) -> None:
    opened, ended, moved = _meeting()
    old, new, out = (
        tmp_path / "old.bellwether.json",
        tmp_path / "new.bellwether.json",
        tmp_path / "r.pdf",
    )
    save_workshop(old, opened)
    save_workshop(new, ended)
    result = run_main("export", new, "-o", out, "--compare-with", old)
    assert result.returncode == 0, result.stderr
    assert f"({moved.id})" in flat(" ".join(page_texts(out.read_bytes())))
    assert run_main("verify", out).returncode == 0
    bad = run_main(
        "export", new, "-o", tmp_path / "x.pdf", "--compare-with", tmp_path / "none.json"
    )
    assert bad.returncode == 2 and "none.json" in bad.stderr and "Traceback" not in bad.stderr
    assert not (tmp_path / "x.pdf").exists()
    csv = run_main("export", new, "-o", tmp_path / "x.csv", "--compare-with", old)
    assert csv.returncode == 2 and "--compare-with" in csv.stderr
