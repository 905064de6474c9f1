"""Start-up of the bundle against the virtual environment, measured in the same run.

`python packaging/startup.py [RUNS]` (after `make bundle`) times, from /tmp, `--version` (the
command line's start) and `--screenshot` of the sample (the GUI's start to a painted window),
alternating the two installations; prints each median and the bundle/venv ratio.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = [str(ROOT / "dist" / "bellwether" / "bellwether")]
VENV = [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "main.py")]
SAMPLE = ROOT / "app" / "resources" / "samples" / "crm-rollout.bellwether.json"


def seconds(command: list[str], folder: str) -> float:
    """Wall time of one run; a failed run stops the measurement."""
    started = time.perf_counter()
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    return time.perf_counter() - started


def main(runs: int) -> None:
    """Print the medians and ratios."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        png = str(Path(folder) / "out.png")
        cases = {"--version": ["--version"], "--screenshot": ["--screenshot", png, str(SAMPLE)]}
        for name, args in cases.items():
            times: dict[str, list[float]] = {"bundle": [], "venv": []}
            seconds(BUNDLE + args, folder)  # warm the page cache for both
            seconds(VENV + args, folder)
            for _ in range(runs):
                times["bundle"].append(seconds(BUNDLE + args, folder))
                times["venv"].append(seconds(VENV + args, folder))
            bundle, venv = (statistics.median(times[key]) for key in ("bundle", "venv"))
            print(f"{name}: bundle {bundle:.2f} s, venv {venv:.2f} s, ratio {bundle / venv:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
