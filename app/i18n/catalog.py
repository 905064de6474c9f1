"""Reading a language's catalogues: every ``.po`` file in its folder, merged into one lookup."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog as BabelCatalog

COMPILED = ".compiled.json"
"""Each language folder's catalogues merged, as JSON: read in a millisecond, where reading the
`.po` files with Babel takes a quarter of a second. It records the digest of the `.po` files it
was made from and is made again when they change (or never, where the folder is read-only)."""

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

    def find(self, context: str | None, message: str) -> str | None:
        """``message`` translated in ``context``, else without context; None when it is not."""
        return self.singular.get((context, message)) or self.singular.get((None, message))

    def find_plural(self, context: str | None, singular: str, count: int) -> str | None:
        """The form for ``count`` of a counted ``singular`` (in ``context``, else without one);
        None when it is not translated."""
        forms = self.plural.get((context, singular)) or self.plural.get((None, singular))
        if not forms or not all(forms):
            return None
        return forms[min(_plural_index(self.plural_rule, count), len(forms) - 1)]

    def pgettext(self, context: str, message: str) -> str:
        """``message`` translated in ``context``, else without context, else as it is."""
        return self.find(context, message) or message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The plural form for ``count``; English's rule when there is no entry."""
        return self.npgettext(None, singular, plural, count)

    def npgettext(self, context: str | None, singular: str, plural: str, count: int) -> str:
        """The plural form for ``count`` in ``context``, else without context, else English's."""
        found = self.find_plural(context, singular, count)
        if found is not None:
            return found
        return singular if count == 1 else plural

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
    sources = sorted(folder.glob("*.po"))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()
    compiled = _compiled(folder / COMPILED, language, digest)
    if compiled is not None:
        return compiled
    catalog = read_catalogues(language, sources)
    _write_compiled(folder / COMPILED, catalog, digest)
    return catalog


def read_catalogues(language: str, sources: list[Path]) -> Catalog:
    """The ``.po`` files merged, read with Babel (later files win over earlier ones)."""
    catalog = Catalog(language)
    rule = "n != 1"
    for path in sources:
        source = _read(path, language)
        rule = source.plural_expr or rule
        _merge(catalog, source)
    return Catalog(language, catalog.singular, catalog.plural, rule)


def _compiled(path: Path, language: str, digest: str) -> Catalog | None:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        if data["digest"] != digest:
            return None
        singular = {(c, m): t for c, m, t in data["singular"]}
        plural = {(c, m): tuple(forms) for c, m, forms in data["plural"]}
        return Catalog(language, singular, plural, str(data["rule"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_compiled(path: Path, catalog: Catalog, digest: str) -> None:
    data = {
        "digest": digest,
        "rule": catalog.plural_rule,
        "singular": [[c, m, t] for (c, m), t in catalog.singular.items()],
        "plural": [[c, m, list(forms)] for (c, m), forms in catalog.plural.items()],
    }
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:  # a read-only installation: the .po files are read each time instead
        temporary.unlink(missing_ok=True)


def _read(path: Path, language: str) -> BabelCatalog:
    from babel.messages.pofile import read_po

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
