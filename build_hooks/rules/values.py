"""Value rules: the front-matter's dates and indicator figures, once the YAML is read.

Each rule takes a ``Context`` and yields problems; texts and severities live in ``domain.catalogue``.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Iterator

from build_hooks.domain.catalogue import finding
from build_hooks.domain.dates import DateError, PartialDate, parse_date
from build_hooks.domain.lines import split_lines
from build_hooks.domain.numbers import format_number, parse_quantity
from build_hooks.domain.problems import Problem
from build_hooks.load.context import Context


def date_range(ctx: Context) -> Iterator[Problem]:
    """The letter's date lies within the round's year and the next, and not after the build date.

    good: ``date: 15/12/2023`` in the 2023 round
    bad:  ``date: 15/12/2021`` (before the round), a date after today
    """
    if ctx.doc is None or not isinstance(ctx.doc.value, dict) or not isinstance(ctx.doc.value.get("date"), str):
        return
    try:
        date = parse_date(ctx.doc.value["date"])
    except DateError:
        return  # reported as bad-date by frontmatter
    line, col = ctx.doc.where(("date",))
    if not ctx.year <= date.year <= ctx.year + 1:
        yield finding("date-out-of-round", ctx.path, line, col, date=date.short(), year=ctx.year,
                      next_year=ctx.year + 1)
    today = ctx.today or _dt.date.today()
    if _after(date, today):
        yield finding("future-date", ctx.path, line, col, date=date.short(), today=f"{today:%d/%m/%Y}")


def _after(date: PartialDate, today: _dt.date) -> bool:
    if date.day is None:
        return (date.year, date.month) > (today.year, today.month)
    return date.to_date() > today


_NUMBER_LIKE = re.compile(r"^[\s\d.,+\-–<>=≥≤%]*\d[\s\d.,+\-–<>=≥≤%]*$")
QUANTITY_KEYS = ("value", "target", "previous")
"""The keys of an indicator that hold a quantity (``bad-number`` reads each)."""


_THOUSANDS_LOOKALIKE = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")


def bad_number(ctx: Context) -> Iterator[Problem]:
    """An indicator figure written with digits must read as a Vietnamese or plain decimal.

    good: ``"9,5"``, ``"1.234,5"``, ``9.5``, ``"1.234"`` (1234), ``"8 - 9"``, ``"> 63"``, ``"khoảng 5 tỷ USD"``
    bad:  ``"1,234.5"`` (English thousands), ``"9,5%"``, ``"9.5.1"``, and ``1.234`` without quotes,
    which YAML reads as one point two three four although a Vietnamese reader means 1234
    """
    items = ctx.doc.value.get("indicators") if ctx.doc and isinstance(ctx.doc.value, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        for key in QUANTITY_KEYS:
            value, where = item.get(key), ("indicators", i, key)
            if isinstance(value, str) and _NUMBER_LIKE.match(value) and not parse_quantity(value).is_numeric:
                line, col = ctx.doc.where(where)
                yield finding("bad-number", ctx.path, line, col, value=value, key=key)
            elif isinstance(value, float) and _THOUSANDS_LOOKALIKE.fullmatch(written := _as_written(ctx, where)):
                line, col = ctx.doc.where(where)
                yield finding("bad-number", ctx.path, line, col, "unquoted", written=written, key=key,
                              as_decimal=format_number(value), as_integer=written.replace(".", ""),
                              with_comma=written.replace(".", ","))


def _as_written(ctx: Context, where: tuple) -> str:
    """The plain scalar at ``where`` as it is written in the front-matter."""
    line, col = ctx.doc.where(where)
    lines = split_lines(ctx.yaml_text)
    index = line - ctx.yaml_line
    if not 0 <= index < len(lines):
        return ""
    m = re.match(r"[^\s#,\]}]+", lines[index][col - 1:])
    return m[0] if m else ""
