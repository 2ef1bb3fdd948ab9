"""Finding what would reach the page as HTML, as Python-Markdown reads a body.

Python-Markdown passes raw HTML through untouched (inline tags, comments,
processing instructions and block-level HTML alike) and does not filter link
targets, and ``attr_list`` (enabled in ``mkdocs.yml``) turns ``{onclick=…}``
into an attribute. Submissions are plain Markdown, so each of these is found
here with its offset in the body. Code spans and fenced blocks are masked
first: HTML shown as code is escaped by Markdown and is harmless.

Indented code blocks are not masked on purpose: inside a list the same
indentation is ordinary text, and a false alarm (fixed by using a ``` fence)
is better than HTML reaching the site.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE, HTML_RE
from markdown.util import BLOCK_LEVEL_ELEMENTS

from build_hooks.load.fences import fenced_spans

_TAG = re.compile(HTML_RE, re.DOTALL)
_AUTOLINK = re.compile(AUTOLINK_RE)
_AUTOMAIL = re.compile(AUTOMAIL_RE)
# A dangerous element even when its tag is left unclosed (the block parser may still pass it on).
_DANGEROUS_OPEN = re.compile(r"<\s*/?\s*(script|style|iframe|object|embed|frame|frameset|base|form|meta|link)\b",
                             re.IGNORECASE)
# What Python-Markdown's HTML block preprocessor takes out at the start of a line: block-level
# elements, comments, processing instructions and declarations (inline tags wait for code spans).
_LINE_START_TAG = re.compile(
    r"^[ ]{0,3}(?=<(?:/?(?:" + "|".join(sorted(BLOCK_LEVEL_ELEMENTS, key=len, reverse=True)) + r")(?![\w-])|[!?]))",
    re.MULTILINE | re.IGNORECASE)
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{:?[ ]*([^{}\n]*)\}")  # no "{" inside: linear on "{{{{…"
_ATTR_KEY = re.compile(r"(?:^|\s)([A-Za-z_:][-\w:.]*)\s*=")
_SAFE_ATTR_KEYS = {"title", "lang", "dir", "width", "height", "alt", "colspan", "rowspan", "align"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Finding:
    """A piece of HTML, an unsafe link or an attribute block found in a letter's body."""
    offset: int
    """Offset in the body text of the first character of the finding."""
    kind: str
    """``html``, ``link`` or ``attribute``."""
    text: str
    """The offending text, shortened for the message."""


def mask_fences(body: str) -> str:
    """Blank out fenced code blocks (``load.fences``), keeping every offset and line break.

    The opening line stays visible: ``{…}`` attributes written there still reach the page.
    """
    chunks, index = [], 0
    for start, end in fenced_spans(body):
        opening_end = body.index("\n", start)
        chunks += [body[index:opening_end], _blank(body[opening_end:end])]
        index = end
    return "".join(chunks) + body[index:]


def mask_code_spans(text: str) -> str:
    """Blank out code spans (which never cross a blank line, i.e. a paragraph boundary)."""
    return _CODE_SPAN.sub(lambda m: _blank(m[0]) if "\n\n" not in m[0] else m[0], text)


def mask_code(body: str) -> str:
    """The body with code (fences and backtick spans) blanked out, offsets kept, as Python-Markdown reads it."""
    return mask_code_spans(mask_fences(body))


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def unsafe_url(url: str) -> bool:
    """True for ``javascript:``-like targets, also when hidden by entities, case or blanks."""
    cleaned = _CONTROL.sub("", html.unescape(url)).lower()
    return cleaned.startswith(_BAD_SCHEMES)


def _tag_at(text: str, start: int) -> re.Match | None:
    return _TAG.match(text, start) or _DANGEROUS_OPEN.match(text, start)


def find_html(body: str) -> list[Finding]:
    """Every place in ``body`` that would reach the page as HTML or as an unsafe link."""
    fenced = mask_fences(body)
    found: dict[int, Finding] = {}
    # Python-Markdown takes HTML at the start of a line out before it looks for code spans,
    # so a backtick before it does not protect it.
    for m in _LINE_START_TAG.finditer(fenced):
        if (tag := _tag_at(fenced, m.end())) is not None:
            found[tag.start()] = Finding(tag.start(), "html", tag[0])
    text = mask_code_spans(fenced)
    for m in re.finditer(r"<", text):
        start = m.start()
        if (auto := _AUTOLINK.match(text, start)) is not None:
            if unsafe_url(auto[1]):
                found[start] = Finding(start, "link", auto[0])
            continue
        if _AUTOMAIL.match(text, start) is not None:
            continue
        if (tag := _tag_at(text, start)) is not None:
            found[start] = Finding(start, "html", tag[0])
    for pattern in (_INLINE_LINK, _REF_DEF):
        for m in pattern.finditer(text):
            if unsafe_url(m[1]):
                found.setdefault(m.start(1), Finding(m.start(1), "link", m[1]))
    for m in _ATTR_LIST.finditer(text):
        keys = {k.lower() for k in _ATTR_KEY.findall(m[1])}
        if keys - _SAFE_ATTR_KEYS:
            found.setdefault(m.start(), Finding(m.start(), "attribute", m[0]))
    return [found[k] for k in sorted(found)]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """0-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start
