"""The board's geometry without Qt: column widths, card slots and where a drop snaps."""

from __future__ import annotations

from app.domain.model import Workshop
from app.ui.board.geometry import (
    BACKLOG_W,
    CARD_W,
    COMPACT_H,
    FOLDED_BACKLOG_W,
    GAP,
    LANE_HEADER_W,
    MIN_COLUMN_W,
    Flow,
    drop_column,
    layout_board,
)
from app.ui.sizes import CARD_H, PROJECTOR_PX_PER_WEEK, PX_PER_WEEK
from tests.conftest import workshop_data


def _workshop(weeks: tuple[int, int] = (4, 12), cards: int = 3) -> Workshop:
    phases = [
        {"id": "p1", "name": "P1", "weeks": weeks[0], "capacity": 10},
        {"id": "p2", "name": "P2", "weeks": weeks[1], "capacity": 10},
    ]
    requests = [
        {"id": f"r{i}", "title": f"R{i}", "department": "sales", "phase": "p2"}
        for i in range(cards)
    ]
    requests.append({"id": "s1", "title": "S1", "department": "service"})
    return Workshop.model_validate(workshop_data(phases=phases, requests=requests))


def test_columns_are_backlog_then_phases_proportional_to_weeks() -> None:
    layout = layout_board(_workshop((4, 12)))
    assert [c.phase for c in layout.columns] == [None, "p1", "p2"]
    assert layout.columns[0].x == LANE_HEADER_W and layout.columns[0].width == BACKLOG_W
    assert layout.columns[1].width == max(MIN_COLUMN_W, 4 * PX_PER_WEEK)
    assert layout.columns[2].width == 12 * PX_PER_WEEK


def test_the_projectors_narrower_weeks_keep_phases_proportional_above_one_card() -> None:
    workshop = _workshop((4, 12))
    layout = layout_board(workshop, week=PROJECTOR_PX_PER_WEEK)
    assert layout.columns[1].width == MIN_COLUMN_W
    assert layout.columns[2].width == 12 * PROJECTOR_PX_PER_WEEK
    assert layout.width < layout_board(workshop).width
    assert layout.cards == layout_board(workshop, week=PROJECTOR_PX_PER_WEEK, previous=layout).cards


def test_short_phase_still_fits_a_card() -> None:
    layout = layout_board(_workshop((1, 1)))
    assert layout.columns[1].width == MIN_COLUMN_W


def test_cards_fill_cells_and_lanes_grow() -> None:
    layout = layout_board(_workshop((4, 4), cards=3))
    xs = {layout.cards[f"r{i}"][0] for i in range(3)}
    assert len(xs) == 1, "a narrow column stacks cards"
    sales, service = layout.lanes
    assert sales.height == 3 * (CARD_H + GAP) + GAP
    assert service.y == sales.y + sales.height
    assert layout.cards["s1"][1] == service.y + GAP


def test_drop_snaps_to_column_under_point_and_refuses_outside() -> None:
    layout = layout_board(_workshop())
    lane = layout.lanes[0]
    inside_y = lane.y + 5
    p2 = layout.columns[2]
    snapped = drop_column(layout, p2.x + 1, inside_y)
    assert snapped is not None and snapped.phase == "p2"
    assert drop_column(layout, p2.x + p2.width + 1, inside_y) is None
    assert drop_column(layout, LANE_HEADER_W - 1, inside_y) is None
    assert drop_column(layout, p2.x + 1, layout.top - 1) is None
    assert drop_column(layout, p2.x + 1, layout.height + 1) is None


def test_order_decides_card_slots() -> None:
    workshop = _workshop(cards=3)
    ordered = layout_board(workshop, order=["r2", "r1", "r0", "s1"])
    assert ordered.cards["r2"][1] < ordered.cards["r0"][1]


def test_card_titles_wrap_into_two_lines_and_break_long_words(qtbot: object) -> None:
    from PySide6.QtGui import QFontMetricsF

    from app.ui.board.card import font
    from app.ui.wrapping import fitted_lines

    metrics = QFontMetricsF(font(13, bold=True))
    width = 120.0
    lines = fitted_lines(
        "Shared customer register for every department in the company", metrics, width
    )
    assert len(lines) == 2
    assert lines[1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    broken = fitted_lines("Tilbudskonfiguratorintegrationsprojekt", metrics, width)
    assert broken[0].endswith("-")
    assert all(metrics.horizontalAdvance(line) <= width for line in broken)
    assert fitted_lines("Short", metrics, width) == ["Short"]
    # Between syllables, as the PDF breaks it; the second line may be wider than the first.
    narrow = metrics.horizontalAdvance("Kampagnesty")
    assert fitted_lines("Kampagnestyring og nyhedsbreve", metrics, 200, narrow)[0] == "Kampagne-"
    wide = fitted_lines("Kundeportal med selvbetjening", metrics, 200, 60)
    assert metrics.horizontalAdvance(wide[1]) > 60 and not wide[1].endswith("…")


def test_a_projector_card_title_takes_three_lines(qtbot: object) -> None:
    from PySide6.QtGui import QFontMetricsF

    from app.ui.board.card import font
    from app.ui.wrapping import fitted_lines

    metrics = QFontMetricsF(font(13, bold=True))
    title = "Shared customer register for every department in the company"
    lines = fitted_lines(title, metrics, 120.0, count=3)
    assert len(lines) == 3 and lines[2].endswith("…")
    assert lines[0] == fitted_lines(title, metrics, 120.0)[0]
    assert not lines[1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= 120.0 for line in lines)
    assert fitted_lines("Fælles kunderegister", metrics, 120.0, count=3) == [
        "Fælles",
        "kunderegister",
    ]


def test_cumulative_benefit_sums_wins_per_week_in_order() -> None:
    from app.domain.schedule import build_schedule, cumulative_benefit

    requests = [
        {"id": "a", "title": "A", "department": "sales", "phase": "p2", "benefit": {"sales": 2}},
        {"id": "b", "title": "B", "department": "sales", "phase": "p1", "benefit": {"sales": 3}},
        {
            "id": "c",
            "title": "C",
            "department": "sales",
            "phase": "p1",
            "benefit": {"sales": 1, "service": 4},
        },
        {"id": "d", "title": "D", "department": "sales", "benefit": {"sales": 50}},
    ]
    workshop = Workshop.model_validate(workshop_data(requests=requests))
    steps = cumulative_benefit(workshop, build_schedule(workshop))
    # p1 ends at week 4, p2 at week 8; wins come weeks_to_benefit (default 2) later.
    assert steps["sales"] == [(6, 4.0), (10, 6.0)]
    assert steps["service"] == [(6, 4.0)]


def test_a_crowded_cell_flows_side_by_side_instead_of_one_tall_stack() -> None:
    layout = layout_board(_workshop((4, 4), cards=6))
    xs = {layout.cards[f"r{i}"][0] for i in range(6)}
    assert len(xs) == 2, "six cards, two across"
    assert layout.lanes[0].height == 3 * (CARD_H + GAP) + GAP
    assert layout.columns[2].width == 2 * (CARD_W + GAP) + GAP
    again = layout_board(_workshop((4, 4), cards=6), previous=layout)
    assert again.cards == layout.cards


def test_the_room_folds_the_other_lanes_and_flows_within_its_width() -> None:
    workshop = _workshop((4, 4), cards=6)
    base = LANE_HEADER_W + BACKLOG_W + 2 * MIN_COLUMN_W
    room = Flow(focus="sales", rows=1, max_width=base + CARD_W + GAP)
    layout = layout_board(workshop, flow=room)
    assert layout.width == room.max_width, "one row would take six across: two fit the wall"
    assert layout.columns[2].width == 2 * (CARD_W + GAP) + GAP
    service = layout_board(workshop, flow=Flow(focus="service"))
    assert service.lanes[0].height == COMPACT_H and not service.is_open("sales")
    open_sales = layout_board(workshop, flow=Flow(focus="sales", rows=2, max_width=1e9))
    assert open_sales.lanes[1].height == COMPACT_H
    assert open_sales.columns[2].width == 3 * (CARD_W + GAP) + GAP, "two rows of three"
    folded = layout_board(workshop, flow=Flow(focus="sales", backlog_folded=True))
    assert folded.columns[0].width == FOLDED_BACKLOG_W
    assert not folded.shows("service", None) and folded.shows("sales", "p2")
    assert not folded.shows("sales", None), "the folded tray shows counts, not cards"
