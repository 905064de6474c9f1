"""`suggest` and `compare` on the command line: what they write, print and refuse."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.domain.edits import accept, move_request, set_votes, sign
from app.domain.fingerprint import fingerprint
from app.domain.rules import findings
from app.planning.score import score
from app.storage.workshop_file import load_workshop, save_workshop
from tests.builders import ROOT, run_main
from tests.conftest import CRM_SAMPLE, SMALL_SAMPLE


def _copy(tmp_path: Path, source: Path = SMALL_SAMPLE) -> Path:
    return Path(shutil.copy(source, tmp_path / source.name))


def test_suggest_writes_a_better_plan_and_says_what_moved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _copy(tmp_path)
    before = source.read_bytes()
    new = tmp_path / "new.bellwether.json"
    assert main(["suggest", str(source), "-o", str(new), "--seconds", "5"]) == 0
    out = capsys.readouterr().out
    assert source.read_bytes() == before
    original, suggested = load_workshop(source), load_workshop(new)
    assert score(suggested).better_than(score(original))
    moved = [r.id for r, s in zip(original.requests, suggested.requests, strict=True)
             if r.phase != s.phase]  # fmt: skip
    assert f"{new}: {len(moved)} moves suggested" in out
    assert "Open errors" in out and "Benefit-weighted mean win week" in out
    for request_id in moved:
        assert f"({request_id}):" in out


def test_suggest_refuses_to_overwrite_and_to_pin_unknown_requests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _copy(tmp_path)
    taken = tmp_path / "taken.json"
    taken.write_text("keep me", "utf-8")
    assert main(["suggest", str(source), "-o", str(taken)]) == 2
    assert capsys.readouterr().err == f"bellwether: {taken}: already exists; choose a new file\n"
    assert taken.read_text("utf-8") == "keep me"
    new = tmp_path / "new.json"
    assert main(["suggest", str(source), "-o", str(new), "--pin", "ghost"]) == 2
    assert capsys.readouterr().err == 'bellwether: --pin: there is no request "ghost"\n'
    assert not new.exists()


def test_suggest_refuses_an_invalid_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "bellwether/1"}', "utf-8")
    new = tmp_path / "new.json"
    assert main(["suggest", str(bad), "-o", str(new)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"bellwether: {bad}: ") and err.count("\n") == 1
    assert not new.exists()


def test_keep_placed_only_fills_the_plan_from_the_backlog(tmp_path: Path) -> None:
    source = _copy(tmp_path, CRM_SAMPLE)
    new = tmp_path / "new.json"
    assert main(["suggest", str(source), "-o", str(new), "--keep-placed"]) == 0
    original, suggested = load_workshop(source), load_workshop(new)
    for was, now in zip(original.requests, suggested.requests, strict=True):
        if was.phase is not None:
            assert now.phase == was.phase


def test_suggest_notes_sign_offs_that_no_longer_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import datetime

    workshop = sign(load_workshop(SMALL_SAMPLE), "sales", "Mette", datetime(2027, 1, 10, 10))
    source = tmp_path / "signed.json"
    save_workshop(source, workshop)
    assert main(["suggest", str(source), "-o", str(tmp_path / "new.json")]) == 0
    assert "1 sign-off was given to the plan as it was" in capsys.readouterr().out


def test_compare_lists_moves_findings_metrics_and_sign_offs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import datetime

    original = load_workshop(CRM_SAMPLE)
    first = original.requests[0]
    changed = move_request(original, first.id, None)
    key = next(f.key for f in findings(changed) if not f.accepted)
    changed = accept(changed, key, "Two consultants join.")
    changed = set_votes(changed, "sales", first.id, 2)
    changed = sign(changed, "sales", "Mette", datetime(2027, 1, 10, 10))
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    save_workshop(a, original)
    save_workshop(b, changed)
    assert main(["compare", str(a), str(b), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["moved"] == [{"request": first.id, "from": first.phase, "to": None}]
    assert report["added"] == report["removed"] == []
    assert report["a"]["fingerprint"] == fingerprint(original)
    assert report["b"]["signoffs"] == [{"department": "sales", "name": "Mette", "valid": True}]
    assert report["a"]["signoffs"] == []
    assert [f["key"] for f in report["findings"]["newly_accepted"]] == [key]
    assert {w["department"] for w in report["first_wins"]} == {d.id for d in original.departments}
    was = original.votes.get("sales", {}).get(first.id, 0)
    assert report["votes"] == ([] if was == 2 else [
        {"department": "sales", "request": first.id, "a": was, "b": 2}
    ])  # fmt: skip
    assert main(["compare", str(a), str(b)]) == 0
    text = capsys.readouterr().out
    assert "1 request moved" in text and "Plan ends" in text and "Mette: holds" in text
    assert ("Dots changed (1)" in text) == (was != 2)


def test_compare_of_a_plan_with_itself_finds_no_change(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(CRM_SAMPLE), str(CRM_SAMPLE), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["same_plan"] is True
    assert report["moved"] == report["findings"]["added"] == report["findings"]["removed"] == []


@pytest.mark.slow
def test_suggest_and_compare_run_as_a_user_would(tmp_path: Path) -> None:
    new = tmp_path / "new.bellwether.json"
    done = run_main("suggest", CRM_SAMPLE, "-o", new, "--seconds", "4")
    assert (done.returncode, done.stderr) == (0, "")
    compared = run_main("compare", CRM_SAMPLE, new, "--json")
    assert compared.returncode == 0
    moved = json.loads(compared.stdout)["moved"]
    assert f"{new}: {len(moved)} moves suggested" in done.stdout
    refused = run_main("suggest", CRM_SAMPLE, "-o", new)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1


@pytest.mark.slow
def test_suggest_and_the_worker_run_without_qt(tmp_path: Path) -> None:
    from tests.test_layers import last_json_line, run_blocked

    new = tmp_path / "new.json"
    result = run_blocked(
        """
        import json, runpy

        sys.argv = [sys.argv[1], "suggest", sys.argv[2], "-o", sys.argv[3], "--seconds", "3"]
        try:
            runpy.run_path(sys.argv[0], run_name="__main__")
        except SystemExit as done:
            code = done.code
        import app.planning.worker
        leaked = sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)
        print(json.dumps({"code": code, "leaked": leaked}))
        """,
        str(ROOT / "main.py"),
        str(SMALL_SAMPLE),
        str(new),
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert last_json_line(result.stdout) == {"code": 0, "leaked": []}
    assert load_workshop(new).title == load_workshop(SMALL_SAMPLE).title


def test_the_worker_speaks_in_lines_and_refuses_a_bad_workshop() -> None:
    import subprocess
    import sys

    def worker(data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-m", "app.planning.worker", *args]
        return subprocess.run(command, input=data, capture_output=True, cwd=ROOT, check=False)

    done = worker(SMALL_SAMPLE.read_bytes(), "3", "migration")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("utf-8").splitlines()
    assert lines[-3].startswith("placement {") and lines[-2:] == ["proved 1", "clock 0"]
    placement = json.loads(lines[-3].removeprefix("placement "))
    original = load_workshop(SMALL_SAMPLE)
    assert placement["migration"] == original.request("migration").phase
    assert all(line.startswith("progress ") for line in lines[:-3])
    refused = worker(b"{}", "3")
    assert refused.returncode == 1
    assert refused.stdout.decode("utf-8").startswith("error: ")
    assert worker(b"", "soon").stdout.decode("utf-8").startswith("error: usage")
