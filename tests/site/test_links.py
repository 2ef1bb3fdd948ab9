"""Links written into generated HTML (where MkDocs rewrites nothing) resolve, in both URL styles."""
from __future__ import annotations

import posixpath

import pytest
from bs4 import BeautifulSoup

from build_hooks.pages.paths import href, page_url
from build_hooks.settings import ROOT
from support.site import build_site, config_with_pages


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


def test_no_false_notes_about_anchors(real_site):
    """The anchors of the HTML the core writes (report sections, letter parts) are known to MkDocs."""
    assert "anchor" not in real_site.output, real_site.output


@pytest.mark.slow
def test_a_link_to_a_missing_anchor_stops_a_strict_build(tmp_path):
    page = ("# Liên kết\n\n[Mục II.1](../2023/bao-cao-tong-hop.md#muc-ii-1) · "
            "[Không có](../2023/bao-cao-tong-hop.md#muc-khong-co)\n")
    config = config_with_pages(tmp_path, {"huong-dan/lien-ket.md": page})
    build = build_site(ROOT / "submissions", tmp_path / "site", config=config)
    assert build.returncode != 0
    notes = [line for line in build.output.splitlines() if "anchor" in line]
    assert len(notes) == 1 and "'#muc-khong-co'" in notes[0] and notes[0].startswith("WARNING"), build.output
