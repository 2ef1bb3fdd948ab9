"""The site plan: every generated page and the navigation, as plain data.

``plan_site`` is what the MkDocs adapter calls; it needs nothing from MkDocs, so
tests (and another engine) can get the same pages from a ``Corpus``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from build_hooks.site import paths
from build_hooks.aggregate.changes import diff_rounds, render_changes
from build_hooks.render.fragments import Fragments
from build_hooks.render.letter_html import LetterRenderer
from build_hooks.aggregate.indicators import IndicatorRow, rows_by_year, trends
from build_hooks.domain.model import Corpus, Round
from build_hooks.publish.opendata import DataFile, round_files, schema_files, site_zip
from build_hooks.aggregate.projects import merge_projects
from build_hooks.render.data import render_data_page
from build_hooks.render.indicators import render_round_indicators, render_trend_page, render_trends_index
from build_hooks.render.projects import render_projects
from build_hooks.render.guide import PATH as GUIDE_PATH, TITLE as GUIDE_TITLE, render_guide
from build_hooks.render.home import render_agency_index, render_landing, render_round_home
from build_hooks.render.letter import render_agency_page
from build_hooks.render.print_view import render_print
from build_hooks.render.report import render_report
from build_hooks.render.history import render_history
from build_hooks.render.status import Dates, render_status
from build_hooks.load.history import LetterHistory
from build_hooks.domain.text import sort_key

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
    fragments: dict[str, str] = field(default_factory=dict)
    """Placeholder token -> HTML to put back after Markdown conversion (see ``fragments``)."""


def plan_pages(corpus: Corpus, directory_urls: bool = True, charts: bool = True, guide: bool = True,
               histories: dict[str, LetterHistory] | None = None) -> list[Page]:
    """Every generated page.

    ``guide=False`` leaves out the guide for agencies (an archived snapshot is the report only).
    ``directory_urls`` is MkDocs' setting (links in generated HTML depend on it);
    ``charts=False`` leaves the SVG trend charts out (tables stay).
    ``histories`` (by ``Submission.path``, from ``load.history``) adds each letter's history to
    its page and the received and last-changed dates to the status page; None: not shown.
    """
    letters = LetterRenderer()
    pages = [Page(paths.LANDING, "Trang chủ", render_landing(corpus, guide))]
    by_year = rows_by_year(corpus)
    for rnd in corpus.rounds:
        subs = corpus.submissions.get(rnd.year, ())
        expected = set(rnd.expected)
        report, printed, status = Fragments(), Fragments(), Fragments()
        round_pages = [
            Page(paths.home(rnd.year), "Tổng quan", render_round_home(rnd, subs)),
            Page(paths.report(rnd.year), "Báo cáo tổng hợp",
                 render_report(rnd, subs, corpus.registry, report, letters), report.html),
            Page(paths.print_view(rnd.year), "Bản in báo cáo tổng hợp",
                 render_print(rnd, subs, corpus.registry, printed, letters), printed.html),
            Page(paths.status(rnd.year), "Tình hình nộp báo cáo",
                 render_status(rnd, subs, corpus.registry, status, directory_urls, _dates(subs, histories)),
                 status.html),
            Page(paths.agencies(rnd.year), "Danh sách cơ quan", render_agency_index(rnd, subs, corpus.registry)),
        ]
        for sub in subs:
            agency = corpus.registry.get(sub.agency)
            frags = Fragments()
            content = render_agency_page(rnd, agency, sub, agency.id in expected, frags, letters)
            if histories is not None:
                heading, html = render_history(histories.get(sub.path))
                content += heading + frags.add(html)
            round_pages.append(Page(paths.agency(rnd.year, agency.id), agency.name, content, frags.html))
        round_pages += _indicator_pages(corpus, rnd, by_year[rnd.year])
        if rnd.demo:
            round_pages = [Page(p.path, p.title, DEMO_NOTICE + p.content, p.fragments) for p in round_pages]
        pages += round_pages
    pages += _site_data_pages(corpus, by_year, charts)
    if any(r.demo for r in corpus.rounds):
        pages[0] = Page(pages[0].path, pages[0].title, DEMO_NOTICE + pages[0].content)
    if corpus.rounds and guide:
        pages.append(Page(GUIDE_PATH, GUIDE_TITLE, render_guide(corpus)))
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
        ] + _indicator_nav(corpus, rnd)})
    return nav + _site_data_nav(corpus) + list(extra or [])


# --- Indicators, projects, trends and open data ---------------------------------------------

def _previous_round(corpus: Corpus, rnd: Round) -> Round | None:
    older = [r for r in corpus.rounds if r.year < rnd.year]
    return older[0] if older else None


def _indicator_pages(corpus: Corpus, rnd: Round, rows: list[IndicatorRow]) -> list[Page]:
    subs = corpus.submissions.get(rnd.year, ())
    pages = [Page(paths.indicators(rnd.year), "Chỉ tiêu", render_round_indicators(rnd, rows)),
             Page(paths.projects(rnd.year), "Dự án (mục II.7)", render_projects(rnd, merge_projects(subs, corpus.registry)))]
    if (before := _previous_round(corpus, rnd)) is not None:
        pages.append(Page(paths.changes(rnd.year), "Thay đổi so với năm trước",
                          render_changes(diff_rounds(before, rnd), before, rnd)))
    return pages


def _site_data_pages(corpus: Corpus, by_year: dict[int, list[IndicatorRow]], charts: bool) -> list[Page]:
    all_trends = trends(corpus, by_year)
    pages = [Page(paths.TRENDS, "Chỉ tiêu qua các năm", render_trends_index(all_trends))]
    for indicator_id in dict.fromkeys(t.id for t in all_trends):
        mine = [t for t in all_trends if t.id == indicator_id]
        pages.append(Page(paths.trend(indicator_id), mine[0].name, render_trend_page(indicator_id, mine, charts)))
    pages.append(Page(paths.DATA, "Dữ liệu mở", render_data_page(corpus)))
    if any(r.demo for r in corpus.rounds):
        pages = [Page(p.path, p.title, DEMO_NOTICE + p.content) for p in pages]
    return pages


def plan_data_files(corpus: Corpus) -> list[DataFile]:
    """The open-data files of every round, the JSON schemas, and the zip of them all."""
    by_year = rows_by_year(corpus)
    files: list[DataFile] = []
    for rnd in corpus.rounds:
        subs = corpus.submissions.get(rnd.year, ())
        files += round_files(rnd, subs, corpus, by_year[rnd.year], merge_projects(subs, corpus.registry))
    files += schema_files()
    return files + [site_zip(files)]


def _indicator_nav(corpus: Corpus, rnd: Round) -> list:
    nav = [{"Chỉ tiêu": paths.indicators(rnd.year)}, {"Dự án (mục II.7)": paths.projects(rnd.year)}]
    if _previous_round(corpus, rnd) is not None:
        nav.append({"Thay đổi so với năm trước": paths.changes(rnd.year)})
    return nav


def _site_data_nav(corpus: Corpus) -> list:
    seen: dict[str, str] = {}
    for rnd in corpus.rounds:  # newest first: the newest name of each indicator
        for indicator in rnd.indicators:
            seen.setdefault(indicator.id, indicator.name)
    return [{"Chỉ tiêu qua các năm": [{"Tổng quan": paths.TRENDS}]
             + [{name: paths.trend(iid)} for iid, name in seen.items()]},
            {"Dữ liệu mở": paths.DATA}]
