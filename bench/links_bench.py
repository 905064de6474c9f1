"""Benchmark of the dependency arrows: selecting a card at 1,000 requests, offscreen.

A shown MainWindow (1920x1080) opens a generated workshop of 1,000 requests (`bench/workshops.py`:
12 phases, 10 departments, dependencies on recent requests). Each of N selections picks a random
card with dependencies (both ways), selects it and processes events until the window stops
repainting: once with the arrows following the selection, once with them switched off, in
alternation, so both see the same hour of the machine. The arrows' own share is the difference;
the target is the whole selection, arrows included, within a frame (16.7 ms at 60 Hz). It also
times View > All dependencies (every arrow, drawn at once). Prints ratios; asserts nothing.

    .venv/bin/python bench/links_bench.py [--selections N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
SCRATCH = Path(tempfile.mkdtemp(prefix="bellwether-links-bench-"))
os.environ["BELLWETHER_DATA_DIR"] = str(SCRATCH / "data")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.domain.links import links_of  # noqa: E402
from app.ui.shell.main_window import MainWindow  # noqa: E402
from bench.ui_bench import Repaints, settle  # noqa: E402
from bench.workshops import generate  # noqa: E402

FRAME_MS = 1000 / 60


def open_window(app: QApplication, path: Path) -> tuple[MainWindow, Repaints]:
    """The window at 1920x1080 showing the workshop, painted and settled."""
    window = MainWindow()
    window.resize(1920, 1080)
    window.show()
    if not window.open_path(path):
        raise SystemExit(f"links_bench: could not open {path}")
    repaints = Repaints()
    window.installEventFilter(repaints)
    settle(app, repaints)
    _ = window.charts
    settle(app, repaints)
    return window, repaints


def select(app: QApplication, window: MainWindow, repaints: Repaints, request_id: str) -> float:
    """Milliseconds from selecting the card to the last repaint it caused."""
    scene, view = window.scene, window.view
    assert scene is not None and view is not None
    view.centerOn(scene.card_rect(request_id).center())
    settle(app, repaints)
    began = time.perf_counter()
    scene.select_request(request_id)
    ended = settle(app, repaints)
    scene.select_request(None)
    settle(app, repaints)
    return (ended - began) * 1000


def measure(app: QApplication, path: Path, selections: int) -> dict[str, list[float]]:
    """Selection times with and without the arrows, alternating."""
    window, repaints = open_window(app, path)
    assert window.document is not None and window.links is not None and window.scene is not None
    workshop = window.document.workshop
    linked = sorted({i for link in links_of(workshop) for i in (link.request, link.dependency)})
    rng = random.Random(7)
    times: dict[str, list[float]] = {"arrows": [], "none": [], "links": []}
    scene, layer = window.scene, window.links
    for _ in range(selections):
        request_id = rng.choice(linked)
        times["links"].append(len(links_of(workshop, [request_id])))
        times["arrows"].append(select(app, window, repaints, request_id))
        scene.selectedRequestChanged.disconnect(layer.refresh)
        times["none"].append(select(app, window, repaints, request_id))
        scene.selectedRequestChanged.connect(layer.refresh)
    began = time.perf_counter()
    window.links_action.trigger()
    ended = settle(app, repaints)
    times["all"] = [(ended - began) * 1000, float(len(layer.links))]
    window.document.undo_stack.setClean()
    window.close()
    return times


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--selections", type=int, default=100)
    args = parser.parse_args()
    path = SCRATCH / "generated-1000.bellwether.json"
    path.write_text(json.dumps(generate(1_000)), encoding="utf-8")
    app = QApplication.instance() or QApplication(["bellwether-links-bench"])
    assert isinstance(app, QApplication)
    try:
        times = measure(app, path, args.selections)
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
    with_arrows, without = times["arrows"], times["none"]
    median, baseline = statistics.median(with_arrows), statistics.median(without)
    p95 = sorted(with_arrows)[int(len(with_arrows) * 0.95) - 1]
    print(f"selecting a card, 1,000 requests, {args.selections} selections")
    print(f"  arrows per selection: median {statistics.median(times['links']):.0f}")
    print(f"  with arrows:    median {median:.1f} ms, p95 {p95:.1f} ms")
    print(f"  without arrows: median {baseline:.1f} ms (baseline, same run)")
    print(f"  ratio with/without: {median / baseline:.2f}x")
    print(f"  within a frame ({FRAME_MS:.1f} ms): {'PASS' if median <= FRAME_MS else 'MISS'}")
    print(f"  all dependencies at once: {times['all'][1]:.0f} arrows in {times['all'][0]:.1f} ms")


if __name__ == "__main__":
    main()
