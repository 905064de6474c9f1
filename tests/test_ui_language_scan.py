"""Every menu, action, panel and dialog label of the running app in Danish or Finnish holds none
of the app's English words: a sentence left untranslated shows up here by its words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget, QMenu, QTabWidget, QToolBar
from pytestqt.qtbot import QtBot

from app.i18n import LANGUAGE_NAMES
from app.ui.language.translator import speak
from app.ui.shell.main_window import MainWindow
from tests.ui_helpers import shown_window

ENGLISH = re.compile(
    r"\b(file|edit|view|open|save|quit|recent|zoom|presentation|findings?|inspector|charts?|"
    r"sign(ed|-off)?|export|import|votes?|voting|phases?|departments?|requests?|undo|redo|"
    r"language|plan|new|sample|compare|suggest(ion)?|move|card|column|reveal|hide|show|"
    r"fit|width|help|about|workshop|roadmap|spreadsheet|start|room|the|and|of|to)\b",
    re.IGNORECASE,
)
ALLOWED = {"da": {"plan", "start", "workshop", "import", "export", "zoom"}, "fi": set()}
"""Words Danish writes as English does (a plan, a workshop, zoom ind)."""


def labels(window: MainWindow) -> list[str]:
    """What a person reads on the window's menus, actions, docks, tabs and toolbars."""
    found: list[str] = []

    def menu_texts(menu: QMenu) -> None:
        found.append(menu.title())
        for action in menu.actions():
            if action.menu() is not None:
                menu_texts(action.menu())  # type: ignore[arg-type]
            elif not action.isSeparator():
                found.append(action.text())

    for action in window.menuBar().actions():
        if action.menu() is not None:
            menu_texts(action.menu())  # type: ignore[arg-type]
    for dock in window.findChildren(QDockWidget):
        found.append(dock.windowTitle())
    for tabs in window.findChildren(QTabWidget):
        found += [tabs.tabText(i) for i in range(tabs.count())]
    for bar in window.findChildren(QToolBar):
        found += [a.text() for a in bar.actions() if not a.isSeparator()]
    names = set(LANGUAGE_NAMES.values())
    return [text.replace("&", "") for text in found if text and text not in names]


def english_in(texts: list[str], allowed: set[str]) -> list[str]:
    """The texts that still hold an English app word (beyond the allowed ones)."""
    return [
        text
        for text in texts
        if any(m.group(0).lower() not in allowed for m in ENGLISH.finditer(text))
    ]


@pytest.mark.parametrize("language", ["da", "fi"])
def test_the_window_speaks_the_language_everywhere(
    language: str, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    speak(language)
    window = shown_window(qtbot, tmp_path, monkeypatch)
    texts = labels(window)
    assert len(texts) > 40
    assert english_in(texts, ALLOWED[language]) == []


def test_the_scan_finds_english(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    speak("en")
    window = shown_window(qtbot, tmp_path, monkeypatch)
    assert len(english_in(labels(window), set())) > 30
