"""Dates, numbers and Vietnamese text helpers."""
from __future__ import annotations

import pytest

from build_hooks.domain.dates import DateError, PartialDate, parse_date
from build_hooks.domain.numbers import format_number, parse_number, parse_quantity
from build_hooks.domain.text import fold, sort_key


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


def test_vietnamese_numbers():
    assert parse_number("9,5") == 9.5
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("1.234") == 1234
    assert parse_number("abc") is None
    assert format_number(1234.5) == "1.234,5" and format_number(9.5) == "9,5"
    assert parse_quantity("8 - 9").kind == "range" and parse_quantity("> 63").op == ">"


def test_fold_and_vietnamese_order():
    assert fold("Đầu tư Công nghiệp") == "dau tu cong nghiep"
    names = ["Ủy ban", "Sở Y tế", "Ban Dân tộc", "Đài", "Dung Quất", "Ân", "An"]
    assert sorted(names, key=sort_key) == ["An", "Ân", "Ban Dân tộc", "Dung Quất", "Đài", "Sở Y tế", "Ủy ban"]
