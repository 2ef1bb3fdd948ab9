"""Number against title: a heading Word numbered on, whose title is exactly another section's (issue 22)."""
from __future__ import annotations

from build_hooks.importer.convert import convert
from build_hooks.importer.document import Document, Paragraph, Run
from build_hooks.importer.titles import follow_titles
from support.real import ROUND

V6 = ROUND.outline.get("V.6").title


def test_a_heading_numbered_on_by_word_follows_its_title():
    text = f"# V. Kế hoạch năm 2024\n\n## 1. Công tác thông tin, tuyên truyền\n\nMột.\n\n## 2. {V6}\n\nHai.\n"
    renumbered, findings = follow_titles(text, ROUND.outline, "x.md", 10)
    assert "## 1. Công tác thông tin, tuyên truyền" in renumbered and f"## 6. {V6}" in renumbered
    assert [(f.rule, f.line, f.severity) for f in findings] == [("import-renumbered", 16, "warning")]
    assert "V.6" in findings[0].message and "V.2" in findings[0].message


def test_a_title_that_is_only_close_or_its_own_stays_as_written():
    text = ("# V. Kế hoạch\n\n## 2. Nhóm nhiệm vụ về phân bố không gian\n\nMột.\n\n"
            "## 3. Cải thiện môi trường đầu tư\n\nHai.\n")
    assert follow_titles(text, ROUND.outline, "x.md", 0) == (text, [])


def test_the_importer_files_the_letter_under_the_titled_section():
    head = ["UBND TỈNH QUẢNG NGÃI", "SỞ XÂY DỰNG", "Số: 12/SXD-QLXD", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Quảng Ngãi, ngày 15 tháng 12 năm 2023", "Kính gửi: Sở Công Thương."]
    body = ["V. XÂY DỰNG KẾ HOẠCH NĂM 2024", f"3. {V6}", "Tiếp tục cải cách thủ tục đầu tư."]
    foot = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn A"]
    blocks = tuple(Paragraph((Run(t, bold=t[0] in "V3"),), i) for i, t in enumerate(head + body + foot, 1))
    result = convert(Document(blocks, "thu.docx", "docx"), "so-xay-dung", 2023, "so-xay-dung.md", ROUND.outline)
    assert f"6. {V6}" in result.text and f"3. {V6}" not in result.text
    assert "import-renumbered" in {f.rule for f in result.findings}
