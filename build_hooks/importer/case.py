"""Printed upper case back into the case the submission format uses.

A letter prints its signing block in capitals (``KT. TRƯỞNG BAN``, ``PHÓ CHỦ TỊCH``);
the format stores positions as written in running text (``KT. Trưởng ban``,
``Phó Chủ tịch``) and names in title case.
"""
from __future__ import annotations

import re

AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*(.*)$", re.IGNORECASE)
"""An authority line: on behalf of a collective (TM.), deputy (KT.), by order (TL., TUQ.), acting (Q.)."""
PROPER = ("Quảng Ngãi", "Dung Quất", "Việt Nam", "Hồ Chí Minh", "Đảng", "Nhà nước", "Chính phủ", "Quốc hội")
"""Proper nouns that keep their capitals inside a position or body name."""
ABBREVIATIONS = frozenset({"UBND", "HĐND", "MTTQ", "BCH", "BQL", "KKT", "KCN", "CCN", "TW", "TP", "TX"})
"""Kept in capitals inside a position (``TM. UBND tỉnh``)."""


def is_upper(text: str) -> bool:
    """True for text printed in capitals (the header and signature lines of a letter)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def sentence_case(text: str) -> str:
    """``ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI`` -> ``Ủy ban nhân dân tỉnh Quảng Ngãi``."""
    words = [w if w.strip(".,;") in ABBREVIATIONS else w.lower() for w in text.split()]
    out = " ".join(words)
    for name in PROPER:
        out = re.sub(re.escape(name.lower()), name, out)
    return out[:1].upper() + out[1:]


def position(text: str) -> str:
    """A position or authority line in the format's case; mixed-case text is kept as written."""
    text = " ".join(text.split())
    if not is_upper(text):
        return text
    m = AUTHORITY.match(text)
    if m:
        return f"{m[1].upper()}. {position(m[2])}"
    if text.upper().startswith("PHÓ "):
        return "Phó " + sentence_case(text[4:])
    return sentence_case(text)


def name(text: str) -> str:
    """``NGUYỄN THẾ NHÂN`` -> ``Nguyễn Thế Nhân``; a name already in title case is kept."""
    text = " ".join(text.split())
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split()) if is_upper(text) else text
