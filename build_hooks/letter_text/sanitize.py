"""The allowlist every HTML fragment made from a letter's text passes, in one place.

Letters arrive through pull requests from anyone with an account, pasted from
Word. The checker explains early, at the author's line, what a letter must not
contain (raw HTML, ``javascript:`` links, ``{…}`` attributes); the page's safety
does not depend on it finding everything. After Markdown conversion, each
fragment is cleaned by ammonia (through ``nh3``): only the elements, attributes
and URL schemes below survive, whatever the Markdown parser let through.

What a letter may use is what plain Markdown with tables and fenced code makes:
paragraphs, headings, emphasis, lists, quotes, tables (merged cells: ``colspan`` and
``rowspan``, small whole numbers), code, rules and links; and footnotes (``sup``, the
``div class="footnote"`` list, the ``footnote-ref``/``footnote-backref`` links and the
``fn-…``/``fnref-…`` ids ``convert`` gives them, nothing else).
Not allowed, and why:

* ``img``: a picture from another host would make the page fetch it (the site
  must not request other hosts); letters carry no pictures of their own.
* ``style`` and ``class`` (except a fenced block's ``language-…``), event
  handlers, ``id`` other than the renderer's ``h-…`` heading ids: data may not
  style the page, run code, or take an anchor the page's own links use.
* URL schemes other than http, https and mailto (relative links stay: an
  agency may link to another page of the site).

The renderer adds its own attributes (section anchors, ``data-section``) after
this pass, on HTML it writes itself.
"""
from __future__ import annotations

import re

import nh3

TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a",
    "sup", "div",  # footnotes: the reference and the list at the end of the passage
})
ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "sup": {"id"},
    "li": {"id"},
    "div": {"class"},
    "ol": {"start"},
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "code": {"class"},
    **{f"h{n}": {"id"} for n in range(1, 7)},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
MAX_SPAN = 50
"""The largest ``colspan``/``rowspan`` a merged cell may have."""
_HEADING_ID = re.compile(r"h-[a-z0-9-]*(?:_\d+)?")
_CODE_CLASS = re.compile(r"language-[A-Za-z0-9_+-]+")
_FOOTNOTE_ID = re.compile(r"fn(?:ref)?-[0-9a-f]{8}-[\w-]+")
"""Footnote ids as ``letter_text.convert`` makes them (``fn-<passage>-1``, ``fnref-<passage>-1``)."""
_CLASSES = {"a": {"footnote-ref", "footnote-backref"}, "div": {"footnote"}}
_ALIGN = frozenset({"left", "right", "center"})


def _filter(tag: str, attribute: str, value: str) -> str | None:
    """Second look at values the allowlist lets through: only the shapes the renderer makes."""
    if attribute == "id" and tag in ("sup", "li"):
        return value if _FOOTNOTE_ID.fullmatch(value) else None
    if attribute == "id":
        return value if _HEADING_ID.fullmatch(value) else None
    if attribute == "class" and tag in _CLASSES:
        return value if value in _CLASSES[tag] else None
    if attribute == "class":
        return value if _CODE_CLASS.fullmatch(value) else None
    if attribute == "align":
        return value if value in _ALIGN else None
    if attribute == "start":
        return value if value.isdigit() else None
    if attribute in ("colspan", "rowspan"):  # merged cells (letter_text.merged_tables): small whole numbers
        return value if value.isdigit() and 1 < int(value) <= MAX_SPAN else None
    return value


def sanitize(fragment: str) -> str:
    """``fragment`` with everything outside the allowlist removed (text of removed tags is kept)."""
    return nh3.clean(fragment, tags=set(TAGS), attributes={k: set(v) for k, v in ATTRIBUTES.items()},
                     url_schemes=set(URL_SCHEMES), attribute_filter=_filter, strip_comments=True,
                     link_rel="noopener noreferrer")
