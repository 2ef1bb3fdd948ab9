"""HTML fragments that bypass MkDocs' Markdown pass.

Python-Markdown reads about half a megabyte a second, and raw HTML blocks are
no cheaper for it. A round of 2,000 letters would be read twice (each letter's
page and the consolidated report) plus tens of thousands of generated table
rows. So the core renders each letter part to HTML once (``letter_html``), and
writes heavy generated HTML (letter header, tables) itself; the Markdown page
MkDocs sees holds a one-line placeholder paragraph per fragment, which the
adapter swaps for the HTML after conversion (``substitute``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"<p>(xfragx\d{6}x)</p>")
_ID = re.compile(r'(<h[1-6][^>]*?\sid=")([^"]+)(")')


@dataclass
class Fragments:
    """Placeholder token -> HTML, for one page."""

    html: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    """Heading ids already used by this page's fragments."""

    def add(self, html: str) -> str:
        """Markdown that stands for ``html``: a paragraph holding a unique token.

        Heading ids are made unique within the page (two agencies' "Kết quả" in one
        report), as Python-Markdown does within one conversion.
        """
        token = f"xfragx{len(self.html):06d}x"
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
    """Put each fragment back where its placeholder paragraph was rendered."""
    if not fragments:
        return page_html
    return _TOKEN.sub(lambda m: fragments.get(m[1], m[0]), page_html)
