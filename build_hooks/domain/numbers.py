"""Numbers as Vietnamese documents write them: decimal comma, dot for thousands.

``"9,5"`` is 9.5, ``"1.234,5"`` is 1234.5 and ``"1.234"`` is 1234 (a dot followed
by exactly three digits is a thousands separator in Vietnamese usage, never a
decimal point). Plain Python numbers from YAML pass through unchanged.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

_VN_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_PLAIN_DECIMAL = re.compile(r"^[+-]?\d+\.\d+$")
_RANGE = re.compile(r"^(?P<lo>[^\s–-][^–]*?)\s*[-–]\s*(?P<hi>.+)$")
_BOUND = re.compile(r"^(?P<op>>=|<=|≥|≤|>|<)\s*(?P<num>.+)$")


def parse_number(value: object) -> float | None:
    """A number from YAML or from Vietnamese text; None when it is not one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if _VN_NUMBER.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _PLAIN_DECIMAL.match(text):
        # "9.5": a dot followed by other than three digits can only be a decimal point.
        return float(text)
    return None


@dataclass(frozen=True)
class Quantity:
    """A reported or target figure: a number, a range, a bound, or only text."""

    text: str
    """As written in the file."""
    low: float | None = None
    high: float | None = None
    kind: str = "text"
    """``number``, ``range``, ``bound`` or ``text``."""
    op: str = ""
    """For bounds: ``>``, ``>=``, ``<`` or ``<=``."""

    @property
    def is_numeric(self) -> bool:
        """True when the figure reads as a number, range or bound (not as text)."""
        return self.kind != "text"


def parse_quantity(value: object) -> Quantity:
    """Read ``9,5``, ``8 - 9``, ``> 63`` or keep free text."""
    text = "" if value is None else str(value).strip()
    number = parse_number(value)
    if number is not None:
        return Quantity(text, number, number, "number")
    if m := _BOUND.match(text):
        number = parse_number(m["num"])
        if number is not None:
            op = {"≥": ">=", "≤": "<="}.get(m["op"], m["op"])
            low, high = (number, None) if op.startswith(">") else (None, number)
            return Quantity(text, low, high, "bound", op)
    if m := _RANGE.match(text):
        low, high = parse_number(m["lo"]), parse_number(m["hi"])
        if low is not None and high is not None and low <= high:
            return Quantity(text, low, high, "range")
    return Quantity(text)


def format_number(value: float, decimals: int | None = None) -> str:
    """``1234.5`` -> ``1.234,5``; ``9.5`` -> ``9,5``; integers without a comma.

    Without ``decimals``, at most three decimals and no trailing zeros, so that
    ``parse_number(format_number(x)) == x`` for every ``x`` with up to three
    decimals (``0.1 + 0.2`` shows as ``0,3``).
    """
    auto = decimals is None
    if auto:
        decimals = 0 if float(value).is_integer() else min(_decimals_of(value), 3)
    text = f"{abs(value):,.{decimals}f}".replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    if auto and "," in text:
        text = text.rstrip("0").rstrip(",")
    return ("-" if value < 0 and text.strip("0.,") else "") + text


def _decimals_of(value: float) -> int:
    text = repr(float(value))
    return len(text.split(".")[1]) if "." in text and "e" not in text else 2


def format_quantity(q: Quantity) -> str:
    """Vietnamese display of a quantity; free text is returned as written."""
    if q.kind == "number":
        return format_number(q.low)
    if q.kind == "range":
        return f"{format_number(q.low)} - {format_number(q.high)}"
    if q.kind == "bound":
        num = q.low if q.low is not None else q.high
        return f"{q.op.replace('>=', '≥').replace('<=', '≤')} {format_number(num)}"
    return q.text


def format_with_unit(q: Quantity | None, unit: str) -> str:
    """``9,5%``, ``1.234,5 tỷ đồng``, ``8 - 9%``; free text as written, without the unit."""
    if q is None:
        return ""
    text = format_quantity(q)
    if not q.is_numeric or not unit:
        return text
    return text + unit if unit == "%" else f"{text} {unit}"
