"""A section whose whole answer is "Không có nhiệm vụ được giao" (or a usual variant) is marked in the front-matter,
and the agency's sentence stays visible under its heading."""
from __future__ import annotations

import pytest

from build_hooks.importer.no_task import says_no_task
from importer.support import front_matter, import_letter
from support.site import submission_tree

LETTER = """UBND TỈNH QUẢNG NGÃI
SỞ XÂY DỰNG
Số: 31/SXD-QLXD
Quảng Ngãi, ngày 15 tháng 12 năm 2023
V/v báo cáo tình hình thực hiện Kế hoạch phát triển công nghiệp năm 2023
Kính gửi: Sở Công Thương.

II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU

1. Công tác thông tin, tuyên truyền

Sở đã tổ chức 3 hội nghị phổ biến Kế hoạch.

2. Nhóm nhiệm vụ về phân bố không gian và chuyển dịch cơ cấu ngành công nghiệp

Không có nhiệm vụ được giao.

3. Nhiệm vụ đẩy mạnh phát triển các ngành công nghiệp

Sở Xây dựng không được giao nhiệm vụ này.

Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC

Nguyễn Văn An
"""


def test_no_task_sections_are_marked_and_their_sentence_kept(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    (tmp_path / "la.txt").write_text(LETTER, encoding="utf-8")
    proc = import_letter(tmp_path / "la.txt", "so-xay-dung", tree)
    path = tree / "2023" / "so-xay-dung.md"
    assert front_matter(path).get("no_assigned_tasks") == ["II.2", "II.3"], proc.stdout
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "Không có nhiệm vụ được giao." in body and "Sở Xây dựng không được giao nhiệm vụ này." in body
    assert proc.returncode == 0, proc.stdout


@pytest.mark.parametrize(("text", "expected"), [
    ("Không có nhiệm vụ được giao.", True),
    ("*Đơn vị không được giao nhiệm vụ.*", True),
    ("Không có nội dung được giao", True),
    ("Không có nhiệm vụ được giao; tuy nhiên Sở đã phối hợp kiểm tra 3 dự án.", False),
    ("Sở đã tổ chức 3 hội nghị.", False),
    ("Năm 2023 không được giao chỉ tiêu riêng nhưng Sở vẫn theo dõi, đôn đốc các doanh nghiệp trên địa bàn "
     "thực hiện đúng tiến độ đã cam kết với tỉnh.", False),
])
def test_says_no_task(text, expected):
    assert says_no_task(text) is expected
