"""Benchmark of inputs at and past the limits: each answered, and how fast and how big.

Runs `python main.py import` on sheets made in a temporary folder: a CSV and an XLSX at the row
limit (100,000 rows), a CSV one row past it, a CSV at the column limit (1,000 columns), a CSV
whose cell is at Excel's 32,767 characters, and three workbook bombs (a 4 GiB part, a cell in
Excel's last row and column, an ODS row repeated a million times). For each: the exit code, the
wall time and the child's peak memory (its own `ru_maxrss`), against `python main.py check` of
the small sample measured in the same run (the cost of starting the program at all). Targets:
within the limits answered in 10 s and 500 MB; past a limit refused in 2 s.

    .venv/bin/python bench/limits_bench.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_files import (  # noqa: E402
    ods,
    ods_cell,
    request_row,
    sheet_xml,
    xlsx,
    zero_part_xlsx,
)

MAIN = ROOT / "main.py"
SMALL = ROOT / "app" / "resources" / "samples" / "small.bellwether.json"


def run(*args: str | Path) -> tuple[int, float, float]:
    """Exit code, wall seconds and peak memory (MB) of `python main.py ARGS`."""
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(MAIN), *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, seconds, usage.ru_maxrss / 1024


def _csv(rows: int, columns: int = 2, cell: int = 0) -> bytes:
    extra = "".join(f",c{i}" for i in range(columns - 2))
    lines = [f"Title,Department{extra}\n"]
    lines += [f"{'x' * cell or f'Request {i}'},Sales{',1' * (columns - 2)}\n" for i in range(rows)]
    return "".join(lines).encode("utf-8")


CASES: list[tuple[str, str, Callable[[], bytes]]] = [
    ("CSV, 100,000 rows (the limit)", "csv", lambda: _csv(99_999)),
    ("XLSX, 100,000 rows (the limit)", "xlsx",
     lambda: xlsx(sheet_xml("".join(request_row(r) for r in range(2, 100_001))))),
    ("CSV, 1,000 columns x 5,000 rows", "csv", lambda: _csv(5_000, 1_000)),
    ("CSV, a cell of 32,767 characters", "csv", lambda: _csv(1, 2, 32_767)),
    ("CSV, 100,001 rows (past it)", "csv", lambda: _csv(100_001)),
    ("XLSX, a 4 GiB part (bomb)", "xlsx", lambda: zero_part_xlsx(4 * 1024**3)),
    ("XLSX, a cell at XFD1048576 (bomb)", "xlsx",
     lambda: xlsx(sheet_xml('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))),
    ("ODS, a row repeated 10^6 times (bomb)", "ods",
     lambda: ods('<table:table-row table:number-rows-repeated="1000000">'
                 + ods_cell("x") + "</table:table-row>")),
]  # fmt: skip


def main() -> None:
    """Print one row per case, with its time against the program's start-up."""
    _, start, start_mb = run("check", SMALL)
    print(f"baseline: `check` of the small sample: {start:.2f} s, {start_mb:.0f} MB")
    print(f"{'import of':<40} {'exit':>4} {'time':>8} {'x start':>8} {'memory':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for name, suffix, make in CASES:
            sheet = Path(folder) / f"sheet.{suffix}"
            sheet.write_bytes(make())
            out = Path(folder) / "new.bellwether.json"
            out.unlink(missing_ok=True)
            code, seconds, memory = run("import", sheet, "-o", out)
            ratio = seconds / start
            print(f"{name:<40} {code:>4} {seconds:>6.2f} s {ratio:>7.1f}x {memory:>5.0f} MB")


if __name__ == "__main__":
    main()
