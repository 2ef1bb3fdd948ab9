"""The neutral model every reader produces: blocks of the source, in order, with positions.

A reader only says what the source holds (paragraph text with its formatting,
tables, things that are not text); deciding what is header, heading or list is
left to ``frame`` and ``body``, so the three formats share that logic.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from build_hooks.domain.runs import Run


class UnreadableInput(Exception):
    """The source cannot be read at all (not a document, or a scanned PDF without text); message in Vietnamese."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the source with its runs, style, alignment, numbering and position."""
    runs: tuple[Run, ...]
    line: int
    """Position in the source: paragraph number in a .docx (tables counted cell by cell), line in a
    .txt, running line over the pages of a .pdf; counted from 1."""
    style: str = ""
    """Word style name (``Heading 2``, ``Normal``); empty for text and PDF."""
    align: str = ""
    """``center``, ``right``, ``justify`` or empty (left / unknown)."""
    number: str = ""
    """The number Word displays for an auto-numbered paragraph (``II.``, ``4.1.``, ``a)``), not in ``runs``."""
    bullet: bool = False
    """A Word bulleted list item (the bullet is not in ``runs``)."""
    level: int = 0
    """List level of a Word list item (0 at the top)."""
    notes: tuple[str, ...] = ()
    """Footnote texts referenced from this paragraph, in order."""

    @property
    def text(self) -> str:
        """The paragraph's text, its runs joined."""
        return "".join(r.text for r in self.runs)

    @property
    def bold(self) -> bool:
        """Every visible character is bold (a bold heading written in the Normal style)."""
        visible = [r for r in self.runs if r.text.strip()]
        return bool(visible) and all(r.bold for r in visible)


@dataclass(frozen=True)
class Cell:
    """One table cell: its paragraphs, and how many columns it spans."""
    paragraphs: tuple[Paragraph, ...]
    merged: bool = False
    """A repeat of a merged cell's content (horizontal or vertical merge)."""

    @property
    def text(self) -> str:
        """The cell's text, its paragraphs joined by line breaks."""
        return " ".join(p.text.strip() for p in self.paragraphs if p.text.strip())


@dataclass(frozen=True)
class Table:
    """One table of the source, row by row."""
    rows: tuple[tuple[Cell, ...], ...]
    line: int
    ruled: bool = True
    """False for a PDF table read from the gaps between words (no ruling lines): its columns are a guess."""

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph, row by row, cell by cell (left column before right)."""
        return [p for row in self.rows for cell in row if not cell.merged for p in cell.paragraphs]


@dataclass(frozen=True)
class Placeholder:
    """Something that is not text (image, chart, text box): kept as a located warning, never dropped."""

    what: str
    """``image``, ``chart``, ``textbox``, ``object``."""
    line: int
    name: str = ""
    """File name or description in the source, if any."""
    text: str = ""
    """Text found inside it (a text box), also written out."""


Block = Paragraph | Table | Placeholder


@dataclass(frozen=True)
class Document:
    """A letter as read from any format: its blocks in order, the same for Word, PDF and text."""
    blocks: tuple[Block, ...]
    path: str
    format: str
    """``docx``, ``pdf`` or ``txt``."""
    findings: tuple = field(default=())
    """Problems the reader met (unreadable numbering, legacy encoding)."""


def source_units(doc: Document) -> list[str]:
    """The text of every paragraph, list item and table cell, in order: what ``coverage`` counts."""
    units: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            units.append(block.text)
            units.extend(block.notes)
        elif isinstance(block, Table):
            units.extend(cell.text for row in block.rows for cell in row if not cell.merged)
        elif block.text:
            units.append(block.text)
    return [u for u in units if u.strip()]


NOTE_MARK = "\ue000"
"""Where a footnote reference stands in a paragraph's text (a private-use character no letter holds): the body
writes the letter's next footnote number there as a Markdown reference ``[^n]``."""
