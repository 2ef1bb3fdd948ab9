"""Every paragraph, list item and table cell of every submission reaches the site,
on the agency's page and in the consolidated report, under the right section."""
from __future__ import annotations

import re

import pytest

from support.blocks import contains, contains_as, texts_by_section

SEED_PARAGRAPHS = [
    "Theo đề nghị của Sở Công Thương tại Công văn số 3006/SCT-QLCN ngày 08/12/2023",
    "theo đó, Ban Dân tộc không được giao nhiệm vụ chủ trì tham mưu các nhiệm vụ cụ thể liên quan đến "
    "lĩnh vực công nghiệp, phát triển công nghiệp.",
    "Ban Dân tộc tỉnh báo cáo để Sở Công Thương tổng hợp./.",
]


@pytest.mark.parametrize("page", ["2023/co-quan/ban-dan-toc/index.html", "2023/bao-cao-tong-hop/index.html"])
def test_seed_paragraphs_appear_outside_every_section(real_site, page):
    found = texts_by_section(real_site.page(page))
    for paragraph in SEED_PARAGRAPHS:
        assert contains(found.get(None, []), paragraph), paragraph
        assert not any(contains(texts, paragraph) for sid, texts in found.items() if sid is not None)


def _expected(written):
    for year, letters in written["years"].items():
        for agency_id, sections in letters.items():
            for section_id, texts in sections.items():
                for text in texts:
                    yield year, agency_id, section_id, text


def test_synthetic_has_both_numbering_styles_and_sub_sections(synthetic):
    submissions, written, _build = synthetic
    notes = [t for letters in written["years"].values() for sections in letters.values()
             for sid, texts in sections.items() for t in texts if "ghi chú sau" in t]
    assert len(notes) >= 3, "some sections must be closed by an unnumbered heading of the same level"
    relative = (submissions / "2023" / "co-quan-0003.md").read_text(encoding="utf-8")
    absolute = (submissions / "2023" / "co-quan-0002.md").read_text(encoding="utf-8")
    assert re.search(r"^# II\. ", relative, re.M) and re.search(r"^##+ \d+(\.\d+)*\. ", relative, re.M)
    assert re.search(r"^##+ (I|II|III|IV|V)\.\d", absolute, re.M)
    assert not re.search(r"^##+ \d", absolute, re.M)
    assert sum(len(v) for letters in written["years"].values() for v in letters.values()) > 50


def test_every_synthetic_block_on_agency_page_under_its_section(synthetic):
    _submissions, written, build = synthetic
    pages: dict = {}
    missing = []
    for year, agency_id, section_id, text in _expected(written):
        key = (year, agency_id)
        if key not in pages:
            pages[key] = texts_by_section(build.page(f"{year}/co-quan/{agency_id}/index.html"), kinds=True)
        if not contains_as(pages[key].get(section_id, []), text):
            missing.append((year, agency_id, section_id, text))
    assert not missing, missing[:5]


def test_every_synthetic_block_in_consolidated_report_under_its_section(synthetic):
    _submissions, written, build = synthetic
    reports = {year: texts_by_section(build.page(f"{year}/bao-cao-tong-hop/index.html"), kinds=True)
               for year in written["years"]}
    missing = [(y, a, s, t) for y, a, s, t in _expected(written) if not contains_as(reports[y].get(s, []), t)]
    assert not missing, missing[:5]
    reports = {year: {sid: [t for _k, t in texts] for sid, texts in found.items()} for year, found in reports.items()}
    # and not also under another section
    for year, _agency, section_id, text in list(_expected(written))[:200]:
        others = [sid for sid, texts in reports[year].items() if sid != section_id and contains(texts, text)]
        assert not others, (text, others)


def test_contributions_are_attributed_in_registry_order(synthetic):
    _submissions, written, build = synthetic
    html = build.page("2023/bao-cao-tong-hop/index.html")
    section = html.split('data-section="II.1"', 1)[1].split("data-section=", 1)[0]
    agencies = [a for a, sections in written["years"][2023].items() if "II.1" in sections]
    positions = [section.index(f"../co-quan/{a}/") for a in agencies]
    assert positions == sorted(positions) and len(positions) == len(agencies)


def test_section_nobody_covered_says_so(real_site):
    html = real_site.page("2023/bao-cao-tong-hop/index.html")
    after = html.split('data-section="II.7"', 1)[1].split("data-section=", 1)[0]
    assert "Chưa có cơ quan nào báo cáo nội dung mục này." in after
