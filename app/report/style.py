"""The look of the roadmap PDF: colours, type sizes and the one way text becomes a paragraph.

Every piece of text from a workshop file goes through `para()`, which escapes it, so a title such
as `<b>x</b> & <a href=...>` prints as those characters and never becomes markup or a link. Its
lines are broken by `formatting.wrap`, like the roadmap's cards: reportlab alone would split a
word too long for a table cell with no hyphen ("Kampagnesty" / "ring").
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from app.report.fonts import BOLD, REGULAR, register_fonts
from app.report.formatting import wrap

INK = colors.HexColor("#1f2430")
MUTED = colors.HexColor("#5b6270")
RULE = colors.HexColor("#c9ced6")
SHADE = colors.HexColor("#eef0f3")
ERROR = colors.HexColor("#c62828")
WARNING = colors.HexColor("#a35200")
CAUTION = colors.HexColor("#7a6800")
OK = colors.HexColor("#2a7430")
NEUTRAL_BAR = colors.HexColor("#5b7fa6")
NEAR_BAR = colors.HexColor("#d4a017")

SEVERITY_COLORS = {"error": ERROR, "warning": WARNING, "caution": CAUTION}

register_fonts()

BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=INK)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=9, leading=11.2, textColor=MUTED)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=10.8)
CELL_BOLD = ParagraphStyle("cell-bold", parent=CELL, fontName=BOLD)
CELL_RIGHT = ParagraphStyle("cell-right", parent=CELL, alignment=TA_RIGHT)
HEADER_CELL = ParagraphStyle("header-cell", parent=CELL, fontName=BOLD, textColor=INK)
TITLE = ParagraphStyle("title", parent=BODY, fontName=BOLD, fontSize=26, leading=31)
SUBTITLE = ParagraphStyle("subtitle", parent=BODY, fontSize=13, leading=17, textColor=MUTED)
H1 = ParagraphStyle(
    "h1", parent=BODY, fontName=BOLD, fontSize=16, leading=20, spaceBefore=18, spaceAfter=8
)
H2 = ParagraphStyle(
    "h2", parent=BODY, fontName=BOLD, fontSize=11.5, leading=14.5, spaceBefore=10, spaceAfter=4
)
STATUS = ParagraphStyle("status", parent=BODY, fontName=BOLD, fontSize=14, leading=18)
CENTERED = ParagraphStyle("centered", parent=SMALL, alignment=TA_CENTER)


class Text(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Text printed literally in a style, its lines broken by `formatting.wrap` for the width
    it is given, then set by a reportlab Paragraph (which then has nothing left to break).
    """

    def __init__(self, text: str, style: ParagraphStyle, color: colors.Color | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.color = color
        self._set: tuple[float, Paragraph] | None = None
        self._size: tuple[float, tuple[float, float]] | None = None

    def paragraph(self, width: float) -> Paragraph:
        """The paragraph of the text broken for `width` points (kept for the last width)."""
        if self._set is None or self._set[0] != width:
            style = self.style
            room = width - style.leftIndent - style.rightIndent - 0.01  # float noise never rebreaks
            lines = wrap(self.text, style.fontName, style.fontSize, room)
            markup = "<br/>".join(escape(line) for line in lines)
            if self.color is not None:
                markup = f'<font color="{self.color.hexval()}">{markup}</font>'
            self._set = (width, Paragraph(markup, style))
            self._size = None
        return self._set[1]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """The size of the text set `avail_width` points wide.

        A table measures each cell several times: the lines are set again only for a new width.
        """
        if self._size is None or self._size[0] != avail_width:
            size = self.paragraph(avail_width).wrap(avail_width, avail_height)
            self._size = (avail_width, size)
        self.width, self.height = self._size[1]
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """The text cut between lines where a page ends.

        A table that splits a row offers its cell's whole width, padding included; the text
        keeps the width it was set at, or its parts would be set wider than the cell.
        """
        if self._set is not None and self._set[0] < avail_width:
            avail_width = self._set[0]
        self._size = None  # splitting unsets the paragraph: the next wrap sets it again
        parts: list[Flowable] = self.paragraph(avail_width).split(avail_width, avail_height)
        return parts

    def draw(self) -> None:
        """Draw the paragraph set by the last `wrap`."""
        assert self._set is not None, "wrap() comes before draw()"
        self._set[1].drawOn(self.canv, 0, 0)


def para(text: str, style: ParagraphStyle = BODY, color: colors.Color | None = None) -> Text:
    """A paragraph that prints `text` literally (escaped: never markup, never a link)."""
    return Text(text, style, color)


def labelled(label: str, text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """`label: text` with the label in bold; both are printed literally."""
    return Paragraph(f'<font name="{BOLD}">{escape(label)}</font> {escape(text)}', style)


# Every table names the font, or reportlab would name Helvetica (not embedded) for empty cells.
TABLE_FONT = ("FONT", (0, 0), (-1, -1), REGULAR, 9, 10.8)


def drawing(width: float, height: float) -> Drawing:
    """An empty vector drawing whose default font is the embedded one (not Helvetica)."""
    result = Drawing(width, height)
    result.initialFontName = REGULAR
    result.initialFontSize = 8
    return result


def hex_color(value: str) -> colors.Color:
    """A reportlab colour from `#rrggbb`."""
    return colors.HexColor(value)


def tint(color: colors.Color, amount: float) -> colors.Color:
    """`color` mixed with white: 0 is white, 1 is the colour itself."""
    return colors.Color(
        1 - (1 - color.red) * amount,
        1 - (1 - color.green) * amount,
        1 - (1 - color.blue) * amount,
    )
