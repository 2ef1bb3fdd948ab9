"""A PDF with a text layer into the neutral document model, with pdfplumber (MIT).

pdfplumber gives every word with its position and font. Words on one baseline
form a line; a wide gap splits a line into segments. A run of lines that starts
with a two-segment line and never crosses the middle of the page is the ND30
two-column header or footer, and becomes a table (left column, right column),
as Word lays it out. Page numbers and running headers repeated on several pages
are dropped; lines are rejoined into paragraphs as in ``text_reader``.
PyMuPDF would do the same but is AGPL; pypdf gives no word positions.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from build_hooks.importer.document import Cell, Document, Paragraph, Run, Table, UnreadableInput
from build_hooks.importer.text_reader import join_lines, joint, rejoin_groups

MARK = re.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|[-–•+*▪◦])$")
"""A list number or bullet, which Word follows with a tab."""
OCR_HINT = ("Tệp PDF này không có lớp chữ (bản quét hoặc ảnh chụp). Cần nhận dạng ký tự (OCR) trước, ví dụ bằng "
            "ocrmypdf -l vie, rồi nhập lại tệp đã OCR; tốt nhất là xin cơ quan gửi tệp Word (.docx).")


@dataclass(frozen=True)
class Segment:
    """A run of words on one PDF line, with its position, size and font."""
    text: str
    x0: float
    x1: float
    bold: bool
    """Every word is bold (a list number in its own font aside)."""
    italic: bool
    runs: tuple[Run, ...] = ()
    """The words as runs of one style each: a bold or italic lead-in stays apart from the text after it."""


@dataclass(frozen=True)
class PdfLine:
    """One line of a PDF page as segments, so header and footer columns can be told apart."""
    segments: tuple[Segment, ...]
    page: int
    top: float
    width: float
    """Page width."""
    number: int = 0
    size: float = 0.0
    """Font size of the line's first word."""
    table: Table | None = None
    """A table found by its ruling lines, standing where it starts on the page (its words are not in lines)."""

    @property
    def text(self) -> str:
        """The line's text, its segments joined."""
        return " ".join(s.text for s in self.segments)

    @property
    def runs(self) -> list[Run]:
        """The line's runs, its segments joined by a space (as ``text``)."""
        out: list[Run] = []
        for seg in self.segments:
            if out:
                out[-1] = replace(out[-1], text=out[-1].text + " ")
            out += list(seg.runs or (Run(seg.text, seg.bold, seg.italic),))
        return out

    def crosses(self, x: float) -> bool:
        """Some segment runs well over ``x`` (a column boundary): a centred line of a column may
        overhang the middle of the gap a little, a line of the body runs across it."""
        return any(s.x0 < x - 15 and s.x1 > x + 15 for s in self.segments)

    def centred(self) -> bool:
        """True when the line stands in the middle of the page (a kind, a title)."""
        x0, x1 = self.segments[0].x0, self.segments[-1].x1
        return abs((x0 + x1) / 2 - self.width / 2) < 12 and (x1 - x0) < self.width * 0.7


def _style(font: str) -> tuple[bool, bool]:
    font = font.lower()
    return "bold" in font, "italic" in font or "oblique" in font


def _ruled_tables(page) -> list:
    """pdfplumber's tables drawn with ruling lines, of at least two rows and two columns (ND30's header and
    footer tables have no rulings, and stay with the lines)."""
    return [t for t in page.find_tables() if len(t.rows) >= 2 and max(len(r.cells) for r in t.rows) >= 2]


def _inside(word: dict, box: tuple) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _table_of(found, words: list[dict], line: int) -> Table:
    """A ruled table cell for cell: each cell's words rejoined; a cell covered by a merge is ``merged``, sharing
    the paragraphs of the cell it belongs to (left, or above when the cell above reaches down into its row)."""
    rows: list[list[Cell]] = []
    for r, row in enumerate(found.rows):
        cells: list[Cell] = []
        for c, box in enumerate(row.cells):
            if box is None:
                above = found.rows[r - 1].cells[c] if r > 0 and c < len(found.rows[r - 1].cells) else None
                up = r > 0 and (c == 0 or (above is not None and above[3] > row.bbox[1] + 1))
                source = rows[r - 1][c] if up and c < len(rows[r - 1]) else cells[-1] if cells else None
                cells.append(Cell(source.paragraphs if source else (), merged=source is not None))
                continue
            inside = sorted((w for w in words if _inside(w, box)), key=lambda w: (round(w["top"]), w["x0"]))
            lines: list[list[str]] = []
            last_top = None
            for w in inside:
                if last_top is None or abs(w["top"] - last_top) > w["size"] * 0.5:
                    lines.append([])
                    last_top = w["top"]
                lines[-1].append(w["text"])
            text = unicodedata.normalize("NFC", join_lines([" ".join(ws) for ws in lines])) if lines else ""
            cells.append(Cell((Paragraph((Run(text),), line),) if text else ()))
        rows.append(cells)
    return Table(tuple(tuple(r) for r in rows), line)


def _continued(table: Table, more: Table) -> Table:
    """``table`` with the rows of its continuation on the next page. A first row whose first cell is empty
    carries on the row the page broke (``(giá so sánh`` / ``2010)``): its cells are joined to that row's."""
    rows = list(table.rows)
    first = more.rows[0]
    if not first[0].text and any(c.text for c in first):
        joined = []
        for a, b in zip(rows[-1], first, strict=True):
            text = join_lines([t for t in (a.text, b.text) if t])
            joined.append(Cell((Paragraph((Run(text),), table.line),) if text else (), a.merged and not b.text))
        rows[-1] = tuple(joined)
        more_rows = more.rows[1:]
    else:
        more_rows = more.rows
    return Table(tuple(rows) + tuple(more_rows), table.line)


def _lines_of_page(page, index: int) -> list[PdfLine]:
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=False)
    found = _ruled_tables(page)
    boxes = [t.bbox for t in found]
    in_tables = [w for w in words if any(_inside(w, b) for b in boxes)]
    words = [w for w in words if not any(_inside(w, b) for b in boxes)]
    size = float(Counter(round(w["size"], 1) for w in in_tables).most_common(1)[0][0]) if in_tables else 12.0
    tables = [PdfLine((), index, t.bbox[1], float(page.width), 0, size, _table_of(t, in_tables, 0)) for t in found]
    return sorted(_word_lines(page, index, words) + tables, key=lambda line: line.top)


def _word_lines(page, index: int, words: list[dict]) -> list[PdfLine]:
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        # within half a line of the row's first word: one line (a superscript sits a little higher or lower)
        if rows and abs(rows[-1][0]["top"] - w["top"]) < max(rows[-1][0]["size"], w["size"]) * 0.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    out = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        gap_limit = max(row[0]["size"] * 1.5, 12)  # a word space is about 0.25 em; columns are further apart
        segments: list[list[dict]] = [[row[0]]]
        for w in row[1:]:
            lone_mark = len(segments[-1]) == 1 and MARK.match(segments[-1][0]["text"])
            if w["x0"] - segments[-1][-1]["x1"] > gap_limit and not lone_mark:
                segments.append([w])  # a list number or bullet before a tab stays with its text
            else:
                segments[-1].append(w)
        segs = []
        for seg in segments:
            runs = _word_runs(seg)
            segs.append(Segment("".join(r.text for r in runs), seg[0]["x0"], seg[-1]["x1"],
                                all(r.bold for r in runs if r.text.strip()),
                                all(r.italic for r in runs if r.text.strip()), tuple(runs)))
        size = Counter(round(w["size"], 1) for w in row).most_common(1)[0][0]
        out.append(PdfLine(tuple(segs), index, row[0]["top"], float(page.width), 0, float(size)))
    return out


TAB_GAP = 0.5
"""A gap wider than this many ems after a list number is Word's tab, not a word space (about 0.25 em)."""


def _word_runs(words: list[dict]) -> list[Run]:
    """Words of one segment as runs of one style each, NFC. Words are spaced only where the page leaves a
    gap: pdfplumber also cuts a word where the font changes ("quả" bold, ":" not), and no space was there. A
    leading list number or bullet that a tab parts from its text is Word's automatic number, drawn in its own
    font: it takes the style of the word after it. A number a word space parts from its text is text (a bold
    "12" that a wrapped line starts with keeps its bold)."""
    styles = [_style(w["fontname"]) for w in words]
    if (len(words) > 1 and MARK.match(words[0]["text"])
            and words[1]["x0"] - words[0]["x1"] > words[0]["size"] * TAB_GAP):
        styles[0] = styles[1]
    runs: list[Run] = []
    for i, (w, (bold, italic)) in enumerate(zip(words, styles, strict=True)):
        gap = " " if i and w["x0"] - words[i - 1]["x1"] > w["size"] * 0.1 else ""
        text = unicodedata.normalize("NFC", w["text"])
        if runs and (runs[-1].bold, runs[-1].italic) == (bold, italic):
            runs[-1] = Run(runs[-1].text + gap + text, bold, italic)
        else:
            runs.append(Run(gap + text, bold, italic))
    return runs


def _footnotes(lines: list[PdfLine]) -> tuple[list[PdfLine], list[PdfLine]]:
    """(body lines, footnote lines) of one page: footnotes are the lines at the foot of the page in a
    smaller type than the page's text, the first starting with its number."""
    if len(lines) < 3:
        return lines, []
    body_size = Counter(round(line.size) for line in lines).most_common(1)[0][0]
    start = len(lines)
    while start > 0 and lines[start - 1].size < body_size * 0.88:
        start -= 1
    while start < len(lines) and not re.match(r"^[\d*¹²³⁴⁵⁶⁷⁸⁹]", lines[start].text):
        start += 1
    return lines[:start], lines[start:]


def _attach_notes(blocks: list, notes: list[PdfLine]) -> list:
    """Each footnote becomes a note of the paragraph that carries its number (else of the paragraph before it)."""
    for note in notes:
        m = re.match(r"^(\d+)\s*(.*)$", note.text)
        number, text = (m[1], m[2]) if m else ("", note.text)
        before = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.line < note.number]
        marked = [i for i in before if number and re.search(rf"\D{number}$|\D{number}\D", blocks[i].text)]
        if not before:
            blocks.append(Paragraph((Run(note.text),), note.number))
            continue
        i = (marked or before)[-1]
        blocks[i] = replace(blocks[i], notes=blocks[i].notes + (text,))
    return blocks


def _drop_page_furniture(pages: list[list[PdfLine]]) -> list[PdfLine]:
    """Page numbers (a lone number at the top or bottom) and running headers repeated on several pages."""
    def key(line: PdfLine) -> str:
        return re.sub(r"\d+", "#", line.text)  # "Báo cáo năm 2023 - 2" and "… - 3" are one running header

    edges = Counter(key(line) for lines in pages for line in lines[:1] + lines[-1:])
    out = []
    for lines in pages:
        for i, line in enumerate(lines):
            at_edge = i == 0 or i == len(lines) - 1
            if line.table is not None:
                out.append(line)
                continue
            if at_edge and re.fullmatch(r"[-–\s]*\d{1,3}[-–\s]*", line.text):
                continue
            if at_edge and len(pages) > 2 and edges[key(line)] >= len(pages) - 1 and not line.text.endswith("./."):
                continue
            out.append(line)
    return [replace(line, number=n, table=replace(line.table, line=n) if line.table else None)
            for n, line in enumerate(out, 1)]


def _paragraphs(lines: list[PdfLine]) -> list[Paragraph]:
    numbered = [(line.number, line.text) for line in lines]
    out = []
    for group in rejoin_groups(numbered):
        members = [lines[i] for i in group]
        align = "center" if all(m.centred() for m in members) else ""
        out.append(Paragraph(tuple(_joined_runs(members)), members[0].number, align=align))
    return out


def _joined_runs(members: list[PdfLine]) -> list[Run]:
    """The runs of lines rejoined into one paragraph, joined as ``join_lines`` joins their text (a space,
    or nothing after a word cut at its hyphen), so the paragraph's text is exactly the rejoined text."""
    runs: list[Run] = []
    text = ""
    for member in members:
        if runs:  # the space goes into the run before it, so a bold line wrapped over two stays one run
            between = joint(text, member.text)
            runs[-1] = replace(runs[-1], text=runs[-1].text + between)
            text += between
        runs += member.runs
        text += member.text
    return runs


def _grid_table(run: list[PdfLine]) -> Table:
    """A ruled table of the body: columns start where the first row's segments start."""
    starts = [s.x0 for s in run[0].segments]
    rows = []
    for line in run:
        cells: list[list[str]] = [[] for _ in starts]
        for seg in line.segments:
            column = max(i for i, x in enumerate(starts) if x <= seg.x0 + 3) if seg.x0 + 3 >= starts[0] else 0
            cells[column].append(seg.text)
        rows.append(tuple(Cell((Paragraph((Run(" ".join(c)),), line.number),)) for c in cells))
    return Table(tuple(rows), run[0].number, ruled=False)


def _column_table(run: list[PdfLine], mid: float) -> Table:
    if len(run[0].segments) >= 3:
        return _grid_table(run)
    left = [PdfLine(tuple(s for s in line.segments if s.x0 < mid), line.page, line.top, line.width, line.number)
            for line in run]
    right = [PdfLine(tuple(s for s in line.segments if s.x0 >= mid), line.page, line.top, line.width, line.number)
             for line in run]
    cells = tuple(Cell(tuple(_column_paragraphs([x for x in col if x.segments]))) for col in (left, right))
    return Table((cells,), run[0].number, ruled=False)


def _column_paragraphs(lines: list[PdfLine]) -> list[Paragraph]:
    """Lines of a header or footer column: one paragraph each, except a subject (V/v …) wrapped over lines."""
    out: list[Paragraph] = []
    for line in lines:
        text = line.text
        prev = out[-1].text if out else ""
        if out and prev.startswith(("V/v", "V/V")) and (text[:1].islower() or text[:1].isdigit()):
            out[-1] = Paragraph((Run(join_lines([prev, text])),), out[-1].line)
            continue
        segs = line.segments
        out.append(Paragraph((Run(text, all(s.bold for s in segs), all(s.italic for s in segs)),), line.number,
                             align="center" if line.centred() else ""))
    return out


PAGE_LIMIT = 300
"""Pages a letter's PDF may have: a reply runs to a few dozen; more is refused before any page is read."""


def read_pdf(path: Path, shown: str) -> Document:
    """Read a text-layer PDF letter; a scanned one (no text) raises ``UnreadableInput`` naming OCR."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > PAGE_LIMIT:
                raise UnreadableInput(f"'{shown}' có {len(pdf.pages)} trang, quá giới hạn {PAGE_LIMIT} trang của một "
                                      "văn bản; không đọc. Nếu đúng là văn bản dài như vậy, xin cơ quan gửi tệp Word.")
            pages = [_lines_of_page(page, i) for i, page in enumerate(pdf.pages, 1)]
    except Exception as exc:  # pdfplumber wraps pdfminer's errors: look inside for the password
        locked = (PDFPasswordIncorrect, PDFEncryptionError)
        if not any(isinstance(e, locked) for e in (exc, *exc.args, exc.__context__)):
            raise
        raise UnreadableInput(f"'{shown}' được bảo vệ bằng mật khẩu (mã hóa): không đọc được lớp chữ. Xin cơ quan gửi "
                              "lại tệp không đặt mật khẩu mở, hoặc tệp Word.") from None
    if not any(pages):
        raise UnreadableInput(f"'{shown}': {OCR_HINT}")
    lines = _drop_page_furniture(pages)
    body, notes = [], []
    for page in sorted({line.page for line in lines}):
        text, foot = _footnotes([line for line in lines if line.page == page])
        body += text
        notes += foot
    lines = body
    blocks: list = []
    pending: list[PdfLine] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.table is not None:  # ruled: cell for cell, as the page draws it
            blocks += _paragraphs(pending)
            pending = []
            table = line.table
            i += 1
            while (i < len(lines) and lines[i].table is not None and lines[i].page == lines[i - 1].page + 1
                   and len(lines[i].table.rows[0]) == len(table.rows[-1])):
                table = _continued(table, lines[i].table)  # the same table, on over a page break
                i += 1
            blocks.append(table)
            continue
        if len(line.segments) >= 2:
            split = (line.segments[0].x1 + line.segments[1].x0) / 2
            j = i + 1
            while (j < len(lines) and lines[j].table is None and not lines[j].crosses(split)
                   and lines[j].page - lines[j - 1].page <= 1):
                j += 1  # a footer table may run onto the next page
            blocks += _paragraphs(pending)
            pending = []
            blocks.append(_column_table(lines[i:j], split))
            i = j
            continue
        pending.append(line)
        i += 1
    blocks += _paragraphs(pending)
    return Document(tuple(_attach_notes(blocks, notes)), shown, "pdf")
