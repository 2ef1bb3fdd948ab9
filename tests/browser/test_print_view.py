"""The print view: the Sở's report of a round (the same document as the PDF) on one page, laid out for A4."""
from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from build_hooks.settings import ROOT  # noqa: E402
from support.browser import ARTIFACTS

CSS = ROOT / "overrides" / "assets" / "stylesheets" / "print-a4.css"
PRINT_PAGE = "2023/bao-cao-tong-hop-ban-in/index.html"


def test_print_view_holds_every_passage_once_under_the_outline(synthetic):
    _submissions, written, build = synthetic
    html = build.page(PRINT_PAGE)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".md-header") is None and soup.select_one("script") is None
    assert soup.select_one('link[rel=stylesheet]')["href"] == "../../assets/stylesheets/print-a4.css"
    doc = soup.select_one(".sheet .nd30")  # the document the PDF prints (publish/pdf_export.document_html)
    assert doc.select_one(".title .kind").get_text() == "BÁO CÁO"
    assert doc.select_one(".title .subject").get_text() == "Tình hình minh họa năm 2023"
    assert len(doc.select(".title .kind")) == 1
    assert "BÁO CÁO" not in doc.select_one(".title .subject").get_text().upper()
    assert doc.select_one("p.recipients").get_text() == "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi."
    assert doc.select_one(".foot .cc p.label").get_text() == "Nơi nhận:"
    assert [p.get_text() for p in doc.select(".foot .cc p")[1:]] == ["- Như trên;", "- Lưu: VT, QLCN."]
    sign = [p.get_text().strip() for p in doc.select(".foot .sign p")]
    assert sign == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Người ký minh họa"]
    icon = soup.select_one('link[rel=icon]')["href"]  # the theme's icon: no request for /favicon.ico (a 404)
    assert icon.endswith("assets/images/favicon.png") and (build.site / "assets/images/favicon.png").is_file()
    downloads = [a["href"] for a in soup.select(".screen-only a")]
    assert "../du-lieu/bao-cao-so-cong-thuong-2023.docx" in downloads
    assert "../du-lieu/bao-cao-so-cong-thuong-2023.pdf" in downloads
    for href in downloads[1:]:
        assert (build.site / "2023" / "bao-cao-tong-hop-ban-in" / href).resolve().is_file(), href
    assert "SỞ CÔNG THƯƠNG" in doc.select_one(".head .issuer").get_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in doc.select_one(".head .nation").get_text()
    roots = [h.get_text().split()[0] for h in doc.select("h1")]
    assert roots[:5] == ["I.", "II.", "III.", "IV.", "V."]
    text = soup.select_one(".sheet").get_text(" ")
    for _agency, sections in written["years"][2023].items():
        for section, passages in sections.items():
            for passage in passages:  # once under its section; openings and closings are not the Sở's report
                assert text.count(passage) == (1 if section is not None else 0), passage
    report = BeautifulSoup(build.page("2023/bao-cao-tong-hop/index.html"), "html.parser")
    assert report.select_one("a.print-view-link")["href"] == "../bao-cao-tong-hop-ban-in/"


def test_print_view_of_the_real_round(real_site):
    soup = BeautifulSoup(real_site.page(PRINT_PAGE), "html.parser")
    text = soup.select_one(".sheet").get_text(" ")
    assert text.count("Ban Dân tộc tỉnh Quảng Ngãi báo cáo không được giao nhiệm vụ trong Kế hoạch.") == 1
    assert "Số: \u2003\u2003/BC-SCT" in text


def test_stylesheet_follows_decree_30_layout():
    css = CSS.read_text(encoding="utf-8")
    page = re.search(r"@page\s*\{(.*?)\n\}", css, re.S).group(1)
    assert re.search(r"size:\s*A4", page)
    top, right, bottom, left = (int(v) for v in re.search(r"margin:\s*(\d+)mm (\d+)mm (\d+)mm (\d+)mm", page).groups())
    assert 20 <= top <= 25 and 20 <= bottom <= 25 and 30 <= left <= 35 and 15 <= right <= 20
    assert re.search(r"@top-center\s*\{[^}]*content:\s*counter\(page\)", page)
    assert re.search(r"@page :first\s*\{\s*@top-center\s*\{\s*content:\s*none", css)
    assert re.search(r'html \{ font-family: "Times New Roman", "Liberation Serif", Tinos, serif; font-size: 14pt', css)


def _pdftotext() -> str | None:
    return shutil.which("pdftotext")


@pytest.mark.browser
@pytest.mark.slow
def test_print_view_prints_on_a4_with_page_numbers_from_page_two(synthetic_http, page):
    base, _synthetic = synthetic_http
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(base + "2023/bao-cao-tong-hop-ban-in/")
    page.wait_for_load_state("networkidle")
    assert not failed, failed  # no /favicon.ico 404
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "print-view-screen.png"))
    page.emulate_media(media="print")
    styles = page.evaluate("""() => {
        const p = document.querySelector('.sheet .nd30 p.source ~ p') || document.querySelector('.sheet .nd30 p')
        const style = getComputedStyle(p)
        return {font: style.fontFamily, size: parseFloat(style.fontSize),
                breaks: [...document.querySelectorAll('.sheet .nd30 h1')].map(h => getComputedStyle(h).breakBefore),
                hidden: [...document.querySelectorAll('.screen-only')]
                        .every(e => getComputedStyle(e).display === 'none')}
    }""")
    assert styles["font"].startswith('"Times New Roman"')
    assert 13 * 4 / 3 <= styles["size"] <= 14 * 4 / 3 + 0.01  # 13–14 pt in CSS pixels
    assert set(styles["breaks"]) == {"auto"} and styles["hidden"]  # laid out as the PDF: no page per part
    pdf = page.pdf(prefer_css_page_size=True)
    (ARTIFACTS / "print-view.pdf").write_bytes(pdf)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes)  # A4 in points
    assert len(boxes) > 1
    tool = _pdftotext()
    if tool is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("pdftotext (poppler-utils) is missing: scripts/ensure-system-packages.sh installs it")
        pytest.skip("pdftotext (poppler-utils) is not installed: page numbers not checked")
    path = ARTIFACTS / "print-view.pdf"
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, timeout=60).stdout.splitlines()[2:]
    families = {line.split()[0].split("+")[-1].split("-")[0].split(",")[0] for line in fonts if line.strip()}
    assert len(families) == 1, families  # Vietnamese letters drawn from the same serif font, no fallback
    text = subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True, timeout=60).stdout
    sheets = [sheet for sheet in text.split("\f") if sheet.strip()]
    firsts = [next(line.strip() for line in sheet.splitlines() if line.strip()) for sheet in sheets]
    assert not firsts[0].isdigit()
    assert firsts[1:] == [str(n) for n in range(2, len(firsts) + 1)]
