"""A broken workshop file, and an edit that would break one, are refused in the language spoken.

The place in the file (`requests[3] (id "x").effort`), the field names and the format's name
stay as the file spells them; the sentence around them is Danish or Finnish.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app import cli
from app.domain.edits import EditError, set_votes
from app.domain.model import Workshop
from app.domain.structure import move_phase, remove_department, update_request
from app.i18n import set_language
from tests.conftest import ROOT, workshop_data

Broken = Callable[[dict[str, Any]], None]


def _negative_effort(data: dict[str, Any]) -> None:
    data["requests"][0]["effort"] = -5


def _missing_title(data: dict[str, Any]) -> None:
    del data["requests"][0]["title"]


def _unknown_field(data: dict[str, Any]) -> None:
    data["phases"][0]["colour"] = "red"


def _unknown_department(data: dict[str, Any]) -> None:
    data["requests"][0]["department"] = "legal"


def _two_problems(data: dict[str, Any]) -> None:
    data["requests"][0]["effort"] = "8"
    data["requests"][0]["weeks_to_benefit"] = -1


def _long_description(data: dict[str, Any]) -> None:
    data["requests"][0]["description"] = "x" * 10_001


def _requests() -> list[dict[str, Any]]:
    return [{"id": "crm-mail", "title": "Mail in the CRM", "department": "sales", "effort": 8}]


def _written(path: Path, broken: Broken) -> Path:
    data = workshop_data(requests=_requests())
    broken(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _refusal(path: Path, language: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The one line `check --lang language` prints for the file, without the file's name."""
    assert cli.main(["check", "--lang", language, str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    return lines[0].removeprefix(f"bellwether: {path}: ")


PLACE = 'requests[0] (id "crm-mail")'
SAID: dict[Broken, dict[str, str]] = {
    _negative_effort: {
        "en": f"{PLACE}.effort: must be >= 0, got -5",
        "da": f"{PLACE}.effort: skal være >= 0, fandt -5",
        "fi": f"{PLACE}.effort: on oltava >= 0, löytyi -5",
    },
    _missing_title: {
        "en": f"{PLACE}.title: is required",
        "da": f"{PLACE}.title: skal angives",
        "fi": f"{PLACE}.title: on pakollinen",
    },
    _unknown_field: {
        "en": 'phases[0] (id "p1").colour: unknown field (not part of the bellwether/1 format)',
        "da": 'phases[0] (id "p1").colour: ukendt felt (ikke en del af formatet bellwether/1)',
        "fi": 'phases[0] (id "p1").colour: tuntematon kenttä (ei kuulu bellwether/1-muotoon)',
    },
    _unknown_department: {
        "en": f'{PLACE}.department: unknown department "legal"',
        "da": f'{PLACE}.department: ukendt afdeling "legal"',
        "fi": f'{PLACE}.department: tuntematon osasto "legal"',
    },
    _two_problems: {
        "en": f"{PLACE}.effort: must be a number, got text (and 1 more problem)",
        "da": f"{PLACE}.effort: skal være et tal, fandt tekst (og 1 problem mere)",
        "fi": f"{PLACE}.effort: on oltava luku, löytyi tekstiä (ja 1 muu ongelma)",
    },
    _long_description: {  # no thousands comma where a comma is the decimal sign
        "en": f"{PLACE}.description: must be at most 10,000 characters, got 10,001",
        "da": f"{PLACE}.description: må højst være 10000 tegn, fandt 10001",
        "fi": f"{PLACE}.description: saa olla enintään 10000 merkkiä, löytyi 10001",
    },
}


@pytest.mark.parametrize("language", ["en", "da", "fi"])
@pytest.mark.parametrize("broken", list(SAID), ids=lambda broken: broken.__name__.strip("_"))
def test_a_broken_field_is_named_in_the_language_spoken(
    broken: Broken, language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _written(tmp_path / "broken.bellwether.json", broken)
    before = path.read_bytes()
    assert _refusal(path, language, capsys) == SAID[broken][language]
    assert path.read_bytes() == before


FILE_SAID = {
    '{"format": "bellwether/1",\n  "title": }': {
        "en": "the file is not valid JSON: Expecting value (line 2, column 12)",
        "da": "filen er ikke gyldig JSON: forventede en værdi (linje 2, kolonne 12)",
        "fi": "tiedosto ei ole kelvollista JSONia: odotettiin arvoa (rivi 2, sarake 12)",
    },
    "  \n": {
        "en": "the file is empty: it holds no workshop",
        "da": "filen er tom: den indeholder ingen workshop",
        "fi": "tiedosto on tyhjä: siinä ei ole työpajaa",
    },
    '{"format": "bellwether/1", "title": "T", "x": NaN}': {
        "en": "the file is not valid JSON: NaN is not allowed in a workshop file "
        "(every number must be finite)",
        "da": "filen er ikke gyldig JSON: NaN er ikke tilladt i en workshopfil "
        "(alle tal skal være endelige)",
        "fi": "tiedosto ei ole kelvollista JSONia: NaN ei ole sallittu työpajatiedostossa "
        "(jokaisen luvun on oltava äärellinen)",
    },
    '["a list"]': {
        "en": "the file must hold a JSON object (a workshop), got a list",
        "da": "filen skal indeholde et JSON-objekt (en workshop), fandt en liste",
        "fi": "tiedoston on sisällettävä JSON-objekti (työpaja), löytyi lista",
    },
}


@pytest.mark.parametrize("language", ["en", "da", "fi"])
@pytest.mark.parametrize("text", list(FILE_SAID), ids=["invalid-json", "empty", "nan", "list"])
def test_a_file_that_is_no_workshop_is_refused_in_the_language_spoken(
    text: str, language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.bellwether.json"
    path.write_text(text, encoding="utf-8")
    assert _refusal(path, language, capsys) == FILE_SAID[text][language]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("da", "filen er tom: den indeholder ingen workshop"),
        ("fi", "tiedosto on tyhjä: siinä ei ole työpajaa"),
    ],
)
def test_the_command_line_itself_says_it_in_the_language(
    language: str, said: str, tmp_path: Path
) -> None:
    path = tmp_path / "empty.bellwether.json"
    path.write_bytes(b"")
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", "--lang", language, str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == f"bellwether: {path}: {said}\n"


def _workshop() -> Workshop:
    requests = [*_requests(), {"id": "crm-web", "title": "Web forms", "department": "sales"}]
    return Workshop.model_validate(workshop_data(requests=requests))


def _edit_error(edit: Callable[[], object]) -> str:
    with pytest.raises(EditError) as raised:
        edit()
    return str(raised.value)


def test_the_inspector_hears_an_edit_refused_in_the_language_spoken() -> None:
    workshop = _workshop()
    edits: list[Callable[[], object]] = [
        lambda: update_request(workshop, "crm-mail", effort=-1),
        lambda: update_request(workshop, "crm-mail", colour="red"),
        lambda: remove_department(workshop, "sales"),
        lambda: move_phase(workshop, "p1", -1),
        lambda: set_votes(workshop, "sales", "crm-mail", -1),
    ]
    english = [_edit_error(edit) for edit in edits]
    assert english == [
        "effort: must be >= 0, got -1",
        "colour: cannot be changed here",
        '"Sales" still has 2 requests, among them "Mail in the CRM": '
        "give them to another department or remove them first",
        '"Phase 1" is already the first phase',
        "dots cannot be negative",
    ]
    set_language("da")
    assert [_edit_error(edit) for edit in edits] == [
        "effort: skal være >= 0, fandt -1",
        "colour: kan ikke ændres her",
        '"Sales" har stadig 2 anmodninger, bl.a. "Mail in the CRM": '
        "giv dem til en anden afdeling, eller fjern dem først",
        '"Phase 1" er allerede den første fase',
        "antallet af prikker kan ikke være negativt",
    ]
    set_language("fi")
    finnish = [_edit_error(edit) for edit in edits]
    assert finnish[0] == "effort: on oltava >= 0, löytyi -1"
    assert finnish[2].startswith('Osastolla "Sales" on vielä 2 pyyntöä, muun muassa')
    assert all(said != before for said, before in zip(finnish, english, strict=True))
