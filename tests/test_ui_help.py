"""Help: the menu, the About box, the shortcuts read from the actions, and the shipped guide."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QPixmap, QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app import __license__, __version__
from app.ui.help.feature import AboutDialog, GuideDialog, HelpFeature, ShortcutsDialog
from tests.ui_helpers import shown_window


def _help(window: QObject) -> HelpFeature:
    features = [child for child in window.children() if isinstance(child, HelpFeature)]
    assert len(features) == 1
    return features[0]


def test_help_is_the_last_menu_with_three_entries(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[-1] == "&Help"
    entries = [action.text() for action in _help(window).menu.actions() if action.text()]
    assert entries == ["&User guide", "&Keyboard shortcuts", "&About Bellwether"]
    assert not window.windowIcon().isNull()


def test_the_shortcuts_are_those_of_the_actions(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    dialog = _help(window).open_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.addWidget(dialog)
    rows = {
        dialog.table.topLevelItem(i).text(0): dialog.table.topLevelItem(i).text(1)
        for i in range(dialog.table.topLevelItemCount())
    }
    assert rows["View > Presentation mode"] == "F11"
    assert rows["View > Zoom to fit"] == "Ctrl+0"
    assert rows["Edit > Move card to backlog"] == "Ctrl+B"
    assert "Ctrl+Z" in rows["Edit > Undo"]
    assert rows["Plan > Voting mode"] == "V"  # a feature's own action is listed too
    # A shortcut given to an action later shows the next time the list opens.
    window.presentation_action.setShortcut("Ctrl+Shift+P")
    again = _help(window).open_shortcuts()
    assert again is not None
    qtbot.addWidget(again)
    texts = [again.table.topLevelItem(i).text(1) for i in range(again.table.topLevelItemCount())]
    assert "Ctrl+Shift+P" in texts
    assert "F11" not in texts


def test_about_names_the_version_and_both_licences(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    dialog = _help(window).open_about()
    assert isinstance(dialog, AboutDialog)
    qtbot.addWidget(dialog)
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in labels
    assert __license__ in labels
    assert "Bitstream Vera" in dialog.fonts_licence.toPlainText()


def test_the_guide_opens_with_its_screenshots(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    dialog = _help(window).open_guide()
    assert isinstance(dialog, GuideDialog)
    qtbot.addWidget(dialog)
    document = dialog.browser.document()
    assert "Prepare the workshop from a spreadsheet" in document.toPlainText()
    image = document.resource(
        QTextDocument.ResourceType.ImageResource, QUrl("screenshots/board.png")
    )
    assert isinstance(image, QPixmap)
    assert not image.isNull()


def test_a_missing_guide_is_one_message_not_a_crash(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    monkeypatch.setattr("app.resources.resource_folder", lambda: tmp_path / "nothing")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "show_error", lambda title, text: shown.append((title, text)))
    assert _help(window).open_guide() is None
    assert shown == [("Help", "the shipped file guide/guide.md is missing; reinstall Bellwether")]
