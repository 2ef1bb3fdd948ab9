"""The print view is the same document as the PDF: the same paragraphs in the same order, the same head
and signature block (one model, ``publish/report_document.py``; one HTML writer, ``pdf_export``)."""
from __future__ import annotations

import re

import pdfplumber
import pytest
from bs4 import BeautifulSoup

from support.blocks import norm
from support.round_of_replies import write_round
from support.site import build_site, run_cli

PRINT_VIEW = "2023/bao-cao-tong-hop-ban-in/index.html"


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    root = tmp_path_factory.mktemp("print-view")
    tree = write_round(root)
    assert run_cli("draft", "2023", "--submissions", str(tree)).returncode == 0
    pdf = root / "r.pdf"
    assert run_cli("export", "2023", "--submissions", str(tree), "--format", "pdf", "-o", str(pdf)).returncode == 0
    build = build_site(tree, root / "site", strict=False)
    assert build.returncode == 0, build.output
    with pdfplumber.open(pdf) as document:  # the body of each page: no page number, no foot-of-page notes
        pages = []
        for page in document.pages:  # footnotes are 12 pt, their calls 9 pt, the body 14 pt and its tables 13 pt
            body = page.crop((0, 20 * 72 / 25.4, page.width, page.height)).filter(
                lambda obj: obj["object_type"] != "char" or not 11.5 < obj["size"] < 12.5)
            pages.append(body.extract_text() or "")
    return BeautifulSoup(build.page(PRINT_VIEW), "html.parser"), "".join(pages)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", norm(text))


def test_the_print_view_and_the_pdf_hold_the_same_paragraphs_in_the_same_order(both):
    soup, pdf_text = both
    document = BeautifulSoup(str(soup.select_one(".nd30")), "html.parser")  # a copy: parts are taken out
    for extra in document.select(".fn-list, table.head, table.foot"):  # notes listed; two-column head and foot
        extra.decompose()
    printed = _squeezed(pdf_text)
    # a table's cells wrap onto several lines, which text extraction interleaves: every word is there
    words = [w for c in document.select("table.data th, table.data td") for w in norm(c.get_text()).split()]
    assert words and [w for w in words if w not in printed] == []
    for table in document.select("table.data"):
        table.decompose()
    blocks = [_squeezed(el.get_text()) for el in document.find_all(["p", "h1", "h2", "h3"]) if el.get_text().strip()]
    assert len(blocks) > 40
    at = 0
    for block in blocks:
        found = printed.find(block, at)
        assert found >= 0, (block, printed[at:at + 300])
        at = found + len(block)


def test_the_print_view_draws_the_sos_report_with_its_signature_block(both):
    soup, _ = both
    text = norm(soup.select_one(".nd30").get_text(" "))
    for expected in ["SỞ CÔNG THƯƠNG", "BÁO CÁO", "Sở Xây dựng: Hoàn thành quy hoạch chung",
                     "xem xét, chỉ đạo./.", "Nơi nhận:", "GIÁM ĐỐC"]:
        assert expected in text, expected
    assert text.count("./.") == 1
    for tool in ["Chưa có cơ quan nào", "Phần mở đầu", "Cơ quan báo cáo không được giao nhiệm vụ"]:
        assert tool not in text
    assert [norm(s.get_text()) for s in soup.select(".nd30 sup.fn-call")] == ["1", "2"]
    assert "Số liệu ước tính của Cục Thống kê" in norm(soup.select_one(".fn-list").get_text(" "))
