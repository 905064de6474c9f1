"""The lanes' win strips: a mark at every win week, drawn where the board is repainted."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from app.ui.board.strips import LaneStripItem
from tests.conftest import CRM_SAMPLE
from tests.ui_helpers import empty_window, open_copy


def _painted(strip: LaneStripItem, exposed: QRectF) -> QImage:
    """The strip painted on a transparent image, with only `exposed` to repaint."""
    bounds = strip.boundingRect()
    image = QImage(int(bounds.right()) + 2, int(bounds.bottom()) + 2, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = exposed
    strip.paint(painter, option, None)
    painter.end()
    return image


def _marked(image: QImage, x: float, color: QColor) -> bool:
    """Whether a win mark in `color` stands at `x` (anywhere down the strip's foot)."""
    return any(
        image.pixelColor(round(x), y).alpha() > 0
        and abs(image.pixelColor(round(x), y).hue() - color.hue()) < 12
        for y in range(image.height())
    )


def test_every_win_has_its_mark_and_a_partial_repaint_draws_the_part_exposed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    open_copy(window, CRM_SAMPLE, tmp_path)
    assert window.scene is not None
    strip = max(window.scene.strips.items.values(), key=lambda s: len(s.face.wins) if s.face else 0)
    face = strip.face
    assert face is not None and len(face.wins) >= 2
    assert list(face.wins) == sorted(face.wins), "left to right: a repaint looks up its part"
    color = QColor(face.color)
    whole = _painted(strip, strip.boundingRect())
    assert all(_marked(whole, x, color) for x in face.wins)
    first, last = face.wins[0], face.wins[-1]
    if last - first < 30:
        pytest.skip("the wins stand too close to expose one without the other")
    part = QRectF(first - 5, 0, 10, strip.height)
    partial = _painted(strip, part)
    assert _marked(partial, first, color), "the exposed win is drawn"
    assert not _marked(partial, last, color), "a win outside the repaint is left alone"
