"""Benchmark of the roadmap PDF export (`render_pdf`: layout, reportlab, embedding the plan).

Exports the CRM sample and generated workshops of 100 and 1,000 requests (12 phases, 10
departments, about 85 % of the requests scheduled) and prints the median time of each, the page
count, and the 1,000/100 ratio (target: roughly linear, under 12x; the CRM sample under 1 s).

    .venv/bin/python bench/pdf_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from app.domain.model import Workshop  # noqa: E402
from app.report.document import render_pdf  # noqa: E402
from app.storage.workshop_file import load_workshop, workshop_from_data  # noqa: E402

CRM = ROOT / "resources" / "samples" / "crm-rollout.bellwether.json"
PHASES = 12
DEPARTMENTS = (
    "Sales", "Marketing", "Customer service", "HR", "Logistics",
    "Finance", "Management", "Purchasing", "Production", "IT",
)  # fmt: skip
VERBS = ("Shared", "Automated", "Mobile", "Simpler", "Faster", "Self-service", "Central")
NOUNS = (
    "customer register", "quote follow-up", "case handling", "delivery status", "invoice sync",
    "campaign planning", "onboarding checklist", "credit check", "service contract renewals",
    "management dashboard", "returns handling", "visit planning",
)  # fmt: skip


def _request(rng: random.Random, index: int, total: int) -> dict[str, Any]:
    owner = rng.randrange(len(DEPARTMENTS))
    scheduled = rng.random() < 0.85
    phase = min(PHASES - 1, index * PHASES // total)
    benefited = rng.sample(range(len(DEPARTMENTS)), rng.choice((0, 1, 1, 2, 3)))
    return {
        "id": f"r{index}",
        "title": f"{rng.choice(VERBS)} {rng.choice(NOUNS)} for {DEPARTMENTS[owner].lower()}",
        "department": f"d{owner}",
        "effort": rng.choice((2, 3, 5, 8, 13)),
        "benefit": {f"d{d}": rng.choice((1, 2, 3, 5)) for d in benefited},
        "burden": {f"d{owner}": rng.choice((0.5, 1, 2, 4))},
        "weeks_to_benefit": rng.randrange(0, 6),
        "depends_on": [f"r{rng.randrange(index)}"] if index and rng.random() < 0.2 else [],
        "phase": f"p{phase}" if scheduled else None,
    }


def generate(requests: int, seed: int = 11) -> Workshop:
    """A workshop of `requests` requests, 12 phases and 10 departments, about 85 % planned."""
    rng = random.Random(seed)
    items = [_request(rng, index, requests) for index in range(requests)]
    data = {
        "format": "bellwether/1",
        "title": f"Benchmark workshop ({requests:,} requests)",
        "organisation": "Benchmark A/S",
        "start": "2027-01-04",
        "departments": [
            {"id": f"d{i}", "name": name, "head": f"Head of {name}"}
            for i, name in enumerate(DEPARTMENTS)
        ],
        "phases": [
            {
                "id": f"p{i}",
                "name": f"Phase {i + 1}",
                "weeks": 4 + i % 3 * 2,
                "capacity": round(8 * requests / PHASES),
            }
            for i in range(PHASES)
        ],
        "requests": items,
        "votes": {f"d{d}": {f"r{rng.randrange(requests)}": 2} for d in range(len(DEPARTMENTS))},
    }
    return workshop_from_data(data)


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
    rows += [(f"generated, {n:,} requests", generate(n)) for n in (100, 1_000)]
    print(f"{'workshop':<28} {'pages':>5} {'export (median)':>16}")
    results = {}
    for name, workshop in rows:
        seconds, pages = measure(workshop, repeat)
        results[name] = seconds
        print(f"{name:<28} {pages:>5} {seconds:>14.3f} s")
    ratio = results["generated, 1,000 requests"] / results["generated, 100 requests"]
    print(f"1,000 / 100 requests: {ratio:.1f}x (target: under 12x)")


if __name__ == "__main__":
    main()
