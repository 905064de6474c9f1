"""The findings panel's rows: wrapped to the panel's width, measured and painted from caches.

After a finding comes or goes, Qt lays out and repaints the whole list. Wrapping text is what
costs, both to measure a row and to paint it, so both are remembered per text and width.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
)

from app.ui.wrapping import LONG_WORD, soft_hyphenated

DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
FONT_ROLE = Qt.ItemDataRole.FontRole
_REMEMBERED_SIZES = 4096  # rows' measurements kept; a few thousand cost well under a megabyte
_REMEMBERED_ROWS = 160  # rows' pictures kept: a few screens' worth, some 10 MB at most


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the tree's visible width.

    Measurements are remembered: after the rows are laid out anew, Qt measures every row from
    the top of the view down to a row whose text changed. So are the rows' pictures: the style
    draws a row once per look (text, size, state, colours) and repaints stamp that picture.
    """

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        self._sizes: dict[tuple[str, int, bool], QSize] = {}
        self._pictures: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()

    def forget(self) -> None:
        """Measure and draw again from now on: the fonts changed."""
        self._sizes.clear()
        self._pictures.clear()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Stamp the row's picture, drawn by the style the first time the row looks this way."""
        look = QStyleOptionViewItem(option)
        self.initStyleOption(look, index)
        ratio = painter.device().devicePixelRatioF()
        key = _look_key(look, ratio)
        picture = self._pictures.get(key)
        if picture is None:
            picture = self._pictures[key] = _draw_row(look, ratio)
            if len(self._pictures) > _REMEMBERED_ROWS:
                self._pictures.popitem(last=False)
        else:
            self._pictures.move_to_end(key)
        painter.drawPixmap(look.rect.topLeft(), picture)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Measure the text wrapped at the width left after the indentation."""
        depth = 0 if not index.parent().isValid() else 1
        width = max(80, self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - 12)
        text = str(index.data(DISPLAY_ROLE) or "")
        font = index.data(FONT_ROLE)
        # The tree's font is the same for every row until `forget`; a row's own font (the
        # groups' bold) is set only with the theme, which forgets too.
        key = (text, width, font is not None)
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) >= _REMEMBERED_SIZES:
                self._sizes.clear()
            metrics = QFontMetrics(font or option.font)
            bounds = metrics.boundingRect(
                QRect(0, 0, width, 100_000),
                int(Qt.TextFlag.TextWordWrap),
                breakable(text, metrics, width),
            )
            size = self._sizes[key] = QSize(width, bounds.height() + 8)
        return size


def breakable(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` with soft hyphens between the syllables of each word wider than `width`.

    A long compound ("Kundeservicemedarbejderuddannelsesprogram") would otherwise be cut off
    at the panel's edge; now it wraps, with a hyphen where it breaks. Shorter words are left
    alone, so ordinary text wraps between words only.
    """

    def soften(match: re.Match[str]) -> str:
        word = match.group()
        return word if metrics.horizontalAdvance(word) <= width else soft_hyphenated(word)

    return LONG_WORD.sub(soften, text)


_ENABLED = QStyle.StateFlag.State_Enabled
_ACTIVE = QStyle.StateFlag.State_Active
_ROLES = (QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight)


def _look_key(look: QStyleOptionViewItem, ratio: float) -> tuple[object, ...]:
    """Everything the style draws a row from: the palette by the colours it takes for the state."""
    state = look.state
    if not state & _ENABLED:
        group = QPalette.ColorGroup.Disabled
    else:
        group = QPalette.ColorGroup.Active if state & _ACTIVE else QPalette.ColorGroup.Inactive
    palette = look.palette
    background = look.backgroundBrush
    return (
        look.text,
        look.rect.width(),
        look.rect.height(),
        state,
        look.features,
        look.font.bold(),  # the groups' titles; any other font change calls `forget`
        background.style(),
        background.color().rgba(),
        *(palette.color(group, role).rgba() for role in _ROLES),
        ratio,
    )


def _draw_row(look: QStyleOptionViewItem, ratio: float) -> QPixmap:
    """The row as the style draws it, on a transparent picture of the row's size."""
    size = look.rect.size()
    picture = QPixmap(size * ratio)
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    at_origin = QStyleOptionViewItem(look)
    at_origin.rect = QRect(QPoint(0, 0), size)
    at_origin.text = breakable(look.text, QFontMetrics(look.font), size.width() - 12)
    widget = look.widget
    style = widget.style() if widget is not None else QApplication.style()
    painter = QPainter(picture)
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, at_origin, painter, widget)
    painter.end()
    return picture


class WrappingTree(QTreeWidget):
    """A tree whose wrapped rows grow and shrink with the panel's width."""

    def __init__(self) -> None:
        super().__init__()
        self.delegate = WrappingDelegate(self)
        self.setItemDelegate(self.delegate)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Row heights depend on the width: lay the items out again."""
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        """Rows depend on the font (a style sheet sets it for presentation mode) and palette."""
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.PaletteChange,
        ):
            self.delegate.forget()
        super().changeEvent(event)
