"""Benchmark of the roadmap PDF export (`render_pdf`: layout, reportlab, embedding the plan).

Exports the CRM sample and generated workshops of 100, 1,000, 2,000 and 10,000 requests
(bench/workshops.py: 12 phases, 10 departments, about 80 % of the requests scheduled) and prints
the median time of each, the page count, and the ratios 1,000/100 (target: under 12x) and
10,000/1,000 (target: within 11x, a cost that grows with the plan, not faster); the CRM sample
under 1 s. The 10,000 is measured once whatever --repeat says.

    .venv/bin/python bench/pdf_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from app.domain.model import Workshop  # noqa: E402
from app.report.document import render_pdf  # noqa: E402
from app.storage.workshop_file import load_workshop, workshop_from_data  # noqa: E402
from bench.workshops import generate  # noqa: E402

CRM = ROOT / "app" / "resources" / "samples" / "crm-rollout.bellwether.json"


def measure(workshop: Workshop, repeat: int) -> tuple[float, int]:
    """The median export time in seconds, and the page count."""
    times = []
    pdf = b""
    for _ in range(repeat):
        began = time.perf_counter()
        pdf = render_pdf(workshop)
        times.append(time.perf_counter() - began)
    return statistics.median(times), len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    """Print one row per workshop and the 1,000/100 ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    render_pdf(load_workshop(CRM))  # warm up: fonts are read once per process
    rows = [("CRM sample (37 requests)", load_workshop(CRM))]
    sizes = (100, 1_000, 2_000, 10_000)
    rows += [(f"generated, {n:,} requests", workshop_from_data(generate(n))) for n in sizes]
    print(f"{'workshop':<28} {'pages':>5} {'export (median)':>16}")
    results = {}
    for name, workshop in rows:
        seconds, pages = measure(workshop, 1 if len(workshop.requests) > 5_000 else repeat)
        results[name] = seconds
        print(f"{name:<28} {pages:>5} {seconds:>14.3f} s")

    def ratio(more: int, fewer: int) -> float:
        return results[f"generated, {more:,} requests"] / results[f"generated, {fewer:,} requests"]

    print(f"1,000 / 100 requests: {ratio(1_000, 100):.1f}x (target: under 12x)")
    print(f"2,000 / 1,000 requests: {ratio(2_000, 1_000):.1f}x")
    print(f"10,000 / 1,000 requests: {ratio(10_000, 1_000):.1f}x (target: within 11x)")


if __name__ == "__main__":
    main()
