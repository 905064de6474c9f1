"""Benchmark of `check`: load with validation, findings, and the whole `check --json` process.

Generates workshops of 100, 1,000 and 10,000 requests (12 phases, 10 departments), times loading
(parse and validate) and the findings separately, and times the whole command against a plain
Python script that only parses the JSON and evaluates the same rules without validation, measured
in the same run. Prints ratios, never asserts absolute times: machines differ.

    .venv/bin/python bench/check_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain.model import Workshop  # noqa: E402
from app.domain.rules import findings  # noqa: E402
from app.domain.schedule import build_schedule  # noqa: E402
from app.storage.workshop_file import parse_workshop  # noqa: E402

SIZES = (100, 1_000, 10_000)
PHASES = 12
DEPARTMENT_NAMES = (
    "Sales",
    "Marketing",
    "Customer service",
    "HR",
    "Logistics",
    "Finance",
    "Management",
    "Purchasing",
    "Production",
    "IT",
)


def _departments(requests: int) -> list[dict[str, Any]]:
    # About what a phase asks of a department's users, so some phases overload some departments.
    hours = requests * 0.85 / PHASES * 1.33 / len(DEPARTMENT_NAMES) * 1.5
    return [
        {
            "id": f"d{index}",
            "name": name,
            "head": f"Head of {name}",
            "burden_capacity": round(hours * 1.1, 1) if index % 3 else None,
            "first_win_weeks": 4 if index == 2 else None,
            "max_gap_weeks": None,
        }
        for index, name in enumerate(DEPARTMENT_NAMES)
    ]


def _phases(requests: int) -> list[dict[str, Any]]:
    # Capacity near the mean load of a phase, so some phases are over and some near capacity.
    mean_effort = 8.5 * requests * 0.85 / PHASES
    return [
        {
            "id": f"p{index}",
            "name": f"Phase {index + 1}",
            "weeks": 4 + index % 3 * 2,
            "capacity": round(mean_effort * (0.9 + 0.05 * (index % 5))),
        }
        for index in range(PHASES)
    ]


def _plan(rng: random.Random, total: int) -> list[int | None]:
    """Each request's phase index (None: backlog), roughly in list order, as a planned board."""
    return [
        min(PHASES - 1, max(0, index * PHASES // total + rng.choice((-1, 0, 0, 0, 1))))
        if rng.random() < 0.85
        else None
        for index in range(total)
    ]


def _no_later(phase: int | None, mine: int | None) -> bool:
    return phase is not None and mine is not None and phase <= mine


def _dependencies(rng: random.Random, index: int, plan: list[int | None]) -> list[str]:
    """Mostly on earlier requests planned no later; now and then one that breaks the order."""
    window = range(max(0, index - 40), index)
    mine = plan[index]
    fitting = [i for i in window if _no_later(plan[i], mine)]
    chosen = set()
    for _ in range(rng.choice((0, 0, 1, 2))):
        pool = fitting if fitting and rng.random() > 0.03 else list(window)
        if pool:
            chosen.add(f"r{rng.choice(pool)}")
    return sorted(chosen)


def _request(rng: random.Random, index: int, plan: list[int | None]) -> dict[str, Any]:
    owner = rng.randrange(len(DEPARTMENT_NAMES))
    everyone = range(len(DEPARTMENT_NAMES))
    benefited = rng.sample(everyone, rng.choice((0, 1, 1, 1, 2, 2, 3)))
    burdened = {owner, *rng.sample(everyone, rng.choice((0, 0, 1)))}
    phase = plan[index]
    return {
        "id": f"r{index}",
        "title": f"Request {index}: {DEPARTMENT_NAMES[owner].lower()} improvement",
        "department": f"d{owner}",
        "description": "Generated for the benchmark. " * rng.randrange(0, 4),
        "effort": rng.choice((1, 2, 3, 5, 8, 13, 20, 0.5, 21)),
        "benefit": {f"d{d}": rng.choice((1, 2, 3, 5)) for d in benefited},
        "burden": {f"d{d}": rng.choice((0, 0.5, 1, 2, 4)) for d in sorted(burdened)},
        "weeks_to_benefit": rng.randrange(0, 9),
        "depends_on": _dependencies(rng, index, plan),
        "phase": None if phase is None else f"p{phase}",
    }


def generate(requests: int, seed: int = 7) -> dict[str, Any]:
    """A realistic workshop of `requests` requests, 12 phases and 10 departments."""
    rng = random.Random(seed)
    plan = _plan(rng, requests)
    items = [_request(rng, index, plan) for index in range(requests)]
    votes = {
        f"d{d}": {f"r{rng.randrange(requests)}": rng.randrange(1, 4) for _ in range(4)}
        for d in range(len(DEPARTMENT_NAMES))
    }
    return {
        "format": "bellwether/1",
        "title": f"Benchmark workshop ({requests:,} requests)",
        "organisation": "Benchmark A/S",
        "start": "2027-01-04",
        "departments": _departments(requests),
        "phases": _phases(requests),
        "requests": items,
        "votes": votes,
        "accepted": [{"key": "phase-capacity:p0", "note": "Known and accepted."}],
    }


def median_time(action: Callable[[], object], repeat: int) -> float:
    """The median wall time of `action` in seconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


BASELINE = r'''
"""Plain Python: parse the JSON and evaluate the findings table straightforwardly, no validation."""
import json
import sys


def main(path):
    with open(path, encoding="utf-8-sig") as handle:
        plan = json.load(handle)
    s = {"first_win_weeks": 3, "max_gap_weeks": 8, "caution_load": 0.9,
         "max_onboarding_per_phase": 2, "dots_per_head": 10}
    s.update(plan.get("settings", {}))
    found = []
    end, index, week = {}, {}, 0
    for i, p in enumerate(plan["phases"]):
        week += p["weeks"]
        end[p["id"]], index[p["id"]] = week, i
    effort = {p["id"]: 0.0 for p in plan["phases"]}
    load = {}
    burdens = {d["id"]: [] for d in plan["departments"]}
    wins = {d["id"]: [] for d in plan["departments"]}
    by_id = {r["id"]: r for r in plan["requests"]}
    for r in plan["requests"]:
        phase = r.get("phase")
        if phase is None:
            continue
        effort[phase] += r.get("effort", 0)
        live = end[phase]
        for d, h in r.get("burden", {}).items():
            if h > 0:
                burdens[d].append((live, r["id"]))
                load[(phase, d)] = load.get((phase, d), 0) + h
        for d in r.get("benefit", {}):
            wins[d].append(live + r.get("weeks_to_benefit", 2))
        for dep in r.get("depends_on", []):
            other = by_id[dep].get("phase")
            if other is None or index[other] > index[phase]:
                found.append(f"dependency-order:{r['id']}:{dep}")
    for p in plan["phases"]:
        e, c = effort[p["id"]], p["capacity"]
        if e > c:
            found.append(f"phase-capacity:{p['id']}")
        elif e > 0 and s["caution_load"] * c <= e:
            found.append(f"phase-near-capacity:{p['id']}")
    starts = {}
    for d in plan["departments"]:
        cap = d.get("burden_capacity")
        for p in plan["phases"]:
            if cap is not None and load.get((p["id"], d["id"]), 0) > cap:
                found.append(f"adoption-load:{p['id']}:{d['id']}")
        if not burdens[d["id"]]:
            continue
        first = min(w for w, _ in burdens[d["id"]])
        starts[first] = starts.get(first, 0) + 1
        counted = sorted({w for w in wins[d["id"]] if w >= first})
        fw = d.get("first_win_weeks")
        fw = s["first_win_weeks"] if fw is None else fw
        gap = d.get("max_gap_weeks")
        gap = s["max_gap_weeks"] if gap is None else gap
        if not counted:
            found.append(f"no-benefit:{d['id']}")
            continue
        if counted[0] - first > fw:
            found.append(f"first-win-delay:{d['id']}")
        for live, rid in burdens[d["id"]]:
            if live > first and not any(live <= w <= live + gap for w in counted):
                found.append(f"unrewarded-burden:{rid}:{d['id']}")
        for a, b in zip(counted, counted[1:]):
            if b - a > gap:
                found.append(f"benefit-gap:{d['id']}:{a}")
    limit = s["max_onboarding_per_phase"]
    for p in plan["phases"]:
        if limit > 0 and starts.get(end[p["id"]], 0) > limit:
            found.append(f"onboarding-breadth:{p['id']}")
    for d, given in plan.get("votes", {}).items():
        if sum(given.values()) > s["dots_per_head"]:
            found.append(f"vote-budget:{d}")
    json.dump({"findings": found}, sys.stdout)


main(sys.argv[1])
'''


def time_processes(commands: list[list[str]], repeat: int) -> list[float]:
    """The median wall time of each command, run in turns so that both see the same machine."""
    times: list[list[float]] = [[] for _ in commands]
    for round_ in range(repeat + 1):
        for command, measured in zip(commands, times, strict=True):
            began = time.perf_counter()
            subprocess.run(command, check=False, capture_output=True)
            if round_:  # the first round only warms the file cache
                measured.append(time.perf_counter() - began)
    return [statistics.median(measured) for measured in times]


def same_findings(check: list[str], plain: list[str]) -> bool:
    """Whether `check --json` and the baseline found the same keys (the baseline is honest)."""
    ours = subprocess.run(check, check=False, capture_output=True, text=True).stdout
    theirs = subprocess.run(plain, check=False, capture_output=True, text=True).stdout
    keys = {finding["key"] for finding in json.loads(ours)["findings"]}
    return keys == set(json.loads(theirs)["findings"])


def _findings(workshop: Workshop) -> object:
    return findings(workshop, build_schedule(workshop))


def in_process(sizes: tuple[int, ...], repeat: int) -> list[tuple[int, float, float]]:
    """(requests, load seconds, findings seconds) for each size."""
    rows = []
    for size in sizes:
        raw = json.dumps(generate(size), indent=2).encode("utf-8")
        workshop = parse_workshop(raw)
        load = median_time(partial(parse_workshop, raw), max(3, repeat // 4))
        find = median_time(partial(_findings, workshop), repeat)
        rows.append((size, load, find))
    return rows


def whole_process(folder: Path, repeat: int) -> tuple[float, float, bool]:
    """(check --json seconds, baseline seconds, same findings) on 10,000 requests."""
    plan = folder / "bench-10000.bellwether.json"
    plan.write_text(json.dumps(generate(10_000), indent=2), encoding="utf-8")
    baseline = folder / "baseline.py"
    baseline.write_text(BASELINE, encoding="utf-8")
    check = [sys.executable, str(ROOT / "main.py"), "check", str(plan), "--json"]
    plain = [sys.executable, str(baseline), str(plan)]
    ours, theirs = time_processes([check, plain], repeat)
    return ours, theirs, same_findings(check, plain)


def milliseconds(seconds: float) -> str:
    """Seconds as milliseconds, for the table."""
    return f"{seconds * 1000:,.1f} ms"


TARGETS = (
    "targets: findings for 1,000 requests < 5 ms, for 10,000 < 50 ms (growing linearly); "
    "load with validation of 10,000 < 1 s; the `check --json` process <= the baseline"
)


def print_table(
    rows: list[tuple[int, float, float]], check: float, baseline: float, same: bool
) -> None:
    """The Markdown tables the README shows."""
    print("| requests | load with validation | findings |")
    print("|---:|---:|---:|")
    for size, load, find in rows:
        print(f"| {size:,} | {milliseconds(load)} | {milliseconds(find)} |")
    by_size = {size: find for size, _, find in rows}
    if 1_000 in by_size and 10_000 in by_size:
        print(f"\nfindings 10,000 / 1,000: {by_size[10_000] / by_size[1_000]:.1f}x (linear: 10x)\n")
    print("| 10,000 requests, whole process | time |")
    print("|---|---:|")
    print(f"| `python main.py check FILE --json` | {milliseconds(check)} |")
    plain = "plain-Python baseline: `json.load` + the same rules, no validation"
    print(f"| {plain} | {milliseconds(baseline)} |")
    print(f"| ratio check / baseline | {check / baseline:.2f} |")
    print(f"\nthe baseline found the same findings: {'yes' if same else 'NO'}")
    print(TARGETS)


def main() -> None:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="runs per measurement (median)")
    args = parser.parse_args()
    rows = in_process(SIZES, args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        check, baseline, same = whole_process(Path(folder), max(5, args.repeat // 2))
    print(f"Python {sys.version.split()[0]}, medians of {args.repeat} runs\n")
    print_table(rows, check, baseline, same)


if __name__ == "__main__":
    main()
