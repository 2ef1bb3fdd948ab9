"""The site plan: every generated page and the navigation, as plain data.

``plan_pages``, ``plan_nav`` and ``plan_data_files`` are what the MkDocs adapter calls;
they need nothing from MkDocs, so tests (and another engine) get the same pages from a ``Corpus``.
"""
from __future__ import annotations

import datetime as _dt
import html
from dataclasses import replace
from pathlib import Path

from build_hooks.aggregate.changes import diff_rounds
from build_hooks.aggregate.indicators import IndicatorRow, rows_by_year, trends
from build_hooks.aggregate.projects import merge_projects
from build_hooks.domain.model import AGENCY_GROUPS, REPORT_ISSUER, Corpus, Round
from build_hooks.letter_text.convert import LetterRenderer
from build_hooks.load.history import LetterHistory
from build_hooks.memo import Identity
from build_hooks.pages import paths
from build_hooks.pages.fragments import Fragments
from build_hooks.pages.kinds import LETTERS_SECTION, TRENDS_SECTION, Page, nav_title, year_section
from build_hooks.publish.exports import FORMATS, document_files, export_bytes, site_path
from build_hooks.publish.opendata import (
    ROUND_FILES,
    SCHEMA_FILES,
    ZIP_PATH,
    DataFile,
    round_files,
    schema_files,
    site_zip,
    workbook_name,
)
from build_hooks.publish.round_letters import reminder_document, reminder_due, reminder_site_path
from build_hooks.render.changes import render_changes
from build_hooks.render.data import render_data_page
from build_hooks.render.guide import PATH as GUIDE_PATH
from build_hooks.render.guide import render_guide
from build_hooks.render.history import NOT_SHOWN
from build_hooks.render.home import list_order, render_agency_index, render_landing, render_round_home
from build_hooks.render.indicators import render_round_indicators, render_trend_page, render_trends_index
from build_hooks.render.issued_report import render_issued_report
from build_hooks.render.letter import render_agency_page
from build_hooks.render.print_view import STYLESHEET as PRINT_STYLESHEET
from build_hooks.render.print_view import document_stylesheet, render_print
from build_hooks.render.projects import render_projects
from build_hooks.render.report import render_report
from build_hooks.render.status import Dates, render_status

NAV_AGENCY_LIMIT = 60
"""Above this many letters in a round, agency pages are reached from the round's
list instead of the navigation: Material renders the navigation into every page,
which makes a flat navigation of thousands of pages cost O(pages²) to build. Below it, the letters stand
in one navigation section per kind of agency (``AGENCY_GROUPS``): with ``navigation.prune`` a letter's
page renders its own kind's list only, a third of the cost of one list of all."""

DEMO_NOTICE = ('!!! warning "Dữ liệu minh họa"\n    Trang này dùng dữ liệu tạo tự động để minh họa, '
               'không phải báo cáo thật của cơ quan nào.\n\n')


def plan_pages(corpus: Corpus, directory_urls: bool = True, charts: bool = True, guide: bool = True,
               pdf: bool = True, histories: dict[str, LetterHistory] | None = None,
               today: _dt.date | None = None) -> list[Page]:
    """Every generated page, titled and placed in the navigation by the page table (``pages.kinds``).

    ``guide=False`` leaves out the guide for agencies (an archived snapshot is the report only).
    ``directory_urls`` is MkDocs' setting (links in generated HTML depend on it);
    ``charts=False`` leaves the SVG trend charts out (tables stay); ``pdf=False``: no links to the
    Sở's report as PDF (``plan_data_files`` then leaves it out).
    ``histories`` (by ``Submission.path``, from ``load.history``) adds each letter's history to
    its page and the received and last-changed dates to the status page; None: not shown.
    ``today`` (the build date): past a round's deadline, its status page links the reminder to the
    agencies that have not answered (``plan_data_files`` then publishes it); None: never.
    """
    letters = LetterRenderer()
    pages = [_page("landing", paths.LANDING, render_landing(corpus, guide))]
    by_year = rows_by_year(corpus)
    for rnd in corpus.rounds:
        subs = corpus.submissions.get(rnd.year, ())
        expected = set(rnd.expected)
        tab = (year_section(rnd.year),)
        report, printed, status, listed = Fragments(), Fragments(), Fragments(), Fragments()
        round_pages = [_page("round-home", paths.home(rnd.year), render_round_home(rnd, subs, pdf,
                                                                                 rnd.year in corpus.reports), tab)]
        if (issued := corpus.reports.get(rnd.year)) is not None:
            issued_frags = Fragments()
            round_pages.append(_page("issued-report", paths.issued_report(rnd.year),
                                     render_issued_report(rnd, corpus.registry.get(REPORT_ISSUER), issued,
                                                          issued_frags, letters, directory_urls),
                                     tab, issued_frags))
        round_pages += [
            _page("report", paths.report(rnd.year),
                  render_report(rnd, subs, corpus.registry, report, letters, pdf, directory_urls), tab, report),
            _page("print", paths.print_view(rnd.year),
                  render_print(corpus, rnd, printed, letters, pdf), None,
                  printed),
            _page("status", paths.status(rnd.year),
                  render_status(rnd, subs, corpus.registry, status, directory_urls, _dates(subs, histories),
                                reminder_site_path(rnd.year) if today and reminder_due(corpus, rnd.year, today)
                                else None), tab, status),
            _page("agencies", paths.agencies(rnd.year),
                  render_agency_index(rnd, subs, corpus.registry, listed, directory_urls), tab + (LETTERS_SECTION,),
                  listed),
        ]
        # In the navigation by kind of agency, then by name (Vietnamese order), as the round's list shows
        # them; above NAV_AGENCY_LIMIT, reached from the list only.
        in_nav = len(subs) <= NAV_AGENCY_LIMIT
        for agency, sub in sorted(((corpus.registry.get(s.agency), s) for s in subs), key=lambda p: list_order(p[0])):
            history = histories.get(sub.path) if histories is not None else NOT_SHOWN
            nav = tab + (LETTERS_SECTION, AGENCY_GROUPS[agency.group]) if in_nav else None
            round_pages.append(_letter_page(rnd, agency, sub, agency.id in expected, letters, history, nav,
                                            directory_urls))
        round_pages += _indicator_pages(corpus, rnd, by_year[rnd.year])
        if rnd.demo:  # letter pages carry it already (made once, see _letter_page)
            round_pages = [p if p.kind == "letter" else replace(p, content=DEMO_NOTICE + p.content)
                           for p in round_pages]
        pages += round_pages
    pages += _site_data_pages(corpus, by_year, charts, pdf)
    if any(r.demo for r in corpus.rounds):
        pages[0] = replace(pages[0], content=DEMO_NOTICE + pages[0].content)
    if corpus.rounds and guide:
        guide_frags = Fragments()  # placed by mkdocs.yml's own nav
        pages.append(_page("guide", GUIDE_PATH, render_guide(corpus, guide_frags), None, guide_frags))
    return pages


_LETTER_PAGES = Identity()


def _letter_page(rnd: Round, agency, sub, expected: bool, letters: LetterRenderer, history,
                 nav: tuple[str, ...] | None, directory_urls: bool) -> Page:
    """One agency's letter page; made once per distinct letter, round and registry entry (``memo``).

    Under ``mkdocs serve`` a rebuild after one edit remakes one letter page, not 2,000.
    """
    def make() -> Page:
        frags = Fragments()
        content = render_agency_page(rnd, agency, sub, expected, frags, letters, history, directory_urls)
        if rnd.demo:
            content = DEMO_NOTICE + content
        return _page("letter", paths.agency(rnd.year, agency.id), content, nav, frags, agency=agency.name)

    shown = history if history is NOT_SHOWN else repr(history)
    return _LETTER_PAGES.get((rnd, agency, sub), (expected, shown, nav, directory_urls), make)


def plan_letters_first(before: Corpus, pages: list[Page], corpus: Corpus, histories_before,
                       histories, directory_urls: bool = True) -> list[Page] | None:
    """``pages`` (the previous build's) with only the letters that changed made again; None if more changed.

    Under ``mkdocs serve --dirty`` an edit to one letter shows on that letter's page first; the
    consolidated report, the status and the data pages depend on every letter and follow in a
    second build (the adapter asks for it). Only an edit to the text of existing letters goes
    this way: a letter added, renamed or deleted, or a changed registry, round or history, and
    the whole site is planned at once. Unchanged files give back the same objects (``memo``),
    so "changed" is a matter of identity.
    """
    if before.registry is not corpus.registry or len(before.rounds) != len(corpus.rounds) \
            or any(a is not b for a, b in zip(before.rounds, corpus.rounds, strict=True)) \
            or histories_before != histories:
        return None
    changed = {}
    for rnd in corpus.rounds:
        old = {s.agency: s for s in before.submissions.get(rnd.year, ())}
        new = {s.agency: s for s in corpus.submissions.get(rnd.year, ())}
        if old.keys() != new.keys():
            return None
        for agency_id, sub in new.items():
            if sub is not old[agency_id]:
                changed[paths.agency(rnd.year, agency_id)] = (rnd, sub)
    if not changed:
        return None
    out = []
    for page in pages:
        if page.path in changed:
            rnd, sub = changed[page.path]
            history = histories.get(sub.path) if histories is not None else NOT_SHOWN
            page = _letter_page(rnd, corpus.registry.get(sub.agency), sub, sub.agency in rnd.expected,
                                LetterRenderer(), history, page.nav, directory_urls)
        out.append(page)
    return out


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


def _page(kind: str, path: str, content: str, nav: tuple[str, ...] | None = (), frags: Fragments | None = None,
          **params) -> Page:
    if frags is None:
        return Page(path, kind, nav_title(kind, **params), content, nav)
    return Page(path, kind, nav_title(kind, **params), content, nav, frags.html, tuple(frags.toc))


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
        frags = Fragments()
        pages.append(_page("trend", paths.trend(indicator_id), render_trend_page(indicator_id, mine, frags, charts),
                           (TRENDS_SECTION,), frags, indicator=names.get(indicator_id, mine[0].name)))
    pages.append(_page("data", paths.DATA, render_data_page(corpus, pdf)))
    if any(r.demo for r in corpus.rounds):
        pages = [replace(p, content=DEMO_NOTICE + p.content) for p in pages]
    return pages


def plan_data_files(corpus: Corpus, pdf: bool = True, today: _dt.date | None = None) -> list[DataFile]:
    """The open-data files of every round, the JSON schemas, the zip of them all, and the Sở's report files.

    The report's DOCX and PDF (``pdf=False`` leaves the PDF out) are not in the zip: it holds data.
    """
    by_year = rows_by_year(corpus)
    files: list[DataFile] = []
    for rnd in corpus.rounds:
        subs = corpus.submissions.get(rnd.year, ())
        files += round_files(rnd, subs, corpus, by_year[rnd.year], merge_projects(subs, corpus.registry))
    files += schema_files()
    reminders = [DataFile(reminder_site_path(r.year), export_bytes(reminder_document(corpus, r.year), "docx"))
                 for r in corpus.rounds if today and reminder_due(corpus, r.year, today)]
    return files + [site_zip(files)] + document_files(corpus, pdf) + reminders + [
        DataFile(PRINT_STYLESHEET, document_stylesheet())] + original_files(corpus) + word_skeletons(corpus)


def word_skeletons(corpus: Corpus) -> list[DataFile]:
    """The Word skeleton of every agency asked to answer in the newest round, offered by the guide page."""
    from build_hooks.publish.skeleton_docx import skeletons_docx

    if not corpus.rounds:
        return []
    rnd = corpus.rounds[0]
    agencies = [a for a in (corpus.registry.get(i) for i in rnd.expected) if a is not None]
    return [DataFile(paths.word_skeleton(rnd.year, i), data) for i, data in skeletons_docx(agencies, rnd).items()]


def original_files(corpus: Corpus) -> list[DataFile]:
    """Each kept original as received (the loader checked its SHA-256), published beside its letter page."""
    return [DataFile(paths.original(year, s.original.name), Path(s.original.disk).read_bytes())
            for year, subs in sorted(corpus.submissions.items()) for s in subs
            if s.original is not None and s.original.disk]


def plan_data_paths(corpus: Corpus, pdf: bool = True, today: _dt.date | None = None) -> list[str]:
    """Where ``plan_data_files`` puts its files, without making them (a test holds the two equal).

    ``mkdocs serve --dirty`` needs the paths at once, for the pages' links, and the bytes only later:
    the downloads are written after the pages (``publish.background``).
    """
    out = [paths.data_file(r.year, name) for r in corpus.rounds for name in (*ROUND_FILES, workbook_name(r.year))]
    out += [paths.schema_file(name) for name in SCHEMA_FILES] + [ZIP_PATH]
    out += [site_path(r.year, fmt) for r in corpus.rounds for fmt in (FORMATS if pdf else ("docx",))]
    out += [reminder_site_path(r.year) for r in corpus.rounds if today and reminder_due(corpus, r.year, today)]
    out += [PRINT_STYLESHEET]
    out += [paths.original(year, s.original.name) for year, subs in sorted(corpus.submissions.items())
            for s in subs if s.original is not None and s.original.disk]
    newest = corpus.rounds[0] if corpus.rounds else None
    return out + ([paths.word_skeleton(newest.year, i) for i in newest.expected if corpus.registry.get(i) is not None]
                  if newest is not None else [])


def _newest_names(corpus: Corpus) -> dict[str, str]:
    """Each indicator's name in the newest round that has it: what its trend page is called."""
    seen: dict[str, str] = {}
    for rnd in corpus.rounds:  # newest first
        for indicator in rnd.indicators:
            seen.setdefault(indicator.id, indicator.name)
    return seen
