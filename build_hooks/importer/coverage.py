"""Nothing lost: every paragraph, list item and table cell of the letter's body is in the output, in order.

Texts are compared by their letters and digits only (lower case), so Markdown
marks, escapes, rejoined lines and list marks do not matter, but a dropped or
reordered paragraph does.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from build_hooks.importer.document import Paragraph, Placeholder, Table
from build_hooks.letter_text import footnotes


def fold(text: str) -> str:
    """Text reduced to its words (folded, no markup) so the source and the output can be compared."""
    return "".join(c for c in text.lower() if c.isalnum())


def body_units(blocks) -> list[tuple[int, str]]:
    """(source line, text) of every paragraph, list item, footnote and table cell, in order."""
    units: list[tuple[int, str]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            units.append((block.line, block.text))
            units += [(block.line, note) for note in block.notes]
        elif isinstance(block, Table):
            units += [(block.line, cell.text) for row in block.rows for cell in row if not cell.merged]
        elif isinstance(block, Placeholder) and block.text:
            units.append((block.line, block.text))
    return [(line, text) for line, text in units if fold(text)]


ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""A character reference as Markdown reads it: closed by ";" (bounded, so linear on any text)."""


@dataclass(frozen=True)
class Coverage:
    """How many of the source's paragraphs, items and cells are in the output, and which are not."""
    found: int
    total: int
    missing: tuple[tuple[int, str], ...]
    """(source line, text) of every unit not found in order."""

    @property
    def complete(self) -> bool:
        """True when every unit of the source is in the output."""
        return self.found == self.total


def measure(units: list[tuple[int, str]], output: str) -> Coverage:
    """Count the source's units (paragraphs, items, cells) found, in order, in the written Markdown."""
    # "&lt;b&gt;" in the output is "<b>" in the source; but only a reference closed by ";" is one (as Markdown
    # reads it): html.unescape alone also turns "&nbsp đủ" or "&copy 2023" into a character, and the words
    # after them would be reported lost
    output = footnotes.MARK.sub("", output)  # "[^3]", "[^ghi-chu]": the letter's footnote labels, not its text
    haystack = fold(ENTITY.sub(lambda m: html.unescape(m[0]), output))
    at = 0
    missing = []
    for line, text in units:
        pos = haystack.find(fold(text), at)
        if pos < 0:
            missing.append((line, text))
        else:
            at = pos + len(fold(text))
    return Coverage(len(units) - len(missing), len(units), tuple(missing))
