"""The column choices made for a sheet, remembered for the next sheet with the same headers.

A department sends the same sheet every month; its columns should not have to be chosen
again. The choices live in Bellwether's settings file, keyed by a hash of the header row.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

from app.ui.settings import settings

GROUP = "import-maps"


def header_key(headers: Sequence[str]) -> str:
    """The key of a header row: its named headers, in order, hashed."""
    named = "\x1f".join(header for header in headers if header)
    return hashlib.sha256(named.encode("utf-8")).hexdigest()[:24]


def recall(headers: Sequence[str]) -> dict[str, object] | None:
    """The choices remembered for a sheet with these headers (None: none)."""
    stored = settings().value(f"{GROUP}/{header_key(headers)}")
    if not isinstance(stored, str):
        return None
    try:
        choices = json.loads(stored)
    except ValueError:  # a hand-edited settings file: forget it, choose again
        return None
    return choices if isinstance(choices, dict) else None


def remember(headers: Sequence[str], choices: Mapping[str, object] | None) -> None:
    """Keep the choices for a sheet with these headers (None: forget them)."""
    store = settings()
    key = f"{GROUP}/{header_key(headers)}"
    if choices is None:
        store.remove(key)
    else:
        store.setValue(key, json.dumps(dict(choices), ensure_ascii=False, sort_keys=True))
    store.sync()
