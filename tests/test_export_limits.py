"""Every workshop the format accepts exports: to the PDF, the CSV and the XLSX.

The longest vision flows across pages, the longest word breaks, eighty departments starting in
one phase split their table row, and plans generated at the format's limits (every text at its
longest, amounts at the ceiling, the last start the calendar allows) export in all three forms.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.calendar import latest_start
from app.domain.limits import MAX_DOTS
from app.domain.model import MAX_AMOUNT, MAX_WEEKS, TEXT_MAX, TITLE_MAX, Workshop
from app.report.document import render_pdf
from app.report.fonts import REGULAR, text_width
from app.report.hyphenation import hyphenate
from app.storage.spreadsheet import plan_table
from app.storage.spreadsheet.export import plan_csv_bytes, plan_xlsx_bytes
from tests.report_helpers import flat, page_texts, small

pytestmark = pytest.mark.slow

PROSE = "One shared picture of every customer, so that sales and service speak as one. "


def vision(text: str) -> Workshop:
    data = small().model_dump(mode="json")
    data["vision"] = text
    return Workshop.model_validate(data)


def test_the_longest_vision_flows_across_pages() -> None:
    text = (PROSE * 200)[: TEXT_MAX - 3] + "END"
    texts = page_texts(render_pdf(vision(text)))
    assert flat(texts[0]).count("One shared picture") > 20
    assert "END" in flat(texts[1]) or "END" in flat(texts[2])  # the rest is on the next page


@pytest.mark.parametrize("length", [4_000, TEXT_MAX])
def test_the_longest_unbroken_word_breaks_and_exports(length: int) -> None:
    word = "Kundeservice" * (length // 12) + "x" * (length % 12)
    text = "".join(page_texts(render_pdf(vision(word)))[:3])
    assert flat(text).count("Kundeservice") > length // 12 // 2


def _measures(word: str) -> int:
    calls = 0

    def measure(text: str) -> float:
        nonlocal calls
        calls += 1
        return text_width(text, REGULAR, 9.5)

    lines = hyphenate(word, measure, 300)
    assert "".join(line.removesuffix("-") for line in lines) == word
    return calls


def test_breaking_a_long_word_costs_in_proportion_to_its_length() -> None:
    """Counted in measurements, not seconds: ten times the word, about ten times the work."""
    short, long = _measures("Kampagnestyring" * 70), _measures("Kampagnestyring" * 700)
    assert long < 13 * short


def test_eighty_departments_starting_in_one_phase_export() -> None:
    data = small().model_dump(mode="json")
    first = data["phases"][0]["id"]
    for index in range(90):
        data["departments"].append({"id": f"d{index}", "name": f"Department {index}"})
        data["requests"].append(
            {"id": f"q{index}", "title": f"Request {index}", "department": f"d{index}",
             "phase": first, "benefit": {f"d{index}": 1}, "burden": {f"d{index}": 1}}
        )  # fmt: skip
    text = flat("".join(page_texts(render_pdf(Workshop.model_validate(data)))))
    assert "Department 89" in text


def _text(draw: Any, limit: int, seed: str) -> str:
    kind = draw(st.sampled_from(["word", "prose", "short"]))
    if kind == "short":
        return f"{seed} å ø"
    if kind == "word":
        return (seed + "Ledelsesinformation" * (limit // 19 + 1))[:limit]
    return (seed + " " + PROSE * (limit // len(PROSE) + 1))[:limit]


@st.composite
def at_limits(draw: Any) -> Workshop:
    """A workshop with every text at its longest and every number at its ceiling."""
    departments = [
        {"id": f"d{i}", "name": _text(draw, TITLE_MAX, f"D{i}"), "head": _text(draw, 200, "H"),
         "burden_capacity": MAX_AMOUNT, "first_win_weeks": MAX_WEEKS}
        for i in range(draw(st.integers(1, 4)))
    ]  # fmt: skip
    ids = [d["id"] for d in departments]
    phases = [
        {"id": f"p{i}", "name": _text(draw, TITLE_MAX, f"P{i}"), "weeks": MAX_WEEKS,
         "capacity": draw(st.sampled_from([0, MAX_AMOUNT]))}
        for i in range(draw(st.integers(1, 3)))
    ]  # fmt: skip
    requests = [
        {"id": f"r{i}", "title": _text(draw, TITLE_MAX, f"R{i}"), "department": ids[i % len(ids)],
         "description": _text(draw, TEXT_MAX, "x"), "effort": MAX_AMOUNT,
         "benefit": dict.fromkeys(ids, MAX_AMOUNT), "burden": dict.fromkeys(ids, MAX_AMOUNT),
         "weeks_to_benefit": MAX_WEEKS, "depends_on": [f"r{j}" for j in range(i)],
         "phase": draw(st.sampled_from([None, *(p["id"] for p in phases)]))}
        for i in range(draw(st.integers(1, 5)))
    ]  # fmt: skip
    data = {
        "format": "bellwether/1",
        "title": _text(draw, TITLE_MAX, "T"),
        "organisation": _text(draw, TITLE_MAX, "O"),
        "vision": _text(draw, TEXT_MAX, "V"),
        "start": "2027-01-04",
        "settings": {"dots_per_head": 1000, "max_onboarding_per_phase": 1000},
        "departments": departments,
        "phases": phases,
        "requests": requests,
        "votes": {d: {r["id"]: MAX_DOTS for r in requests} for d in ids},
        "accepted": [{"key": _text(draw, 400, "K"), "note": _text(draw, TEXT_MAX, "N")}],
        "attendees": [{"name": _text(draw, TITLE_MAX, "A"), "role": _text(draw, 200, "R")}],
    }
    workshop = Workshop.model_validate(data)
    last = latest_start(workshop)
    start = draw(st.sampled_from([last, date(2027, 1, 4)]))
    return Workshop.model_validate({**data, "start": start.isoformat()})


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workshop=at_limits())
def test_a_workshop_at_the_formats_limits_exports_to_pdf_csv_and_xlsx(workshop: Workshop) -> None:
    pdf = render_pdf(workshop)
    assert pdf.startswith(b"%PDF-") and len(page_texts(pdf)) > 5
    _, rows = plan_table(workshop)
    assert len(rows) == len(workshop.requests)
    assert plan_csv_bytes(workshop).count(b"\n") >= len(workshop.requests)
    assert plan_xlsx_bytes(workshop).startswith(b"PK")
