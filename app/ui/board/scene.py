"""The board scene: mirrors the document, and hands drops to its controller (controller.py).

On every change the scene recomputes the layout (plain arithmetic) and gives each item its new
face; items whose face and place are unchanged are not touched, so a move at 1,000 requests
repaints a handful of cards, not all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from app.domain.model import Request, Workshop
from app.domain.rules import Finding
from app.ui.board.card import CardFace, CardItem
from app.ui.board.controller import BoardController, drop_before
from app.ui.board.corner import CornerKeyItem
from app.ui.board.drawn import DrawnCards, Highlight, concerned_ids, dots_of, severities_of
from app.ui.board.faces import column_face, lane_faces
from app.ui.board.fold import ROOM_MARGIN, LaneFold, StripLayer
from app.ui.board.geometry import (
    COLUMN_HEADER_H,
    LANE_HEADER_W,
    VISION_H,
    BoardLayout,
    drop_column,
    layout_board,
)
from app.ui.board.headers import ColumnHeaderItem, LaneHeaderItem
from app.ui.board.texts import vision_text
from app.ui.board.vision import VisionItem
from app.ui.document import WorkshopDocument
from app.ui.theme import Theme, department_color, desktop_theme
from app.ui.window import MOVING, BoardMode


def _colors(workshop: Workshop) -> dict[str, str]:
    return {d.id: department_color(workshop, i).name() for i, d in enumerate(workshop.departments)}


class BoardScene(QGraphicsScene):
    """The board for one document."""

    selectedRequestChanged = Signal(str)
    laneOpened = Signal(str)
    """The room view opened another department's lane."""

    def __init__(self, document: WorkshopDocument, theme: Theme | None = None) -> None:
        super().__init__()
        # The BSP index keeps every card's extent, so a paint and a change look at the few
        # cards they touch; without it Qt asks all 1,000 cards (in Python) for their bounds.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.document = document
        self.controller = BoardController(document)
        """Turns drops and keys into the document's commands."""
        self.theme = theme or desktop_theme()
        self.cards: dict[str, CardItem] = {}
        self.columns: list[ColumnHeaderItem] = []
        self.lanes: dict[str, LaneHeaderItem] = {}
        self.layout: BoardLayout = layout_board(
            document.workshop, week=self.theme.week_width, card_h=self.theme.card_height
        )
        self.highlight = Highlight()
        self.fold = LaneFold()
        """The room view's open lane and area (the desktop opens every lane)."""
        self.strips = StripLayer(self, self, self.open_lane)
        self.mode: BoardMode = MOVING
        self._hover: tuple[str, int] | None = None
        self._preview: dict[tuple[str, int], tuple[tuple[str, ...], str | None]] = {}
        self._drawn: DrawnCards | None = None
        self.header_top = VISION_H
        """Where the phase headers stand: lower when the view scrolled down, to stay in sight."""
        # Left of the headers, above the lane names: opaque, like the corner of a frozen pane.
        self._corner = CornerKeyItem(self)
        self._corner.setPos(0, VISION_H)
        self.addItem(self._corner)
        self._vision = VisionItem()
        self.addItem(self._vision)
        self.selectionChanged.connect(self._selection_changed)
        document.changed.connect(self._document_changed)
        self.refresh()

    # --- drawing -------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        """Redraw everything in another theme."""
        self.theme = theme
        for card in self.cards.values():
            card.face = None
        self.refresh()
        self.update()

    def set_mode(self, mode: BoardMode) -> None:
        """Treat clicks and votes as ``mode`` says (moving cards, or voting), and redraw."""
        self.mode = mode
        self.refresh()

    def refresh(self) -> None:
        """Bring every item in line with the document."""
        workshop = self.document.workshop
        self._preview.clear()
        order = self.mode.order(workshop) if self.mode.order is not None else None
        card_h = self.theme.card_height
        flow = self.fold.flow(workshop, self.room, card_h)
        self.layout = layout_board(
            workshop, order, self.layout, self.theme.week_width, card_h, flow
        )
        background = QBrush(self.theme.background)
        if self.backgroundBrush() != background:
            # Setting the brush repaints the whole board, so only when the theme changed.
            self.setBackgroundBrush(background)
            self._corner.setBrush(background)
        self._refresh_vision(workshop)
        self._refresh_lanes(workshop)
        self._refresh_columns(workshop)
        self._refresh_cards(workshop)
        self.strips.refresh(workshop, self.document.analysis, self.layout, _colors(workshop))
        margin = ROOM_MARGIN if self.room else 40.0
        rect = QRectF(0, 0, self.layout.width + margin, self.layout.height + margin)
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    @property
    def room(self) -> bool:
        """True in the room view (presentation mode): lanes fold, one stays open."""
        return self.theme.name == "presentation"

    def set_room_area(self, width: float, height: float) -> None:
        """The board the room view has room for, in scene units: the lanes fold to fit it."""
        if self.fold.area != (width, height):
            self.fold.area = (width, height)
            if self.room:
                self.refresh()

    def open_lane(self, department: str) -> None:
        """Open a department's lane in the room view (the others are summarised)."""
        if self.fold.focused(self.document.workshop) != department:
            self.fold.focus = department
            self.refresh()
            self.laneOpened.emit(department)

    def step_lane(self, step: int) -> None:
        """Open the next (1) or previous (-1) department's lane."""
        department = self.fold.next_lane(self.document.workshop, step)
        if department is not None:
            self.open_lane(department)

    def fold_backlog(self, folded: bool) -> None:
        """Fold the backlog tray to a narrow strip (room view), or open it."""
        if self.fold.backlog_folded != folded:
            self.fold.backlog_folded = folded
            self.refresh()

    def pin_headers(self, top: float) -> None:
        """Keep the phase headers at the view's top edge (`top`, in scene units) once it scrolled
        past them, so that a lane far down the board still shows its phases' names and loads.
        """
        wanted = max(VISION_H, min(top, self.layout.height - COLUMN_HEADER_H))
        if wanted == self.header_top:
            return
        self.header_top = wanted
        self._corner.setY(wanted)
        for item in self.columns:
            item.setY(wanted)
            if item.face is not None:  # a highlighted column still ends at the board's foot
                item.show_face(item.face, item.width, self.layout.height - wanted)

    def _refresh_vision(self, workshop: Workshop) -> None:
        width = max(400.0, self.layout.width - LANE_HEADER_W)
        self._vision.show_text(vision_text(workshop), width, self.theme)

    def _refresh_lanes(self, workshop: Workshop) -> None:
        wanted = {department.id for department in workshop.departments}
        for gone in [d for d in self.lanes if d not in wanted]:
            self.removeItem(self.lanes.pop(gone))
        separators = tuple(column.x + column.width for column in self.layout.columns)
        faces = lane_faces(
            workshop,
            self.document.analysis,
            self.highlight.department,
            separators,
            self.layout.is_open,
        )
        for department, face in zip(workshop.departments, faces, strict=True):
            item = self.lanes.get(department.id)
            if item is None:
                item = self.lanes[department.id] = LaneHeaderItem(self)
                self.addItem(item)
            lane = self.layout.lane_of(department.id)
            item.setPos(0, lane.y)
            item.show_face(face, self.layout.width, lane.height)

    def _refresh_columns(self, workshop: Workshop) -> None:
        while len(self.columns) > len(self.layout.columns):
            self.removeItem(self.columns.pop())
        while len(self.columns) < len(self.layout.columns):
            item = ColumnHeaderItem(self)
            self.columns.append(item)
            self.addItem(item)
        height = self.layout.height - self.header_top
        # Open findings only, as on the cards and in the panel's summary: an accepted one is a
        # decision the committee has taken, not a concern left on the phase.
        on_phase: dict[str, list[str]] = {}
        for finding in self.document.analysis.findings:
            if finding.phase is not None and not finding.accepted:
                on_phase.setdefault(finding.phase, []).append(finding.severity)
        for item, column in zip(self.columns, self.layout.columns, strict=True):
            item.setPos(column.x, self.header_top)
            hovered = (
                self._preview.get(self._hover)
                if self._hover and self._hover[1] == column.index
                else None
            )
            face = column_face(
                workshop,
                self.document.analysis,
                column,
                on_phase.get(column.phase or "", []),
                hovered,
                column.phase is not None and self.highlight.phase == column.phase,
            )
            item.show_face(face, column.width, height)

    def _refresh_cards(self, workshop: Workshop) -> None:
        """Place and draw the cards; after an edit only those it concerns are looked at.

        A theme, department or request-list change visits every card.
        """
        colors = _colors(workshop)
        now = DrawnCards(
            (workshop.departments, self.theme.name, colors),
            workshop.requests,
            severities_of(self.document.analysis.findings),
            dots_of(workshop, colors, self.mode.hidden),
            self.highlight.requests,
        )
        visit = self._cards_to_visit(now)
        if visit is None:
            self._drawn = None  # an id was renamed: start over
            self._refresh_cards(workshop)
            return
        self._drawn = now
        places = self.layout.cards
        for request in visit:
            card = self.cards.get(request.id)
            if card is None:
                card = self.cards[request.id] = CardItem(request.id, self)
                self.addItem(card)
            card.place(*places[request.id])
            card.setVisible(self.layout.shows(request.department, request.phase))
            self._draw_card(card, request, now, colors[request.department])

    def _cards_to_visit(self, now: DrawnCards) -> Iterable[Request] | None:
        """Every request after a wide change, else the few an edit concerns (None: start over)."""
        drawn, requests = self._drawn, now.requests
        if drawn is None or drawn.state != now.state or len(drawn.requests) != len(requests):
            by_id = {request.id: request for request in requests}
            for request_id in [r for r in self.cards if r not in by_id]:
                self.removeItem(self.cards.pop(request_id))
            return requests
        changed = [new for new, old in zip(requests, drawn.requests, strict=True) if new is not old]
        if any(new.id not in self.cards for new in changed):
            return None
        placed = set(self.layout.placed if self.layout.placed is not None else self.cards)
        ids = concerned_ids(drawn, now, changed, placed)
        ids.intersection_update(self.cards)  # a highlight may name a request since removed
        # An unchanged request is the very object its card was drawn from.
        by_id = {request.id: request for request in changed}
        return [
            by_id.get(request_id) or cast(Request, self.cards[request_id].source)
            for request_id in ids
        ]

    def _draw_card(self, card: CardItem, request: Request, now: DrawnCards, color: str) -> None:
        """Give a card its face, unless it already shows exactly these inputs."""
        given = now.dots.get(request.id, ())
        severity = now.severities.get(request.id)
        highlighted = request.id in now.highlighted
        inputs = (given, severity, highlighted, self.theme.name, color)
        if card.source is request and card.inputs == inputs:
            return  # frozen models: the same object is the same request
        card.source, card.inputs = request, inputs
        face = CardFace(
            request.title,
            request.effort,
            sum(request.benefit.values()),
            sum(count for _, count in given),
            given,
            color,
            severity,
            highlighted,
            self.theme.name,
        )
        card.show_face(face, self.theme)

    # --- highlighting and selection -------------------------------------------------------

    def _document_changed(self) -> None:
        """After an edit, point at what the selected finding concerns now, then redraw."""
        self.highlight = self.highlight.following(self.document.analysis.findings)
        self.refresh()

    def show_highlight(self, finding: Finding | None) -> None:
        """Point at the cards, phase and department a finding concerns (None: clear)."""
        self.highlight = Highlight.of(finding)
        self.refresh()

    def selected_request(self) -> str | None:
        """The id of the selected card, if one is selected."""
        for item in self.selectedItems():
            if isinstance(item, CardItem):
                return item.request_id
        return None

    def select_request(self, request_id: str | None) -> None:
        """Select one card (or none) and make it the keyboard focus."""
        self.clearSelection()
        card = self.cards.get(request_id) if request_id else None
        if card is not None:
            card.setSelected(True)
            card.setFocus()

    def _selection_changed(self) -> None:
        self.selectedRequestChanged.emit(self.selected_request() or "")

    # --- dragging ---------------------------------------------------------------------------

    def card_clicked(self, card: CardItem, event: QGraphicsSceneMouseEvent) -> bool:
        """Give voting mode the click first; True when it took it."""
        click = self.mode.click
        return click is not None and click(card.request_id, event)

    def drag_moved(self, card: CardItem, pos: QPointF) -> None:
        """Highlight the column under the cursor and preview what a drop there would do."""
        column = drop_column(self.layout, pos.x(), pos.y())
        hover = (card.request_id, column.index) if column is not None else None
        if hover == self._hover:
            return
        self._hover = hover
        if hover is not None and hover not in self._preview:
            self._preview[hover] = self.drop_preview(
                card.request_id, column.phase if column else None
            )
        self._refresh_columns(self.document.workshop)

    def drag_finished(self, card: CardItem, pos: QPointF) -> None:
        """Snap to the column and the place in its cell under the drop point as one undo
        command, or return home (the cell's order is the plan's unless voting sorts it)."""
        self._hover = None
        column = drop_column(self.layout, pos.x(), pos.y())
        request = self.document.workshop.request(card.request_id)
        moved = False
        if column is not None and self.mode.order is None:
            cell = self.layout.cells.get((request.department, column.index), [])
            rects = [(r, self.card_rect(r)) for r in cell if r != card.request_id]
            moved = self.controller.drop(card.request_id, column.phase, drop_before(rects, pos))
        elif column is not None and column.phase != request.phase:
            moved = self.controller.move(card.request_id, column.phase)
        if not moved:
            self._refresh_columns(self.document.workshop)

    def lane_bounds(self, request_id: str) -> tuple[float, float]:
        """The top and bottom of the lane a request's card is dragged within."""
        lane = self.layout.lane_of(self.document.workshop.request(request_id).department)
        return lane.y, lane.y + lane.height

    def move(self, request_id: str, phase_id: str | None) -> bool:
        """Move a request to a phase (None: the backlog) as one undoable command."""
        pushed = self.controller.move(request_id, phase_id)
        if not pushed:
            self._refresh_columns(self.document.workshop)
        return pushed

    def drop_preview(
        self, request_id: str, phase_id: str | None
    ) -> tuple[tuple[str, ...], str | None]:
        """What dropping here would do, from the rules run on the would-be workshop."""
        return self.controller.preview(request_id, phase_id)

    def card_rect(self, request_id: str) -> QRectF:
        """The card's rectangle in scene coordinates (for tests and scrolling)."""
        return self.cards[request_id].sceneBoundingRect().adjusted(3, 3, -3, -3)

    def cell_rect(self, index: int, department: str) -> QRectF:
        """A column's part of a department's lane (column 0: the backlog), in scene coordinates."""
        column, lane = self.layout.columns[index], self.layout.lane_of(department)
        return QRectF(column.x, lane.y, column.width, lane.height)

    def column_center(self, index: int, department: str) -> QPointF:
        """A point inside the given column and department's lane."""
        column = self.layout.columns[index]
        lane = self.layout.lane_of(department)
        return QPointF(column.x + column.width / 2, lane.y + lane.height / 2)
