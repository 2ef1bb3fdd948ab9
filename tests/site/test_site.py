"""The site built from the repository's own data: what a reader sees."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from support.blocks import norm
from support.site import build_site


def text(html: str) -> str:
    return norm(BeautifulSoup(html, "html.parser").get_text(" "))


def test_strict_build_passes_without_warnings(real_site):
    assert "WARNING" not in real_site.output
    assert "Documentation built" in real_site.output


def test_letter_is_laid_out_as_an_official_document(real_site):
    page = text(real_site.page("2023/co-quan/ban-dan-toc/index.html"))
    for expected in ["UBND TỈNH QUẢNG NGÃI BAN DÂN TỘC", "/BDT-CSDT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "tháng 12 năm 2023", "Kính gửi: Sở Công Thương.",
                     "V/v báo cáo tình hình triển khai thực hiện các Chính sách",
                     "Nơi nhận: - Như trên; - Lãnh đạo Ban; - Các Phòng thuộc Ban; - Lưu: VT, Thời.",
                     "KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN Nguyễn Thế Nhân", "không được giao nhiệm vụ"]:
        assert expected in page, expected
    assert re.search(r"Quảng Ngãi, ngày\s+tháng 12 năm 2023", page)  # the day was left blank


def test_status_page_counts_and_marks(real_site):
    page = text(real_site.page("2023/tinh-hinh-nop/index.html"))
    assert "Đã trả lời: 1/34" in page and "Hạn nộp: chưa quy định" in page
    soup = BeautifulSoup(real_site.page("2023/tinh-hinh-nop/index.html"), "html.parser")
    rows = {norm(tr.th.get_text()): tr for tr in soup.select(".st-agencies tbody tr")}
    assert len(rows) == 34
    ban = rows["Ban Dân tộc tỉnh Quảng Ngãi"]
    assert "Đã trả lời" in ban.get_text() and "12/2023" in ban.get_text()
    # every section of every part, grouped by part, behind the row's summary
    assert [norm(x.get_text()) for x in ban.select(".st-part-id")] == ["I", "II", "III", "IV", "V"]
    assert {m.get_text() for m in ban.select(".st-sections .st-mark")} == {"–"}
    assert len(ban.select(".st-sections li")) == 34
    assert "Chưa trả lời" in rows["Sở Xây dựng"].get_text()
    assert {m.get_text() for m in rows["Sở Xây dựng"].select(".st-sections .st-mark")} == {"✗"}
    # the per-section view: one row per section, its counts adding up to every agency
    sections = soup.select(".st-sections-table tbody tr")
    assert len(sections) == 34
    for tr in sections:
        counts = [int(re.search(r"\d+$", norm(c.get_text()))[0]) for c in tr.select(".st-count")]
        assert sum(counts) == 34 and counts[1] == 1


def test_status_legend_is_a_list_without_doubled_punctuation(real_site):
    soup = BeautifulSoup(real_site.page("2023/tinh-hinh-nop/index.html"), "html.parser")
    legend = soup.find(string=re.compile("Ký hiệu")).find_parent("p").find_next_sibling("ul")
    assert [norm(li.get_text()) for li in legend.find_all("li")] == [
        "✓ có nội dung", "– không được giao nhiệm vụ", "✗ chưa có"]
    assert not re.search(r"[.;:,][.;]", text(real_site.page("2023/tinh-hinh-nop/index.html")).replace("./.", ""))


def test_round_home_names_the_request_and_links_everything(real_site):
    html = real_site.page("2023/index.html")
    page = text(html)
    assert "Công văn số 3006/SCT-QLCN ngày 08/12/2023 của Sở Công Thương" in page
    assert "Đã trả lời: 1/34" in page
    for link in ["bao-cao-tong-hop/", "tinh-hinh-nop/", "co-quan/"]:
        assert f'href="{link}"' in html or f'href="./{link}"' in html, link
    for base in ["136/KH-UBND", "124/NQ-CP", "37-CTr/TU", "23-NQ/TW", "998/QĐ-UBND"]:
        assert base in page


def test_generated_pages_are_in_the_navigation(real_site):
    soup = BeautifulSoup(real_site.page("2023/index.html"), "html.parser")
    labels = norm(soup.select_one("nav.md-nav--primary").get_text(" "))
    for label in ["Năm 2023", "Tổng hợp ý kiến các cơ quan", "Tình hình nộp báo cáo", "Văn bản các cơ quan",
                  "Sở, ban, ngành", "Hướng dẫn"]:
        assert label in labels, label
    assert "Năm 2023" in norm(soup.select_one("nav.md-tabs").get_text(" "))
    # a letter stands under its kind of agency, which is open on the letter's own page
    letter = BeautifulSoup(real_site.page("2023/co-quan/ban-dan-toc/index.html"), "html.parser")
    link = letter.select_one('nav.md-nav--primary a.md-nav__link--active[href="./"]')
    assert norm(link.get_text(" ")) == "Ban Dân tộc tỉnh Quảng Ngãi"
    group = link.find_parent("nav").find_parent("li")
    assert norm(group.find("label").get_text(" ")) == "Sở, ban, ngành"


def test_report_holds_the_whole_outline_in_order(real_site):
    html = real_site.page("2023/bao-cao-tong-hop/index.html")
    ids = re.findall(r'data-section="([^"]+)"', html)
    assert ids[:3] == ["I", "I.1", "II"] and "II.6.2" in ids and ids[-14:] == [
        "V.1", "V.2", "V.3", "V.4", "V.4.1", "V.4.2", "V.5", "V.5.1", "V.5.2", "V.6", "V.6.1", "V.6.2", "V.7", "V.8"
    ][-14:] or ids[-1] == "_"
    assert "Cơ quan báo cáo không được giao nhiệm vụ" in text(html)


def test_no_request_to_another_host(real_site):
    """Nothing the pages load (scripts, styles, fonts, images, frames) comes from another host.

    Material's bundle names unpkg only for Mermaid, which it loads when a page has a
    ``.mermaid`` element; no configured extension produces one, which is asserted too.
    """
    loaded = []
    for path in real_site.site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src")):
            loaded += [(path.name, el[attr]) for el in soup.find_all(tag) if re.match(r"(https?:)?//", el.get(attr, ""))
                       and not (tag == "link" and el.get("rel") == ["canonical"])]
        assert not soup.select(".mermaid"), path
        assert "fonts.googleapis" not in str(soup) and "fonts.gstatic" not in str(soup)
    for path in real_site.site.rglob("*.css"):
        content = path.read_text(encoding="utf-8", errors="replace")
        loaded += [(path.name, u) for u in re.findall(r"(?:@import|url)\(?\s*[\"']?(https?://[^\"')\s]+)", content)]
    assert loaded == []


def test_unexpected_agency_is_published_and_marked(tmp_path):
    import shutil

    from build_hooks.settings import ROOT
    root = tmp_path / "submissions"
    shutil.copytree(ROOT / "submissions", root)
    round_file = root / "2023" / "round.yml"
    round_file.write_text(round_file.read_text(encoding="utf-8").replace("  - so-y-te\n", ""), encoding="utf-8")
    (root / "2023" / "so-y-te.md").write_text("---\nagency: so-y-te\nyear: 2023\n---\n\n## II.1. Tuyên truyền\n\n"
                                              "Nội dung của Sở Y tế.\n", encoding="utf-8")
    build = build_site(root, tmp_path / "site")
    assert build.returncode == 0, build.output
    status = text(build.page("2023/tinh-hinh-nop/index.html"))
    assert "Đã trả lời (ngoài danh sách)" in status and "Trả lời ngoài danh sách đề nghị: 1" in status
    assert "Nội dung của Sở Y tế." in text(build.page("2023/bao-cao-tong-hop/index.html"))


def test_every_page_of_a_demo_says_it_is_a_demo(synthetic):
    _submissions, _written, build = synthetic
    pages = [p for p in build.site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 30
    unlabelled = [str(p.relative_to(build.site)) for p in pages
                  if "DỮ LIỆU MINH HỌA" not in p.read_text(encoding="utf-8")]
    assert unlabelled == []


def test_real_site_is_not_labelled_a_demo(real_site):
    assert not [p for p in real_site.site.rglob("*.html") if "MINH HỌA" in p.read_text(encoding="utf-8").upper()]


def test_letter_body_is_set_like_the_document_and_a_no_task_table_is_collapsed(real_site):
    soup = BeautifulSoup(real_site.page("2023/co-quan/ban-dan-toc/index.html"), "html.parser")
    assert "Theo đề nghị của Sở Công Thương" in soup.select_one(".cv-body").get_text()
    closing = soup.select_one(".cv-closing")
    assert norm(closing.get_text()) == "Ban Dân tộc tỉnh báo cáo để Sở Công Thương tổng hợp./."
    assert closing.find_next(class_="cv-footer") is not None  # after the body, before "Nơi nhận"
    collapsed = soup.select_one(".coverage details.coverage-same")
    assert collapsed is not None and not collapsed.has_attr("open")
    assert norm(collapsed.summary.get_text()) == "Cả 34 mục: Không được giao nhiệm vụ"
    css = (real_site.site / "assets" / "congvan.css").read_text(encoding="utf-8")
    assert ".cv-org::after" in css and re.search(r"\.cv-body[^{]*\{[^}]*serif", css)


def test_a_letter_page_lists_its_sections_in_its_table_of_contents(synthetic):
    """The core writes a letter's headings as HTML (``Fragments.heading``); the adapter lists them in
    the page's table of contents as Python-Markdown would: nested by level, down to ``toc_depth`` 3."""
    _submissions, _written, build = synthetic
    letters = sorted((build.site / "2023" / "co-quan").glob("co-quan-*/index.html"))
    assert len(letters) > 5
    deeper = nested = 0
    for path in letters:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        toc = soup.select_one(".md-sidebar--secondary nav.md-nav--secondary")
        listed = [a["href"] for a in toc.select("a.md-nav__link")]
        article = soup.select_one("article")
        outside = [h for h in article.select("h2[id], h3[id], h4[id]") if not h.find_parent(class_="cv-body")]
        assert listed == ["#" + h["id"] for h in outside if h.name != "h4"], path
        assert {"#cac-muc-de-cuong", "#lich-su-van-ban"} <= set(listed), path
        for h3 in (h for h in outside if h.name == "h3"):  # under its part's entry, if the letter has one
            parent = toc.select_one(f'a[href="#{h3["id"]}"]').find_parent("li").find_parent("li")
            above = h3.find_previous(["h1", "h2"])
            assert (parent.a["href"] if parent else None) == ("#" + above["id"] if above.name == "h2" else None)
            nested += parent is not None
        deeper += sum(h.name == "h4" for h in outside)
    assert deeper > 0 and nested > 0  # level-4 sections exist, and are not listed; some entries are nested
