"""The workshop file format `bellwether/1` as pydantic models.

The models are the single source of truth for what a valid workshop is. They are frozen: an edit
builds a new workshop (see `app.domain.edits`), so a view can never change the plan behind the
document's back, and an old workshop can be kept for undo without copying.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    field_validator,
    model_validator,
)

from app.domain.limits import (
    MAX_ATTENDEES,
    MAX_DEPARTMENTS,
    MAX_DOTS,
    MAX_PHASES,
    MAX_RECORDS,
    MAX_REQUESTS,
    blank,
    control_problem,
)
from app.i18n import N_, _

FORMAT = "bellwether/1"

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}")
# The same rule for pydantic-core's regex engine, where `$` is the very end of the text.
ID_REGEX = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"
ID_RULE = N_("must be 1-64 characters of A-Z a-z 0-9 _ . - starting with a letter or digit")
COLOR_PATTERN = re.compile(r"#[0-9A-Fa-f]{6}")
FINGERPRINT_PATTERN = re.compile(r"sha256:[0-9a-f]{64}")

MAX_WEEKS = 520
TITLE_MAX = 200
TEXT_MAX = 10_000


# Amounts (person-days, points, hours) have a ceiling far above any real plan, so that sums over
# 10,000 requests stay finite and exact enough to compare with a capacity.
MAX_AMOUNT = 1_000_000_000


def _type_name(value: object) -> str:
    """Name a JSON value's type in the words a file's author uses."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _("text")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, list | tuple):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return type(value).__name__


# Line breaks that JSON leaves as they are but `str.splitlines` and some terminals break at.
_UNICODE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def quoted(text: str, limit: int = 60) -> str:
    """Text from a file in double quotes, shortened and with line breaks escaped: one line."""
    shown = json.dumps(text[:limit], ensure_ascii=False).translate(_UNICODE_BREAKS)
    return shown[:-1] + '..."' if len(text) > limit else shown


def _number(value: object) -> float:
    """A finite JSON number; booleans and numeric strings are not numbers."""
    if isinstance(value, str):  # "8": the number's quotes are easily overlooked
        raise ValueError(
            _("must be a number, got text {text} (a number has no quotes)").format(
                text=quoted(value, 20)
            )
        )
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(_("must be a number, got {kind}").format(kind=_type_name(value)))
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(_("must be a finite number, got a number too large")) from None
    if not math.isfinite(number):
        raise ValueError(_("must be a finite number, got {value}").format(value=value))
    return number


def _whole(value: object) -> int:
    """A whole JSON number; `3.0` counts as whole, `3.5` does not."""
    number = _number(value)
    if not number.is_integer():
        raise ValueError(_("must be a whole number, got {value}").format(value=value))
    return int(number)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(_("must be text, got {kind}").format(kind=_type_name(value)))
    return value


def _not_blank(value: str) -> str:
    """A title or name: one line of plain text that prints something."""
    if blank(value):
        raise ValueError(
            _("must not be empty or only white space")
            if not value.strip()
            else _("must not be only invisible characters (zero-width spaces, joiners...)")
        )
    return _one_line(value)


def _one_line(value: str) -> str:
    problem = control_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _lines(value: str) -> str:
    problem = control_problem(value, multiline=True)
    if problem is not None:
        raise ValueError(problem)
    return value


def _not_blank_text(value: str) -> str:
    if blank(value):
        raise ValueError(_("must not be empty or only white space"))
    return value


def _iso_date(value: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = _text(value)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            _("must be a date as YYYY-MM-DD, got {text}").format(text=quoted(text, 40))
        ) from None


def _iso_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    text = _text(value)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            _("must be a date and time in ISO 8601, got {text}").format(text=quoted(text, 40))
        ) from None


def _color(value: object) -> str | None:
    if value is None:
        return None
    text = _text(value)
    if not COLOR_PATTERN.fullmatch(text):
        raise ValueError(
            _("must be a colour as #RRGGBB or null, got {text}").format(text=quoted(text, 40))
        )
    return text


def _plain(value: float) -> float | int:
    """A whole number is written as an integer (12, never 12.0), in files and fingerprints."""
    return int(value) if value.is_integer() else value


# The hot types are checked by pydantic-core itself (strict: no numbers from text, no booleans as
# numbers, no NaN or infinity): loading 10,000 requests must not call Python once per field.
Number = Annotated[
    float,
    Field(strict=True, allow_inf_nan=False),
    PlainSerializer(_plain, when_used="json"),
]
Amount = Annotated[Number, Field(ge=0, le=MAX_AMOUNT)]
Points = Annotated[Number, Field(gt=0, le=MAX_AMOUNT)]
Whole = Annotated[int, BeforeValidator(_whole)]
Text = Annotated[str, Field(strict=True)]
Identifier = Annotated[str, StringConstraints(strict=True, pattern=ID_REGEX)]
Title = Annotated[str, Field(strict=True, max_length=TITLE_MAX), AfterValidator(_not_blank)]
Line = Annotated[str, Field(strict=True, max_length=TITLE_MAX), AfterValidator(_one_line)]
"""One line of text that may be empty: a head, an organisation, a role."""
Prose = Annotated[str, Field(strict=True, max_length=TEXT_MAX), AfterValidator(_lines)]
"""Text that may span lines (tab and line feed allowed): a vision, a description."""
Weeks = Annotated[int, BeforeValidator(_whole), Field(ge=0, le=MAX_WEEKS)]


class _Model(BaseModel):
    """Strict, immutable base: unknown fields are refused by name."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False)


class Settings(_Model):
    """Workshop-wide thresholds of the rules."""

    first_win_weeks: Weeks = 3
    max_gap_weeks: Weeks = 8
    caution_load: Annotated[Number, Field(gt=0, le=1)] = 0.9
    max_onboarding_per_phase: Annotated[Whole, Field(ge=0, le=1000)] = 2
    dots_per_head: Annotated[Whole, Field(ge=0, le=1000)] = 10


class Department(_Model):
    """A department: one swimlane on the board, one head who votes and signs."""

    id: Identifier
    name: Title
    head: Line = ""
    color: Annotated[str | None, BeforeValidator(_color)] = None
    burden_capacity: Amount | None = None
    first_win_weeks: Weeks | None = None
    max_gap_weeks: Weeks | None = None


class Phase(_Model):
    """A phase of the rollout: a column on the board."""

    id: Identifier
    name: Title
    weeks: Annotated[Whole, Field(ge=1, le=MAX_WEEKS)]
    capacity: Amount


class Request(_Model):
    """A feature request: a card on the board, in a phase or in the backlog."""

    id: Identifier
    title: Title
    department: Identifier
    description: Prose = ""
    effort: Amount = 0.0
    benefit: dict[Identifier, Points] = Field(default_factory=dict)
    burden: dict[Identifier, Amount] = Field(default_factory=dict)
    weeks_to_benefit: Weeks = 2
    depends_on: tuple[Identifier, ...] = ()
    phase: Identifier | None = None


class Accepted(_Model):
    """A finding the committee accepted knowingly, with the reason in its own words."""

    key: Annotated[Text, Field(min_length=1, max_length=400), AfterValidator(_one_line)]
    note: Annotated[Prose, AfterValidator(_not_blank_text)]


class Attendee(_Model):
    """Someone who was in the room, for the minutes."""

    name: Title
    role: Line = ""
    department: Identifier | None = None


class Signoff(_Model):
    """A department head's approval of one version of the plan (its fingerprint)."""

    department: Identifier
    name: Title
    at: Annotated[datetime, BeforeValidator(_iso_datetime)]
    fingerprint: str

    @field_validator("fingerprint", mode="before")
    @classmethod
    def _fingerprint_form(cls, value: object) -> str:
        text = _text(value)
        if not FINGERPRINT_PATTERN.fullmatch(text):
            raise ValueError(
                _('must be "sha256:" and 64 hex digits, got {text}').format(text=quoted(text, 80))
            )
        return text


Dots = Annotated[int, BeforeValidator(_whole), Field(ge=0, le=MAX_DOTS)]
Votes = dict[Identifier, dict[Identifier, Dots]]


class Workshop(_Model):
    """One workshop: the whole plan the committee works on, as stored in its file."""

    format: str
    title: Title
    organisation: Line = ""
    vision: Prose = ""
    start: Annotated[date, BeforeValidator(_iso_date)]
    settings: Settings = Field(default_factory=Settings)
    departments: Annotated[tuple[Department, ...], Field(max_length=MAX_DEPARTMENTS)]
    phases: Annotated[tuple[Phase, ...], Field(max_length=MAX_PHASES)]
    requests: Annotated[tuple[Request, ...], Field(max_length=MAX_REQUESTS)]
    votes: Votes = Field(default_factory=dict)
    accepted: Annotated[tuple[Accepted, ...], Field(max_length=MAX_RECORDS)] = ()
    attendees: Annotated[tuple[Attendee, ...], Field(max_length=MAX_ATTENDEES)] = ()
    signoffs: Annotated[tuple[Signoff, ...], Field(max_length=MAX_RECORDS)] = ()

    @field_validator("format", mode="before")
    @classmethod
    def _known_format(cls, value: object) -> str:
        text = _text(value)
        if text != FORMAT:
            raise ValueError(format_problem(text))
        return text

    @model_validator(mode="after")
    def _references(self) -> Workshop:
        from app.domain.calendar import calendar_problem
        from app.domain.integrity import IntegrityError, check_integrity

        check_integrity(self)
        problem = calendar_problem(self)
        if problem is not None:
            raise IntegrityError(problem)
        return self

    def department(self, department_id: str) -> Department:
        """The department with this id (KeyError when there is none)."""
        for department in self.departments:
            if department.id == department_id:
                return department
        raise KeyError(department_id)

    def phase(self, phase_id: str) -> Phase:
        """The phase with this id (KeyError when there is none)."""
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise KeyError(phase_id)

    def request(self, request_id: str) -> Request:
        """The request with this id (KeyError when there is none)."""
        for request in self.requests:
            if request.id == request_id:
                return request
        raise KeyError(request_id)


def format_problem(text: str) -> str:
    """Explain why a `format` value is not one this version reads."""
    match = re.fullmatch(r"bellwether/0*([1-9][0-9]*)", text)
    # Compared as digits, not as an int: a version of 5,000 digits is still just newer.
    if match and (len(match.group(1)), match.group(1)) > (1, "1"):
        return _(
            "{text}: this file was made by a newer version of Bellwether; "
            'this version reads "{format}"'
        ).format(text=quoted(text, 80), format=FORMAT)
    return _('must be "{format}", got {text}: not a Bellwether workshop').format(
        format=FORMAT, text=quoted(text, 80)
    )


def raw_id(data: Any, section: str, index: int) -> str | None:
    """The `id` of `data[section][index]` in a raw, unvalidated document, if it has one."""
    try:
        value = data[section][index]["id"]
    except (KeyError, IndexError, TypeError):
        return None
    return value if isinstance(value, str) else None
