"""Read and write workshop files (`.bellwether.json`).

Loading refuses a broken file with one line that names the field; saving is atomic, so a failed
save leaves the old file byte for byte.
"""

from __future__ import annotations

import errno
import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.domain.model import FORMAT, Workshop, format_problem, quoted
from app.domain.problems import describe
from app.i18n import N_, _
from app.storage.atomic import atomic_write
from app.storage.reading import FileReadError, read_file

SUFFIX = ".bellwether.json"
MAX_BYTES = 200 * 1024 * 1024

# What Python's JSON reader says of a broken file, in words a translator can give.
_JSON_PROBLEMS = {
    "Expecting value": N_("Expecting value"),
    "Expecting ':' delimiter": N_("Expecting ':' delimiter"),
    "Expecting ',' delimiter": N_("Expecting ',' delimiter"),
    "Expecting property name enclosed in double quotes": N_(
        "Expecting property name enclosed in double quotes"
    ),
    "Unterminated string starting at": N_("Unterminated string starting at"),
    "Invalid control character at": N_("Invalid control character at"),
    "Invalid \\escape": N_("Invalid \\escape"),
    "Invalid \\uXXXX escape": N_("Invalid \\uXXXX escape"),
    "Extra data": N_("Extra data"),
    "Illegal trailing comma before end of object": N_(
        "Illegal trailing comma before end of object"
    ),
    "Illegal trailing comma before end of array": N_("Illegal trailing comma before end of array"),
}


class WorkshopFileError(Exception):
    """A workshop file that cannot be read; the message is one line for the user."""


def _reject_constant(name: str) -> Any:
    raise ValueError(
        _("{name} is not allowed in a workshop file (every number must be finite)").format(
            name=name
        )
    )


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise ValueError(
                    _("the key {key} appears twice in one object").format(key=quoted(key))
                )
            seen.add(key)
    return result


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector while a file becomes objects (or a one-shot command runs).

    Parsing and validating 10,000 requests creates hundreds of thousands of objects and no
    cycles; the collector would walk them all again and again, for a third of the load time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def decode(raw: bytes) -> str:
    """UTF-8 text, with or without a byte-order mark."""
    if not raw.strip():
        raise WorkshopFileError(_("the file is empty: it holds no workshop"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise WorkshopFileError(
            _("the file is not UTF-8 text (invalid byte 0x{byte:02x} at byte {offset})").format(
                byte=raw[error.start], offset=error.start
            )
        ) from None


def parse_json(text: str) -> Any:
    """JSON with NaN, Infinity and repeated keys refused."""
    try:
        return json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys
        )
    except json.JSONDecodeError as error:
        raise WorkshopFileError(
            _("the file is not valid JSON: {problem} (line {line}, column {column})").format(
                problem=_(_JSON_PROBLEMS.get(error.msg, error.msg)),
                line=error.lineno,
                column=error.colno,
            )
        ) from None
    except RecursionError:
        raise WorkshopFileError(
            _("the file is not a workshop: its JSON is nested too deeply")
        ) from None
    except ValueError as error:
        if "integer string conversion" in str(error):
            # Python's guard against huge integers; its own words speak of Python, not the file.
            raise WorkshopFileError(
                _("the file holds a number with thousands of digits, far too large for a workshop")
            ) from None
        raise WorkshopFileError(
            _("the file is not valid JSON: {problem}").format(problem=error)
        ) from None


def workshop_from_data(data: Any) -> Workshop:
    """Validate parsed JSON as a workshop, or raise WorkshopFileError naming the field."""
    if not isinstance(data, dict):
        raise WorkshopFileError(
            _("the file must hold a JSON object (a workshop), got {kind}").format(kind=_kind(data))
        )
    if "format" not in data:
        raise WorkshopFileError(
            _('format: is required (expected "{format}"): not a Bellwether workshop').format(
                format=FORMAT
            )
        )
    if data["format"] != FORMAT:
        shown = data["format"] if isinstance(data["format"], str) else json.dumps(data["format"])
        raise WorkshopFileError(f"format: {format_problem(str(shown))}")
    try:
        return Workshop.model_validate(data)
    except ValueError as error:
        raise WorkshopFileError(describe(error, data)) from None
    except RecursionError:
        raise WorkshopFileError(_("the file is not a workshop: it is nested too deeply")) from None


def _kind(data: Any) -> str:
    from app.domain.model import _type_name

    return _type_name(data)


def parse_workshop(raw: bytes) -> Workshop:
    """Bytes of a workshop file to a validated workshop."""
    with collector_paused():
        return workshop_from_data(parse_json(decode(raw)))


def load_workshop(path: Path) -> Workshop:
    """Read and validate a workshop file; never writes to it.

    Each stage lets go of the one before it (the bytes once decoded, the text once parsed), so a
    file near the 200 MiB limit is never held three times over: `check` of a 198 MiB workshop
    peaked at 648 MB before.
    """
    try:
        text = [decode(read_file(path, N_("a workshop file"), MAX_BYTES))]
    except FileReadError as error:
        raise WorkshopFileError(str(error)) from None
    with collector_paused():
        return workshop_from_data(parse_json(text.pop()))


def workshop_data(workshop: Workshop) -> dict[str, Any]:
    """The workshop as JSON-ready data, every field present, in the format's field order."""
    # JSON mode writes whole numbers as integers (12, not 12.0), as the fingerprint does.
    data: dict[str, Any] = workshop.model_dump(mode="json")
    return data


def dumps_workshop(workshop: Workshop) -> str:
    """The text of a workshop file: indented, stable key order, non-ASCII kept readable."""
    return json.dumps(workshop_data(workshop), indent=2, ensure_ascii=False) + "\n"


class WorkshopTooLargeError(OSError):
    """A workshop that would make a file larger than any Bellwether reads."""

    def __init__(self, size: int) -> None:
        super().__init__(
            errno.EFBIG,
            _(
                "the workshop would be a file of {size} MiB, more than the {limit} MiB a "
                "workshop file may be: nothing was written"
            ).format(size=f"{size / 2**20:,.0f}", limit=MAX_BYTES // 2**20),
        )


def save_workshop(path: Path, workshop: Workshop) -> None:
    """Write a workshop file atomically (raises OSError with the reason on failure).

    A workshop too large to be read back is refused (WorkshopTooLargeError) before anything is
    written: Bellwether never writes a file it would refuse to open.
    """
    data = dumps_workshop(workshop).encode("utf-8")
    if len(data) > MAX_BYTES:
        raise WorkshopTooLargeError(len(data))
    atomic_write(path, data)
