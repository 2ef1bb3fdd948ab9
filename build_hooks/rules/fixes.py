"""Automatic fixes the checker offers: only Unicode normalisation, in place.

The fix rewrites the bytes of the file with every character sequence in NFC and
nothing else changed: line endings, a byte-order mark, trailing spaces and the
final newline stay as they were.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path


def nfc_bytes(data: bytes) -> bytes:
    """``data`` (UTF-8) with its text in NFC; raises UnicodeDecodeError for other encodings."""
    return unicodedata.normalize("NFC", data.decode("utf-8")).encode("utf-8")


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
