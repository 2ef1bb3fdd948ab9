"""A text-layer PDF (a Word fixture printed by Chromium) imports to the same fields as the .docx; a PDF without
text is refused with the way forward (OCR)."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from importer.letters import LETTERS
from importer.printed import print_pdf
from importer.support import body_paragraphs, fold, frame, front_matter, import_letter
from support.site import BUILD_TODAY, run_cli, submission_tree

pytestmark = pytest.mark.browser
PRINTED = ("cong-van", "bao-cao")
NOT_PRINTED = {"Số liệu đến ngày 30/11/2023.", "Số liệu năm 2023 là số ước thực hiện."}
"""A footnote and a text box: the test's HTML print (``printed.docx_html``) leaves them out."""


@pytest.fixture(scope="module")
def printed(tmp_path_factory, browser):
    root = tmp_path_factory.mktemp("import-pdf")
    tree = submission_tree(root / "submissions", {})
    out = {}
    for name in PRINTED:
        letter = LETTERS[name](root / f"{name}.docx")
        pdf = print_pdf(browser, root / f"{name}.docx", root / f"{name}.pdf")
        out[name] = (letter, import_letter(pdf, letter.agency, tree), tree / "2023" / f"{letter.agency}.md")
    return out, tree, root, browser


@pytest.mark.parametrize("name", PRINTED)
def test_pdf_imports_to_the_same_fields(printed, name):
    letter, proc, path = printed[0][name]
    assert path.is_file(), proc.stdout + proc.stderr
    assert frame(front_matter(path)) == letter.front


@pytest.mark.parametrize("name", PRINTED)
def test_pdf_body_keeps_the_printed_paragraphs_in_order(printed, name):
    letter, proc, path = printed[0][name]
    text = "\n".join(body_paragraphs(path))
    at = 0
    for paragraph, _section in letter.body:
        if paragraph in NOT_PRINTED:
            continue
        pos = text.find(fold(paragraph), at)
        assert pos >= 0, paragraph
        at = pos
    check = run_cli("check", "--strict", "--today", BUILD_TODAY, "--submissions", str(printed[1]), str(path))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Định dạng: PDF" in proc.stdout


def test_pdf_table_becomes_a_markdown_table(printed):
    _letter, _proc, path = printed[0]["cong-van"]
    text = path.read_text(encoding="utf-8")
    assert "| Hạng mục | Kế hoạch | Thực hiện |" in text and "| Đường nội bộ | 12 km | 9,5 km |" in text


def test_pdf_without_text_is_refused_naming_ocr(printed):
    root = printed[2]
    picture = "<html><body><div style='width:300px;height:400px;background:#333'></div></body></html>"
    scan = print_pdf(printed[3], None, root / "scan.pdf", picture)
    proc = import_letter(scan, "so-xay-dung", printed[1], "--force")
    assert proc.returncode == 2
    assert "OCR" in proc.stderr and "lớp chữ" in proc.stderr


def test_pages_numbers_and_running_headers_go_and_paragraphs_run_across_pages(printed):
    from importer.letters import long_letter

    root, tree = printed[2], printed[1]
    letter = long_letter(root / "long.docx")
    pdf = print_pdf(printed[3], root / "long.docx", root / "long.pdf", furniture=True)
    proc = import_letter(pdf, letter.agency, tree, "--force")
    path = tree / "2023" / "so-xay-dung.md"
    assert frame(front_matter(path)).items() >= letter.front.items(), proc.stdout
    paragraphs = body_paragraphs(path)
    expected = [fold("1. Công tác thông tin, tuyên truyền")] + [fold(text) for text, _ in letter.body]
    assert paragraphs[1:] == expected  # whole paragraphs: none cut at a page break, no page furniture between
    assert "báo cáo năm 2023" not in path.read_text(encoding="utf-8").split("---", 2)[2].lower()
    assert f"Nội dung: {len(letter.body) + 2}/{len(letter.body) + 2} đoạn" in proc.stdout


def test_the_real_letter_printed_to_pdf_imports_to_the_transcription(printed):
    from importer.test_convert import SAMPLE, TRANSCRIBED

    if not SAMPLE.is_file():
        pytest.skip("shared sample not on this machine")
    pdf = print_pdf(printed[3], SAMPLE, printed[2] / "ban-dan-toc.pdf")
    proc = import_letter(pdf, "ban-dan-toc", printed[1], "--force")
    out = printed[1] / "2023" / "ban-dan-toc.md"
    assert proc.returncode == 0, proc.stdout
    assert frame(front_matter(out)) == frame(front_matter(TRANSCRIBED))
    assert body_paragraphs(out) == body_paragraphs(TRANSCRIBED)


# --- a PDF saved by LibreOffice -------------------------------------------------------------------

SOFFICE = shutil.which("soffice")
TEXT_BOX = "Số liệu năm 2023 là số ước thực hiện."
"""The fixture's text box is the least XML the importer reads; LibreOffice does not draw it."""


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The Word fixtures exported to PDF by LibreOffice (the nearest thing to Word's own "Save as PDF" here):
    automatic numbers followed by a tab, the motto and the date wrapped in narrow columns, a footnote in small
    type at the foot of the page, the footer table running onto the next page. Skipped without ``soffice``."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    root = tmp_path_factory.mktemp("import-lo")
    tree = submission_tree(root / "submissions", {})
    letters = {name: build(root / f"{name}.docx") for name, build in LETTERS.items()}
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{root}/profile", "--convert-to", "pdf",
                    "--outdir", str(root), *[str(root / f"{name}.docx") for name in LETTERS]],
                   check=True, capture_output=True, timeout=180)
    out = {}
    for name, letter in letters.items():
        proc = import_letter(root / f"{name}.pdf", letter.agency, tree)
        out[name] = (letter, proc, tree / "2023" / f"{letter.agency}.md")
    return out, tree


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_libreoffice_pdf_imports_to_the_same_fields_and_paragraphs(exported, name):
    letter, proc, path = exported[0][name]
    assert path.is_file(), proc.stdout + proc.stderr
    assert frame(front_matter(path)) == letter.front
    text = "\n".join(body_paragraphs(path))
    at = 0
    for paragraph, _section in letter.body:
        if paragraph == TEXT_BOX:
            continue
        pos = text.find(fold(paragraph), at)
        assert pos >= 0, paragraph
        at = pos
    check = run_cli("check", "--strict", "--today", BUILD_TODAY, "--submissions", str(exported[1]), str(path))
    assert check.returncode == 0, check.stdout + check.stderr


def test_footnote_follows_its_paragraph_and_auto_numbers_make_headings(exported):
    cong_van = exported[0]["cong-van"][2].read_text(encoding="utf-8")
    # the printed reference digit stays, against the word as printed; the footnote is a Markdown footnote
    # (numbered through the letter); bold and italic words inside the paragraph stay
    assert ("Sở đã tổ chức **12 hội nghị** phổ biến *Kế hoạch 998* đến doanh nghiệp.1[^1]\n\n"
            "[^1]: Số liệu đến ngày 30/11/2023.\n") in cong_van
    numbered = exported[0]["auto-numbered"][1].stdout
    assert "Các mục: I, I.1, II, II.1, II.2, II.3, II.4, II.4.1 " in numbered



RULED = [["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2023", None],
         [None, None, None, "Kế hoạch", "Thực hiện"],
         ["1", "Giá trị sản xuất công nghiệp (giá so sánh 2010)", "tỷ đồng", "2.982", "3.275"],
         ["2", "Tỷ lệ lấp đầy các khu công nghiệp", "%", "70", "72,5"],
         ["3", "Số cụm công nghiệp có hạ tầng kỹ thuật", "cụm", "5", "4"]]
"""A ruled indicator table with a two-level header (None: the cell is merged into the one left or above)."""


def _ruled_letter(path):
    """The công văn fixture with a ruled ('Table Grid') indicator table and merged header cells after its body."""
    import docx

    from importer import letters

    letters.cong_van(path)
    d = docx.Document(str(path))
    anchor = next(p for p in d.paragraphs if p.text.startswith("Sở Xây dựng báo cáo"))
    table = d.add_table(rows=len(RULED), cols=5)
    table.style = "Table Grid"
    for r, row in enumerate(RULED):
        for c, text in enumerate(row):
            if text is not None:
                table.cell(r, c).text = text
    table.cell(0, 3).merge(table.cell(0, 4))
    for c in range(3):
        table.cell(0, c).merge(table.cell(1, c))
    anchor._p.addprevious(table._tbl)
    d.save(str(path))


def test_a_ruled_pdf_table_comes_back_cell_for_cell(tmp_path):
    """Issue 22: LibreOffice's PDF of a ruled 25-cell table came back as fragments ("ST/T", "1 Giá trị … |
    2.982 3.275"). Its ruling lines now give every cell, a wrapped cell is one cell, merges are << and ^^."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    tree = submission_tree(tmp_path / "submissions", {})
    _ruled_letter(tmp_path / "ruled.docx")
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "ruled.docx")], check=True, capture_output=True,
                   timeout=180)
    proc = import_letter(tmp_path / "ruled.pdf", "so-xay-dung", tree)
    text = (tree / "2023" / "so-xay-dung.md").read_text(encoding="utf-8")
    assert ("| STT | Chỉ tiêu | Đơn vị tính | Năm 2023 | << |\n"
            "| ^^ | ^^ | ^^ | Kế hoạch | Thực hiện |\n"
            "|---|---|---|---|---|\n"
            "| 1 | Giá trị sản xuất công nghiệp (giá so sánh 2010) | tỷ đồng | 2.982 | 3.275 |\n"
            "| 2 | Tỷ lệ lấp đầy các khu công nghiệp | % | 70 | 72,5 |\n"
            "| 3 | Số cụm công nghiệp có hạ tầng kỹ thuật | cụm | 5 | 4 |\n") in text, proc.stdout + text
    assert "Sở Xây dựng báo cáo để Sở Công Thương tổng hợp" not in text.split("| 3 |")[0]


LEAD_INS = [("Kết quả:", False, " Sở đã hoàn thành 5 cụm công nghiệp."),
            ("Tồn tại:", True, " tiến độ giải phóng mặt bằng còn chậm."),
            ("Về hạ tầng:", False, " trong năm 2023 Sở đã phối hợp với các địa phương rà soát, cập nhật tình hình "
             "thực hiện các dự án hạ tầng công nghiệp, kiểm tra 14 công trình và hướng dẫn chủ đầu tư hoàn thiện hồ "
             "sơ theo quy định hiện hành của pháp luật về xây dựng, bảo đảm tiến độ.")]
"""(bold lead-in, also italic, the normal text after it): the last wraps over three printed lines."""


def test_bold_and_italic_lead_ins_stay_and_wrapped_sentences_are_one_paragraph(tmp_path):
    """Issue 22: a LibreOffice PDF lost its bold-italic lead-ins; the words now keep their font's style."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    import docx

    from importer import letters

    letters.cong_van(tmp_path / "lead.docx")
    d = docx.Document(str(tmp_path / "lead.docx"))
    anchor = next(p for p in d.paragraphs if p.text.startswith("Sở Xây dựng báo cáo"))
    for lead, italic, rest in LEAD_INS:
        p = anchor.insert_paragraph_before()
        run = p.add_run(lead)
        run.bold, run.italic = True, italic
        p.add_run(rest)
    d.save(str(tmp_path / "lead.docx"))
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "lead.docx")], check=True, capture_output=True,
                   timeout=180)
    tree = submission_tree(tmp_path / "submissions", {})
    proc = import_letter(tmp_path / "lead.pdf", "so-xay-dung", tree)
    lines = (tree / "2023" / "so-xay-dung.md").read_text(encoding="utf-8").splitlines()
    assert "**Kết quả:** Sở đã hoàn thành 5 cụm công nghiệp." in lines, proc.stdout
    assert "***Tồn tại:*** tiến độ giải phóng mặt bằng còn chậm." in lines
    assert "**Về hạ tầng:**" + LEAD_INS[2][2] in lines  # three printed lines, one paragraph, no split sentence


def _word(text, x0, bold=False, italic=False, size=13.0):
    font = "ABCDEF+LiberationSerif" + ("-BoldItalic" if bold and italic else "-Bold" if bold else
                                        "-Italic" if italic else "")
    return {"text": text, "x0": x0, "x1": x0 + 6.5 * len(text), "fontname": font, "size": size}


def _after(words_in_order):
    """Words laid out left to right, each after the one before it by the gap given (in points)."""
    out, x = [], 0.0
    for text, gap, bold, italic in words_in_order:
        w = _word(text, x + gap, bold, italic)
        out.append(w)
        x = w["x1"]
    return out


def test_word_styles_become_runs_spaced_where_the_page_leaves_a_gap():
    from build_hooks.importer.pdf_reader import _word_runs

    # a bold lead-in before plain text; "quả" and ":" cut by the font change, no space between them
    runs = _word_runs(_after([("Kết", 0, True, False), ("quả", 3, True, False), (":", 0, False, False),
                              ("xong.", 3, False, False)]))
    assert [(r.text, r.bold) for r in runs] == [("Kết quả", True), (": xong.", False)]
    # Word's automatic number, parted from a bold title by a tab, in its own plain font: the title is bold
    runs = _word_runs(_after([("1.", 0, False, False), ("Công", 20, True, False), ("tác", 3, True, False)]))
    assert [(r.text, r.bold) for r in runs] == [("1. Công tác", True)]
    # a bold "12" that a wrapped line starts with, a word space before plain text: it keeps its bold
    runs = _word_runs(_after([("12", 0, True, False), ("hội", 3, False, False), ("nghị", 3, False, False)]))
    assert [(r.text, r.bold) for r in runs] == [("12", True), (" hội nghị", False)]
