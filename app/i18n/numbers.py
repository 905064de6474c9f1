"""The one way Bellwether writes a number a person reads: on a card, in a finding, in the PDF.

At most two decimals and never a trailing zero ("12", "12.5", "12.25"), never an exponent
("1234567.13", not "1.23457e+06"), with the decimal sign of the language spoken ("12,25" in
Danish and Finnish). Thousands are not grouped: efforts and capacities are read as amounts of
person-days, and a grouping comma would read as a decimal one in the other languages.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache

from app.i18n import language


@cache
def signs(code: str) -> tuple[str, str]:
    """The decimal sign and the minus sign of a language, from CLDR (via Babel)."""
    from babel.numbers import get_decimal_symbol, get_minus_sign_symbol

    return get_decimal_symbol(code), get_minus_sign_symbol(code)


def number(value: float, decimals: int = 2) -> str:
    """``value`` rounded to ``decimals`` places, without trailing zeros, in the current language."""
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_EVEN)
    text = f"{abs(rounded):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    decimal_sign, minus = signs(language())
    text = text.replace(".", decimal_sign)
    return minus + text if rounded < 0 and text != "0" else text


@cache
def _percent_sign(code: str) -> tuple[str, str]:
    """What a language writes before and after the digits of a percentage, from CLDR."""
    from babel.numbers import format_percent

    before, _, after = format_percent(0.5, locale=code).partition("50")
    return before, after


def percent(share: float) -> str:
    """A share (0.856) as a whole percentage: "86%", "86 %" in Danish and Finnish."""
    before, after = _percent_sign(language())
    return before + number(share * 100, 0) + after
