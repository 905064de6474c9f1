"""The command line's export messages: in the language asked for, with the count's plural."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import cli
from app.report.visible import speaking
from tests.builders import raw, request, write_json


def _export(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    with speaking("en"):  # main sets the language; the test's stays English
        code = cli.main([*map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("code", "one", "many"),
    [
        ("en", "plan of 1 request, one row each", "plan of 2 requests, one row each"),
        ("da", "plan med 1 anmodning, én række hver", "plan med 2 anmodninger, én række hver"),
        ("fi", "suunnitelma, 1 pyyntö, yksi rivi", "suunnitelma, 2 pyyntöä, yksi rivi"),
    ],
)
def test_a_sheet_export_counts_its_rows_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, code: str, one: str, many: str
) -> None:
    single = write_json(tmp_path / "one.bellwether.json", raw([request("r1", None)]))
    double = write_json(
        tmp_path / "two.bellwether.json", raw([request("r1", None), request("r2", None)])
    )
    for source, words in ((single, one), (double, many)):
        status, out, err = _export(
            capsys, "--lang", code, "export", source, "-o", tmp_path / "p.csv"
        )
        assert (status, err) == (0, "")
        assert words in out


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("da", ["giv OUT endelsen .pdf, .csv eller .xlsx", "kan ikke skrives"]),
        ("fi", ["anna OUT-tiedostolle pääte .pdf, .csv tai .xlsx", "ei voi kirjoittaa"]),
    ],
)
def test_an_export_refused_says_why_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, code: str, words: list[str]
) -> None:
    source = write_json(tmp_path / "plan.bellwether.json", raw([request("r1", None)]))
    status, _, err = _export(capsys, "--lang", code, "export", source, "-o", tmp_path / "plan.txt")
    assert status == 2 and words[0] in err
    missing = tmp_path / "no-such-folder" / "plan.csv"
    status, _, err = _export(capsys, "--lang", code, "export", source, "-o", missing)
    assert status == 2 and words[1] in err and str(missing) in err
    assert len(err.splitlines()) == 1
