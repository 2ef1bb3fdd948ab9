"""Word letters built at test time with python-docx, each with what importing it must give.

Every letter is laid out as Nghị định 30 prints it (header and footer tables) and
exercises a way Word writes outline headings or content. ``body`` lists every
paragraph, list item and table cell of the body with the outline section it
must end up under on the letter page (None: outside every numbered heading).
"""
from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Mm, Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TITLE_II = "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"


@dataclass
class Letter:
    agency: str
    front: dict
    """Front-matter the import must give (the keys compared)."""
    body: list[tuple[str, str | None]] = field(default_factory=list)
    rules: set[str] = field(default_factory=set)
    """Importer rule ids this letter must produce."""


def line(container, text="", bold=False, italic=False, center=False, first=False, style=None):
    p = container.paragraphs[0] if first else container.add_paragraph(style=style)
    if text:
        r = p.add_run(text)
        r.bold, r.italic = bold or None, italic or None
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def new_document():
    d = Document()
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.left_margin, s.right_margin = Mm(30), Mm(15)
    d.styles["Normal"].font.name, d.styles["Normal"].font.size = "Times New Roman", Pt(13)
    return d


def header(d, parent, org, number, subject_lines, date, kind=None, kind_subject=()):
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    line(left, parent, center=True, first=True)
    line(left, org, bold=True, center=True)
    line(left, number, center=True)
    for t in subject_lines:
        line(left, t, center=True)
    line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True, first=True)
    line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, center=True)
    line(right, date, italic=True, center=True)
    if kind:
        line(d, kind, bold=True, center=True)
        for t in kind_subject:
            line(d, t, bold=True, center=True)


def footer(d, cc, sign):
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    line(left, "Nơi nhận:", bold=True, italic=True, first=True)
    for t in cc:
        line(left, t)
    line(right, sign[0], bold=True, center=True, first=True)
    for t in sign[1:]:
        line(right, t, bold=not t.startswith("("), italic=t.startswith("("), center=True)


def add_footnote(d, paragraph, text: str) -> None:
    """python-docx writes no footnotes: add the part and a reference by hand, as Word stores them."""
    xml = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
           f'</w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
           f'<w:sz w:val="20"/></w:rPr><w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="20"/></w:rPr>'
           f'<w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
           f'</w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", xml.encode(),
                d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:rPr xmlns:w="{W_NS}"><w:vertAlign w:val="superscript"/></w:rPr>'))
    run._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{W_NS}" w:id="1"/>'))


DRAWING = ('<w:drawing xmlns:w="{w}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wp:inline>'
           '<wp:docPr id="{id}" name="{name}"/><a:graphic><a:graphicData uri="{uri}">{inner}</a:graphicData>'
           '</a:graphic></wp:inline></w:drawing>')


def add_text_box(d, text: str) -> None:
    """A text box as Word stores it (a shape whose text lives outside the paragraph's runs)."""
    inner = (f'<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
             '</wps:txbx></wps:wsp>')
    run = d.add_paragraph().add_run()
    run._r.append(parse_xml(DRAWING.format(w=W_NS, id=50, name="Text Box 1", inner=inner,
                                           uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape")))


def add_chart(d) -> None:
    inner = ('<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId999"/>')
    run = d.add_paragraph().add_run()
    run._r.append(parse_xml(DRAWING.format(w=W_NS, id=51, name="Chart 1", inner=inner,
                                           uri="http://schemas.openxmlformats.org/drawingml/2006/chart")))


def tiny_png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def add_numbering(d) -> tuple[str, str]:
    """Two list definitions: outline headings (I. / 1. / 1.1.) and bullets. Returns their numIds."""
    numbering = d.part.numbering_part.element
    outline = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>'
        '</w:abstractNum>')
    bullets = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="91"><w:multiLevelType w:val="hybridMultilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
        '</w:abstractNum>')
    first_num = numbering.find(f"{{{W_NS}}}num")
    for an in (outline, bullets):
        first_num.addprevious(an)
    for num_id, an_id in (("90", "90"), ("91", "91")):
        numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{an_id}"/>'
                                   '</w:num>'))
    return "90", "91"


def numbered(d, text, num_id, ilvl, bold=True):
    p = line(d, text, bold=bold)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


# --- the letters --------------------------------------------------------------------------------------------

def cong_van(path: Path) -> Letter:
    """A công văn: two header tables, bold numbered Normal paragraphs, - and + items, a table, a footnote."""
    d = new_document()
    header(d, "UBND TỈNH QUẢNG NGÃI", "SỞ XÂY DỰNG", "Số: 1234/SXD-QLXD",
           ["V/v báo cáo tình hình triển khai thực hiện", "Kế hoạch phát triển công nghiệp năm 2023"],
           "Quảng Ngãi, ngày 15 tháng 12 năm 2023")
    line(d, "Kính gửi: Sở Công Thương tỉnh Quảng Ngãi.", center=True)
    preamble = "Thực hiện Công văn số 3006/SCT-QLCN ngày 08/12/2023 của Sở Công Thương, Sở Xây dựng báo cáo như sau:"
    line(d, preamble)
    line(d, "II. " + TITLE_II, bold=True)
    line(d, "1. Công tác thông tin, tuyên truyền", bold=True)
    p = d.add_paragraph()
    p.add_run("Sở đã tổ chức ")
    p.add_run("12 hội nghị").bold = True
    p.add_run(" phổ biến ")
    p.add_run("Kế hoạch 998").italic = True
    p.add_run(" đến doanh nghiệp.")
    add_footnote(d, p, "Số liệu đến ngày 30/11/2023.")
    line(d, "5. Huy động và sử dụng hiệu quả các nguồn vật lực để đẩy mạnh phát triển công nghiệp", bold=True)
    line(d, "5.2. Phát triển hạ tầng công nghiệp đồng bộ, hiện đại", bold=True)
    items = ["- Hoàn thành quy hoạch chi tiết 2 cụm công nghiệp;", "+ Cụm công nghiệp Bình Nguyên;",
             "- Thẩm định thiết kế 5 dự án hạ tầng."]
    for t in items:
        line(d, t)
    t = d.add_table(rows=3, cols=3)
    cells = [["Hạng mục", "Kế hoạch", "Thực hiện"], ["Đường nội bộ", "12 km", "9,5 km"], ["Cấp nước", "2 trạm", ""]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(2, 1).merge(t.cell(2, 2))
    closing = "Sở Xây dựng báo cáo để Sở Công Thương tổng hợp./."
    line(d, closing)
    footer(d, ["- Như trên;", "- Giám đốc Sở;", "- Lưu: VT, QLXD."],
           ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "", "Nguyễn Văn An"])
    d.save(path)
    return Letter("so-xay-dung", {
        "number": "1234/SXD-QLXD", "date": "15/12/2023",
        "subject": "báo cáo tình hình triển khai thực hiện Kế hoạch phát triển công nghiệp năm 2023",
        "recipient": "Sở Công Thương tỉnh Quảng Ngãi",
        "signer": {"name": "Nguyễn Văn An", "title": "Phó Giám đốc", "on_behalf": "KT. Giám đốc"},
        "cc": ["Như trên", "Giám đốc Sở", "Lưu: VT, QLXD"]},
        [(preamble, None), ("Sở đã tổ chức 12 hội nghị phổ biến Kế hoạch 998 đến doanh nghiệp.", "II.1"),
         ("Số liệu đến ngày 30/11/2023.", "II.1"),
         ("Hoàn thành quy hoạch chi tiết 2 cụm công nghiệp;", "II.5.2"), ("Cụm công nghiệp Bình Nguyên;", "II.5.2"),
         ("Thẩm định thiết kế 5 dự án hạ tầng.", "II.5.2")]
        + [(c, "II.5.2") for row in cells for c in row if c] + [(closing, "II.5.2")])


def bao_cao(path: Path) -> Letter:
    """A BÁO CÁO with blank number and day, Heading styles, a TM. + KT. authority, an image."""
    d = new_document()
    header(d, "ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN", "Số:          /BC-UBND", [],
           "Bình Sơn, ngày      tháng 12 năm 2023", kind="BÁO CÁO",
           kind_subject=["Tình hình triển khai thực hiện Kế hoạch phát triển", "công nghiệp năm 2023"])
    line(d, "Kính gửi: Sở Công Thương.", center=True)
    d.add_heading("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", level=1)
    d.add_heading("1. Kết quả thực hiện các chỉ tiêu phát triển công nghiệp", level=2)
    first = "Giá trị sản xuất công nghiệp trên địa bàn huyện tăng 9,5% so với năm 2022."
    line(d, first)
    d.add_picture(str(_png_file(path)), width=Mm(20))
    boxed = "Số liệu năm 2023 là số ước thực hiện."
    add_text_box(d, boxed)
    add_chart(d)
    d.add_heading("III. Tồn tại hạn chế", level=1)
    second = "Tiến độ giải phóng mặt bằng các cụm công nghiệp còn chậm."
    line(d, second)
    footer(d, ["- Sở Công Thương;", "- Lưu: VT."],
           ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Trần Thị Bình"])
    d.save(path)
    return Letter("ubnd-binh-son", {
        "kind": "Báo cáo", "number": "/BC-UBND", "date": "12/2023",
        "subject": "Tình hình triển khai thực hiện Kế hoạch phát triển công nghiệp năm 2023",
        "recipient": "Sở Công Thương",
        "signer": {"name": "Trần Thị Bình", "title": "Phó Chủ tịch",
                   "on_behalf": ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]},
        "cc": ["Sở Công Thương", "Lưu: VT"]},
        [(first, "I.1"), (boxed, "I.1"), (second, "III")], {"import-image", "import-textbox", "import-chart"})


def _png_file(path: Path) -> Path:
    png = path.with_suffix(".png")
    png.write_bytes(tiny_png())
    return png


def auto_numbered(path: Path) -> Letter:
    """Outline headings and bullets from Word's automatic numbering: the numbers are not in the text."""
    d = new_document()
    header(d, "UBND TỈNH QUẢNG NGÃI", "SỞ TÀI CHÍNH", "Số: 88/STC-TCDN",
           ["V/v báo cáo tình hình thực hiện Kế hoạch", "phát triển công nghiệp năm 2023"],
           "Quảng Ngãi, ngày 05 tháng 01 năm 2024")
    line(d, "Kính gửi: Sở Công Thương.", center=True)
    outline, bullets = add_numbering(d)
    body: list[tuple[str, str | None]] = []
    numbered(d, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", outline, 0)
    numbered(d, "Kết quả thực hiện các chỉ tiêu phát triển công nghiệp", outline, 1)
    text = "Sở không được giao chỉ tiêu riêng; số liệu do Cục Thống kê tổng hợp."
    line(d, text)
    body.append((text, "I.1"))
    numbered(d, TITLE_II, outline, 0)
    titles = ["Công tác thông tin, tuyên truyền",
              "Nhóm nhiệm vụ về phân bố không gian và chuyển dịch cơ cấu ngành công nghiệp",
              "Nhiệm vụ đẩy mạnh phát triển các ngành công nghiệp theo hướng nâng cao giá trị gia "
              "tăng, tăng tỷ trọng ngành công nghiệp công nghệ cao, phát triển công nghiệp hỗ trợ"]
    for i, title in enumerate(titles, 1):
        numbered(d, title, outline, 1)
        text = f"Nội dung thực hiện của mục II.{i} trong năm 2023."
        line(d, text)
        body.append((text, f"II.{i}"))
    numbered(d, "Huy động và sử dụng hiệu quả nguồn nhân lực; đẩy mạnh nghiên cứu, ứng dụng khoa học, công nghệ cho "
             "phát triển công nghiệp", outline, 1)
    numbered(d, "Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp", outline, 2)
    numbered(d, "Bố trí 2 tỷ đồng cho nghiên cứu ứng dụng.", bullets, 0, bold=False)
    numbered(d, "Hỗ trợ 3 doanh nghiệp đổi mới công nghệ.", bullets, 0, bold=False)
    body += [("Bố trí 2 tỷ đồng cho nghiên cứu ứng dụng.", "II.4.1"),
             ("Hỗ trợ 3 doanh nghiệp đổi mới công nghệ.", "II.4.1")]
    closing = "Sở Tài chính báo cáo để Sở Công Thương tổng hợp./."
    line(d, closing)
    body.append((closing, "II.4.1"))
    footer(d, ["- Như trên;", "- Lưu: VT, TCDN."], ["GIÁM ĐỐC", "", "Lê Văn Cường"])
    d.save(path)
    return Letter("so-tai-chinh", {
        "number": "88/STC-TCDN", "date": "05/01/2024",
        "subject": "báo cáo tình hình thực hiện Kế hoạch phát triển công nghiệp năm 2023",
        "recipient": "Sở Công Thương", "signer": {"name": "Lê Văn Cường", "title": "Giám đốc"},
        "cc": ["Như trên", "Lưu: VT, TCDN"]}, body)


LETTERS = {"cong-van": cong_van, "bao-cao": bao_cao, "auto-numbered": auto_numbered}


def long_letter(path: Path) -> Letter:
    """A công văn over several pages: paragraphs run across page breaks."""
    d = new_document()
    header(d, "UBND TỈNH QUẢNG NGÃI", "SỞ XÂY DỰNG", "Số: 1300/SXD-QLXD",
           ["V/v báo cáo tình hình triển khai thực hiện", "Kế hoạch phát triển công nghiệp năm 2023"],
           "Quảng Ngãi, ngày 20 tháng 12 năm 2023")
    line(d, "Kính gửi: Sở Công Thương.", center=True)
    line(d, "II. " + TITLE_II, bold=True)
    line(d, "1. Công tác thông tin, tuyên truyền", bold=True)
    body = []
    for i in range(1, 41):
        text = (f"Nội dung thứ {i}: trong năm 2023 Sở đã phối hợp với các địa phương rà soát, cập nhật tình hình "
                f"thực hiện các dự án hạ tầng công nghiệp, kiểm tra {i} công trình và hướng dẫn chủ đầu tư hoàn thiện "
                f"hồ sơ theo quy định hiện hành của pháp luật về xây dựng.")
        line(d, text)
        body.append((text, "II.1"))
    footer(d, ["- Như trên;", "- Lưu: VT, QLXD."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Nguyễn Văn An"])
    d.save(path)
    return Letter("so-xay-dung", {"number": "1300/SXD-QLXD", "date": "20/12/2023"}, body)


def agency_letter(path: Path, agency, year: int = 2023) -> Letter:
    """A short công văn from a registry ``agency`` (its parent, header line and code), with three sections."""
    d = new_document()
    header(d, agency.parent or "UBND TỈNH QUẢNG NGÃI", agency.header, f"Số: 17/{agency.code}-VP",
           ["V/v báo cáo tình hình thực hiện Kế hoạch", f"phát triển công nghiệp năm {year}"],
           f"{agency.place}, ngày 20 tháng 12 năm {year}")
    line(d, "Kính gửi: Sở Công Thương.", center=True)
    line(d, "II. " + TITLE_II, bold=True)
    body = []
    titles = ["Công tác thông tin, tuyên truyền",
              "Nhóm nhiệm vụ về phân bố không gian và chuyển dịch cơ cấu ngành công nghiệp",
              "Nhiệm vụ đẩy mạnh phát triển các ngành công nghiệp theo hướng nâng cao giá trị gia "
              "tăng, tăng tỷ trọng ngành công nghiệp công nghệ cao, phát triển công nghiệp hỗ trợ"]
    for number, title in enumerate(titles, 1):
        section = f"II.{number}"
        line(d, f"{number}. {title}", bold=True)
        for i in range(1, 6):
            text = (f"Đoạn {i} của mục {section}: {agency.name} đã phối hợp rà soát, cập nhật tình hình thực hiện "
                    f"các nhiệm vụ được giao và hướng dẫn doanh nghiệp hoàn thiện hồ sơ theo quy định.")
            line(d, text)
            body.append((text, section))
    footer(d, ["- Như trên;", "- Lưu: VT."], ["GIÁM ĐỐC", "", "Nguyễn Văn An"])
    d.save(path)
    return Letter(agency.id, {"number": f"17/{agency.code}-VP", "date": f"20/12/{year}"}, body)
