"""Automatic fixes the checker offers, in place: Unicode normalisation and Word's heading characters.

The fix rewrites the bytes of the file with every character sequence in NFC and,
in heading lines, Word's invisible characters replaced by what they stand for
(``wordchars``: non-breaking spaces, zero-width characters, ``Ⅲ``), and nothing
else changed: line endings, a byte-order mark, trailing spaces and the final
newline stay as they were.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from build_hooks.domain.wordchars import clean_headings


def nfc_bytes(data: bytes) -> bytes:
    """``data`` (UTF-8) with its text in NFC; raises UnicodeDecodeError for other encodings."""
    return clean_headings(unicodedata.normalize("NFC", data.decode("utf-8"))).encode("utf-8")


def fix_nfc(path: Path) -> bool:
    """Normalise ``path`` in place; True when it changed. Files that are not UTF-8 are left alone."""
    data = path.read_bytes()
    try:
        fixed = nfc_bytes(data)
    except UnicodeDecodeError:
        return False
    if fixed == data:
        return False
    path.write_bytes(fixed)
    return True
