"""Several rounds: a round's pages search that round's index, so a phone builds a small one."""
from __future__ import annotations

import json

import pytest

from build_hooks.site.search_index import split_by_year
from support.browser import search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_split_keeps_each_round_and_the_shared_pages():
    docs = [{"location": "", "title": "Trang chủ"}, {"location": "2023/co-quan/a/#muc-ii-1", "title": "a"},
            {"location": "2022/co-quan/b/", "title": "b"}, {"location": "du-lieu/", "title": "data"}]
    split = split_by_year({"config": {"lang": ["vi"]}, "docs": docs}, [2023, 2022])
    assert [d["title"] for d in split[2023]["docs"]] == ["a", "Trang chủ", "data"]
    assert [d["title"] for d in split[2022]["docs"]] == ["b", "Trang chủ", "data"]
    assert split[2022]["config"] == {"lang": ["vi"]}


def _fetched_index(page, url: str) -> str:
    names = []
    page.on("request", lambda r: names.append(r.url.rsplit("/", 1)[-1]) if "/search/" in r.url
            and r.url.endswith(".json") else None)
    page.goto(url)
    page.wait_for_function("document.querySelector('.md-search-result__meta') !== null")
    page.wait_for_timeout(300)
    return ",".join(names)


def test_round_pages_fetch_their_round_and_say_so(synthetic_http, page):
    base, (_submissions, written, build) = synthetic_http
    assert json.loads((build.site / "search" / "nam-2022.json").read_text(encoding="utf-8"))["docs"]
    assert _fetched_index(page, base + "2022/") == "nam-2022.json"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Tìm trong năm 2022"
    hits = search(page, "cong nghiep")
    assert hits and all("/2022/" in h["href"] or "/2023/" not in h["href"] for h in hits)


def test_home_searches_the_newest_round_and_shared_pages_the_whole_site(synthetic_http, page):
    base, _ = synthetic_http
    assert _fetched_index(page, base) == "nam-2023.json"
    assert _fetched_index(page, base + "du-lieu/") == "search_index.json"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Tìm kiếm"
