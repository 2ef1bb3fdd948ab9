"""``draft YEAR``: the first draft of the Sở's own report, in its voice, from a round of replies."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_hooks.corpus.tree import load_corpus
from build_hooks.domain.model import REPORT_FILE
from build_hooks.domain.problems import ERROR
from support.round_of_replies import CLOSINGS, OPENINGS, write_round
from support.site import run_cli

TOOL_WORDING = ["Chưa có cơ quan nào", "Phần mở đầu", "Bảng gốc có ô gộp", "nội dung chung của các văn bản"]


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> Path:
    tree = write_round(tmp_path_factory.mktemp("draft"))
    proc = run_cli("draft", "2023", "--submissions", str(tree))
    assert proc.returncode == 0, proc.stderr
    return tree


def report(tree: Path):
    corpus, problems = load_corpus(tree)
    assert not [p for p in problems if p.severity == ERROR], problems
    return corpus.reports[2023], corpus


def section_text(sub, section_id: str) -> str:
    return "\n".join(p.markdown for p in sub.parts if p.section_id == section_id)


def test_every_contribution_stands_under_its_section_with_its_agency_named(drafted):
    sub, _ = report(drafted)
    assert sub.agency == "so-cong-thuong" and sub.kind == "Báo cáo"
    expected = {"II.5.2": "Sở Xây dựng: Hoàn thành quy hoạch chung xây dựng Khu kinh tế Dung Quất.",
                "II.6.1": "Sở Kế hoạch và Đầu tư: Trong năm, Sở đã tổ chức 4 hội nghị xúc tiến đầu tư.",
                "III": "Sở Kế hoạch và Đầu tư: Thủ tục đất đai còn chậm",
                "IV": "Sở Xây dựng: Đề nghị bố trí vốn cho hạ tầng cụm công nghiệp.",
                "I.1": "Sở Kế hoạch và Đầu tư: Giá trị tăng thêm ngành công nghiệp ước tăng 9,5%"}
    for section_id, text in expected.items():
        assert text in section_text(sub, section_id), section_id
    # a sub-heading of a contribution stays inside its section, with its list
    assert "**Kết quả cụ thể**\n\n- Cấp mới 35 dự án." in section_text(sub, "II.6.1")


def test_no_opening_closing_tool_wording_or_request_instruction(drafted):
    text = (drafted / "2023" / REPORT_FILE).read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    for unwanted in OPENINGS + CLOSINGS + TOOL_WORDING + ["theo các đề mục tại mục II"]:
        assert unwanted not in body, unwanted
    assert body.count("./.") == 1
    assert body.rstrip().endswith("Sở Công Thương kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.")
    sub, _ = report(drafted)
    assert sub.closing is not None and sub.closing.section_id is None


def test_the_opening_cites_the_plan_and_the_request_and_names_the_no_task_agency_once(drafted):
    body = (drafted / "2023" / REPORT_FILE).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    opening = body.split("\n# ", 1)[0].strip()
    assert opening.startswith("Thực hiện Kế hoạch số 136/KH-UBND ngày 16/11/2020 của UBND tỉnh về triển khai")
    assert "theo đề nghị tại Công văn số 3006/SCT-QLCN ngày 08/12/2023, Sở Công Thương báo cáo" in opening
    assert body.count("Ban Dân tộc tỉnh Quảng Ngãi") == 1
    assert "Ban Dân tộc tỉnh Quảng Ngãi báo cáo không được giao nhiệm vụ trong Kế hoạch." in opening


def test_every_part_heading_in_capitals(drafted):
    text = (drafted / "2023" / REPORT_FILE).read_text(encoding="utf-8")
    parts = re.findall(r"^# ([IVX]+\. .+)$", text, re.MULTILINE)
    assert [p.split(".")[0] for p in parts] == ["I", "II", "III", "IV", "V"]
    assert all(p == p.upper() for p in parts), parts


def test_footnotes_and_merged_header_table_are_carried(drafted):
    sub, _ = report(drafted)
    i1, iii = section_text(sub, "I.1"), section_text(sub, "III")
    assert "9,5%[^so-ke-hoach-va-dau-tu-1]" in i1
    assert "[^so-ke-hoach-va-dau-tu-1]: Số liệu ước tính của Cục Thống kê, tháng 12/2023." in i1
    assert "[^so-ke-hoach-va-dau-tu-ghi-chu]: Theo phản ánh của nhà đầu tư" in iii
    assert "| STT | Chỉ tiêu | Năm 2023 | << |\n| ^^ | ^^ | Kế hoạch | Thực hiện |" in i1


def test_indicator_roll_up_sums_amounts_only(drafted):
    i1 = section_text(report(drafted)[0], "I.1")
    assert "| STT | Chỉ tiêu | Đơn vị | Kế hoạch | Số liệu của các cơ quan | Toàn tỉnh |" in i1
    rows = {r.split(" | ")[1]: r for r in i1.split("\n") if r.startswith("| ") and r[2].isdigit()}
    assert rows["Tốc độ tăng trưởng giá trị gia tăng công nghiệp"].endswith(
        "| % | 8 - 9 | Sở Kế hoạch và Đầu tư: 9,5; Sở Xây dựng: 9 |  |")  # rates are not added up
    amounts = next(r for name, r in rows.items() if name.startswith("Thu hút đầu tư"))
    assert amounts.endswith("| tỷ đồng |  | Sở Kế hoạch và Đầu tư: 1.200; Sở Xây dựng: 300,5 | 1.500,5 |")


def test_projects_come_from_the_data(drafted):
    ii7 = section_text(report(drafted)[0], "II.7")
    assert ("| 1 | Nhà máy thép Hòa Phát Dung Quất 2 | 2 | đang triển khai | "
            "Sở Kế hoạch và Đầu tư và Sở Xây dựng |") in ii7
    assert "| 2 | Cảng tổng hợp Dung Quất | 3 | chậm tiến độ | Sở Xây dựng |" in ii7


def test_unanswered_sections_are_left_to_the_clerk_by_the_checker_not_printed(drafted):
    proc = run_cli("check", "--submissions", str(drafted))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(rf"{REPORT_FILE}:\d+:\d+: cảnh báo: Mục II\.1 không có nội dung\..*\[empty-section\]",
                     proc.stdout + proc.stderr)


def test_rerun_never_overwrites_and_says_what_changed(drafted, tmp_path):
    target = drafted / "2023" / REPORT_FILE
    edited = target.read_text(encoding="utf-8").replace("Hoàn thành quy hoạch", "Đã hoàn thành quy hoạch")
    target.write_text(edited, encoding="utf-8")
    proc = run_cli("draft", "2023", "--submissions", str(drafted))
    assert proc.returncode == 1 and "không ghi đè" in proc.stderr
    assert "không thay đổi từ khi soạn" in proc.stderr
    letter = drafted / "2023" / "so-xay-dung.md"
    letter.write_text(letter.read_text(encoding="utf-8").replace("cụm công nghiệp.", "cụm công nghiệp Bình Sơn."),
                      encoding="utf-8")
    proc = run_cli("draft", "2023", "--submissions", str(drafted))
    assert proc.returncode == 1 and "Văn bản đã sửa từ khi soạn: Sở Xây dựng." in proc.stderr
    assert target.read_text(encoding="utf-8") == edited
    assert run_cli("draft", "2023", "--submissions", str(drafted), "--force").returncode == 0
    assert "Đã hoàn thành" not in target.read_text(encoding="utf-8")


def test_a_synthetic_round_with_a_named_signer_drafts_and_checks(tmp_path):
    from build_hooks.dev.synthetic import write_round as synthetic_round

    tree = tmp_path / "submissions"
    synthetic_round(tree, 6)
    assert run_cli("draft", "2023", "--submissions", str(tree)).returncode == 0
    sub, _ = report(tree)
    assert sub.signer.title == "Phó Giám đốc" and sub.signer.on_behalf == ("KT. Giám đốc",)


def test_without_the_sos_registry_entry_the_report_file_says_what_is_missing(drafted, tmp_path):
    import shutil

    tree = tmp_path / "submissions"
    shutil.copytree(drafted, tree)
    registry = tree / "agencies.yml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("so-cong-thuong:", "so-cong-thuong-cu:", 1), encoding="utf-8")
    proc = run_cli("check", "--submissions", str(tree))
    assert proc.returncode == 1
    assert f"{REPORT_FILE}:1:1: lỗi: Cơ quan 'so-cong-thuong' không có trong danh mục cơ quan." in proc.stdout
