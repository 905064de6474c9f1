"""Shared fixtures: Qt offscreen, sample paths and a compact workshop builder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
CRM_SAMPLE = SAMPLES / "crm-rollout.bellwether.json"
SMALL_SAMPLE = SAMPLES / "small.bellwether.json"


def workshop_data(**overrides: Any) -> dict[str, Any]:
    """A minimal valid workshop as raw JSON data; keyword arguments replace top-level fields."""
    data: dict[str, Any] = {
        "format": "bellwether/1",
        "title": "Test workshop",
        "start": "2027-01-04",
        "departments": [
            {"id": "sales", "name": "Sales", "head": "Mette Larsen"},
            {"id": "service", "name": "Service", "head": "Ole Ærø"},
        ],
        "phases": [
            {"id": "p1", "name": "Phase 1", "weeks": 4, "capacity": 40},
            {"id": "p2", "name": "Phase 2", "weeks": 4, "capacity": 40},
        ],
        "requests": [],
    }
    data.update(overrides)
    return data


@pytest.fixture
def crm_sample() -> Path:
    """The CRM rollout sample shipped in resources/samples."""
    return CRM_SAMPLE


@pytest.fixture
def small_sample() -> Path:
    """The small English sample."""
    return SMALL_SAMPLE
