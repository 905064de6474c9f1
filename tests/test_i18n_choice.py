"""Which language Bellwether speaks: `--lang` anywhere on the line, else the system's locale."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app import cli
from app.i18n import language
from app.i18n.choice import (
    inherited_language,
    language_of_locale,
    system_language,
    take_language,
)
from tests.conftest import CRM_SAMPLE, ROOT


@pytest.mark.parametrize(
    ("argv", "chosen", "rest"),
    [
        (["--lang", "da", "check", "F"], "da", ["check", "F"]),
        (["check", "F", "--lang=fi"], "fi", ["check", "F"]),
        (["check", "--lang", "FI", "F", "--lang", "en"], "en", ["check", "F"]),
        (["check", "F"], None, ["check", "F"]),
        (["check", "--", "--lang", "da"], None, ["check", "--", "--lang", "da"]),
    ],
)
def test_lang_is_taken_from_anywhere_on_the_line(
    argv: list[str], chosen: str | None, rest: list[str]
) -> None:
    taken = take_language(argv)
    assert (taken.language, taken.rest, taken.problem) == (chosen, rest, None)


@pytest.mark.parametrize("argv", [["--lang", "sv"], ["check", "--lang"], ["--lang="]])
def test_an_unknown_language_is_refused_naming_the_languages(argv: list[str]) -> None:
    problem = take_language(argv).problem
    assert problem is not None and "en, da, fi" in problem


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "da_DK.UTF-8"}, "da"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "fi_FI.UTF-8"}, "fi"),
        ({"LANG": "fi_FI.UTF-8", "LC_ALL": "da_DK"}, "da"),
        ({"LANG": "sv_SE.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8", "LANGUAGE": "sv:fi:da"}, "fi"),
        ({"LC_ALL": "C.UTF-8", "LANGUAGE": "da"}, "en"),
        ({"LANG": "C"}, "en"),
    ],
)
def test_the_system_language_follows_the_locale(environ: dict[str, str], expected: str) -> None:
    assert system_language(environ) == expected


def test_locale_names_in_every_spelling() -> None:
    assert [language_of_locale(n) for n in ("da-DK", "fi_FI.utf8@euro", "nb_NO", "", None)] == [
        "da",
        "fi",
        None,
        None,
        None,
    ]


def test_a_child_process_speaks_its_parents_language() -> None:
    assert inherited_language({"BELLWETHER_LANG": "fi", "LANG": "da_DK.UTF-8"}) == "fi"
    assert inherited_language({"BELLWETHER_LANG": "xx", "LANG": "da_DK.UTF-8"}) == "da"


def test_cli_sets_the_language_it_was_given(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(CRM_SAMPLE), "--lang", "fi"]) in (0, 1)
    assert language() == "fi"
    assert cli.main(["check", "--lang", "xx", str(CRM_SAMPLE)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "en, da, fi" in err


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["--lang", "no", "check", "F"], ["--lang", "no"]])
def test_the_program_refuses_an_unknown_language_in_one_line(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "main.py", *argv], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "bellwether: --lang: unknown language 'no'; choose one of en, da, fi"
    ]


def test_the_parsers_own_words_speak_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit, match="2"):
        cli.main(["check", "--lang", "da"])
    err = capsys.readouterr().err
    assert "fejl: disse argumenter skal angives: FILE" in err and err.startswith("brug: ")
    with pytest.raises(SystemExit):
        cli.main(["--lang", "fi", "check", "--help"])
    assert "näytä tämä ohje ja lopeta" in capsys.readouterr().out
