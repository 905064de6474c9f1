"""Turn validation errors into one line a facilitator can act on.

`requests[3] (id "crm-mail").effort: must be >= 0, got -5`: the place in the file, with the id of
the item where it has one, then what is wrong and the value found.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from app.domain.model import _type_name, raw_id

_SECTIONS_WITH_IDS = {"departments", "phases", "requests"}


def _shown(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return _type_name(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return f'"{value[:60]}..."' if len(value) > 60 else f'"{value}"'
    return _type_name(value)


def place(loc: tuple[int | str, ...], data: Any) -> str:
    """`('requests', 3, 'effort')` -> `requests[3] (id "crm-mail").effort`."""
    text = ""
    for position, part in enumerate(loc):
        if isinstance(part, int):
            text += f"[{part}]"
            section = loc[position - 1] if position else None
            if position == 1 and section in _SECTIONS_WITH_IDS:
                item_id = raw_id(data, str(section), part)
                if item_id is not None:
                    text += f' (id "{item_id}")'
        else:
            text += f".{part}" if text else str(part)
    return text


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "unknown field (not part of the bellwether/1 format)"
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        return str(ctx["error"])
    bounds = {
        "greater_than_equal": (">=", "ge"),
        "greater_than": (">", "gt"),
        "less_than_equal": ("<=", "le"),
        "less_than": ("<", "lt"),
    }
    if kind in bounds:
        sign, name = bounds[kind]
        return f"must be {sign} {_shown(ctx[name])}, got {_shown(value)}"
    if kind == "string_too_long":
        return f"must be at most {ctx['max_length']:,} characters, got {len(value):,}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind in ("tuple_type", "list_type"):
        return f"must be a list, got {_type_name(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"must be an object, got {_type_name(value)}"
    if kind == "string_type":
        return f"must be text, got {_type_name(value)}"
    return str(error.get("msg", "is not valid"))


def describe(error: Exception, data: Any = None) -> str:
    """One line naming the first problem, and how many more there are."""
    if not isinstance(error, ValidationError):
        return str(error)
    errors = error.errors(include_url=False)
    first = errors[0]
    where = place(tuple(first["loc"]), data)
    line = f"{where}: {_message(first)}" if where else _message(first)
    if len(errors) > 1:
        more = len(errors) - 1
        line += f" (and {more} more problem{'s' if more > 1 else ''})"
    return line
