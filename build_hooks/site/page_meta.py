"""Front-matter of generated pages: the template that renders them, and whether search indexes them.

Every paragraph an agency wrote is shown twice: on its letter page and in the
round's consolidated report. The search index keeps it once, on the letter
page, whose hits name one agency and one year (see ``search``); the report and
its print view are left out of the index, since they hold nothing that is not
in some letter.
"""
from __future__ import annotations

import json
from functools import lru_cache

import yaml

from build_hooks.pages import paths

PRINT_TEMPLATE = "print.html"
"""Theme template (``overrides/print.html``) of the A4 print view."""

NOT_INDEXED = {"search": {"exclude": True}}
LETTER_BOOST = {"search": {"boost": 1000}}
"""Letters are what readers search for; indicator, trend and data pages name the same
words ("công nghiệp") in every row and in their titles, which Material's index weighs
1,000 times the text: a boost of 2 left the only letter 9th for "cong nghiep", under 8
indicator pages. At 1,000 a passage of a letter weighs as much as a page's title, so letters
come first where they hold the words (``scripts/search_benchmark.py`` measures it)."""


def page_meta(path: str) -> dict:
    """Front-matter for the generated page at docs path ``path`` (empty for most pages)."""
    year = paths.year_of(path)
    if year is None:
        return {}
    if path in (paths.report(year), paths.status(year)):
        # The status page holds agency names and ✓/✗ marks, no passage; at 2,000 agencies it is
        # also the largest page of the site for Material's indexer to parse.
        return dict(NOT_INDEXED)
    if path == paths.print_view(year):
        return {"template": PRINT_TEMPLATE, "title": f"Bản in báo cáo tổng hợp năm {year}", **NOT_INDEXED}
    if path.startswith(f"{year}/co-quan/") and path != paths.agencies(year):
        return dict(LETTER_BOOST)
    if path == paths.indicators(year):
        return {"hide": ["toc"]}  # its seven-column table needs the width of the table of contents
    return {}


def with_front_matter(meta: dict, content: str) -> str:
    """``content`` preceded by ``meta`` as YAML front-matter (unchanged when ``meta`` is empty)."""
    if not meta:
        return content
    return _front_matter(json.dumps(meta, sort_keys=True, ensure_ascii=False)) + content


@lru_cache(maxsize=1024)  # a handful of distinct front-matters; 2,000 letters share one
def _front_matter(meta_json: str) -> str:
    return "---\n" + yaml.safe_dump(json.loads(meta_json), allow_unicode=True, sort_keys=True) + "---\n\n"
