"""The roadmap draws the board's dependency arrows, between the cards each sheet shows."""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.graphics.shapes import Drawing, Group, Path, Rect

from app.domain.links import links_of
from app.domain.model import Workshop
from app.domain.palette import department_color
from app.domain.schedule import build_schedule
from app.report.document import landscape_frame, render_pdf
from app.report.roadmap import roadmap_drawings
from app.report.roadmap_columns import TITLE_H
from app.report.roadmap_layout import layout_roadmap
from app.report.roadmap_links import Box, arrow_ends
from app.report.style import ERROR, MUTED
from tests.builders import build, phase, request
from tests.report_helpers import crm, flat, page_texts


def _shapes(node: object) -> Iterator[object]:
    """Every shape of a drawing, in the order they are painted."""
    for child in getattr(node, "contents", []):
        yield child
        if isinstance(child, Group):
            yield from _shapes(child)


def _sheets(workshop: Workshop) -> list[Drawing]:
    width, height = landscape_frame("a4")
    return roadmap_drawings(workshop, build_schedule(workshop), width, height - 1)


def _arrows(sheet: Drawing) -> list[Path]:
    """The dependency curves of a sheet (not the two in its legend)."""
    top = sheet.height - TITLE_H
    return [s for s in _shapes(sheet) if isinstance(s, Path) and s.points[1] < top]


def _plan() -> Workshop:
    return build(
        [
            request("first", "p1"),
            request("second", "p2", depends_on=["first"]),
            request("early", "p1", department="service", depends_on=["late"]),
            request("late", "p2", department="service"),
            request("waiting", None),
            request("hoping", "p2", depends_on=["waiting"]),
        ],
        phases=[phase("p1"), phase("p2")],
    )


def test_each_dependency_between_cards_on_the_sheet_is_one_arrow_the_wrong_way_in_error() -> None:
    workshop = _plan()
    (sheet,) = _sheets(workshop)
    arrows = _arrows(sheet)
    on_roadmap = [link for link in links_of(workshop) if link.dependency != "waiting"]
    assert len(arrows) == len(on_roadmap) == 2, "the backlog card is not on the roadmap"
    wrong = [a for a in arrows if a.strokeColor == ERROR]
    fine = [a for a in arrows if a.strokeColor == MUTED]
    assert len(wrong) == len(fine) == 1
    assert wrong[0].strokeDashArray, "dashed: it reads without colour too"
    assert not fine[0].strokeDashArray and wrong[0].strokeWidth > fine[0].strokeWidth


def test_an_arrow_runs_from_the_request_to_the_edge_of_the_card_it_depends_on() -> None:
    earlier, later = Box(0, 100, 80, 30), Box(200, 40, 80, 30)
    start, _, _, end = arrow_ends(later, earlier)
    assert (start, end) == ((200.0, 55.0), (80.0, 115.0)), "left edge to the facing right edge"
    above, below = Box(0, 100, 80, 30), Box(0, 60, 80, 30)
    start, first, second, end = arrow_ends(below, above)
    assert (start, end) == ((80.0, 75.0), (80.0, 115.0)), "one above the other: right to right"
    assert first[0] > 80 and second[0] > 80, "bowing out to the right"


def test_the_arrows_pass_beneath_the_cards_so_no_title_is_crossed_out() -> None:
    (sheet,) = _sheets(_plan())
    painted = list(_shapes(sheet))
    last_arrow = max(painted.index(a) for a in _arrows(sheet))
    cards = [i for i, s in enumerate(painted) if isinstance(s, Rect) and s.rx == 1.5]
    assert len(cards) == 5 and min(cards) > last_arrow


def test_the_legend_names_the_arrows_only_when_the_plan_has_dependencies() -> None:
    text = flat(" ".join(page_texts(render_pdf(crm()))))
    assert "depends on depends on a later request" in text
    plain = build([request("a", "p1"), request("b", "p1")], phases=[phase("p1")])
    assert not any(_arrows(sheet) for sheet in _sheets(plain))
    assert "depends on" not in flat(" ".join(page_texts(render_pdf(plain))))


def test_every_crm_dependency_whose_two_cards_share_a_sheet_is_drawn_there() -> None:
    workshop = crm()
    width, height = landscape_frame("a4")
    colors = [department_color(workshop, i) for i in range(len(workshop.departments))]
    layout = layout_roadmap(workshop, build_schedule(workshop), colors, width, height - 1)
    links = links_of(workshop)
    expected = []
    for sheet in layout:
        shown = {p.card.request for b in sheet.bands for row in b.rows for p in row.cards}
        expected.append(sum(1 for k in links if {k.request, k.dependency} <= shown))
    assert [len(_arrows(sheet)) for sheet in _sheets(workshop)] == expected
    assert sum(expected) >= 20, "most of the sample's dependencies are drawn"
