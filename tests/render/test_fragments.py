"""HTML fragments put back after Markdown: indexed ones at once, the rest after the search plugin."""
from __future__ import annotations

import markdown

from build_hooks.render.fragments import Fragments, finish, substitute


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
