"""Heading numbers -> outline sections, in both numbering styles, with positions."""
from __future__ import annotations

from build_hooks.domain.model import Outline, Section
from build_hooks.load.sections import heading_number, shift_headings, split_body

OUTLINE = Outline(tuple(Section(i, f"T {i}") for i in
                        "I I.1 II II.1 II.4 II.4.1 II.4.2 III IV V V.1 V.4 V.4.1".split()))


def split(body: str, first_line: int = 10):
    parts, problems = split_body(body, first_line, OUTLINE, "f.md")
    return parts, [(p.line, p.column, p.rule) for p in problems]


def sections_of(parts):
    return [(p.section_id, p.markdown.strip()) for p in parts if p.has_text]


def test_relative_numbering_resolves_under_the_roman_heading():
    parts, problems = split("# II. KẾT QUẢ\n## 4. Huy động\n### 4.1. Nhân lực\nA\n### 4.2\nB\n"
                            "# V. Kế hoạch\n## 1. TT\nC\n")
    assert problems == []
    assert sections_of(parts) == [("II.4.1", "A"), ("II.4.2", "B"), ("V.1", "C")]


def test_absolute_numbering_and_shortened_or_missing_titles():
    parts, problems = split("## II.4.1. Huy\nA\n## II.4.2.\nB\n## IV.\nC\n")
    assert problems == []
    assert sections_of(parts) == [("II.4.1", "A"), ("II.4.2", "B"), ("IV", "C")]


def test_unnumbered_headings_stay_in_their_section_and_preamble_is_kept():
    parts, _ = split("Mở đầu\n# II.\n## 1.\nA\n### Chi tiết\nB\n## Khác\nC\n")
    assert sections_of(parts) == [(None, "Mở đầu"), ("II.1", "A\n### Chi tiết\nB"), ("II", "## Khác\nC")]


def test_joined_parts_give_back_the_whole_body():
    body = "Mở đầu\n\n# I.\n## 1.\nA\n```\n# II. in code\n```\n# II.\n### Sub\nB\n"
    parts, problems = split(body)
    assert problems == []
    rebuilt = "".join((("#" * p.heading.level + " " + p.heading.text + "\n") if p.heading else "") + p.markdown
                      for p in parts)
    assert rebuilt == body


def test_headings_in_fenced_code_are_not_sections():
    parts, _ = split("# II.\n```\n## 9. not a section\n```\n")
    assert [p.section_id for p in parts if p.has_text] == ["II"]


def test_problems_carry_line_and_column():
    _, problems = split("## 4. orphan\n# II.\n## 9. unknown\n## 1. a\n## 1. again\n## 4.\n### 1. wrong\n", 20)
    assert problems == [(20, 4, "orphan-number"), (22, 4, "unknown-section"), (24, 4, "duplicate-section"),
                        (26, 5, "misplaced-section")]


def test_heading_numbers():
    assert heading_number("II.4.1. Huy động").number == "II.4.1"
    assert heading_number("4.1 Huy động").number == "4.1"
    assert heading_number("V.").number == "V"
    assert heading_number("2023 là năm") is None
    assert heading_number("Vì vậy") is None
    assert heading_number("Kết quả") is None


def test_shift_headings_clamps_and_skips_code():
    assert shift_headings("## A\n```\n# code\n```\n###### B\n", 1) == "### A\n```\n# code\n```\n###### B\n"


def test_closing_paragraph_is_its_own_part_after_the_last_section():
    body = "# II.\n## 4.\n### 4.1. X\nA\n\nSở X báo cáo để Sở Công Thương\ntổng hợp./.\n"
    parts, problems = split(body)
    assert problems == []
    assert sections_of(parts) == [("II.4.1", "A"), (None, "Sở X báo cáo để Sở Công Thương\ntổng hợp./.")]
    assert parts[-1].closing and parts[-1].line == 15 and not any(p.closing for p in parts[:-1])
    rebuilt = "".join((("#" * p.heading.level + " " + p.heading.text + "\n") if p.heading else "") + p.markdown
                      for p in parts)
    assert rebuilt == body


def test_no_end_mark_no_closing_and_a_body_that_is_only_a_preamble():
    parts, _ = split("# II.\n## 1.\nA\n\nB.\n")
    assert sections_of(parts) == [("II.1", "A\n\nB.")] and not any(p.closing for p in parts)
    parts, _ = split("Mở đầu.\n\nBan báo cáo./.\n")
    assert sections_of(parts) == [(None, "Mở đầu."), (None, "Ban báo cáo./.")] and parts[-1].closing


def test_unnumbered_heading_at_the_level_of_the_section_before_it_is_located():
    parts, problems = split("# II.\n## 4.\n### 4.1. X\nA\n### Kết quả cụ thể\nB\n#### Chi tiết\nC\n", 10)
    assert problems == [(14, 5, "heading-closes-section")]
    assert sections_of(parts)[-1] == ("II.4", "### Kết quả cụ thể\nB\n#### Chi tiết\nC")
    _, problems = split("# II.\n## 4.\n### 4.1. X\nA\n#### Kết quả cụ thể\nB\n")
    assert problems == []
