"""Qt's `tr()` answered from Bellwether's own catalogues (the gettext `.po` files of app.i18n).

`self.tr("Save")` in a class `MainWindow` asks for context "MainWindow": the catalogue's entry
with that `msgctxt` answers, else the entry without a context, else Qt keeps the English. A
counted `self.tr("%n moves", "", n)` takes the language's plural form; Qt puts the number in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

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
            forms = catalog.plural.get((context, source)) or catalog.plural.get((None, source))
            if forms and all(forms):
                return catalog.npgettext(context, source, source, n)
            return None
        return catalog.singular.get((context, source)) or catalog.singular.get((None, source))


_installed: list[CatalogTranslator] = []


def speak(code: str) -> None:
    """Speak ``code`` in the whole app from now on: app.i18n's `_()` and every `tr()`.

    Qt sends every widget a LanguageChange event when the translator is installed again, so
    the windows that listen retranslate at once.
    """
    set_language(code)
    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _installed:
        app.removeTranslator(old)
    _installed[:] = [CatalogTranslator(app)]
    app.installTranslator(_installed[0])
