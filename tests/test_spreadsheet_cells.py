"""Single cells and file formats: numbers, points, header folding, delimiters, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.ids import id_stem
from app.storage.spreadsheet import read_sheet
from app.storage.spreadsheet.cells import CellError, fold, parse_number, parse_points


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("8,5", 8.5), ("8.5", 8.5), (" 12 ", 12), ("1.250,5", 1250.5), ("1,250.5", 1250.5),
        ("1 000", 1000), ("1\u00a0000,25", 1000.25), ("1.234.567", 1234567), ("1,234,567", 1234567),
        ("1e-05", 1e-05), ("-2", -2), ("", None), (3, 3), (2.5, 2.5),
    ],
)  # fmt: skip
def test_numbers_with_decimal_comma_and_thousands(text: str | float, number: float | None) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["lots", "1.2.3", "nan", "inf", "2,5,1"])
def test_not_numbers(text: str) -> None:
    with pytest.raises(CellError, match="is not a"):
        parse_number(text)


def test_points() -> None:
    assert parse_points("sales:3, service:1,5") == [("sales", 3), ("service", 1.5)]
    assert parse_points("sales=2;HR: 1\nIT:0") == [("sales", 2), ("HR", 1), ("IT", 0)]
    assert parse_points("4") == [(None, 4)]
    assert parse_points(None) == []
    with pytest.raises(CellError, match='"sales:" has no number'):
        parse_points("sales:")


def test_headers_fold_without_case_accents_or_punctuation() -> None:
    assert fold("Afhænger af:") == "afhaenger af"
    assert fold("TYÖMÄÄRÄ") == "tyomaara"
    assert fold("Custom field (Story Points)") == "custom field story points"
    assert id_stem("Økonomi & løn") == "oekonomi-loen"
    assert id_stem("∑") == ""


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (b"Title\tDepartment\tEffort\nA\tsales\t2,5\n", "A"),
        (b'Title,Department,Effort\nA,sales,"2,5"\n', "A"),
        ("Titel;Afdeling;Indsats\nÅ;sales;2,5\n".encode("utf-16"), "Å"),
        ("Titel;Afdeling;Indsats\nÅ;sales;2,5\n".encode("cp1252"), "Å"),
        # Byte 0x81 has no Windows-1252 character: read as Latin-1 it is a control character,
        # which the import takes out of the title.
        ("Titel;Afdeling;Indsats\nø\x81;sales;2,5\n".encode("latin-1"), "ø"),
    ],
)
def test_delimiters_and_encodings(tmp_path: Path, data: bytes, title: str) -> None:
    path = tmp_path / "requests.csv"
    path.write_bytes(data)
    result = read_sheet(path)
    assert result.errors == ()
    assert [(r.title, r.department, r.effort) for r in result.requests] == [(title, "sales", 2.5)]


def test_empty_file_has_no_header_row(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(Exception, match="no header row"):
        read_sheet(path)
