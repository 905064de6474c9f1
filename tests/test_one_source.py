"""Each fact about the plan is worked out once: every view that shows it agrees.

Two disagreements this guards against, both once seen: a phase the rules found near capacity
drawn as a neutral bar in the PDF's load chart (0.14 × 50 is 7.000000000000001 in binary), and
a department with a current and an older sign-off counted signed by the lane and the cover but
"1 signed, 1 stale" by the status bar.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from reportlab.graphics.shapes import Drawing, Group, Rect

from app.domain.approval import approvals
from app.domain.fingerprint import fingerprint
from app.domain.model import Signoff, Workshop
from app.domain.rules import findings
from app.domain.schedule import build_schedule, load_level
from app.report.approval import status_of
from app.report.charts import load_charts
from app.report.style import ERROR, NEAR_BAR, NEUTRAL_BAR
from app.storage.workshop_file import dumps_workshop
from tests.builders import build, phase, request
from tests.ui_helpers import empty_window


def _bar_colours(drawing: Drawing) -> list[object]:
    found: list[object] = []

    def walk(node: object) -> None:
        if isinstance(node, Rect) and node.fillColor in (ERROR, NEAR_BAR, NEUTRAL_BAR):
            found.append(node.fillColor)
        for child in getattr(node, "contents", []) if isinstance(node, Group | Drawing) else []:
            walk(child)

    walk(drawing)
    return found


@pytest.mark.parametrize(
    ("effort", "capacity", "caution"),
    [(7, 50, 0.14), (6.99, 50, 0.14), (35, 50, 0.7), (50, 50, 0.9), (50.5, 50, 1.0), (0, 0, 0.5)],
)
def test_the_pdf_chart_colours_a_phase_as_the_rules_judge_it(
    effort: float, capacity: float, caution: float
) -> None:
    workshop = build(
        [request("r0", "p1", effort=effort)] if effort else [],
        phases=[phase("p1", capacity=capacity)],
        settings={"caution_load": caution},
    )
    schedule = build_schedule(workshop)
    rules = {f.rule for f in findings(workshop, schedule) if f.phase == "p1"}
    level = load_level(effort, capacity, caution)
    expected = {"over": "phase-capacity", "near": "phase-near-capacity"}.get(level)
    assert (rules & {"phase-capacity", "phase-near-capacity"}) == ({expected} - {None})
    legend_and_bars = _bar_colours(load_charts(workshop, schedule, [], 400)[0])
    colour = {"over": ERROR, "near": NEAR_BAR, "fine": NEUTRAL_BAR}[level]
    assert legend_and_bars.count(colour) == 2  # the legend's swatch and the phase's bar


def _signed_twice(path: Path) -> Workshop:
    workshop = build([request("r0", "p1")], phases=[phase("p1")])
    older = Signoff(
        department="sales", name="Mette Larsen", at=datetime(2027, 1, 1, tzinfo=UTC),
        fingerprint="sha256:" + "0" * 64,
    )  # fmt: skip
    current = older.model_copy(update={"fingerprint": fingerprint(workshop)})
    workshop = workshop.model_copy(update={"signoffs": (older, current)})
    path.write_text(dumps_workshop(workshop), encoding="utf-8")
    return workshop


def test_a_head_who_signed_again_counts_signed_everywhere(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "signed.bellwether.json"
    workshop = _signed_twice(path)
    heads = approvals(workshop)
    assert [(h.department.id, h.valid, h.stale) for h in heads] == [
        ("sales", True, False),
        ("service", False, False),
        ("finance", False, False),
    ]
    assert status_of(heads).startswith("Approved by 1 of 3")
    window = empty_window(qtbot, tmp_path, monkeypatch)
    assert window.open_path(path)
    assert window.document is not None and window.scene is not None
    window._show_status()
    assert window.status.text().endswith("· 1 signed")
    lane = window.scene.lanes["sales"].face
    assert lane is not None and lane.signed == "✔ signed"


def test_an_edit_of_a_signed_plan_hashes_the_new_plan_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.domain.edits import move_request
    from app.ui import document as module
    from app.ui.document import WorkshopDocument

    _ = qtbot
    document = WorkshopDocument(_signed_twice(tmp_path / "signed.bellwether.json"))
    assert document.analysis.valid_signoffs(document.workshop) == 1
    calls: list[Workshop] = []

    def counted(workshop: Workshop) -> str:
        calls.append(workshop)
        return fingerprint(workshop)

    monkeypatch.setattr(module, "fingerprint", counted)
    moved = move_request(document.workshop, "r0", None)
    assert document.push("Move", moved)
    assert document.analysis.fingerprint == fingerprint(moved)
    assert document.analysis.valid_signoffs(document.workshop) == 0
    assert calls == [moved]
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert document.analysis.fingerprint == fingerprint(moved)


def test_the_pdf_writes_numbers_and_percentages_as_the_board_does_in_each_language() -> None:
    from app.i18n.numbers import number, percent
    from app.report.document import render_pdf
    from app.report.visible import speaking
    from tests.report_helpers import flat, page_texts

    workshop = build([request("r0", "p1", effort=12.25)], phases=[phase("p1", capacity=40)])
    for code, effort, load in (("en", "12.25", "31%"), ("da", "12,25", "31\u00a0%")):
        with speaking(code):
            assert (number(12.25), percent(12.25 / 40)) == (effort, load)
            text = flat(" ".join(page_texts(render_pdf(workshop))))
        assert effort in text, f"{code}: the effort as the card writes it"
        assert flat(load) in text, f"{code}: the load as the load bar writes it"
    assert "12.25" not in text and "12.2 " not in text
