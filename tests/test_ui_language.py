"""The app in the chosen language: `tr()` through the catalogues, View > Language at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject
from pytestqt.qtbot import QtBot

from app.domain.edits import move_request
from app.i18n import language
from app.ui.language.feature import LanguageMenu, remembered_language, start_language
from app.ui.language.rebuild import rebuild
from app.ui.language.translator import speak
from app.ui.shell.main_window import MainWindow
from tests.ui_helpers import mark_clean, shown_window


class SuggestionPanel(QObject):
    """Named as the panel whose words the suggest catalogue has."""


def test_tr_reads_the_catalogue_of_the_language_spoken(qtbot: QtBot) -> None:
    speak("da")
    panel = SuggestionPanel()
    assert panel.tr("Apply %n moves", "", 1) == "Anvend 1 flytning"
    assert panel.tr("Apply %n moves", "", 4) == "Anvend 4 flytninger"
    assert panel.tr("No such sentence") == "No such sentence"
    assert QCoreApplication.translate("SomeoneElse", "Department %d votes") == (
        "Department %d votes"
    )
    speak("fi")
    assert panel.tr("Apply %n moves", "", 2).endswith("2 siirtoa")
    speak("en")
    assert panel.tr("Apply %n moves", "", 2) == "Apply 2 moves"


def _menu(window: MainWindow) -> LanguageMenu:
    found = window.findChild(LanguageMenu)
    assert isinstance(found, LanguageMenu)
    return found


def test_view_language_rebuilds_the_window_around_the_same_document(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    document = window.document
    assert document is not None
    workshop = document.workshop
    request = workshop.requests[0]
    document.push("Move", move_request(workshop, request.id, None))
    built: list[MainWindow] = []

    def factory() -> MainWindow:
        fresh = MainWindow()
        qtbot.addWidget(fresh, before_close_func=mark_clean)
        built.append(fresh)
        return fresh

    monkeypatch.setattr(
        "app.ui.shell.main_window.rebuild", lambda w, code, _: rebuild(w, code, factory)
    )
    _menu(window).actions["da"].trigger()
    assert language() == "da" and remembered_language() == "da"
    (fresh,) = built
    assert fresh.document is document and window.document is None
    assert fresh.isVisible() and not window.isVisible()
    assert _menu(fresh).actions["da"].isChecked()
    document.undo_stack.undo()
    assert document.workshop == workshop
    assert fresh.scene is not None and fresh.scene.document is document


def test_the_start_language_is_the_given_then_the_remembered_then_the_systems(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BELLWETHER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("LC_ALL", "fi_FI.UTF-8")
    assert start_language(None) == "fi"
    _ = qtbot
    from app.ui.language.feature import remember_language

    remember_language("da")
    assert start_language(None) == "da"
    assert start_language("en") == "en" and language() == "en"


def test_qt_s_own_buttons_speak_the_language(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    speak("da")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text().replace("&", "") == "Annuller"
    speak("fi")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text().replace("&", "") == "Peru"


@pytest.mark.slow
def test_the_board_is_drawn_in_each_language(tmp_path: Path) -> None:
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    from tests.conftest import CRM_SAMPLE, ROOT

    images = {}
    for code in ("en", "da", "fi"):
        png = tmp_path / f"board-{code}.png"
        env = {"BELLWETHER_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--lang", code, "--screenshot", str(png),
             str(CRM_SAMPLE)],
            capture_output=True, text=True, timeout=120, env={**env, "PATH": "/usr/bin:/bin"},
            check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        images[code] = QImage(str(png))
        assert (images[code].width(), images[code].height()) == (1920, 1080)
    menu = (0, 0, 400, 24)  # File Edit Plan View, in the language's words
    crops = {code: image.copy(*menu) for code, image in images.items()}
    assert crops["en"] != crops["da"] and crops["da"] != crops["fi"] and crops["en"] != crops["fi"]


def test_qt_s_locale_follows_the_language(qtbot: QtBot) -> None:
    from PySide6.QtCore import QLocale

    _ = qtbot
    speak("fi")
    assert QLocale().name() == "fi_FI" and QLocale().dayName(1) == "maanantaina"
    speak("da")
    assert QLocale().dayName(1) == "mandag"
    speak("en")
    assert QLocale().dayName(1) == "Monday"
