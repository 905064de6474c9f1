"""Helpers for the roadmap PDF tests: render, read text back, change a plan."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
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


def overview_index(pdf: bytes) -> int:
    """The index of the plan on one page: the first landscape page, after the cover."""
    for index, page in enumerate(reader(pdf).pages):
        if float(page.mediabox.width) > float(page.mediabox.height):
            return index
    raise AssertionError("the PDF has no landscape page")


def roadmap_index(pdf: bytes) -> int:
    """The index of the first roadmap sheet: the page after the overview."""
    return overview_index(pdf) + 1


def roadmap_text(pdf: bytes) -> str:
    """The text of the first roadmap sheet."""
    return flat(reader(pdf).pages[roadmap_index(pdf)].extract_text())


def cover_text(pdf: bytes) -> str:
    """The text of the cover: every upright page before the first roadmap sheet."""
    texts = []
    for page in reader(pdf).pages:
        if float(page.mediabox.width) > float(page.mediabox.height):
            break
        texts.append(page.extract_text())
    return flat(" ".join(texts))


def flat(text: str) -> str:
    """Text with every run of white space made one space (lines wrap anywhere in a PDF)."""
    return " ".join(text.split())


def rejoined(lines: Sequence[str], text: str) -> str:
    """`lines` put back together, failing on a break that is not marked.

    A line may end between words, after a dash or slash the text has, or with a hyphen added
    inside a word; never inside a word with no hyphen ("Kampagnesty" / "ring").
    """
    expected, position = flat(text), 0
    for index, line in enumerate(lines):
        more = index < len(lines) - 1
        if expected.startswith(line, position):
            position += len(line)
            if more and expected.startswith(" ", position):
                position += 1
            elif more and line[-1] not in "-–/":
                raise AssertionError(f"{line!r} ends inside a word with no hyphen: {lines}")
        elif more and line.endswith("-") and expected.startswith(line[:-1], position):
            position += len(line) - 1  # the hyphen added where a word is broken
        else:
            raise AssertionError(f"{line!r} is not the text that follows: {lines}")
    return expected[:position]


def bare_splits(word: str, text: str) -> list[str]:
    """The places `word` is printed across two lines with no hyphen at the break (flat text)."""
    pattern = "(?: )?".join(re.escape(char) for char in word)
    return [found for found in re.findall(pattern, text) if re.search(r"[^-–/] ", found)]


def hyphenated(word: str, text: str) -> list[str]:
    """The places `word` is printed across lines with a hyphen added at a break (flat text)."""
    pattern = "(?:- )?".join(re.escape(char) for char in word)
    return [found for found in re.findall(pattern, text) if "- " in found]


def all_text(pdf: bytes) -> str:
    """The text of the whole document, white space flattened."""
    return flat(" ".join(page_texts(pdf)))


def export(path: Path, workshop: Workshop, paper: str = "a4") -> Path:
    """Render `workshop` into `path` and return it."""
    path.write_bytes(render_pdf(workshop, "letter" if paper == "letter" else "a4"))
    return path
