"""Helpers for writing generated Markdown safely.

Values from submissions (names, subjects, cc lines) are escaped before they go
into generated Markdown or HTML, so a stray ``*`` or ``<`` in a name cannot
change the page around it.
"""
from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")

SEARCH_EXCLUDE = 'data-search-exclude="true"'
"""Attribute list of a Markdown heading (``## Title {#id data-search-exclude="true"}``) whose section
the search index leaves out. Generated HTML blocks stay out by other means (``Fragments.add(indexed=False)``)."""


def esc(text: str) -> str:
    """Escape for an HTML context."""
    return html.escape(str(text), quote=True)


def md(text: str) -> str:
    """Escape for inline Markdown: no emphasis, links or HTML can come from data."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def link(text: str, target: str) -> str:
    """A Markdown link whose text is escaped."""
    return f"[{md(text)}]({target})"


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be escaped."""
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def html_table(headers: list[str], rows: list[list[str]], code: tuple[int, ...] = (),
               markup: tuple[int, ...] = ()) -> str:
    """An HTML table of plain-text cells (escaped here), as Python-Markdown's ``tables`` writes one.

    ``headers`` are HTML (the renderer's own words); non-empty cells of the columns in ``code``
    are set as code, as Markdown's backticks would; cells of the columns in ``markup`` are HTML
    the renderer escaped itself (a link).
    """
    def cell(i: int, text: str) -> str:
        if i in markup:
            return text
        return f"<code>{esc_text(text)}</code>" if i in code and text else esc_text(text)

    head = "<tr>\n" + "".join(f"<th>{h}</th>\n" for h in headers) + "</tr>\n"
    body = "".join("<tr>\n" + "".join(f"<td>{cell(i, c)}</td>\n" for i, c in enumerate(r)) + "</tr>\n" for r in rows)
    return f"<table>\n<thead>\n{head}</thead>\n<tbody>\n{body}</tbody>\n</table>"


def esc_text(text: str) -> str:
    """Escape for HTML text (not an attribute), as Python-Markdown escapes a paragraph's text."""
    return html.escape(str(text), quote=False)


def section_label(section_id: str) -> str:
    """How the outline prints a number: ``II.`` for roots, ``4.1.`` below them."""
    head, _, rest = section_id.partition(".")
    return f"{rest or head}."
