"""An exported report, edited in Word, read back into the Sở's report file (``import --report``).

The clerk finishes the report in Word; this brings the text back so that the site and the next
export show what was signed. The importer's DOCX reader (``importer/docx_reader.py``) reads the
file and its frame reader (``importer/frame.py``) finds the head, the body and the foot; the body is
written back in the report file's own conventions, which the export made and the letter importer
does not know: the outline's headings from the Heading styles, merged cells as ``<<``/``^^`` with
every header row above the delimiter, footnotes as ``[^label]`` (the old file's labels where the
note is the same), list items from their printed marker. The front-matter is the old file's, with
what the DOCX head and foot say in its place (number, date, trích yếu, Kính gửi, signer, Nơi nhận);
what Word cannot carry is kept from the old file: the list of letters the draft was made from and
the clerk's HTML comments under sections still empty.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_hooks.importer.body import escape, inline
from build_hooks.importer.document import NOTE_MARK, Document, Paragraph, Placeholder, Table
from build_hooks.importer.frame import read_frame
from build_hooks.letter_text import footnotes

KEYS = ("agency", "year", "kind", "number", "date", "subject", "recipient", "signer", "cc")
"""The front-matter keys of the report file, in the order the draft writes them."""
_NOTE_CALL = re.compile(r"\\?\((\d+)\\?\)")
_HEADING_STYLE = re.compile(r"Heading (\d)")
_ORDERED = re.compile(r"(\d+)\.\s")
_COMMENT = re.compile(r"^(#{1,6} .+)\n\n(<!--.*?-->)\n", re.M | re.S)
_ITEM = re.compile(r"(- |\d+\. )")
_LITERAL_CALL = re.compile(r"\\\[\^([\w-]+)\\\]")
"""A footnote call Word printed as text (``\\[^1\\]`` once escaped): made a call again."""


@dataclass(frozen=True)
class ReadBack:
    """The report file made from the edited DOCX, and what changed in its body."""

    text: str
    changed: tuple[str, ...]
    """Paragraphs of the body that are new or edited, in order (as written in the file)."""
    removed: tuple[str, ...]
    """Paragraphs of the old body that are gone."""
    skipped: tuple[str, ...]
    """What the DOCX holds that a report file cannot (pictures, text boxes), described."""


def read_back(doc: Document, header_rows: list[int], old: str) -> ReadBack:
    """The report file for ``doc`` (read by the importer), given the old file's text ``old`` and the
    number of repeated header rows of each table of the DOCX, in document order."""
    frame = read_frame(doc)
    old_head, old_body = _split(old)
    labels = {_norm(text): label for label, text in footnotes.DEFINITION.findall(old_body)}
    tables = iter(header_rows)
    table_index = {id(b): next(tables, 1) for b in doc.blocks if isinstance(b, Table)}
    chunks, skipped, notes = [], [], []  # a section's footnote definitions go at its end, as drafted
    for block in doc.blocks[frame.body[0]:frame.body[1]]:
        if isinstance(block, Table):
            chunks.append(_table(block, table_index[id(block)]))
        elif isinstance(block, Placeholder):
            skipped.append(f"{block.what} {block.name}".strip())
        elif block.text.strip():
            if _HEADING_STYLE.fullmatch(block.style or "") and notes:
                chunks.append("\n".join(notes))
                notes = []
            text, definitions = _paragraph(block, labels)
            chunks.append(text)
            notes += definitions
    if notes:
        chunks.append("\n".join(notes))
    body = _keep_comments(_joined(chunks) + "\n", old_body)
    text = _front_matter(frame, old_head) + "\n" + body
    before, after = _paragraphs(old_body), _paragraphs(body)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    changed, removed = [], []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            changed += after[b1:b2]
            removed += [p for p in before[a1:a2] if p not in after]
    return ReadBack(text, tuple(changed), tuple(removed), tuple(skipped))


def header_rows_of(path: Path) -> list[int]:
    """How many rows repeat as a header in each table of the DOCX, in document order."""
    import docx
    from docx.oxml.ns import qn

    word = docx.Document(str(path))
    counts = []
    for table in word.element.body.iter(qn("w:tbl")):
        n = 0
        for tr in table.findall(qn("w:tr")):
            pr = tr.find(qn("w:trPr"))
            if pr is None or pr.find(qn("w:tblHeader")) is None:
                break
            n += 1
        counts.append(n)
    return counts


def _split(text: str) -> tuple[str, str]:
    """(front-matter lines without the ``---`` fences, body) of a report file."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[4:end + 1], text[end + 5:].lstrip("\n")
    return "", text


def _norm(text: str) -> str:
    return " ".join(text.split())


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _front_matter(frame, old_head: str) -> str:
    """The old front-matter with what the DOCX says in place of its values; its comments kept."""
    old = yaml.safe_load(old_head) or {} if old_head else {}
    values = dict(old)
    if frame.number:
        values["number"] = frame.number
    if frame.date:
        values["date"] = frame.date
    if frame.subject:
        values["subject"] = frame.subject
    if frame.recipients:
        values["recipient"] = list(frame.recipients) if len(frame.recipients) > 1 else frame.recipients[0]
    if frame.name and frame.title:
        signer = {"name": frame.name, "title": frame.title}
        if frame.authorities:
            signer["on_behalf"] = frame.authorities[0]
        values["signer"] = signer
    if frame.cc:
        values["cc"] = list(frame.cc)
    lines = ["---"]
    for key in [*KEYS, *(k for k in values if k not in KEYS)]:
        if key not in values:
            continue
        lines += _yaml(key, values[key])
        if key == "recipient" and "signer" not in values:
            lines += [c for c in old_head.splitlines() if c.startswith("# signer:")]
    comment = False
    for line in old_head.splitlines():  # the draft's list of letters, for the next ``draft`` run
        comment = line.startswith("#") and (comment or "Dự thảo" in line)
        if comment:
            lines.append(line)
    lines.append("---")
    return "\n".join(lines) + "\n"


def _yaml(key: str, value) -> list[str]:
    if isinstance(value, dict):
        return [f"{key}:"] + [f"  {k}: {_q(str(v))}" for k, v in value.items()]
    if isinstance(value, list):
        return [f"{key}:"] + [f"  - {_q(str(v))}" for v in value]
    if isinstance(value, int):
        return [f"{key}: {value}"]
    if key in ("agency", "kind"):
        return [f"{key}: {value}"]
    return [f"{key}: {_q(str(value))}"]


def _paragraph(p: Paragraph, labels: dict[str, str]) -> tuple[str, list[str]]:
    """The paragraph as Markdown, and the definitions of the footnotes it calls."""
    style = _HEADING_STYLE.fullmatch(p.style or "")
    if style:
        return "#" * int(style.group(1)) + " " + _norm(p.text), []
    text = _LITERAL_CALL.sub(r"[^\1]", inline(p.runs))
    prefix = ""
    if text.startswith("\\- ") or text.startswith("- "):
        prefix, text = "- ", text.split(" ", 1)[1]
    elif (m := re.match(r"(\d+)\\?\.\s", text)) and p.text.startswith(m.group(1) + "."):
        prefix, text = f"{m.group(1)}. ", text[m.end():]
    definitions = []
    for i, note in enumerate(p.notes, start=1):
        label = labels.get(_norm(note)) or f"{i}"
        text = text.replace(NOTE_MARK, f"[^{label}]", 1)  # where Word's footnote reference stands
        definitions.append(f"[^{label}]: {escape(_norm(note))}")
    return prefix + text.replace(NOTE_MARK, ""), definitions


def _table(t: Table, header: int) -> str:
    header = max(1, min(header, len(t.rows) - 1)) if len(t.rows) > 1 else 1
    lines = []
    for r, row in enumerate(t.rows):
        cells = []
        for c, cell in enumerate(row):
            if cell.merged and c > 0 and cell.paragraphs is row[c - 1].paragraphs:
                cells.append("<<")
            elif cell.merged and r > 0 and c < len(t.rows[r - 1]) and cell.paragraphs is t.rows[r - 1][c].paragraphs:
                cells.append("^^")
            else:
                runs = [run for p in cell.paragraphs for run in p.runs]
                text = escape(_norm(cell.text)) if r < header else inline(runs)
                cells.append(text.replace("|", "\\|"))
        lines.append("| " + " | ".join(cells) + " |")
        if r == header - 1:
            lines.append("|" + "---|" * len(row))
    return "\n".join(lines)


def _joined(chunks: list[str]) -> str:
    """Blocks one blank line apart; items of one list on consecutive lines (a tight list, as drafted)."""
    out = ""
    for i, chunk in enumerate(chunks):
        item = _ITEM.match(chunk) and "\n" not in chunk
        if i and item and _ITEM.match(chunks[i - 1]) and "\n" not in chunks[i - 1]:
            out += "\n" + chunk
        else:
            out += ("\n\n" if i else "") + chunk
    return out


def _keep_comments(body: str, old_body: str) -> str:
    """The clerk's HTML comments under headings that are still empty, put back where they were."""
    for heading, comment in _COMMENT.findall(old_body):
        at = body.find(heading + "\n")
        if at < 0:
            continue
        end = at + len(heading) + 1
        rest = body[end:].lstrip("\n")
        if not rest or rest.startswith("#"):
            body = body[:end] + "\n" + comment + "\n" + ("\n" if rest else "") + rest
    return body


def _paragraphs(body: str) -> list[str]:
    return [_norm(p) for p in body.split("\n\n") if p.strip() and not p.strip().startswith("<!--")]
