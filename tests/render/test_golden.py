"""Golden files: every generated page and the navigation, from a fixed input, compared with what is committed.

As ``mkdocs-literate-nav``'s ``tests/nav/*.yml``: one small input, the exact
expected output. The input is the repository's real 2023 round with its real
letter plus the checker's look-alike letter ``tests/cases/good/base.md`` (so
figures, both numbering styles and closing lines are exercised), loaded with a
fixed build date. A page's Markdown is followed by the headings its fragments add
to its table of contents and by the HTML fragments the adapter puts back. A
renderer change shows here as a readable diff, without building a site; after
checking the diff, accept it with ``UPDATE_GOLDEN=1 python -m pytest tests/render/test_golden.py``.
"""
from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
import yaml

from build_hooks.corpus.tree import load_corpus
from build_hooks.settings import ROOT
from build_hooks.site.plan import plan_nav, plan_pages
from support.site import BUILD_TODAY, submission_tree

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("golden") / "submissions"
    base = (ROOT / "tests" / "cases" / "good" / "base.md").read_bytes()
    real = (ROOT / "submissions" / "2023" / "ban-dan-toc.md").read_bytes()
    tree = submission_tree(root, {"so-xay-dung.md": base, "ban-dan-toc.md": real})
    corpus, problems = load_corpus(tree, base=tree, today=datetime.date.fromisoformat(BUILD_TODAY))
    assert [p for p in problems if p.is_error] == []
    return plan_pages(corpus, charts=False)


def rendered(page) -> str:
    out = [page.content.rstrip("\n") + "\n"]
    out += [f"\n<!-- toc {'#' * e.level} {e.anchor}: {e.title} -->" for e in page.toc]
    if page.toc:
        out.append("\n")
    for token, html in page.fragments.items():
        out.append(f"\n<!-- fragment {token} -->\n{html.rstrip()}\n")
    return "".join(out)


def compare(path: Path, actual: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden file {path.relative_to(ROOT)}: run with UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8"), f"{path.relative_to(ROOT)} differs"


def test_every_page_matches_its_golden_file(pages):
    for page in pages:
        compare(GOLDEN / "pages" / page.path, rendered(page))
    written = {p.relative_to(GOLDEN / "pages").as_posix() for p in (GOLDEN / "pages").rglob("*.md")}
    assert written == {p.path for p in pages}, "golden files of pages that are no longer generated"


def test_navigation_matches_its_golden_file(pages):
    nav = plan_nav(pages, [{"Hướng dẫn": ["huong-dan/index.md", "huong-dan/nop-bao-cao.md"]}])
    compare(GOLDEN / "nav.yml", yaml.safe_dump(nav, allow_unicode=True, sort_keys=False))


def test_page_table_titles_every_page(pages):
    """The navigation titles come from the page table, and each page's H1 from its kind's heading."""
    kinds = {p.kind for p in pages}
    assert {"landing", "round-home", "report", "print", "status", "agencies", "letter", "indicators", "projects",
            "trends", "trend", "data", "guide"} <= kinds
    for page in pages:
        if page.kind != "print":  # the print view is laid out as the document, not as a page
            assert page.content.lstrip().startswith("# ") or "\n# " in page.content, page.path
