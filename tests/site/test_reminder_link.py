"""Past the deadline, the status page links the reminder to the agencies that have not answered, and
the site publishes it; before the deadline (or without one) it does neither."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from docx import Document

from support.blocks import norm
from support.round_of_replies import write_round
from support.site import build_sites

REMINDER = "2023/du-lieu/cong-van-don-doc-bao-cao-2023.docx"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("reminder")
    tree = write_round(root)
    with (tree / "2023" / "round.yml").open("a", encoding="utf-8") as f:
        f.write("deadline: 31/12/2023\n")
    late, early = build_sites([(tree, root / "late")], strict=False, env={"REPORT_TODAY": "2024-01-15"}) + \
        build_sites([(tree, root / "early")], strict=False, env={"REPORT_TODAY": "2023-12-28"})
    assert late.returncode == 0 and early.returncode == 0, late.output + early.output
    return late, early


def test_past_the_deadline_the_status_page_links_the_reminder(builds):
    late, _ = builds
    soup = BeautifulSoup(late.page("2023/tinh-hinh-nop/index.html"), "html.parser")
    link = soup.find("a", string="Công văn đôn đốc các cơ quan chưa trả lời (Word)")
    assert link is not None
    assert (late.site / "2023/tinh-hinh-nop" / link["href"]).resolve() == (late.site / REMINDER).resolve()
    word = Document(str(late.site / REMINDER))
    text = norm(" ".join(p.text for p in word.paragraphs))
    assert "Sở Tài chính" in text and "Sở Xây dựng" not in text


def test_before_the_deadline_there_is_no_reminder(builds):
    _, early = builds
    assert "Công văn đôn đốc" not in early.page("2023/tinh-hinh-nop/index.html")
    assert not (early.site / REMINDER).exists()
