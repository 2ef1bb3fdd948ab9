"""Letter text (Markdown from the submissions) rendered to HTML once.

The same part appears on the agency's page and in the consolidated report at
different heading levels; it is converted once and its heading tags are moved
afterwards (``shift_html_headings``), which is exact because headings in
submission text can only come from Markdown headings (raw HTML is rejected by
the checker and code is escaped).

Letter text gets only the extensions a letter needs: tables and fenced code, and
``toc`` for the ``h-…`` ids of its sub-headings, with its ``[TOC]`` marker switched off (a
paragraph holding only the marker would become an empty list, its text gone). ``attr_list`` and
``md_in_html`` stay for the hand-written pages (``mkdocs.yml``): in agency text
they turned ``{: onclick=…}`` into attributes. Every converted fragment then
passes the allowlist sanitiser (``sanitize``), so headings in it can only be
those Markdown made.
"""
from __future__ import annotations

import hashlib
import re

import markdown
from markdown.treeprocessors import Treeprocessor

from build_hooks.cache import StoredResults, code_key
from build_hooks.domain.model import Part
from build_hooks.domain.text import slugify
from build_hooks.letter_text import merged_tables
from build_hooks.letter_text.sanitize import sanitize
from build_hooks.settings import LETTER_CACHE

EXTENSIONS = ["tables", "fenced_code", "toc", "footnotes"]
"""Not mkdocs.yml's list: no attr_list, md_in_html or admonition in agency text. ``footnotes``:
``[^1]`` and its definition in one passage become a footnote (``handbook/format.md``)."""
FOOTNOTE_ID = re.compile(r'(id="|href="#)(fn|fnref):')
"""Python-Markdown's footnote ids (``fn:1``), made the passage's own below: two passages on one page
(two letters' ``[^1]``) must not share an id, and the same passage must get the same ids in any build."""
HIDING_BLOCKS = ("reference",)
"""Block constructs that make a letter's words vanish from the page: a link definition
(``[Ghi chú]: Xem …``, also ``[^a]: …`` without the footnotes extension) is consumed and
never shown. Without this processor the line stays a paragraph, shown as written, and
``[D][d]`` stays text."""
HIDING_INLINES = ("image_link", "image_reference", "short_image_ref")
"""``![mô tả](…)`` would become a picture fetched from elsewhere (the sanitiser drops it, and
its words with it); without these patterns it is shown as ``!`` and a link whose text is the
description."""
HEADING_ID_PREFIX = "h-"
"""Ids of headings inside letter text start with this, so none can equal a generated anchor
(``muc-ii-1``, ``chi-tieu``): search and the page's own links rely on those."""


def _heading_slug(value: str, separator: str) -> str:
    return HEADING_ID_PREFIX + (slugify(value) or "tieu-de")
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")


class _ShowLinkTitles(Treeprocessor):
    """``[x](url "Ghi chú")``: the title would only show on hover; it is written after the link instead."""

    def run(self, root):
        for link in root.iter("a"):
            if title := link.attrib.pop("title", None):
                link.tail = f" ({title})" + (link.tail or "")


class LetterRenderer:
    """Converts letter Markdown with one reused Python-Markdown instance and a cache."""

    def __init__(self) -> None:
        """One Python-Markdown instance for every letter, so its extensions load once."""
        self._md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={
            "toc": {"slugify": _heading_slug, "marker": ""}, "tables": {"use_align_attribute": True},
            "footnotes": {"BACKLINK_TITLE": ""}})  # no title: it would be English, and is shown as text
        self._md.treeprocessors.register(_ShowLinkTitles(self._md), "show_link_titles", 15)  # after inline (20)
        merged_tables.register(self._md)  # several header rows, << and ^^ (handbook/format.md)
        for name in HIDING_BLOCKS:
            self._md.parser.blockprocessors.deregister(name)
        for name in HIDING_INLINES:
            self._md.inlinePatterns.deregister(name)

    def html(self, text: str) -> str:
        """The HTML of a letter's Markdown, converted once however often it appears.

        The cache is shared by every renderer of the process: the letter page, the consolidated
        report, the print view and the DOCX show the same passages, and under ``mkdocs serve``
        a rebuild converts only the passages an edit changed.
        """
        html = _CONVERTED.get(text)
        if html is None:
            if len(_CONVERTED) >= CACHE_LIMIT:
                _CONVERTED.clear()
            html = _CONVERTED[text] = _stored().get(text, lambda: sanitize(self._convert(text)))
        return html

    def _convert(self, text: str) -> str:
        html = self._md.reset().convert(text)
        if "fn:" not in html:
            return html
        own = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        return FOOTNOTE_ID.sub(lambda m: f"{m[1]}{m[2]}-{own}-", html)


CACHE_LIMIT = 200_000
"""Passages kept converted: several rounds of 2,000 letters; a long serve session starts afresh above it."""
_CONVERTED: dict[str, str] = {}


CONVERTING_DISTRIBUTIONS = ("Markdown", "nh3")
"""What turns a letter's Markdown into its HTML, besides our code."""
_STORED: list[StoredResults] = []
"""Converted passages kept in the build cache between processes (made on first use).

A fresh ``mkdocs build`` of 2,000 unchanged letters would spend seconds in Python-Markdown; with
this it reads one file. Its context is the code that converts (this module, the sanitiser,
Python-Markdown and nh3), so a change to any of them starts afresh; it holds the passages the
last build used, nothing older."""


def _stored() -> StoredResults:
    if not _STORED:
        code = code_key(__name__, "build_hooks.letter_text.sanitize", "build_hooks.letter_text.merged_tables",
                        distributions=CONVERTING_DISTRIBUTIONS)
        _STORED.append(StoredResults(LETTER_CACHE, LETTER_CACHE, code))
    return _STORED[0]


def save_converted() -> None:
    """Keep this build's converted passages for the next process (``mkdocs build`` calls it at the end)."""
    if _STORED:
        _STORED[0].save()


def shift_html_headings(html: str, by: int) -> str:
    """Move ``<hN>`` tags ``by`` levels, clamped to 1..6."""
    if by == 0:
        return html
    return _HEADING_TAG.sub(lambda m: f"<{m[1]}h{max(1, min(6, int(m[2]) + by))}", html)


def continuation_anchor(part: Part) -> str:
    """Anchor of the unnumbered heading that opens ``part`` after closing a section.

    Derived from the part alone (its section and line), so the search index can name
    the section of the text under it without reading the page.
    """
    base = "tiep-muc-" + part.section_id.replace(".", "-").lower() if part.section_id else "ngoai-muc"
    return f"{base}-dong-{part.line}"


def tag_first_heading(html: str, section_id: str, anchor: str) -> str:
    """Mark the heading that opens ``html`` as belonging to ``section_id``, with id ``anchor``."""
    html = re.sub(r'^(<h[1-6])([^>]*?) id="[^"]*"', r"\1\2", html, count=1)
    return re.sub(r"^<h([1-6])", lambda m: f'<h{m[1]} id="{anchor}" data-section="{section_id}"', html, count=1)
