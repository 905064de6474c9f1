"""Compact builders of workshops for the foundation tests (raw JSON data and validated models).

Phases default to 4 weeks each, so p1 ends in week 4, p2 in week 8, p3 in week 12: the week
arithmetic of the rule tests can be read straight off the test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from app.domain.edits import EditError, revalidated
from app.domain.model import Request, Workshop
from app.domain.rules import Finding, findings

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"


def department(department_id: str, **fields: Any) -> dict[str, Any]:
    """A department as raw data; its name is the id capitalised unless given."""
    return {"id": department_id, "name": department_id.capitalize(), **fields}


def phase(phase_id: str, weeks: int = 4, capacity: float = 100, **fields: Any) -> dict[str, Any]:
    """A phase as raw data."""
    return {
        "id": phase_id,
        "name": f"Phase {phase_id}",
        "weeks": weeks,
        "capacity": capacity,
        **fields,
    }


def request(
    request_id: str, phase: str | None = None, department: str = "sales", **fields: Any
) -> dict[str, Any]:
    """A request as raw data, in `phase` (None: the backlog)."""
    return {
        "id": request_id,
        "title": f"Request {request_id}",
        "department": department,
        "phase": phase,
        **fields,
    }


DEPARTMENTS = ("sales", "service", "finance")
PHASES = ("p1", "p2", "p3", "p4")


def raw(
    requests: Sequence[dict[str, Any]] = (),
    *,
    departments: Sequence[dict[str, Any]] | None = None,
    phases: Sequence[dict[str, Any]] | None = None,
    **top: Any,
) -> dict[str, Any]:
    """A whole workshop as raw JSON data: three departments and four 4-week phases by default."""
    data: dict[str, Any] = {
        "format": "bellwether/1",
        "title": "Rules test",
        "start": "2027-01-04",
        "departments": list(departments or [department(d) for d in DEPARTMENTS]),
        "phases": list(phases or [phase(p) for p in PHASES]),
        "requests": list(requests),
    }
    data.update(top)
    return data


def build(requests: Sequence[dict[str, Any]] = (), **kwargs: Any) -> Workshop:
    """A validated workshop (see `raw`)."""
    return Workshop.model_validate(raw(requests, **kwargs))


def found(requests: Sequence[dict[str, Any]] = (), **kwargs: Any) -> list[Finding]:
    """The findings of a workshop built with `raw`."""
    return findings(build(requests, **kwargs))


def keys(items: Iterable[Finding], rule: str | None = None) -> set[str]:
    """The keys of the findings (of one rule, when given)."""
    return {f.key for f in items if rule is None or f.rule == rule}


def only(items: Sequence[Finding], key: str) -> Finding:
    """The one finding with this key (fails when there is none or more than one)."""
    matching = [f for f in items if f.key == key]
    assert len(matching) == 1, f"expected one finding {key!r}, got {[f.key for f in items]}"
    return matching[0]


def write_json(path: Path, data: Any) -> Path:
    """Write data as a JSON file and return its path."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def run_main(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `python main.py ARGS` in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, str(MAIN), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=ROOT,
        check=False,
    )


def replace_request(workshop: Workshop, request_id: str, **changes: Any) -> Workshop:
    """A workshop with one request's fields changed (fully validated)."""
    requests = list(workshop.requests)
    for index, request in enumerate(requests):
        if request.id == request_id:
            fields = request.model_dump()
            fields.update(changes)
            try:
                requests[index] = Request.model_validate(fields)
            except ValueError as error:
                raise EditError(str(error)) from None
            return revalidated(workshop, requests=tuple(requests))
    raise EditError(f'there is no request "{request_id}"')
