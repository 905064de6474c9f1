"""The roadmap PDF: what it says, how it is built, and that it is the same every time."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

import pypdfium2 as pdfium
import pytest
from pypdf.generic import DictionaryObject

from app.domain.fingerprint import fingerprint, short
from app.domain.model import Workshop
from app.domain.rules import findings
from app.report import document
from app.report.document import render_pdf, write_pdf
from app.report.embedding import ATTACHMENT, FINGERPRINT_KEY
from app.report.verify import RoadmapPdfError, read_embedded_workshop
from tests.report_helpers import (
    all_text,
    bare_splits,
    changed,
    cover_text,
    crm,
    flat,
    hyphenated,
    page_texts,
    reader,
    roadmap_index,
    roadmap_text,
    small,
    with_more_requests,
)

MARKUP = '<b>x</b> & <a href="http://127.0.0.1/">y</a>'
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


@pytest.fixture(scope="module")
def crm_pdf() -> bytes:
    """The CRM sample exported once for the module."""
    return render_pdf(crm())


def test_text_has_title_heads_notes_and_fingerprint(crm_pdf: bytes) -> None:
    workshop = crm()
    text = all_text(crm_pdf)
    assert workshop.title in text
    assert workshop.organisation in text
    for department in workshop.departments:
        assert department.head in text, department.head  # "Lærke Højbjerg", "Jørgen Bækgaard"
    for accepted in workshop.accepted:
        assert flat(accepted.note) in text
    assert fingerprint(workshop) in text
    for request in workshop.requests:
        assert flat(request.title) in text, request.title


def test_cover_and_signoff_page_show_the_full_fingerprint(crm_pdf: bytes) -> None:
    texts = page_texts(crm_pdf)
    plan = fingerprint(crm())
    assert f"Plan fingerprint: {plan}" in flat(texts[0])
    assert "Sign-off" in texts[-1]
    assert f"Plan fingerprint: {plan}" in flat(texts[-1])


def test_every_page_has_a_footer_with_page_count_and_short_fingerprint(crm_pdf: bytes) -> None:
    texts = page_texts(crm_pdf)
    for number, text in enumerate(texts, 1):
        assert f"page {number} of {len(texts)}" in text
        assert f"plan {short(fingerprint(crm()))}" in text
        assert crm().title in text


def test_cover_says_draft_and_the_plan_numbers(crm_pdf: bytes) -> None:
    cover = flat(page_texts(crm_pdf)[0])
    assert "Draft: not signed" in cover
    assert "30 scheduled in 6 phases, 7 deferred to the backlog" in cover
    assert "3 Jan 2028 (ISO week 2028-W01), when the last phase goes live" in cover
    assert "around 9 Aug 2027; the earlier, the sooner value arrives" in cover
    assert "Tænk stort, start småt" in cover


def test_the_cover_says_how_to_read_and_check_it_in_plain_words(crm_pdf: bytes) -> None:
    cover = cover_text(crm_pdf)
    assert "`" not in all_text(crm_pdf)  # no Markdown anywhere, on the cover least of all
    assert "stands alone" not in cover
    assert "How to read this roadmap." in cover
    assert "a phase's requests go live at its end" in cover
    assert "check with Bellwether's verify command" in cover
    assert "4 Jan 2027 (ISO week 2027-W01)" in cover


def test_weeks_are_days_and_iso_weeks_never_plan_weeks(crm_pdf: bytes) -> None:
    texts = [flat(text) for text in page_texts(crm_pdf)]
    roadmap = roadmap_text(crm_pdf)
    tables = next(t for t in texts if "Phases and departments" in t)
    assert "Phase 2 · 8 weeks" in roadmap
    assert "ISO weeks 2027-W15–W24" in roadmap
    assert "6 weeks" in roadmap and "ISO 2027-W01–W06" in roadmap  # the narrow columns
    assert "ISO 2027-W07–W14" in roadmap
    assert "+3 wins after the last column" in roadmap
    assert "Weeks Dates ISO weeks" in tables
    assert "8 15 Feb – 11 Apr 2027 2027-W07–W14" in tables
    assert "12 Apr 2027" in tables
    assert not [text for text in texts if re.search(r"plan weeks?", text, re.IGNORECASE)]
    for text in texts:
        assert not re.search(r"(?<!plan )(?<!Plan )weeks \d+–", text), text
        assert not re.search(r"\d{4}-W\d\d – W", text), text  # the old, unlabelled span


LONG = "Kundetilfredshedsmålingsopfølgningsrapporter"


def test_a_long_compound_title_breaks_with_a_hyphen_everywhere() -> None:
    workshop = crm()
    requests = [r.model_dump(mode="json") for r in workshop.requests]
    requests[0]["title"] = LONG  # in the first phase: the narrowest column of the roadmap
    pdf = render_pdf(changed(workshop, requests=requests))
    texts = [flat(text) for text in page_texts(pdf)]
    roadmap, tables = roadmap_text(pdf), next(t for t in texts if "Requests by phase" in t)
    assert hyphenated(LONG, roadmap), roadmap
    assert hyphenated(LONG, tables), tables
    for text in texts:
        assert not bare_splits(LONG, text), text


REPORTED = ["samtykkeregister", "Kampagnestyring", "Webformularer", "Eventtilmelding"]


def test_the_reported_titles_are_hyphenated_not_split(crm_pdf: bytes) -> None:
    text = all_text(crm_pdf)
    for word in [*REPORTED, "Fakturasynkronisering", "introduktionskurser"]:
        assert not bare_splits(word, text), word
    roadmap = roadmap_text(crm_pdf)
    assert "Kampagne- styring og nyhedsbreve" in roadmap
    assert "GDPR- samtykke- register" in roadmap
    assert all(hyphenated(word, roadmap) for word in REPORTED)


def test_the_plan_is_embedded_and_named_in_the_metadata(crm_pdf: bytes) -> None:
    workshop = crm()
    pdf = reader(crm_pdf)
    assert list(pdf.attachments) == [ATTACHMENT]
    metadata = pdf.metadata
    assert metadata is not None
    assert str(metadata[FINGERPRINT_KEY]) == fingerprint(workshop)
    assert metadata.title == workshop.title
    assert metadata.author == workshop.organisation
    assert fingerprint(workshop) in str(metadata.subject)


def test_read_embedded_workshop_gives_back_the_plan(tmp_path: Path, crm_pdf: bytes) -> None:
    path = tmp_path / "roadmap.pdf"
    path.write_bytes(crm_pdf)
    assert read_embedded_workshop(path) == crm()


@pytest.mark.parametrize(
    "content", [b"just some text\n", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", b""]
)
def test_read_embedded_workshop_refuses_what_is_no_roadmap(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "other.pdf"
    path.write_bytes(content)
    with pytest.raises(RoadmapPdfError) as raised:
        read_embedded_workshop(path)
    assert "\n" not in str(raised.value)


def test_page_count_grows_with_the_plan(crm_pdf: bytes) -> None:
    pages = len(reader(crm_pdf).pages)
    assert len(reader(render_pdf(small())).pages) < pages
    bigger = render_pdf(with_more_requests(crm(), 150))
    assert len(reader(bigger).pages) > pages + 3
    assert "Extra request number 149 for the bigger plan" in all_text(bigger)


def _fonts(resources: Any, seen: set[int]) -> list[DictionaryObject]:
    """Every font in a resource dictionary, including those of forms inside it."""
    if resources is None or id(resources) in seen:
        return []
    seen.add(id(resources))
    fonts = [font.get_object() for font in resources.get("/Font", {}).values()]
    for xobject in resources.get("/XObject", {}).values():
        fonts += _fonts(xobject.get_object().get("/Resources"), seen)
    return fonts


def test_every_font_is_embedded(crm_pdf: bytes) -> None:
    fonts: list[DictionaryObject] = []
    for page in reader(crm_pdf).pages:
        fonts += _fonts(page.get("/Resources"), set())
    assert fonts
    for font in fonts:
        descriptor = cast(DictionaryObject, font["/FontDescriptor"].get_object())
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font
        assert "DejaVuSans" in str(font["/BaseFont"])


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_paper_size_as_asked(paper: document.Paper, size: tuple[float, float]) -> None:
    pages = reader(render_pdf(small(), paper)).pages
    shapes = [
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) for p in pages
    ]
    first_sheet = shapes.index((size[1], size[0]))  # the roadmap lies on its side
    assert first_sheet >= 1 and set(shapes[:first_sheet]) == {size}  # the cover stands upright
    assert set(shapes) == {size, (size[1], size[0])}


def test_unknown_paper_is_refused() -> None:
    with pytest.raises(ValueError, match="a4"):
        render_pdf(small(), "a3")  # type: ignore[arg-type]


def test_markup_in_the_file_is_printed_literally_and_makes_no_link() -> None:
    workshop = small()
    departments = [
        d.model_copy(update={"name": MARKUP}) if i == 0 else d
        for i, d in enumerate(workshop.departments)
    ]
    requests = [
        r.model_copy(update={"title": MARKUP}) if i == 0 else r
        for i, r in enumerate(workshop.requests)
    ]
    workshop = changed(
        workshop,
        title=MARKUP,
        organisation=MARKUP,
        vision=MARKUP,
        departments=[d.model_dump(mode="json") for d in departments],
        requests=[r.model_dump(mode="json") for r in requests],
    )
    pdf = render_pdf(workshop)
    assert all_text(pdf).count(MARKUP) >= 5
    for page in reader(pdf).pages:
        assert "/Annots" not in page
    assert b"/URI" not in pdf
    assert b"/Link" not in pdf


def test_two_exports_are_byte_identical(tmp_path: Path, crm_pdf: bytes) -> None:
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    write_pdf(first, crm())
    write_pdf(second, crm())
    assert first.read_bytes() == second.read_bytes() == crm_pdf


@pytest.mark.parametrize("workshop", [small(), crm()], ids=["small", "crm"])
def test_progress_is_reported_up_to_done(workshop: Workshop) -> None:
    calls: list[tuple[int, int]] = []
    render_pdf(workshop, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) > 3
    assert calls[-1][0] == calls[-1][1]
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert all(done < total for done, total in calls[:-1])


def _pixels(pdf: bytes, index: int) -> tuple[bytes, int, int]:
    document_ = pdfium.PdfDocument(pdf)
    try:
        page = document_[index]
        bitmap = page.render(scale=1)
        data = (bytes(bitmap.buffer), bitmap.width, bitmap.n_channels)
        page.close()
    finally:
        document_.close()
    return data


def test_the_roadmap_page_is_drawn_in_the_department_colours(crm_pdf: bytes) -> None:
    data, width, channels = _pixels(crm_pdf, roadmap_index(crm_pdf))
    assert width > 800  # landscape
    inked = sum(1 for value in data[::channels] if value < 200)
    assert inked > len(data) // channels // 30  # far from blank
    colours = {data[i : i + channels] for i in range(0, len(data), channels)}
    for department in crm().departments[:2]:  # the lanes on the first roadmap sheet
        assert department.color is not None
        red, green, blue = (int(department.color[i : i + 2], 16) for i in (1, 3, 5))
        assert bytes((blue, green, red)) in colours, department.name


def test_open_findings_and_accepted_notes_are_in_decisions(crm_pdf: bytes) -> None:
    workshop = crm()
    text = all_text(crm_pdf)
    assert "Decisions and risks" in text
    for finding in findings(workshop):
        assert flat(finding.message) in text, finding.key


def test_attendees_are_listed_only_when_there_are_some() -> None:
    workshop = small()
    assert "Attendees" not in all_text(render_pdf(workshop))
    attendees = [
        {"name": "Ülle Õunapuu", "role": "Facilitator"},
        {"name": "Ζωή Παπαδοπούλου", "role": "Project lead", "department": "sales"},
        {"name": "Анна Шевченко", "role": "Observer"},
    ]
    text = all_text(render_pdf(changed(workshop, attendees=attendees)))
    assert "Attendees" in text
    for person in attendees:
        assert person["name"] in text
