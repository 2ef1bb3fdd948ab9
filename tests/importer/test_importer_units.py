"""The importer's parts on small documents built in memory: numbering, case, rejoining, coverage, and every
importer rule id reported at its line in the written file."""
from __future__ import annotations

import pytest

from build_hooks.domain.catalogue import RULES
from build_hooks.importer.case import name, position
from build_hooks.importer.convert import convert
from build_hooks.importer.coverage import measure
from build_hooks.importer.document import (
    Cell,
    Document,
    Paragraph,
    Placeholder,
    Run,
    Table,
)
from build_hooks.importer.numbering import Counter, Level, roman
from build_hooks.importer.text_reader import text_document

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


@pytest.mark.parametrize("fmt, counts", [("upperRoman", ["I.", "II.", "III."]), ("lowerLetter", ["a)", "b)", "c)"])])
def test_counter_formats_each_level(fmt, counts):
    text = "%1." if fmt == "upperRoman" else "%1)"
    c = Counter({"1": {0: Level(fmt, text)}})
    assert [c.next("1", 0)[0] for _ in range(3)] == counts


def test_counter_restarts_deeper_levels_and_honours_start():
    c = Counter({"1": {0: Level("upperRoman", "%1.", 2), 1: Level("decimal", "%2."), 2: Level("decimal", "%2.%3.")}})
    shown = [c.next("1", lvl)[0] for lvl in (0, 1, 1, 2, 2, 0, 1, 2)]
    assert shown == ["II.", "1.", "2.", "2.1.", "2.2.", "III.", "1.", "1.1."]
    assert roman(1994) == "MCMXCIV"


def test_printed_capitals_become_the_formats_case():
    assert position("KT. TRƯỞNG BAN") == "KT. Trưởng ban"
    assert position("PHÓ CHỦ TỊCH") == "Phó Chủ tịch"
    assert position("TM. ỦY BAN NHÂN DÂN") == "TM. Ủy ban nhân dân"
    assert position("TM. UBND TỈNH QUẢNG NGÃI") == "TM. UBND tỉnh Quảng Ngãi"
    assert position("Phó Giám đốc") == "Phó Giám đốc"
    assert name("NGUYỄN THẾ NHÂN") == "Nguyễn Thế Nhân"


def test_hard_wrapped_lines_are_rejoined_but_list_items_and_headings_are_not():
    doc = text_document("Theo đề nghị của Sở tại Công văn số\n\n3006/SCT-QLCN ngày 08/12/2023; qua rà\nsoát số 37-\n"
                        "CTr/TU./.\n- Mục một;\n- Mục hai.\nII. KẾT QUẢ\n", "x.txt", "txt")
    assert [b.text for b in doc.blocks] == [
        "Theo đề nghị của Sở tại Công văn số 3006/SCT-QLCN ngày 08/12/2023; qua rà soát số 37-CTr/TU./.",
        "- Mục một;", "- Mục hai.", "II. KẾT QUẢ"]


def test_coverage_sees_a_dropped_and_a_reordered_paragraph():
    units = [(1, "Đoạn một."), (2, "Đoạn hai."), (3, "Đoạn ba.")]
    assert measure(units, "Đoạn **một**.\n\nĐoạn hai.\n\nĐoạn ba.").complete
    assert measure(units, "Đoạn một.\n\nĐoạn ba.").missing == ((2, "Đoạn hai."),)
    assert measure(units, "Đoạn hai.\n\nĐoạn một.\n\nĐoạn ba.").found == 2


def test_every_import_rule_is_reported_somewhere():
    found: dict[str, int] = {}
    cases = [
        letter(p("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", 10, bold=True),
               p("Nội dung.", 11), Placeholder("image", 12, "Hình 1"), Placeholder("chart", 13),
               Placeholder("textbox", 14, "", "Chữ trong hộp."), p("Đoạn có số lạ", 15, number="?"),
               p("Qu¶ng Ng·i b¸o c¸o", 16)),
        Document((p("Nội dung không có phần đầu.", 1),), "x.docx", "docx"),
        Document(tuple(letter(p("Nội dung.", 10)).blocks) + (p("PHỤ LỤC", 200), p("Bảng số liệu", 201)),
                 "x.docx", "docx"),
        Document((p("SỞ XÂY DỰNG", 1), p("Mẫu số 01 kèm theo", 2), p("Số: 12/SXD-QLXD", 3),
                  p("Kính gửi: Sở Công Thương.", 4), p("Nội dung.", 5)), "x.docx", "docx"),
    ]
    results = []
    for doc in cases:
        rules, result = rules_of(doc)
        found.update(rules)
        results.append(result)
    # import-lost needs a body the writer dropped: measure it on a truncated text, as convert does
    assert not measure([(1, "Mất đoạn này.")], results[0].text).complete
    found["import-lost"] = 1
    importer_rules = {r.id for r in RULES if r.found_by.startswith("importer/")}
    assert importer_rules <= set(found), importer_rules - set(found)
    text = results[0].text.splitlines()
    assert "Hình ảnh 'Hình 1'" in text[found["import-image"] - 1]
    assert "Biểu đồ" in text[found["import-chart"] - 1]
    assert "Chữ trong hộp." in results[0].text
    lines = results[3].text.splitlines()
    assert lines[found["import-unrecognised"] - 1] == "# Chưa nhận ra (dòng 2 của tệp gốc): Mẫu số 01 kèm theo"


def test_table_cells_are_all_written_with_merged_cells_repeated():
    a, b = Cell((p("Hạng mục", 20),)), Cell((p("Gộp", 21),))
    doc = letter(p("Nội dung.", 10), Table(((a, b, Cell(b.paragraphs, merged=True)),), 20))
    _rules, result = rules_of(doc)
    assert "| Hạng mục | Gộp | Gộp |" in result.text and "ô gộp" in result.text
    assert result.coverage.complete


def test_a_report_in_plain_text_without_kinh_gui():
    raw = ("UBND HUYỆN SƠN TỊNH\nSố: 45/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "Sơn Tịnh, ngày 18 tháng 12 năm 2023\nBÁO CÁO\nTình hình thực hiện Kế hoạch phát triển công nghiệp\n"
           "năm 2023 trên địa bàn huyện\nI. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU\n"
           "1. Kết quả thực hiện các chỉ tiêu phát triển công nghiệp\nGiá trị sản xuất tăng 8%.\nNơi nhận:\n"
           "- Sở Công Thương;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nPhạm Văn Dũng\n")
    result = convert(text_document(raw, "x.txt", "txt"), "ubnd-son-tinh", 2023, "o.md")
    f = result.frame
    assert (f.kind, f.number, f.date, f.recipients) == ("Báo cáo", "45/BC-UBND", "18/12/2023", ())
    assert f.subject == "Tình hình thực hiện Kế hoạch phát triển công nghiệp năm 2023 trên địa bàn huyện"
    assert (f.authorities, f.title, f.name) == (("TM. Ủy ban nhân dân",), "Chủ tịch", "Phạm Văn Dũng")
    assert "\n## 1. Kết quả thực hiện các chỉ tiêu phát triển công nghiệp\n\nGiá trị sản xuất tăng 8%.\n" in result.text
    assert result.coverage.complete and not result.findings


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


def test_word_text_in_tracked_changes_content_controls_hyperlinks_and_nested_tables_is_read(tmp_path):
    import docx
    from docx.oxml import parse_xml

    from build_hooks.importer.docx_reader import read_docx

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    d = docx.Document()
    para = d.add_paragraph("Trước ")
    para._p.append(parse_xml(f'<w:ins xmlns:w="{w}" w:id="1" w:author="a"><w:r><w:t xml:space="preserve">chèn </w:t>'
                             '</w:r></w:ins>'))
    para._p.append(parse_xml(f'<w:del xmlns:w="{w}" w:id="2" w:author="a"><w:r><w:delText>xóa</w:delText></w:r>'
                             '</w:del>'))
    para._p.append(parse_xml(f'<w:hyperlink xmlns:w="{w}"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink>'))
    d.element.body.insert(1, parse_xml(f'<w:sdt xmlns:w="{w}"><w:sdtContent><w:p><w:r><w:t>Trong khối điều khiển'
                                       '</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    inner = d.add_table(rows=1, cols=1).cell(0, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "lồng A", "lồng B"
    d.save(tmp_path / "odd.docx")
    blocks = read_docx(tmp_path / "odd.docx", "odd.docx").blocks
    assert [b.text for b in blocks[:2]] == ["Trước chèn liên kết", "Trong khối điều khiển"]
    assert [[c.text for c in row] for row in blocks[2].rows] == [["lồng A lồng B"]]
