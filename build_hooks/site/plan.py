"""The site plan: every generated page and the navigation, as plain data.

``plan_site`` is what the MkDocs adapter calls; it needs nothing from MkDocs, so
tests (and another engine) can get the same pages from a ``Corpus``.
"""
from __future__ import annotations

import html
from dataclasses import replace

from build_hooks.aggregate.changes import diff_rounds
from build_hooks.aggregate.indicators import IndicatorRow, rows_by_year, trends
from build_hooks.aggregate.projects import merge_projects
from build_hooks.domain.model import Corpus, Round
from build_hooks.domain.text import sort_key
from build_hooks.load.history import LetterHistory
from build_hooks.publish.exports import document_files
from build_hooks.publish.opendata import DataFile, round_files, schema_files, site_zip
from build_hooks.render.changes import render_changes
from build_hooks.render.data import render_data_page
from build_hooks.render.fragments import Fragments
from build_hooks.render.guide import PATH as GUIDE_PATH
from build_hooks.render.guide import render_guide
from build_hooks.render.history import render_history
from build_hooks.render.home import render_agency_index, render_landing, render_round_home
from build_hooks.render.indicators import render_round_indicators, render_trend_page, render_trends_index
from build_hooks.render.letter import render_agency_page
from build_hooks.render.letter_html import LetterRenderer
from build_hooks.render.print_view import render_print
from build_hooks.render.projects import render_projects
from build_hooks.render.report import render_report
from build_hooks.render.status import Dates, render_status
from build_hooks.site import paths
from build_hooks.site.pages import LETTERS_SECTION, TRENDS_SECTION, Page, nav_title, year_section

NAV_AGENCY_LIMIT = 60
"""Above this many letters in a round, agency pages are reached from the round's
list instead of the navigation: Material renders the navigation into every page,
which makes a flat navigation of thousands of pages cost O(pages²) to build."""

DEMO_NOTICE = ('!!! warning "Dữ liệu minh họa"\n    Trang này dùng dữ liệu tạo tự động để minh họa, '
               'không phải báo cáo thật của cơ quan nào.\n\n')


def plan_pages(corpus: Corpus, directory_urls: bool = True, charts: bool = True, guide: bool = True,
               pdf: bool = True, histories: dict[str, LetterHistory] | None = None) -> list[Page]:
    """Every generated page, titled and placed in the navigation by the page table (``site.pages``).

    ``guide=False`` leaves out the guide for agencies (an archived snapshot is the report only).
    ``directory_urls`` is MkDocs' setting (links in generated HTML depend on it);
    ``charts=False`` leaves the SVG trend charts out (tables stay); ``pdf=False``: no links to the
    Sở's report as PDF (``plan_data_files`` then leaves it out).
    ``histories`` (by ``Submission.path``, from ``load.history``) adds each letter's history to
    its page and the received and last-changed dates to the status page; None: not shown.
    """
    letters = LetterRenderer()
    pages = [_page("landing", paths.LANDING, render_landing(corpus, guide))]
    by_year = rows_by_year(corpus)
    for rnd in corpus.rounds:
        subs = corpus.submissions.get(rnd.year, ())
        expected = set(rnd.expected)
        tab = (year_section(rnd.year),)
        report, printed, status = Fragments(), Fragments(), Fragments()
        round_pages = [
            _page("round-home", paths.home(rnd.year), render_round_home(rnd, subs, pdf), tab),
            _page("report", paths.report(rnd.year), render_report(rnd, subs, corpus.registry, report, letters, pdf),
                  tab, report.html),
            _page("print", paths.print_view(rnd.year),
                  render_print(rnd, subs, corpus.registry, printed, letters, pdf), None, printed.html),
            _page("status", paths.status(rnd.year),
                  render_status(rnd, subs, corpus.registry, status, directory_urls, _dates(subs, histories)), tab,
                  status.html),
            _page("agencies", paths.agencies(rnd.year), render_agency_index(rnd, subs, corpus.registry),
                  tab + (LETTERS_SECTION,)),
        ]
        # In the navigation by name (Vietnamese order); above NAV_AGENCY_LIMIT, reached from the list only.
        letters_nav = tab + (LETTERS_SECTION,) if len(subs) <= NAV_AGENCY_LIMIT else None
        for sub in sorted(subs, key=lambda s: sort_key(corpus.registry.get(s.agency).name)):
            agency = corpus.registry.get(sub.agency)
            frags = Fragments()
            content = render_agency_page(rnd, agency, sub, agency.id in expected, frags, letters)
            if histories is not None:
                heading, html_ = render_history(histories.get(sub.path))
                content += heading + frags.add(html_)
            round_pages.append(_page("letter", paths.agency(rnd.year, agency.id), content, letters_nav, frags.html,
                                     agency=agency.name))
        round_pages += _indicator_pages(corpus, rnd, by_year[rnd.year])
        if rnd.demo:
            round_pages = [replace(p, content=DEMO_NOTICE + p.content) for p in round_pages]
        pages += round_pages
    pages += _site_data_pages(corpus, by_year, charts, pdf)
    if any(r.demo for r in corpus.rounds):
        pages[0] = replace(pages[0], content=DEMO_NOTICE + pages[0].content)
    if corpus.rounds and guide:
        pages.append(_page("guide", GUIDE_PATH, render_guide(corpus), None))  # placed by mkdocs.yml's own nav
    return pages


def _dates(subs, histories: dict[str, LetterHistory] | None) -> dict[str, Dates] | None:
    """Received and last-changed dates of each letter, by agency, for the status page."""
    if histories is None:
        return None
    dates = {}
    for sub in subs:
        history = histories.get(sub.path)
        if history is None or not history.available:
            dates[sub.agency] = Dates(unavailable=True)
        elif history.received is not None:
            changed = history.corrections[-1].date.strftime("%d/%m/%Y") if history.corrections else ""
            dates[sub.agency] = Dates(history.received.date.strftime("%d/%m/%Y"), changed)
    return dates


def _page(kind: str, path: str, content: str, nav: tuple[str, ...] | None = (), fragments: dict | None = None,
          **params) -> Page:
    return Page(path, kind, nav_title(kind, **params), content, nav, fragments or {})


def plan_nav(pages: list[Page], extra: list | None = None) -> list:
    """Navigation in ``mkdocs.yml`` form, from the pages in order, then ``extra`` (the hand-written pages).

    Each page stands in the sections its ``nav`` names, created where first met:
    one tab per year (newest first, as the rounds are), then the indicators across
    rounds and the open data. Titles go in escaped: MkDocs and Material write navigation
    titles into every page as HTML, unescaped, and many come from data (agency and
    indicator names).
    """
    root: list = []
    sections: dict[tuple[str, ...], list] = {(): root}
    for page in pages:
        if page.nav is None:
            continue
        for depth in range(1, len(page.nav) + 1):
            if page.nav[:depth] not in sections:
                sections[page.nav[:depth]] = []
                title = html.escape(page.nav[depth - 1], quote=True)
                sections[page.nav[:depth - 1]].append({title: sections[page.nav[:depth]]})
        sections[page.nav].append({html.escape(page.title, quote=True): page.path})
    return root + list(extra or [])


# --- Indicators, projects, trends and open data ---------------------------------------------

def _previous_round(corpus: Corpus, rnd: Round) -> Round | None:
    older = [r for r in corpus.rounds if r.year < rnd.year]
    return older[0] if older else None


def _indicator_pages(corpus: Corpus, rnd: Round, rows: list[IndicatorRow]) -> list[Page]:
    subs = corpus.submissions.get(rnd.year, ())
    tab = (year_section(rnd.year),)
    pages = [_page("indicators", paths.indicators(rnd.year), render_round_indicators(rnd, rows), tab),
             _page("projects", paths.projects(rnd.year),
                   render_projects(rnd, merge_projects(subs, corpus.registry)), tab)]
    if (before := _previous_round(corpus, rnd)) is not None:
        pages.append(_page("changes", paths.changes(rnd.year), render_changes(diff_rounds(before, rnd), before, rnd),
                           tab))
    return pages


def _site_data_pages(corpus: Corpus, by_year: dict[int, list[IndicatorRow]], charts: bool,
                     pdf: bool = True) -> list[Page]:
    all_trends = trends(corpus, by_year)
    names = _newest_names(corpus)
    pages = [_page("trends", paths.TRENDS, render_trends_index(all_trends), (TRENDS_SECTION,))]
    for indicator_id in dict.fromkeys(t.id for t in all_trends):
        mine = [t for t in all_trends if t.id == indicator_id]
        pages.append(_page("trend", paths.trend(indicator_id), render_trend_page(indicator_id, mine, charts),
                           (TRENDS_SECTION,), indicator=names.get(indicator_id, mine[0].name)))
    pages.append(_page("data", paths.DATA, render_data_page(corpus, pdf)))
    if any(r.demo for r in corpus.rounds):
        pages = [replace(p, content=DEMO_NOTICE + p.content) for p in pages]
    return pages


def plan_data_files(corpus: Corpus, pdf: bool = True) -> list[DataFile]:
    """The open-data files of every round, the JSON schemas, the zip of them all, and the Sở's report files.

    The report's DOCX and PDF (``pdf=False`` leaves the PDF out) are not in the zip: it holds data.
    """
    by_year = rows_by_year(corpus)
    files: list[DataFile] = []
    for rnd in corpus.rounds:
        subs = corpus.submissions.get(rnd.year, ())
        files += round_files(rnd, subs, corpus, by_year[rnd.year], merge_projects(subs, corpus.registry))
    files += schema_files()
    return files + [site_zip(files)] + document_files(corpus, pdf)


def _newest_names(corpus: Corpus) -> dict[str, str]:
    """Each indicator's name in the newest round that has it: what its trend page is called."""
    seen: dict[str, str] = {}
    for rnd in corpus.rounds:  # newest first
        for indicator in rnd.indicators:
            seen.setdefault(indicator.id, indicator.name)
    return seen
