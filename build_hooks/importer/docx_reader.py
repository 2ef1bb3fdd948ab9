"""Word (.docx) into the neutral document model, with python-docx.

python-docx gives the body in order (paragraphs and tables), styles, alignment
and numbering ids. What it does not give we read from the XML it exposes: the
displayed number of auto-numbered paragraphs (``numbering``), footnotes, and
drawings (images, charts, text boxes), which become placeholders.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from build_hooks.importer.document import (
    NOTE_MARK,
    Cell,
    Document,
    Paragraph,
    Placeholder,
    Run,
    Table,
    UnreadableInput,
)
from build_hooks.importer.numbering import Counter, W, read_levels

_ALIGN = {"CENTER": "center", "RIGHT": "right", "END": "right", "JUSTIFY": "justify", "DISTRIBUTE": "justify",
          "JUSTIFY_LOW": "justify", "JUSTIFY_MED": "justify", "JUSTIFY_HI": "justify"}
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WPS_TXBX = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}txbx"
V_TEXTBOX = "{urn:schemas-microsoft-com:vml}textbox"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


class _State:
    """What reading one document needs across paragraphs: the line counter, list counters, footnotes."""

    def __init__(self, docx) -> None:
        self.line = 0
        self.docx = docx
        try:
            numbering = docx.part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering = None
        self.counter = Counter(read_levels(numbering))
        self.footnotes = _footnotes(docx)
        self.placeholders: list[Placeholder] = []
        self._styles: dict = {}
        self._flags: dict = {}

    def paragraph_style(self, paragraph):
        """The paragraph's style, looked up once per style id: python-docx searches every style of the
        document for the default on each call (milliseconds in a template with many styles, times every run)."""
        key = ("p", paragraph._p.style)
        if key not in self._styles:
            self._styles[key] = paragraph.style
        return self._styles[key]

    def run_style(self, run):
        """The run's character style, looked up once per style id (as ``paragraph_style``)."""
        key = ("r", run._r.style)
        if key not in self._styles:
            self._styles[key] = run.style
        return self._styles[key]

    def style_flag(self, style, attr: str) -> bool:
        """``attr`` (bold, italic, hidden) as the style or the first of its bases that sets it says."""
        key = (style.style_id if style is not None else None, style.type if style is not None else None, attr)
        if key not in self._flags:
            self._flags[key] = _style_flag(style, attr)
        return self._flags[key]


def _footnotes(docx) -> dict[str, str]:
    from lxml import etree

    for rel in docx.part.rels.values():
        if rel.reltype == FOOTNOTES_RT and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            return {fn.get(W + "id"): " ".join("".join(t.text or "" for t in p.iter(W + "t")).strip()
                                               for p in fn.iter(W + "p")).strip()
                    for fn in root.findall(W + "footnote")}
    return {}


def _style_flag(style, attr: str) -> bool:
    while style is not None:
        value = getattr(style.font, attr)
        if value is not None:
            return bool(value)
        style = style.base_style
    return False


def _flag(run, paragraph, attr: str, state: _State) -> bool:
    """``attr`` (bold, italic, hidden) of a run: its own setting, else its character style's, else its
    paragraph style's."""
    value = getattr(run.font, attr)
    if value is not None:
        return bool(value)
    style = state.run_style(run)
    if style is not None and style.name != "Default Paragraph Font" and state.style_flag(style, attr):
        return True
    return state.style_flag(state.paragraph_style(paragraph), attr)


def _num_pr(paragraph, style):
    """(numId, ilvl) from the paragraph or, failing that, its ``style`` chain."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
        ilvl = ppr.numPr.ilvl.val if ppr.numPr.ilvl is not None else 0
        return str(ppr.numPr.numId.val), int(ilvl)
    while style is not None:
        spr = style.element.pPr
        if spr is not None and spr.numPr is not None and spr.numPr.numId is not None:
            ilvl = spr.numPr.ilvl.val if spr.numPr.ilvl is not None else 0
            return str(spr.numPr.numId.val), int(ilvl)
        style = style.base_style
    return None


def _drawing_kind(el) -> tuple[str, str, str]:
    """(what, name, text inside) of a ``w:drawing`` or ``w:pict``."""
    text_boxes = list(el.iter(WPS_TXBX)) + list(el.iter(V_TEXTBOX))
    if text_boxes:
        text = " ".join("".join(t.text or "" for t in p.iter(W + "t")).strip()
                        for box in text_boxes for p in box.iter(W + "p")).strip()
        return "textbox", "", text
    for gd in el.iter(A + "graphicData"):
        if "chart" in gd.get("uri", ""):
            return "chart", "", ""
    names = [d.get("name", "") or d.get("descr", "") for d in el.iter() if d.tag.endswith("}docPr")]
    what = "image" if list(el.iter(A + "blip")) or el.tag.endswith("pict") else "object"
    return what, (names[0] if names else ""), ""


_HIDDEN = {W + "del", W + "txbxContent", MC_FALLBACK, W + "moveFrom"}
"""Runs under these are not shown as the paragraph's text: deleted (tracked), inside a text box
(read as a placeholder), the fallback copy of a drawing."""


def _visible_runs(paragraph):
    """Every run the reader sees, in order: also inside hyperlinks, tracked insertions, inline content
    controls, smart tags and simple fields, which ``Paragraph.iter_inner_content`` does not descend into."""
    from docx.text.run import Run as DocxRun

    for r in paragraph._p.iter(W + "r"):
        parent, hidden = r.getparent(), False
        while parent is not None and parent is not paragraph._p:
            if parent.tag in _HIDDEN:
                hidden = True
                break
            parent = parent.getparent()
        if not hidden:
            yield DocxRun(r, paragraph)


def _runs(paragraph, state: _State, line: int) -> tuple[list[Run], list[str]]:
    runs: list[Run] = []
    notes: list[str] = []
    hidden: list[str] = []
    for run in _visible_runs(paragraph):
        if _flag(run, paragraph, "hidden", state):  # w:vanish: not printed, not shown
            hidden.append(run.text)  # kept, but apart from the printed text and with a warning (import-hidden)
            continue
        bold, italic = _flag(run, paragraph, "bold", state), _flag(run, paragraph, "italic", state)
        parts: list[str] = []
        for child in run._r.iterchildren():
            tag = child.tag
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag in (W + "tab", W + "cr") or (tag == W + "br" and child.get(W + "type") != "page"):
                parts.append(" ")  # a soft line break inside a paragraph is rejoined
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "footnoteReference":
                notes.append(state.footnotes.get(child.get(W + "id"), ""))
                parts.append(NOTE_MARK)  # becomes a Markdown footnote reference [^n] (body.py)
            elif tag in (W + "drawing", W + "pict", W + "object") or tag.endswith("}AlternateContent"):
                el = child
                if tag.endswith("}AlternateContent"):
                    choice = [c for c in child if not c.tag == MC_FALLBACK]
                    el = choice[0] if choice else child
                what, name, text = _drawing_kind(el)
                state.placeholders.append(Placeholder(what, line, name, text))
        if parts:
            runs.append(Run("".join(parts), bold, italic))
    if "".join(hidden).strip():
        state.placeholders.append(Placeholder("hidden", line, "", unicodedata.normalize("NFC", " ".join(
            " ".join(hidden).split()))))
    return runs, notes


def _paragraph(paragraph, state: _State) -> Paragraph:
    state.line += 1
    line = state.line
    runs, notes = _runs(paragraph, state, line)
    number, bullet, level = "", False, 0
    style = state.paragraph_style(paragraph)
    num = _num_pr(paragraph, style)
    if num is not None and num[0] != "0":
        shown = state.counter.next(*num)
        level = num[1]
        if shown is None:
            number = "?"
        else:
            number, bullet = shown
    alignment = paragraph.alignment
    if alignment is None and style is not None:
        alignment = style.paragraph_format.alignment
    align = _ALIGN.get(alignment.name, "") if alignment is not None else ""
    runs = [Run(unicodedata.normalize("NFC", r.text), r.bold, r.italic) for r in runs]
    return Paragraph(tuple(runs), line, style.name if style is not None else "", align,
                     number, bullet, level, tuple(n for n in notes))


def _table(table, state: _State) -> Table:
    """Rows of cells; a merged cell's content is repeated in every cell it spans, marked ``merged``."""
    line = state.line + 1
    first: dict = {}
    """Keyed by the ``w:tc`` element itself: ids of lxml proxies are reused once they are freed."""
    rows = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, cell in enumerate(row.cells):
            if cell._tc in first:
                cells.append(Cell(first[cell._tc].paragraphs, merged=True))
            elif _continues_vmerge(cell) and r > 0 and c < len(rows[-1]):
                cells.append(Cell(rows[-1][c].paragraphs, merged=True))
            else:
                first[cell._tc] = Cell(tuple(_paragraph(p, state) for p in _cell_paragraphs(cell)))
                cells.append(first[cell._tc])
        rows.append(tuple(cells))
    return Table(tuple(rows), line)


def _cell_paragraphs(cell):
    """A cell's paragraphs, those of a table nested in it included (row by row), in order."""
    for item in _body_items(cell._tc, cell):
        if hasattr(item, "rows"):
            for row in item.rows:
                seen = []
                for inner in row.cells:
                    if inner._tc not in seen:
                        seen.append(inner._tc)
                        yield from _cell_paragraphs(inner)
        else:
            yield item


def _continues_vmerge(cell) -> bool:
    tcpr = cell._tc.tcPr
    vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
    return vmerge is not None and vmerge.get(W + "val") in (None, "continue")


PART_LIMIT = 64 * 1024 * 1024
"""Bytes a part of a .docx may inflate to (a letter's document.xml is well under 5 MB). Python's zip reader
stops at a part's recorded size, so checking the recorded sizes bounds what is ever inflated."""


def _check_parts(path: Path, shown: str) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            big = [i for i in z.infolist() if i.file_size > PART_LIMIT]
    except zipfile.BadZipFile:
        raise UnreadableInput(f"'{shown}' không phải tệp Word .docx (không mở được như tệp nén).") from None
    if big:
        mib = f"{round(big[0].file_size / 1024 / 1024):,}".replace(",", ".")
        raise UnreadableInput(f"'{shown}': phần '{big[0].filename}' của tệp Word bung ra {mib} MiB, quá giới hạn "
                              f"{PART_LIMIT // 1024 // 1024} MiB của một phần; không đọc. Tệp có thể bị hỏng hoặc "
                              "được tạo để làm treo máy: xin cơ quan gửi lại.")


def read_docx(path: Path, shown: str) -> Document:
    """Read a Word letter: body order, styles, automatic numbers, tables, footnotes, pictures and text boxes."""
    import docx

    _check_parts(path, shown)
    d = docx.Document(str(path))
    state = _State(d)
    blocks: list = []
    for item in _body_items(d.element.body, d._body):
        before = len(state.placeholders)
        if hasattr(item, "rows"):
            blocks.append(_table(item, state))
        else:
            blocks.append(_paragraph(item, state))
        blocks.extend(state.placeholders[before:])
    return Document(tuple(blocks), shown, "docx")


def _body_items(element, parent):
    """Paragraphs and tables in order, also inside block content controls (``w:sdt``), which
    ``Document.iter_inner_content`` skips: a letter's text there would otherwise be lost."""
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    for child in element.iterchildren():
        if child.tag == W + "p":
            yield DocxParagraph(child, parent)
        elif child.tag == W + "tbl":
            yield DocxTable(child, parent)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _body_items(content, parent)
