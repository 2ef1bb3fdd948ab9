"""Search in a real browser over HTTP: tone-free queries, hits that say where they come from, highlighting."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qs, urlparse

import pytest

from build_hooks.settings import ROOT
from support.browser import (
    ARTIFACTS,
    fold,
    marked_words,
    page_marks,
    search,
    worker_search,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NFD = unicodedata.normalize("NFD", "công nghiệp")  # as some keyboards send it: letters, then their marks
QUERIES = ["cong nghiep", "công nghiệp", NFD, "dau tu", "đầu tư", "ĐẦU TƯ", "Dung Quat", "Dung Quất"]
SAME = [("cong nghiep", "công nghiệp"), ("cong nghiep", NFD), ("dau tu", "đầu tư"), ("dau tu", "ĐẦU TƯ"),
        ("Dung Quat", "Dung Quất")]
LANGUAGE = ROOT / "overrides" / "assets" / "javascripts" / "lunr" / "min" / "lunr.vi.min.js"
HIGHLIGHTED = int(re.search(r"var HIGHLIGHTED = (\d+)", LANGUAGE.read_text(encoding="utf-8")).group(1))
"""How many hits the search worker marks (the rest are listed unmarked)."""
LETTER = re.compile(r"(\d{4})/co-quan/co-quan-(\d+)/(?:#(muc-[a-z0-9-]+))?$")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _contains_all(text: str, query: str) -> bool:
    words = _words(text)
    return all(any(w.startswith(term) for w in words) for term in fold(query).split())


def _adjacent(text: str, query: str) -> bool:
    """The syllables of ``query`` side by side in ``text`` (the last one as a prefix), tones ignored."""
    words, terms = _words(re.sub(r"<[^>]+>", " ", text)), fold(query).split()
    return any(words[i:i + len(terms) - 1] == terms[:-1] and words[i + len(terms) - 1].startswith(terms[-1])
               for i in range(len(words) - len(terms) + 1))


def _expected(written: dict, query: str, holds=_contains_all) -> set[str]:
    """Locations of the synthetic passages holding every word of ``query`` (``holds``), tones ignored."""
    found = set()
    for year, letters in written["years"].items():
        for agency, sections in letters.items():
            for section, passages in sections.items():
                if any(holds(p, query) for p in passages):
                    anchor = "" if section is None else "#muc-" + section.replace(".", "-").lower()
                    found.add(f"{year}/co-quan/{agency}/{anchor}")
    return found


def test_queries_with_and_without_tones_find_the_same_passages(synthetic_http, page):
    base, (_submissions, written, _build) = synthetic_http
    page.goto(base)
    assert page.evaluate("typeof window.IFrameWorker") == "undefined"  # the file:// shim stays out over HTTP
    hits = worker_search(page, QUERIES)["hits"]
    located = {q: [h["location"] for h in hits[q]] for q in QUERIES}
    for plain, toned in SAME:
        assert set(located[plain]) == set(located[toned]), (plain, toned)
    for query in QUERIES:
        assert len(located[query]) == len(set(located[query])), f"a passage came up twice for {query!r}"
        assert not [loc for loc in located[query] if "bao-cao-tong-hop" in loc]
        # Several syllables: where they stand together somewhere (a passage, or a heading's title),
        # only such passages are hits; elsewhere, passages holding them anywhere are.
        together = any(_adjacent(h["title"] + " " + h["text"], query) for h in hits[query])
        holds = _adjacent if together else _contains_all
        expected = _expected(written, query, holds)
        assert located[query] and (expected or together), query
        assert expected <= set(located[query]), (query, sorted(expected - set(located[query]))[:5])
        marked = 0
        for hit in hits[query]:
            assert holds(hit["title"] + " " + hit["text"], query), (query, hit["location"])
            terms = fold(query).split()
            marks = [fold(m) for m in marked_words(hit["title"] + hit["text"])]
            if marks:
                marked += 1
                assert all(any(m.startswith(t) for m in marks) for t in terms), (query, hit["location"], marks)
        # The worker marks the words of its best HIGHLIGHTED hits (lunr.vi.min.js, Scan); any
        # further hits are listed unmarked.
        assert marked >= min(len(hits[query]), HIGHLIGHTED), (query, marked, len(hits[query]))
    # The toned words themselves are what the result list highlights.
    toned = {m for h in hits["dau tu"] for m in marked_words(h["text"])}
    assert {"đầu", "tư"} <= {re.sub(r"\W", "", m.lower()) for m in toned}


@pytest.mark.parametrize("query", ["cong nghiep", "công nghiệp", "dau tu", "đầu tư", "Dung Quat"])
def test_typed_query_lists_letter_passages_titled_by_agency_year_and_section(synthetic_http, page, query):
    base, _synthetic = synthetic_http
    page.goto(base)
    groups = search(page, query)
    letters = [g for g in groups if "/co-quan/co-quan-" in g["href"]]
    assert letters, [g["title"] for g in groups]
    terms = fold(query).split()
    for group in letters:
        year, number, _ = LETTER.search(group["href"].split("?")[0]).groups()
        assert group["title"] == f"Cơ quan minh họa số {int(number)} — năm {year}"
        for section in group["sections"]:
            url = urlparse(section["href"])
            assert parse_qs(url.query)["h"] == [" ".join(terms)]
            if url.fragment.startswith("muc-"):
                number = section["title"].split(". ", 1)[0]
                assert url.fragment == "muc-" + number.replace(".", "-").lower(), section["title"]
    best = letters[0]["sections"][0]
    marks = [fold(m) for m in best["marks"]]
    assert all(any(m.startswith(t) for m in marks) for t in terms), best


def test_a_hit_opens_its_letter_with_the_passage_highlighted(synthetic_http, page):
    base, _synthetic = synthetic_http
    page.goto(base)
    groups = search(page, "dau tu")
    # A hit whose text (not only its outline title, which the page heading may shorten) holds both words.
    def text_marks(section):  # marks in the hit's text, not in its (outline) title
        text = re.sub(r"<h2.*?</h2>", "", section["html"], flags=re.S)
        return {fold(m).strip(".,;:") for m in re.findall(r"<mark[^>]*>(.*?)</mark>", text)}

    section = next(s for g in groups if "/co-quan/" in g["href"] for s in g["sections"] if "#muc-" in s["href"]
                   and {"dau", "tu"} <= text_marks(s))
    # The hit may sit in the group's folded "more on this page" list: click it as the reader would after unfolding.
    page.locator(f'a.md-search-result__link[href="{section["href"]}"]').first.evaluate("a => a.click()")
    page.wait_for_url(re.compile(r"/co-quan/co-quan-\d+/\?h=dau\+tu#muc-"))
    anchor = urlparse(section["href"]).fragment
    marks = [m for m in page_marks(page) if m["section"] == anchor and m["visible"]]
    words = {m["text"].lower().strip(".,;:") for m in marks}
    assert "đầu" in words and "tư" in words, words
    assert all(any(fold(m["text"]).startswith(t) for t in ("dau", "tu")) for m in marks)
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("id => window.scrollTo(0, document.getElementById(id).offsetTop - 120)", anchor)
    page.screenshot(path=str(ARTIFACTS / "search-hit-highlighted.png"))


def test_consolidated_report_screenshot_and_its_print_link(synthetic_http, page):
    base, _synthetic = synthetic_http
    page.goto(base + "2023/bao-cao-tong-hop/")
    page.wait_for_load_state("load")
    assert page.locator("h1").first.text_content().strip().startswith("Tổng hợp ý kiến các cơ quan năm 2023")
    sources = page.locator("p.contrib-source")
    assert sources.count() > 20
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "consolidated-report.png"), full_page=False)
    page.locator("a.print-view-link").click()
    page.wait_for_url(re.compile(r"/2023/bao-cao-tong-hop-ban-in/$"))
    assert page.locator(".nd30 .title .kind").text_content() == "BÁO CÁO"


@pytest.mark.parametrize("query", ["cong nghiep", "công nghiệp"])
def test_the_real_letter_is_found_without_tones(real_http, page, query):
    page.goto(real_http)
    groups = search(page, query)
    letter = next(g for g in groups if "/co-quan/ban-dan-toc/" in g["href"])
    assert letter["title"] == "Ban Dân tộc tỉnh Quảng Ngãi — năm 2023"
    assert not [g for g in groups if "bao-cao-tong-hop" in g["href"]]


def test_adjacent_syllables_win_and_scattered_ones_do_not_make_a_hit(real_http, page):
    """"dan toc": "Chỉ tiêu năm 2023" holds "đang" and "Tốc" but not "dân tộc"; it is no hit."""
    page.goto(real_http)
    hits = worker_search(page, ["dan toc", "cong nghiep", "toc dan"])["hits"]
    assert [h["location"] for h in hits["dan toc"]][0] == "2023/co-quan/ban-dan-toc/"
    assert not [h for h in hits["dan toc"] if h["location"].startswith("2023/chi-tieu/")]
    assert all(_adjacent(h["title"] + " " + h["text"], "dan toc") for h in hits["dan toc"])
    # the letter's passage ranks above the indicator and trend pages that name "công nghiệp" in their titles
    assert hits["cong nghiep"][0]["location"] == "2023/co-quan/ban-dan-toc/"
    # syllables that never stand in that order anywhere still find the pages holding both
    assert hits["toc dan"] and not any(_adjacent(h["title"] + " " + h["text"], "toc dan") for h in hits["toc dan"])


def test_a_function_word_typed_between_two_words_keeps_its_place(real_http, page):
    """"chinh sach va ke hoach": "và" is not in the index, yet "kế" must stand two words after "sách"."""
    page.goto(real_http)
    query = "chinh sach va ke hoach"
    hits = worker_search(page, [query])["hits"][query]
    assert hits and all(_adjacent(h["title"] + " " + h["text"], query) for h in hits)
    assert hits[0]["location"] == "2023/co-quan/ban-dan-toc/"


def test_twenty_queries_find_their_expected_first_hit(real_http, page):
    """The benchmark's queries (scripts/search_benchmark.py), typed into the search box over HTTP."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("search_benchmark", ROOT / "scripts" / "search_benchmark.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    first = bench.run_queries(page, real_http)
    wrong = {q: first[q] for q, expected in bench.QUERIES.items() if first[q] != expected}
    assert len(bench.QUERIES) == 20 and wrong == {}
