"""Benchmark of `suggest` and `compare` on the generated workshops of 100 and 1,000 requests.

Runs the whole `python main.py suggest FILE -o NEW --seconds S` process as a user would, twice
per size, and prints its wall time against the promise (S + 1 s), its time against `check` on
the same file (the baseline: start, load and the rules, measured in the same run), the six
numbers of the score before and after, and whether both runs wrote the same file. Then times
`compare` of the 1,000-request plan with its suggestion against `check`. Prints ratios, never
asserts absolute times: machines differ, and this one is shared.

    .venv/bin/python bench/suggest_bench.py [--seconds S]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.planning.score import score  # noqa: E402
from app.storage.workshop_file import load_workshop  # noqa: E402
from bench.workshops import generate  # noqa: E402

SIZES = (100, 1_000)
MAIN = str(ROOT / "main.py")


def timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    """The wall time of one process, and how it ended."""
    began = time.perf_counter()
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    return time.perf_counter() - began, done


def median_of(command: list[str], repeat: int) -> float:
    """The median wall time of a command over `repeat` runs (after one to warm the cache)."""
    timed(command)
    return statistics.median(timed(command)[0] for _ in range(repeat))


def suggest_row(folder: Path, size: int, seconds: float) -> list[str]:
    """One row of the suggestion table."""
    plan = folder / f"bench-{size}.bellwether.json"
    plan.write_text(json.dumps(generate(size), indent=2), encoding="utf-8")
    check = median_of([sys.executable, MAIN, "check", str(plan)], 3)
    runs = []
    for attempt in (1, 2):
        out = folder / f"suggested-{size}-{attempt}.bellwether.json"
        wall, done = timed([sys.executable, MAIN, "suggest", str(plan), "-o", str(out),
                            "--seconds", str(seconds)])  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"suggest failed on {size} requests: {done.stderr.strip()}")
        runs.append((wall, out, "cut short by the clock" in done.stdout))
    before, after = score(load_workshop(plan)), score(load_workshop(runs[0][1]))
    same = runs[0][1].read_bytes() == runs[1][1].read_bytes()
    wall = max(run[0] for run in runs)
    return [
        f"{size:,}",
        f"{wall:.2f} s",
        f"{wall / (seconds + 1):.2f}",
        f"{wall / check:.1f}",
        _numbers(before.order()),
        _numbers(after.order()),
        "yes" if not before.better_than(after) else "NO",
        "yes" if same else ("no (clock)" if any(run[2] for run in runs) else "NO"),
    ]


def _numbers(order: tuple[float, ...]) -> str:
    return ", ".join(f"{value:g}" for value in order)


def compare_row(folder: Path) -> tuple[float, float]:
    """(compare seconds, check seconds) on the 1,000-request plan and its suggestion."""
    plan = folder / "bench-1000.bellwether.json"
    suggested = folder / "suggested-1000-1.bellwether.json"
    compare = median_of([sys.executable, MAIN, "compare", str(plan), str(suggested)], 5)
    check = median_of([sys.executable, MAIN, "check", str(plan)], 5)
    return compare, check


def main() -> None:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="suggest --seconds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rows = [suggest_row(folder, size, args.seconds) for size in SIZES]
        compare, check = compare_row(folder)
    print(f"Python {sys.version.split()[0]}, suggest --seconds {args.seconds:g}, two runs each\n")
    print("score: errors, -dots, warnings, -points, mean win week, cautions (smaller is better)\n")
    print("| requests | suggest (slower run) | / (S + 1 s) | / check | score before | "
          "score after | never worse | same file twice |")  # fmt: skip
    print("|---:|---:|---:|---:|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\n| 1,000 requests | time |")
    print("|---|---:|")
    print(f"| `compare PLAN SUGGESTION` | {compare * 1000:,.0f} ms |")
    print(f"| `check PLAN` (baseline) | {check * 1000:,.0f} ms |")
    print(f"| ratio compare / check | {compare / check:.2f} |")
    print("\ntargets: suggest / (S + 1 s) <= 1; never worse; compare on 1,000 requests < 0.5 s")


if __name__ == "__main__":
    main()
