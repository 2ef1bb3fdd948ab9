"""The Sở's report page ("Báo cáo của Sở Công Thương"), built from a drafted report file."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from support.blocks import norm
from support.round_of_replies import write_round
from support.site import build_site, run_cli


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("issued")
    tree = write_round(root)
    assert run_cli("draft", "2023", "--submissions", str(tree)).returncode == 0
    # not --strict: the draft's unanswered sections are warnings for the clerk (empty-section)
    build = build_site(tree, root / "site", strict=False)
    assert build.returncode == 0, build.output
    return build


def test_the_report_has_its_own_page_in_the_nd30_frame(built):
    soup = BeautifulSoup(built.page("2023/bao-cao-so-cong-thuong/index.html"), "html.parser")
    text = norm(soup.select_one("article").get_text(" "))
    assert norm(soup.h1.get_text()).rstrip("¶ ") == "Báo cáo của Sở Công Thương năm 2023"
    for expected in ["SỞ CÔNG THƯƠNG", "Số: /BC-SCT", "BÁO CÁO", "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi.",
                     "Sở Xây dựng: Hoàn thành quy hoạch chung xây dựng Khu kinh tế Dung Quất.",
                     "Sở Công Thương kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.",
                     "Nơi nhận: - Như trên; - Lưu: VT, QLCN."]:
        assert expected in text, expected
    assert "báo cáo để Sở Công Thương tổng hợp" not in text
    assert soup.select_one('[data-section="II.5.2"]') is not None


def test_the_compilation_is_named_as_the_working_compilation(built):
    home = norm(BeautifulSoup(built.page("2023/index.html"), "html.parser").get_text(" "))
    assert "Báo cáo của Sở Công Thương" in home and "Tổng hợp ý kiến các cơ quan" in home
    page = BeautifulSoup(built.page("2023/bao-cao-tong-hop/index.html"), "html.parser")
    assert norm(page.h1.get_text()).rstrip("¶ ") == "Tổng hợp ý kiến các cơ quan năm 2023"
    nav = [norm(a.get_text()) for a in page.select("nav a")]
    assert "Báo cáo của Sở Công Thương" in nav and "Tổng hợp ý kiến các cơ quan" in nav


def test_merged_header_cells_reach_the_page(built):
    for page in ("2023/bao-cao-so-cong-thuong/index.html", "2023/co-quan/so-ke-hoach-va-dau-tu/index.html"):
        soup = BeautifulSoup(built.page(page), "html.parser")
        year = soup.find("th", string="Năm 2023")
        assert year is not None and year["colspan"] == "2", page
        assert year.find_parent("table").find("th", string="STT")["rowspan"] == "2"


def test_footnotes_are_footnotes_of_the_page(built):
    soup = BeautifulSoup(built.page("2023/bao-cao-so-cong-thuong/index.html"), "html.parser")
    calls = soup.select("sup a.footnote-ref")
    assert len(calls) == 2
    for call in calls:
        note = soup.find("li", id=call["href"].lstrip("#"))
        assert note is not None and note.find_parent("div", class_="footnote") is not None
    assert "Số liệu ước tính của Cục Thống kê" in soup.select_one("div.footnote").get_text()
    assert "[^" not in soup.select_one("article").get_text()
