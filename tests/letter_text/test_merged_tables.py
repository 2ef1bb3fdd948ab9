"""Pipe tables with several header rows and ``<<``/``^^`` merge markers (handbook/format.md)."""
from __future__ import annotations

from bs4 import BeautifulSoup

from build_hooks.letter_text.convert import LetterRenderer
from build_hooks.letter_text.sanitize import sanitize

MERGED = """\
| STT | Chỉ tiêu | Năm 2023 | << |
| ^^ | ^^ | Kế hoạch | Thực hiện |
|---|---|---|---:|
| 1 | **Vốn** | 1.000 | 1.200 |
| 2 | Tổng | << | 3 |
| ^^ | x | y | z |
"""


def cells(html: str) -> list[list[tuple[str, str, str, str]]]:
    soup = BeautifulSoup(html, "html.parser")
    return [[(c.name, c.get_text(), c.get("colspan", "1"), c.get("rowspan", "1")) for c in tr.find_all(["th", "td"])]
            for tr in soup.find_all("tr")]


def test_header_rows_and_markers_become_spans():
    html = LetterRenderer().html(MERGED)
    assert cells(html) == [
        [("th", "STT", "1", "2"), ("th", "Chỉ tiêu", "1", "2"), ("th", "Năm 2023", "2", "1")],
        [("th", "Kế hoạch", "1", "1"), ("th", "Thực hiện", "1", "1")],
        [("td", "1", "1", "1"), ("td", "Vốn", "1", "1"), ("td", "1.000", "1", "1"), ("td", "1.200", "1", "1")],
        [("td", "2", "1", "2"), ("td", "Tổng", "2", "1"), ("td", "3", "1", "1")],
        [("td", "x", "1", "1"), ("td", "y", "1", "1"), ("td", "z", "1", "1")],
    ]
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.thead.find_all("tr")) == 2 and soup.find("strong").get_text() == "Vốn"
    assert soup.find("td", string="1.200")["align"] == "right"


def test_a_marker_never_joins_the_header_and_the_body_nor_leaves_the_table():
    html = LetterRenderer().html("| a | b |\n| c | d |\n|---|---|\n| ^^ | << |\n")
    body = cells(html)[2]
    assert body[0][1] == "^^" and body[0][3] == "1"  # first body row: nothing above it in the body
    assert body[0][2] == "2"  # ``<<`` joins the cell on its left


def test_plain_tables_are_left_to_the_tables_extension():
    html = LetterRenderer().html("| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "colspan" not in html and "rowspan" not in html and len(cells(html)) == 2


def test_the_sanitiser_lets_only_small_whole_spans_through():
    html = sanitize('<table><tr><td colspan="2" rowspan="50">a</td><td colspan="51">b</td>'
                    '<td rowspan="x" colspan="0">c</td><td colspan="2" onclick="x">d</td></tr></table>')
    assert cells(html) == [[("td", "a", "2", "50"), ("td", "b", "1", "1"), ("td", "c", "1", "1"),
                            ("td", "d", "2", "1")]]
