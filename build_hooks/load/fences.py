"""Fenced code blocks, found the one way Python-Markdown finds them.

A heading inside a fenced block is code, not a section; HTML inside one is shown,
not run. Both questions must be answered as the renderer will answer them, so
the sectioning (``load.sections``), the HTML detector (``rules.raw_html``) and
the renderer agree: we use Python-Markdown's own ``FENCED_BLOCK_RE``. A fence it
does not close (another fence character or length, an indented fence) is not
code for it, so it is not code here either: the text after it stays text and
its headings stay headings.
"""
from __future__ import annotations

from markdown.extensions.fenced_code import FencedBlockPreprocessor

FENCED_BLOCK_RE = FencedBlockPreprocessor.FENCED_BLOCK_RE


def fenced_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of every fenced block, opening and closing fence lines included."""
    return [m.span() for m in FENCED_BLOCK_RE.finditer(text)]


def fenced_lines(lines: list[str]) -> set[int]:
    """Indices of the lines (with or without their line endings) that belong to a fenced block."""
    text, starts, offset = [], [], 0
    for line in lines:
        piece = line if line.endswith("\n") else line + "\n"
        starts.append(offset)
        text.append(piece)
        offset += len(piece)
    inside: set[int] = set()
    index = 0
    for start, end in fenced_spans("".join(text)):
        while index < len(starts) and starts[index] < start:
            index += 1
        while index < len(starts) and starts[index] < end:
            inside.add(index)
            index += 1
    return inside
