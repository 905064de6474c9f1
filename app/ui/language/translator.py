"""Qt's `tr()` answered from Bellwether's own catalogues (the gettext `.po` files of app.i18n).

`self.tr("Save")` in a class `MainWindow` asks for context "MainWindow": the catalogue's entry
with that `msgctxt` answers, else the entry without a context, else Qt keeps the English. A
counted `self.tr("%n moves", "", n)` takes the language's plural form; Qt puts the number in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from app.i18n import language, set_language
from app.i18n.catalog import catalog_for


class CatalogTranslator(QTranslator):
    """Translates every `tr()` of the app into the language app.i18n speaks now."""

    def isEmpty(self) -> bool:
        """Never empty: Qt skips an empty translator."""
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """The translation, or None (Qt's null string) so that Qt keeps the English source."""
        catalog = catalog_for(language())
        if n >= 0:
            return catalog.find_plural(context, source, n)
        return catalog.find(context, source)


_installed: list[QTranslator] = []
QLOCALES = {"da": "da_DK", "fi": "fi_FI"}
"""The Qt locale of each language: what date fields and Qt's own widgets write days with.
English keeps the system's locale (a British or an American user writes days their own way)."""
_SYSTEM = QLocale()


def qt_translator(code: str, parent: QObject) -> QTranslator | None:
    """Qt's own words in ``code`` (standard buttons, file dialogs), from the .qm files PySide6
    ships; None for English or where they are missing."""
    if code == "en":
        return None
    translator = QTranslator(parent)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{code}", folder) else None


def speak(code: str) -> None:
    """Speak ``code`` in the whole app from now on: app.i18n's `_()`, every `tr()` and Qt's own
    dialogs and buttons."""
    set_language(code)
    QLocale.setDefault(_SYSTEM if code == "en" else QLocale(QLOCALES[code]))  # date fields
    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _installed:
        app.removeTranslator(old)
    qt = qt_translator(code, app)
    _installed[:] = [CatalogTranslator(app), *([qt] if qt is not None else [])]
    for translator in reversed(_installed):  # the last installed is asked first
        app.installTranslator(translator)
