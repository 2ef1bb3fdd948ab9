"""The Sở's own report file exported: its text, not the compilation, in a clean ND30 Word file and PDF."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn

from support.blocks import norm
from support.round_of_replies import write_round
from support.site import run_cli


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("report-export")
    tree = write_round(root)
    assert run_cli("draft", "2023", "--submissions", str(tree)).returncode == 0
    files = {}
    for fmt in ("docx", "pdf"):
        files[fmt] = root / f"r.{fmt}"
        proc = run_cli("export", "2023", "--submissions", str(tree), "--format", fmt, "-o", str(files[fmt]))
        assert proc.returncode == 0, proc.stderr
    return files


def docx_text(path: Path) -> list[str]:
    return [norm(p.text) for p in Document(str(path)).paragraphs if p.text.strip()]


def test_the_docx_is_the_sos_text_not_the_compilation(exported):
    texts = docx_text(exported["docx"])
    assert "Sở Xây dựng: Hoàn thành quy hoạch chung xây dựng Khu kinh tế Dung Quất." in texts
    assert texts[-1] == "Sở Công Thương kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./."
    joined = "\n".join(texts)
    for tool in ["Chưa có cơ quan nào", "Phần mở đầu", "tổng hợp như sau", "báo cáo để Sở Công Thương tổng hợp"]:
        assert tool not in joined
    assert joined.count("./.") == 1


def test_the_docx_has_no_template_leftovers_and_speaks_vietnamese(exported):
    with zipfile.ZipFile(exported["docx"]) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode()
        rels = z.read("_rels/.rels").decode()
        styles = z.read("word/styles.xml").decode()
    assert "docProps/thumbnail.jpeg" not in names and "thumbnail" not in rels
    assert "Macintosh" not in app and "Normal.dotm" not in app and "<Company>Sở Công Thương</Company>" in app
    assert "en-US" not in styles and 'w:val="vi-VN"' in styles
    props = Document(str(exported["docx"])).core_properties
    assert props.language == "vi-VN" and props.author == "Sở Công Thương"
    assert props.title.startswith("Báo cáo Tình hình triển khai")


def test_the_date_line_prints_the_year(exported):
    word = Document(str(exported["docx"]))
    header = word.tables[0].rows[0].cells[1]
    assert re.fullmatch(r"Quảng Ngãi, ngày\s+tháng\s+năm 2023", norm(header.paragraphs[-1].text))


def test_tables_repeat_their_header_rows_and_size_columns_by_content(exported):
    word = Document(str(exported["docx"]))
    rollup = next(t for t in word.tables if t.rows[0].cells[-1].text == "Toàn tỉnh")
    assert rollup.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert rollup.rows[1]._tr.trPr is None or rollup.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    widths = [c.width for c in rollup.columns]
    assert widths[1] > 2 * widths[0]  # "Chỉ tiêu" holds sentences, "STT" a number


def test_the_pdf_holds_the_same_paragraphs_in_the_same_order(exported):
    with pdfplumber.open(exported["pdf"]) as pdf:
        text = norm(" ".join(page.extract_text() or "" for page in pdf.pages))
    wanted = ["BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "Sở Xây dựng: Hoàn thành quy hoạch",
              "III. TỒN TẠI HẠN CHẾ", "IV. ĐỀ XUẤT, KIẾN NGHỊ", "xem xét, chỉ đạo./.", "Nơi nhận:"]
    positions = [text.find(w) for w in wanted]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), positions
    assert re.search(r"Quảng Ngãi, ngày\s+tháng\s+năm 2023", text)


def test_merged_cells_are_merged_in_the_docx(exported):
    word = Document(str(exported["docx"]))
    table = next(t for t in word.tables if any(c.text == "Năm 2023" for c in t.rows[0].cells))
    first = table.rows[0]._tr
    spans = [tc.tcPr.find(qn("w:gridSpan")) for tc in first.findall(qn("w:tc"))]
    assert [s.get(qn("w:val")) if s is not None else "1" for s in spans] == ["1", "1", "2"]
    second = [tc.tcPr.find(qn("w:vMerge")) for tc in table.rows[1]._tr.findall(qn("w:tc"))]
    assert [m is not None for m in second] == [True, True, False, False]  # STT and Chỉ tiêu run down
    for row in table.rows[:2]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[2]._tr.trPr.find(qn("w:tblHeader")) is None


def test_merged_cells_and_header_rows_in_the_pdf(exported):
    with pdfplumber.open(exported["pdf"]) as pdf:
        words = [w for page in pdf.pages for w in page.extract_words()]
    year = next(w for w in words if w["text"] == "2023" and any(v["text"] == "Năm" and abs(v["top"] - w["top"]) < 2
                                                                  for v in words))
    plan = next(w for w in words if w["text"] == "Kế" and w["top"] > year["top"] and w["top"] - year["top"] < 30)
    done = next(w for w in words if w["text"] == "Thực" and abs(w["top"] - plan["top"]) < 2)
    assert plan["x0"] < year["x0"] < done["x1"]  # "Năm 2023" stands over both of its columns


NOTES = ["Số liệu ước tính của Cục Thống kê, tháng 12/2023.", "Theo phản ánh của nhà đầu tư tại hội nghị đối thoại."]


def test_real_footnotes_in_the_docx(exported):
    with zipfile.ZipFile(exported["docx"]) as z:
        footnotes = z.read("word/footnotes.xml").decode()
        document = z.read("word/document.xml").decode()
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "wordprocessingml.footnotes+xml" in types and "relationships/footnotes" in rels
    for n, note in enumerate(NOTES, 1):
        assert re.search(rf'<w:footnote w:id="{n}">.*?{re.escape(note)}', footnotes)
    assert re.findall(r'<w:footnoteReference w:id="(\d+)"/>', document) == ["1", "2"]
    assert "[^" not in "\n".join(docx_text(exported["docx"]))


def test_footnotes_at_the_foot_of_a_pdf_page(exported):
    with pdfplumber.open(exported["pdf"]) as pdf:
        assert "[^" not in "".join(page.extract_text() or "" for page in pdf.pages)
        for note in NOTES:
            page = next(p for p in pdf.pages if note.split(",")[0] in norm(p.extract_text() or ""))
            lines = page.extract_text_lines()
            line = next(x for x in lines if note.split(",")[0][:20] in norm(x["text"]))
            assert line is lines[-1] or all(x["top"] <= line["top"] for x in lines if x is not line
                                            and NOTES[0][:10] not in x["text"] and NOTES[1][:10] not in x["text"])
            size = next(c["size"] for c in line["chars"] if c["text"].strip() and not c["text"].isdigit())
            assert 11 < size < 13  # 12 pt, under the body's 14 pt


def test_the_signature_block_is_always_drawn_and_kept_with_the_body(exported):
    word = Document(str(exported["docx"]))
    foot = word.tables[-1]
    sign = [norm(p.text) for p in foot.rows[0].cells[1].paragraphs if p.text.strip()]
    assert sign == ["GIÁM ĐỐC"]  # no signer yet: the head's position, room for the signature and the name
    assert foot.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    body = word.element.body
    before = body[list(body).index(foot._tbl) - 1]
    assert before.tag == qn("w:p") and before.pPr.keepNext is not None  # goes over with the foot
    with pdfplumber.open(exported["pdf"]) as pdf:
        page = next(p for p in pdf.pages if "Nơi nhận:" in (p.extract_text() or ""))
        lines = [norm(x["text"]) for x in page.extract_text_lines()]
    at = next(i for i, x in enumerate(lines) if x.startswith("Nơi nhận:"))
    above = [x for x in lines[:at] if not x.isdigit()]  # the page number is not the body
    assert len(above) >= 2 and above[-1].endswith("xem xét, chỉ đạo./."), lines
    assert "GIÁM ĐỐC" in " ".join(lines)


def test_a_run_of_unwritten_sections_does_not_leave_a_half_empty_page(tmp_path):
    """The real round's draft: every section but the opening still empty, headings one after another."""
    import shutil

    from build_hooks.settings import SUBMISSIONS_DIR

    tree = tmp_path / "submissions"
    shutil.copytree(SUBMISSIONS_DIR, tree)
    assert run_cli("draft", "2023", "--submissions", str(tree)).returncode == 0
    files = {fmt: tmp_path / f"r.{fmt}" for fmt in ("docx", "pdf")}
    for fmt, path in files.items():
        assert run_cli("export", "2023", "--submissions", str(tree), "--format", fmt, "-o", str(path)).returncode == 0
    with pdfplumber.open(files["pdf"]) as pdf:
        first = norm(pdf.pages[0].extract_text())
    assert "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" in first and "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ" in first
    paragraphs = Document(str(files["docx"])).paragraphs
    headings = [p for p in paragraphs if p.style.name.startswith("Heading")]
    i1 = next(p for p in headings if p.text.startswith("I. "))
    assert i1.paragraph_format.keep_with_next is False  # "1. …" follows it directly
