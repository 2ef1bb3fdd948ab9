"""Mapping a letter's body onto the outline by its numbered headings.

Vietnamese documents number headings in two ways, and both must work:

* absolute: ``## II.4.1. Huy động …``;
* relative to the enclosing Roman section: ``# II. KẾT QUẢ …``, then
  ``## 4. …``, then ``### 4.1. …``, which is II.4.1.

A numbered heading owns the text up to the next heading of the same or higher
level; unnumbered headings are sub-headings of the section they stand in. The
body is returned as ``Part`` records in file order whose text, joined with the
headings, is exactly the body: nothing can fall between two parts.

Two things the clerk did not mean are handled here. The last paragraph, when it
ends with the end mark ``./.`` of a Vietnamese administrative text, is the
letter's closing formula, not the last section's text: it becomes a part of its
own (``closing``). An unnumbered heading at the level of the numbered heading
before it closes that section (Markdown's rule); the text that follows moves to
the enclosing section, so a warning says so and how to keep it inside.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from build_hooks.domain.catalogue import finding
from build_hooks.domain.lines import split_lines
from build_hooks.domain.model import Heading, Outline, Part
from build_hooks.domain.problems import Problem
from build_hooks.load.fences import fenced_lines
from build_hooks.load.reader import did_you_mean

HEADING = re.compile(r"^(#{1,6})(?!#)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$")
# Roman numbers take a dot ("II."), Arabic ones a dot or a second component ("4.1").
END_MARK = "./."
"""Ends the body of a Vietnamese administrative text (Nghị định 30/2020)."""
NUMBER = re.compile(
    r"^(?P<num>[IVX]+(?:\.\d+)*|\d+(?:\.\d+)+|\d+(?=\.))\.?(?:[ \t]+|$)(?P<title>.*)$"
)


@dataclass(frozen=True)
class NumberedHeading:
    """The outline number at the start of a heading, and the title after it."""
    number: str
    """As written, without trailing dot: ``4.1`` or ``II.4.1``."""
    title: str

    @property
    def is_absolute(self) -> bool:
        """True for ``II.4.1`` (absolute), false for ``4.1`` (relative to its Roman heading)."""
        return self.number[0] in "IVX"


def heading_number(text: str) -> NumberedHeading | None:
    """The outline number a heading starts with (``II.4.1.``, ``4.1.``, ``V.``), or None for a sub-heading."""
    m = NUMBER.match(text)
    if not m:
        return None
    if m["num"][0] in "IVX" and "." not in text[: len(m["num"]) + 1] and m["title"]:
        return None  # "V Kế hoạch" without a dot is read as words, not as section V
    return NumberedHeading(m["num"], m["title"].strip())


def iter_headings(lines: list[str]):
    """Yield ``(index, level, text)`` for ATX headings outside fenced code (as ``load.fences`` finds it)."""
    code = fenced_lines(lines)
    for i, line in enumerate(lines):
        if i not in code and (m := HEADING.match(line)):
            yield i, len(m[1]), m[2]


def split_body(body: str, first_line: int, outline: Outline, path: str) -> tuple[list[Part], list[Problem]]:
    """Cut the body into parts by numbered headings; report unknown or misplaced numbers."""
    lines = split_lines(body, keepends=True)
    problems: list[Problem] = []
    stack: list[tuple[int, str]] = []  # (level, section id) of open numbered headings
    seen: dict[str, int] = {}
    parts: list[Part] = []
    current: dict = {"section": None, "heading": None, "start": 0, "base": 0}

    def close(end: int) -> None:
        text = "".join(lines[current["start"]:end])
        if current["heading"] is not None or text:
            parts.append(Part(current["section"], current["heading"], text, current["base"],
                              first_line + current["start"]))

    for index, level, text in iter_headings(lines):
        closed = []
        while stack and stack[-1][0] >= level:
            closed.append(stack.pop())
        line_no = first_line + index
        number = heading_number(text)
        if number is None and text.strip() and any(lvl == level for lvl, _sid in closed):
            problems.append(_same_level(path, line_no, level, text, closed[-1][1], stack[-1][1] if stack else None))
        section_id = _resolve(number, stack, outline, path, line_no, level, problems) if number else None
        if section_id and section_id in seen:
            problems.append(finding("duplicate-section", path, line_no, level + 2, section=section_id,
                                    first=seen[section_id]))
            section_id = None
        if section_id:
            seen[section_id] = line_no
            close(index)
            while stack and not section_id.startswith(stack[-1][1] + "."):
                stack.pop()  # an absolute number closes the sections it is not part of
            stack.append((level, section_id))
            current.update(section=section_id, heading=Heading(level, text, line_no), start=index + 1, base=level)
        else:
            owner = stack[-1] if stack else (0, None)
            if owner[1] != current["section"] or owner[0] != current["base"]:
                close(index)
                current.update(section=owner[1], heading=None, start=index, base=owner[0])
    close(len(lines))
    return _split_closing(parts), problems


def _same_level(path: str, line: int, level: int, text: str, closed: str, owner: str | None) -> Problem:
    """An unnumbered heading at the level of the numbered section before it closes that section: say where
    its text goes."""
    where = f"mục {owner}" if owner else "phần chung ngoài các mục"
    deeper = "#" * min(6, level + 1)
    return finding("heading-closes-section", path, line, level + 2, text=text.strip(), closed=closed, where=where,
                   deeper=deeper)


def _split_closing(parts: list[Part]) -> list[Part]:
    """Split the last paragraph off the last part when it ends with the end mark ``./.``."""
    if not parts or not parts[-1].has_text:
        return parts
    last = parts[-1]
    lines = split_lines(last.markdown, keepends=True)
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and lines[start - 1].strip():
        start -= 1
    paragraph = "".join(lines[start:end]).strip()
    if not paragraph.endswith(END_MARK) or paragraph.startswith(("#", "|", "-", "*", ">", "```", "~~~")):
        return parts
    if start in fenced_lines(lines):
        return parts  # code (load.fences), not the letter's closing
    body = Part(last.section_id, last.heading, "".join(lines[:start]), last.base_level, last.line, closing=False)
    closing = Part(None, None, "".join(lines[start:]), 0, last.line + start, closing=True)
    return parts[:-1] + ([body] if body.heading is not None or body.markdown else []) + [closing]


def _resolve(number: NumberedHeading, stack, outline: Outline, path: str, line: int, level: int,
             problems: list[Problem]) -> str | None:
    col = level + 2
    if number.is_absolute:
        section_id = number.number
    elif stack:
        section_id = stack[0][1].split(".")[0] + "." + number.number
    else:
        problems.append(finding("orphan-number", path, line, col, number=number.number))
        return None
    if outline.get(section_id) is None:
        problems.append(finding("unknown-section", path, line, col, section=section_id,
                                suggestion=did_you_mean(section_id, outline.ids()), sections=", ".join(outline.ids())))
        return None
    parent = stack[-1][1] if stack else None
    # An absolute number says where it belongs; a relative one must agree with its enclosing heading,
    # which catches "### 1." written under "## 4." when "4.1." was meant.
    if parent and not number.is_absolute and not section_id.startswith(parent + "."):
        problems.append(finding("misplaced-section", path, line, col, section=section_id, parent=parent))
        return None
    return section_id


def shift_headings(markdown: str, by: int) -> str:
    """Move every ATX heading ``by`` levels (clamped to 1..6), leaving fenced code alone."""
    if by == 0:
        return markdown
    lines = split_lines(markdown, keepends=True)
    for index, level, _text in list(iter_headings(lines)):
        new = max(1, min(6, level + by))
        lines[index] = "#" * new + lines[index][level:]
    return "".join(lines)
