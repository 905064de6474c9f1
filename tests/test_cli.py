"""`check`: its text and JSON output, its exit codes; `--version` and the usage."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app import __version__, cli
from app.domain.fingerprint import fingerprint
from app.domain.metrics import metrics
from app.domain.rules import findings
from app.storage.workshop_file import load_workshop
from tests.builders import MAIN, ROOT, raw, request, run_main, write_json
from tests.conftest import CRM_SAMPLE, SMALL_SAMPLE

FINDING_KEYS = [
    "key", "rule", "severity", "message", "phase", "department", "requests", "accepted", "note",
]  # fmt: skip


def check(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """Run `check` in this process: (exit code, stdout, stderr)."""
    code = cli.main(["check", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def plan_file(tmp_path: Path, **top: Any) -> Path:
    return write_json(tmp_path / "plan.bellwether.json", raw(**top))


OVER = [request("big", "p1", effort=150)]


# --- exit codes -------------------------------------------------------------------------------


def test_exit_0_without_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = check(capsys, SMALL_SAMPLE)
    assert (code, err) == (0, "")


def test_exit_1_with_an_unaccepted_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = check(capsys, plan_file(tmp_path, requests=OVER))
    assert (code, err) == (1, "")
    assert "[phase-capacity:p1]" in out


def test_exit_0_when_every_error_is_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    accepted = [{"key": "phase-capacity:p1", "note": "Extra consultants."}]
    code, out, _ = check(capsys, plan_file(tmp_path, requests=OVER, accepted=accepted))
    assert code == 0
    assert "accepted: Extra consultants." in out


def test_warnings_and_cautions_do_not_fail_the_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    requests = [
        request("r", "p1", effort=95, burden={"sales": 1}, benefit={"sales": 1}, weeks_to_benefit=9)
    ]
    code, out, _ = check(capsys, plan_file(tmp_path, requests=requests))
    assert code == 0
    assert "[first-win-delay:sales]" in out
    assert "[phase-near-capacity:p1]" in out


def test_the_crm_sample_has_an_unaccepted_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert check(capsys, CRM_SAMPLE)[0] == 1


def test_exit_2_for_an_invalid_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_json(tmp_path / "bad.bellwether.json", raw([request("r", "p1", effort=-5)]))
    code, out, err = check(capsys, path, "--json")
    assert (code, out) == (2, "")
    assert err == f'bellwether: {path}: requests[0] (id "r").effort: must be >= 0, got -5\n'


def test_exit_2_for_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = check(capsys, tmp_path / "nope.json")
    assert (code, out) == (2, "")
    assert err.endswith("nope.json: no such file\n")
    assert err.count("nope.json") == 1, "the path is named once"
    assert err.count("\n") == 1


# --- JSON output ------------------------------------------------------------------------------


def test_json_output_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, CRM_SAMPLE, "--json")
    report = json.loads(out)
    assert code == 1
    assert list(report) == ["fingerprint", "findings", "metrics"]
    assert report["findings"]
    for finding in report["findings"]:
        assert list(finding) == FINDING_KEYS
        assert isinstance(finding["requests"], list)
        assert isinstance(finding["accepted"], bool)
        assert finding["severity"] in ("error", "warning", "caution")
        assert finding["key"].startswith(finding["rule"] + ":")
        assert (finding["note"] is not None) == finding["accepted"]
    assert set(report["metrics"]) == {"phases", "departments", "plan"}


def test_json_output_is_the_domains_answer(capsys: pytest.CaptureFixture[str]) -> None:
    report = json.loads(check(capsys, CRM_SAMPLE, "--json")[1])
    workshop = load_workshop(CRM_SAMPLE)
    assert report["fingerprint"] == fingerprint(workshop)
    assert report["fingerprint"].startswith("sha256:")
    assert [f["key"] for f in report["findings"]] == [f.key for f in findings(workshop)]
    assert report["metrics"] == json.loads(json.dumps(metrics(workshop).as_json()))


def test_json_finding_values(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    accepted = [{"key": "phase-capacity:p1", "note": "Known."}]
    out = check(capsys, plan_file(tmp_path, requests=OVER, accepted=accepted), "--json")[1]
    (finding,) = json.loads(out)["findings"]
    assert finding == {
        "key": "phase-capacity:p1",
        "rule": "phase-capacity",
        "severity": "error",
        "message": finding["message"],
        "phase": "p1",
        "department": None,
        "requests": ["big"],
        "accepted": True,
        "note": "Known.",
    }
    assert "150" in finding["message"]


def test_json_output_keeps_non_ascii_readable(capsys: pytest.CaptureFixture[str]) -> None:
    out = check(capsys, CRM_SAMPLE, "--json")[1]
    assert "Økonomi waits" in out
    assert "\\u00" not in out


def test_json_metrics_of_a_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    requests = [request("r", "p2", effort=10, benefit={"sales": 2}, weeks_to_benefit=1)]
    report = json.loads(check(capsys, plan_file(tmp_path, requests=requests), "--json")[1])
    plan, phases = report["metrics"]["plan"], report["metrics"]["phases"]
    assert plan == {
        "end_week": 16,
        "scheduled": 1,
        "backlog": 0,
        "benefit_weighted_mean_win_week": 9.0,
    }
    assert phases[1] == {
        "id": "p2", "start": 4, "end": 8, "effort": 10.0, "capacity": 100.0, "load": 0.1,
        "onboarding": [],
    }  # fmt: skip


# --- text output ------------------------------------------------------------------------------


def test_text_output_of_a_clean_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = check(capsys, plan_file(tmp_path, requests=[request("r", None)]))
    assert code == 0
    assert out == (
        "Rules test: 0 requests scheduled, 1 in the backlog; the plan ends on 25 Apr 2027.\n"
        "No findings.\n"
    )


def test_text_output_groups_findings_by_severity(capsys: pytest.CaptureFixture[str]) -> None:
    out = check(capsys, CRM_SAMPLE)[1]
    workshop = load_workshop(CRM_SAMPLE)
    found = findings(workshop)
    headers = [line for line in out.splitlines() if line.endswith(")") and line.isupper()]
    assert headers == [
        f"{severity.upper()}S ({sum(f.severity == severity for f in found)})"
        for severity in ("error", "warning", "caution")
    ]
    for finding in found:
        assert f"  [{finding.key}] {finding.message}" in out
    assert out.startswith(f"{workshop.title}: ")
    assert "\nBenefit-weighted mean win: 9 Aug 2027\n" in out


# --- the program --------------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"bellwether {__version__}\n"


def test_no_command_prints_the_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: bellwether")
    assert "check" in out


def test_check_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["check"])
    assert done.value.code == 2
    assert "FILE" in capsys.readouterr().err


@pytest.mark.slow
def test_check_json_as_a_process() -> None:
    result = run_main("check", CRM_SAMPLE, "--json")
    assert (result.returncode, result.stderr) == (1, "")
    assert json.loads(result.stdout)["fingerprint"] == fingerprint(load_workshop(CRM_SAMPLE))


@pytest.mark.slow
@pytest.mark.parametrize("as_json", [False, True])
def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path, as_json: bool) -> None:
    """`check FILE | head -1`: far more output than a pipe holds, and the reader leaves."""
    requests = [request("z", None)]
    requests += [request(f"r{i}", "p1", depends_on=["z"]) for i in range(3_000)]
    path = write_json(tmp_path / "many.bellwether.json", raw(requests))
    command = [sys.executable, str(MAIN), "check", str(path)] + (["--json"] if as_json else [])
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read().decode("utf-8")
        code = process.wait(timeout=60)
    assert err == ""
    assert code == 1


@pytest.mark.slow
def test_version_and_help_as_a_process() -> None:
    version = run_main("--version")
    assert (version.returncode, version.stdout) == (0, f"bellwether {__version__}\n")
    usage = run_main("--help")
    assert usage.returncode == 0
    assert "check" in usage.stdout
