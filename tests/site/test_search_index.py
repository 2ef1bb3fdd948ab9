"""What the search index holds: each passage once, on its letter page, titled by agency, section and year."""
from __future__ import annotations

import json
import re

from build_hooks.pages import paths
from build_hooks.site.page_meta import page_meta, with_front_matter
from build_hooks.site.search_index import LetterContext, annotate_index

LETTER = "2023/co-quan/so-x/"
CONTEXT = {LETTER: LetterContext("Sở X — năm 2023", {"muc-ii-4-1": "II.4.1. Phát triển công nghiệp hỗ trợ"})}


def _index(*docs):
    keys = ("location", "title", "text")
    return {"config": {"lang": ["vi"]}, "docs": [dict(zip(keys, d, strict=True)) for d in docs]}


def test_letter_entries_are_titled_by_agency_section_and_year():
    index = _index((LETTER, "Sở X", "<p>Mở đầu</p>"),
                   (LETTER + "#muc-ii-4-1", "4.1. Hỗ trợ", "<p>Đoạn A</p>"),
                   (LETTER + "#tieu-de-phu", "Tiêu đề phụ", "<p>Đoạn B</p>"),
                   (LETTER + "#chi-tieu", "Chỉ tiêu", "bảng"),
                   ("2023/", "Năm 2023", "khác"))
    docs = annotate_index(index, CONTEXT)["docs"]
    assert [(d["location"], d["title"]) for d in docs] == [
        (LETTER, "Sở X — năm 2023"),
        (LETTER + "#muc-ii-4-1", "II.4.1. Phát triển công nghiệp hỗ trợ"),
        (LETTER + "#tieu-de-phu", "II.4.1. Phát triển công nghiệp hỗ trợ › Tiêu đề phụ"),
        (LETTER + "#chi-tieu", "Chỉ tiêu"),
        ("2023/", "Năm 2023"),
    ]
    assert [d["text"] for d in docs][:3] == ["<p>Mở đầu</p>", "<p>Đoạn A</p>", "<p>Đoạn B</p>"]


def test_text_before_the_first_numbered_heading_joins_the_page_entry():
    # A demo page: the "Dữ liệu minh họa" notice comes before the h1, which then gets an entry of its own.
    index = _index((LETTER, "Sở X", "<p>Dữ liệu minh họa</p>"),
                   (LETTER + "#so-x", "Sở X", "<p>Theo đề nghị</p>"),
                   (LETTER + "#muc-ii-4-1", "4.1.", "<p>Đoạn A</p>"))
    docs = annotate_index(index, CONTEXT)["docs"]
    assert [d["location"] for d in docs] == [LETTER, LETTER + "#muc-ii-4-1"]
    assert docs[0]["text"] == "<p>Dữ liệu minh họa</p> <p>Theo đề nghị</p>"


def test_report_and_print_view_are_not_indexed_other_pages_are():
    assert page_meta(paths.report(2023)) == {"search": {"exclude": True}}
    assert page_meta(paths.print_view(2023))["search"] == {"exclude": True}
    assert page_meta(paths.print_view(2023))["template"] == "print.html"
    assert page_meta(paths.status(2023)) == {"search": {"exclude": True}}
    assert page_meta(paths.agency(2023, "x")) == {"search": {"boost": 1000}}
    for path in (paths.LANDING, paths.home(2023), paths.agencies(2023), "huong-dan/index.md"):
        assert page_meta(path) == {}
    assert with_front_matter({}, "# A\n") == "# A\n"
    assert with_front_matter({"search": {"exclude": True}}, "# A\n") == "---\nsearch:\n  exclude: true\n---\n\n# A\n"


def _docs(build):
    return json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_every_passage_is_indexed_exactly_once_on_its_letter_page(synthetic):
    _submissions, written, build = synthetic
    docs = _docs(build)
    assert not [d for d in docs if "bao-cao-tong-hop" in d["location"]]
    checked = 0
    for year, letters in written["years"].items():
        for agency, sections in letters.items():
            for section, passages in sections.items():
                anchor = "" if section is None else "#muc-" + section.replace(".", "-").lower()
                page = f"{year}/co-quan/{agency}/"
                for passage in passages:
                    holders = [d for d in docs if passage in d["text"]]
                    if passage.endswith("./."):  # the closing formula, alike in every letter: not indexed
                        assert holders == [], passage
                        continue
                    assert len(holders) == 1, passage
                    location, title = holders[0]["location"], holders[0]["title"]
                    if section is None:
                        assert location == page, passage
                    else:  # the section's own entry, or a sub-heading's entry titled after the section
                        assert location == page + anchor or (location.startswith(page + "#")
                                                            and title.startswith(section + ". ")), (passage, title)
                    checked += 1
    assert checked > 100


def test_letter_hits_name_agency_year_and_outline_section(synthetic):
    _submissions, written, build = synthetic
    docs = _docs(build)
    letters = [d for d in docs if re.match(r"\d{4}/co-quan/co-quan-\d+/", d["location"])]
    for doc in letters:
        page, _, anchor = doc["location"].partition("#")
        year, agency = re.match(r"(\d{4})/co-quan/(co-quan-(\d+))/", page).group(1, 3)
        if not anchor:
            assert doc["title"] == f"Cơ quan minh họa số {int(agency)} — năm {year}"
        elif anchor.startswith("muc-"):
            number = doc["title"].split(". ", 1)[0]
            assert anchor == "muc-" + number.replace(".", "-").lower(), doc["title"]
    sections = [d for d in letters if "#muc-" in d["location"]]
    assert len(sections) > 50
    # The letter head and foot (motto, recipient, signature) are the same in every letter: not indexed.
    assert not [d for d in letters if "CỘNG HÒA XÃ HỘI" in d["text"] or "Người ký" in d["text"]]


def test_the_real_letter_is_indexed_once_with_its_agency_and_year(real_site):
    docs = _docs(real_site)
    passage = "Ban Dân tộc không được giao nhiệm vụ chủ trì tham mưu"
    holders = [(d["location"], d["title"]) for d in docs if passage in d["text"]]
    assert holders == [("2023/co-quan/ban-dan-toc/", "Ban Dân tộc tỉnh Quảng Ngãi — năm 2023")]


def test_blocks_and_line_breaks_keep_a_space_between_their_words():
    from build_hooks.site.search_index import space_between_blocks

    html = "<td>Không có<br><small>Các cụm</small></td><td>x</td>\n<p>a</p><p>b<br/>\nc</p>"
    assert space_between_blocks(html) == ("<td>Không có<br>\n<small>Các cụm</small></td>\n<td>x</td>\n"
                                          "<p>a</p>\n<p>b<br/>\nc</p>")


def test_search_snippets_do_not_run_words_together(real_site):
    docs = _docs(real_site)
    text = " ".join(d["text"] for d in docs)
    assert "Không có Các cụm" in text or "Không có\nCác cụm" in text
    assert "Không cóCác" not in text and "Không cóKhu" not in text
