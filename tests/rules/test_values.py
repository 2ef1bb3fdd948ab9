"""The value rules: dates against the round and the build date, Vietnamese numbers."""
from __future__ import annotations

import datetime

import pytest

from build_hooks.rules.runner import check_submission
from build_hooks.settings import ROOT
from support.real import REGISTRY, ROUND

BASE = (ROOT / "tests" / "cases" / "good" / "base.md").read_text(encoding="utf-8")


def rules_for(text: str, today=datetime.date(2024, 1, 15)) -> list[tuple[int, int, str]]:
    _sub, problems = check_submission(text, "x.md", "so-xay-dung", 2023, ROUND, REGISTRY, today)
    return sorted((p.line, p.column, p.rule) for p in problems)


@pytest.mark.parametrize("date, today, expected", [
    ("15/01/2024", "2024-01-15", []),                      # the build date itself is fine
    ("16/01/2024", "2024-01-15", [(5, 7, "future-date")]),
    ("01/2024", "2024-01-15", []),                         # month only: the current month is fine
    ("02/2024", "2024-01-31", [(5, 7, "future-date")]),
    ("2024-01-16", "2024-01-15", [(5, 7, "future-date")]),  # ISO form too
    ("01/01/2023", "2025-06-01", []),                      # first day of the round's year
    ("31/12/2024", "2025-06-01", []),                      # last day of the following year
    ("01/01/2025", "2025-06-01", [(5, 7, "date-out-of-round")]),
    ("31/12/2022", "2025-06-01", [(5, 7, "date-out-of-round")]),
    ("29/02/2024", "2025-06-01", []),                      # leap day exists
    ("29/02/2023", "2025-06-01", [(5, 7, "bad-date")]),
])
def test_date_rules(date, today, expected):
    text = BASE.replace("date: 15/12/2023", f"date: {date}")
    assert rules_for(text, datetime.date.fromisoformat(today)) == expected


@pytest.mark.parametrize("value, ok", [
    ('"9,5"', True), ('"1.234,5"', True), ("9.5", True), ('"9.5"', True), ('"8 - 9"', True), ('"> 63"', True),
    ('"≥ 6,5"', True), ('"khoảng 5 tỷ USD"', True), ('"chưa có số liệu"', True), ("-3", True),
    ('"1.234"', True), ("12.5", True), ("9.125", False),  # three decimals unquoted: 9125 or 9,125? write it quoted
    ('"1,234.5"', False), ('"9,5%"', False), ('"9.5.1"', False), ('"9 - "', False), ('"1,2,3"', False),
    ("1.234", False), ("1.234.567", True),  # YAML reads 1.234 as a float; 1.234.567 stays text and is read as 1234567
])
def test_number_rule(value, ok):
    text = BASE.replace('value: "90,5"', f"value: {value}")
    assert rules_for(text) == ([] if ok else [(17, 12, "bad-number")])

