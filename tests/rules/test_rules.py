"""Boundaries of the content rules, and the guide page generated from the same definitions."""
from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup

from build_hooks.dev.handbook_rules import BEGIN, CHECKING, END, with_rule_table
from build_hooks.domain.catalogue import RULES
from build_hooks.load.schema import FRONT_MATTER, INDICATOR
from build_hooks.rules.legacy_encoding import find_legacy
from build_hooks.rules.raw_html import find_html
from build_hooks.rules.runner import check_submission
from build_hooks.settings import ROOT
from support.real import REGISTRY, ROUND

BASE = (ROOT / "tests" / "cases" / "good" / "base.md").read_text(encoding="utf-8")


def rules_for(text: str, today=datetime.date(2024, 1, 15)) -> list[tuple[int, int, str]]:
    _sub, problems = check_submission(text, "x.md", "so-xay-dung", 2023, ROUND, REGISTRY, today)
    return sorted((p.line, p.column, p.rule) for p in problems)


@pytest.mark.parametrize("date, today, expected", [
    ("15/01/2024", "2024-01-15", []),                      # the build date itself is fine
    ("16/01/2024", "2024-01-15", [(5, 7, "future-date")]),
    ("01/2024", "2024-01-15", []),                         # month only: the current month is fine
    ("02/2024", "2024-01-31", [(5, 7, "future-date")]),
    ("2024-01-16", "2024-01-15", [(5, 7, "future-date")]),  # ISO form too
    ("01/01/2023", "2025-06-01", []),                      # first day of the round's year
    ("31/12/2024", "2025-06-01", []),                      # last day of the following year
    ("01/01/2025", "2025-06-01", [(5, 7, "date-out-of-round")]),
    ("31/12/2022", "2025-06-01", [(5, 7, "date-out-of-round")]),
    ("29/02/2024", "2025-06-01", []),                      # leap day exists
    ("29/02/2023", "2025-06-01", [(5, 7, "bad-date")]),
])
def test_date_rules(date, today, expected):
    text = BASE.replace("date: 15/12/2023", f"date: {date}")
    assert rules_for(text, datetime.date.fromisoformat(today)) == expected


@pytest.mark.parametrize("value, ok", [
    ('"9,5"', True), ('"1.234,5"', True), ("9.5", True), ('"9.5"', True), ('"8 - 9"', True), ('"> 63"', True),
    ('"≥ 6,5"', True), ('"khoảng 5 tỷ USD"', True), ('"chưa có số liệu"', True), ("-3", True),
    ('"1.234"', True), ("12.5", True), ("9.125", False),  # three decimals unquoted: 9125 or 9,125? write it quoted
    ('"1,234.5"', False), ('"9,5%"', False), ('"9.5.1"', False), ('"9 - "', False), ('"1,2,3"', False),
    ("1.234", False), ("1.234.567", True),  # YAML reads 1.234 as a float; 1.234.567 stays text and is read as 1234567
])
def test_number_rule(value, ok):
    text = BASE.replace('value: "90,5"', f"value: {value}")
    assert rules_for(text) == ([] if ok else [(17, 12, "bad-number")])


@pytest.mark.parametrize("line, word", [
    ("UBND tØnh Qu¶ng Ng·i", "tØnh"), ("C«ng ty", "C«ng"), ("®Çu t­", "®Çu"),
    ("Sôû Coâng Thöông", "Sôû"), ("Quaûng Ngaõi", "Quaûng"),
    ("Quảng Ngãi, Đức Phổ, ưu tiên, 25°C, 3 m², «Quyết định» số 998", None), ("Plain ASCII", None),
])
def test_legacy_encoding_words(line, word):
    found = find_legacy(line)
    assert (found.word if found else None) == word


@pytest.mark.parametrize("body, kinds", [
    ("`<b>` và ``<i>``", []),
    ("```\n<script>\n```\n", []),
    ("~~~\n<style>\n~~~\n", []),
    ("   ```\n<script>\n   ```\n", ["html"]),     # indented fence: Python-Markdown does not treat it as code
    ("a < b và c > d", []),
    ("<https://x.vn> <a@b.vn>", []),
    ("<HTTPS://x.vn>", []),
    ("<div\nonclick=x>", ["html"]),                # a tag across lines
    ("\\<b>", ["html"]),                           # '<' cannot be escaped in Python-Markdown
    ("<?php echo 1 ?>", ["html"]),
    ("<![CDATA[x]]>", ["html"]),
    ("<script", ["html"]),                         # unclosed but dangerous
    ("[a](  JAVASCRIPT:x)", ["link"]),
    ("[a](data:text/html;base64,xx)", ["link"]),
    ("![a](vbscript:x)", ["link"]),
    ("[a](https://x.vn) [b](/duong-dan) [c](#muc)", []),
    ("## Tiêu đề {#id .lop}", []),
    ("Đoạn {style=\"color:red\"}", ["attribute"]),
    ("```{ onclick=x }\nmã\n```\n", ["attribute"]),
    # A block-level tag at a line start is raw HTML even inside a code span: Python-Markdown takes
    # it out before it looks for code spans. Inline tags there stay code.
    ("`x\n<div>y</div>`", ["html"]),
    ("`x\n   <script>a`", ["html"]),
    ("`x\n<!-- c -->`", ["html"]),
    ("`x\n<b>y</b>`", []),
])
def test_html_detection(body, kinds):
    assert [f.kind for f in find_html(body)] == kinds


def test_nfc_column_points_at_the_decomposed_letter():
    text = BASE.replace("Nội dung báo cáo của mục II.6.", "Tỉnh Qua\u0309ng Nga\u0303i.")
    assert rules_for(text) == [(33, 8, "not-nfc")]  # the "a" that carries the hook


def test_big_file_is_refused_before_reading(tmp_path):
    from build_hooks.domain.catalogue import MAX_BYTES
    from build_hooks.rules.encoding import file_too_large

    assert file_too_large("x.md", MAX_BYTES) is None
    assert file_too_large("x.md", MAX_BYTES + 1).rule == "file-too-large"


def test_rule_ids_are_unique_and_documented():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.what and r.fix and r.severity in ("error", "warning") for r in RULES)


def test_guide_page_is_generated_from_the_schema_and_the_rules(real_site):
    assert not (ROOT / "docs" / "huong-dan" / "dinh-dang.md").exists()  # the hand-copied table is gone
    soup = BeautifulSoup(real_site.page("huong-dan/nop-bao-cao/index.html"), "html.parser")
    article = soup.find("article")
    assert article.find("h1").get_text(strip=True).startswith("Hướng dẫn nộp báo cáo")
    tables = article.find_all("table")
    first_column = [[row.find("td").get_text() for row in t.find("tbody").find_all("tr")] for t in tables]
    assert first_column[0] == [f.name for f in FRONT_MATTER]
    assert [f.name for f in INDICATOR] in first_column
    assert [i.id for i in ROUND.indicators] in first_column
    assert [r.id for r in RULES if r.guide] in first_column
    text = article.get_text()
    assert "python -m build_hooks new so-ke-hoach-va-dau-tu --year 2023" in text
    assert "## II.4.1." in text and "### 4.1." in text  # both numbering styles
    assert "pull request" in text
    home = BeautifulSoup(real_site.page("huong-dan/index.html"), "html.parser")
    assert any("nop-bao-cao" in (a.get("href") or "") for a in home.select("nav a"))


def test_handbook_rule_table_is_generated_from_the_catalogue():
    page = CHECKING.read_text(encoding="utf-8")
    assert with_rule_table(page) == page, "the handbook's rule table is stale: run python -m build_hooks handbook"
    table = page[page.index(BEGIN):page.index(END)]
    assert all(f"| `{r.id}` |" in table for r in RULES)


@pytest.mark.parametrize("text", ["{" * 200_000, "{: a=" * 40_000, "<a " * 60_000, "](" * 100_000,
                                  "`x\n" * 50_000, "Qu¶ng " * 30_000, "x" + "\u0301" * 100_000 + "e\u0301"])
def test_scans_stay_linear_on_pathological_lines(text):
    """A 200,000-character line of one repeated token: once quadratic ("{" took 107 s), now milliseconds."""
    import time

    start = time.perf_counter()
    rules_for(BASE + "\n" + text + "\n")
    assert time.perf_counter() - start < 10


def test_the_guide_example_passes_the_checker():
    from build_hooks.render.guide import EXAMPLE

    assert rules_for(EXAMPLE) == []
