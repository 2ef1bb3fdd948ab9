"""Coverage: a dropped or reordered source paragraph is seen."""
from __future__ import annotations

from build_hooks.importer.coverage import measure


def test_coverage_sees_a_dropped_and_a_reordered_paragraph():
    units = [(1, "Đoạn một."), (2, "Đoạn hai."), (3, "Đoạn ba.")]
    assert measure(units, "Đoạn **một**.\n\nĐoạn hai.\n\nĐoạn ba.").complete
    assert measure(units, "Đoạn một.\n\nĐoạn ba.").missing == ((2, "Đoạn hai."),)
    assert measure(units, "Đoạn hai.\n\nĐoạn một.\n\nĐoạn ba.").found == 2

