"""Helpers for the roadmap PDF tests: render, read text back, change a plan."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from app.domain.model import Workshop
from app.report.document import render_pdf
from app.storage.workshop_file import load_workshop, workshop_data, workshop_from_data
from tests.conftest import CRM_SAMPLE, SMALL_SAMPLE


def crm() -> Workshop:
    """The CRM sample (seven Danish departments)."""
    return load_workshop(CRM_SAMPLE)


def small() -> Workshop:
    """The small English sample."""
    return load_workshop(SMALL_SAMPLE)


def changed(workshop: Workshop, **fields: Any) -> Workshop:
    """The workshop with top-level fields replaced, validated like a loaded file."""
    data = workshop_data(workshop)
    data.update(fields)
    return workshop_from_data(data)


def with_more_requests(workshop: Workshop, count: int) -> Workshop:
    """The workshop with `count` extra requests spread over its phases."""
    data = workshop_data(workshop)
    phases = [phase["id"] for phase in data["phases"]]
    departments = [department["id"] for department in data["departments"]]
    for index in range(count):
        owner = departments[index % len(departments)]
        data["requests"].append(
            {
                "id": f"extra-{index}",
                "title": f"Extra request number {index} for the bigger plan",
                "department": owner,
                "effort": 1,
                "benefit": {owner: 1},
                "burden": {owner: 0.5},
                "phase": phases[index % len(phases)],
            }
        )
    return workshop_from_data(data)


def reader(pdf: bytes) -> PdfReader:
    """A pypdf reader over PDF bytes."""
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page, as pypdf extracts it."""
    return [page.extract_text() for page in reader(pdf).pages]


def flat(text: str) -> str:
    """Text with every run of white space made one space (lines wrap anywhere in a PDF)."""
    return " ".join(text.split())


def all_text(pdf: bytes) -> str:
    """The text of the whole document, white space flattened."""
    return flat(" ".join(page_texts(pdf)))


def export(path: Path, workshop: Workshop, paper: str = "a4") -> Path:
    """Render `workshop` into `path` and return it."""
    path.write_bytes(render_pdf(workshop, "letter" if paper == "letter" else "a4"))
    return path
