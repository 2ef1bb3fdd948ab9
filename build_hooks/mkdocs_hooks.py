"""The MkDocs adapter: the only module that imports MkDocs.

It translates MkDocs events into calls to the pure core and back:

* ``on_config``: load and check ``submissions/``; stop the build with every
  located problem if any is an error (before the site directory is touched);
  read each letter's history from git (``load.history``); put the generated
  pages into the navigation.
* ``on_files``: add the generated pages as virtual files (``File.generated``);
  nothing is written into ``docs/``.
* ``on_page_content``: put back the HTML fragments the core rendered itself
  (letter text, big tables) in place of their placeholders.
* ``on_serve``: watch the submissions folder when it lies outside the project.
* ``on_post_build``: title the search index's letter entries by agency, section
  and year (``search.annotate_index``) before Material writes the index (once, in
  UTF-8) and its offline plugin copies it into ``search_index.js``.

Under ``mkdocs serve --dirty`` (the README's serve command) a rebuild redoes only
what changed, as ``site.incremental`` decides: generated pages whose content
changed, everything when the navigation or the configuration changed; pages that
are gone are deleted, the search index is merged page by page, and the downloads
are written after the pages by a separate process (``publish.background``).

With ``REPORT_ARCHIVE`` set (``python -m build_hooks snapshot``) the build is an
archived snapshot: one round, no hand-written guide pages, the archive banner.

State lives in ``_STATE``, a ``BuildState`` replaced in ``on_config``, because
``mkdocs serve`` keeps this module loaded between rebuilds.
"""
from __future__ import annotations

import datetime
import html
import json
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:  # MkDocs imports hooks by path; make the package importable.
    sys.path.insert(0, str(_ROOT))

import jinja2  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import CombinedEvent, event_priority  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402
from mkdocs.structure.toc import AnchorLink, TableOfContents  # noqa: E402
from mkdocs.utils import clean_directory, write_file  # noqa: E402

from build_hooks.aggregate.indicators import corpus_conflicts  # noqa: E402
from build_hooks.domain.problems import has_errors  # noqa: E402
from build_hooks.load.corpus import load_corpus  # noqa: E402
from build_hooks.load.history import corpus_histories  # noqa: E402
from build_hooks.memo import Identity  # noqa: E402
from build_hooks.publish.background import Downloads  # noqa: E402
from build_hooks.publish.opendata import DataFile  # noqa: E402
from build_hooks.publish.snapshot_mode import SnapshotMode, only_round  # noqa: E402
from build_hooks.render.fragments import PERMALINK_TITLE, finish, substitute  # noqa: E402
from build_hooks.render.letter_html import save_converted  # noqa: E402
from build_hooks.settings import (  # noqa: E402
    ARCHIVE_ENV,
    CHARTS_ENV,
    OFFLINE_ENV,
    PDF_ENV,
    SUBMISSIONS_ENV,
    TEMPLATE_CACHE,
    TODAY_ENV,
    cache_dir,
)
from build_hooks.site import paths  # noqa: E402
from build_hooks.site.incremental import (  # noqa: E402
    Built,
    Rebuild,
    Shape,
    digest,
    flatten,
    merge_entries,
    plan_rebuild,
)
from build_hooks.site.page_meta import page_meta, with_front_matter  # noqa: E402
from build_hooks.site.pages import Page  # noqa: E402
from build_hooks.site.plan import (  # noqa: E402
    plan_data_files,
    plan_data_paths,
    plan_letters_first,
    plan_nav,
    plan_pages,
)
from build_hooks.site.search_index import (  # noqa: E402
    YEAR_INDEX,
    LetterContext,
    annotate_index,
    letter_contexts,
    space_between_blocks,
    split_by_year,
)

log = logging.getLogger("mkdocs.hooks.report")

WATCH_INTERVAL = 0.2
"""Seconds between two looks at the submissions tree under ``mkdocs serve --dirty`` (MkDocs: 0.5)."""


@dataclass
class BuildState:
    """What one build carries from event to event; replaced in ``on_config``, because ``mkdocs serve``
    keeps this module (and so any module-level value) alive between rebuilds."""

    source: Path | None = None
    """The submissions tree being built."""
    archive: SnapshotMode | None = None
    """Set when the build is an archived snapshot of one round."""
    pages: list[Page] = field(default_factory=list)
    """The generated pages, planned in ``on_config`` (the navigation is made from them)."""
    data_files: list[DataFile] = field(default_factory=list)
    """The open-data files published beside the pages."""
    by_path: dict[str, Page] = field(default_factory=dict)
    """Page path -> generated page, whose fragments ``on_page_content`` puts back."""
    search_contexts: dict[str, LetterContext] = field(default_factory=dict)
    """Page URL -> agency, year and sections of a letter, to title its search hits."""
    make_data: object = None
    """Under ``serve --dirty``: makes the data files, after the pages (``data_files`` holds their paths only)."""
    rebuild: Rebuild | None = None
    """Under ``serve --dirty``: what this build redoes."""
    built: Built | None = None
    """Under ``serve --dirty``: what this build leaves, for the next one to compare with."""
    rendered: set[str] = field(default_factory=set)
    """Under ``serve --dirty``: URLs of the pages rendered by this build."""
    letters_first: bool = False
    """Under ``serve --dirty``: this build renders only edited letters; a second build follows at once."""


@dataclass(frozen=True)
class Planned:
    """What the previous build was planned from, for ``plan_letters_first``."""

    corpus: object
    pages: list[Page]
    histories: object


@dataclass
class ServeState:
    """What lives from one build to the next under ``mkdocs serve`` (set in ``on_startup``)."""

    incremental: bool = False
    """``mkdocs serve --dirty``: rebuild only what changed."""
    built: Built | None = None
    last: Planned | None = None
    downloads: Downloads = field(default_factory=Downloads)
    server: object = None
    """MkDocs' live-reload server, to ask it for the second build after a letters-first one."""
    index_text: str | None = None
    """The search index the last build wrote (a letters-first build writes it again unchanged)."""


_STATE = BuildState()
_SERVE = ServeState()
_DIGESTS = Identity()
"""Digest of each generated page, by the page object (a letter's is the same object until it changes)."""


class _GeneratedPage(File):
    """A generated page; under ``serve --dirty`` rendered again only when ``site.incremental`` says so."""

    rebuild = True

    def is_modified(self) -> bool:
        return self.rebuild


class _LaterFile(File):
    """A download whose bytes ``publish.background`` writes after the pages: MkDocs never writes it."""

    def is_modified(self) -> bool:
        return False


class _DirtyNotice(logging.Filter):
    """MkDocs warns that ``--dirty`` gives stale navigation; the hooks make it rebuild what changed."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def on_startup(command, dirty):
    """``mkdocs serve --dirty``: rebuild only what changed (see ``site.incremental``)."""
    global _SERVE
    _SERVE.downloads.stop()
    _SERVE = ServeState(incremental=command == "serve" and dirty)
    if _SERVE.incremental:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())



def build_date() -> datetime.date | None:
    """The date ``REPORT_TODAY`` fixes for the date rules, or None for the real today."""
    value = os.environ.get(TODAY_ENV)
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        raise PluginError(f"{TODAY_ENV}={value!r} không phải ngày yyyy-mm-dd.") from None


def submissions_dir(config) -> Path:
    """The submissions tree to build: ``REPORT_SUBMISSIONS`` or the repository's own."""
    root = Path(config.config_file_path).parent
    return Path(os.environ.get(SUBMISSIONS_ENV) or root / "submissions").resolve()


def on_config(config):
    """Load and check the submissions; stop before the site directory is touched if anything is wrong.

    Then plan every page and set the navigation from the page table.
    """
    global _STATE
    _STATE = BuildState()
    # Headings the core writes as HTML carry the same ¶ link as those Python-Markdown writes.
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = PERMALINK_TITLE
    root = Path(config.config_file_path).parent
    source = submissions_dir(config)
    corpus, problems = load_corpus(source, base=root, today=build_date(), stored=not _SERVE.incremental)
    if corpus is not None and not has_errors(problems):
        # Agencies that disagree on a figure: a warning naming both files, so `--strict` fails
        # until the Sở reconciles the figures or acknowledges them in the round file.
        problems = problems + list(corpus_conflicts(corpus))
    for problem in problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    errors = sum(p.is_error for p in problems)
    if errors or corpus is None:
        raise PluginError(f"{errors} lỗi trong dữ liệu báo cáo ({source}); không tạo trang web. "
                          "Sửa các lỗi nêu trên rồi chạy lại.")
    if config.strict and problems:  # MkDocs' strict mode would abort only after writing the site
        raise PluginError(f"{len(problems)} cảnh báo trong dữ liệu báo cáo ({source}) ở chế độ --strict; "
                          "không tạo trang web. Sửa các cảnh báo nêu trên rồi chạy lại.")
    archive = SnapshotMode.from_json(os.environ[ARCHIVE_ENV]) if os.environ.get(ARCHIVE_ENV) else None
    if archive is not None:
        corpus = _archive_config(config, corpus, archive)
    histories = corpus_histories(corpus, source, root)  # unavailable (said on the pages) outside git or shallow
    charts = os.environ.get(CHARTS_ENV, "1") != "0"
    pdf = os.environ.get(PDF_ENV, "1") != "0"
    last = _SERVE.last
    pages = None
    if _SERVE.incremental and last is not None and _can_request_rebuild(_SERVE.server):
        # an edited letter first, the pages made from all letters in a second build
        pages = plan_letters_first(last.corpus, last.pages, corpus, last.histories, histories,
                                   config.use_directory_urls)
    letters_first = pages is not None
    if letters_first:  # same pages, same navigation: the 404 page and the sitemap would come out unchanged
        config.theme.static_templates.clear()
    if pages is None:
        pages = plan_pages(corpus, config.use_directory_urls, charts=charts, guide=archive is None, pdf=pdf,
                           histories=histories)
    if _SERVE.incremental:  # the pages first; the downloads after them, in another process
        _SERVE.downloads.stop()
        _SERVE.last = Planned(corpus, pages, histories)
        data_files = [DataFile(path, b"") for path in plan_data_paths(corpus, pdf=pdf)]
        _STATE = BuildState(source, archive, pages, data_files, {p.path: p for p in pages},
                            make_data=None if letters_first else lambda: plan_data_files(corpus, pdf=pdf),
                            letters_first=letters_first)
    else:
        _STATE = BuildState(source, archive, pages, plan_data_files(corpus, pdf=pdf),
                            {p.path: p for p in pages})
    contexts = letter_contexts(corpus)
    _STATE.search_contexts = {paths.page_url(path, config.use_directory_urls): context
                              for path, context in contexts.items()}
    config.nav = plan_nav(pages, None if archive else config.nav)
    config.extra["demo"] = any(r.demo for r in corpus.rounds)
    # One search index per round as well, when there are several (not in a snapshot: one round, file://);
    # newest first, as the home page searches the newest round (overrides/main.html).
    several = len(corpus.rounds) > 1 and not archive
    config.extra["search_indexes"] = {str(r.year): YEAR_INDEX.format(year=r.year)
                                      for r in corpus.rounds} if several else {}
    return config


def _archive_config(config, corpus, archive: SnapshotMode):
    offline = config.plugins.get("material/offline")
    if offline is None or not offline.config.enabled:
        raise PluginError(f"Bản lưu trữ cần plugin offline: đặt {OFFLINE_ENV}=true "
                          "(python -m build_hooks snapshot làm việc này).")
    reduced = only_round(corpus, archive.year)
    if reduced is None:
        raise PluginError(f"Không có đợt báo cáo năm {archive.year} để lưu trữ.")
    config.extra["archive"] = archive.template_data()
    return reduced


def on_files(files, config):
    """Add the generated pages and data files as virtual files (nothing is written into ``docs/``)."""
    if _STATE.archive is not None:  # the snapshot holds the round's report, not the guide for agencies
        for file in list(files.documentation_pages()):
            files.remove(file)
    in_nav = set(_nav_paths(config.nav))
    written = tuple(sorted(f.src_uri for f in files.documentation_pages()))
    generated: dict[str, File] = {}
    for page in _STATE.pages:
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} trùng với một trang được tạo tự động; hãy xóa hoặc đổi tên tệp đó.")
        content = with_front_matter(page_meta(page.path), page.content)
        file = _GeneratedPage.generated(config, page.path, content=content)
        if page.path not in in_nav:  # left out on purpose (letters of a large round, the print view)
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
        generated[page.path] = file
    for data in _STATE.data_files:
        kind = _LaterFile if _SERVE.incremental else File
        files.append(file := kind.generated(config, data.path, content=data.content))
        generated[data.path] = file
    if _SERVE.incremental:
        _plan_rebuild(config, written, generated)
    return files


def _plan_rebuild(config, written: tuple[str, ...], generated: dict[str, File]) -> None:
    """Under ``serve --dirty``: mark the pages to render again, delete what is gone (``site.incremental``)."""
    settings = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
    shape = Shape(digest(config.nav), digest(settings, dict(config.extra), config.use_directory_urls), written)
    pages = {p.path: _DIGESTS.get((p,), (), lambda p=p: digest(p.content, p.fragments, page_meta(p.path)))
             for p in _STATE.pages}
    outputs = {path: file.dest_uri for path, file in generated.items()}
    rebuild = plan_rebuild(_SERVE.built, shape, pages, outputs)
    if rebuild.clean and _SERVE.built is not None:  # the navigation is in every page: start afresh
        clean_directory(config.site_dir)
    for dest in rebuild.removed:
        _remove_output(Path(config.site_dir), dest)
    for path, file in generated.items():
        if isinstance(file, _GeneratedPage):
            file.rebuild = path in rebuild.changed
    _STATE.rebuild = rebuild
    _STATE.built = Built(shape, pages, outputs)
    if rebuild.clean:
        log.info("Dựng lại toàn bộ %d trang được tạo; xóa %d tệp không còn.", len(pages), len(rebuild.removed))
    else:
        log.info("Dựng lại %d/%d trang được tạo; xóa %d tệp không còn.", len(rebuild.changed), len(pages),
                 len(rebuild.removed))


def _remove_output(site: Path, dest: str) -> None:
    """Delete a gone page's or file's output, and its folders once empty."""
    target = site / dest
    target.unlink(missing_ok=True)
    for folder in target.parents:
        if folder == site or not folder.is_relative_to(site):
            break
        try:
            folder.rmdir()
        except OSError:
            break


def _nav_paths(nav) -> list[str]:
    """Every page path named in a navigation in ``mkdocs.yml`` form."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_paths(value)]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_paths(item)]
    return []


def _template_cache() -> Path | None:
    """The folder for Jinja's compiled templates, or None where the build cache cannot be written."""
    folder = cache_dir(TEMPLATE_CACHE)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def on_env(env, config, files):
    """Give Jinja a bytecode cache; under ``serve --dirty``, remember every page in build order (the index's)."""
    if (templates := _template_cache()) is not None:  # a read-only checkout still builds, only slower
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(templates))
    if _SERVE.incremental and _STATE.built is not None:
        # page.url, as the index writes locations (the home page's file.url is ./, its page.url empty)
        _STATE.built.order = [f.page.url if f.page is not None else f.url for f in files.documentation_pages()]
    return env


@event_priority(-50)  # after the search plugin (0) has indexed the page
def on_page_context(context, page, config, nav):
    """Put in the fragments the search index must not see; under ``serve --dirty``, remember the page."""
    planned = _STATE.by_path.get(page.file.src_uri)
    if planned is not None and planned.fragments:
        page.content = finish(page.content, planned.fragments, space_between_blocks)
    if _SERVE.incremental:
        _STATE.rendered.add(page.url)
    return context


def on_page_content(html, page, config, files):
    """Put back the HTML fragments the core rendered itself in place of their placeholders, and their
    headings in the table of contents."""
    planned = _STATE.by_path.get(page.file.src_uri)
    if planned is None:
        return html
    if planned.toc:
        page.toc = with_headings(page.toc, planned.toc, config.mdx_configs.get("toc", {}).get("toc_depth", 6))
    return space_between_blocks(substitute(html, planned.fragments))


def with_headings(toc: TableOfContents, entries, depth) -> TableOfContents:
    """``toc`` (what Markdown made) followed by ``entries`` (``TocEntry``, from fragments), nested
    by level as Python-Markdown nests its own and cut at its ``toc_depth`` (6 or "2-4")."""
    top, _, bottom = str(depth).rpartition("-")
    top, bottom = int(top or 1), int(bottom)
    flat: list[AnchorLink] = []

    def walk(items):
        for item in items:
            flat.append(AnchorLink(item.title, item.id, item.level))
            walk(item.children)
    walk(toc)
    flat += [AnchorLink(html.escape(e.title, quote=False), e.anchor, e.level) for e in entries
             if top <= e.level <= bottom]
    roots: list[AnchorLink] = []
    stack: list[AnchorLink] = []
    for item in flat:
        while stack and stack[-1].level >= item.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    if roots:
        roots[0].active = True  # as mkdocs.structure.toc.get_toc marks it
    return TableOfContents(roots)


@event_priority(50)  # before the search plugin writes the index (0)
def _prepare_search_index(config):
    """Have the search plugin write the index once, whole, titled and in UTF-8.

    Under ``serve --dirty`` this build's pages are merged into the previous index page by page
    (Material's own merge keeps one rebuilt page's entries and never drops a deleted page's).
    Letter entries are titled by agency, section and year (``search.annotate_index``), and the
    index is written as UTF-8 rather than Material's ``\\uXXXX`` escapes: a third smaller, and
    ``search_index.js`` is read as the page's UTF-8. Material's offline plugin (-100) copies it.
    """
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is None:
        return
    if _SERVE.incremental and _STATE.built is not None:
        before = _SERVE.built.entries if _SERVE.built is not None and not _STATE.rebuild.clean else {}
        _STATE.built.entries = merge_entries(before, index.entries, _STATE.rendered, _STATE.built.order)
        index.entries = flatten(_STATE.built.entries)
        search.search_index_prev = None
        _SERVE.built = _STATE.built
    if _STATE.letters_first and _SERVE.index_text is not None:
        # The second build follows at once and writes the index; this one rewrites the last one as it was.
        text = _SERVE.index_text
        index.generate_search_index = lambda _previous: text
        return
    settings = {key: index.config[key] for key in SEARCH_SETTINGS}
    annotated = annotate_index({"config": settings, "docs": index.entries}, _STATE.search_contexts)
    text = json.dumps(annotated, ensure_ascii=False, separators=(",", ":"), default=str)
    index.generate_search_index = lambda _previous: text  # this build's index object only
    if _SERVE.incremental:
        _SERVE.index_text = text
    for year, part in split_by_year(annotated, [int(y) for y in config.extra.get("search_indexes") or {}]).items():
        write_file(json.dumps(part, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8"),
                   str(Path(config.site_dir) / YEAR_INDEX.format(year=year)))


SEARCH_SETTINGS = ("lang", "separator", "pipeline", "fields")
"""What Material's search plugin writes as the index's ``config`` (``SearchIndex.generate_search_index``)."""


@event_priority(-200)  # last: the pages and the index are written
def _write_downloads(config):
    """Under ``serve --dirty``: make and write the downloads in another process, now that the pages are there.

    After a letters-first build, ask for the second build at once: the report, status and data pages.
    Every build keeps its converted letter text in the build cache (``letter_html.save_converted``).
    """
    if _SERVE.incremental and _STATE.make_data is not None and _STATE.built is not None:
        outputs = dict(_STATE.built.outputs)
        _SERVE.downloads.start(_STATE.make_data, config.site_dir, outputs.__getitem__)
    if _STATE.letters_first and _SERVE.server is not None:
        _request_rebuild(_SERVE.server)
    save_converted()


def _can_request_rebuild(server) -> bool:
    """Whether this MkDocs' live-reload server can be asked for a second build (MkDocs 1.6's internals).

    If a later MkDocs renames them, letters-first is simply not used: every rebuild plans the whole site.
    """
    return hasattr(server, "_rebuild_cond") and hasattr(server, "_want_rebuild")


def _request_rebuild(server) -> None:
    """Tell MkDocs' live-reload server to build again, as its file watcher does on a change."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


on_post_build = CombinedEvent(_prepare_search_index, _write_downloads)


def on_shutdown():
    """Stop a download writer still at work when ``mkdocs serve`` ends."""
    _SERVE.downloads.stop()


def on_serve(server, config, builder):
    """Watch the submissions tree when it lies outside the project (``REPORT_SUBMISSIONS``)."""
    _SERVE.server = server
    if _SERVE.incremental:
        # MkDocs' watcher polls every 0.5 s, half the budget of a preview; a rebuild costs a fraction of
        # that now. Watches scheduled from here on (submissions/, the ``watch:`` list) poll every 0.2 s.
        server.observer._timeout = WATCH_INTERVAL
    if _STATE.source is not None:
        server.watch(str(_STATE.source))
    return server
