"""A sentence kept as data (its English template and its values), written out when it is read.

The rules do not bake words into their findings: a finding holds a `Text`, and `str(text)` says
it in the language spoken at that moment, with that language's numbers, percentages and dates.
Two texts are equal when their template and values are, whatever the language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.i18n import _, ngettext
from app.i18n.numbers import number, percent


@dataclass(frozen=True, slots=True)
class Percent:
    """A share (0.85) written as a percentage ("85 %" in Danish and Finnish)."""

    share: float


@dataclass(frozen=True, slots=True)
class Day:
    """A day: "1 Nov 2027", "1. nov. 2027", "1. marraskuuta 2027"."""

    value: date


Value = str | int | float | Percent | Day


@dataclass(frozen=True, slots=True)
class Text:
    """An English template with `{name}` places and the values that fill them.

    With a ``plural`` template, the value named ``count`` chooses the form, by the plural rule
    of the language spoken.
    """

    template: str
    values: tuple[tuple[str, Value], ...] = ()
    plural: str | None = None

    def __str__(self) -> str:
        values = dict(self.values)
        if self.plural is None:
            words = _(self.template)
        else:
            count = values["count"]
            assert isinstance(count, int)
            words = ngettext(self.template, self.plural, count)
        return words.format(**{name: written(v) for name, v in values.items()})


def phrase(template: str, **values: Value) -> Text:
    """A sentence to translate (the extractor reads its template): `Text` by keywords."""
    return Text(template, tuple(values.items()))


def counted(singular: str, plural: str, count: int, **values: Value) -> Text:
    """A sentence whose form ``count`` chooses ("waits 1 week", "waits 3 weeks")."""
    return Text(singular, (("count", count), *values.items()), plural)


def written(value: Value) -> str:
    """One value as the language spoken now writes it."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, Percent):
        return percent(value.share)
    from app.i18n.dates import day

    return day(value.value)
