"""HTML fragments that bypass MkDocs' Markdown pass.

Python-Markdown reads about half a megabyte a second, and raw HTML blocks are
no cheaper for it. A round of 2,000 letters would be read twice (each letter's
page and the consolidated report) plus tens of thousands of generated table
rows. So the core renders each letter part to HTML once (``letter_text.convert``), and
writes heavy generated HTML (letter header, tables) itself; the Markdown page
MkDocs sees holds a one-line placeholder paragraph per fragment, which the
adapter swaps for the HTML after conversion (``substitute``).

A fragment the search index must not hold (a letter's head and foot, the same in
every letter; the table of covered sections) is added with ``indexed=False``. It
stays out of sight of the search plugin altogether: the page it parses holds an
HTML comment in its place, and the adapter puts the HTML in after the index has
the page (``finish``). At 2,000 letters that halves what the indexer parses.

A page may also be HTML from top to bottom but its title (a letter's page): its
headings are then written here too (``heading``), with the anchor Python-Markdown's
``toc`` would give them, and listed in ``toc`` for the adapter to put in the page's
table of contents. Python-Markdown spends most of its time on headings (about
2 ms a letter: 4 s of a 2,000-letter build), so such a page costs it one line.
"""
from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"<p>(x(?:frag|hide)x\d{6}x)</p>")
_HIDDEN = re.compile(r"<!--(xhidex\d{6}x)-->")
_ID = re.compile(r'(<h[1-6][^>]*?\sid=")([^"]+)(")')

PERMALINK_TITLE = "Liên kết đến mục này"
"""The tooltip of a heading's ¶ link, here and in Python-Markdown's ``toc`` (the adapter sets it there)."""


@dataclass(frozen=True)
class TocEntry:
    """A heading written as HTML that the page's table of contents lists."""

    level: int
    anchor: str
    title: str
    """Plain text."""


@dataclass
class Fragments:
    """Placeholder token -> HTML, for one page."""

    html: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    """Heading ids already used by this page's fragments."""
    toc: list[TocEntry] = field(default_factory=list)
    """Headings written by ``heading``, in order."""

    def add(self, html: str, indexed: bool = True) -> str:
        """Markdown that stands for ``html``: a paragraph holding a unique token.

        Heading ids are made unique within the page (two agencies' "Kết quả" in one
        report), as Python-Markdown does within one conversion. ``indexed=False``:
        the search index never sees ``html`` (see the module's docstring).
        """
        return self.place(self.unique(html), indexed)

    def place(self, html: str, indexed: bool = True) -> str:
        """Like ``add``, for HTML whose heading ids are unique already (built from ``unique``,
        ``heading`` and ``hidden``)."""
        token = self._token(indexed)
        self.html[token] = html
        return f"\n\n{token}\n\n"

    def hidden(self, html: str) -> str:
        """HTML that stands for ``html`` inside another fragment, kept from the search index like
        ``add(html, indexed=False)``."""
        token = self._token(False)
        self.html[token] = self.unique(html)
        return f"<!--{token}-->"

    def unique(self, html: str) -> str:
        """``html`` with its heading ids made unique within the page."""
        return _ID.sub(lambda m: m[1] + self._unique(m[2]) + m[3], html)

    def heading(self, level: int, text: str, anchor: str, attrs: str = "") -> str:
        """An ``h{level}`` with a unique id and a ¶ link, as Python-Markdown's ``toc`` writes it,
        listed in ``toc``. ``text`` is plain text; ``attrs`` already escaped (``name="value" …``)."""
        anchor = self._unique(anchor)
        self.toc.append(TocEntry(level, anchor, text))
        attrs = f"{attrs} " if attrs else ""
        at = _html.escape(anchor, quote=True)  # the outline's, but never trusted into an attribute
        return (f'<h{level} {attrs}id="{at}">{_html.escape(text, quote=False)}'
                f'<a class="headerlink" href="#{at}" title="{PERMALINK_TITLE}">&para;</a></h{level}>')

    def _token(self, indexed: bool) -> str:
        return f"x{'frag' if indexed else 'hide'}x{len(self.html):06d}x"

    def _unique(self, base: str) -> str:
        n, candidate = 1, base
        while candidate in self.ids:
            candidate = f"{base}_{n}"
            n += 1
        self.ids.add(candidate)
        return candidate


def substitute(page_html: str, fragments: dict[str, str]) -> str:
    """Put each indexed fragment back where its placeholder paragraph was rendered; a comment for the others."""
    if not fragments:
        return page_html
    return _TOKEN.sub(lambda m: f"<!--{m[1]}-->" if m[1][1:5] == "hide" else fragments.get(m[1], m[0]), page_html)


def finish(page_html: str, fragments: dict[str, str], prepare=lambda html: html) -> str:
    """Put the fragments kept from the search index in place of their comments (after ``substitute``).

    ``prepare`` does to each what the adapter did to the rest of the page after ``substitute``.
    """
    if not fragments:
        return page_html
    return _HIDDEN.sub(lambda m: prepare(fragments[m[1]]) if m[1] in fragments else m[0], page_html)


_ANY_ID = re.compile(r'\sid="([^"]+)"')


def anchor_ids(fragments: dict[str, str]) -> set[str]:
    """Every ``id`` the fragments put on their page: MkDocs validates links to anchors against the ids
    it saw in the Markdown it converted, and the fragments come after that."""
    return {_html.unescape(m[1]) for html in fragments.values() for m in _ANY_ID.finditer(html)}
