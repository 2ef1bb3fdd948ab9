"""The site plan: every generated page and the navigation, as plain data.

``plan_site`` is what the MkDocs adapter calls; it needs nothing from MkDocs, so
tests (and another engine) can get the same pages from a ``Corpus``.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import paths
from .model import Corpus
from .render_guide import PATH as GUIDE_PATH, TITLE as GUIDE_TITLE, render_guide
from .render_home import render_agency_index, render_landing, render_round_home
from .render_letter import render_agency_page
from .render_report import render_report
from .render_status import render_status
from .text import sort_key

NAV_AGENCY_LIMIT = 60
"""Above this many letters in a round, agency pages are reached from the round's
list instead of the navigation: Material renders the navigation into every page,
which makes a flat navigation of thousands of pages cost O(pages²) to build."""

DEMO_NOTICE = ('!!! warning "Dữ liệu minh họa"\n    Trang này dùng dữ liệu tạo tự động để minh họa, '
               'không phải báo cáo thật của cơ quan nào.\n\n')


@dataclass(frozen=True)
class Page:
    path: str
    """Docs-relative path of the virtual Markdown file."""
    title: str
    content: str


def plan_pages(corpus: Corpus) -> list[Page]:
    pages = [Page(paths.LANDING, "Trang chủ", render_landing(corpus))]
    for rnd in corpus.rounds:
        subs = corpus.submissions.get(rnd.year, ())
        expected = set(rnd.expected)
        round_pages = [
            Page(paths.home(rnd.year), "Tổng quan", render_round_home(rnd, subs)),
            Page(paths.report(rnd.year), "Báo cáo tổng hợp", render_report(rnd, subs, corpus.registry)),
            Page(paths.status(rnd.year), "Tình hình nộp báo cáo", render_status(rnd, subs, corpus.registry)),
            Page(paths.agencies(rnd.year), "Danh sách cơ quan", render_agency_index(rnd, subs, corpus.registry)),
        ]
        for sub in subs:
            agency = corpus.registry.get(sub.agency)
            round_pages.append(Page(paths.agency(rnd.year, agency.id), agency.name,
                                    render_agency_page(rnd, agency, sub, agency.id in expected)))
        if rnd.demo:
            round_pages = [Page(p.path, p.title, DEMO_NOTICE + p.content) for p in round_pages]
        pages += round_pages
    if any(r.demo for r in corpus.rounds):
        pages[0] = Page(pages[0].path, pages[0].title, DEMO_NOTICE + pages[0].content)
    if corpus.rounds:
        pages.append(Page(GUIDE_PATH, GUIDE_TITLE, render_guide(corpus)))
    return pages


def plan_nav(corpus: Corpus, extra: list | None = None) -> list:
    """Navigation in ``mkdocs.yml`` form: one tab per year, newest first, then ``extra``."""
    nav: list = [{"Trang chủ": paths.LANDING}]
    for rnd in corpus.rounds:
        subs = corpus.submissions.get(rnd.year, ())
        agencies: list = [{"Danh sách cơ quan": paths.agencies(rnd.year)}]
        if len(subs) <= NAV_AGENCY_LIMIT:
            named = sorted(((corpus.registry.get(s.agency).name, s.agency) for s in subs), key=lambda t: sort_key(t[0]))
            agencies += [{name: paths.agency(rnd.year, agency_id)} for name, agency_id in named]
        nav.append({f"Năm {rnd.year}": [
            {"Tổng quan": paths.home(rnd.year)},
            {"Báo cáo tổng hợp": paths.report(rnd.year)},
            {"Tình hình nộp báo cáo": paths.status(rnd.year)},
            {"Văn bản các cơ quan": agencies},
        ]})
    return nav + list(extra or [])
