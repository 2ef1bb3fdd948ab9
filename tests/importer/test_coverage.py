"""Coverage: a dropped or reordered source paragraph is seen."""
from __future__ import annotations

from build_hooks.importer.coverage import measure


def test_coverage_sees_a_dropped_and_a_reordered_paragraph():
    units = [(1, "Đoạn một."), (2, "Đoạn hai."), (3, "Đoạn ba.")]
    assert measure(units, "Đoạn **một**.\n\nĐoạn hai.\n\nĐoạn ba.").complete
    assert measure(units, "Đoạn một.\n\nĐoạn ba.").missing == ((2, "Đoạn hai."),)
    assert measure(units, "Đoạn hai.\n\nĐoạn một.\n\nĐoạn ba.").found == 2



def test_text_after_an_unclosed_entity_name_is_not_reported_lost(tmp_path):
    """``&nbsp đủ`` or ``&copy 2023`` are text (Markdown reads a reference only when closed by ";"): the words
    after them are written and counted, never reported lost; closed references stay text too."""
    from importer.support import import_letter
    from support.site import submission_tree

    tree = submission_tree(tmp_path / "submissions", {})
    paragraph = ("Một &#0; hai &nbsp đủ &copy 2023 ba &lt;script&gt; bốn &amp;amp; năm &#; sáu R&D; bảy &#x26 tám "
                 "&notin chín.")
    letter = ("UBND TỈNH QUẢNG NGÃI\nSỞ XÂY DỰNG\nSố: 31/SXD-QLXD\nQuảng Ngãi, ngày 15 tháng 12 năm 2023\n"
              "V/v báo cáo năm 2023\nKính gửi: Sở Công Thương.\n\nII. KẾT QUẢ THỰC HIỆN\n\n"
              f"1. Công tác thông tin, tuyên truyền\n\n{paragraph}\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\n"
              "Nguyễn Văn An\n")
    (tmp_path / "la.txt").write_text(letter, encoding="utf-8")
    proc = import_letter(tmp_path / "la.txt", "so-xay-dung", tree)
    assert "import-lost" not in proc.stdout, proc.stdout
    assert "Nội dung: 3/3 đoạn" in proc.stdout and proc.returncode == 0
    assert "tám" in (tree / "2023" / "so-xay-dung.md").read_text(encoding="utf-8")


def test_a_named_footnote_label_is_not_text_of_the_letter():
    """Fidelity holds a transcription to its original with this count: a clerk who names a footnote
    (``[^ghi-chu]``, as the format allows) must not make the paragraph that calls it look lost."""
    units = [(1, "Sở đã tổ chức 12 hội nghị phổ biến."), (2, "Theo báo cáo quý IV.")]
    output = "Sở đã tổ chức 12 hội nghị[^ghi-chu] phổ biến.\n\n[^ghi-chu]: Theo báo cáo quý IV.\n"
    assert measure(units, output).complete
