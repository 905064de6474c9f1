"""Leading the eye: bring what a finding concerns into view (in the room view, open its lane),
and let it go when done."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from app.domain.rules import Finding
from app.ui.board.geometry import COLUMN_HEADER_H
from app.ui.board.scene import BoardScene
from app.ui.board.view import BoardView


def finding_area(scene: BoardScene, finding: Finding) -> QRectF | None:
    """The part of the board a finding concerns: its cards, else its lane, else its phase."""
    cards = [scene.card_rect(r) for r in finding.requests if r in scene.cards]
    if cards:
        area = cards[0]
        for rect in cards[1:]:
            area = area.united(rect)
        return area
    layout = scene.layout
    if finding.department is not None and any(
        lane.department == finding.department for lane in layout.lanes
    ):
        lane = layout.lane_of(finding.department)
        return QRectF(0, lane.y, layout.width, lane.height)
    column = next((c for c in layout.columns if c.phase == finding.phase), None)
    if finding.phase is not None and column is not None:
        return QRectF(column.x, layout.top, column.width, layout.height - layout.top)
    return None


def finding_lane(scene: BoardScene, finding: Finding) -> str | None:
    """The department whose lane the room view opens for a finding: the one it names, else
    the department of its first request (None: it concerns a phase only)."""
    if finding.department is not None:
        return finding.department
    workshop = scene.document.workshop
    return next(
        (workshop.request(r).department for r in finding.requests if r in scene.cards), None
    )


def focus_finding(scene: BoardScene, view: BoardView, finding: Finding | None) -> None:
    """Point a board at a finding: in the room view open its lane first, then scroll to it."""
    scene.show_highlight(finding)
    if finding is None:
        return
    lane = finding_lane(scene, finding) if scene.room else None
    if lane is not None:
        scene.open_lane(lane)
    area = finding_area(scene, finding)
    if area is not None:
        bring_into_view(view, area)


def bring_into_view(view: BoardView, area: QRectF) -> None:
    """Scroll so that `area` is in sight below the pinned phase headers (its top, when tall)."""
    zoom = view.zoom or 1.0
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    headers = COLUMN_HEADER_H + 20
    room = QRectF(area)
    if room.height() > shown.height() - headers:
        room.setHeight(max(1.0, shown.height() - headers - 20))
    if room.width() > shown.width():
        room.setWidth(max(1.0, shown.width() - 40))
    view.ensureVisible(room, 20, max(20, round(headers * zoom)))
