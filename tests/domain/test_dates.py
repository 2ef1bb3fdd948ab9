"""Dates: the three accepted forms, impossible dates, and dates as Nghị định 30 writes them."""
from __future__ import annotations

import pytest

from build_hooks.domain.dates import DateError, PartialDate, parse_date


def test_dates_in_the_three_accepted_forms():
    assert parse_date("08/12/2023") == PartialDate(2023, 12, 8)
    assert parse_date("2023-12-08") == PartialDate(2023, 12, 8)
    assert parse_date("12/2023") == PartialDate(2023, 12, None)


@pytest.mark.parametrize("text", ["31/11/2023", "29/02/2023", "13/2023", "2023/12/08", "ngày 8"])
def test_impossible_or_unreadable_dates(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_dates_written_as_nghi_dinh_30_says():
    assert PartialDate(2025, 1, 5).long("Quảng Ngãi") == "Quảng Ngãi, ngày 05 tháng 01 năm 2025"
    assert PartialDate(2023, 12, 8).long("Quảng Ngãi") == "Quảng Ngãi, ngày 08 tháng 12 năm 2023"
    assert "tháng 12 năm 2023" in PartialDate(2023, 12).long() and "ngày \u2003" in PartialDate(2023, 12).long()
    assert PartialDate(2023, 12).short() == "12/2023"

