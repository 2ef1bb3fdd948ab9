"""Which agency sent a letter: recognised from its header lines and the code in its number.

The registry gives each agency its header line (``header``, default its name in capitals), its
name and the code of its document numbers. A letter's header names its issuing body on one or two
lines (``ỦY BAN NHÂN DÂN`` / ``HUYỆN BÌNH SƠN``), so the header lines are read joined; the longest
registry header found there wins, and the code in the number (``1234/SXD-QLXD``, ``/BC-UBND``)
decides between agencies whose header or code alone would be ambiguous. When nothing decides, the
letter is not imported and the closest registry entries are named.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from build_hooks.domain.model import Registry
from build_hooks.importer.frame import Frame

PARENTS = ("UBND TỈNH QUẢNG NGÃI", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
"""Parent-body lines of the header: not the issuer, so not compared when naming the closest entries."""
CLOSEST = 3
"""How many registry entries an unrecognised letter is shown."""


@dataclass(frozen=True)
class Recognised:
    """The agency found (None when nothing decides) and, when not found, the closest registry ids."""
    agency: str | None
    how: str = ""
    """In Vietnamese, what the agency was recognised by (``tiêu đề``, ``mã số``, ``tiêu đề và mã số``)."""
    closest: tuple[str, ...] = ()


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().replace("hoà", "hòa")
    return " ".join(re.findall(r"\w+", text))


def number_codes(number: str) -> set[str]:
    """The codes after the slash of a document number: ``1234/SXD-QLXD`` → {SXD, QLXD}."""
    _, slash, tail = number.partition("/")
    return {unicodedata.normalize("NFC", c).upper() for c in re.split(r"[-/]", tail) if c} if slash else set()


def recognise(frame: Frame, registry: Registry) -> Recognised:
    """The agency that issued a letter, from its header lines and its number."""
    issuer = " " + _fold(" ".join(frame.issuer)) + " "
    by_header = {}
    for a in registry.agencies:
        for line in {a.header, a.name}:
            folded = _fold(line)
            if folded and f" {folded} " in issuer:
                by_header[a.id] = max(by_header.get(a.id, 0), len(folded))
    codes = number_codes(frame.number)
    by_code = {a.id for a in registry.agencies if a.code and unicodedata.normalize("NFC", a.code).upper() in codes}
    if by_header:
        longest = max(by_header.values())
        best = [i for i, n in by_header.items() if n == longest]
        if len(best) == 1:
            return Recognised(best[0], "tiêu đề và mã số" if best[0] in by_code else "tiêu đề")
        both = [i for i in best if i in by_code]
        if len(both) == 1:
            return Recognised(both[0], "tiêu đề và mã số")
    elif len(by_code) == 1:
        return Recognised(next(iter(by_code)), "mã số")
    return Recognised(None, closest=closest(frame, registry))


def closest(frame: Frame, registry: Registry) -> tuple[str, ...]:
    """The registry ids whose header or name is nearest the letter's header lines (best first)."""
    parents = {_fold(a.parent) for a in registry.agencies} | {_fold(p) for p in PARENTS}
    own = [_fold(line) for line in frame.issuer if _fold(line) not in parents] or [_fold(" ".join(frame.issuer))]
    own.append(" ".join(own))
    codes = number_codes(frame.number)

    def score(a) -> float:
        near = max(difflib.SequenceMatcher(None, line, _fold(a.header or a.name)).ratio() for line in own)
        return near + (0.2 if a.code.upper() in codes else 0.0)
    ranked = sorted(registry.agencies, key=lambda a: (-score(a), registry.order(a.id)))
    return tuple(a.id for a in ranked[:CLOSEST])
