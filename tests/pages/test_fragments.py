"""HTML fragments put back after Markdown: indexed ones at once, the rest after the search plugin."""
from __future__ import annotations

import markdown

from build_hooks.pages.fragments import Fragments, finish, substitute


def test_an_unindexed_fragment_is_a_comment_until_the_index_has_the_page():
    frags = Fragments()
    source = "# Tiêu đề\n" + frags.add("<p>Đoạn tìm được</p>") + frags.add("<p>Nơi nhận</p>", indexed=False)
    html = markdown.markdown(source)
    seen_by_search = substitute(html, frags.html)
    assert "Đoạn tìm được" in seen_by_search
    assert "Nơi nhận" not in seen_by_search and "<!--xhidex000001x-->" in seen_by_search
    shown = finish(seen_by_search, frags.html, lambda h: h.upper())
    assert "<P>NƠI NHẬN</P>" in shown and "xhidex" not in shown and "xfragx" not in shown
    assert shown.index("Đoạn tìm được") < shown.index("NƠI NHẬN")  # in place, in order


def test_heading_ids_stay_unique_across_indexed_and_unindexed_fragments():
    frags = Fragments()
    frags.add('<h2 id="ket-qua">Kết quả</h2>')
    frags.add('<h2 id="ket-qua">Kết quả</h2>', indexed=False)
    assert sorted(frags.ids) == ["ket-qua", "ket-qua_1"]


def test_a_heading_written_as_html_is_listed_for_the_table_of_contents_with_a_unique_id():
    frags = Fragments()
    first = frags.heading(2, "Kết quả <1> & 2", "ket-qua", 'data-section="I"')
    again = frags.heading(3, "Kết quả", "ket-qua")
    assert first == ('<h2 data-section="I" id="ket-qua">Kết quả &lt;1&gt; &amp; 2<a class="headerlink" '
                     'href="#ket-qua" title="Liên kết đến mục này">&para;</a></h2>')
    assert 'id="ket-qua_1"' in again
    assert [(e.level, e.anchor, e.title) for e in frags.toc] == [(2, "ket-qua", "Kết quả <1> & 2"),
                                                                 (3, "ket-qua_1", "Kết quả")]


def test_a_hidden_fragment_inside_html_waits_for_the_index_like_an_unindexed_one():
    frags = Fragments()
    source = "# Trang\n" + frags.place("<p>Thân</p>\n" + frags.hidden("<p>Nơi nhận</p>"))
    seen_by_search = substitute(markdown.markdown(source), frags.html)
    assert "Thân" in seen_by_search and "Nơi nhận" not in seen_by_search
    assert "<p>Nơi nhận</p>" in finish(seen_by_search, frags.html)


def test_a_heading_anchor_cannot_leave_its_attribute():
    html = Fragments().heading(2, "Mục", 'muc-"><script>x</script>')
    assert "<script>" not in html and 'id="muc-&quot;&gt;&lt;script&gt;' in html
