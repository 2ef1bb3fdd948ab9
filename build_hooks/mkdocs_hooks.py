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
  and year (``search.annotate_index``), after Material writes the index and
  before its offline plugin copies it into ``search_index.js``.

With ``REPORT_ARCHIVE`` set (``python -m build_hooks snapshot``) the build is an
archived snapshot: one round, no hand-written guide pages, the archive banner.

State lives in ``_STATE``, a ``BuildState`` replaced in ``on_config``, because
``mkdocs serve`` keeps this module loaded between rebuilds.
"""
from __future__ import annotations

import datetime
import json
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:  # MkDocs imports hooks by path; make the package importable.
    sys.path.insert(0, str(_ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

from build_hooks.aggregate.indicators import corpus_conflicts  # noqa: E402
from build_hooks.domain.problems import has_errors  # noqa: E402
from build_hooks.load.corpus import load_corpus  # noqa: E402
from build_hooks.load.history import corpus_histories  # noqa: E402
from build_hooks.publish.opendata import DataFile  # noqa: E402
from build_hooks.publish.snapshot_mode import SnapshotMode, only_round  # noqa: E402
from build_hooks.render.fragments import substitute  # noqa: E402
from build_hooks.settings import (  # noqa: E402
    ARCHIVE_ENV,
    CHARTS_ENV,
    OFFLINE_ENV,
    PDF_ENV,
    SUBMISSIONS_ENV,
    TODAY_ENV,
)
from build_hooks.site import paths  # noqa: E402
from build_hooks.site.page_meta import page_meta, with_front_matter  # noqa: E402
from build_hooks.site.pages import Page  # noqa: E402
from build_hooks.site.plan import plan_data_files, plan_nav, plan_pages  # noqa: E402
from build_hooks.site.search_index import (  # noqa: E402
    LetterContext,
    annotate_index,
    letter_contexts,
    space_between_blocks,
)

log = logging.getLogger("mkdocs.hooks.report")


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
    fragments: dict[str, dict[str, str]] = field(default_factory=dict)
    """Page path -> placeholder token -> HTML, put back in ``on_page_content``."""
    search_contexts: dict[str, LetterContext] = field(default_factory=dict)
    """Page URL -> agency, year and sections of a letter, to title its search hits."""


_STATE = BuildState()



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
    root = Path(config.config_file_path).parent
    source = submissions_dir(config)
    corpus, problems = load_corpus(source, base=root, today=build_date())
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
    pages = plan_pages(corpus, config.use_directory_urls, charts=charts, guide=archive is None, pdf=pdf,
                       histories=histories)
    _STATE = BuildState(source, archive, pages, plan_data_files(corpus, pdf=pdf), {p.path: p.fragments for p in pages})
    contexts = letter_contexts(corpus)
    _STATE.search_contexts = {paths.page_url(path, config.use_directory_urls): context
                              for path, context in contexts.items()}
    config.nav = plan_nav(pages, None if archive else config.nav)
    config.extra["demo"] = any(r.demo for r in corpus.rounds)
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
    for page in _STATE.pages:
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} trùng với một trang được tạo tự động; hãy xóa hoặc đổi tên tệp đó.")
        file = File.generated(config, page.path, content=with_front_matter(page_meta(page.path), page.content))
        if page.path not in in_nav:  # left out on purpose (letters of a large round, the print view)
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    for data in _STATE.data_files:
        files.append(File.generated(config, data.path, content=data.content))
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


def on_page_content(html, page, config, files):
    """Put back the HTML fragments the core rendered itself in place of their placeholders."""
    return space_between_blocks(substitute(html, _STATE.fragments.get(page.file.src_uri, {})))


@event_priority(-50)  # after the search plugin writes the index (0), before the offline plugin reads it (-100)
def on_post_build(config):
    """Title the search index's letter entries by agency, section and year."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = annotate_index(json.loads(path.read_text(encoding="utf-8")), _STATE.search_contexts)
    # UTF-8 rather than Material's \\uXXXX escapes: a third smaller; search_index.js is read as the page's UTF-8.
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_serve(server, config, builder):
    """Watch the submissions tree when it lies outside the project (``REPORT_SUBMISSIONS``)."""
    if _STATE.source is not None:
        server.watch(str(_STATE.source))
    return server
