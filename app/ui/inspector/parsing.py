"""Reading and writing the inspector's text fields: numbers and `Sales: 3, Service: 1` maps.

Parsing only turns text into values; the domain decides whether the values are allowed, so a
rule (effort >= 0, say) lives in one place. Messages are translatable, which is why this module
uses Qt's translation function although it holds no widgets.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication

from app.domain.model import Department

_CONTEXT = "Inspector"
_SEPARATORS = re.compile(r"[;,\n]")


class ParseError(ValueError):
    """Text that is not the kind of value the field holds; the message says so plainly."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def format_number(value: float | None) -> str:
    """12, 12.5, "" for None: never 12.0."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def parse_number(text: str) -> float:
    """A finite number; a decimal comma is read like a point ("2,5" is 2.5)."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        raise ParseError(_tr("a number is needed here"))
    try:
        value = float(cleaned)
    except ValueError:
        raise ParseError(_tr('"{text}" is not a number').format(text=text.strip()[:40])) from None
    if not math.isfinite(value):
        raise ParseError(_tr('"{text}" is not a finite number').format(text=text.strip()[:40]))
    return value


def parse_optional_number(text: str) -> float | None:
    """A number, or None for an empty field (meaning "not set")."""
    return None if not text.strip() else parse_number(text)


def format_points(points: Mapping[str, float], departments: Iterable[Department]) -> str:
    """`{"sales": 3, "service": 1}` -> `Sales: 3, Customer service: 1`.

    Each department by the name its head knows it by, unless that name would read back as
    another department, or holds a separator or a colon (which would read badly); then by its id.
    """
    labels = department_labels(departments)
    return ", ".join(
        f"{labels.get(key, key)}: {format_number(value)}" for key, value in points.items()
    )


def department_labels(departments: Iterable[Department]) -> dict[str, str]:
    """Per department id, how the points fields name it: `parse_points` reads it back to the id."""
    known = list(departments)
    labels = {}
    for department in known:
        name = department.name.strip()
        taken = {
            word.casefold()
            for other in known
            if other is not department
            for word in (other.id, other.name.strip())
        }
        readable = (
            name
            and not _SEPARATORS.search(name)
            and ":" not in name
            and name.casefold() not in taken
        )
        labels[department.id] = name if readable else department.id
    return labels


def parse_points(text: str, departments: Iterable[Department]) -> dict[str, float]:
    """`sales: 3, service: 1` -> a dict; a department may be named by its id or its name."""
    known = list(departments)
    result: dict[str, float] = {}
    for part in _SEPARATORS.split(text):
        if not part.strip():
            continue
        name, colon, amount = part.rpartition(":")
        if not colon or not name.strip():
            message = _tr('write "department: number", got "{part}"')
            raise ParseError(message.format(part=part.strip()[:40]))
        key = _department_id(name.strip(), known)
        if key in result:
            raise ParseError(_tr('"{name}" is listed twice').format(name=name.strip()))
        result[key] = _points_number(amount, name.strip())
    return result


def _points_number(text: str, name: str) -> float:
    try:
        return parse_number(text)
    except ParseError as error:
        raise ParseError(f"{name}: {error}") from None


def _department_id(name: str, departments: list[Department]) -> str:
    """The id of the department named by its id or (ignoring case) its name."""
    for department in departments:
        if name == department.id:
            return department.id
    for department in departments:
        if name.casefold() in (department.id.casefold(), department.name.strip().casefold()):
            return department.id
    labels = ", ".join(department_labels(departments).values())
    message = _tr('unknown department "{name}" (the departments are: {labels})')
    raise ParseError(message.format(name=name[:40], labels=labels))
