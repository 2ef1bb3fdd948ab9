"""Pipe tables with merged cells, as ``handbook/format.md`` states the convention.

Every row above the delimiter row (``|---|---|``) is a header row; a cell holding only ``<<``
belongs to the cell on its left, a cell holding only ``^^`` to the cell above. Python-Markdown's
``tables`` extension knows one header row and no spans, so a table that uses either is read here
(before it) into ``th``/``td`` elements with ``colspan``/``rowspan``; every other table is left to
the extension. Cell text is inline Markdown, processed later like any other text. A marker with
nothing to join (``<<`` in the first column, ``^^`` in the first row of the header or of the body)
stays as written: a merged area never spans the header and the body.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor

LEFT, UP = "<<", "^^"
_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_SPLIT = re.compile(r"(?<!\\)\|")


def split_row(line: str) -> list[str]:
    """The cells of a pipe-table row (escaped ``\\|`` stays inside its cell)."""
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [cell.strip() for cell in _SPLIT.split(line)]


def _delimiter_index(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        if _DELIMITER.match(line) and "-" in line:
            return i
    return None


def is_merged_table(block: str) -> bool:
    """A pipe table with several header rows or a merge marker."""
    lines = block.split("\n")
    if not lines or not all("|" in line for line in lines):
        return False
    delimiter = _delimiter_index(lines)
    if delimiter is None or delimiter == 0:
        return False
    cells = [c for i, line in enumerate(lines) if i != delimiter for c in split_row(line)]
    return delimiter > 1 or LEFT in cells or UP in cells


def spans(rows: list[list[str]], header_rows: int) -> list[list[tuple[int, int] | None]]:
    """For each cell ``(colspan, rowspan)``, or None where a marker joined it to another cell."""
    width = max(len(r) for r in rows)
    grid = [r + [""] * (width - len(r)) for r in rows]
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    size: dict[tuple[int, int], list[int]] = {}
    out: list[list[tuple[int, int] | None]] = [[None] * width for _ in grid]
    for i, row in enumerate(grid):
        first_of_part = i == 0 or i == header_rows
        for j, text in enumerate(row):
            target = None
            if text == LEFT and j > 0:
                target = owner[i, j - 1]
            elif text == UP and not first_of_part:
                target = owner[i - 1, j]
            if target is None:
                owner[i, j] = (i, j)
                size[i, j] = [1, 1]
                continue
            owner[i, j] = target
            ti, tj = target
            size[target][0] = max(size[target][0], j - tj + 1)
            size[target][1] = max(size[target][1], i - ti + 1)
    for (i, j), (cols, rows_) in size.items():
        out[i][j] = (cols, rows_)
    return out


class MergedTableProcessor(BlockProcessor):
    """Reads a pipe table with several header rows or merge markers into a table with spans."""

    def test(self, parent, block) -> bool:
        """A table only this processor reads."""
        return is_merged_table(block)

    def run(self, parent, blocks) -> None:
        """The table element, head and body, with the spans the markers make."""
        lines = blocks.pop(0).split("\n")
        delimiter = _delimiter_index(lines)
        aligns = [_align(c) for c in split_row(lines[delimiter])]
        rows = [split_row(line) for i, line in enumerate(lines) if i != delimiter]
        table = etree.SubElement(parent, "table")
        layout = spans(rows, delimiter)
        for part, first, last in (("thead", 0, delimiter), ("tbody", delimiter, len(rows))):
            if first == last:
                continue
            section = etree.SubElement(table, part)
            for i in range(first, last):
                tr = etree.SubElement(section, "tr")
                for j, cell in enumerate(layout[i]):
                    if cell is None:
                        continue
                    td = etree.SubElement(tr, "th" if part == "thead" else "td")
                    td.text = rows[i][j] if j < len(rows[i]) else ""
                    cols, down = cell
                    if cols > 1:
                        td.set("colspan", str(cols))
                    if down > 1:
                        td.set("rowspan", str(down))
                    if j < len(aligns) and aligns[j]:
                        td.set("align", aligns[j])


def _align(delimiter_cell: str) -> str:
    left, right = delimiter_cell.startswith(":"), delimiter_cell.endswith(":")
    return "center" if left and right else "right" if right else "left" if left else ""


def register(md) -> None:
    """Put the processor before the ``tables`` extension's (priority 75)."""
    md.parser.blockprocessors.register(MergedTableProcessor(md.parser), "merged_table", 76)
