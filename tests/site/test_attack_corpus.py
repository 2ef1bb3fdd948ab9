"""The attack corpus (``tests/cases/attack/``) built into one site: nothing executable came from data.

The corpus holds the review's hostile inputs (issue 9, breaks 1 and 2, and more):
letters with raw HTML, attribute lists, hidden ``javascript:`` links, and a
registry and round whose names carry tags. It is built with the checker's HTML
rules switched off, so what is proved here is the renderer's and the
sanitiser's work, not the checker's. Every built HTML file and the search index
(whose titles and text Material inserts with ``innerHTML``) are parsed.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support.session import once
from support.unchecked import build_unchecked

ATTACK = Path(__file__).resolve().parent.parent / "cases" / "attack"
DANGEROUS = {"script", "iframe", "object", "embed", "form", "base", "frame", "frameset", "meta", "link", "style"}
"""Elements that must never come from data (the theme's own ``script``/``form``/``link`` are told apart below)."""
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcset"}
BAD_URL = re.compile(r"^(javascript|vbscript|data):")
MARKERS = ("alert(", "msgbox(", "expression(")
"""Every payload of the corpus calls one of these; the theme's own markup never does."""


def _bad_url(value: str) -> bool:
    return bool(BAD_URL.match(re.sub(r"[\x00-\x20\x7f]+", "", value).lower()))


def offences(html: str, *, from_data: bool) -> list[str]:
    """What in ``html`` could run script. ``from_data``: the whole text came from data (search index)."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    content = soup if from_data else (soup.find("article") or soup.find("main") or soup.new_tag("article"))
    for el in soup.find_all(True):
        for name, value in el.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"event handler {name}={value!r} on <{el.name}>")
            if name.lower() in URL_ATTRIBUTES and _bad_url(value):
                found.append(f"{name}={value!r} on <{el.name}>")
        if el.name in DANGEROUS:
            text = str(el)
            in_content = el is content or content in el.parents
            if from_data or in_content or any(m in text for m in MARKERS):
                found.append(f"<{el.name}> {text[:80]!r}")
    return found


def _attack_site(folder: Path) -> Path:
    build = build_unchecked(ATTACK, folder / "site")
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture(scope="session")
def attack_site(tmp_path_factory, worker_id):
    return once(tmp_path_factory, worker_id, "attack", _attack_site)


def test_the_corpus_reaches_the_pages(attack_site):
    """The hostile letters were built, not refused: the checks below look at real output."""
    for agency in ("so-xay-dung", "so-tai-chinh", "so-cong-thuong"):
        assert (attack_site / "2023" / "co-quan" / agency / "index.html").is_file()
    page = (attack_site / "2023" / "co-quan" / "so-xay-dung" / "index.html").read_text(encoding="utf-8")
    assert "Đoạn A." in page and "onerror=alert(1)" in BeautifulSoup(page, "html.parser").get_text()


def test_no_built_page_carries_script_from_data(attack_site):
    problems = {}
    for path in sorted(attack_site.rglob("*.html")):
        if found := offences(path.read_text(encoding="utf-8"), from_data=False):
            problems[str(path.relative_to(attack_site))] = found
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


def test_no_svg_or_data_file_carries_markup_that_runs(attack_site):
    for path in sorted(attack_site.rglob("*.svg")):
        assert not offences(path.read_text(encoding="utf-8"), from_data=True), path


def test_search_index_titles_and_text_are_inert(attack_site):
    index = json.loads((attack_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = []
    for doc in index["docs"]:
        for key in ("title", "text"):
            for found in offences(doc.get(key, ""), from_data=True):
                problems.append(f"{doc['location']} {key}: {found}")
    assert not problems, "\n".join(problems)


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("page", ["2023/co-quan/so-xay-dung/index.html", "2023/bao-cao-tong-hop/index.html",
                                  "2023/bao-cao-tong-hop-ban-in/index.html"])
def test_break_1_script_through_the_letter_body(attack_site, page):
    """Issue 9, break 1: attribute lists, next-line and quoted link definitions, ``< javascript:``
    and an unclosed ``{`` in a heading gave event handlers and ``javascript:`` links."""
    soup = _soup(attack_site, page)
    article = soup.find("article") or soup.find("main") or soup.body
    for el in article.find_all(True):
        assert not [a for a in el.attrs if a.startswith("on")], el
        assert not str(el.get("href", "")).lower().startswith("javascript"), el
    text = article.get_text()
    assert "Đoạn A." in text and "Đoạn B." in text and "Xem C" in text
    if "co-quan" in page:
        heading = soup.find(id="muc-iii")
        assert heading is not None and heading.get("data-section") == "III"
        assert "onclick=alert('G')" in heading.get_text()  # the agency's text, shown as text
        assert not [a for a in heading.attrs if a.startswith("on")]


def test_break_2_registry_and_round_names_are_text(attack_site):
    """Issue 9, break 2: names from agencies.yml and round.yml are shown as the text they are."""
    soup = _soup(attack_site, "2023/co-quan/so-xay-dung/index.html")
    assert soup.title.get_text().startswith("Sở Xây dựng <img src=x onerror=alert(1)>")
    nav = soup.find("nav", class_="md-nav--primary")
    assert "Sở Xây dựng <img src=x onerror=alert(1)>" in nav.get_text()
    assert nav.find("img") is None
    soup = _soup(attack_site, "2023/co-quan/so-tai-chinh/index.html")
    assert soup.find("head").find_all("script") == [s for s in soup.find("head").find_all("script")
                                                     if "alert" not in str(s)]
    assert "</title><script>" in soup.title.get_text()
    trend = _soup(attack_site, "xu-huong/tang-truong-gtgt-cong-nghiep/index.html")
    assert "Tốc độ tăng trưởng <img src=x onerror=alert(1)>" in trend.find("h1").get_text()
    index = json.loads((attack_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles["2023/co-quan/so-xay-dung/"] == "Sở Xây dựng &lt;img src=x onerror=alert(1)&gt; — năm 2023"
    assert titles["2023/co-quan/so-xay-dung/#muc-iii"] == "III. Tồn tại hạn chế &lt;svg onload=alert(1)&gt;"
