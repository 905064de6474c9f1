"""Benchmark of the board UI: move latency, start-up and memory, offscreen.

- Move latency: a shown MainWindow (1920x1080) with a generated workshop of 1,000 requests (12
  phases, 10 departments, about 20 % in the backlog). Each of 200 moves is pushed as the board
  pushes a drop (`BoardScene.move`), then events are processed until the window stops repainting.
  The synchronous stages are timed by wrapping them in place (the document's `changed` slots are
  reconnected through a stopwatch, `Analysis(...)` is timed where the document calls it), and
  "paint" is the time from the end of the push to the last repaint. Target: median <= 8 ms, p95
  <= 16 ms, in the desktop view and in the room view (presentation mode: one lane open, the
  others summarised), each measured on a window of its own.
- Start-up: process start to the first painted window with the CRM sample, against a bare
  PySide6 window (QApplication and an empty QMainWindow of the same size, shown) measured in the
  same run, alternating, medians of several runs. Target: ratio <= 1.3x. Also the slowest imports
  on the start-up path (`python -X importtime`) and whether heavy libraries that only export or
  import need (reportlab, openpyxl, pypdf) are among them.
- Memory: peak RSS (VmHWM) of a process showing the 1,000-request workshop against the bare
  window process. Target: <= +150 MB.

Prints measurements and PASS/MISS against the targets; never asserts absolute times. First it
times a yardstick (a full schedule of the 1,000 requests): the same code measures up to twice as
slow when the machine is busy, and the yardstick tells a slow run from a slow machine.

    .venv/bin/python bench/ui_bench.py [--moves N] [--runs N]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Before Qt is imported: no screen, and recovery copies and recent files go to a scratch folder.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
SCRATCH = Path(tempfile.mkdtemp(prefix="bellwether-ui-bench-"))
os.environ["BELLWETHER_DATA_DIR"] = str(SCRATCH / "data")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import app.ui.document as document_module  # noqa: E402
from app.domain.model import Workshop  # noqa: E402
from app.domain.schedule import build_schedule  # noqa: E402
from app.domain.voting import dots_left  # noqa: E402
from app.ui.document import Analysis  # noqa: E402
from app.ui.shell.main_window import MainWindow  # noqa: E402
from bench.workshops import generate  # noqa: E402

CRM = ROOT / "app" / "resources" / "samples" / "crm-rollout.bellwether.json"
REQUESTS = 1_000
HEAVY = ("reportlab", "openpyxl", "pypdf", "pypdfium2")
STAGES = ("rules", "board", "findings panel", "charts", "other", "paint")
STAGE_NAMES = {
    "rules": "rules (Analysis)",
    "board": "board (BoardScene.refresh)",
    "findings panel": "findings panel (refresh)",
    "charts": "charts (ChartsPanel.refresh)",
    "other": "other (edit, undo, sign-off, votes…)",
    "paint": "paint and layout (events)",
    "total": "total: push to painted",
}


# --- move latency ----------------------------------------------------------------------------


@dataclass
class Stopwatch:
    """Per-stage times of the move being measured, in seconds."""

    current: dict[str, float] = field(default_factory=dict)
    collecting: float = 0.0
    collected: float = 0.0
    full_collections: int = 0

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        """A `gc.callbacks` hook: garbage collection time, which falls inside the stages."""
        if phase == "start":
            self.collecting = time.perf_counter()
            return
        self.collected += time.perf_counter() - self.collecting
        self.full_collections += info["generation"] == 2

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Add the time spent inside to the stage."""
        began = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - began
            self.current[name] = self.current.get(name, 0.0) + elapsed

    def wrap(self, name: str, slot: Callable[[], object]) -> Callable[[], None]:
        """A slot that times `slot` as the stage `name`."""

        def timed() -> None:
            with self.stage(name):
                slot()

        return timed


class Repaints(QObject):
    """Counts the update requests the window receives: each one is a repaint of dirty widgets."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count, never consume."""
        if event.type() == QEvent.Type.UpdateRequest:
            self.count += 1
        return False


def settle(app: QApplication, repaints: Repaints, quiet_rounds: int = 3) -> float:
    """Process events until the window stops repainting; the time the last repaint ended."""
    last = time.perf_counter()
    quiet = 0
    while quiet < quiet_rounds:
        before = repaints.count
        app.processEvents()
        if repaints.count != before:
            last, quiet = time.perf_counter(), 0
        else:
            quiet += 1
    return last


def instrument(window: MainWindow, watch: Stopwatch) -> None:
    """Time the views' slots and the rules where the document calls them; the code is unchanged."""
    document, scene, findings, charts = (
        window.document,
        window.scene,
        window.findings,
        window.charts,
    )
    assert document is not None and scene is not None
    assert findings is not None and charts is not None
    for name, slot in (
        ("board", scene._document_changed),
        ("findings panel", findings.refresh),
        ("charts", charts.refresh),
    ):
        document.changed.disconnect(slot)
        document.changed.connect(watch.wrap(name, slot))

    class TimedAnalysis(Analysis):
        def __init__(
            self, workshop: Any, previous: Analysis | None = None, known: str | None = None
        ) -> None:
            with watch.stage("rules"):
                super().__init__(workshop, previous, known)

    document_module.Analysis = TimedAnalysis  # type: ignore[misc]


def open_window(app: QApplication, path: Path, room: bool = False) -> tuple[MainWindow, Repaints]:
    """The main window at 1920x1080, showing the workshop at `path`, fully painted.

    `room`: in the room view (presentation mode), as on the projector.
    """
    window = MainWindow()
    window.resize(1920, 1080)
    window.show()
    if not window.open_path(path):
        raise SystemExit(f"ui_bench: could not open {path}")
    repaints = Repaints()
    window.installEventFilter(repaints)
    settle(app, repaints)
    if room:
        window.presentation_action.setChecked(True)
        window.toggle_presentation(full_screen=False)
        settle(app, repaints)
    window.zoom_to_width()
    settle(app, repaints)
    return window, repaints


def random_moves(window: MainWindow, count: int, seed: int) -> Iterator[tuple[str, str | None]]:
    """Random requests, each to a random column other than its own."""
    rng = random.Random(seed)
    assert window.document is not None
    columns: list[str | None] = [None, *(p.id for p in window.document.workshop.phases)]
    for _ in range(count):
        workshop = window.document.workshop
        request = rng.choice(workshop.requests)
        yield request.id, rng.choice([c for c in columns if c != request.phase])


def measure_moves(
    app: QApplication, path: Path, moves: int, room: bool = False
) -> dict[str, list[float]]:
    """Per-stage and total milliseconds of each move, from the push to the last repaint."""
    window, repaints = open_window(app, path, room)
    watch = Stopwatch()
    instrument(window, watch)
    assert window.scene is not None
    for request_id, phase_id in random_moves(window, 10, seed=1):  # warm up caches
        window.scene.move(request_id, phase_id)
        settle(app, repaints)
    results: dict[str, list[float]] = {stage: [] for stage in (*STAGES, "total", "gc")}
    gc.callbacks.append(watch.on_gc)
    for request_id, phase_id in random_moves(window, moves, seed=2):
        watch.current, watch.collected = {}, 0.0
        began = time.perf_counter()
        window.scene.move(request_id, phase_id)
        pushed = time.perf_counter()
        painted = settle(app, repaints)
        synchronous = pushed - began
        watch.current["other"] = synchronous - sum(watch.current.values())
        watch.current["paint"] = painted - pushed
        watch.current["total"] = painted - began
        watch.current["gc"] = watch.collected
        for stage, seconds in watch.current.items():
            results[stage].append(seconds * 1000)
    gc.callbacks.remove(watch.on_gc)
    document_module.Analysis = Analysis  # type: ignore[misc]
    results["full collections"] = [float(watch.full_collections)]
    results.update(measure_repaints(app, window))
    assert window.document is not None
    window.document.undo_stack.setClean()  # no "Save changes?"; removes the recovery copy
    window.close()
    return results


def measure_repaints(
    app: QApplication, window: MainWindow, repeat: int = 20
) -> dict[str, list[float]]:
    """Full synchronous repaints of each view and the autosave write, for the paint split."""
    assert window.view is not None and window.findings is not None and window.charts is not None
    targets: dict[str, Callable[[], object]] = {
        "repaint: board viewport": window.view.viewport().repaint,
        "repaint: findings list": window.findings.tree.viewport().repaint,
        "relayout: findings list": window.findings.tree.doItemsLayout,
        "repaint: charts": window.charts.repaint,
    }
    if window.autosaver is not None:
        targets["autosave write (250 ms later)"] = window.autosaver.write_now
    times: dict[str, list[float]] = {name: [] for name in targets}
    for _ in range(repeat):
        for name, action in targets.items():
            began = time.perf_counter()
            action()
            times[name].append((time.perf_counter() - began) * 1000)
        app.processEvents()
    return times


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(values, n=100, method="inclusive")[94]


def print_moves(
    results: dict[str, list[float]], moves: int, view: str = "desktop view"
) -> list[tuple[str, str, str, str]]:
    """The per-stage table; returns the rows for the summary."""
    print(f"\nMove latency, {view}, {REQUESTS:,} requests, {moves} moves (milliseconds)")
    print(f"  {'stage':<36} {'median':>8} {'p95':>8} {'share':>7}")
    total = statistics.median(results["total"])
    for stage in (*STAGES, "total"):
        values = results[stage]
        share = statistics.median(values) / total
        print(
            f"  {STAGE_NAMES[stage]:<36} {statistics.median(values):>8.1f} {p95(values):>8.1f}"
            f" {share:>7.0%}"
        )
    gc_ms, full = results["gc"], int(results["full collections"][0])
    print(
        f"  of which garbage collection{'':<9} {statistics.median(gc_ms):>8.1f} {p95(gc_ms):>8.1f}"
        f"   ({full} full collections in {moves} moves)"
    )
    print("  direct measurements for the paint split (not part of the total):")
    for name in results:
        if name not in (*STAGES, "total", "gc", "full collections"):
            print(f"  {name:<36} {statistics.median(results[name]):>8.1f}")
    median, top = statistics.median(results["total"]), p95(results["total"])
    # The target's own split: half a frame to bring the views up to date, half to paint them.
    updated = [
        total - paint for total, paint in zip(results["total"], results["paint"], strict=True)
    ]
    print(
        f"  views updated, before painting{'':<6} {statistics.median(updated):>8.1f}"
        f" {p95(updated):>8.1f}"
    )
    return [
        (f"move latency, {view}, median", f"{median:.1f} ms", "<= 8 ms", verdict(median <= 8)),
        (f"move latency, {view}, p95", f"{top:.1f} ms", "<= 16 ms", verdict(top <= 16)),
        (
            f"move, {view}, views updated before paint, median (of the above)",
            f"{statistics.median(updated):.1f} ms",
            "<= 8 ms (half a frame)",
            verdict(statistics.median(updated) <= 8),
        ),
    ]


def measure_votes(app: QApplication, path: Path, clicks: int) -> list[float]:
    """Milliseconds from a vote (as a card click gives it) until card, chart and findings show it.

    One head gives and takes back dots in turns on random cards, so the budget never runs out
    and every click is a real change (bursts on one card would merge into one command).
    """
    from app.ui.voting.feature import VotingController

    window, repaints = open_window(app, path)
    controller = window.findChild(VotingController)
    assert controller is not None and window.document is not None
    controller.set_voting(True)
    workshop = window.document.workshop
    controller.pick(max(workshop.departments, key=lambda d: dots_left(workshop, d.id)).id)
    _ = controller.chart  # the votes chart is shown while voting
    settle(app, repaints)
    rng = random.Random(3)
    times: list[float] = []
    for click in range(clicks + 10):
        request_id = rng.choice(window.document.workshop.requests).id
        began = time.perf_counter()
        for step in (1, -1):
            assert controller.vote(request_id, step)
            settle(app, repaints)
        if click >= 10:  # the first ten warm the caches
            times.append((time.perf_counter() - began) * 1000 / 2)
    window.document.undo_stack.setClean()
    window.close()
    return times


def print_votes(times: list[float]) -> list[tuple[str, str, str, str]]:
    """The vote-click line; returns the rows for the summary."""
    median, top = statistics.median(times), p95(times)
    print(f"\nVote click, {REQUESTS:,} requests, {len(times)} clicks: card, votes chart, findings")
    print(f"  median {median:.1f} ms, p95 {top:.1f} ms")
    return [("vote click, median", f"{median:.1f} ms", "<= 16 ms (a frame)", verdict(median <= 16))]


def verdict(passed: bool) -> str:
    """PASS or MISS."""
    return "PASS" if passed else "MISS"


# --- start-up and memory, in fresh processes -------------------------------------------------

# Run with `python -c`. "First painted" is observed without changing the app: an application-wide
# event filter sees the first Paint event of any widget, which is delivered inside the window's
# first repaint (one UpdateRequest paints every dirty widget, then flushes); a zero-time timer
# started there fires once that whole repaint has finished, and the child prints that moment on
# the monotonic clock the parent started from. The filter is removed at once and installed in
# the bare run just the same. After a few more rounds of events (the second frame), it prints
# its peak RSS and leaves at once, so exiting is not counted.
DRIVER = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

mode, path = sys.argv[1], sys.argv[2]


def peak_kb():
    # VmHWM, not getrusage: ru_maxrss keeps the forking parent's peak across exec.
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def report():
    painted = time.perf_counter()
    for _ in range(10):
        QApplication.processEvents()
    print(painted, peak_kb(), flush=True)
    os._exit(0)


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, report)
        return False


app = QApplication(["bellwether"])
first_paint = FirstPaint()
app.installEventFilter(first_paint)
if mode == "bare":
    window = QMainWindow()
    window.resize(1600, 1000)  # the size MainWindow opens at
    window.show()
    app.exec()
else:
    from app.launcher import main

    main([path])
"""


@dataclass(frozen=True)
class Launch:
    """One measured process: seconds to the first painted window, and peak RSS in MB."""

    seconds: float
    peak_mb: float


def launch(mode: str, path: Path, *extra: str) -> Launch:
    """Start the driver in a fresh process and read what it reports."""
    env = dict(os.environ, BELLWETHER_DATA_DIR=str(SCRATCH / f"data-{mode}"))
    command = [sys.executable, *extra, "-c", DRIVER, mode, str(path)]
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"ui_bench: the {mode} window did not paint:\n{done.stderr[-2000:]}")
    painted, peak_kb = done.stdout.split()
    return Launch(float(painted) - began, int(peak_kb) / 1024)


def alternate(path: Path, runs: int) -> tuple[list[Launch], list[Launch]]:
    """Bare window and app runs in turns (after one unmeasured round that warms the file cache)."""
    bare: list[Launch] = []
    ours: list[Launch] = []
    for round_ in range(runs + 1):
        pair = launch("bare", path), launch("app", path)
        if round_:
            bare.append(pair[0])
            ours.append(pair[1])
    return bare, ours


def print_startup(runs: int) -> list[tuple[str, str, str, str]]:
    """Start-up with the CRM sample against the bare window; returns the summary row."""
    bare, ours = alternate(CRM, runs)
    bare_s = statistics.median(launch.seconds for launch in bare)
    ours_s = statistics.median(launch.seconds for launch in ours)
    ratio = ours_s / bare_s
    print(f"\nStart-up to the first painted window (median of {runs} runs each, alternating)")
    print(f"  bare PySide6 window             {bare_s * 1000:>7.0f} ms")
    print(f"  Bellwether with the CRM sample  {ours_s * 1000:>7.0f} ms   ratio {ratio:.2f}x")
    return [("start-up vs bare window", f"{ratio:.2f}x", "<= 1.3x", verdict(ratio <= 1.3))]


def print_memory(path: Path, runs: int) -> list[tuple[str, str, str, str]]:
    """Peak RSS showing 1,000 requests against the bare window; returns the summary row."""
    bare, ours = alternate(path, runs)
    bare_mb = statistics.median(launch.peak_mb for launch in bare)
    ours_mb = statistics.median(launch.peak_mb for launch in ours)
    extra = ours_mb - bare_mb
    print(f"\nPeak RSS (median of {runs} runs each)")
    print(f"  bare PySide6 window             {bare_mb:>7.0f} MB")
    print(f"  Bellwether, {REQUESTS:,} requests     {ours_mb:>7.0f} MB   +{extra:.0f} MB")
    return [("peak RSS vs bare window", f"+{extra:.0f} MB", "<= +150 MB", verdict(extra <= 150))]


def import_times() -> dict[str, float]:
    """Milliseconds spent importing each package on the start-up path (own time, summed).

    Packages are grouped by their top-level name, and the app's own by layer (app.ui, ...).
    """
    env = dict(os.environ, BELLWETHER_DATA_DIR=str(SCRATCH / "data-importtime"))
    command = [sys.executable, "-X", "importtime", "-c", DRIVER, "app", str(CRM)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    result: dict[str, float] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|")
        parts = name.strip().split(".")
        group = ".".join(parts[:2]) if parts[0] == "app" else parts[0]
        result[group] = result.get(group, 0.0) + int(own) / 1000
    return result


def print_imports() -> None:
    """The slowest packages to import and whether any heavy library is among them."""
    times = import_times()
    print(f"\nImports on the start-up path (python -X importtime): {sum(times.values()):.0f} ms")
    for name, ms in sorted(times.items(), key=lambda item: -item[1])[:10]:
        print(f"  {name:<40} {ms:>7.1f} ms")
    heavy = [name for name in HEAVY if name in times]
    print("  heavy libraries imported at start-up:", ", ".join(heavy) if heavy else "none")


# --- main ------------------------------------------------------------------------------------


def print_summary(rows: list[tuple[str, str, str, str]]) -> None:
    """The table that goes into the README."""
    print("\n| measure | result | target | |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def print_yardstick(path: Path) -> None:
    """A fixed piece of the app's own Python work, timed in the same run as the rest.

    These machines are noisy: the same code measures up to twice as slow at a busy hour. This
    line says how fast the machine was while the bench ran (the README quotes it beside its
    tables), so numbers from two runs can be told apart from the machine's mood.
    """
    workshop = Workshop.model_validate_json(path.read_text(encoding="utf-8"))
    times = []
    for _ in range(60):
        began = time.perf_counter()
        build_schedule(workshop)
        times.append((time.perf_counter() - began) * 1000)
    print(f"\nYardstick: a full schedule of {REQUESTS:,} requests, median of 60")
    print(f"  {statistics.median(times):.2f} ms")


def main() -> None:
    """Measure, print each part, then the summary table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each kind")
    parser.add_argument("--moves-only", action="store_true", help="only the move latency")
    args = parser.parse_args()
    path = SCRATCH / "generated-1000.bellwether.json"
    path.write_text(json.dumps(generate(REQUESTS)), encoding="utf-8")
    app = QApplication.instance() or QApplication(["bellwether-bench"])
    assert isinstance(app, QApplication)
    try:
        print_yardstick(path)
        rows = print_moves(measure_moves(app, path, args.moves), args.moves)
        rows += print_moves(
            measure_moves(app, path, args.moves, room=True), args.moves, "room view"
        )
        if args.moves_only:
            print_summary(rows)
            return
        rows += print_votes(measure_votes(app, path, args.moves // 2))
        rows += print_startup(args.runs)
        rows += print_memory(path, max(3, args.runs // 2))
        print_imports()
        print_summary(rows)
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
