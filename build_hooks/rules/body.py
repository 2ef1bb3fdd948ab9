"""Body rules: what the Markdown under the front-matter must not hold or should not look like.

Each rule takes a ``Context`` and yields problems; texts and severities live in ``domain.catalogue``.
"""
from __future__ import annotations

import difflib
import re
from typing import Iterator

import markdown

from build_hooks.domain.catalogue import finding
from build_hooks.domain.lines import split_lines
from build_hooks.domain.problems import Problem
from build_hooks.domain.text import folded_words
from build_hooks.load.context import Context
from build_hooks.load.sections import heading_number, iter_headings
from build_hooks.rules.raw_html import find_html, line_col, mask_code

HTML_RULES = {"html": "raw-html", "link": "unsafe-link", "attribute": "html-attribute"}
"""The rule id of each kind of HTML ``raw_html.find_html`` finds."""


def raw_html(ctx: Context) -> Iterator[Problem]:
    """The body is plain Markdown: no HTML, no ``javascript:`` links, no ``{onclick=…}`` attributes.

    good: ``**Kết quả**`` and `` `<b>` `` (shown as code)
    bad:  ``<script>…``, ``<b>``, ``<!-- … -->``, ``[x](javascript:…)``, ``Đoạn văn {onclick="…"}``
    """
    for found in find_html(ctx.body):
        line, col = line_col(ctx.body, found.offset)
        shown = found.text if len(found.text) <= 60 else found.text[:57] + "…"
        yield finding(HTML_RULES[found.kind], ctx.path, ctx.body_line + line, col + 1, text=shown.replace("\n", " "))


MAX_OPENERS = 100
"""Most link openers ``[`` one paragraph may hold, and tag or autolink openers ``<x`` a whole letter may.

Python-Markdown looks for the end of every unmatched ``[`` from each one in turn, so a run of them in
one paragraph costs the square of its length (16,000 ``[`` took 31 s to build); its raw-HTML reader
does the same with ``<a …`` and ``<http…`` over the whole text, paragraphs or not. A 1 MiB letter could
stall the build for hours. A letter's paragraph has a handful of ``[``; a letter has no tags at all
(``raw-html``). 100 cost a millisecond or two."""
_BRACKET = re.compile(r"\[")
_TAG_OPENER = re.compile(r"<[A-Za-z/!?]")


def markdown_runs(ctx: Context) -> Iterator[Problem]:
    """A long run of ``[`` in a paragraph, or of ``<a``/``<http`` in the letter: Python-Markdown's time grows
    with its square.

    good: ``Theo Quyết định [1], [2] và [3]; tỷ lệ < 5%.``
    bad:  a pasted block of thousands of ``[`` or ``<a`` (code spans and fences do not count)
    """
    if "[" not in ctx.body and "<" not in ctx.body:
        return
    masked = mask_code(ctx.body)
    offset = 0
    for block in re.split(r"(\n[ \t]*\n)", masked):
        if block.count("[") > MAX_OPENERS:
            line, col = line_col(ctx.body, offset + len(block) - len(block.lstrip()))
            yield finding("markdown-runs", ctx.path, ctx.body_line + line, col + 1, "bracket",
                          count=block.count("["), limit=MAX_OPENERS)
        offset += len(block)
    tags = [m.start() for m in _TAG_OPENER.finditer(masked)]
    if len(tags) > MAX_OPENERS:
        line, col = line_col(ctx.body, tags[MAX_OPENERS])
        yield finding("markdown-runs", ctx.path, ctx.body_line + line, col + 1, "tag", count=len(tags),
                      limit=MAX_OPENERS)


def _numbered_headings(ctx: Context):
    """The parts opened by a numbered heading that maps to an outline section."""
    if ctx.submission is None:
        return
    for part in ctx.submission.parts:
        if part.heading is not None and part.section_id:
            yield part


TITLE_SIMILARITY = 0.6
"""Below this ratio (and not a shortening) a heading's title is said to differ clearly from the outline."""


def heading_title(ctx: Context) -> Iterator[Problem]:
    """A numbered heading's title may be shortened or left out, but not name another section.

    good: ``## 4.1. Huy động và sử dụng hiệu quả nguồn nhân lực`` (shortened), ``## 4.1.``
    bad:  ``## 4.1. Khai thác tài nguyên, khoáng sản`` (that is II.5.1)
    """
    if ctx.rnd is None:
        return
    for part in _numbered_headings(ctx):
        number = heading_number(part.heading.text)
        section = ctx.rnd.outline.get(part.section_id)
        if number is None or section is None or _same_title(number.title, section.title):
            continue
        yield finding("heading-title", ctx.path, part.heading.line, part.heading.level + 2, title=number.title,
                      section=section.id, expected=section.title)


def _same_title(written: str, expected: str) -> bool:
    a, b = folded_words(written), folded_words(expected)
    if not a or b.startswith(a) or a.startswith(b):
        return True
    if difflib.SequenceMatcher(None, a, b).ratio() >= TITLE_SIMILARITY:
        return True
    words = a.split()
    return sum(w in b.split() for w in words) / len(words) >= 0.8


def empty_section(ctx: Context) -> Iterator[Problem]:
    """A numbered heading with nothing under it (no text, no sub-section) is probably unfinished.

    good: ``## 4.1. …`` followed by a paragraph, or by ``### …`` sub-headings with text
    bad:  ``## 4.1. …`` immediately followed by ``## 4.2. …``; ``##`` with no title
    """
    if ctx.submission is None:
        return
    parts = ctx.submission.parts
    for i, part in enumerate(parts):
        if part.heading is None or part.has_text:
            continue
        following = parts[i + 1] if i + 1 < len(parts) else None
        nested = following is not None and following.base_level > part.heading.level or (
            following is not None and following.heading is None and following.section_id == part.section_id)
        if nested:
            continue
        yield finding("empty-section", ctx.path, part.heading.line, part.heading.level + 2, section=part.section_id)
    lines = split_lines(ctx.body)
    for index, _level, text in iter_headings(lines):
        if not text.strip():
            yield finding("empty-heading", ctx.path, ctx.body_line + index, 1)


_TABLES = markdown.Markdown(extensions=["tables"]).parser.blockprocessors["table"]
"""Python-Markdown's own table processor: the rule counts cells exactly as the page will show them."""


def _table_columns(header: str, delimiter: str) -> int | None:
    """The header's cell count when ``header`` and ``delimiter`` start a table for Markdown, else None.

    ``test`` also sets the processor's idea of the row's outer pipes, which ``_split_row`` then uses.
    """
    if not _TABLES.test(None, f"{header}\n{delimiter}"):
        return None
    return len(_TABLES._split_row(header.strip(" ")))


def _cells(row: str) -> int:
    """Cells Markdown splits ``row`` into, by its own splitter (escaped pipes, ``\\|``, code spans)."""
    return len(_TABLES._split_row(row.strip(" ")))


def table_cells(ctx: Context) -> Iterator[Problem]:
    """A table row with more cells than the header: Markdown drops the extra cells from the page.

    good: ``| a | b |`` / ``|---|---|`` / ``| c | d |``
    bad:  ``| a | b |`` / ``|---|---|`` / ``| c | d | e |`` (``e`` would not be shown)
    """
    if "|" not in ctx.body:
        return
    lines = mask_code(ctx.body).split("\n")
    i = 1
    while i < len(lines):
        if "|" in lines[i - 1] and "-" in lines[i] and (columns := _table_columns(lines[i - 1], lines[i])):
            j = i + 1
            while j < len(lines) and lines[j].strip():
                if (cells := _cells(lines[j])) > columns:
                    yield finding("table-cells", ctx.path, ctx.body_line + j, 1, cells=cells, columns=columns)
                j += 1
            i = j
        i += 1
