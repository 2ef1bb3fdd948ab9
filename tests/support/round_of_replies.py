"""A test round of several replies, as Word letters bring them: footnotes, a merged-header table,
sub-headings, openings and closings, figures and projects, and the real no-task reply (Ban Dân tộc).

Invented content for tests only; written into a copy of the repository's ``submissions/``.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from build_hooks.settings import ROOT

KHDT = """\
---
agency: so-ke-hoach-va-dau-tu
year: 2023
number: 812/SKHĐT-KTN
date: 18/12/2023
subject: báo cáo tình hình thực hiện Kế hoạch phát triển công nghiệp năm 2023
recipient: Sở Công Thương
signer: {name: Trần Văn B, title: Phó Giám đốc, on_behalf: KT. Giám đốc}
cc: [Như trên, "Lưu: VT, KTN"]
indicators:
  - {id: thu-hut-dau-tu, value: "1.200", unit: tỷ đồng}
  - {id: tang-truong-gtgt-cong-nghiep, value: "9,5", unit: "%"}
projects:
  - {name: Nhà máy thép Hòa Phát Dung Quất 2, appendix: "2", status: đang triển khai}
---

Phúc đáp Công văn số 3006/SCT-QLCN ngày 08/12/2023 của Sở Công Thương, Sở Kế hoạch và Đầu tư báo cáo như sau:

# I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU

## 1. Kết quả thực hiện các chỉ tiêu

Giá trị tăng thêm ngành công nghiệp ước tăng 9,5%[^1] so với năm 2022.

| STT | Chỉ tiêu | Năm 2023 | << |
| ^^ | ^^ | Kế hoạch | Thực hiện |
|---|---|---|---|
| 1 | Vốn đăng ký mới (tỷ đồng) | 1.000 | 1.200 |

# II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU

## 6. Cải thiện môi trường đầu tư

### 6.1. Môi trường đầu tư

Trong năm, Sở đã tổ chức 4 hội nghị xúc tiến đầu tư.

#### Kết quả cụ thể

- Cấp mới 35 dự án.
- Điều chỉnh 20 dự án.

# III. Tồn tại hạn chế

Thủ tục đất đai còn chậm[^ghi-chu].

Trên đây là báo cáo của Sở Kế hoạch và Đầu tư gửi Sở Công Thương tổng hợp./.

[^1]: Số liệu ước tính của Cục Thống kê, tháng 12/2023.
[^ghi-chu]: Theo phản ánh của nhà đầu tư tại hội nghị đối thoại.
"""

XAY_DUNG = """\
---
agency: so-xay-dung
year: 2023
number: 1234/SXD-QLXD
date: 15/12/2023
subject: báo cáo tình hình triển khai thực hiện Kế hoạch phát triển công nghiệp năm 2023
recipient: Sở Công Thương
signer: {name: Nguyễn Văn A, title: Phó Giám đốc, on_behalf: KT. Giám đốc}
cc: [Như trên, "Lưu: VT, QLXD"]
indicators:
  - {id: thu-hut-dau-tu, value: "300,5", unit: tỷ đồng}
  - {id: tang-truong-gtgt-cong-nghiep, value: "9", unit: "%"}
projects:
  - {name: Nhà máy thép Hòa Phát Dung Quất 2, appendix: "2", status: đang triển khai}
  - {name: Cảng tổng hợp Dung Quất, appendix: "3", status: chậm tiến độ}
---

Thực hiện Công văn số 3006/SCT-QLCN ngày 08/12/2023 của Sở Công Thương, Sở Xây dựng báo cáo như sau:

# II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU

## 5. Huy động và sử dụng hiệu quả các nguồn vật lực

### 5.2. Phát triển hạ tầng công nghiệp

Hoàn thành quy hoạch chung xây dựng Khu kinh tế Dung Quất.

# IV. Đề xuất, kiến nghị

Đề nghị bố trí vốn cho hạ tầng cụm công nghiệp.

Sở Xây dựng báo cáo để Sở Công Thương tổng hợp./.
"""

LETTERS = {"so-ke-hoach-va-dau-tu": KHDT, "so-xay-dung": XAY_DUNG}
"""The invented letters, by agency; Ban Dân tộc's real no-task reply stays beside them."""
OPENINGS = ["Phúc đáp Công văn số 3006/SCT-QLCN", "Sở Xây dựng báo cáo như sau",
            "Sở Kế hoạch và Đầu tư báo cáo như sau"]
CLOSINGS = ["gửi Sở Công Thương tổng hợp./.", "báo cáo để Sở Công Thương tổng hợp./."]


def write_round(target: Path) -> Path:
    """A copy of ``submissions/`` with the letters above added; returns the copy."""
    tree = target / "submissions"
    shutil.copytree(ROOT / "submissions", tree)
    for agency, text in LETTERS.items():
        (tree / "2023" / f"{agency}.md").write_text(text, encoding="utf-8")
    return tree
