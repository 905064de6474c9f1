"""Hostile files through the real command line: exit 2, one line on stderr, the file untouched.

Every file is checked by `python main.py check FILE` in its own process, as a user would run it;
the processes run side by side once for the module, and each case then reads its result.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.storage.workshop_file import WorkshopFileError, parse_workshop
from tests.builders import raw, request, run_main
from tests.conftest import SMALL_SAMPLE

pytestmark = pytest.mark.slow

OLD = 1_500_000_000_000_000_000  # a fixed mtime (ns) that a write would change


def valid() -> dict[str, Any]:
    return raw([request("r0", "p1", effort=3, benefit={"sales": 1}), request("r1", None)])


def encoded(data: Any) -> bytes:
    return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")


def spliced(field: str, literal: str) -> bytes:
    """A valid file with one request field's value replaced by a raw JSON literal."""
    text = encoded(valid()).decode("utf-8")
    marker = f'"{field}": 3'
    assert marker in text
    return text.replace(marker, f'"{field}": {literal}', 1).encode("utf-8")


def with_requests(*changes: dict[str, Any]) -> bytes:
    data = valid()
    for change in changes:
        data["requests"][0].update(change)
    return encoded(data)


def duplicated(section: str) -> bytes:
    data = valid()
    data[section].append(dict(data[section][0]))
    return encoded(data)


def cycle() -> bytes:
    data = valid()
    data["requests"][0]["depends_on"] = ["r1"]
    data["requests"][1]["depends_on"] = ["r0"]
    return encoded(data)


def nested_in_field(depth: int) -> bytes:
    text = encoded(valid()).decode("utf-8")
    return text.replace(
        '"title": "Rules test"', '"vision": ' + "[" * depth + "]" * depth + ', "title": "x"'
    ).encode("utf-8")


HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty file": (lambda: b"", "the file is empty"),
    "only white space": (lambda: b" \n\t\n", "the file is empty"),
    "only a byte-order mark": (lambda: b"\xef\xbb\xbf", "not valid JSON"),
    "truncated JSON": (lambda: SMALL_SAMPLE.read_bytes()[:700], "not valid JSON"),
    "trailing garbage": (lambda: encoded(valid()) + b"}", "not valid JSON"),
    "invalid UTF-8": (lambda: encoded(valid()).replace(b"Rules", b"R\xffles"), "not UTF-8"),
    "UTF-16": (lambda: json.dumps(valid()).encode("utf-16"), "not UTF-8"),
    "a PNG image": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not UTF-8"),
    "NUL bytes": (lambda: b"\x00" * 64, "not valid JSON"),
    "top level is a list": (lambda: b"[]", "must hold a JSON object"),
    "top level is text": (lambda: b'"bellwether/1"', "must hold a JSON object"),
    "top level is null": (lambda: b"null", "must hold a JSON object"),
    "top level is a number": (lambda: b"42", "must hold a JSON object"),
    "no format": (lambda: encoded({"title": "x"}), "format: is required"),
    "another format": (
        lambda: encoded(dict(valid(), format="trello")),
        "not a Bellwether workshop",
    ),
    "newer format": (
        lambda: encoded(dict(valid(), format="bellwether/2")),
        "newer version of Bellwether",
    ),
    "missing field": (lambda: encoded({"format": "bellwether/1"}), "title: is required"),
    "missing request title": (
        lambda: encoded(raw([{"id": "r0", "department": "sales"}])),
        'requests[0] (id "r0").title: is required',
    ),
    "unknown field": (lambda: encoded(dict(valid(), priority=1)), "priority: unknown field"),
    "wrong type of a list": (lambda: encoded(dict(valid(), phases="p1")), "phases: must be a list"),
    "wrong type of a number": (
        lambda: spliced("effort", '"3"'),
        "effort: must be a number, got text",
    ),
    "a boolean as number": (
        lambda: spliced("effort", "true"),
        "effort: must be a number, got true",
    ),
    "NaN": (lambda: spliced("effort", "NaN"), "NaN is not allowed"),
    "Infinity": (lambda: spliced("effort", "Infinity"), "Infinity is not allowed"),
    "-Infinity": (lambda: spliced("effort", "-Infinity"), "-Infinity is not allowed"),
    "a number overflowing to infinity": (
        lambda: spliced("effort", "1e400"),
        "must be a finite number",
    ),
    "a negative number": (
        lambda: spliced("effort", "-5"),
        'requests[0] (id "r0").effort: must be >= 0, got -5',
    ),
    "out of range weeks": (
        lambda: with_requests({"weeks_to_benefit": 9999}),
        "weeks_to_benefit: must be <= 520, got 9999",
    ),
    "a huge integer": (lambda: spliced("effort", "1" + "0" * 400), "too large"),
    "an integer of 5,000 digits": (lambda: spliced("effort", "9" * 5_000), "far too large"),
    "a dangling phase": (lambda: with_requests({"phase": "p9"}), 'unknown phase "p9"'),
    "a dangling department": (
        lambda: with_requests({"benefit": {"hr": 1}}),
        'unknown department "hr"',
    ),
    "a dangling dependency": (
        lambda: with_requests({"depends_on": ["r7"]}),
        'unknown request "r7"',
    ),
    "duplicate request ids": (
        lambda: duplicated("requests"),
        '"r0" is already used by requests[0]',
    ),
    "duplicate department ids": (
        lambda: duplicated("departments"),
        "is already used by departments[0]",
    ),
    "duplicate JSON keys": (
        lambda: encoded(valid()).replace(b'"title": "Rules test"', b'"title": "A", "title": "B"'),
        'the key "title" appears twice',
    ),
    "a dependency cycle": (cycle, 'dependency cycle "r0" -> "r1" -> "r0"'),
    "100,000 nested arrays": (lambda: b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "100,000 nested objects": (
        lambda: b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        "nested too deeply",
    ),
    "deep nesting inside a field": (lambda: nested_in_field(100_000), "nested too deeply"),
    "moderate nesting inside a field": (
        lambda: nested_in_field(900),
        "vision: must be text, got a list",
    ),
    "a 100,000-character title": (
        lambda: encoded(dict(valid(), title="T" * 100_000)),
        "title: must be at most 200 characters, got 100,000",
    ),
    "a line break in an id": (
        lambda: with_requests({"id": "r0\nr0"}),
        '(id "r0\\nr0").id: must be 1-64',
    ),
    "a Unicode line separator in an id": (
        lambda: with_requests({"id": "r0\u2028r0"}),
        '(id "r0\\u2028r0").id: must be 1-64',
    ),
    "a huge key with line breaks": (
        lambda: with_requests({"benefit": {"x\n" * 50_000: 1}}),
        "must be 1-64 characters",
    ),
    "an unpaired surrogate": (
        lambda: encoded(valid()).replace(b"Rules test", b"\\ud800"),
        "broken character",
    ),
    "a NUL in a title": (
        lambda: encoded(dict(valid(), title="Rules\x00test")),
        "title: must not hold control characters, got U+0000 at character 6",
    ),
    "a terminal escape in a request's title": (
        lambda: with_requests({"title": "\x1b[2J\x1b[H"}),
        'requests[0] (id "r0").title: must not hold control characters, got U+001B',
    ),
    "a title of zero-width spaces": (
        lambda: encoded(dict(valid(), title="\u200b\u200b\u200b")),
        "title: must not be only invisible characters",
    ),
    "a start in the calendar's last week": (
        lambda: encoded(dict(valid(), start="9999-12-27")),
        "start: the plan would run past 9999-12-31",
    ),
    "phases that run past the year 9999": (
        lambda: encoded(
            dict(valid(), start="9999-06-07", phases=[dict(valid()["phases"][0], weeks=520)])
        ),
        'phases[0] (id "p1").weeks: the plan would run past 9999-12-31',
    ),
    "201 departments": (
        lambda: encoded(
            dict(valid(), departments=[{"id": f"d{i}", "name": f"D{i}"} for i in range(201)])
        ),
        "departments: must hold at most 200 items, got 201",
    ),
    "a 5,000-digit newer format": (
        lambda: encoded(dict(valid(), format="bellwether/" + "7" * 5_000)),
        "newer version of Bellwether",
    ),
}


@dataclass(frozen=True)
class Outcome:
    """What running `check` on a hostile file did."""

    code: int
    stdout: str
    stderr: str
    unchanged: bool
    mtime_kept: bool


def _check(path: Path) -> Outcome:
    before = path.read_bytes()
    result = run_main("check", path, timeout=120)
    return Outcome(
        result.returncode,
        result.stdout,
        result.stderr,
        path.read_bytes() == before,
        path.stat().st_mtime_ns == OLD,
    )


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for index, (name, (make, _)) in enumerate(HOSTILE.items()):
        path = folder / f"hostile-{index}.bellwether.json"
        path.write_bytes(make())
        os.utime(path, ns=(OLD, OLD))
        paths[name] = path
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(paths, pool.map(_check, paths.values()), strict=True))


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_is_refused_in_one_line(name: str, outcomes: dict[str, Outcome]) -> None:
    outcome, expected = outcomes[name], HOSTILE[name][1]
    assert "Traceback" not in outcome.stderr
    assert outcome.code == 2, outcome.stderr
    lines = outcome.stderr.split("\n")
    assert len(lines) == 2, outcome.stderr[:500]
    assert lines[1] == ""
    assert len(outcome.stderr.splitlines()) == 1
    assert lines[0].startswith("bellwether: "), lines[0]
    assert expected in lines[0], lines[0][:500]
    assert len(lines[0]) < 600
    assert outcome.stdout == ""


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_is_never_written_to(name: str, outcomes: dict[str, Outcome]) -> None:
    assert outcomes[name].unchanged
    assert outcomes[name].mtime_kept


@pytest.mark.parametrize("name", list(HOSTILE))
def test_loading_refuses_the_same_files_in_process(name: str) -> None:
    make, expected = HOSTILE[name]
    with pytest.raises(WorkshopFileError) as caught:
        parse_workshop(make())
    assert expected in str(caught.value)


def test_the_valid_base_is_accepted(tmp_path: Path) -> None:
    """The hostile files are broken copies of a valid one: that one must pass."""
    path = tmp_path / "valid.bellwether.json"
    path.write_bytes(encoded(valid()))
    assert run_main("check", path).returncode in (0, 1)
    assert parse_workshop(spliced("effort", "3.5")).requests[0].effort == 3.5
