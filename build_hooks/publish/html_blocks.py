"""Letter HTML (as ``LetterRenderer`` makes it) turned into engine-free blocks for the exporters.

The site and the exports must say the same thing, so the exporters do not parse
Markdown themselves: they read the HTML the site shows, which Python-Markdown made
from checked letter text (raw HTML is rejected by the checker), and keep only what
a printed document has: paragraphs with bold and italic runs, list items, tables.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from build_hooks.domain.runs import Run
from build_hooks.domain.text import nfc


@dataclass(frozen=True)
class Para:
    """One paragraph of the document."""

    runs: tuple[Run, ...]
    role: str = "body"
    """``body``, ``item`` (list item), ``subheading`` (a heading inside a letter), ``source``
    (the agency a contribution comes from), ``note`` (the Sở's remark), ``code``, ``quote``."""
    level: int = 0
    """Nesting of a list item, from 0."""
    marker: str = ""
    """What a list item starts with: ``-`` or ``1.``."""

    @property
    def text(self) -> str:
        """The run texts joined: what the paragraph says, without its formatting."""
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Note(Run):
    """A footnote's call: ``text`` is empty, ``note`` what the footnote says (foot of the page)."""

    note: str = ""


@dataclass(frozen=True)
class Table:
    """A table of the letter; every cell is a tuple of runs."""

    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    header_rows: int = 0
    spans: tuple[tuple[tuple[int, int], ...], ...] = ()
    """For each cell of ``rows``, ``(colspan, rowspan)`` of a merged cell (empty: no merged cells)."""

    def span(self, i: int, j: int) -> tuple[int, int]:
        """``(colspan, rowspan)`` of cell ``j`` of row ``i`` (``(1, 1)`` when not merged)."""
        return self.spans[i][j] if self.spans else (1, 1)

    def grid(self) -> tuple[int, list[tuple[int, int, int, int, int]]]:
        """The table as a grid, as HTML lays a table with spans out: the number of columns, and each
        cell as ``(row, column, colspan, rowspan, index in its row)``."""
        taken: set[tuple[int, int]] = set()
        placed = []
        for i, row in enumerate(self.rows):
            col = 0
            for j in range(len(row)):
                while (i, col) in taken:
                    col += 1
                cols, down = self.span(i, j)
                down = min(down, len(self.rows) - i)
                taken.update((i + a, col + b) for a in range(down) for b in range(cols))
                placed.append((i, col, cols, down, j))
                col += cols
        return max((c for _, c in taken), default=-1) + 1, placed


@dataclass
class _Node:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)
    """Nodes and strings."""


class _TreeBuilder(HTMLParser):
    VOID = {"br", "hr", "img", "input", "meta", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(html: str) -> _Node:
    """A tree of the letter HTML the site shows, so the exports say exactly what the pages say."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


BLOCK_TAGS = {"p", "ul", "ol", "li", "table", "pre", "blockquote", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
              "thead", "tbody", "tr", "th", "td"}


def html_blocks(html: str) -> list[Para | Table]:
    """The blocks of a piece of letter HTML, in order; a footnote is a ``Note`` where it is called."""
    out: list[Para | Table] = []
    root = parse_html(html)
    notes = _take_footnotes(root)
    _blocks(root, out, role="body", level=0, notes=notes)
    return out


def _take_footnotes(node: _Node) -> dict[str, str]:
    """The footnote list Python-Markdown puts at the end (``div.footnote``), taken out: id -> text."""
    notes = {}
    for child in list(node.children):
        if isinstance(child, _Node) and child.tag == "div" and child.attrs.get("class") == "footnote":
            node.children.remove(child)
            for li in _find(child, "li"):
                backrefs = [a for a in _find(li, "a") if a.attrs.get("class") == "footnote-backref"]
                for a in backrefs:
                    _remove(li, a)
                notes["#" + (li.attrs.get("id") or "")] = nfc(" ".join("".join(_text(li)).split()))
        elif isinstance(child, _Node):
            notes.update(_take_footnotes(child))
    return notes


def _remove(node: _Node, target: _Node) -> None:
    for child in list(node.children):
        if child is target:
            node.children.remove(child)
        elif isinstance(child, _Node):
            _remove(child, target)


def _blocks(node: _Node, out: list, role: str, level: int, notes: dict[str, str] | None = None) -> None:
    notes = notes if notes is not None else (_NOTES[-1] if _NOTES else {})  # nested: the passage's own
    _NOTES.append(notes)
    try:
        _blocks_with(node, out, role, level, notes)
    finally:
        _NOTES.pop()


_NOTES: list[dict[str, str]] = []
"""The footnotes of the passage being read (``_inline_all`` turns their calls into ``Note`` runs)."""


def _blocks_with(node: _Node, out: list, role: str, level: int, notes: dict[str, str]) -> None:
    pending: list = []  # inline content directly inside a container (e.g. a tight list item)

    def flush() -> None:
        runs = _clean(_inline_all(pending))
        if runs:
            out.append(Para(runs, role, level))
        pending.clear()

    for child in node.children:
        if isinstance(child, str) or child.tag not in BLOCK_TAGS:
            pending.append(child)
            continue
        flush()
        tag = child.tag
        if tag == "p":
            runs = _clean(_inline(child))
            if runs:
                cls = child.attrs.get("class") or ""
                out.append(Para(runs, "subheading" if "admonition-title" in cls else role, level))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            runs = _clean(_inline(child, bold=True))
            if runs:
                out.append(Para(runs, "subheading", level))
        elif tag in ("ul", "ol"):
            _list(child, out, level + (1 if role == "item" else 0), ordered=tag == "ol")
        elif tag == "table":
            out.append(_table(child))
        elif tag == "pre":
            text = "".join(_text(child)).rstrip("\n")
            out.append(Para((Run(nfc(text)),), "code", level))
        elif tag == "blockquote":
            _blocks(child, out, "quote", level)
        elif tag == "hr":
            continue
        else:  # div (admonitions) and stray containers
            _blocks(child, out, role, level)
    flush()


def _list(node: _Node, out: list, level: int, ordered: bool) -> None:
    number = int(node.attrs.get("start") or 1)
    for child in node.children:
        if isinstance(child, str) or child.tag != "li":
            continue
        start = len(out)
        _blocks(child, out, "item", level)
        marker = f"{number}." if ordered else "-"
        number += 1
        if len(out) > start and isinstance(out[start], Para) and out[start].role == "item":
            first = out[start]
            out[start] = Para(first.runs, "item", first.level, marker)


def _table(node: _Node) -> Table:
    rows, header, spans = [], 0, []
    for tr in _find(node, "tr"):
        tds = [td for td in tr.children if not isinstance(td, str) and td.tag in ("th", "td")]
        cells = tuple(_clean(_inline(td)) for td in tds)
        spans.append(tuple((_span(td, "colspan"), _span(td, "rowspan")) for td in tds))
        if cells and all(not isinstance(td, str) and td.tag == "th" for td in tr.children if not isinstance(td, str)):
            header += 1 if header == len(rows) else 0
        rows.append(cells)
    merged = any(span != (1, 1) for row in spans for span in row)
    return Table(tuple(rows), header, tuple(spans) if merged else ())


def _span(td: _Node, attribute: str) -> int:
    value = td.attrs.get(attribute) or "1"
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _find(node: _Node, tag: str) -> list[_Node]:
    found = []
    for child in node.children:
        if isinstance(child, _Node):
            found += [child] if child.tag == tag else _find(child, tag)
    return found


def _text(node: _Node) -> list[str]:
    return [c if isinstance(c, str) else "".join(_text(c)) for c in node.children]


def _inline_all(items: list, bold: bool = False, italic: bool = False) -> list[Run]:
    runs: list[Run] = []
    for item in items:
        if isinstance(item, str):
            runs.append(Run(item, bold, italic))
        elif item.tag == "br":
            runs.append(Run("\n", bold, italic))
        elif item.tag in ("ul", "ol"):
            continue
        elif item.tag == "sup" and (call := _note_call(item)) is not None:
            runs.append(call)
        else:
            runs += _inline(item, bold or item.tag in ("strong", "b"), italic or item.tag in ("em", "i"))
    return runs


def _note_call(sup: _Node) -> Note | None:
    """A footnote's call (``<sup><a class="footnote-ref" href="#fn-…">1</a></sup>``) as a ``Note``."""
    links = [a for a in sup.children if isinstance(a, _Node) and a.attrs.get("class") == "footnote-ref"]
    if not links or not _NOTES:
        return None
    return Note("", note=_NOTES[-1].get(links[0].attrs.get("href") or "", ""))


def _inline(node: _Node, bold: bool = False, italic: bool = False) -> list[Run]:
    return _inline_all(node.children, bold, italic)


def _clean(runs: list[Run]) -> tuple[Run, ...]:
    """Join runs of one look, fold source line breaks into spaces, trim the ends, NFC."""
    merged: list[Run] = []
    for run in runs:
        if isinstance(run, Note):
            merged.append(run)
            continue
        text = " ".join(part for part in run.text.replace("\r", "").split("\n")) if run.text != "\n" else "\n"
        text = " ".join(text.split(" ")) if text != "\n" else text
        if merged and not isinstance(merged[-1], Note) and merged[-1].bold == run.bold \
                and merged[-1].italic == run.italic and text != "\n" and merged[-1].text != "\n":
            merged[-1] = Run(merged[-1].text + text, run.bold, run.italic)
        else:
            merged.append(Run(text, run.bold, run.italic))
    while merged and not isinstance(merged[0], Note) and not merged[0].text.strip():
        merged.pop(0)
    while merged and not isinstance(merged[-1], Note) and not merged[-1].text.strip():
        merged.pop()
    if not merged:
        return ()
    if not isinstance(merged[0], Note):
        merged[0] = Run(merged[0].text.lstrip(), merged[0].bold, merged[0].italic)
    if not isinstance(merged[-1], Note):
        merged[-1] = Run(merged[-1].text.rstrip(), merged[-1].bold, merged[-1].italic)
    return tuple(r if isinstance(r, Note) else Run(nfc(_squeeze(r.text)), r.bold, r.italic)
                 for r in merged if r.text or isinstance(r, Note))


def _squeeze(text: str) -> str:
    if text == "\n":
        return text
    while "  " in text:
        text = text.replace("  ", " ")
    return text
