"""Vietnamese text helpers: normalisation, tone folding, sorting, slugs.

Kept dependency-free on purpose: the rules of the Vietnamese alphabet are short
and stable, and the same fold must be reproduced in the browser's search code.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_COMBINING = re.compile("[\u0300-\u036f]")

# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
_BASE_ORDER = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# Tones sort after the base letters: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def nfc(text: str) -> str:
    """Text in Unicode NFC, the one form the project stores and compares."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case and drop tones and letter marks: ``Đầu tư`` -> ``dau tu``."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return _COMBINING.sub("", decomposed).replace("đ", "d")


def folded_words(text: str) -> str:
    """The text's words, folded and space-separated, punctuation dropped: what two titles must share to be
    the same title (``Tồn tại, hạn chế:`` and ``TỒN TẠI HẠN CHẾ`` are both ``ton tai han che``)."""
    return " ".join(re.findall(r"\w+", fold(text)))


@lru_cache(maxsize=None)  # a few hundred distinct characters; sorting 2,000 names asks millions of times
def _letter_key(ch: str) -> tuple[int, int]:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = decomposed[0]
    marks = decomposed[1:]
    letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _LETTER_MARKS))
    tone = max((_TONES.get(m, 0) for m in marks), default=0)
    pos = _BASE_ORDER.find(letter)
    if pos < 0:
        return (1000 + ord(letter[0]), tone)
    return (pos, tone)


@lru_cache(maxsize=65536)
def sort_key(text: str) -> tuple:
    """Key that orders strings as a Vietnamese dictionary does.

    Letters compare first (so ``Đ`` comes after ``D``, ``Ư`` after ``U``),
    tones only break ties, and case is ignored.
    """
    letters = tuple(_letter_key(c)[0] for c in nfc(text))
    tones = tuple(_letter_key(c)[1] for c in nfc(text))
    return (letters, tones, text)


def slugify(text: str) -> str:
    """ASCII slug for ids and anchors: ``Sở Công Thương`` -> ``so-cong-thuong``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
