"""``import EDITED.docx --report YEAR``: the Sở's report, finished in Word, comes back into its file
with nothing lost, and the site and the next PDF show the edited text."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from bs4 import BeautifulSoup
from docx import Document

from build_hooks.domain.model import REPORT_FILE
from support.blocks import norm
from support.round_of_replies import write_round
from support.site import build_site, run_cli

BEFORE = "Sở Xây dựng: Hoàn thành quy hoạch chung xây dựng Khu kinh tế Dung Quất."
AFTER = "Sở Xây dựng: Đã hoàn thành và trình phê duyệt quy hoạch chung xây dựng Khu kinh tế Dung Quất."


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("round-trip")
    tree = write_round(root)
    assert run_cli("draft", "2023", "--submissions", str(tree)).returncode == 0
    report = tree / "2023" / REPORT_FILE
    drafted = report.read_text(encoding="utf-8")
    exported = root / "bao-cao.docx"
    proc = run_cli("export", "2023", "--submissions", str(tree), "--format", "docx", "-o", str(exported))
    assert proc.returncode == 0, proc.stderr
    unchanged = run_cli("import", str(exported), "--report", "2023", "--submissions", str(tree),
                        "--output", str(root / "unchanged.md"))
    word = Document(str(exported))  # the clerk edits one paragraph in Word
    paragraph = next(p for p in word.paragraphs if norm(p.text) == BEFORE)
    paragraph.runs[0].text = AFTER
    for run in paragraph.runs[1:]:
        run.text = ""
    edited = root / "bao-cao-da-sua.docx"
    word.save(str(edited))
    imported = run_cli("import", str(edited), "--report", "2023", "--submissions", str(tree))
    return {"root": root, "tree": tree, "drafted": drafted, "report": report, "imported": imported,
            "unchanged": unchanged}


def test_an_unedited_export_comes_back_as_the_same_file(round_trip):
    assert round_trip["unchanged"].returncode == 0, round_trip["unchanged"].stdout
    back = (round_trip["root"] / "unchanged.md").read_text(encoding="utf-8")
    assert back == round_trip["drafted"]  # front-matter, footnotes, merged cells, lists, the draft's sources
    assert "Đoạn mới hoặc đã sửa: 0; đoạn đã bỏ: 0" in round_trip["unchanged"].stdout


def test_the_edited_paragraph_comes_back_and_nothing_else_changes(round_trip):
    proc = round_trip["imported"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Đoạn mới hoặc đã sửa: 1; đoạn đã bỏ: 1" in proc.stdout and f"+ {AFTER}" in proc.stdout
    text = round_trip["report"].read_text(encoding="utf-8")
    assert text == round_trip["drafted"].replace(BEFORE, AFTER)


def test_the_site_and_the_next_pdf_show_the_edited_report(round_trip):
    root, tree = round_trip["root"], round_trip["tree"]
    pdf = root / "lan-sau.pdf"
    proc = run_cli("export", "2023", "--submissions", str(tree), "--format", "pdf", "-o", str(pdf))
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(pdf) as document:
        printed = norm(" ".join(page.extract_text() or "" for page in document.pages))
    assert AFTER in printed and BEFORE not in printed
    build = build_site(tree, root / "site", strict=False)
    assert build.returncode == 0, build.output
    page = BeautifulSoup(build.page("2023/bao-cao-so-cong-thuong/index.html"), "html.parser")
    shown = norm(page.select_one("article").get_text(" "))
    assert AFTER in shown and BEFORE not in shown


def test_import_report_wants_a_docx_and_a_round(round_trip, tmp_path):
    text = tmp_path / "x.txt"
    text.write_text("x", encoding="utf-8")
    assert run_cli("import", str(text), "--report", "2023", "--submissions", str(round_trip["tree"])).returncode == 2
    docx = round_trip["root"] / "bao-cao.docx"
    proc = run_cli("import", str(docx), "--report", "1999", "--submissions", str(round_trip["tree"]))
    assert proc.returncode == 2 and "năm 1999" in proc.stderr
    assert Path(round_trip["report"]).is_file()
