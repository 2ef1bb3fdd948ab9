"""What a rebuild under ``mkdocs serve --dirty`` must redo, so the served site equals a clean build.

MkDocs' ``--dirty`` rebuilds only pages whose source is newer than their output,
which is wrong for a generated site in three ways: generated pages have no source
file, a change to the navigation changes every page, and a deleted letter's page
stays behind. This module decides instead, from plain data:

* ``Shape``: what every page is rendered with besides its own content (the
  navigation, ``extra``, the configuration file, the hand-written pages). When it
  changes, the rebuild is a clean one.
* otherwise a generated page is rebuilt when its content digest changed, a new
  page is built, and a page that is gone has its output deleted;
* the search index: entries of rebuilt pages replace theirs, entries of pages that
  are gone leave, every other entry is kept, in the order a clean build writes them.

Pure: the adapter gives it paths, digests and index entries.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field


def digest(*parts: object) -> str:
    """A short stable digest of strings, dicts and lists (what a page is made of)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(json.dumps(part, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


@dataclass(frozen=True)
class Shape:
    """Everything that is rendered into every page; a different shape means a clean rebuild."""

    nav: str
    """Digest of the navigation (titles, paths, order)."""
    settings: str
    """Digest of the configuration file's text and ``extra``."""
    written: tuple[str, ...]
    """The hand-written pages (``docs/``): one added or removed changes the page set MkDocs builds."""


@dataclass
class Built:
    """What the previous build left in the site folder."""

    shape: Shape
    pages: dict[str, str] = field(default_factory=dict)
    """Generated page path -> content digest."""
    outputs: dict[str, str] = field(default_factory=dict)
    """Generated page or file path -> its output path in the site folder (to delete when gone)."""
    entries: dict[str, list[dict]] = field(default_factory=dict)
    """Page URL -> its search index entries, in order."""
    order: list[str] = field(default_factory=list)
    """Page URLs in the order the index lists them."""


@dataclass(frozen=True)
class Rebuild:
    """What this build must redo."""

    clean: bool
    """Everything (first build, or the shape changed)."""
    changed: frozenset[str] = frozenset()
    """Generated page paths to render again (new or with a new digest)."""
    removed: tuple[str, ...] = ()
    """Output paths in the site folder to delete: pages and files that are gone."""


def plan_rebuild(before: Built | None, shape: Shape, pages: dict[str, str], outputs: dict[str, str]) -> Rebuild:
    """Compare this build's shape and page digests with the previous build's.

    ``outputs`` maps every generated path of this build (pages and data files) to its output.
    """
    if before is None or before.shape != shape:
        gone = () if before is None else tuple(sorted(set(before.outputs.values()) - set(outputs.values())))
        return Rebuild(True, frozenset(pages), gone)
    changed = frozenset(p for p, d in pages.items() if before.pages.get(p) != d)
    gone = tuple(sorted(set(before.outputs.values()) - set(outputs.values())))
    return Rebuild(False, changed, gone)


def page_of(location: str) -> str:
    """The page URL of a search entry's location (``2023/co-quan/x/#muc-ii-1`` -> ``2023/co-quan/x/``)."""
    return location.split("#", 1)[0]


def group_entries(entries: list[dict]) -> dict[str, list[dict]]:
    """Index entries by page URL, each page's in order."""
    grouped: dict[str, list[dict]] = {}
    for entry in entries:
        grouped.setdefault(page_of(entry["location"]), []).append(entry)
    return grouped


def merge_entries(before: dict[str, list[dict]], fresh: list[dict], rendered: set[str],
                  order: list[str]) -> dict[str, list[dict]]:
    """The whole index after a partial rebuild.

    ``fresh``: the entries of the pages rendered this time (``rendered``, by URL: a rendered page
    with no entry now has none); ``order``: every page URL of this build, in build order.
    Pages neither rendered nor in ``order`` are gone and leave the index.
    """
    now = group_entries(fresh)
    merged = {}
    for url in order:
        entries = now.get(url, []) if url in rendered else before.get(url, [])
        if entries:
            merged[url] = entries
    return merged


def flatten(entries: dict[str, list[dict]]) -> list[dict]:
    """The index's entry list, page by page in the dict's order."""
    return [entry for page in entries.values() for entry in page]
