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
    content = soup if from_data else (soup.find("article") or soup.new_tag("article"))
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


@pytest.fixture(scope="module")
def attack_site(tmp_path_factory):
    build = build_unchecked(ATTACK, tmp_path_factory.mktemp("attack") / "site")
    assert build.returncode == 0, build.output
    return build.site


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
