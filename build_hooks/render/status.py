"""Submission status: who answered, and what each answer covers, on any screen.

A matrix of every agency against every outline section (37 columns) does not
fit a screen. The page has two views of the same cells instead:

* by agency: one row per agency with its coverage summed per part of the outline
  (I, II, …), expandable (``<details>``) to every section of every part;
* by section: one row per section with the agencies that wrote it.

On a phone the rows of both tables stack (``congvan.css``). The legend is a list.
"""
from __future__ import annotations

from dataclasses import dataclass

from build_hooks.aggregate.by_section import (
    COVERED,
    MISSING,
    NOT_ASSIGNED,
    StatusRow,
    answered_count,
    is_late,
    status_rows,
)
from build_hooks.domain.model import Registry, Round, Section, Submission
from build_hooks.memo import Identity
from build_hooks.pages import paths
from build_hooks.pages.fragments import Fragments
from build_hooks.pages.kinds import heading
from build_hooks.pages.markup import esc, md

STATES = (COVERED, NOT_ASSIGNED, MISSING)
SYMBOL = {COVERED: ("✓", "có nội dung"), NOT_ASSIGNED: ("–", "không được giao nhiệm vụ"), MISSING: ("✗", "chưa có")}
BY_AGENCY_ANCHOR, BY_SECTION_ANCHOR = "theo-co-quan", "theo-muc"


@dataclass(frozen=True)
class Dates:
    """When the Sở received a letter and when it last changed (from the repository's history)."""

    received: str = ""
    """dd/mm/yyyy, or empty when unknown."""
    changed: str = ""
    """dd/mm/yyyy of the last change after receipt; empty when never changed."""
    unavailable: bool = False
    """The history could not be read (shallow clone, no git)."""


def render_status(rnd: Round, submissions: tuple[Submission, ...], registry: Registry, frags: Fragments,
                  directory_urls: bool = True, dates: dict[str, Dates] | None = None,
                  reminder: str | None = None) -> str:
    """Who has answered and which sections each letter covers: by agency, and by section.

    ``reminder``: the site path of the reminder to the agencies that have not answered, linked once
    the deadline has passed (``publish.round_letters.reminder_due``)."""
    page = paths.status(rnd.year)
    rows = status_rows(rnd, submissions, registry)
    answered = answered_count(rnd, submissions)
    deadline = rnd.deadline.short() if rnd.deadline else "chưa quy định"
    out = [f"# {md(heading('status', year=rnd.year))}\n",
           f"- Hạn nộp: **{deadline}**",
           f"- Đã trả lời: **{answered}/{len(rnd.expected)}** cơ quan được đề nghị",
           f"- Chưa trả lời: **{len(rnd.expected) - answered}**"]
    if reminder:
        out.append(f"- Đã quá hạn nộp: [Công văn đôn đốc các cơ quan chưa trả lời (Word)]"
                   f"({paths.rel(page, reminder)})")
    extra = [r for r in rows if not r.expected]
    if extra:
        out.append(f"- Trả lời ngoài danh sách đề nghị: **{len(extra)}**")
    out.append("\nKý hiệu:\n")
    out += [f"- {symbol} {label}" for symbol, label in SYMBOL.values()]
    out.append("")
    parts = _parts(rnd)
    link = {r.agency.id: paths.href(page, paths.agency(rnd.year, r.agency.id), directory_urls) for r in rows}
    out.append(f"## Theo cơ quan {{#{BY_AGENCY_ANCHOR}}}\n")
    out.append("Mỗi dòng là một cơ quan; cột *Các mục* đếm theo từng phần của đề cương, "
               "bấm vào để xem từng mục.\n")
    out.append(frags.add(_by_agency(rnd, rows, parts, link, dates or {})))
    out.append(f"\n## Theo mục {{#{BY_SECTION_ANCHOR}}}\n")
    out.append(frags.add(_by_section(rnd, rows, link)))
    return "\n".join(out)


def _parts(rnd: Round) -> list[tuple[Section, list[Section]]]:
    """Each root section of the outline (I, II, …) with itself and its descendants."""
    roots = [s for s in rnd.outline.sections if s.depth == 1]
    return [(root, [s for s in rnd.outline.sections if s.root == root.id]) for root in roots]


def _mark(state: str) -> str:
    symbol, label = SYMBOL[state]
    return f'<span class="st-mark c-{state}" aria-hidden="true">{symbol}</span><span class="st-sr">{label}</span>'


_MARKS = {state: _mark(state) for state in STATES}


_ROWS = Identity()


def _by_agency(rnd: Round, rows: list[StatusRow], parts, link: dict[str, str], dates: dict[str, Dates]) -> str:
    body = [_ROWS.get((rnd, row.agency, row.submission),
                      (row.expected, repr(dates.get(row.agency.id)), link[row.agency.id]),
                      lambda row=row: _agency_row(rnd, row, parts, link, dates)) for row in rows]
    # HTML written here: a Markdown table of thousands of rows costs seconds to parse.
    return ('<div class="status-table st-agencies"><table>\n<thead><tr><th scope="col">Cơ quan</th>'
            '<th scope="col">Trạng thái</th><th scope="col">Các mục</th></tr></thead>\n<tbody>\n'
            + "\n".join(body) + "\n</tbody></table></div>\n")


def _agency_row(rnd: Round, row: StatusRow, parts, link: dict[str, str], dates: dict[str, Dates]) -> str:
    """One agency's row: made once per letter and round under ``mkdocs serve`` (``memo``)."""
    name = esc(row.agency.name)
    if row.submission is not None:
        name = f'<a href="{esc(link[row.agency.id])}">{name}</a>'
    return (f'<tr><th scope="row">{name}</th><td>{_state(rnd, row, dates.get(row.agency.id))}</td>'
            f"<td>{_coverage(rnd, row, parts)}</td></tr>")


def _state(rnd: Round, row: StatusRow, dates: Dates | None) -> str:
    if row.submission is None:
        state = '<span class="st-missing">Chưa trả lời</span>'
    else:
        sub = row.submission
        state = '<strong class="st-answered">Đã trả lời</strong>'
        if not row.expected:
            state += ' <span class="st-extra">(ngoài danh sách)</span>'
        state += f'<br><span class="st-date">Ngày văn bản: {sub.date.short() if sub.date else "không ghi"}</span>'
        if is_late(rnd, sub):
            state += ' <span class="st-late">(quá hạn)</span>'
        if dates is not None and dates.unavailable:
            state += '<br><span class="st-date">Ngày nhận: lịch sử không có</span>'
        elif dates is not None and dates.received:
            state += f'<br><span class="st-date">Ngày nhận: {esc(dates.received)}</span>'
            if dates.changed:
                state += f'<br><span class="st-date">Sửa lần cuối: {esc(dates.changed)}</span>'
    return state


def _coverage(rnd: Round, row: StatusRow, parts) -> str:
    """Counts per part in the summary; every section, grouped by part, when expanded."""
    summary, detail = [], []
    items = _section_items(rnd, parts)
    for root, sections in parts:
        counts = {state: 0 for state in STATES}
        for s in sections:
            counts[row.cells[s.id]] += 1
        shown = " ".join(f"{_MARKS[state]}{counts[state]}" for state in STATES if counts[state])
        summary.append(f'<span class="st-part"><span class="st-part-id">{esc(root.id)}</span> {shown}</span>')
        detail.append(items[root.id, None] + "".join(items[s.id, row.cells[s.id]] for s in sections) + "</ul></li>")
    return (f'<details class="st-detail"><summary>{"".join(summary)}</summary>'
            f'<ul class="st-parts">{"".join(detail)}</ul></details>')


_ITEMS = Identity()


def _section_items(rnd: Round, parts) -> dict[tuple[str, str | None], str]:
    """The HTML of each section's line in any state, and each part's opening (state None), for
    ``parts`` (``_parts(rnd)``): written once per round, not once per agency (37 escaped titles ×
    2,000 agencies)."""
    def make() -> dict[tuple[str, str | None], str]:
        items = {}
        for root, sections in parts:
            items[root.id, None] = (f'<li><span class="st-part-title">{esc(root.id)}. {esc(root.title)}</span>'
                                    '<ul class="st-sections">')
            for s in sections:
                title = "nội dung chung của phần" if s is root else esc(s.title)
                for state in STATES:
                    items[s.id, state] = f'<li>{_MARKS[state]} <span class="st-id">{esc(s.id)}</span> {title}</li>'
        return items

    return _ITEMS.get((rnd,), (), make)


def _by_section(rnd: Round, rows: list[StatusRow], link: dict[str, str]) -> str:
    body = []
    for section in rnd.outline.sections:
        groups = {state: [r for r in rows if r.cells[section.id] == state] for state in STATES}
        counts = " ".join(f'<span class="st-count">{_MARKS[state]}{len(groups[state])}</span>' for state in STATES)
        writers = ", ".join(f'<a href="{esc(link[r.agency.id])}">{esc(r.agency.name)}</a>' for r in groups[COVERED])
        writers = f'<br><span class="st-writers">Cơ quan có nội dung: {writers}</span>' if writers else ""
        body.append(f'<tr><th scope="row">{esc(section.id)}</th><td>{esc(section.title)}</td>'
                    f"<td>{counts}{writers}</td></tr>")
    return ('<div class="status-table st-sections-table"><table>\n<thead><tr><th scope="col">Mục</th>'
            '<th scope="col">Tên mục</th><th scope="col">Số cơ quan</th></tr></thead>\n<tbody>\n'
            + "\n".join(body) + "\n</tbody></table></div>\n")
