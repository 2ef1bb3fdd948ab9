"""The number Word displays for an auto-numbered paragraph, from ``numbering.xml``.

python-docx gives a paragraph's numbering id and level but never the number the
reader sees (``II.``, ``4.1.``, ``a)``): Word computes it while laying out. We do
the same: one counter per list instance (``numId``) and level, deeper levels
restarting when a shallower one advances, formatted by each level's ``numFmt``
and ``lvlText`` (``%1.%2.``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """``n`` as an upper-case Roman numeral, as Word's ``upperRoman`` format prints it."""
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def letter(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str | None:
    """``n`` in Word's ``numFmt``; None for a format we cannot show."""
    return {"decimal": str(n), "decimalZero": f"{n:02d}", "upperRoman": roman(n), "lowerRoman": roman(n).lower(),
            "upperLetter": letter(n).upper(), "lowerLetter": letter(n), "none": ""}.get(fmt)


@dataclass(frozen=True)
class Level:
    """One level of a Word numbering definition: format, text pattern and start value."""
    fmt: str
    text: str
    """``lvlText``: ``%1.``, ``%1.%2.``, ``-``."""
    start: int = 1


def _val(el, tag: str, default: str = "") -> str:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val", default) if child is not None else default


def read_levels(numbering_xml) -> dict[str, dict[int, Level]]:
    """numId -> level -> definition, with each instance's start overrides applied."""
    if numbering_xml is None:
        return {}
    abstract: dict[str, dict[int, Level]] = {}
    for an in numbering_xml.findall(W + "abstractNum"):
        levels = {}
        for lvl in an.findall(W + "lvl"):
            start = _val(lvl, "start", "1")
            levels[int(lvl.get(W + "ilvl", "0"))] = Level(_val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText"),
                                                          int(start) if start.isdigit() else 1)
        abstract[an.get(W + "abstractNumId")] = levels
    result = {}
    for num in numbering_xml.findall(W + "num"):
        levels = dict(abstract.get(_val(num, "abstractNumId"), {}))
        for override in num.findall(W + "lvlOverride"):
            ilvl, start = int(override.get(W + "ilvl", "0")), _val(override, "startOverride")
            if ilvl in levels and start.isdigit():
                lv = levels[ilvl]
                levels[ilvl] = Level(lv.fmt, lv.text, int(start))
        result[num.get(W + "numId")] = levels
    return result


@dataclass
class Counter:
    """Counts the paragraphs of every list instance as Word does while reading the body in order."""

    levels: dict[str, dict[int, Level]]
    _counts: dict[str, dict[int, int]] = field(default_factory=dict)

    def next(self, num_id: str, ilvl: int) -> tuple[str, bool] | None:
        """(displayed number, is a bullet) of the next paragraph of ``num_id`` at ``ilvl``; None if undefined."""
        defs = self.levels.get(num_id)
        if not defs or ilvl not in defs:
            return None
        counts = self._counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, defs[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        level = defs[ilvl]
        if level.fmt == "bullet":
            return "", True
        text = level.text
        for k in range(ilvl, -1, -1):
            if f"%{k + 1}" in text:
                d = defs.get(k)
                shown = format_number(counts.get(k, d.start if d else 1), d.fmt if d else "decimal")
                if shown is None:
                    return None
                text = text.replace(f"%{k + 1}", shown)
        return text, False
