"""The roadmap PDF as a whole: page templates, footer, the order of the sections, the file.

`render_pdf` is pure (a workshop in, bytes out) and knows no Qt, so the GUI can call it from a
worker thread on a copy of the workshop and show `progress`. The same workshop always gives the
same bytes: reportlab runs in invariant mode, the dates come from the plan, and the embedded
file and metadata are added deterministically (see `embedding.py`).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from app import __version__
from app.domain.fingerprint import fingerprint, short
from app.domain.metrics import metrics
from app.domain.model import Workshop
from app.domain.rules import findings
from app.domain.schedule import build_schedule
from app.i18n import _
from app.report.changes import changes_section
from app.report.charts import benefit_charts, load_charts
from app.report.cover import cover
from app.report.decisions import decisions
from app.report.embedding import creation_moment, embed_plan
from app.report.failure import render_error
from app.report.fonts import BOLD, REGULAR
from app.report.formatting import fit
from app.report.overview import overview_drawing
from app.report.roadmap import roadmap_drawings
from app.report.signoff import signoff_section
from app.report.style import H1, H2, MUTED, RULE, para
from app.report.tables import backlog_table, departments_table, phases_table, requests_tables
from app.storage.atomic import atomic_write

Paper = Literal["a4", "letter"]
Progress = Callable[[int, int], None]
PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
MARGIN = 40.0
LANDSCAPE_MARGIN = 35.0  # at least 12 mm (34 pt), inside what office printers print
FOOTER_Y = 36.0  # the footer's baseline: its descenders stay 12 mm from the edge


def footer_plan(short_plan: str) -> str:
    """What the footer says of the plan, in the language spoken now."""
    return _("plan {short}").format(short=short_plan)


@dataclass(frozen=True, slots=True)
class Footer:
    """What every page's footer says."""

    title: str
    plan: str

    @property
    def plan_words(self) -> str:
        """`plan 5abba2b2de54`: the short fingerprint, which verify finds in every footer."""
        return footer_plan(short(self.plan))

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        """Title on the left, the short fingerprint in the middle, "page N of M" on the right."""
        width = canvas._pagesize[0]
        margin = MARGIN if width < canvas._pagesize[1] else LANDSCAPE_MARGIN
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(margin, FOOTER_Y + 10, width - margin, FOOTER_Y + 10)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 7.5)
        canvas.drawString(margin, FOOTER_Y, fit(self.title, REGULAR, 7.5, width / 2 - margin - 70))
        canvas.drawCentredString(width / 2, FOOTER_Y, self.plan_words)
        canvas.setFont(BOLD, 7.5)
        page_words = _("page {page} of {pages}").format(page=page, pages=pages)
        canvas.drawRightString(width - margin, FOOTER_Y, page_words)
        canvas.restoreState()


class _FooterCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Holds the pages back until the end, so each footer can say how many pages there are."""

    def __init__(self, *args: Any, footer: Footer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        """Hold the finished page back instead of writing it."""
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Write every held page with its footer, now that their number is known."""
        for state in self._held:
            self.__dict__.update(state)
            self._footer.draw(self, self._pageNumber, len(self._held))
            Canvas.showPage(self)
        Canvas.save(self)


def portrait_frame(paper: Paper) -> tuple[float, float]:
    """The width and height of the text area of a portrait page."""
    width, height = PAPERS[paper]
    return width - 2 * MARGIN, height - MARGIN - (FOOTER_Y + 22)


def landscape_frame(paper: Paper) -> tuple[float, float]:
    """The width and height of the drawing area of a landscape (roadmap) page."""
    width, height = landscape(PAPERS[paper])
    return width - 2 * LANDSCAPE_MARGIN, height - LANDSCAPE_MARGIN - (FOOTER_Y + 18)


def _frame(name: str, margin: float, bottom: float, size: tuple[float, float]) -> Frame:
    return Frame(
        margin,
        bottom,
        size[0],
        size[1],
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _template(buffer: io.BytesIO, paper: Paper, workshop: Workshop, plan: str) -> BaseDocTemplate:
    upright, wide = PAPERS[paper], landscape(PAPERS[paper])
    doc = BaseDocTemplate(
        buffer,
        pagesize=upright,
        invariant=1,
        pageCompression=1,
        title=workshop.title,
        author=workshop.organisation,
        subject=_("Rollout roadmap, plan {plan}").format(plan=plan),
        keywords=[plan],
        creator=f"Bellwether {__version__}",
        initialFontName=REGULAR,  # else every page names Helvetica, a font that is not embedded
        initialFontSize=9,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                "portrait",
                [_frame("portrait", MARGIN, FOOTER_Y + 22, portrait_frame(paper))],
                pagesize=upright,
            ),
            PageTemplate(
                "landscape",
                [_frame("landscape", LANDSCAPE_MARGIN, FOOTER_Y + 18, landscape_frame(paper))],
                pagesize=wide,
            ),
        ]
    )
    return doc


def build_story(
    workshop: Workshop, plan: str, paper: Paper, baseline: Workshop | None = None
) -> list[Flowable]:
    """Every section in reading order: cover, overview, roadmap, charts, decisions, (changes
    against `baseline`), tables, sign-off."""
    schedule = build_schedule(workshop)
    found = findings(workshop, schedule)
    measured = metrics(workshop, schedule)
    width = portrait_frame(paper)[0]
    wide, high = landscape_frame(paper)
    story: list[Flowable] = cover(workshop, (schedule, measured, found), plan, width)
    story += [NextPageTemplate("landscape"), PageBreak()]
    sheets = roadmap_drawings(workshop, schedule, wide, high - 1)
    story += [overview_drawing(workshop, schedule, wide, high - 1, len(sheets)), PageBreak()]
    for sheet in sheets[:-1]:
        story += [sheet, PageBreak()]
    story += [sheets[-1], NextPageTemplate("portrait"), PageBreak()]
    story += [para(_("Charts"), H1), para(_("Phase load against capacity"), H2)]
    story += load_charts(workshop, schedule, found, width)
    story += [
        para(_("Benefit over time, per department"), H2),
        *benefit_charts(workshop, schedule, width),
    ]
    story += [PageBreak(), *decisions(workshop, found, width)]
    if baseline is not None:
        story += [PageBreak(), *changes_section(baseline, workshop, found, width)]
    story += [PageBreak(), para(_("Phases and departments"), H1)]
    story += phases_table(workshop, measured, width) + departments_table(workshop, measured, width)
    story += [PageBreak(), *requests_tables(workshop, schedule, width)]
    story += backlog_table(workshop, width)
    story += [PageBreak(), *signoff_section(workshop, plan, width)]
    return story


def render_pdf(
    workshop: Workshop,
    paper: Paper = "a4",
    progress: Progress | None = None,
    baseline: Workshop | None = None,
) -> bytes:
    """The roadmap PDF of `workshop` as bytes; `progress(done, total)` is called as it renders.

    With a `baseline` (the plan as the meeting opened it) the PDF has a section on what changed
    against it, and carries the baseline too, so `verify` can check that section.

    Pure and free of Qt: safe to run on a worker thread with a copy of the workshop. A fault
    while laying it out raises RenderError, whose message is for the user.
    """
    if paper not in PAPERS:
        raise ValueError(f'paper must be "a4" or "letter", got "{paper}"')
    plan = fingerprint(workshop)
    try:
        story = build_story(workshop, plan, paper, baseline)
        total = len(story) + 1
        buffer = io.BytesIO()
        doc = _template(buffer, paper, workshop, plan)
        if progress is not None:
            doc.setProgressCallBack(_reporter(progress, total))
        footer = Footer(workshop.title, plan)
        doc.build(story, canvasmaker=lambda *a, **kw: _FooterCanvas(*a, footer=footer, **kw))
        pdf = embed_plan(buffer.getvalue(), workshop, plan, creation_moment(workshop), baseline)
    except MemoryError:
        raise  # told by the caller as what it is: not enough memory for this plan
    except Exception as failure:  # a renderer fault: one plain line, never reportlab's internals
        raise render_error(failure) from failure
    if progress is not None:
        progress(total, total)
    return pdf


def _reporter(progress: Progress, total: int) -> Callable[[str, int], None]:
    done = 0

    def report(kind: str, value: int) -> None:
        """reportlab's progress events to `progress(done, total)`, never going back.

        reportlab counts the flowables handled so far, and a section kept together that moves
        to the next page comes back as its parts, so its count can step back by one.
        """
        nonlocal done
        if kind == "PROGRESS" and value > done:
            done = min(value, total - 1)
            progress(done, total)

    return report


def write_pdf(
    path: Path,
    workshop: Workshop,
    paper: Paper = "a4",
    progress: Progress | None = None,
    baseline: Workshop | None = None,
) -> None:
    """Render and write the PDF atomically: a failed export leaves `path` as it was.

    Raises OSError (with the reason) when the file cannot be written.
    """
    atomic_write(path, render_pdf(workshop, paper, progress, baseline))
