"""The catalogues: every language's .po files merge into one lookup that the app's ``_()`` reads."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import i18n
from app.i18n import _, ngettext, set_language


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    set_language("en")


def test_english_is_the_source_language() -> None:
    set_language("en")
    assert _("request") == "request"
    assert ngettext("{count} request", "{count} requests", 3) == "{count} requests"


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [
        ("da", "{count} anmodning", "{count} anmodninger"),
        ("fi", "{count} pyyntö", "{count} pyyntöä"),
    ],
)
def test_counted_phrases_take_the_languages_plural(language: str, one: str, three: str) -> None:
    set_language(language)
    assert ngettext("{count} request", "{count} requests", 1) == one
    assert ngettext("{count} request", "{count} requests", 3) == three


def test_a_message_without_an_entry_stays_english() -> None:
    set_language("da")
    assert _("no such sentence anywhere") == "no such sentence anywhere"


def test_an_unknown_language_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="en, da, fi"):
        set_language("sv")
    assert i18n.language() == "en"


def test_the_compiled_catalogue_says_what_the_po_files_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.i18n import catalog as module

    folder = tmp_path / "da"
    shutil.copytree(module.locale_folder("da"), folder, ignore=shutil.ignore_patterns(".comp*"))
    monkeypatch.setattr(module, "locale_folder", lambda language: folder)
    module.catalog_for.cache_clear()
    try:
        read = module.catalog_for("da")
        assert (folder / module.COMPILED).is_file()
        module.catalog_for.cache_clear()
        monkeypatch.setattr(module, "_read", lambda *a: pytest.fail("the .po files were read"))
        assert module.catalog_for("da") == read
        with (folder / "core.po").open("a", encoding="utf-8") as po:
            po.write('\nmsgid "Brand new"\nmsgstr "Helt ny"\n')
        monkeypatch.undo()
        monkeypatch.setattr(module, "locale_folder", lambda language: folder)
        module.catalog_for.cache_clear()
        assert module.catalog_for("da").gettext("Brand new") == "Helt ny"
    finally:
        module.catalog_for.cache_clear()


def test_a_read_only_installation_reads_the_po_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.i18n import catalog as module

    folder = tmp_path / "fi"
    shutil.copytree(module.locale_folder("fi"), folder, ignore=shutil.ignore_patterns(".comp*"))
    monkeypatch.setattr(module, "locale_folder", lambda language: folder)

    def refused(*args: object) -> None:
        raise PermissionError("read-only file system")

    monkeypatch.setattr(os, "replace", refused)  # root writes past a chmod
    module.catalog_for.cache_clear()
    try:
        assert module.catalog_for("fi").gettext("week {number}") == "viikko {number}"
        assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(".po")) == []
    finally:
        module.catalog_for.cache_clear()
