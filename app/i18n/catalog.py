"""Reading a language's catalogues: every ``.po`` file in its folder, merged into one lookup."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.pofile import read_po

Key = tuple[str | None, str]


@dataclass(frozen=True)
class Catalog:
    """The translations of one language: singular entries, plural entries and the plural rule."""

    language: str
    singular: dict[Key, str] = field(default_factory=dict)
    plural: dict[Key, tuple[str, ...]] = field(default_factory=dict)
    plural_rule: str = "n != 1"

    def gettext(self, message: str) -> str:
        """``message`` translated, or as it is."""
        return self.singular.get((None, message)) or message

    def pgettext(self, context: str, message: str) -> str:
        """``message`` translated in ``context``, else without context, else as it is."""
        return (
            self.singular.get((context, message)) or self.singular.get((None, message)) or message
        )

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The plural form for ``count``; English's rule when there is no entry."""
        return self.npgettext(None, singular, plural, count)

    def npgettext(self, context: str | None, singular: str, plural: str, count: int) -> str:
        """The plural form for ``count`` in ``context``, else without context, else English's."""
        forms = self.plural.get((context, singular)) or self.plural.get((None, singular))
        if not forms or not all(forms):
            return singular if count == 1 else plural
        index = _plural_index(self.plural_rule, count)
        return forms[min(index, len(forms) - 1)]

    def has(self, context: str | None, message: str) -> bool:
        """Whether ``message`` has a translation in ``context`` or without one."""
        keys = ((context, message), (None, message))
        return any(self.singular.get(key) or all(self.plural.get(key, ("",))) for key in keys)


def _plural_index(rule: str, count: int) -> int:
    """Evaluate a gettext ``Plural-Forms`` expression: only ``n != 1`` and ``n > 1`` occur here."""
    if rule.replace(" ", "") in ("n!=1", "(n!=1)"):
        return int(count != 1)
    if rule.replace(" ", "") in ("n>1", "(n>1)"):
        return int(count > 1)
    raise ValueError(f"unsupported plural rule {rule!r}")


def locale_folder(language: str) -> Path:
    """Where the catalogues of ``language`` live inside the package."""
    return Path(str(files("app.i18n") / "locale" / language))


@cache
def catalog_for(language: str) -> Catalog:
    """Every ``.po`` file of ``language`` merged; an empty catalogue for English."""
    folder = locale_folder(language)
    if language == "en" or not folder.is_dir():
        return Catalog(language)
    catalog = Catalog(language)
    rule = "n != 1"
    for path in sorted(folder.glob("*.po")):
        source = _read(path, language)
        rule = source.plural_expr or rule
        _merge(catalog, source)
    return Catalog(language, catalog.singular, catalog.plural, rule)


def _read(path: Path, language: str) -> BabelCatalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=language, abort_invalid=True)


def _merge(into: Catalog, source: BabelCatalog) -> None:
    for message in source:
        if not message.id or message.fuzzy:
            continue
        context = message.context
        if isinstance(message.id, tuple):
            strings = tuple(str(s) for s in message.string or ())
            into.plural[(context, str(message.id[0]))] = strings
        elif message.string:
            into.singular[(context, str(message.id))] = str(message.string)
