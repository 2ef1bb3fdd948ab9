"""The encoding rules: NFC, and a file too large to read."""
from __future__ import annotations

import datetime

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

