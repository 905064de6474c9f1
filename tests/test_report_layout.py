"""The roadmap's geometry: proportional columns, sheets that never overflow, every card once."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.palette import DEPARTMENT_PALETTE, department_color
from app.domain.schedule import build_schedule
from app.report.document import landscape_frame
from app.report.fonts import BOLD, REGULAR, text_width
from app.report.formatting import ELLIPSIS, wrap
from app.report.hyphenation import break_word
from app.report.roadmap_columns import (
    CARD_BAR,
    CARD_PAD,
    CARD_SIZE,
    HEADER_PAD,
    MARKER_H,
    MIN_COLUMN_W,
    TITLE_H,
    fit_widths,
    group_columns,
)
from app.report.roadmap_layout import Lane, Row, layout_roadmap, paginate
from app.report.weeks import date_span, iso_span, week_on
from tests.report_helpers import changed, crm, rejoined, small, with_more_requests


def test_columns_are_proportional_to_weeks_when_they_can_be() -> None:
    widths = fit_widths([4, 8, 12], [84, 84, 84], 600)
    assert sum(widths) == pytest.approx(600, abs=0.01)
    assert widths[1] / widths[0] == pytest.approx(2, rel=1e-3)
    assert widths[2] / widths[0] == pytest.approx(3, rel=1e-3)


def test_a_short_phase_keeps_a_readable_width() -> None:
    widths = fit_widths([1, 30], [84, 84], 600)
    assert widths[0] == 84
    assert sum(widths) == pytest.approx(600, abs=0.01)


def test_a_plan_too_wide_for_a_page_is_not_squeezed() -> None:
    widths = fit_widths([6] * 12, [MIN_COLUMN_W] * 12, 686)
    assert all(width >= MIN_COLUMN_W for width in widths)
    groups = group_columns(widths, 686)
    assert len(groups) > 1
    assert [i for group in groups for i in group] == list(range(12))
    for group in groups:
        assert sum(widths[i] for i in group) <= 686 + 0.01


def _lane(index: int) -> Lane:
    return Lane(index, ("Lane",), ("Head",), "#123456", (), ("no win in this plan",))


def test_pagination_keeps_a_lane_whole_when_it_fits_a_page() -> None:
    rows = [Row((), 40.0)] * 4  # 160 points of cards
    pages = paginate([(_lane(0), rows), (_lane(1), rows)], 300)
    assert [[band.lane.index for band in page] for page in pages] == [[0], [1]]
    assert not any(band.continued for page in pages for band in page)


def test_lanes_are_spread_evenly_so_no_sheet_holds_one_small_lane_after_a_full_one() -> None:
    big, middle, small = [Row((), 40.0)] * 6, [Row((), 40.0)] * 5, [Row((), 40.0)]
    lanes = [(_lane(0), big), (_lane(1), middle), (_lane(2), small)]
    pages = paginate(lanes, 500)  # filled in turn: 0 and 1 on the first sheet, 2 alone
    assert [[band.lane.index for band in page] for page in pages] == [[0], [1, 2]]
    used = [sum(band.height for band in page) for page in pages]
    assert max(used) <= 500 and min(used) / max(used) > 0.75
    four = [(_lane(i), [Row((), 40.0)] * 3) for i in range(4)]
    assert [len(page) for page in paginate(four, 300)] == [2, 2], "no more sheets than needed"


def test_pagination_cuts_a_lane_taller_than_a_page_and_says_so() -> None:
    rows = [Row((), 40.0)] * 20
    pages = paginate([(_lane(0), rows)], 300)
    assert len(pages) > 2
    assert sum(len(band.rows) for page in pages for band in page) == 20
    assert next(band.continued for page in pages for band in page) is False
    assert all(band.continued for page in pages[1:] for band in page)
    for page in pages:
        assert sum(band.height for band in page) <= 300 + 0.01


@pytest.mark.parametrize("extra", [0, 400])
def test_sheets_fit_the_page_and_show_every_request_once(extra: int) -> None:
    workshop = with_more_requests(crm(), extra)
    schedule = build_schedule(workshop)
    width, height = landscape_frame("a4")
    colors = [department_color(workshop, i) for i in range(len(workshop.departments))]
    sheets = layout_roadmap(workshop, schedule, colors, width, height)
    cards = 0
    for sheet in sheets:
        assert sheet.width <= width + 0.01
        used = TITLE_H + sheet.header_height + sum(band.height for band in sheet.bands)
        assert used <= height + 0.01
        cards += sum(len(row.cards) for band in sheet.bands for row in band.rows)
        for band in sheet.bands:
            top = MARKER_H if band.marker else 0
            assert band.height >= top + sum(row.height for row in band.rows) - 0.01
            for placed in (card for row in band.rows for card in row.cards):
                room = placed.width - 2 * CARD_PAD - CARD_BAR
                assert all(
                    text_width(line, REGULAR, CARD_SIZE) <= room for line in placed.card.title
                )
        for column in sheet.columns:
            for line in column.header:
                font = BOLD if line.bold else REGULAR
                assert text_width(line.text, font, line.size) <= column.width - 2 * HEADER_PAD
    assert cards == schedule.scheduled
    assert len(sheets) == 3 if extra == 0 else len(sheets) > 3


def test_wrap_breaks_between_words_and_never_overflows() -> None:
    text = "Ledelsesdashboards for salg, service og økonomi"
    lines = wrap(text, REGULAR, 7, 90)
    assert len(lines) > 1
    assert " ".join(lines) == text
    assert all(text_width(line, REGULAR, 7) <= 90 for line in lines)


def test_wrap_breaks_a_word_too_long_for_a_line_and_after_hyphens() -> None:
    text = "Outlook-integration Kundetilfredshedsmålinger"
    lines = wrap(text, REGULAR, 7, 50)
    assert lines[0] == "Outlook-"  # after the hyphen the title has, with no hyphen added
    assert lines[-1] != "Kundetilfredshedsmålinger"
    assert rejoined(lines, text) == text
    assert all(text_width(line, REGULAR, 7) <= 50 for line in lines)
    assert all(len(line) >= 3 for line in lines)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Kampagnestyring og nyhedsbreve", "Kampagne-", "styring og"),
        ("Fakturasynkronisering med ERP", "Fakturasyn-", "kronisering"),
        ("Ensartede leveringsadresser", "Ensartede", "leverings-"),
        ("GDPR-samtykkeregister", "GDPR-", "samtykke-"),
        # After the "s" that joins a compound, not "Ledelse-" / "sinformation"
        ("Ledelsesinformation og sikkerhedsinstrukser", "Ledelses-", "information og"),
        ("Salgspipelinerne og tilbud", "Salgs-", "pipelinerne og"),  # not "Salgspi-"
    ],
)
def test_a_long_word_is_hyphenated_between_syllables(text: str, first: str, second: str) -> None:
    lines = wrap(text, REGULAR, 7, 52)  # a card in a phase two cards wide
    assert lines[:2] == [first, second]
    assert rejoined(lines, text) == text


def test_a_word_with_a_hyphen_breaks_there_first() -> None:
    # "Outlook-in-" / "tegration" would fit too, and is nearer the middle.
    def measure(text: str) -> float:
        return text_width(text, REGULAR, 7)

    assert measure("Outlook-in-") <= 50 and measure("integration") <= 50
    assert break_word("Outlook-integration", measure, 50) == ("Outlook-", "integration")


def test_wrap_moves_a_word_that_fits_a_line_whole() -> None:
    text = "Fælles indbakke bliver til sager"
    for width in (40, 55, 70):
        assert " ".join(wrap(text, REGULAR, 7, width)) == text


def test_week_numbers_and_dates_are_not_split_inside() -> None:
    start = date(2027, 1, 4)
    lines = wrap(f"ISO weeks {iso_span(start, 42, 53)}", REGULAR, 6.8, 76)
    assert lines == ["ISO weeks", "2027-W43 –", "2028-W01"]  # never "2027-" / "W43"
    assert wrap(date_span(start, 42, 52), REGULAR, 8, 70) == ["25 Oct 2027 –", "2 Jan 2028"]
    assert iso_span(start, 6, 7) == "2027-W07", "a one-week phase names its week once"
    lines = wrap(week_on(start, 34), REGULAR, 8, 60)
    assert lines == ["30 Aug 2027"]  # a day, not a plan week; no-break spaces come back as spaces


TEXTS = [
    *(request.title for request in crm().requests),
    "Kundetilfredshedsmålingsopfølgningsrapporter og ERP/CRM-integrationsprojektet",
    "Rahoitusjärjestelmäintegraatio 2027-W01–W06 https://intranet.example.com/crm",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ 12345678901234567890 a-b-c -- x",
]


@pytest.mark.parametrize("width", [30.0, 45.0, 60.0, 90.0, 130.0])
@pytest.mark.parametrize("font", [REGULAR, BOLD])
def test_every_line_fits_and_every_break_is_marked(font: str, width: float) -> None:
    for text in TEXTS:
        lines = wrap(text, font, 7, width)
        assert all(text_width(line, font, 7) <= width for line in lines), lines
        assert rejoined(lines, text) == " ".join(text.split())


def test_wrap_shortens_with_an_ellipsis_beyond_the_line_limit() -> None:
    lines = wrap("one two three four five six seven eight nine ten", REGULAR, 7, 30, 2)
    assert len(lines) == 2
    assert lines[-1].endswith(ELLIPSIS)


def test_a_department_without_a_colour_takes_the_palette_by_position() -> None:
    workshop = small()
    data = [d.model_dump(mode="json") for d in workshop.departments]
    data[1]["color"] = None
    recoloured = changed(workshop, departments=data)
    assert department_color(recoloured, 0) == workshop.departments[0].color
    assert department_color(recoloured, 1) == DEPARTMENT_PALETTE[1]
