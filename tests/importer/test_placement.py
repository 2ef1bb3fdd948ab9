"""Headings placed by their titles, and every guess of the importer said as a located warning (issue 22)."""
from __future__ import annotations

from build_hooks.importer.convert import convert
from build_hooks.importer.document import Cell, Document, Paragraph, Run, Table
from build_hooks.load.sections import split_body
from importer.support import import_letter
from support.real import ROUND
from support.site import submission_tree

HEAD = ["UBND TỈNH QUẢNG NGÃI", "SỞ XÂY DỰNG", "Số: 12/SXD-QLXD", "V/v báo cáo năm 2023",
        "Quảng Ngãi, ngày 15 tháng 12 năm 2023", "Kính gửi: Sở Công Thương."]
FOOT = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn An"]
II = "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"
II2 = ROUND.outline.get("II.2").title


def imported(*body, fmt="docx"):
    """The letter with ``body`` (text, or (text, bold), or a block) converted with the round's outline."""
    blocks = [Paragraph((Run(t),), i) for i, t in enumerate(HEAD, 1)]
    for i, item in enumerate(body, 20):
        if isinstance(item, str):
            item = (item, False)
        blocks.append(item if not isinstance(item, tuple) else Paragraph((Run(item[0], item[1]),), i))
    blocks += [Paragraph((Run(t),), 100 + i) for i, t in enumerate(FOOT)]
    return convert(Document(tuple(blocks), f"thu.{fmt}", fmt), "so-xay-dung", 2023, "so-xay-dung.md", ROUND.outline)


def placed(result) -> dict[str, str]:
    """Section id -> the text the checker files under it."""
    body = result.text.split("---\n", 2)[2]
    parts = split_body(body, 1, ROUND.outline, "x.md")[0]
    out: dict[str, str] = {}
    for part in parts:
        out[part.section_id] = out.get(part.section_id, "") + part.markdown
    return out


def warnings(result) -> list[tuple[str, str]]:
    """(rule, the written line it points at) of every importer finding."""
    lines = result.text.split("\n")
    return [(f.rule, lines[f.line - 1]) for f in result.findings if f.rule != "import-missing"]


def test_lettered_items_go_to_the_sub_section_whose_title_they_repeat():
    result = imported((II, True),
                      "a) Về công tác thông tin, tuyên truyền: Sở đã tổ chức 3 hội nghị.", "Nội dung tiếp theo.",
                      (f"b) {II2}", True), "Đã rà soát quy hoạch.")
    sections = placed(result)
    assert "a) Về công tác thông tin, tuyên truyền: Sở đã tổ chức 3 hội nghị." in sections["II.1"]
    assert "Nội dung tiếp theo." in sections["II.1"] and "Đã rà soát quy hoạch." in sections["II.2"]
    assert "## II.1. Công tác thông tin, tuyên truyền\n\na) Về công tác" in result.text  # a heading put before
    assert f"## II.2. b) {II2}" in result.text  # the lettered heading takes its number, keeping its letter
    assert warnings(result) == [("import-lettered", "## II.1. Công tác thông tin, tuyên truyền"),
                                ("import-lettered", f"## II.2. b) {II2}")]
    assert "đã đặt vào mục II.1" in result.findings[-2].message
    assert result.coverage.complete


def test_a_lettered_item_naming_no_sub_section_stays_with_a_warning():
    result = imported((II, True), ("a) Công tác khác", True), "Ba hội nghị.")
    assert "Ba hội nghị." in placed(result)["II"]
    [(rule, line)] = warnings(result)
    assert (rule, line) == ("import-lettered", "## a) Công tác khác")
    message = next(f.message for f in result.findings if f.rule == "import-lettered")
    assert "mục con II.1–II.8" in message and "để nguyên chỗ, nay thuộc mục II." in message


def test_a_lettered_paragraph_kept_after_moved_ones_says_which_section_holds_it_now():
    result = imported((II, True), "a) Về công tác thông tin, tuyên truyền: ba hội nghị.",
                      "b) Việc khác: hai đoàn kiểm tra.")
    assert "b) Việc khác: hai đoàn kiểm tra." in placed(result)["II.1"]
    kept = next(f.message for f in result.findings if f.rule == "import-lettered" and "Việc khác" in f.message)
    assert "đứng ngay dưới mục II," in kept and "để nguyên chỗ, nay thuộc mục II.1." in kept


def test_lettered_items_in_a_section_without_sub_sections_are_only_a_list():
    result = imported((II, True), ("1. Công tác thông tin, tuyên truyền", True), "a) In tờ rơi;", "b) Hội nghị.")
    assert warnings(result) == []
    assert "a) In tờ rơi;" in placed(result)["II.1"]


def test_an_unnumbered_bold_title_becomes_its_section_in_the_part_it_stands_in():
    v = "V. KẾ HOẠCH NĂM 2024"
    result = imported((II, True), ("Công tác thông tin, tuyên truyền", True), "Một.",
                      (v, True), ("Công tác thông tin, tuyên truyền:", True), "Hai.",
                      ("Tồn tại, hạn chế", True), "Ba.", ("Kết quả", True), "Bốn.")
    sections = placed(result)
    assert "Một." in sections["II.1"] and "Hai." in sections["V.1"] and "Ba." in sections["III"]
    assert "Bốn." in sections["III"] and "**Kết quả**" in sections["III"]  # a bold line named by no section stays
    assert warnings(result) == [("import-guessed-heading", "## II.1. Công tác thông tin, tuyên truyền"),
                                ("import-guessed-heading", "## V.1. Công tác thông tin, tuyên truyền:"),
                                ("import-guessed-heading", "# III. Tồn tại, hạn chế")]


def test_a_heading_taken_by_its_shape_is_questioned_unless_its_title_is_its_sections():
    result = imported(II, "1. Công tác thông tin, tuyên truyền", "Một.", "2. Các doanh nghiệp mở rộng sản xuất",
                      "Hai.", fmt="txt")
    assert warnings(result) == [("import-guessed-heading", "## 2. Các doanh nghiệp mở rộng sản xuất")]
    assert "chỉ vì bắt đầu bằng số" in result.findings[-1].message


def test_a_pdf_table_read_from_gaps_between_words_is_a_guess():
    cells = [[Cell((Paragraph((Run(t),), 31),)) for t in row] for row in (["STT", "Nội dung"], ["1", "Hội nghị"])]
    unruled = Table(tuple(tuple(r) for r in cells), 31, ruled=False)
    ruled = Table(tuple(tuple(r) for r in cells), 41)
    result = imported((II, True), unruled, "Sau bảng.", ruled, fmt="pdf")
    assert warnings(result) == [("import-guessed-table", "| STT | Nội dung |")]
    message = next(f.message for f in result.findings if f.rule == "import-guessed-table")
    assert "2 dòng, 2 cột" in message and "đoạn 31" in message


def test_the_command_never_says_nothing_to_fix_after_a_guess(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    source = tmp_path / "thu.txt"
    text = "\n".join(["UBND TỈNH QUẢNG NGÃI", "SỞ XÂY DỰNG", "Số: 12/SXD-QLXD",
                      "V/v báo cáo tình hình thực hiện năm 2023", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "Độc lập - Tự do - Hạnh phúc", "Quảng Ngãi, ngày 15 tháng 12 năm 2023", "",
                      "Kính gửi: Sở Công Thương.", "", II, "",
                      "a) Về công tác thông tin, tuyên truyền: Sở đã tổ chức 3 hội nghị.", "",
                      "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "GIÁM ĐỐC", "", "Nguyễn Văn An", ""])
    source.write_text(text, encoding="utf-8")
    proc = import_letter(source, "so-xay-dung", tree)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "[import-lettered]" in proc.stdout and "Không còn gì cần sửa" not in proc.stdout
    written = (tree / "2023" / "so-xay-dung.md").read_text(encoding="utf-8")
    assert "## II.1. Công tác thông tin, tuyên truyền\n\na) Về công tác" in written


def test_a_plain_line_of_a_text_letter_that_is_a_title_is_that_section():
    """A .txt has no bold: a paragraph that is word for word a section's title is taken for it, and said."""
    result = imported(II, "1. Công tác thông tin, tuyên truyền", "Một.", "Tồn tại hạn chế", "Hai.",
                      "Tồn tại hạn chế", fmt="txt")
    sections = placed(result)
    assert "Hai." in sections["III"] and "Tồn tại hạn chế" in sections["III"]  # once III has its heading, text
    assert warnings(result) == [("import-guessed-heading", "# III. Tồn tại hạn chế")]


def test_a_title_carrying_a_footnote_stays_a_paragraph_with_its_call():
    noted = Paragraph((Run("Tồn tại hạn chế"),), 30, notes=("Theo báo cáo quý IV.",))
    result = imported((II, True), noted, "Hai.")
    assert "Tồn tại hạn chế[^1]" in result.text and "[^1]: Theo báo cáo quý IV." in result.text
    assert warnings(result) == []
