"""The encoding rules: NFC, and a file too large to read."""
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


def test_nfc_column_points_at_the_decomposed_letter():
    text = BASE.replace("Nội dung báo cáo của mục II.6.", "Tỉnh Qua\u0309ng Nga\u0303i.")
    assert rules_for(text) == [(33, 8, "not-nfc")]  # the "a" that carries the hook


def test_big_file_is_refused_before_reading(tmp_path):
    from build_hooks.domain.catalogue import MAX_BYTES
    from build_hooks.rules.encoding import file_too_large

    assert file_too_large("x.md", MAX_BYTES) is None
    assert file_too_large("x.md", MAX_BYTES + 1).rule == "file-too-large"



LINE_BREAKERS = sorted({chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".splitlines()) > 1} - {"\n", "\r"})
"""Every code point Python (or YAML) may take for a line break, besides LF and CR: str.splitlines' list."""


def _true_line(text: str, needle: str) -> int:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n").index(
        next(line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if needle in line)) + 1


def test_line_breakers_are_the_ones_the_line_model_names():
    from build_hooks.domain.lines import OTHER_BREAKS

    assert set(LINE_BREAKERS) == OTHER_BREAKS


@pytest.mark.parametrize("breaker", LINE_BREAKERS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("where", ["front-matter", "body"])
def test_no_line_breaking_code_point_hides_a_bidi_control(breaker, where):
    """However many odd breaks precede it, a right-to-left override is reported at its true line."""
    text = BASE
    if where == "front-matter":
        text = text.replace("subject: ", "subject: " + breaker * 4, 1)
    else:
        text = text.replace("Nội dung báo cáo của mục II.6.",
                            f"Dòng {breaker * 4} tiếp.\n\nNội dung báo cáo của mục II.6.")
    text = text.replace("Nội dung báo cáo của mục II.6.", "Giá trị \u202e1.000\u202c tỷ đồng.")
    found = rules_for(text)
    line = _true_line(text, "\u202e")
    assert (line, 9, "bidi-control") in found, found
    odd = [f for f in found if f[2] == "odd-line-break"]
    assert len(odd) == 4 and {f[0] for f in odd} == {_true_line(text, breaker * 4)}, found
