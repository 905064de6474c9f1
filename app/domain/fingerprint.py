"""The plan's fingerprint: SHA-256 of the workshop in one exact canonical JSON form.

Other tools must be able to compute it, so the form is specified in DESIGN.md and the README:
defaults left out, `signoffs` left out, zero votes left out, keys sorted, no white space,
UTF-8, whole numbers as integers and other numbers as Python's shortest round-trip repr.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from app.domain.model import Signoff, Workshop


def plain_numbers(value: Any) -> Any:
    """Write whole floats as integers, everywhere in a JSON-ready value.

    The models already do this when dumped in JSON mode (see `model.Number`); this is for data
    built by hand.
    """
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {key: plain_numbers(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_numbers(item) for item in value]
    return value


def canonical_data(workshop: Workshop) -> dict[str, Any]:
    """The workshop as the canonical form sees it, before encoding."""
    # JSON mode writes whole numbers as integers already (model.Number's serializer).
    data: dict[str, Any] = workshop.model_dump(
        mode="json", exclude_defaults=True, exclude={"signoffs", "votes"}
    )
    votes = {
        department: {request: dots for request, dots in given.items() if dots}
        for department, given in workshop.votes.items()
    }
    votes = {department: given for department, given in votes.items() if given}
    if votes:
        data["votes"] = votes
    if not data.get("settings", True):
        del data["settings"]
    data["format"] = workshop.format
    return data


def canonical_bytes(workshop: Workshop) -> bytes:
    """The exact bytes that are hashed."""
    text = json.dumps(
        canonical_data(workshop), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return text.encode("utf-8")


def fingerprint(workshop: Workshop) -> str:
    """`sha256:` and the hex digest of the canonical form."""
    return "sha256:" + hashlib.sha256(canonical_bytes(workshop)).hexdigest()


def short(fingerprint_text: str) -> str:
    """The first 12 hex digits, for footers and status lines."""
    return fingerprint_text.removeprefix("sha256:")[:12]


def signoff_validity(workshop: Workshop, current: str | None = None) -> list[tuple[Signoff, bool]]:
    """Each sign-off with whether it approved this very version of the plan.

    `current` is the plan's fingerprint when the caller already has it.
    """
    if not workshop.signoffs:
        return []
    current = current or fingerprint(workshop)
    return [(signoff, signoff.fingerprint == current) for signoff in workshop.signoffs]
