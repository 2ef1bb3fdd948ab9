"""The MkDocs adapter's serve-time half: ``mkdocs serve --dirty`` rebuilds only what changed.

``mkdocs_hooks`` keeps the build's events; it hands this module what only a live
server needs, so a plain ``mkdocs build`` never runs any of it:

* after an edit to one letter, that letter's page first (``site.plan.plan_letters_first``),
  and the pages made from all letters in a second build asked of the live-reload server;
* which generated pages to render again, which outputs to delete (``site.incremental``);
* the search index merged page by page, and written again unchanged by a letters-first build;
* the downloads, written after the pages by another process (``publish.background``).

Only here does the adapter touch MkDocs' internals (the server's rebuild condition, the
watcher's polling interval); if a later MkDocs renames them, every rebuild plans the
whole site, as a plain build does.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import clean_directory

from build_hooks.memo import Identity
from build_hooks.pages.kinds import Page
from build_hooks.publish.background import Downloads
from build_hooks.site.incremental import Built, Rebuild, Shape, digest, flatten, merge_entries, plan_rebuild
from build_hooks.site.page_meta import page_meta
from build_hooks.site.plan import plan_letters_first

log = logging.getLogger("mkdocs.hooks.report")

WATCH_INTERVAL = 0.2
"""Seconds between two looks at the submissions tree under ``mkdocs serve --dirty`` (MkDocs: 0.5)."""


class GeneratedPage(File):
    """A generated page; under ``serve --dirty`` rendered again only when ``site.incremental`` says so."""

    rebuild = True

    def is_modified(self) -> bool:
        """Whether MkDocs renders this page in this build."""
        return self.rebuild


class LaterFile(File):
    """A download whose bytes ``publish.background`` writes after the pages: MkDocs never writes it."""

    def is_modified(self) -> bool:
        """Never: MkDocs must not write (or copy) it."""
        return False


class _DirtyNotice(logging.Filter):
    """MkDocs warns that ``--dirty`` gives stale navigation; the hooks make it rebuild what changed."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


@dataclass(frozen=True)
class Planned:
    """What the previous build was planned from, for ``plan_letters_first``."""

    corpus: object
    pages: list[Page]
    histories: object


@dataclass
class ServeBuild:
    """What one build under ``serve --dirty`` carries from event to event."""

    make_data: object = None
    """Makes the data files, after the pages (the build's file list holds their paths only)."""
    rebuild: Rebuild | None = None
    """What this build redoes."""
    built: Built | None = None
    """What this build leaves, for the next one to compare with."""
    rendered: set[str] = field(default_factory=set)
    """URLs of the pages rendered by this build."""
    letters_first: bool = False
    """This build renders only edited letters; a second build follows at once."""


_DIGESTS = Identity()
"""Digest of each generated page, by the page object (a letter's is the same object until it changes)."""


@dataclass
class Serve:
    """What lives from one build to the next under ``mkdocs serve`` (made anew in ``on_startup``)."""

    incremental: bool = False
    """``mkdocs serve --dirty``: rebuild only what changed."""
    built: Built | None = None
    last: Planned | None = None
    downloads: Downloads = field(default_factory=Downloads)
    server: object = None
    """MkDocs' live-reload server, to ask it for the second build after a letters-first one."""
    index_text: str | None = None
    """The search index the last build wrote (a letters-first build writes it again unchanged)."""
    build: ServeBuild = field(default_factory=ServeBuild)
    """The build under way."""

    @classmethod
    def start(cls, command: str, dirty: bool) -> "Serve":
        """The state of a new ``mkdocs`` run; incremental only for ``serve --dirty``."""
        serve = cls(incremental=command == "serve" and dirty)
        if serve.incremental:
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())
        return serve

    def letters_first(self, corpus, histories, directory_urls: bool) -> list[Page] | None:
        """The previous build's pages with only the edited letters made again, when the server can be
        asked for the second build; None: plan the whole site."""
        if not (self.incremental and self.last is not None and _can_request_rebuild(self.server)):
            return None
        return plan_letters_first(self.last.corpus, self.last.pages, corpus, self.last.histories, histories,
                                  directory_urls)

    def planned(self, corpus, pages: list[Page], histories, make_data, letters_first: bool) -> None:
        """Remember this build's plan; its downloads are made after the pages (none after a letters-first build)."""
        self.downloads.stop()
        self.last = Planned(corpus, pages, histories)
        self.build = ServeBuild(make_data=None if letters_first else make_data, letters_first=letters_first)

    def file_kind(self) -> type[File]:
        """The class of a data file: written later, by ``publish.background``."""
        return LaterFile

    def plan_rebuild(self, config, written: tuple[str, ...], pages: list[Page], generated: dict[str, File]) -> None:
        """Mark the pages to render again and delete what is gone (``site.incremental``)."""
        settings = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
        shape = Shape(digest(config.nav), digest(settings, dict(config.extra), config.use_directory_urls), written)
        digests = {p.path: _DIGESTS.get((p,), (), lambda p=p: digest(p.content, p.fragments, page_meta(p.path)))
                   for p in pages}
        outputs = {path: file.dest_uri for path, file in generated.items()}
        rebuild = plan_rebuild(self.built, shape, digests, outputs)
        if rebuild.clean and self.built is not None:  # the navigation is in every page: start afresh
            clean_directory(config.site_dir)
        for dest in rebuild.removed:
            _remove_output(Path(config.site_dir), dest)
        for path, file in generated.items():
            if isinstance(file, GeneratedPage):
                file.rebuild = path in rebuild.changed
        self.build.rebuild = rebuild
        self.build.built = Built(shape, digests, outputs)
        if rebuild.clean:
            log.info("Dựng lại toàn bộ %d trang được tạo; xóa %d tệp không còn.", len(digests), len(rebuild.removed))
        else:
            log.info("Dựng lại %d/%d trang được tạo; xóa %d tệp không còn.", len(rebuild.changed), len(digests),
                     len(rebuild.removed))

    def remember_order(self, files) -> None:
        """Every page in build order, the search index's (``on_env``)."""
        if self.build.built is not None:
            # page.url, as the index writes locations (the home page's file.url is ./, its page.url empty)
            self.build.built.order = [f.page.url if f.page is not None else f.url for f in files.documentation_pages()]

    def rendered(self, url: str) -> None:
        """A page this build rendered (``on_page_context``)."""
        self.build.rendered.add(url)

    def merge_index(self, index, search) -> str | None:
        """Merge this build's pages into the previous index, page by page (Material's own merge keeps one
        rebuilt page's entries and never drops a deleted page's). Returns the index text to write again
        unchanged after a letters-first build, else None."""
        build = self.build
        if build.built is not None:
            before = self.built.entries if self.built is not None and not build.rebuild.clean else {}
            build.built.entries = merge_entries(before, index.entries, build.rendered, build.built.order)
            index.entries = flatten(build.built.entries)
            search.search_index_prev = None
            self.built = build.built
        return self.index_text if build.letters_first else None

    def after_build(self, site_dir: str) -> None:
        """Start writing the downloads now that the pages are there; after a letters-first build, ask for
        the second build at once (the report, status and data pages)."""
        build = self.build
        if build.make_data is not None and build.built is not None:
            outputs = dict(build.built.outputs)
            self.downloads.start(build.make_data, site_dir, outputs.__getitem__)
        if build.letters_first and self.server is not None:
            _request_rebuild(self.server)

    def serving(self, server, source: Path | None) -> None:
        """The live-reload server: remembered, polled faster, and watching the submissions tree."""
        self.server = server
        if self.incremental:
            # MkDocs' watcher polls every 0.5 s, half the budget of a preview; a rebuild costs a fraction of
            # that now. Watches scheduled from here on (submissions/, the ``watch:`` list) poll every 0.2 s.
            server.observer._timeout = WATCH_INTERVAL
        if source is not None:
            server.watch(str(source))


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
