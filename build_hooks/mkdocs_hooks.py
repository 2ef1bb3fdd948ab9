"""The MkDocs adapter: with ``mkdocs_serve``, the only code that imports MkDocs.

It translates MkDocs events into calls to the pure core and back:

* ``on_config``: read the build's options (``settings.BuildOptions``), load and
  check ``submissions/``; stop the build with every located problem if any is an
  error (before the site directory is touched); read each letter's history from
  git (``load.history``); plan the pages and put them into the navigation.
* ``on_files``: add the generated pages as virtual files (``File.generated``);
  nothing is written into ``docs/``.
* ``on_page_content``: put back the HTML fragments the core rendered itself
  (letter text, big tables) in place of their placeholders, their headings in the
  table of contents and their anchors where MkDocs validates links.
* ``on_page_context``: the fragments kept from the search index, after it.
* ``on_post_build``: title the search index's letter entries by agency, section
  and year (``site.search_index.annotate_index``) before Material writes the index
  (once, in UTF-8) and its offline plugin copies it into ``search_index.js``.
* ``on_serve``: watch the submissions folder.

Under ``mkdocs serve --dirty`` (the README's serve command) each event also hands
``mkdocs_serve`` what it needs to rebuild only what changed.

With ``REPORT_ARCHIVE`` set (``python -m build_hooks snapshot``) the build is an
archived snapshot: one round, no hand-written guide pages, the archive banner.

State lives in ``_STATE``, a ``BuildState`` replaced in ``on_config``, because
``mkdocs serve`` keeps this module loaded between rebuilds.
"""
from __future__ import annotations

import datetime as _dt
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
from mkdocs.utils import write_file  # noqa: E402

from build_hooks.aggregate.indicators import corpus_conflicts  # noqa: E402
from build_hooks.corpus.tree import load_corpus  # noqa: E402
from build_hooks.domain.problems import has_errors  # noqa: E402
from build_hooks.letter_text.convert import save_converted  # noqa: E402
from build_hooks.load.history import corpus_histories  # noqa: E402
from build_hooks.mkdocs_serve import GeneratedPage, Serve  # noqa: E402
from build_hooks.pages import paths  # noqa: E402
from build_hooks.pages.fragments import PERMALINK_TITLE, anchor_ids, finish, substitute  # noqa: E402
from build_hooks.pages.kinds import Page  # noqa: E402
from build_hooks.publish.opendata import DataFile  # noqa: E402
from build_hooks.settings import OFFLINE_ENV, TEMPLATE_CACHE, BuildOptions, cache_dir  # noqa: E402
from build_hooks.site.page_meta import page_meta, with_front_matter  # noqa: E402
from build_hooks.site.plan import plan_data_files, plan_data_paths, plan_nav, plan_pages  # noqa: E402
from build_hooks.site.search_index import (  # noqa: E402
    YEAR_INDEX,
    LetterContext,
    annotate_index,
    letter_contexts,
    space_between_blocks,
    split_by_year,
)

log = logging.getLogger("mkdocs.hooks.report")


@dataclass
class BuildState:
    """What one build carries from event to event; replaced in ``on_config``, because ``mkdocs serve``
    keeps this module (and so any module-level value) alive between rebuilds."""

    options: BuildOptions | None = None
    """What the environment asked of this build (``settings.BuildOptions``)."""
    pages: list[Page] = field(default_factory=list)
    """The generated pages, planned in ``on_config`` (the navigation is made from them)."""
    data_files: list[DataFile] = field(default_factory=list)
    """The open-data files published beside the pages."""
    by_path: dict[str, Page] = field(default_factory=dict)
    """Page path -> generated page, whose fragments ``on_page_content`` puts back."""
    search_contexts: dict[str, LetterContext] = field(default_factory=dict)
    """Page URL -> agency, year and sections of a letter, to title its search hits."""


_STATE = BuildState()
_SERVE = Serve()


def on_startup(command, dirty):
    """``mkdocs serve --dirty``: rebuild only what changed (``mkdocs_serve``)."""
    global _SERVE
    _SERVE.downloads.stop()
    _SERVE = Serve.start(command, dirty)


def on_config(config):
    """Load and check the submissions; stop before the site directory is touched if anything is wrong.

    Then plan every page and set the navigation from the page table.
    """
    global _STATE
    _STATE = BuildState()
    # Headings the core writes as HTML carry the same ¶ link as those Python-Markdown writes.
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = PERMALINK_TITLE
    root = Path(config.config_file_path).parent
    options, problems = BuildOptions.from_environ(os.environ, root)
    _stop_on(problems, "các biến môi trường của bản dựng", strict=config.strict)
    corpus, problems = load_corpus(options.source, base=root, today=options.today, stored=not _SERVE.incremental)
    if corpus is not None and not has_errors(problems):
        # Agencies that disagree on a figure: a warning naming both files, so `--strict` fails
        # until the Sở reconciles the figures or acknowledges them in the round file.
        problems = problems + list(corpus_conflicts(corpus))
    _stop_on(problems, f"dữ liệu báo cáo ({options.source})", strict=config.strict, failed=corpus is None)
    if options.archive is not None:
        corpus = _archive_config(config, corpus, options.archive)
    today = options.today or _dt.date.today()  # past a deadline, the status page links the reminder
    histories = corpus_histories(corpus, options.source, root)  # unavailable (said on the pages) outside git or shallow
    if skipped := sorted({c for h in histories.values() for c in h.skipped}):  # said, never a failed build
        log.info("Bỏ qua %d mục không đọc được trong lịch sử git: %s", len(skipped), ", ".join(skipped))
    pages = _SERVE.letters_first(corpus, histories, config.use_directory_urls)
    letters_first = pages is not None
    if letters_first:  # same pages, same navigation: the 404 page and the sitemap would come out unchanged
        config.theme.static_templates.clear()
    else:
        pages = plan_pages(corpus, config.use_directory_urls, charts=options.charts, guide=options.archive is None,
                           pdf=options.pdf, histories=histories, today=today)
    if _SERVE.incremental:  # the pages first; the downloads after them, in another process
        _SERVE.planned(corpus, pages, histories, lambda: plan_data_files(corpus, pdf=options.pdf, today=today),
                       letters_first)
        data_files = [DataFile(path, b"") for path in plan_data_paths(corpus, pdf=options.pdf, today=today)]
    else:
        data_files = plan_data_files(corpus, pdf=options.pdf, today=today)
    _STATE = BuildState(options, pages, data_files, {p.path: p for p in pages})
    contexts = letter_contexts(corpus)
    _STATE.search_contexts = {paths.page_url(path, config.use_directory_urls): context
                              for path, context in contexts.items()}
    config.nav = plan_nav(pages, None if options.archive else config.nav)
    config.extra["demo"] = any(r.demo for r in corpus.rounds)
    # One search index per round as well, when there are several (not in a snapshot: one round, file://);
    # newest first, as the home page searches the newest round (overrides/main.html).
    several = len(corpus.rounds) > 1 and not options.archive
    config.extra["search_indexes"] = {str(r.year): YEAR_INDEX.format(year=r.year)
                                      for r in corpus.rounds} if several else {}
    return config


def _stop_on(problems, what: str, strict: bool, failed: bool = False) -> None:
    """Log every problem; stop the build on an error (or, under ``--strict``, on a warning) before the
    site directory is touched: MkDocs' strict mode would abort only after writing the site."""
    for problem in problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    errors = sum(p.is_error for p in problems)
    if errors or failed:
        raise PluginError(f"{errors} lỗi trong {what}; không tạo trang web. Sửa các lỗi nêu trên rồi chạy lại.")
    if strict and problems:
        raise PluginError(f"{len(problems)} cảnh báo trong {what} ở chế độ --strict; "
                          "không tạo trang web. Sửa các cảnh báo nêu trên rồi chạy lại.")


def _archive_config(config, corpus, archive):
    offline = config.plugins.get("material/offline")
    if offline is None or not offline.config.enabled:
        raise PluginError(f"Bản lưu trữ cần plugin offline: đặt {OFFLINE_ENV}=true "
                          "(python -m build_hooks snapshot làm việc này).")
    reduced = corpus.only_round(archive.year)
    if reduced is None:
        raise PluginError(f"Không có đợt báo cáo năm {archive.year} để lưu trữ.")
    config.extra["archive"] = archive.template_data()
    return reduced


def on_files(files, config):
    """Add the generated pages and data files as virtual files (nothing is written into ``docs/``)."""
    if _STATE.options.archive is not None:  # the snapshot holds the round's report, not the guide for agencies
        for file in list(files.documentation_pages()):
            files.remove(file)
    in_nav = set(_nav_paths(config.nav))
    written = tuple(sorted(f.src_uri for f in files.documentation_pages()))
    generated: dict[str, File] = {}
    for page in _STATE.pages:
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} trùng với một trang được tạo tự động; hãy xóa hoặc đổi tên tệp đó.")
        content = with_front_matter(page_meta(page.path), page.content)
        file = GeneratedPage.generated(config, page.path, content=content)
        if page.path not in in_nav:  # left out on purpose (letters of a large round, the print view)
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
        generated[page.path] = file
    for data in _STATE.data_files:
        kind = _SERVE.file_kind() if _SERVE.incremental else File
        files.append(file := kind.generated(config, data.path, content=data.content))
        generated[data.path] = file
    if _SERVE.incremental:
        _SERVE.plan_rebuild(config, written, _STATE.pages, generated)
    return files


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
    if _SERVE.incremental:
        _SERVE.remember_order(files)
    return env


@event_priority(-50)  # after the search plugin (0) has indexed the page
def on_page_context(context, page, config, nav):
    """Put in the fragments the search index must not see; under ``serve --dirty``, remember the page."""
    planned = _STATE.by_path.get(page.file.src_uri)
    if planned is not None and planned.fragments:
        page.content = finish(page.content, planned.fragments, space_between_blocks)
    if _SERVE.incremental:
        _SERVE.rendered(page.url)
    return context


def on_page_content(html, page, config, files):
    """Put back the HTML fragments the core rendered itself in place of their placeholders, their
    headings in the table of contents, and their anchors where MkDocs validates links to anchors."""
    planned = _STATE.by_path.get(page.file.src_uri)
    if planned is None:
        return html
    if planned.toc:
        page.toc = with_headings(page.toc, planned.toc, config.mdx_configs.get("toc", {}).get("toc_depth", 6))
    if page.present_anchor_ids is not None:  # MkDocs read only the Markdown's; the fragments' come after it
        page.present_anchor_ids |= anchor_ids(planned.fragments)
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

    Letter entries are titled by agency, section and year (``site.search_index.annotate_index``), and
    the index is written as UTF-8 rather than Material's ``\\uXXXX`` escapes: a third smaller, and
    ``search_index.js`` is read as the page's UTF-8. Material's offline plugin (-100) copies it.
    Under ``serve --dirty`` this build's pages are merged into the previous index (``mkdocs_serve``).
    """
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is None:
        return
    if _SERVE.incremental and (unchanged := _SERVE.merge_index(index, search)) is not None:
        # The second build follows at once and writes the index; this one rewrites the last one as it was.
        index.generate_search_index = lambda _previous: unchanged
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
def _after_pages(config):
    """Keep this build's converted letter text in the build cache (``letter_text.convert.save_converted``);
    under ``serve --dirty``, start the downloads' writer (``mkdocs_serve``)."""
    if _SERVE.incremental:
        _SERVE.after_build(config.site_dir)
    save_converted()


on_post_build = CombinedEvent(_prepare_search_index, _after_pages)


def on_shutdown():
    """Stop a download writer still at work when ``mkdocs serve`` ends."""
    _SERVE.downloads.stop()


def on_serve(server, config, builder):
    """Watch the submissions tree (it may lie outside the project: ``REPORT_SUBMISSIONS``)."""
    _SERVE.serving(server, _STATE.options.source if _STATE.options else None)
    return server
