"""The body written as Markdown: table cells, markup kept as text the checker accepts."""
from __future__ import annotations

from build_hooks.importer.convert import convert
from build_hooks.importer.document import (
    Cell,
    Document,
    Paragraph,
    Run,
    Table,
)

HEAD = ["UBND TỈNH QUẢNG NGÃI", "SỞ XÂY DỰNG", "Số: 12/SXD-QLXD", "V/v báo cáo năm 2023",
        "Quảng Ngãi, ngày 15 tháng 12 năm 2023", "Kính gửi: Sở Công Thương."]


FOOT = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn An"]


def p(text, line, **kw) -> Paragraph:
    return Paragraph((Run(text, kw.pop("bold", False)),), line, **kw)


def letter(*body) -> Document:
    blocks = [p(t, i) for i, t in enumerate(HEAD, 1)] + list(body)
    blocks += [p(t, 100 + i) for i, t in enumerate(FOOT)]
    return Document(tuple(blocks), "thu.docx", "docx")


def rules_of(doc) -> dict[str, int]:
    result = convert(doc, "so-xay-dung", 2023, "so-xay-dung.md")
    return {f.rule: f.line for f in result.findings}, result


def test_merged_cells_are_written_as_the_format_spans_them():
    """Word's merged cells come back as ``<<`` (merged left) and ``^^`` (merged up), as handbook/format.md says,
    so the page, the DOCX and the PDF span them (issue 22): no repeated text, no note about merged cells."""
    a, b, c = Cell((p("Hạng mục", 20),)), Cell((p("Năm 2023", 21),)), Cell((p("Đường", 22),))
    wide = Cell(b.paragraphs, merged=True)
    rows = ((a, b, wide), (Cell(a.paragraphs, merged=True), Cell((p("Kế hoạch", 23),)), Cell((p("Thực hiện", 24),))),
            (c, Cell((p("12 km", 25),)), Cell((p("9,5 km", 26),))))
    _rules, result = rules_of(letter(p("Nội dung.", 10), Table(rows, 20)))
    assert ("| Hạng mục | Năm 2023 | << |\n| ^^ | Kế hoạch | Thực hiện |\n|---|---|---|\n| Đường | 12 km | 9,5 km |"
            in result.text)
    assert "ô gộp" not in result.text
    assert result.coverage.complete


def test_markup_in_a_letter_is_written_as_text_the_checker_accepts(tmp_path):
    import markdown
    from bs4 import BeautifulSoup

    from build_hooks.corpus.tree import load_corpus
    from support.site import submission_tree

    odd = "Ghi <b>đậm</b> <script>x</script> [bấm](javascript:x) {: onclick=x} R&D &lt; *sao* _a_ `m` a|b c:\\d."
    doc = letter(p("Nội dung.", 10), p(odd, 11))
    _rules, result = rules_of(doc)
    assert result.coverage.complete
    tree = submission_tree(tmp_path / "submissions", {"so-xay-dung.md": result.text})
    _corpus, problems = load_corpus(tree, base=tree)
    assert [p.format() for p in problems] == []
    html = markdown.markdown(result.text.split("---\n", 2)[2], extensions=["tables", "attr_list"])
    soup = BeautifulSoup(html, "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["p", "p"]  # no b, script, a, code, em: all text
    assert not any(t.attrs for t in soup.find_all(True))
    assert soup.find_all("p")[1].get_text() == odd



def test_footnotes_are_markdown_footnotes_with_distinct_numbers():
    """Word restarts nothing: each footnote gets the letter's next number, at the place of its reference."""
    from build_hooks.importer.document import NOTE_MARK

    doc = letter(p("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", 10, bold=True),
                 p(f"Giá trị tăng 9,5%{NOTE_MARK} so với năm trước.", 11, notes=("Số ước thực hiện.",)),
                 p(f"Thu hút 3 dự án{NOTE_MARK} và 2 cụm{NOTE_MARK}.", 12,
                   notes=("Đến 30/11/2023.", "Đã có quy hoạch.")))
    imported = convert(doc, "so-xay-dung", 2023, "x.md")
    body = imported.text.split("---\n", 2)[2]
    assert "Giá trị tăng 9,5%[^1] so với năm trước.\n\n[^1]: Số ước thực hiện.\n" in body
    assert "Thu hút 3 dự án[^2] và 2 cụm[^3].\n\n[^2]: Đến 30/11/2023.\n\n[^3]: Đã có quy hoạch.\n" in body
    assert "Chú thích" not in body and NOTE_MARK not in body
    assert imported.coverage.complete
