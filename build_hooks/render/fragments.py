"""HTML fragments that bypass MkDocs' Markdown pass.

Python-Markdown reads about half a megabyte a second, and raw HTML blocks are
no cheaper for it. A round of 2,000 letters would be read twice (each letter's
page and the consolidated report) plus tens of thousands of generated table
rows. So the core renders each letter part to HTML once (``letter_html``), and
writes heavy generated HTML (letter header, tables) itself; the Markdown page
MkDocs sees holds a one-line placeholder paragraph per fragment, which the
adapter swaps for the HTML after conversion (``substitute``).

A fragment the search index must not hold (a letter's head and foot, the same in
every letter; the table of covered sections) is added with ``indexed=False``. It
stays out of sight of the search plugin altogether: the page it parses holds an
HTML comment in its place, and the adapter puts the HTML in after the index has
the page (``finish``). At 2,000 letters that halves what the indexer parses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"<p>(x(?:frag|hide)x\d{6}x)</p>")
_HIDDEN = re.compile(r"<!--(xhidex\d{6}x)-->")
_ID = re.compile(r'(<h[1-6][^>]*?\sid=")([^"]+)(")')


@dataclass
class Fragments:
    """Placeholder token -> HTML, for one page."""

    html: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    """Heading ids already used by this page's fragments."""

    def add(self, html: str, indexed: bool = True) -> str:
        """Markdown that stands for ``html``: a paragraph holding a unique token.

        Heading ids are made unique within the page (two agencies' "Kết quả" in one
        report), as Python-Markdown does within one conversion. ``indexed=False``:
        the search index never sees ``html`` (see the module's docstring).
        """
        token = f"x{'frag' if indexed else 'hide'}x{len(self.html):06d}x"
        self.html[token] = _ID.sub(self._unique, html)
        return f"\n\n{token}\n\n"

    def _unique(self, m: re.Match) -> str:
        base, n, candidate = m[2], 1, m[2]
        while candidate in self.ids:
            candidate = f"{base}_{n}"
            n += 1
        self.ids.add(candidate)
        return m[1] + candidate + m[3]


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
