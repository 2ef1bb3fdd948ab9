"""Trend charts: deterministic, self-contained SVG; without them the tables remain."""
import pytest

from build_hooks.aggregate.indicators import trends
from build_hooks.corpus.tree import load_corpus
from build_hooks.dev.synthetic import write_round
from build_hooks.pages.fragments import Fragments
from build_hooks.render.charts import trend_svg
from build_hooks.render.indicators import render_trend_page


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("charts") / "submissions"
    write_round(root, 8, years=(2022, 2023, 2024), seed=4, conflicts=True, acknowledge=True)
    corpus, problems = load_corpus(root)
    assert not problems
    return corpus


def test_svg_is_deterministic_text_and_has_no_script(corpus):
    trend = next(t for t in trends(corpus) if t.id == "kcn-xu-ly-nuoc-thai")
    first, again = trend_svg(trend, "c1"), trend_svg(trend, "c1")
    assert first == again
    assert first.startswith('<svg role="img" aria-labelledby="c1-title"')
    assert '<title id="c1-title">' in first and "<script" not in first
    assert "<text" in first  # svg.fonttype none: glyphs are text, not paths
    assert "Số liệu không thống nhất" in first  # conflicting years are marked, not averaged into the line
    assert "\n\n" not in first  # a blank line would end the raw-HTML block in Markdown
    assert "Date" not in first and "<metadata>" not in first


def test_two_charts_on_a_page_do_not_share_element_ids(corpus):
    import re

    investment = [t for t in trends(corpus) if t.id == "thu-hut-dau-tu"]
    frags = Fragments()
    page = render_trend_page("thu-hut-dau-tu", investment, frags) + "".join(frags.html.values())
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)) and len(ids) > 3
    for ref in re.findall(r'(?:url\(#|href="#)([^)"]+)', page):
        assert ref in ids, ref


def test_without_charts_the_tables_remain(corpus):
    growth = [t for t in trends(corpus) if t.id == "tang-truong-gtgt-cong-nghiep"]
    frags = Fragments()
    page = render_trend_page("tang-truong-gtgt-cong-nghiep", growth, frags, charts=False)
    assert not frags.html and "<svg" not in page and "<figure" not in page
    assert page.count("| [Năm 202") == 3 and "| Năm | Thực hiện (cơ quan báo cáo) |" in page

