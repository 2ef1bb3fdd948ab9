"""Recognising Vietnamese text typed in the 8-bit encodings of old Word documents.

Before Unicode, Vietnamese was typed with TCVN3 (ABC) or VNI fonts: the bytes
were ordinary Latin-1 characters that only the special font drew as Vietnamese
letters. Pasted into a Unicode file they show up as ``Qu¶ng Ng·i`` (TCVN3) or
``Quaûng Ngaõi`` (VNI). Neither pattern occurs in real Vietnamese: TCVN3 puts
Latin-1 punctuation (``¶ · « ­ ®``) inside words, and VNI puts letters that
Vietnamese does not have (``û ö ï ñ``) or impossible pairs (``oâ``, ``aê``)
after ASCII letters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# TCVN3 letters that Latin-1 shows as symbols. Left out: ° ± ² ³ (25°C, m², m³ are real text).
_TCVN3 = "¡¢£¤¥¦§¨©ª«¬\u00ad®¯´µ¶·¸¹º»¼½¾¿"
# VNI tone and shape marks that are not Vietnamese letters themselves.
_VNI = "äåæëïñöøûüÿÄÅÆËÏÑÖØÛÜ"
_LETTER = r"[^\W\d_]"
_PLAIN_TCVN3 = _TCVN3.replace("«", "").replace("»", "")
# A symbol after a letter ("Qu¶ng", "t­") or before one ("®Çu"); guillemets only between two letters
# ("C«ng"), since «Quyết định» is real text.
_TCVN3_WORD = re.compile(rf"{_LETTER}[{_PLAIN_TCVN3}]|[{_PLAIN_TCVN3}]{_LETTER}|{_LETTER}[«»]{_LETTER}")
_VNI_WORD = re.compile(rf"{_LETTER}[{_VNI}]|[aeoAEO][âÂ]|[aA][êÊ]|[{_VNI}][A-Za-z]")


# Cheap scans over a whole file: characters Vietnamese never uses, and VNI's impossible pairs.
_RARE = re.compile(f"[{_TCVN3}{_VNI}]")
_VNI_PAIRS = re.compile("[aeoAEO][âÂ]|[aA][êÊ]")


def may_contain_legacy(text: str) -> bool:
    """Quick test over a whole file: False means no line can hold legacy text."""
    return not text.isascii() and (_RARE.search(text) is not None or _VNI_PAIRS.search(text) is not None)


@dataclass(frozen=True)
class LegacyText:
    """A word that looks typed in a legacy Vietnamese font encoding, and which one."""
    column: int
    """0-based column of the first suspicious word."""
    word: str
    encoding: str
    """``TCVN3 (ABC)`` or ``VNI``."""


def find_legacy(line: str) -> LegacyText | None:
    """The first word of ``line`` that looks like TCVN3 or VNI text, if any."""
    if line.isascii():
        return None
    tcvn3, vni = _TCVN3_WORD.search(line), _VNI_WORD.search(line)
    if tcvn3 is None and vni is None:
        return None
    # Both encodings use accented Latin-1 letters (Ö is ệ in TCVN3, Ư in VNI); TCVN3's symbols decide.
    encoding = "TCVN3 (ABC)" if tcvn3 is not None else "VNI"
    first = min((m for m in (tcvn3, vni) if m is not None), key=lambda m: m.start())
    start, end = first.start(), first.end()
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    while end < len(line) and not line[end].isspace():
        end += 1
    return LegacyText(start, line[start:end], encoding)
