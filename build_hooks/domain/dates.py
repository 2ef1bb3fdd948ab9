"""Dates as Vietnamese letters carry them, possibly with the day left blank.

Signed paper letters are dated by hand at dispatch, so a transcription may know
only the month: ``12/2023``. ``PartialDate`` keeps that honestly instead of
inventing a day.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date whose day may be blank (``12/2023``), as letters dated by hand at dispatch are."""
    year: int
    month: int
    day: int | None = None
    """None when the day was left blank on the document."""

    def to_date(self) -> _dt.date | None:
        """The calendar date, or None when the day was left blank."""
        return _dt.date(self.year, self.month, self.day) if self.day else None

    def short(self) -> str:
        """``08/12/2023``, or ``12/2023`` when the day is unknown."""
        if self.day is None:
            return f"{self.month:02d}/{self.year}"
        return f"{self.day:02d}/{self.month:02d}/{self.year}"

    def iso(self) -> str:
        """``yyyy-mm-dd``, or ``yyyy-mm`` when the day was left blank."""
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def long(self, place: str = "") -> str:
        """``Quảng Ngãi, ngày 05 tháng 01 năm 2025`` as Nghị định 30/2020 writes it.

        Days below 10 and months 1-2 take a leading zero; a blank day stays blank.
        """
        day = f"{self.day:02d}" if self.day else "\u2003\u2003"
        month = f"{self.month:02d}" if self.month <= 2 else str(self.month)
        text = f"ngày {day} tháng {month} năm {self.year}"
        return f"{place}, {text}" if place else text


class DateError(ValueError):
    """Raised by ``parse_date`` with a Vietnamese message."""


DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
MONTH_YEAR = re.compile(r"^(\d{1,2})/(\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(text: str) -> PartialDate:
    """Read ``dd/mm/yyyy``, ``mm/yyyy`` or ISO ``yyyy-mm-dd``; reject dates that do not exist."""
    text = str(text).strip()
    if m := DAY_MONTH_YEAR.match(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif m := ISO_DATE.match(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := MONTH_YEAR.match(text):
        month, year = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise DateError(f"tháng {month} không tồn tại")
        return PartialDate(year, month, None)
    else:
        raise DateError(f"không đọc được ngày '{text}'")
    try:
        _dt.date(year, month, day)
    except ValueError:
        raise DateError(f"ngày {text} không tồn tại") from None
    return PartialDate(year, month, day)
