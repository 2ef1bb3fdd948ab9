"""The Word skeleton of an agency's letter: what an agency that writes in Word fills in and sends back.

The ND30 header from the registry (parent and issuing body, "Số: /CODE-…", the subject line, the
motto and the place and date), "Kính gửi: Sở Công Thương.", every outline section as a Heading-styled
paragraph with its number typed in (``II.``, ``4.``, ``4.1.``: the importer reads typed numbers, not
Word's automatic ones) and its title, an italic hint under each (``importer.convert.SKELETON_HINT``,
dropped on import), the closing sentence, then the Nơi nhận and signature table. Day, month, number
and signer are left for the agency, as on paper.
"""
from __future__ import annotations

import io

from build_hooks.domain.model import Agency, Round
from build_hooks.importer.convert import SKELETON_HINT
from build_hooks.pages.markup import section_label

FONT = "Times New Roman"


def _line(container, text: str, bold=False, italic=False, center=False, first=False, style=None, size=None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = container.paragraphs[0] if first else container.add_paragraph(style=style)
    run = p.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    if size:
        run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _styles(doc) -> None:
    from docx.shared import Pt, RGBColor

    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = FONT, Pt(13)
    for level in range(1, 7):
        style = doc.styles[f"Heading {level}"]
        style.font.name, style.font.size, style.font.bold = FONT, Pt(13), True
        style.font.italic, style.font.color.rgb = False, RGBColor(0, 0, 0)


def skeleton_docx(agency: Agency, rnd: Round) -> bytes:
    """The .docx skeleton of ``agency``'s letter for ``rnd``."""
    from docx import Document
    from docx.shared import Mm

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _styles(doc)
    left, right = doc.add_table(rows=1, cols=2).rows[0].cells
    _line(left, agency.parent or "UBND TỈNH QUẢNG NGÃI", center=True, first=True)
    _line(left, agency.header, bold=True, center=True)
    _line(left, f"Số:      /{agency.code}-", center=True)
    _line(left, f"V/v {rnd.title[:1].lower()}{rnd.title[1:]}" if rnd.title else f"V/v báo cáo năm {rnd.year}",
          center=True, size=12)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True, first=True)
    _line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, center=True)
    _line(right, f"{agency.place}, ngày      tháng      năm {rnd.year}", italic=True, center=True)
    _line(doc, "Kính gửi: Sở Công Thương.", center=True)
    for s in rnd.outline.sections:
        _line(doc, f"{section_label(s.id)} {s.title}", style=f"Heading {min(6, s.depth)}")
        _line(doc, SKELETON_HINT.format(section=s.id), italic=True)
    _line(doc, f"{agency.name} báo cáo để Sở Công Thương tổng hợp./.")
    left, right = doc.add_table(rows=1, cols=2).rows[0].cells
    _line(left, "Nơi nhận:", bold=True, italic=True, first=True, size=12)
    _line(left, "- Như trên;", size=11)
    _line(left, "- Lưu: VT.", size=11)
    _line(right, "THỦ TRƯỞNG CƠ QUAN", bold=True, center=True, first=True)
    for _ in range(3):
        _line(right, "", center=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
