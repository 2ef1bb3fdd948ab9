"""Vietnamese text: folding tones away and Vietnamese alphabetical order."""
from __future__ import annotations

from build_hooks.domain.text import fold, sort_key


def test_fold_and_vietnamese_order():
    assert fold("Đầu tư Công nghiệp") == "dau tu cong nghiep"
    names = ["Ủy ban", "Sở Y tế", "Ban Dân tộc", "Đài", "Dung Quất", "Ân", "An"]
    assert sorted(names, key=sort_key) == ["An", "Ân", "Ban Dân tộc", "Dung Quất", "Đài", "Sở Y tế", "Ủy ban"]

