"""The Help menu: About Bellwether, Keyboard shortcuts and the user guide.

The shortcuts are read from the window's actions each time the list opens, so it lists exactly
the shortcuts that work now, including those a feature added. The guide is `docs/guide.md`,
shipped in the package as `app/resources/guide/`, and shown with its screenshots.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QUrl, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __license__, __version__
from app.resources import ResourceMissingError, resource_path

if TYPE_CHECKING:
    from app.ui.window import Window

DialogT = TypeVar("DialogT", bound=QDialog)


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(where > what, its shortcuts) for every action of the window that has a shortcut."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()

    def add(action: QAction, place: str) -> None:
        if id(action) in seen or action.isSeparator():
            return
        seen.add(id(action))
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            for child in submenu.actions():
                add(child, f"{place} > {name}" if place else name)
            return
        keys = [key for key in action.shortcuts() if not key.isEmpty()]
        if keys:
            text = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)
            rows.append((f"{place} > {name}" if place else name, text))

    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar):
        for action in menu_bar().actions():
            add(action, "")
    for action in window.findChildren(QAction):
        add(action, "")
    return rows


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, as its actions define them."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        for place, keys in shortcut_rows(window):
            self.table.addTopLevelItem(QTreeWidgetItem([place, keys]))
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(_close_buttons(self))
        self.resize(640, 520)


class AboutDialog(QDialog):
    """The version, the licence, and the licence of the fonts in every PDF."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Bellwether"))
        heading = QLabel(f"<h2>Bellwether {__version__}</h2>")
        summary = QLabel(self.tr("Prioritisation workshops for a steering committee."))
        details = QLabel(self.tr("Licence: %s. Built with Qt %s.") % (__license__, qVersion()))
        fonts = QLabel(self.tr("The PDF is set in DejaVu Sans, under its own licence:"))
        self.fonts_licence = QPlainTextEdit(fonts_licence())
        self.fonts_licence.setReadOnly(True)
        layout = QVBoxLayout(self)
        for widget in (heading, summary, details, fonts, self.fonts_licence):
            layout.addWidget(widget)
        layout.addWidget(_close_buttons(self))
        self.resize(640, 520)


class GuideDialog(QDialog):
    """The user guide with its screenshots, read from the package."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bellwether user guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        guide = resource_path("guide", "guide.md")
        self.browser.setSearchPaths([str(guide.parent)])
        self.browser.setSource(
            QUrl.fromLocalFile(str(guide)), QTextDocument.ResourceType.MarkdownResource
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(_close_buttons(self))
        self.resize(900, 800)


def fonts_licence() -> str:
    """The text of the fonts' licence as shipped."""
    return resource_path("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


class HelpFeature(QObject):
    """The Help menu and its three dialogs; also gives the window its icon."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.widget())
        self.window = window
        main = window.widget()
        icon = QIcon(str(resource_path("icons", "bellwether.svg")))
        main.setWindowIcon(icon)
        if isinstance(app := QGuiApplication.instance(), QGuiApplication):
            app.setWindowIcon(icon)
            app.setDesktopFileName("bellwether")
        self.menu = main.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = self.menu.addAction(self.tr("&User guide"))
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.open_guide)
        self.shortcuts_action = self.menu.addAction(self.tr("&Keyboard shortcuts"))
        self.shortcuts_action.triggered.connect(self.open_shortcuts)
        self.menu.addSeparator()
        self.about_action = self.menu.addAction(self.tr("&About Bellwether"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)

    def open_about(self) -> AboutDialog | None:
        """Show the About box (without blocking)."""
        return self._show(AboutDialog)

    def open_shortcuts(self) -> ShortcutsDialog | None:
        """Show the list of shortcuts (without blocking)."""
        return self._show(ShortcutsDialog)

    def open_guide(self) -> GuideDialog | None:
        """Show the user guide (without blocking)."""
        return self._show(GuideDialog)

    def _show(self, kind: type[DialogT]) -> DialogT | None:
        try:
            dialog = kind(self.window.widget())
        except ResourceMissingError as error:
            self.window.show_error(self.tr("Help"), str(error))
            return None
        dialog.open()
        return dialog


def install_help(window: Window) -> HelpFeature:
    """Add the Help menu to the window, once (last, so it is the menu bar's last menu)."""
    return HelpFeature(window)
