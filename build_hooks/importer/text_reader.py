"""Plain text (.txt, or text copied out of a PDF) into the neutral document model.

Text extracted from a printed letter carries its line wrapping and page-break
debris (lines of spaces). Lines are rejoined into paragraphs when the first does
not end a sentence and the next one visibly continues it (starts in lower case or
with a digit, follows a word cut at a hyphen, or follows a line as long as the page).
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from build_hooks.importer.document import Document, Paragraph, Run

ENDS = tuple(".:!?")
"""A line ending so ends its paragraph. A ``;`` ends one only when the next line starts a new one
(items of a list start with ``- ``; a sentence goes on in lower case after it)."""
STARTS_BLOCK = re.compile(r"^(?:[-+•*]\s|[IVXLC]+\.\s|\d+(?:\.\d+)*\.?\s|[a-zđ]\)\s|Kính gửi|Nơi nhận|"
                          r"(?:TM|KT|TL|TUQ|Q)\.\s)")


NUMBERED = re.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))\s")


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _continues(prev: str, nxt: str, long: int) -> bool:
    if not prev or not nxt or prev.endswith(ENDS) or STARTS_BLOCK.match(nxt):
        return False
    if joint(prev, nxt) == "":
        return True
    if prev.endswith(";"):
        return nxt[0].islower()
    if NUMBERED.match(prev):  # a heading goes on only in lower case, or in capitals after capitals
        return nxt[0].islower() or (_upper(prev) and _upper(nxt))
    return nxt[0].islower() or nxt[0].isdigit() or len(prev) >= long


def joint(prev: str, nxt: str) -> str:
    """What goes between a line and the next one it continues: nothing after a word cut at its hyphen
    ("37-" + "CTr/TU": a number), a space otherwise."""
    return "" if prev.endswith("-") and len(prev) > 1 and prev[-2] != " " else " "


def _join(prev: str, nxt: str) -> str:
    return prev + joint(prev, nxt) + nxt


def rejoin_groups(lines: list[tuple[int, str]]) -> list[list[int]]:
    """Indexes into ``lines`` of each paragraph of hard-wrapped ``lines`` (empty lines dropped)."""
    texts = [t for _, t in lines if t]
    lengths = sorted(len(t) for t in texts)
    long = max(int(lengths[int(len(lengths) * 0.9)] * 0.85), 50) if lengths else 10**6
    groups: list[list[int]] = []
    joined: list[str] = []
    for i, (_number, text) in enumerate(lines):
        if not text:
            continue
        if joined and _continues(joined[-1], text, long):
            groups[-1].append(i)
            joined[-1] = _join(joined[-1], text)
        else:
            groups.append([i])
            joined.append(text)
    return groups


def join_lines(texts: list[str]) -> str:
    """Rejoin lines hard-wrapped mid-sentence (as text extracted from a printed letter is)."""
    out = texts[0]
    for text in texts[1:]:
        out = _join(out, text)
    return out


def rejoin(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(first line number, paragraph text) for every paragraph of hard-wrapped ``lines``."""
    return [(lines[g[0]][0], join_lines([lines[i][1] for i in g])) for g in rejoin_groups(lines)]


def clean_lines(raw: str) -> list[tuple[int, str]]:
    """Numbered lines, NFC, spaces collapsed; lines of only spaces (page-break debris) become empty."""
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\f", "\n"))
    return [(i, re.sub(r"[ \t\u00a0]+", " ", line).strip()) for i, line in enumerate(raw.split("\n"), 1)]


def read_text(path: Path, shown: str) -> Document:
    """Read a plain-text letter (UTF-8, or UTF-16 with a byte-order mark) into paragraphs."""
    data = path.read_bytes()
    # Notepad's "Unicode" is UTF-16 with a byte-order mark; everything else must be UTF-8.
    raw = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8-sig")
    return text_document(raw, shown, "txt")


def text_document(raw: str, shown: str, fmt: str) -> Document:
    """Paragraphs from raw text. The frame lines (header, footer) are rejoined by the same rule,
    which keeps them apart: they start in upper case and end short."""
    blocks = [Paragraph((Run(text),), number) for number, text in rejoin(clean_lines(raw))]
    return Document(tuple(blocks), shown, fmt)
