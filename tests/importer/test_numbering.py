"""Word's automatic numbers, as Word displays them."""
from __future__ import annotations

import pytest

from build_hooks.importer.numbering import Counter, Level, roman


@pytest.mark.parametrize("fmt, counts", [("upperRoman", ["I.", "II.", "III."]), ("lowerLetter", ["a)", "b)", "c)"])])
def test_counter_formats_each_level(fmt, counts):
    text = "%1." if fmt == "upperRoman" else "%1)"
    c = Counter({"1": {0: Level(fmt, text)}})
    assert [c.next("1", 0)[0] for _ in range(3)] == counts


def test_counter_restarts_deeper_levels_and_honours_start():
    c = Counter({"1": {0: Level("upperRoman", "%1.", 2), 1: Level("decimal", "%2."), 2: Level("decimal", "%2.%3.")}})
    shown = [c.next("1", lvl)[0] for lvl in (0, 1, 1, 2, 2, 0, 1, 2)]
    assert shown == ["II.", "1.", "2.", "2.1.", "2.2.", "III.", "1.", "1.1."]
    assert roman(1994) == "MCMXCIV"

