"""Turn validation errors into one line a facilitator can act on.

`requests[3] (id "crm-mail").effort: must be >= 0, got -5`: the place in the file, with the id of
the item where it has one, then what is wrong and the value found.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from app.domain.model import ID_RULE, MAX_AMOUNT, _type_name, quoted, raw_id
from app.i18n import N_, _, ngettext

_SECTIONS_WITH_IDS = {"departments", "phases", "requests"}


def _shown(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return _type_name(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return quoted(value)
    return _type_name(value)


def _is_name(part: str) -> bool:
    return part.isidentifier() and part.isascii()


def place(loc: tuple[int | str, ...], data: Any) -> str:
    """`('requests', 3, 'effort')` -> `requests[3] (id "crm-mail").effort`.

    Keys taken from the file (department ids in `benefit`, say) are quoted unless they are plain
    names, so a hostile key cannot break the message over lines or make it endless.
    """
    text = ""
    for position, part in enumerate(loc):
        if isinstance(part, int):
            text += f"[{part}]"
            section = loc[position - 1] if position else None
            if position == 1 and section in _SECTIONS_WITH_IDS:
                item_id = raw_id(data, str(section), part)
                if item_id is not None:
                    text += f" (id {quoted(item_id)})"
        elif part == "[key]":
            text += _(" (the key)")
        elif not _is_name(part):
            text += f"[{quoted(part)}]"
        else:
            text += f".{part}" if text else part
    return text


_FIXED = {
    "missing": N_("is required"),
    "extra_forbidden": N_("unknown field (not part of the bellwether/1 format)"),
    "string_too_short": N_("must not be empty"),
    "string_unicode": N_("must be text, got text with a broken character (an unpaired surrogate)"),
}
_EXPECTED = {
    "tuple_type": N_("must be a list, got {kind}"),
    "list_type": N_("must be a list, got {kind}"),
    "model_type": N_("must be an object, got {kind}"),
    "dict_type": N_("must be an object, got {kind}"),
    "model_attributes_type": N_("must be an object, got {kind}"),
    "string_type": N_("must be text, got {kind}"),
}
_BOUNDS = {
    "greater_than_equal": (">=", "ge"),
    "greater_than": (">", "gt"),
    "less_than_equal": ("<=", "le"),
    "less_than": ("<", "lt"),
}


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind in _FIXED:
        return _(_FIXED[kind])
    if kind in _EXPECTED:
        return _(_EXPECTED[kind]).format(kind=_type_name(value))
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        return str(ctx["error"])
    if kind in _BOUNDS:
        sign, name = _BOUNDS[kind]
        return _("must be {sign} {limit}, got {value}").format(
            sign=sign, limit=_shown(ctx[name]), value=_shown(value)
        )
    if kind == "too_long" and isinstance(value, list | tuple):
        return _("must hold at most {limit:,} items, got {count:,}").format(
            limit=ctx["max_length"], count=len(value)
        )
    if kind in ("string_too_long", "too_long"):
        return _("must be at most {limit:,} characters, got {count:,}").format(
            limit=ctx["max_length"], count=len(value)
        )
    if kind == "string_pattern_mismatch":
        return _("{rule}, got {value}").format(rule=_(ID_RULE), value=_shown(value))
    if kind == "float_type":
        return _not_a_number(value)
    if kind == "finite_number":
        return _("must be a finite number, got {value}").format(value=value)
    return str(error.get("msg") or _("is not valid"))


def _not_a_number(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return _("must be <= {limit}, got a number too large").format(limit=MAX_AMOUNT)
    return _("must be a number, got {kind}").format(kind=_type_name(value))


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
        line += ngettext(
            " (and {count} more problem)", " (and {count} more problems)", more
        ).format(count=more)
    return line
