"""Headings the letter did not number the outline's way, placed by their titles; every such guess said aloud.

A clerk reading a letter places its parts by their titles as much as by their numbers. The importer
does the same in three cases, and each time it guesses it says so with a located warning, so that the
import never ends with "nothing to fix" after a guess:

* an unnumbered heading, or a paragraph (a bold line in Word or PDF, a line of a .txt), whose words are
  exactly one outline section's title ("Công tác thông tin, tuyên truyền") becomes that section's numbered
  heading (``import-guessed-heading``);
* an ``a)``, ``b)`` item or heading standing directly in a section that has sub-sections goes to the
  sub-section whose title it repeats ("a) Về công tác thông tin, tuyên truyền: …" under II goes to II.1);
  one that repeats none stays where it is (``import-lettered``, either way);
* a line of a text or PDF letter taken for a heading only because it starts with a number (not bold, no
  style) is questioned unless its title is its section's (``import-guessed-heading``, ``shape``).

Titles are compared word for word, case, accents and punctuation aside; a title that is only close is
left to a person. Headings placed here carry the absolute number (``## II.1.``), so they need no
enclosing heading to be read right (``load.sections``).
"""
from __future__ import annotations

import bisect
import dataclasses
import re

from build_hooks.domain.model import Outline
from build_hooks.domain.text import folded_words
from build_hooks.importer.body import Body, Chunk, body_markdown
from build_hooks.load.sections import heading_number, split_body

LEAD = re.compile(r"^(?:ve|doi voi)\s+")
"""Words a lettered lead-in may put before the title it repeats: "a) Về công tác …", "b) Đối với …"."""


ITEM = re.compile(r"(?<!\w)([a-zđ])\\?\)")
"""The item's letter as written in the chunk's Markdown (``a)``, after any heading or bold mark)."""


def _depth(section_id: str) -> int:
    """The heading level the importer gives a section: ``II`` 1, ``II.1`` 2, ``II.4.1`` 3 (as ``body._level``)."""
    return section_id.count(".") + 1


class _Owners:
    """Which outline section each line of the body's Markdown belongs to, and which sections have a heading."""

    def __init__(self, text: str, outline: Outline) -> None:
        parts = split_body(text, 1, outline, "")[0]
        points = []
        for part in parts:
            if part.heading is not None:
                points.append((part.heading.line, part.section_id))
            points.append((part.line, part.section_id))
        points.sort(key=lambda point: point[0])
        self._lines = [line for line, _ in points]
        self._owners = [owner for _, owner in points]
        self.headed = {p.section_id for p in parts if p.heading is not None and p.section_id}
        self.parts = parts

    def at(self, line: int) -> str | None:
        """The section line ``line`` (from 1) is in; None before any numbered heading."""
        i = bisect.bisect_right(self._lines, line) - 1
        return self._owners[i] if i >= 0 else None


def place_headings(body: Body, outline: Outline) -> Body:
    """``body`` with unnumbered titles numbered and lettered items moved into the sub-section they name.

    The sections chunks stand in are read once, on the body as converted, so an item moved into II.1
    does not change where the next item (b), also written directly under II) is said to stand."""
    text, starts = body_markdown(body)
    owners = _Owners(text, outline)
    chunks = list(body.chunks)
    findings = list(body.findings)
    for i, chunk in enumerate(chunks):
        if chunk.guess == "title":
            placed = _title(chunk, outline, owners.at(starts[i]), owners.headed)
            if placed is not None:
                chunks[i], section = placed
                owners.headed.add(section)
                findings.append((i, "import-guessed-heading", {"variant": "title", "section": section,
                                                               "text": chunk.plain[:80],
                                                               "source_line": chunk.source_line}))
        elif chunk.guess == "lettered":
            chunks[i], finding = _lettered(chunk, outline, owners.at(starts[i]), owners.headed)
            if finding is not None:
                findings.append((i, "import-lettered", finding))
    placed = Body(tuple(chunks), tuple(findings), body.sections)
    return _say_where_kept_items_are(placed, outline)


def _say_where_kept_items_are(body: Body, outline: Outline) -> Body:
    """An item that named no sub-section stays where it was written, but the items before it may have
    moved into sub-sections and taken the text after them along: say which section holds it now."""
    text, starts = body_markdown(body)
    owners = _Owners(text, outline)
    findings = []
    for index, rule, params in body.findings:
        if rule == "import-lettered" and "variant" not in params:
            now = owners.at(starts[index])
            params = {**params, "now": f"mục {now}" if now else "phần chung ngoài các mục"}
        findings.append((index, rule, params))
    return Body(body.chunks, tuple(findings), body.sections)


def _title(chunk: Chunk, outline: Outline, owner: str | None, headed: set) -> tuple[Chunk, str] | None:
    """The chunk as the numbered heading of the one section whose title it is (in the part of the outline it
    stands in, when the title is repeated, as V's are II's), and that section; None when there is none."""
    if "[^" in chunk.markdown:
        return None  # a footnote called from it: a heading made of its plain text would drop the call
    said = folded_words(chunk.plain)
    found = [s for s in outline.sections if s.id not in headed and said and folded_words(s.title) == said]
    if len(found) > 1 and owner is not None:
        found = [s for s in found if s.id.split(".")[0] == owner.split(".")[0]]
    if len(found) != 1:
        return None
    section = found[0]
    heading = f"{'#' * _depth(section.id)} {section.id}. {chunk.plain}"
    return dataclasses.replace(chunk, markdown=heading, tight=False, guess=""), section.id


def _lettered(chunk: Chunk, outline: Outline, owner: str | None, headed: set) -> tuple[Chunk, dict | None]:
    """A lettered item under a section with sub-sections: in the one sub-section whose title it repeats (a
    lettered heading takes its number; before a lettered paragraph that section's heading is written), or
    left where it is; with what to say either way. Under a section without sub-sections it is just a list."""
    children = outline.children(owner) if owner is not None else []
    if not children:
        return chunk, None
    letter = ITEM.search(chunk.markdown)
    item = (letter[1] if letter else "?") + ")"
    said = LEAD.sub("", folded_words(chunk.plain))
    found = [s for s in children if said == folded_words(s.title) or said.startswith(folded_words(s.title) + " ")]
    if len(found) != 1 or found[0].id in headed:
        example = f"{'#' * _depth(children[0].id)} {children[0].id}."
        return chunk, {"item": item, "section": owner, "text": chunk.plain[:60], "source_line": chunk.source_line,
                       "children": f"{children[0].id}–{children[-1].id}" if len(children) > 1 else children[0].id,
                       "example": example}
    section = found[0]
    headed.add(section.id)
    hashes = "#" * _depth(section.id)
    if chunk.markdown.startswith("#"):
        markdown = f"{hashes} {section.id}. {chunk.markdown.lstrip('#').strip()}"
    else:
        markdown = f"{hashes} {section.id}. {section.title}\n\n{chunk.markdown.lstrip()}"
    moved = dataclasses.replace(chunk, markdown=markdown, tight=False, guess="")
    return moved, {"variant": "moved", "item": item, "section": section.id, "title": section.title[:80],
                   "source_line": chunk.source_line}


def question_shapes(body: Body, starts: list[int], text: str, outline: Outline | None) -> Body:
    """``body`` with a warning at every heading taken only by its shape whose title is not its section's.

    ``text`` is the body as finally written (after ``titles.follow_titles``), ``starts`` its chunks' lines.
    Without the round's outline nothing confirms such a heading, so each is questioned."""
    parts = _Owners(text, outline).parts if outline is not None else []
    by_line = {p.heading.line: p for p in parts if p.heading is not None}
    findings = list(body.findings)
    for i, chunk in enumerate(body.chunks):
        if chunk.guess != "shape":
            continue
        part = by_line.get(starts[i])
        section = outline.get(part.section_id) if part is not None and part.section_id else None  # no outline: no part
        number = heading_number(part.heading.text) if part is not None else None
        said = folded_words(number.title) if number is not None else ""
        if section is not None and said and folded_words(section.title).startswith(said):
            continue  # the section's own title (or its beginning): the number and the words agree
        line = text.split("\n")[starts[i] - 1]
        findings.append((i, "import-guessed-heading", {"text": line.lstrip("#").strip()[:80],
                                                       "source_line": chunk.source_line}))
    return Body(body.chunks, tuple(findings), body.sections)
