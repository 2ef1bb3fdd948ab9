"""The Nghị định 30 frame: a report in plain text without Kính gửi."""
from __future__ import annotations

from build_hooks.importer.convert import convert
from build_hooks.importer.document import (
    Paragraph,
    Run,
)
from build_hooks.importer.text_reader import text_document
from support.real import ROUND


def p(text, line, **kw) -> Paragraph:
    return Paragraph((Run(text, kw.pop("bold", False)),), line, **kw)


def test_a_report_in_plain_text_without_kinh_gui():
    raw = ("UBND HUYỆN SƠN TỊNH\nSố: 45/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "Sơn Tịnh, ngày 18 tháng 12 năm 2023\nBÁO CÁO\nTình hình thực hiện Kế hoạch phát triển công nghiệp\n"
           "năm 2023 trên địa bàn huyện\nI. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU\n"
           "1. Kết quả thực hiện các chỉ tiêu phát triển công nghiệp\nGiá trị sản xuất tăng 8%.\nNơi nhận:\n"
           "- Sở Công Thương;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nPhạm Văn Dũng\n")
    # with the round's outline: the line "1. Kết quả …" is a heading by its shape, confirmed by its title
    result = convert(text_document(raw, "x.txt", "txt"), "ubnd-son-tinh", 2023, "o.md", ROUND.outline)
    f = result.frame
    assert (f.kind, f.number, f.date, f.recipients) == ("Báo cáo", "45/BC-UBND", "18/12/2023", ())
    assert f.subject == "Tình hình thực hiện Kế hoạch phát triển công nghiệp năm 2023 trên địa bàn huyện"
    assert (f.authorities, f.title, f.name) == (("TM. Ủy ban nhân dân",), "Chủ tịch", "Phạm Văn Dũng")
    assert "\n## 1. Kết quả thực hiện các chỉ tiêu phát triển công nghiệp\n\nGiá trị sản xuất tăng 8%.\n" in result.text
    assert result.coverage.complete and not result.findings

