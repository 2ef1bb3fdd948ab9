"""The letter's frame per Nghị định 30/2020: header (issuer, number, date, subject or kind,
recipients) and footer (Nơi nhận, signing block), found in the neutral document.

The frame is read as a list of lines: a paragraph is a line, a table gives its
cells' paragraphs column by column (Word and our PDF reader put the two header
and footer columns in a table). The header ends at "Kính gửi" (and its list),
or, in a document without one, after the kind's subject or the date; the footer
starts at "Nơi nhận" or the first authority line; the letter ends at the
signer's name. Every frame line is either recognised or reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_hooks.domain.problems import Problem
from build_hooks.importer import case
from build_hooks.importer.document import Document, Paragraph, Placeholder, Table
from build_hooks.load.schema import DEFAULT_KIND, KINDS

MOTTO = ("cộng hòa xã hội chủ nghĩa việt nam", "cộng hoà xã hội chủ nghĩa việt nam", "độc lập - tự do - hạnh phúc",
         "độc lập – tự do – hạnh phúc")
_GAP = r"[\s.…_]{0,80}"
"""Blanks, dots or underscores left for a hand-filled day or month: bounded, so no pattern backtracks far."""
DATE = re.compile(r"(?<!\w)ngày" + _GAP + r"(?:(?P<d>\d{1,2})" + _GAP + r")?tháng" + _GAP + r"(?P<m>\d{1,2})" + _GAP
                  + r"năm" + _GAP + r"(?P<y>\d{4})", re.IGNORECASE)
"""The date line's date; it starts at "ngày" (the place before it is read by ``date_place``)."""
NUMBER = re.compile(r"^Số(?:\s{0,20}:)?\s{0,80}(?P<n>[\d.…_][\d.…_\s]{0,80}/\S+|\S+)", re.IGNORECASE)
SUBJECT = re.compile(r"^V/[vV](?:\s{0,20}[:.])?\s*(?P<s>.*)", re.DOTALL)
RECIPIENT = re.compile(r"^Kính\s+gửi\s*:?\s*(?P<r>.*)$", re.IGNORECASE)
CC = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<r>.*)$", re.IGNORECASE)
SIGNED = re.compile(r"^\(?\s*(đã ký|ký|ký tên|ký,|đóng dấu|chữ ký|đã ký và đóng dấu)", re.IGNORECASE)
SEPARATOR = re.compile(r"^[-_–—=.*\s]+$")
ITEM = re.compile(r"^[-–+•]\s*")
KIND_NAMES = {k.upper(): k for k in KINDS if k != DEFAULT_KIND}
HEADER_LIMIT = 40
"""The header is within the first lines; a "Kính gửi" further down belongs to the body."""


@dataclass(frozen=True)
class Line:
    """One line of the letter's header or footer, with where it stands (left or right column)."""
    text: str
    block: int
    """Index of the block (paragraph or table) the line is in."""
    column: int
    paragraph: Paragraph


@dataclass(frozen=True)
class Frame:
    """What the header and footer say (number, date, subject, recipients, signer, cc) and where the body lies."""
    kind: str = DEFAULT_KIND
    number: str = ""
    date: str = ""
    """As the format writes it: ``dd/mm/yyyy``, or ``mm/yyyy`` when the day was left blank."""
    place: str = ""
    subject: str = ""
    recipients: tuple[str, ...] = ()
    issuer: tuple[str, ...] = ()
    """Header lines naming the parent and issuing body (the registry holds them)."""
    authorities: tuple[str, ...] = ()
    title: str = ""
    name: str = ""
    cc: tuple[str, ...] = ()
    body: tuple[int, int] = (0, 0)
    """Blocks ``[start, end)`` between header and footer."""
    trailing: tuple[int, int] = (0, 0)
    """Blocks after the signer's name (an attachment, another document)."""
    unrecognised: tuple[tuple[int, str], ...] = ()
    """(source line, text) of header or footer lines not understood: written as comments, reported."""
    findings: tuple[Problem, ...] = field(default=())


def lines_of(doc: Document) -> list[Line]:
    """The document's lines in reading order, each with its column, for recognising header and footer."""
    out = []
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph):
            out.append(Line(block.text.strip(), i, 0, block))
        elif isinstance(block, Table):
            for row in block.rows:
                columns = [c for c in row if not c.merged]
                for col, cell in enumerate(columns):
                    out.extend(Line(p.text.strip(), i, col, p) for p in cell.paragraphs)
    return out


def _items(text: str) -> list[str]:
    """``- A; - B.`` or ``A.`` into ``[A, B]``, list marks and closing punctuation dropped."""
    parts = [p for p in re.split(r"(?:^|\s)[-–+•]\s+", " " + text) if p.strip()]
    return [p.strip().rstrip(";.,").strip() for p in parts]


def date_place(text: str, m: re.Match) -> tuple[str, str]:
    """The place written before a found date (``Quảng Ngãi, ngày …`` → ``Quảng Ngãi``: no comma or digit in it),
    and the text before that place."""
    before = text[:m.start()].rstrip()
    before = before[:-1] if before.endswith(",") else before
    place = re.split(r"[,\d]", before)[-1]
    return place.strip(), before[:len(before) - len(place)]


def _date(m: re.Match) -> str:
    return (f"{int(m['d']):02d}/" if m["d"] else "") + f"{int(m['m']):02d}/{m['y']}"


def _strip_motto(text: str) -> str:
    low = " ".join(text.lower().split())
    if low and any(low in motto for motto in MOTTO) and len(low) >= 6:
        return ""  # a piece of the motto wrapped in a narrow column ("VIỆT NAM")
    for motto in MOTTO:
        at = low.find(motto)
        if at >= 0:
            text, low = (text[:at] + text[at + len(motto):]).strip(), (low[:at] + low[at + len(motto):]).strip()
    return text


def _header_end(lines: list[Line]) -> int:
    """Index of the first line after the header."""
    head = lines[:HEADER_LIMIT]
    for i, line in enumerate(head):
        if RECIPIENT.match(line.text):
            j = i + 1
            rest = RECIPIENT.match(line.text)["r"].strip()
            if not rest or rest.endswith(";") or rest.startswith("-"):
                while j < len(lines) and (ITEM.match(lines[j].text) or not lines[j].text) and j - i < 20:
                    j += 1
            return j
    last = 0
    for i, line in enumerate(head):
        text = line.text
        if DATE.search(text) or NUMBER.match(text) or SUBJECT.match(text) or _strip_motto(text) != text:
            last = i + 1
        if text.upper().strip() in KIND_NAMES:
            last = i + 1
            j = i + 1
            while j < len(head) and (not head[j].text or _is_kind_subject(head[j], head[i])):
                j += 1
                last = j
            break
    return last


def _is_kind_subject(line: Line, kind_line: Line) -> bool:
    """A line of the trích yếu under the kind's name: centred (Word) or the one paragraph after it (text)."""
    p = line.paragraph
    if kind_line.paragraph.style or kind_line.paragraph.align:
        return p.align == "center" and not RECIPIENT.match(line.text)
    return line.block == kind_line.block + 1


def _footer_start(lines: list[Line], start: int) -> int:
    for i in range(start, len(lines)):
        if CC.match(lines[i].text) or (case.AUTHORITY.match(lines[i].text) and case.is_upper(lines[i].text)):
            return i
    return len(lines)


def _join_wrapped_dates(lines: list[Line]) -> list[Line]:
    """``Quảng Ngãi, ngày … tháng 12 năm`` / ``2023`` in a narrow column: one line again."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and prev.block == line.block and prev.column == line.column and line.text \
                and not DATE.search(prev.text) and DATE.search(prev.text + " " + line.text):
            out[-1] = Line(prev.text + " " + line.text, prev.block, prev.column, prev.paragraph)
        else:
            out.append(line)
    return out


def read_header(lines: list[Line], path: str) -> tuple[dict, list[Problem]]:
    """Read the Nghị định 30 header: issuing body, number, date, kind, V/v and Kính gửi."""
    found: dict = {"issuer": [], "recipients": []}
    lines = _join_wrapped_dates(lines)
    problems: list[Problem] = []
    in_subject = None
    kind_line = None
    in_recipients = False
    for line in lines:
        text = _strip_motto(line.text)
        if not text or SEPARATOR.match(text):
            continue
        if (m := RECIPIENT.match(text)) is not None:
            found["recipients"] += _items(m["r"])
            in_subject, in_recipients = None, True
            continue
        if in_recipients and ITEM.match(text):
            found["recipients"] += _items(text)
            continue
        if (m := NUMBER.match(text)) is not None:
            found["number"] = re.sub(r"\s+", "", m["n"]).lstrip(".…_")
            text = text[m.end():].strip()
            if not text:
                continue
        if (m := DATE.search(text)) is not None:
            found["place"], before = date_place(text, m)
            found["date"] = _date(m)
            text = (before + text[m.end():]).strip()
            if not text:
                continue
        if (m := SUBJECT.match(text)) is not None:
            found["subject"] = m["s"].strip()
            in_subject = line
            continue
        if text.upper() in KIND_NAMES:
            found["kind"], kind_line = KIND_NAMES[text.upper()], line
            in_subject = None
            continue
        if kind_line is not None and _is_kind_subject(line, kind_line):
            found["subject"] = (found.get("subject", "") + " " + text).strip()
            continue
        if in_subject is not None and line.block == in_subject.block and line.column == in_subject.column \
                and not case.is_upper(text):
            found["subject"] += " " + text
            continue
        if case.is_upper(text) and "number" not in found and "subject" not in found:
            found["issuer"].append(text)
            continue
        found.setdefault("unrecognised", []).append((line.paragraph.line, text))
    return found, problems


def read_footer(lines: list[Line], path: str) -> tuple[dict, int, list[Problem]]:
    """What the footer says, and how many of ``lines`` it used (up to the signer's name)."""
    found: dict = {"cc": [], "authorities": []}
    problems: list[Problem] = []
    in_cc = seen_cc = False
    state = "authority"
    used = len(lines)
    for i, line in enumerate(lines):
        text = line.text
        if not text or SEPARATOR.match(text):
            continue
        if (m := CC.match(text)) is not None:
            in_cc = seen_cc = True
            found["cc"] += _items(m["r"]) if m["r"].strip() else []
            continue
        if (in_cc or seen_cc) and ITEM.match(text):
            found["cc"] += _items(text)  # the left column may come after the right one (a page break)
            continue
        if in_cc and found["cc"] and text[:1].islower() and state == "authority" and not found["authorities"]:
            found["cc"][-1] += " " + text.rstrip(";.")
            continue
        in_cc = False
        if state == "authority" and case.AUTHORITY.match(text):
            found["authorities"].append(case.position(text))
            continue
        if state == "authority":
            found["title"], state = case.position(text), "name"
            continue
        if state == "name":
            if SIGNED.match(text) or text.startswith("("):
                continue
            found["name"], used = case.name(text), i + 1
            break
    if "name" not in found:  # no complete signing block: keep its lines for a hand to place
        found["unrecognised"] = [(x.paragraph.line, x.text) for x in lines if x.text and not CC.match(x.text)
                                 and not ITEM.match(x.text)]
        found["authorities"], found["title"] = [], ""
    return found, used, problems


def read_frame(doc: Document) -> Frame:
    """Find the header, body and footer of a letter and read its frame."""
    lines = lines_of(doc)
    end = _header_end(lines)
    header, problems = read_header(lines[:end], doc.path)
    body_start = lines[end].block if end < len(lines) else len(doc.blocks)
    if end > 0 and end < len(lines) and lines[end - 1].block == lines[end].block:
        body_start = lines[end].block + 1  # the header's last line shares a table with what follows
    foot = _footer_start(lines, end)
    body_end = lines[foot].block if foot < len(lines) else len(doc.blocks)
    footer_lines = [x for x in lines[foot:] if x.block >= body_end]
    footer, used, foot_problems = read_footer(footer_lines, doc.path)
    problems += foot_problems
    after = footer_lines[used - 1].block + 1 if footer_lines and used else len(doc.blocks)
    while after < len(doc.blocks) and _is_blank(doc.blocks[after]):
        after += 1
    return Frame(
        kind=header.get("kind", DEFAULT_KIND), number=header.get("number", ""), date=header.get("date", ""),
        place=header.get("place", ""), subject=" ".join(header.get("subject", "").split()),
        recipients=tuple(header["recipients"]), issuer=tuple(header["issuer"]),
        authorities=tuple(footer["authorities"]), title=footer.get("title", ""), name=footer.get("name", ""),
        cc=tuple(footer["cc"]), body=(body_start, max(body_start, body_end)), trailing=(after, len(doc.blocks)),
        unrecognised=tuple(header.get("unrecognised", []) + footer.get("unrecognised", [])),
        findings=tuple(problems),
    )


def _is_blank(block) -> bool:
    return isinstance(block, Paragraph) and not block.text.strip() and not isinstance(block, Placeholder)
