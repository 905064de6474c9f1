"""The roadmap as it is read on paper: the plan on one page, sheets that say what continues
them, request ids wherever a request is named, and marks that survive a black-and-white print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Circle, Polygon, PolyLine, Rect

from app.domain.schedule import build_schedule
from app.report.chart_marks import line_style
from app.report.charts import benefit_charts
from app.report.document import landscape_frame, render_pdf
from app.report.roadmap_columns import OVER_MARK
from tests.report_helpers import (
    changed,
    crm,
    flat,
    overview_index,
    page_texts,
    with_more_requests,
)


@pytest.fixture(scope="module")
def crm_pdf() -> bytes:
    return render_pdf(crm())


def test_the_plan_on_one_page_names_every_department_and_phase(crm_pdf: bytes) -> None:
    workshop = crm()
    texts = page_texts(crm_pdf)
    index = overview_index(crm_pdf)
    assert index == 2, "the overview comes right after the cover"
    overview = flat(texts[index])
    assert "The plan on one page" in overview
    for department in workshop.departments:
        assert department.name in overview
    for number, phase in enumerate(workshop.phases, 1):
        assert f"{number}. {phase.name[:8]}" in overview
    assert "5. Ledelsesinformation live" in overview, "a long name takes a second line, whole"
    assert "first win 22 Feb 2027" in overview
    assert f"{OVER_MARK} over capacity, accepted" in overview
    assert "the 3 roadmap sheets that follow" in overview


def test_every_sheet_says_where_it_sits_and_what_continues_it() -> None:
    pdf = render_pdf(with_more_requests(crm(), 400))
    sheets = [flat(t) for t in page_texts(pdf) if "Roadmap" in t and "sheet " in t]
    count = len(sheets)
    assert count > 3
    for number, text in enumerate(sheets, 1):
        assert f"sheet {number} of {count}" in text
        assert "departments:" in text
        assert "phases " in text
        if number < count:
            assert f"on sheet {number + 1}" in text, text[:300]
        else:
            assert "the last sheet" in text


def test_request_ids_stand_next_to_titles_wherever_a_request_is_named(crm_pdf: bytes) -> None:
    text = flat(" ".join(page_texts(crm_pdf)))
    workshop = crm()
    for request in workshop.requests:
        if request.phase is not None:
            assert request.id in text
    assert "Fælles kunderegister (customer-register)" in text  # the requests table
    roadmap = flat(page_texts(crm_pdf)[overview_index(crm_pdf) + 1])
    assert "customer-register" in roadmap  # the card


def test_a_dependency_on_a_backlog_request_is_marked_where_the_dependent_stands() -> None:
    workshop = crm()
    dependent = next(r for r in workshop.requests if r.depends_on and r.phase is not None)
    needed = dependent.depends_on[0]
    requests = [
        r.model_copy(update={"phase": None}) if r.id == needed else r for r in workshop.requests
    ]
    text = flat(" ".join(page_texts(render_pdf(changed(workshop, requests=requests)))))
    assert f"({needed}) (in the backlog)" in text


def test_benefit_lines_differ_by_dash_and_marker_not_only_by_colour() -> None:
    workshop = crm()
    width = landscape_frame("a4")[1]
    (chart,) = benefit_charts(workshop, build_schedule(workshop), width)
    lines = [c for c in chart.contents if isinstance(c, PolyLine)]
    assert len(lines) == len(workshop.departments)
    dashes = [tuple(line.strokeDashArray or ()) for line in lines]
    kinds = {
        (type(c).__name__, len(getattr(c, "points", ())))
        for c in chart.contents
        if isinstance(c, Circle | Rect | Polygon)
    }
    styles = {line_style(i) for i in range(len(lines))}
    assert len(styles) == len(lines), "no two departments share a dash and a marker"
    assert len(set(dashes)) >= min(len(lines), 8)
    assert len(kinds) >= 4, "the wins are drawn with different marker shapes"
    assert len({line_style(i) for i in range(24)}) == 24


def test_over_capacity_is_marked_in_words_and_a_symbol_not_only_in_red(crm_pdf: bytes) -> None:
    texts = [flat(t) for t in page_texts(crm_pdf)]
    roadmap = texts[overview_index(crm_pdf) + 1]
    assert f"{OVER_MARK} over capacity, accepted" in roadmap
    charts = next(t for t in texts if "Phase load against capacity" in t)
    assert "OVER CAPACITY" in charts
    workshop = crm()
    pdf = render_pdf(changed(workshop, accepted=[]))
    roadmap = flat(page_texts(pdf)[overview_index(pdf) + 1])
    assert f"{OVER_MARK} over capacity" in roadmap
    assert "accepted" not in roadmap.split(OVER_MARK)[2][:30]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("da", ["Udkast: ikke underskrevet", "Planen på én side", "4. jan. 2027", "Køreplan"]),
        ("fi", ["Luonnos: ei allekirjoitettu", "Suunnitelma yhdellä sivulla", "4.1.2027"]),
    ],
)
def test_the_pdf_speaks_the_language_it_is_rendered_in(
    code: str, words: list[str], tmp_path: Path
) -> None:
    from app.i18n import language
    from app.report.verify import verify_pdf
    from app.report.visible import speaking

    with speaking(code):
        pdf = render_pdf(crm())
    text = flat(" ".join(page_texts(pdf)))
    for word in words:
        assert word in text, word
    assert "Draft: not signed" not in text and "page 1 of" not in text
    path = tmp_path / f"{code}.pdf"
    path.write_bytes(pdf)
    assert language() == "en"
    assert verify_pdf(path).problems == (), "verify renders it again in the PDF's language"


APP_WORDS = re.compile(
    r"\b(phases?|requests?|departments?|capacity|findings?|weeks?|signed|sign-offs?|draft|"
    r"page|roadmap|backlog|benefit|effort|person-days|open|accepted|errors?|warnings?|"
    r"cautions?|depends|votes?|dots?|approved|plan|sheet|continued|changes?)\b",
    re.IGNORECASE,
)
ALLOWED_IN = {"da": {"plan", "backlog"}, "fi": set()}
"""App words Danish writes as English does."""


@pytest.mark.parametrize("code", ["da", "fi", "en"])
def test_the_pdf_holds_no_english_app_word(code: str) -> None:
    from app.report.visible import speaking

    workshop = crm()
    with speaking(code):
        text = flat(" ".join(page_texts(render_pdf(workshop))))
    own = [workshop.title, workshop.vision, workshop.organisation or ""]
    own += [d.name for d in workshop.departments] + [d.head for d in workshop.departments]
    own += [d.id for d in workshop.departments] + [p.name for p in workshop.phases]
    own += [p.id for p in workshop.phases] + [a.note for a in workshop.accepted]
    for request in workshop.requests:
        own += [request.title, request.id, request.description]
    for piece in sorted({o for o in own if o}, key=len, reverse=True):
        text = text.replace(flat(piece), " ")
    english = {m.group(0).lower() for m in APP_WORDS.finditer(text)} - ALLOWED_IN.get(code, set())
    if code == "en":  # the scan finds what it looks for
        assert {"phase", "capacity", "draft", "page"} <= english
    else:
        assert not english, english
