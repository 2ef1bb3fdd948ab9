"""The Sở's report as a Word document (.docx) in the layout of Nghị định 30/2020.

Written with python-docx from a ``ReportDocument``: A4, margins 20/20/30/15 mm,
Times New Roman 14 pt (Word on the Sở's machines has it); the header and the foot
as borderless two-column tables, as clerks make them in Word; the outline in real
Heading styles so that Word's navigation pane lists it; page numbers centred in
the top margin from page 2 (a PAGE field, and a different first page). No text
boxes: the short rules under the Sở and under the Tiêu ngữ are paragraph borders.

The bytes depend only on the document: core properties carry a fixed date and
every zip entry the same timestamp, so the same commit gives the same file.
"""
from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from xml.sax.saxutils import escape as xml_escape

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from build_hooks.publish.html_blocks import Note, Para, Table
from build_hooks.publish.report_document import MOTTO, NATION, Heading, ReportDocument

FONT = "Times New Roman"
BODY_PT = 14
NATION_PT = 12
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
HEADER_COLUMNS_MM = (62, 103)
"""Widths of the header table's columns: the Sở (left), the Quốc hiệu (right); together the text width."""
FIXED_TIME = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
HEADING_PT = {1: 14, 2: 14, 3: 14}
MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_bytes(doc: ReportDocument) -> bytes:
    """The .docx file of ``doc``, byte for byte the same for the same document."""
    word = Document()
    _styles(word)
    _page(word)
    _letterhead(word, doc)
    _title(word, doc)
    notes: list[str] = []
    for block in doc.blocks:
        _block(word, block, notes)
    _release_heading_runs(word)
    _end_mark(word)
    _foot(word, doc)
    _annex(word, doc, notes)
    _footnotes(word, notes)
    _properties(word, doc)
    buffer = io.BytesIO()
    word.save(buffer)
    return _fixed_zip(buffer.getvalue(), _company(doc))


# --- page and styles -----------------------------------------------------------------------

def _fonts(element, name: str = FONT) -> None:
    """Name ``name`` for every script on an rPr-bearing element, dropping theme fonts that would override it."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{key}"), None)
    for key in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{key}"), name)


def _styles(word) -> None:
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _fonts(normal.element)
    lang = OxmlElement("w:lang")  # Vietnamese proofing, so Word does not mark every word as misspelt
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(6), 1.1
    for level, size in HEADING_PT.items():
        style = word.styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = level == 3
        style.font.color.rgb = None
        color = style.element.rPr.find(qn("w:color"))
        if color is not None:
            style.element.rPr.remove(color)
        _fonts(style.element)
        f = style.paragraph_format
        f.space_before, f.space_after, f.keep_with_next = Pt(6), Pt(6), True
        f.first_line_indent = Mm(10)
        f.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name in ("Header", "Footer", "Table Grid"):
        if name in [s.name for s in word.styles]:
            _fonts(word.styles[name].element)


def _page(word) -> None:
    section = word.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(header)
    section.first_page_header.paragraphs[0].text = ""


def _page_field(paragraph) -> None:
    """A PAGE field (python-docx has no field API): begin, instruction, separator, a cached "2", end."""
    def run_with(child) -> None:
        run = paragraph.add_run()
        run.font.size = Pt(BODY_PT)
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    paragraph.add_run("2").font.size = Pt(BODY_PT)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


# --- header, title, foot ------------------------------------------------------------------

def _no_borders(table) -> None:
    props = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    props.append(borders)


def _two_columns(word, widths_mm: tuple[int, int]):
    table = word.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    return table.rows[0].cells


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without the control characters XML (so Word) cannot hold; nothing a reader sees is lost.

    A letter may carry them (pasted from other programs); the site shows them as nothing, and
    python-docx would refuse the whole document.
    """
    return _NOT_XML.sub("", text)


def _line(cell_or_doc, text: str, size: float = BODY_PT, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.CENTER, first: bool = False, after: float = 0):
    paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after, fmt.first_line_indent, fmt.line_spacing = Pt(0), Pt(after), Mm(0), 1.0
    if text:
        run = paragraph.add_run(xml_text(text))
        run.font.size, run.bold, run.italic = Pt(size), bold, italic
    return paragraph


def _rule(cell, width_mm: float, column_mm: float) -> None:
    """A short centred rule: an empty 2-pt paragraph with a top border, narrowed by its indents."""
    paragraph = _line(cell, "", size=2)
    paragraph.paragraph_format.space_before = Pt(3)  # clear of the descenders of the line above
    side = max(0.0, (column_mm - width_mm) / 2 - 2)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    border.append(top)
    ppr.append(border)
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    mark.append(size)
    ppr.append(mark)


def _letterhead(word, doc: ReportDocument) -> None:
    left, right = _two_columns(word, HEADER_COLUMNS_MM)
    _line(left, doc.parent, size=13, first=True)
    _line(left, doc.org, size=13, bold=True)
    _rule(left, 22, HEADER_COLUMNS_MM[0])
    _line(left, doc.number, size=13)
    if not doc.kind:  # a công văn: its trích yếu under the number, no kind line (ND30, Phụ lục I)
        _line(left, doc.subject, size=12)
    _line(right, NATION, size=NATION_PT, bold=True, first=True)
    _line(right, MOTTO, size=BODY_PT, bold=True)
    _rule(right, 62, HEADER_COLUMNS_MM[1])
    _line(right, doc.place_date, size=BODY_PT, italic=True)


def _title(word, doc: ReportDocument) -> None:
    _line(word, "", size=BODY_PT)
    if doc.kind:
        _line(word, doc.kind, bold=True)
        _line(word, doc.subject, bold=True)
        _rule(word, 40, 165)
    if len(doc.recipients) == 1:
        _line(word, f"Kính gửi: {doc.recipients[0]}.", after=12)
    elif doc.recipients:
        _line(word, "Kính gửi:")
        for i, name in enumerate(doc.recipients):
            end = "." if i == len(doc.recipients) - 1 else ";"
            p = _line(word, f"- {name}{end}", align=WD_ALIGN_PARAGRAPH.LEFT, after=12 if end == "." else 0)
            p.paragraph_format.left_indent = Mm(45)
    else:
        _line(word, "", after=6)


def _end_mark(word) -> None:
    """The mark that ends the body of an administrative text, unless the last paragraph has it."""
    last = word.element.body[-2] if len(word.element.body) > 1 else None  # the last element is sectPr
    paragraph = word.paragraphs[-1]
    if last is not None and last.tag == qn("w:p") and paragraph.text:
        if not paragraph.text.endswith("./."):
            paragraph.add_run("./.")
    else:
        _line(word, "./.", align=WD_ALIGN_PARAGRAPH.LEFT)


def _foot(word, doc: ReportDocument) -> None:
    for paragraph in word.paragraphs[-2:]:  # the last lines of the body go over with the signature
        paragraph.paragraph_format.keep_with_next = True
    _line(word, "", size=BODY_PT).paragraph_format.keep_with_next = True
    left, right = _two_columns(word, (80, 85))
    _tr_flag(left._tc.getparent(), "w:cantSplit")  # Nơi nhận and the signature on one page, never split
    label = _line(left, "Nơi nhận:", size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)
    label.paragraph_format.keep_with_next = True
    for i, line in enumerate(doc.cc):
        end = "." if i == len(doc.cc) - 1 else ";"
        _line(left, f"- {line}{end}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    signer = doc.signer
    for i, authority in enumerate(signer.on_behalf or ("",)):  # TM. … over KT. …; a blank line when none
        _line(right, authority.upper(), bold=True, first=i == 0)
    _line(right, signer.title.upper(), bold=True)
    for _ in range(4):  # room for the signature and the seal
        _line(right, "")
    _line(right, signer.name, bold=True)


def _annex(word, doc: ReportDocument, notes: list[str]) -> None:
    """What the document sends with it (the request's đề cương), on a page of its own after the signature."""
    if not doc.annex:
        return
    for i, text in enumerate(doc.annex_title):
        paragraph = _line(word, text, bold=i == 0, italic=i > 0)
        if i == 0:
            paragraph.paragraph_format.page_break_before = True
    _line(word, "", size=6)
    for block in doc.annex:
        _block(word, block, notes)


# --- body ----------------------------------------------------------------------------------

def _release_heading_runs(word) -> None:
    """A heading directly followed by another heading does not keep with it (as the PDF's ``h.run``):
    a run of empty sections must not go over to the next page whole, leaving a half-empty page."""
    paragraphs = word.paragraphs
    for paragraph, following in zip(paragraphs, paragraphs[1:], strict=False):
        if paragraph.style.name.startswith("Heading") and following.style.name.startswith("Heading") \
                and paragraph._p.getnext() is following._p:
            paragraph.paragraph_format.keep_with_next = False


def _block(word, block, notes: list[str]) -> None:
    if isinstance(block, Heading):
        word.add_heading(xml_text(block.text), level=block.level)
    elif isinstance(block, Table):
        _table(word, block, notes)
    else:
        _paragraph(word, block, notes)


def _runs(paragraph, runs, notes: list[str], size: float | None = None) -> None:
    for run in runs:
        if isinstance(run, Note):
            notes.append(run.note)
            _footnote_call(paragraph, len(notes))
            continue
        if run.text == "\n":
            paragraph.add_run().add_break(WD_BREAK.LINE)
            continue
        r = paragraph.add_run(xml_text(run.text))
        r.bold = run.bold or None
        r.italic = run.italic or None
        if size:
            r.font.size = Pt(size)


def _paragraph(word, para: Para, notes: list[str]) -> None:
    paragraph = word.add_paragraph()
    fmt = paragraph.paragraph_format
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Mm(10)
    if para.role == "item":
        fmt.first_line_indent = Mm(10 + 6 * para.level)
        if para.marker:
            paragraph.add_run(xml_text(para.marker) + " ")
    elif para.role == "source":
        fmt.keep_with_next = True
        fmt.space_before = Pt(6)
    elif para.role == "subheading":
        fmt.keep_with_next = True
    elif para.role == "code":
        fmt.first_line_indent = Mm(0)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    elif para.role == "quote":
        fmt.left_indent = Mm(10)
    bold_all = para.role == "subheading"
    _runs(paragraph, para.runs, notes)
    if bold_all:
        for run in paragraph.runs:
            run.bold = True


def _table(word, block: Table, notes: list[str]) -> None:
    """A Word table: merged cells merged (``gridSpan``/``vMerge``), header rows repeated on every page."""
    columns, placed = block.grid()
    if not columns:
        return
    table = word.add_table(rows=len(block.rows), cols=columns)
    table.style = word.styles["Table Grid"]
    _widths(table, block, columns, placed)
    for i in range(block.header_rows):  # repeated at the top of every page the table runs onto
        _row_flag(table.rows[i], "w:tblHeader")
    for row in table.rows:
        _row_flag(row, "w:cantSplit")
    for i, col, cols, down, j in placed:
        cell = table.cell(i, col)
        if cols > 1 or down > 1:
            cell = cell.merge(table.cell(i + down - 1, col + cols - 1))
        paragraph = cell.paragraphs[0]
        paragraph.paragraph_format.first_line_indent = Mm(0)
        paragraph.paragraph_format.space_after = Pt(0)
        _runs(paragraph, block.rows[i][j], notes, size=13)
        if i < block.header_rows:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in paragraph.runs:
                run.bold = True
    _line(word, "", size=6)


TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]


CHAR_MM = 3.0
"""About the width of a bold character of Times New Roman 13 pt, in millimetres (a cell adds 4.5 mm of padding)."""


def _widths(table, block: Table, columns: int, placed) -> None:
    """Columns sized by their content: every column at least as wide as its longest word (so "STT" and
    "Đơn vị" never break), the rest of the text width shared by the length of each column's text."""
    floor, want = [], []
    for j in range(columns):
        texts = ["".join(r.text for r in block.rows[i][k]) for i, col, cols, _, k in placed if col == j and cols == 1]
        word = max((len(w) for t in texts for w in t.split()), default=1)
        floor.append(min(word, 14) * CHAR_MM + 4.5)
        want.append(max(min(max((len(t) for t in texts), default=1), 80) * CHAR_MM + 4.5, floor[-1]))
    spare = max(0.0, TEXT_WIDTH_MM - sum(floor))
    extra = [w - f for w, f in zip(want, floor, strict=True)]
    share = sum(extra) or 1.0
    table.autofit = False
    for j, column in enumerate(table.columns):
        width = Mm(floor[j] + min(extra[j], spare * extra[j] / share))
        column.width = width
        for cell in column.cells:
            cell.width = width


def _row_flag(row, tag: str) -> None:
    """A row property without a value (``w:tblHeader``, ``w:cantSplit``)."""
    _tr_flag(row._tr, tag)


def _tr_flag(tr, tag: str) -> None:
    props = tr.get_or_add_trPr()
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    props.append(flag)


# --- footnotes ---------------------------------------------------------------------------

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTE_PT = 12
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _footnote_call(paragraph, number: int) -> None:
    """The superscript reference to footnote ``number`` (python-docx has no footnote API)."""
    run = paragraph.add_run()
    props = run._r.get_or_add_rPr()
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    props.append(align)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(number))
    run._r.append(reference)


def _footnotes(word, notes: list[str]) -> None:
    """The footnotes part (``word/footnotes.xml``): Word's two separators, then each note, 12 pt."""
    if not notes:
        return
    size = f'<w:sz w:val="{FOOTNOTE_PT * 2}"/>'
    separators = "".join(
        f'<w:footnote w:type="{kind}" w:id="{i}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        f'w:lineRule="auto"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>'
        for i, kind in ((-1, "separator"), (0, "continuationSeparator")))
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="both"/></w:pPr>'
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/>{size}</w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr>{size}</w:rPr><w:t xml:space="preserve"> {xml_escape(xml_text(text))}</w:t></w:r></w:p>'
        "</w:footnote>" for n, text in enumerate(notes, 1))
    blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
            f"{separators}{body}</w:footnotes>").encode("utf-8")
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, blob, word.part.package)
    word.part.relate_to(part, RT.FOOTNOTES)
    settings = word.settings.element
    footnote_pr = OxmlElement("w:footnotePr")
    for i in (-1, 0):
        ref = OxmlElement("w:footnote")
        ref.set(qn("w:id"), str(i))
        footnote_pr.append(ref)
    settings.append(footnote_pr)


# --- reproducibility -----------------------------------------------------------------------

def _properties(word, doc: ReportDocument) -> None:
    props = word.core_properties
    props.title = doc.title
    props.subject = doc.subject
    props.author = props.last_modified_by = _company(doc)
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.last_printed = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    props.language = "vi-VN"
    props.comments = props.keywords = props.category = ""


def _company(doc: ReportDocument) -> str:
    """The issuing body as the file's Company: ``Sở Công Thương``."""
    return doc.org.title() if doc.org else "Sở Công Thương"


THUMBNAIL = "docProps/thumbnail.jpeg"
"""python-docx's default template carries a thumbnail of an empty page: the report is not that page."""
APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           "<Company>{company}</Company><DocSecurity>0</DocSecurity></Properties>")
"""The extended properties: the Sở as company; none of the template's (Normal.dotm, "Microsoft Macintosh Word")."""


def _cleaned(name: str, data: bytes, company: str) -> bytes | None:
    """A part of the file without python-docx's template leftovers; None drops the part."""
    if name == THUMBNAIL:
        return None
    if name == "docProps/app.xml":
        return APP_XML.format(company=xml_escape(company)).encode("utf-8")
    if name == "_rels/.rels":
        return re.sub(rb'<Relationship [^>]*Target="docProps/thumbnail\.jpeg"/>', b"", data)
    if name == "word/styles.xml":  # the document defaults too: Vietnamese, so Word proofs it as such
        return re.sub(rb'<w:lang w:val="en-US"[^>]*/>', b'<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>',
                      data)
    return data


def _fixed_zip(data: bytes, company: str = "Sở Công Thương") -> bytes:
    """The same entries in the same order, every one dated ``ZIP_TIME``, template leftovers removed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = _cleaned(info.filename, source.read(info.filename), company)
            if content is None:
                continue
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o100644 << 16
            target.writestr(entry, content, compresslevel=9)
    return out.getvalue()
