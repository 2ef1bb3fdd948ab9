"""Each kind of bad input stops ``mkdocs build`` with a located message and writes no site."""
from __future__ import annotations

import shutil

import pytest

from build_hooks.settings import ROOT
from support.site import build_site

GOOD_HEAD = """---
agency: so-xay-dung
year: 2023
number: 12/SXD-QLXD
date: 15/12/2023
subject: báo cáo
recipient: Sở Công Thương
---
"""

# (case id, file name, content, expected line, rule id)
CASES = [
    ("yaml-error", "so-xay-dung.md", "---\nagency: so-xay-dung\nyear: 2023\ndate: [15/12/2023\n---\nBody.\n", 5,
     "yaml-syntax"),
    ("unknown-agency", "so-khong-co.md", GOOD_HEAD.replace("so-xay-dung", "so-khong-co") + "Body.\n", 1,
     "unknown-agency"),
    ("file-name-mismatch", "so-xay-dung.md", GOOD_HEAD.replace("agency: so-xay-dung", "agency: so-tai-chinh")
     + "Body.\n", 2, "agency-mismatch"),
    ("year-mismatch", "so-xay-dung.md", GOOD_HEAD.replace("year: 2023", "year: 2022") + "Body.\n", 3,
     "year-mismatch"),
    ("unknown-section", "so-xay-dung.md", GOOD_HEAD + "\n# II. Nhiệm vụ\n\n## 9. Không có\n\nText.\n", 12,
     "unknown-section"),
    ("duplicated-section", "so-xay-dung.md", GOOD_HEAD + "\n## II.1. A\n\nOne.\n\n## II.1. B\n\nTwo.\n", 14,
     "duplicate-section"),
    ("unknown-key", "so-xay-dung.md", GOOD_HEAD.replace("subject:", "subjet:") + "Body.\n", 6, "unknown-key"),
    ("bad-date", "so-xay-dung.md", GOOD_HEAD.replace("15/12/2023", "31/11/2023") + "Body.\n", 5, "bad-date"),
    ("relative-number-misplaced", "so-xay-dung.md", GOOD_HEAD + "\n# II. A\n\n## 4. B\n\n### 1. C\n\nText.\n", 14,
     "misplaced-section"),
    ("no-front-matter", "so-xay-dung.md", "Chỉ có nội dung.\n", 1, "missing-front-matter"),
]


def make_tree(tmp_path, name: str, content: str):
    root = tmp_path / "submissions"
    (root / "2023").mkdir(parents=True)
    shutil.copy(ROOT / "submissions" / "agencies.yml", root / "agencies.yml")
    shutil.copy(ROOT / "submissions" / "2023" / "round.yml", root / "2023" / "round.yml")
    shutil.copy(ROOT / "submissions" / "2023" / "ban-dan-toc.md", root / "2023" / "ban-dan-toc.md")
    (root / "2023" / name).write_text(content, encoding="utf-8")
    return root


@pytest.mark.parametrize("case, name, content, line, rule", CASES, ids=[c[0] for c in CASES])
def test_bad_input_stops_the_build_with_file_and_line(tmp_path, case, name, content, line, rule):
    root = make_tree(tmp_path, name, content)
    build = build_site(root, tmp_path / "site")
    assert build.returncode == 1, build.output
    lines = [out for out in build.output.splitlines() if f"[{rule}]" in out]
    assert lines, build.output
    assert any(f"2023/{name}:{line}:" in out for out in lines), lines
    assert all("(" in out and ")" in out for out in lines), "every problem carries a hint"
    assert "Traceback" not in build.output
    assert not (tmp_path / "site").exists(), "no site may be written"


def test_all_problems_are_reported_together(tmp_path):
    content = GOOD_HEAD.replace("subject:", "subjet:").replace("15/12/2023", "32/12/2023") + "\n## IX. x\n"
    build = build_site(make_tree(tmp_path, "so-xay-dung.md", content), tmp_path / "site")
    assert build.returncode == 1
    for rule in ("unknown-key", "bad-date", "unknown-section"):
        assert f"[{rule}]" in build.output, rule


def test_stray_file_is_not_dropped_silently(tmp_path):
    root = make_tree(tmp_path, "so-xay-dung.md", GOOD_HEAD + "Body.\n")
    (root / "2023" / "bao-cao-so-y-te.docx").write_bytes(b"PK\x03\x04")
    build = build_site(root, tmp_path / "site")
    assert build.returncode == 1
    assert "bao-cao-so-y-te.docx:1:1: lỗi:" in build.output and "[unexpected-file]" in build.output


def test_did_you_mean_for_a_misspelt_key(tmp_path):
    build = build_site(make_tree(tmp_path, "so-xay-dung.md", GOOD_HEAD.replace("subject:", "subjet:")), tmp_path / "s")
    assert "Có phải ý bạn là 'subject'?" in build.output
