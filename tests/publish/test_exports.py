"""The Sở's report as DOCX and PDF, read back: layout of Nghị định 30/2020, every contribution, fonts.

Both files are made for the real 2023 round and for a synthetic round of 40 agencies;
the synthetic round's ground truth (``write_round``) says what every agency wrote
under every section, and the files must carry all of it under that section and agency.
"""
from __future__ import annotations

import io
import re
import subprocess
import time
import unicodedata
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from fontTools.ttLib import TTFont

from build_hooks.corpus.tree import load_corpus
from build_hooks.dev.synthetic import write_round
from build_hooks.publish.docx_export import docx_bytes
from build_hooks.publish.pdf_export import pdf_bytes
from build_hooks.publish.report_document import MOTTO, NATION, build_document, paragraphs_text
from build_hooks.settings import ROOT, SUBMISSIONS_DIR
from support.site import run_cli

ARTIFACTS = ROOT / "test-artifacts"
A4 = (595.28, 841.89)
SEED_PARAGRAPHS = [
    "Theo đề nghị của Sở Công Thương tại Công văn số 3006/SCT-QLCN ngày 08/12/2023",
    "Ban Dân tộc tỉnh báo cáo để Sở Công Thương tổng hợp./.",
]


class Export:
    """One round exported: the neutral document, both files and what it took."""

    def __init__(self, name: str, corpus, written=None):
        self.name, self.corpus, self.written = name, corpus, written
        self.rnd = corpus.round(2023)
        self.doc = build_document(corpus, 2023)
        start = time.perf_counter()
        self.docx = docx_bytes(self.doc)
        self.docx_seconds = time.perf_counter() - start
        start = time.perf_counter()
        self.pdf = pdf_bytes(self.doc)
        self.pdf_seconds = time.perf_counter() - start
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"{name}.docx").write_bytes(self.docx)
        (ARTIFACTS / f"{name}.pdf").write_bytes(self.pdf)
        with open(ARTIFACTS / "export-times.txt", "a", encoding="utf-8") as log:
            log.write(f"{name}: docx {self.docx_seconds:.2f} s {len(self.docx)} B; "
                      f"pdf {self.pdf_seconds:.2f} s {len(self.pdf)} B\n")

    @property
    def word(self):
        return Document(io.BytesIO(self.docx))

    @property
    def pdf_path(self) -> Path:
        return ARTIFACTS / f"{self.name}.pdf"


@pytest.fixture(scope="module")
def real() -> Export:
    corpus, problems = load_corpus(SUBMISSIONS_DIR)
    assert not [p for p in problems if p.is_error]
    return Export("export-real-2023", corpus)


@pytest.fixture(scope="module")
def synthetic40(tmp_path_factory) -> Export:
    root = tmp_path_factory.mktemp("synthetic40") / "submissions"
    written = write_round(root, 40)
    corpus, problems = load_corpus(root)
    assert not [p for p in problems if p.is_error]
    return Export("export-synthetic-40", corpus, written)


@pytest.fixture(params=["real", "synthetic40"])
def export(request) -> Export:
    return request.getfixturevalue(request.param)


# --- the neutral document ------------------------------------------------------------------

def test_report_block_of_the_real_round(real):
    doc = real.doc
    assert doc.kind == "BÁO CÁO"
    assert doc.subject.startswith("Tình hình triển khai") and not doc.subject.lower().startswith("báo cáo")
    assert doc.number.startswith("Số: ") and doc.number.endswith("/BC-SCT") and not re.search(r"\d/BC", doc.number)
    assert re.fullmatch(r"Quảng Ngãi, ngày\s+tháng\s+năm 2023", doc.place_date)  # not dated yet: the year printed
    assert doc.recipients == ("Ủy ban nhân dân tỉnh Quảng Ngãi",)
    # not signed yet: the head's position is drawn (ND30: the block is always there), the name left blank
    assert (doc.signer.on_behalf, doc.signer.title, doc.signer.name) == ((), "Giám đốc", "")
    assert doc.cc[-1].startswith("Lưu:")


# --- DOCX ------------------------------------------------------------------------------------

def body_items(word) -> list[tuple[str, str]]:
    """(style or "cell", text) of every paragraph and table cell of the body, in order."""
    items = []
    tables = iter(word.tables)
    paragraphs = iter(word.paragraphs)
    for child in word.element.body.iterchildren():
        if child.tag == qn("w:p"):
            p = next(paragraphs)
            items.append((p.style.name, p.text))
        elif child.tag == qn("w:tbl"):
            table = next(tables)
            items.append(("table", ""))
            items += [("cell", c.text) for row in table.rows for c in row.cells]
    return items


def test_docx_page_fonts_and_sizes(export):
    word = export.word
    section = word.sections[0]
    mm = lambda length: round(length / Mm(1), 1)  # noqa: E731 (Word stores twips: 15 mm reads 14.99 mm)
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert 20 <= mm(section.top_margin) <= 25 and 20 <= mm(section.bottom_margin) <= 25
    assert 30 <= mm(section.left_margin) <= 35 and 15 <= mm(section.right_margin) <= 20
    normal = word.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt in (13, 14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:hAnsi")) == "Times New Roman" and fonts.get(qn("w:hAnsiTheme")) is None
    for level in (1, 2, 3):
        style = word.styles[f"Heading {level}"]
        assert style.font.name == "Times New Roman" and style.font.bold and style.font.size.pt == 14
        assert style.element.rPr.find(qn("w:rFonts")).get(qn("w:asciiTheme")) is None
    assert not word.element.xpath("//w:txbxContent")  # no text boxes


def test_docx_header_and_foot_tables(export):
    word = export.word
    head, foot = word.tables[0], word.tables[-1]
    left, right = (c.text for c in head.rows[0].cells)
    assert left.split("\n")[:2] == ["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG" if export.name.endswith("2023") else
                                    left.split("\n")[1]]
    assert "Số:" in left and "/BC-" in left
    lines = right.split("\n")
    assert lines[0] == NATION and lines[1] == MOTTO and "ngày" in lines[-1] and "năm" in lines[-1]
    nation_run = head.rows[0].cells[1].paragraphs[0].runs[0]
    assert nation_run.bold and nation_run.font.size.pt in (12, 13)
    motto_run = head.rows[0].cells[1].paragraphs[1].runs[0]
    assert motto_run.bold and motto_run.font.size.pt in (13, 14)
    date_run = head.rows[0].cells[1].paragraphs[-1].runs[0]
    assert date_run.italic
    assert head._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top")).get(qn("w:val")) == "nil"
    cc = foot.rows[0].cells[0]
    label = cc.paragraphs[0].runs[0]
    assert label.text == "Nơi nhận:" and label.bold and label.italic and label.font.size.pt == 12
    assert all(p.runs[0].font.size.pt == 11 for p in cc.paragraphs[1:])
    assert cc.paragraphs[-1].text.startswith("- Lưu") and cc.paragraphs[-1].text.endswith(".")
    texts = [p.text for p in word.paragraphs]
    kind = texts.index("BÁO CÁO")
    assert texts[kind + 1] == export.doc.subject and texts.count("BÁO CÁO") == 1


def test_docx_page_number_field_from_page_two(export):
    word = export.word
    section = word.sections[0]
    assert section.different_first_page_header_footer
    assert section._sectPr.find(qn("w:titlePg")) is not None
    header = section.header._element
    assert "PAGE" in "".join(t.text for t in header.iter(qn("w:instrText")))
    assert {f.get(qn("w:fldCharType")) for f in header.iter(qn("w:fldChar"))} == {"begin", "separate", "end"}
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))


def test_docx_headings_are_the_outline(export):
    word = export.word
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    expected = [(f"Heading {min(3, s.depth)}", f"{s.id.partition('.')[2] or s.id}. "
                 + (s.title.upper() if s.depth == 1 else s.title))  # every part in capitals, as I and II are
                for s in export.rnd.outline.sections]
    assert headings[: len(expected)] == expected


def test_docx_body_is_the_document_in_order(export):
    """The DOCX body holds exactly the neutral document's paragraphs and cells, in its order."""
    items = [text for style, text in body_items(export.word) if style != "table" and text]
    wanted = [t for t in paragraphs_text(export.doc) if t]
    positions, at = [], 0
    for text in wanted:
        while at < len(items) and text not in items[at]:
            at += 1
        assert at < len(items), text
        positions.append(at)
        at += 1


def sections_and_agencies(items, rnd, registry):
    """{(section id, agency id): [texts]} by walking the body: headings name sections, sources name agencies."""
    order = [s.id for s in rnd.outline.sections] + [None]
    names = {a.name + ":": a.id for a in registry.agencies}
    found: dict = {}
    section, agency, heading_index = "_before", None, -1
    for style, text in items:
        if style.startswith("Heading"):
            heading_index += 1
            section, agency = order[heading_index], None
        elif text in names:
            agency = names[text]
        elif agency is not None and text:
            found.setdefault((section, agency), []).append(text)
    return found


def _contains(texts: list[str], wanted: str) -> bool:
    return any(wanted in t for t in texts)


def test_docx_every_contribution_under_its_section_and_agency(synthetic40):
    found = sections_and_agencies(body_items(synthetic40.word), synthetic40.rnd, synthetic40.corpus.registry)
    missing = [(sid, agency, text) for agency, sections in synthetic40.written["years"][2023].items()
               for sid, texts in sections.items() if sid is not None for text in texts
               if not _contains(found.get((sid, agency), []), text)]
    assert not missing, missing[:5]
    # the agencies' openings and closings (outside every section) are not the Sở's report
    outside = [text for sections in synthetic40.written["years"][2023].values() for text in sections.get(None, ())]
    body = [text for _style, text in body_items(synthetic40.word)]
    assert outside and not [t for t in outside if _contains(body, t)]


def test_docx_real_round_names_the_no_task_agency_once_and_leaves_its_letter_out(real):
    texts = [text for _style, text in body_items(real.word) if text]
    assert texts.count("Ban Dân tộc tỉnh Quảng Ngãi báo cáo không được giao nhiệm vụ trong Kế hoạch.") == 1
    assert not [p for p in SEED_PARAGRAPHS if _contains(texts, p)]
    assert "Sở Công Thương kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./." in texts


def test_docx_bytes_are_reproducible(real):
    assert docx_bytes(build_document(real.corpus, 2023)) == real.docx


# --- PDF -------------------------------------------------------------------------------------

def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


@lru_cache(maxsize=None)
def pdf_pages(path: Path) -> tuple:
    with pdfplumber.open(path) as pdf:
        return tuple((p.width, p.height, p.extract_text() or "", tuple(p.chars)) for p in pdf.pages)


def test_pdf_size_and_page_numbers(export):
    pages = pdf_pages(export.pdf_path)
    assert len(pages) >= 2
    for width, height, _text, _chars in pages:
        assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1
    margin_top = 20 / 25.4 * 72
    assert not [c for c in pages[0][3] if c["top"] < margin_top]
    top2 = [c for c in pages[1][3] if c["top"] < margin_top]
    assert "".join(c["text"] for c in top2) == "2"
    centre = (top2[0]["x0"] + top2[-1]["x1"]) / 2
    text_centre = (30 + (210 - 15)) / 2 / 25.4 * 72
    assert abs(centre - text_centre) < 3


def test_pdf_has_every_contribution(export):
    text = squeeze("".join(page[2] for page in pdf_pages(export.pdf_path)))
    wanted = [t for t in paragraphs_text(export.doc) if t]
    missing = [t for t in wanted if squeeze(t) not in text]
    assert not missing, missing[:3]
    if export.written:
        for sections in export.written["years"][2023].values():
            for sid, texts in sections.items():
                for t in texts:
                    assert (squeeze(t) in text) == (sid is not None), t  # openings and closings stay out
    assert unicodedata.is_normalized("NFC", text)


def test_pdf_fonts_embedded_and_cover_every_character(export):
    listing = subprocess.run(["pdffonts", str(export.pdf_path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), listing  # the "emb" column
    by_font: dict[str, set[str]] = {}
    for _w, _h, _t, chars in pdf_pages(export.pdf_path):
        for c in chars:
            by_font.setdefault(c["fontname"].split("+", 1)[-1], set()).add(c["text"])
    families = {name.split("-")[0] for name in by_font}
    assert len(families) == 1, by_font.keys()  # no character fell back to another font
    installed = subprocess.run(["fc-list", "--format", "%{postscriptname}\t%{file}\n"], capture_output=True,
                               text=True, check=True).stdout.splitlines()
    for name, chars in by_font.items():
        # The PDF names the font "Tinos-Bold-Italic" where the font says "Tinos-BoldItalic".
        files = [line.split("\t")[1] for line in installed
                 if line.split("\t")[0].replace("-", "") == name.replace("-", "")]
        cmaps = [TTFont(f, lazy=True).getBestCmap() for f in files]
        assert cmaps, name
        lacking = {ch for ch in chars if ch.strip() and not any(ord(ch) in cmap for cmap in cmaps)}
        assert not lacking, (name, lacking)
    assert "ệ" in "".join(by_font[next(iter(by_font))] | set().union(*by_font.values()))


def test_pdf_is_pdf_a_2b_with_the_document_title(real):
    from pdfminer.pdftypes import resolve1

    with pdfplumber.open(real.pdf_path) as pdf:
        catalog = pdf.doc.catalog
        xmp = resolve1(catalog["Metadata"]).get_data().decode("utf-8")
        assert resolve1(catalog["OutputIntents"])  # the colour profile PDF/A requires
        title = pdf.metadata.get("Title")
    assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert title == real.doc.title and title.startswith("Báo cáo Tình hình")


def test_pdf_bytes_are_reproducible(real):
    assert pdf_bytes(build_document(real.corpus, 2023)) == real.pdf


# --- the command ---------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_export_command_writes_the_file(tmp_path, real, fmt):
    target = tmp_path / f"bao-cao.{fmt}"
    result = run_cli("export", "2023", "--format", fmt, "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == (real.docx if fmt == "docx" else real.pdf)
    assert "Đã ghi" in result.stderr


def test_export_command_unknown_year(tmp_path):
    result = run_cli("export", "1999", "--format", "docx", "--output", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "Không có đợt báo cáo năm 1999" in result.stderr
    assert not (tmp_path / "x.docx").exists()


# --- publishing --------------------------------------------------------------------------------

def test_pdf_cache_gives_the_same_bytes_without_laying_out_again(real, tmp_path, monkeypatch):
    from build_hooks.publish import exports, pdf_export

    assert exports.cached_pdf(real.doc, tmp_path) == real.pdf
    assert len(list(tmp_path.iterdir())) == 1

    def fail(_doc):
        raise AssertionError("laid out again")

    monkeypatch.setattr(pdf_export, "pdf_bytes", fail)
    assert exports.cached_pdf(real.doc, tmp_path) == real.pdf


def test_docx_cache_gives_the_same_bytes_and_a_changed_document_new_ones(real, tmp_path, monkeypatch):
    from dataclasses import replace

    from build_hooks.publish import docx_export, exports

    assert exports.cached_docx(real.doc, tmp_path) == real.docx
    changed = replace(real.doc, subject=real.doc.subject + " (đã sửa)")
    assert exports.cached_docx(changed, tmp_path) != real.docx
    assert len(list(tmp_path.iterdir())) == 2

    def fail(_doc):
        raise AssertionError("written again")

    monkeypatch.setattr(docx_export, "docx_bytes", fail)
    assert exports.cached_docx(real.doc, tmp_path) == real.docx


def test_site_files_of_a_round(real):
    from build_hooks.publish.exports import document_files

    files = {f.path: f.content for f in document_files(real.corpus, pdf=False)}
    assert files == {"2023/du-lieu/bao-cao-so-cong-thuong-2023.docx": real.docx}


def test_control_characters_a_letter_may_carry_do_not_break_the_docx():
    from build_hooks.publish.docx_export import xml_text

    assert xml_text("Câu\x00 một\x0b\x1f\tđủ\n") == "Câu một\tđủ\n"
