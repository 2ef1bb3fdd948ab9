"""Links written into generated HTML (where MkDocs rewrites nothing) resolve, in both URL styles."""
from __future__ import annotations

import posixpath

from bs4 import BeautifulSoup

from build_hooks.site.paths import href, page_url


def test_page_urls_in_both_styles():
    assert page_url("2023/tinh-hinh-nop.md") == "2023/tinh-hinh-nop/"
    assert page_url("2023/tinh-hinh-nop.md", False) == "2023/tinh-hinh-nop.html"
    assert page_url("2023/index.md") == "2023/" and page_url("index.md", False) == "index.html"


def test_relative_hrefs_in_both_styles():
    assert href("2023/tinh-hinh-nop.md", "2023/co-quan/a.md") == "../co-quan/a/"
    assert href("2023/tinh-hinh-nop.md", "2023/co-quan/a.md", False) == "co-quan/a.html"
    assert href("2023/co-quan/a.md", "index.md") == "../../../"
    assert href("2023/co-quan/a.md", "index.md", False) == "../../index.html"


def test_every_status_link_resolves(synthetic):
    _submissions, written, build = synthetic
    page = build.site / "2023" / "tinh-hinh-nop" / "index.html"
    links = [a["href"] for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
             .select(".st-agencies a")]
    assert len(links) == len(written["years"][2023])
    for link in links:
        target = build.site / posixpath.normpath(posixpath.join("2023/tinh-hinh-nop/", link)) / "index.html"
        assert target.is_file(), link
