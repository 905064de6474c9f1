"""The window again, in another language, around the same document.

Every widget of the window was built with its words; rather than teach each one to retranslate,
the window is built anew in the new language and takes over the open document (the same object:
its undo history, file, fingerprint and recovery copy carry on), its place and size, its docks
and presentation mode. The old window lets go of the document and closes without asking to save.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QMainWindow

from app.ui.document import WorkshopDocument
from app.ui.language.translator import speak


class LanguageWindow(Protocol):
    """What a window offers to be built again in another language."""

    def widget(self) -> QMainWindow: ...
    def set_document(self, document: WorkshopDocument) -> None: ...
    def hand_over_document(self) -> WorkshopDocument | None: ...
    def in_presentation(self) -> bool: ...
    def set_presentation(self, on: bool) -> None: ...


W = TypeVar("W", bound=LanguageWindow)

_open: list[object] = []
"""The windows built here: kept alive until they close (nothing else holds them)."""


def rebuild(window: W, code: str, factory: Callable[[], W]) -> W:
    """``window`` built anew in language ``code``; the old one closes."""
    old = window.widget()
    geometry, state = old.saveGeometry(), old.saveState()
    presenting = window.in_presentation()
    maximised = old.isMaximized()
    speak(code)
    fresh = factory()
    document = window.hand_over_document()
    if document is not None:
        fresh.set_document(document)
    widget = fresh.widget()
    widget.restoreGeometry(geometry)
    widget.restoreState(state)
    if presenting:
        fresh.set_presentation(True)
    elif old.isVisible():
        widget.showMaximized() if maximised else widget.show()
    old.close()
    old.deleteLater()
    _open[:] = [w for w in _open if w is not old] + [fresh]
    return fresh
