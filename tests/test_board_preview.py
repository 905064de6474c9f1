"""A drag's preview is the drop's analysis: worked out once, incrementally, kept for the drop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from app.domain.edits import place_request, set_votes
from app.domain.rule_update import rule_pass
from app.domain.rules import findings
from app.domain.schedule import build_schedule
from app.i18n.numbers import number, percent
from app.report.visible import speaking
from app.ui import document as document_module
from app.ui.board.controller import BoardController
from app.ui.document import Analysis, WorkshopDocument
from app.ui.shell.main_window import MainWindow
from tests.conftest import CRM_SAMPLE
from tests.test_board_order import cell_of, crowded
from tests.ui_helpers import drag, empty_window, open_copy


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every pass of the rules the document module makes after the test clears it: whether it
    was incremental (handed the previous pass)."""
    made: list[bool] = []
    real = rule_pass

    def counted(*args: object, **kwargs: object) -> object:
        made.append(len(args) > 2 and args[2] is not None)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(document_module, "rule_pass", counted)
    return made


def _document() -> WorkshopDocument:
    from app.storage.workshop_file import load_workshop

    return WorkshopDocument(load_workshop(CRM_SAMPLE))


def _backlog_move(document: WorkshopDocument) -> tuple[str, str]:
    """A backlog request and a phase to drop it into."""
    workshop = document.workshop
    request = next(r for r in workshop.requests if r.phase is None)
    return request.id, workshop.phases[0].id


def test_the_preview_counts_what_the_full_rules_find_on_the_would_be_plan(
    passes: list[bool],
) -> None:
    document = _document()
    passes.clear()
    request_id, phase_id = _backlog_move(document)
    lines, _ = BoardController(document).preview(request_id, phase_id)
    after = place_request(document.workshop, request_id, phase_id, None)
    before = {f.key for f in findings(document.workshop)}
    found = {f.key for f in findings(after)}
    assert f"Findings: +{len(found - before)}\u00a0−{len(before - found)}" in lines
    effort = build_schedule(after).phases[phase_id].effort
    capacity = after.phase(phase_id).capacity
    assert lines[0].startswith(f"Load {number(effort)} / {number(capacity)} ")
    assert lines[0].endswith(f"({percent(effort / capacity)})")
    assert passes == [True], "one incremental pass, no second rules path"


def test_a_drop_the_preview_saw_takes_its_analysis_and_runs_no_rules_again(
    passes: list[bool],
) -> None:
    document = _document()
    passes.clear()
    controller = BoardController(document)
    request_id, phase_id = _backlog_move(document)
    controller.preview(request_id, phase_id)
    kept = controller._would_be(request_id, phase_id)
    assert controller.drop(request_id, phase_id, None)
    assert document.analysis is kept and document.workshop is kept.workshop
    assert len(passes) == 1
    assert {f.key for f in document.analysis.findings} == {
        f.key for f in findings(document.workshop)
    }
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert document.workshop == kept.workshop and len(passes) == 3, "undo and redo analyse anew"


def test_a_drop_elsewhere_in_the_cell_is_analysed_on_its_own_plan(passes: list[bool]) -> None:
    document = _document()
    passes.clear()
    controller = BoardController(document)
    department, phase_id, cell = crowded(document.workshop)
    mover = next(
        r.id for r in document.workshop.requests if r.department == department and r.phase is None
    )
    controller.preview(mover, phase_id)
    assert controller.drop(mover, phase_id, cell[0])
    assert cell_of(document.workshop, department, phase_id) == [mover, *cell]
    assert document.analysis.workshop is document.workshop
    assert len(passes) == 2, "the preview's plan had the card last: this one is analysed anew"


def test_a_preview_from_before_another_edit_is_not_handed_over(passes: list[bool]) -> None:
    document = _document()
    passes.clear()
    controller = BoardController(document)
    request_id, phase_id = _backlog_move(document)
    controller.preview(request_id, phase_id)
    stale = controller._would_be(request_id, phase_id)
    other = next(r.id for r in document.workshop.requests if r.id != request_id)
    voter = document.workshop.departments[0].id
    assert document.push("Vote", set_votes(document.workshop, voter, other, 1))
    assert controller.drop(request_id, phase_id, None)
    assert document.analysis is not stale
    assert dict(document.workshop.votes) == dict(document.analysis.workshop.votes)
    assert document.workshop.votes, "the vote cast during the drag is kept"


def test_the_preview_speaks_the_language_of_the_board() -> None:
    document = _document()
    request_id, phase_id = _backlog_move(document)
    with speaking("da"):
        lines, _ = BoardController(document).preview(request_id, phase_id)
        same, _ = BoardController(document).preview(request_id, None)
    assert lines[0].startswith("Belastning ")
    assert "\u00a0%)" in lines[0], "Danish writes 86 %, with a space"
    assert same == ("Slip her: ingen ændring",)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.resize(1600, 1000)
    window.show()
    open_copy(window, CRM_SAMPLE, tmp_path)
    qtbot.waitExposed(window)
    return window


def test_dragging_a_card_to_the_end_of_a_cell_runs_the_rules_once_per_column_crossed(
    window: MainWindow, passes: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    scene, view, document = window.scene, window.view, window.document
    assert scene is not None and view is not None and document is not None
    department, phase_id, cell = crowded(document.workshop)
    mover = next(
        r.id for r in document.workshop.requests if r.department == department and r.phase is None
    )
    index = next(c.index for c in scene.layout.columns if c.phase == phase_id)
    passes.clear()
    seen: list[Analysis] = []
    would_be = scene.controller._would_be

    def kept(request_id: str, phase: str | None) -> Analysis:
        seen.append(would_be(request_id, phase))
        return seen[-1]

    monkeypatch.setattr(scene.controller, "_would_be", kept)
    target = scene.cell_rect(index, department)
    end = target.bottomRight() - QPointF(12, 12)
    view.ensureVisible(target)
    view.ensureVisible(scene.card_rect(mover))
    drag(view, scene.card_rect(mover).center(), end, steps=1)
    assert cell_of(document.workshop, department, phase_id) == [*cell, mover]
    assert document.analysis in seen, "the drop took the preview's analysis"
    assert passes == [True] * len(seen), "one incremental pass per column previewed, none more"


def test_edits_held_together_tell_the_views_once_unless_the_plan_is_signed(
    qtbot: QtBot,
) -> None:
    from datetime import UTC, datetime

    from app.domain.edits import sign

    _ = qtbot
    document = _document()
    told: list[int] = []
    document.changed.connect(lambda: told.append(len(document.workshop.votes)))
    heads = [d.id for d in document.workshop.departments]
    request_id = document.workshop.requests[0].id
    with document.held():
        for head in heads[:3]:
            assert document.push("Vote", set_votes(document.workshop, head, request_id, 1))
        assert told == [], "nothing is told while held"
    assert len(told) == 1 and document.undo_stack.count() == 3
    assert document.analysis.workshop is document.workshop
    signed = sign(document.workshop, heads[0], "Mette", datetime(2027, 1, 1, tzinfo=UTC))
    assert document.push("Sign", signed)
    told.clear()
    with document.held():
        assert document.push("Vote", set_votes(document.workshop, heads[1], request_id, 2))
        assert len(told) == 1, "a signed plan is told at once: its sign-offs may go stale"
