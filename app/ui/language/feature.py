"""View > Language: the app in English, Danish or Finnish, remembered in settings.ini.

Choosing a language rebuilds the window around the same document (its undo history, its file,
its recovery copy), so every menu, panel and card speaks the new language at once; a language
given on the command line (`--lang`) holds for that run and is not remembered.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from app.i18n import LANGUAGE_NAMES, LANGUAGES, language
from app.i18n.choice import language_of_locale, system_language
from app.ui.language.translator import speak
from app.ui.settings import settings

SETTING = "language"


def remembered_language() -> str | None:
    """The language chosen in View > Language on an earlier run, if any."""
    value = settings().value(SETTING, "")
    return value if isinstance(value, str) and value in LANGUAGES else None


def remember_language(code: str) -> None:
    """Keep ``code`` as the app's language for the next runs."""
    settings().setValue(SETTING, code)


def desktop_language() -> str:
    """The system's language: the locale's on Linux, the user's setting on Windows and macOS."""
    if any(os.environ.get(name) for name in ("LC_ALL", "LC_MESSAGES", "LANG")):
        return system_language()
    for name in QLocale.system().uiLanguages():
        code = language_of_locale(name)
        if code is not None:
            return code
    return system_language()


def start_language(given: str | None) -> str:
    """The language the app starts in: `--lang`, else View > Language's, else the system's."""
    code = given or remembered_language() or desktop_language()
    speak(code)
    return code


class LanguageMenu(QObject):
    """The View > Language submenu: one checkable entry per language, in its own name."""

    def __init__(self, menu: QMenu, switch: Callable[[str], None]) -> None:
        super().__init__(menu)
        self.menu = menu.addMenu(self.tr("&Language"))
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = self.menu.addAction(LANGUAGE_NAMES[code])
            action.setCheckable(True)
            action.setChecked(code == language())
            action.setData(code)
            self.group.addAction(action)
            action.triggered.connect(lambda _=False, code=code: switch(code))
            self.actions[code] = action


def install(window: QMainWindow, view_menu: QMenu, rebuild: Callable[[str], object]) -> None:
    """Add View > Language to ``window``; ``rebuild`` shows the window again in a language."""

    def switch(code: str) -> None:
        remember_language(code)
        if code != language():
            rebuild(code)

    LanguageMenu(view_menu, switch)
