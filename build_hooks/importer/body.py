"""The letter's body (blocks between header and footer) as the format's Markdown.

Outline headings come in three guises: Heading styles, bold Normal paragraphs
that start with a number (``II.``, ``4.1.``, ``a)``), and Word automatic numbering
(number computed by ``numbering``). Each becomes an ATX heading whose level
follows its number (``# II.``, ``## 4.``, ``### 4.1.``), which ``load.sections``
maps to the outline. ``- ``/``+ `` paragraphs and Word lists become Markdown
lists, tables pipe tables; bold and italic stay; footnotes follow their
paragraph; images, charts and text boxes leave a visible mark and a warning.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from build_hooks.domain.catalogue import finding
from build_hooks.domain.problems import Problem
from build_hooks.importer.document import NOTE_MARK, Paragraph, Placeholder, Run, Table
from build_hooks.load.sections import heading_number

LETTERED = re.compile(r"^(?P<num>[a-zđ])\)\s*(?P<title>.*)$")
DASH_ITEM = re.compile(r"^(?P<mark>[-–•+])\s+(?P<text>.*)$")
_ESCAPE = re.compile(r"([\\`*_\[\]|])")
WHAT = {"image": "Hình ảnh", "chart": "Biểu đồ", "textbox": "Hộp văn bản (text box)", "object": "Đối tượng nhúng",
        "hidden": "Chữ ẩn"}
RULE_OF = {"image": "import-image", "chart": "import-chart", "textbox": "import-textbox", "object": "import-image",
           "hidden": "import-hidden"}


@dataclass(frozen=True)
class Chunk:
    """One Markdown block of the body and the source position it came from."""

    markdown: str
    source_line: int
    tight: bool = False
    """A list item: joins the previous list item without a blank line."""
    guess: str = ""
    """What ``placement`` may still decide about this chunk: ``title`` (an unnumbered heading or paragraph,
    perhaps a section's title), ``lettered`` (an ``a)`` item or heading), ``shape`` (a heading only because
    it starts with a number)."""
    plain: str = ""
    """The chunk's text without marks (for ``lettered``: after its letter), for ``placement`` to match."""


@dataclass(frozen=True)
class Body:
    """The letter's body as Markdown chunks, with the findings that need a hand (index of the chunk, rule, fields)."""
    chunks: tuple[Chunk, ...]
    findings: tuple[tuple[int, str, dict], ...]
    """(chunk index, rule, message, hint): located in the output once the writer knows the lines."""
    sections: tuple[str, ...]
    """Numbered headings written, as text (``II.``, ``4.1.``), for the command's summary."""


def escape(text: str) -> str:
    """Source text as Markdown that shows it literally and that the checker accepts.

    Python-Markdown has no backslash escape for ``<`` and the checker's HTML, link and
    attribute rules read ``\\{`` or ``\\(`` as the real thing, so those become entities or
    are broken up: ``<b>`` -> ``&lt;b&gt;``, ``{: onclick=x}`` -> ``&#123;: onclick=x}``,
    ``[a](javascript:…)`` -> ``\\[a\\]\\(javascript:…)``; ``&lt;`` typed in a letter stays text."""
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;").replace("{", "&#123;")
    text = _ESCAPE.sub(r"\\\1", text)
    return text.replace("\\](", "\\]\\(")


def inline(runs: tuple[Run, ...] | list[Run], plain: bool = False) -> str:
    """Runs as Markdown; bold and italic kept (``plain`` drops them, for headings)."""
    merged: list[list] = []
    for run in runs:
        key = (run.bold, run.italic)
        if merged and merged[-1][0] == key:
            merged[-1][1] += run.text
        else:
            merged.append([key, run.text])
    out = []
    for (bold, italic), text in merged:
        text = re.sub(r"\s+", " ", text)
        core = text.strip()
        if not core:
            out.append(text)
            continue
        mark = "" if plain else ("***" if bold and italic else "**" if bold else "*" if italic else "")
        lead, tail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        out.append(f"{lead}{mark}{escape(core)}{mark}{tail}")
    return "".join(out).strip()


def _number_of(p: Paragraph) -> tuple[str, str] | None:
    """(number, title) when the paragraph starts with, or Word gives it, an outline or lettered number."""
    text = p.text.strip()
    if p.number and not p.bullet and p.number != "?":
        return p.number.strip(), text
    numbered = heading_number(text)
    if numbered is not None:
        return numbered.number + ".", numbered.title
    m = LETTERED.match(text)
    return (m["num"] + ")", m["title"]) if m else None


def _level(number: str, current: int) -> int:
    if number.endswith(")"):
        return min(6, current + 1)
    parts = number.rstrip(".").split(".")
    return min(6, len(parts) + (0 if parts[0][0] in "IVX" else 1))


SHAPE_LIMIT = 250
"""Characters a numbered line of a text or PDF letter may have to be taken for a heading by its shape alone."""
TITLE_LIMIT = 400
"""Characters a paragraph may have to be compared with the outline's titles (the longest, II.6.2, has 377)."""


def _heading_by(p: Paragraph, number: str | None, fmt: str) -> str:
    """Why the paragraph is a heading (``style``, ``bold``, ``roman``, ``shape``), or ``""`` when it is not.

    ``shape`` is a guess: a short line of a text or PDF letter that starts with a number and does not end
    like a sentence, neither bold nor styled."""
    if p.style.startswith(("Heading", "Title")):
        return "style"
    if number is None:
        return ""
    if p.bold or number[0] in "IVX":
        return "bold" if p.bold else "roman"
    if fmt == "docx":
        return ""
    text = p.text.strip()
    shaped = len(text) <= SHAPE_LIMIT and not text.endswith((".", ";", ":")) and not number.endswith(")")
    return "shape" if shaped else ""


class _Writer:
    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.chunks: list[Chunk] = []
        self.findings: list[tuple[int, str, dict]] = []
        self.sections: list[str] = []
        self.notes = 0
        """Footnotes numbered so far: each gets its own number through the letter."""
        self.level = 0

    def add(self, markdown: str, line: int, tight: bool = False, guess: str = "", plain: str = "") -> None:
        self.chunks.append(Chunk(markdown, line, tight, guess, plain))

    def paragraph(self, p: Paragraph) -> None:
        text = p.text.replace(NOTE_MARK, "").strip()
        if not text:
            return
        start = len(self.chunks)
        self._paragraph(p, text)
        self._footnotes(p, start)

    def _footnotes(self, p: Paragraph, start: int) -> None:
        """The paragraph's footnotes as Markdown footnotes numbered through the letter: ``[^n]`` where Word put
        the reference (at the paragraph's end when the reader gave no place), ``[^n]: …`` after the paragraph."""
        numbers = []
        for i in range(start, len(self.chunks)):
            md = self.chunks[i].markdown
            while NOTE_MARK in md and len(numbers) < len(p.notes):
                self.notes += 1
                numbers.append(self.notes)
                md = md.replace(NOTE_MARK, f"[^{self.notes}]", 1)
            self.chunks[i] = dataclasses.replace(self.chunks[i], markdown=md.replace(NOTE_MARK, ""))
        while len(numbers) < len(p.notes) and len(self.chunks) > start:
            self.notes += 1
            numbers.append(self.notes)
            last = self.chunks[-1]
            self.chunks[-1] = dataclasses.replace(last, markdown=last.markdown + f"[^{self.notes}]")
        for number, note in zip(numbers, p.notes, strict=False):
            self.add(f"[^{number}]: {escape(note)}", p.line)

    def _paragraph(self, p: Paragraph, text: str) -> None:
        number = _number_of(p)
        lettered = number[1] if number and number[0].endswith(")") else None
        guess = "lettered" if lettered is not None else ""
        if by := _heading_by(p, number[0] if number else None, self.fmt):
            self.heading(p, number, "shape" if by == "shape" else guess)
        elif p.bullet or DASH_ITEM.match(text):
            self.item(p)
        elif p.number and p.number != "?":
            self.add("    " * p.level + f"{escape(p.number)} {inline(p.runs)}", p.line, tight=True, guess=guess,
                     plain=inline((Run(lettered or ""),), plain=True))
        else:
            if p.number == "?":
                self.findings.append((len(self.chunks), "import-numbering", {"source_line": p.line}))
            body = inline(p.runs)
            body = re.sub(r"^(\d+)([.)])(?=\s)", r"\1\\\2", body)  # "2023. …" is text, not a list
            if re.match(r"^(#|[-+]\s)", body):
                body = "\\" + body
            if not guess and number is None and len(text) <= TITLE_LIMIT:
                guess = "title"  # a paragraph that may be, word for word, a section's title without its number
            self.add(body, p.line, guess=guess,
                     plain=inline((Run(lettered if lettered is not None else text),), plain=True) if guess else "")

    def heading(self, p: Paragraph, number: tuple[str, str] | None, guess: str = "") -> None:
        if number is None:
            level = min(6, max(self.level, 0) + 1)
            plain = inline(p.runs, plain=True)
            self.add(f"{'#' * level} {plain}", p.line, guess="title", plain=plain)
            return
        num, title = number
        level = _level(num, self.level)
        if not num.endswith(")"):
            self.level = level
            self.sections.append(num)
        title = inline((Run(title),), plain=True) if title else ""
        self.add(f"{'#' * level} {num} {title}".rstrip(), p.line, guess=guess, plain=title)

    def item(self, p: Paragraph) -> None:
        m = DASH_ITEM.match(p.text.strip())
        runs = p.runs
        indent = "    " * p.level
        if m and not p.bullet:
            indent = "    " if m["mark"] == "+" and self.chunks and self.chunks[-1].tight else ""
            runs = _drop_prefix(p.runs, len(p.text) - len(p.text.lstrip()) + m.start("text"))
        self.add(f"{indent}- {inline(runs)}", p.line, tight=True)

    def table(self, t: Table) -> None:
        """A pipe table; a merged cell is written ``<<`` (merged into its left neighbour) or ``^^`` (into the
        cell above), the convention of ``handbook/format.md``, so the page and the Sở's documents span it."""
        rows = [[_merge_mark(t.rows, r, c) or _cell(cell) for c, cell in enumerate(row)]
                for r, row in enumerate(t.rows)]
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        header = 1  # a row merged up into the header (a two-level heading) is a header row too
        while header < len(rows) - 1 and "^^" in rows[header]:
            header += 1
        lines = ["| " + " | ".join(r) + " |" for r in rows[:header]] + ["|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[header:]]
        if not t.ruled:
            self.findings.append((len(self.chunks), "import-guessed-table",
                                  {"source_line": t.line, "rows": len(rows), "columns": width}))
        self.add("\n".join(lines), t.line)

    def placeholder(self, ph: Placeholder) -> None:
        what = WHAT.get(ph.what, "Đối tượng")
        name = f" '{ph.name}'" if ph.name else ""
        if ph.text:
            self.add(escape(ph.text), ph.line)
        self.findings.append((len(self.chunks), RULE_OF.get(ph.what, "import-image"),
                              {"what": what, "name": name, "source_line": ph.line, "text": ph.text[:60]}))
        if ph.what == "hidden":
            self.add("*[Đoạn chữ trên bị ẩn trong văn bản gốc (Word: Hidden), không có trên bản in.]*", ph.line)
            return
        self.add(f"*[{what}{escape(name)} trong văn bản gốc: chưa chuyển.]*", ph.line)


def _drop_prefix(runs: tuple[Run, ...], n: int) -> list[Run]:
    out = []
    for run in runs:
        if n >= len(run.text):
            n -= len(run.text)
            continue
        out.append(Run(run.text[n:], run.bold, run.italic))
        n = 0
    return out


def _merge_mark(rows, r: int, c: int) -> str:
    """``<<`` or ``^^`` for a cell that repeats a merged cell's content (the reader shares its paragraphs)."""
    cell = rows[r][c]
    if not cell.merged:
        return ""
    if c > 0 and rows[r][c - 1].paragraphs is cell.paragraphs:
        return "<<"
    if r > 0 and c < len(rows[r - 1]) and rows[r - 1][c].paragraphs is cell.paragraphs:
        return "^^"
    return ""


def _cell(cell) -> str:
    return " ".join(inline(p.runs) for p in cell.paragraphs if p.text.strip()).replace("\n", " ")


def convert_body(blocks, fmt: str) -> Body:
    """Turn the body's blocks into numbered headings, lists, tables and paragraphs; ``fmt`` names the source format."""
    w = _Writer(fmt)
    for block in blocks:
        if isinstance(block, Paragraph):
            w.paragraph(block)
        elif isinstance(block, Table):
            w.table(block)
        else:
            w.placeholder(block)
    return Body(tuple(w.chunks), tuple(w.findings), tuple(w.sections))


def body_markdown(body: Body) -> tuple[str, list[int]]:
    """The body text, and the line (from 1) each chunk starts on."""
    out: list[str] = []
    starts: list[int] = []
    line = 1
    for i, chunk in enumerate(body.chunks):
        if i and not (chunk.tight and body.chunks[i - 1].tight):
            out.append("")
            line += 1
        starts.append(line)
        out.append(chunk.markdown)
        line += chunk.markdown.count("\n") + 1
    return "\n".join(out) + "\n", starts


def located(body: Body, starts: list[int], path: str, first_line: int) -> list[Problem]:
    """The body's findings as problems at their line in the written file."""
    problems = []
    for index, rule, params in body.findings:
        line = starts[index] if index < len(starts) else (starts[-1] if starts else 1)
        problems.append(finding(rule, path, first_line + line - 1, 1, **params))
    return problems
