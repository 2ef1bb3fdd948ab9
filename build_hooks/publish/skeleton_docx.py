"""The Word skeleton of an agency's letter: what an agency that writes in Word fills in and sends back.

The ND30 header from the registry (parent and issuing body, "Số: /CODE-…", the subject line, the
motto and the place and date), "Kính gửi: Sở Công Thương.", every outline section as a Heading-styled
paragraph with its number typed in (``II.``, ``4.``, ``4.1.``: the importer reads typed numbers, not
Word's automatic ones) and its title, an italic hint under each (``importer.convert.SKELETON_HINT``,
dropped on import), the closing sentence, then the Nơi nhận and signature table. Day, month, number
and signer are left for the agency, as on paper.
"""
from __future__ import annotations

import datetime
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
    return _document(agency, rnd)


_SLOTS = ("parent", "header", "code", "place", "name")


def skeletons_docx(agencies: list[Agency], rnd: Round) -> dict[str, bytes]:
    """The skeleton of every agency in ``agencies``, by id: one Word document is made for the round with
    a marker in each agency-specific run, then each agency's copy replaces the markers (XML-escaped) in
    ``word/document.xml``. Python-docx takes about 0.1 s a document; this takes milliseconds an agency."""
    import zipfile
    from xml.sax.saxutils import escape

    marker = {slot: f"@@{slot.upper()}@@" for slot in _SLOTS}
    template = _document(Agency("@@ID@@", marker["name"], marker["code"], marker["header"], marker["parent"],
                                marker["place"]), rnd)
    with zipfile.ZipFile(io.BytesIO(template)) as z:
        members = [(info, z.read(info)) for info in z.infolist()]
    out = {}
    for agency in agencies:
        values = {"parent": agency.parent or "UBND TỈNH QUẢNG NGÃI", "header": agency.header, "code": agency.code,
                  "place": agency.place, "name": agency.name}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for info, data in members:
                if info.filename == "word/document.xml":
                    text = data.decode("utf-8")
                    for slot, value in values.items():
                        text = text.replace(marker[slot], escape(value))
                    data = text.encode("utf-8")
                stamped = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))  # the same bytes every build
                stamped.compress_type, stamped.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
                z.writestr(stamped, data)
        out[agency.id] = buffer.getvalue()
    return out


def _document(agency: Agency, rnd: Round) -> bytes:
    from docx import Document
    from docx.shared import Mm

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _styles(doc)
    props = doc.core_properties  # fixed, so that the site's copy is byte-identical across builds
    props.author, props.last_modified_by, props.title = "", "", f"Mẫu văn bản báo cáo năm {rnd.year}"
    props.created = props.modified = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
    props.revision = 1
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
