"""Text typed in the old TCVN3 and VNI encodings is recognised."""
from __future__ import annotations

import pytest

from build_hooks.rules.legacy_encoding import find_legacy


@pytest.mark.parametrize("line, word", [
    ("UBND tØnh Qu¶ng Ng·i", "tØnh"), ("C«ng ty", "C«ng"), ("®Çu t­", "®Çu"),
    ("Sôû Coâng Thöông", "Sôû"), ("Quaûng Ngaõi", "Quaûng"),
    ("Quảng Ngãi, Đức Phổ, ưu tiên, 25°C, 3 m², «Quyết định» số 998", None), ("Plain ASCII", None),
])
def test_legacy_encoding_words(line, word):
    found = find_legacy(line)
    assert (found.word if found else None) == word

