"""Submission status: every expected agency against every outline section."""
from __future__ import annotations

from build_hooks.aggregate.by_section import (
    COVERED,
    MISSING,
    NOT_ASSIGNED,
    answered_count,
    is_late,
    status_rows,
)
from build_hooks.domain.model import Registry, Round, Submission
from build_hooks.render.fragments import Fragments
from build_hooks.render.markup import esc, md
from build_hooks.site import paths
from build_hooks.site.pages import heading

SYMBOL = {COVERED: ("✓", "Có nội dung"), NOT_ASSIGNED: ("–", "Không được giao"), MISSING: ("✗", "Chưa có")}


def render_status(rnd: Round, submissions: tuple[Submission, ...], registry: Registry, frags: Fragments,
                  directory_urls: bool = True) -> str:
    """Who has answered and which sections each letter covers."""
    page = paths.status(rnd.year)
    rows = status_rows(rnd, submissions, registry)
    answered = answered_count(rnd, submissions)
    deadline = rnd.deadline.short() if rnd.deadline else "chưa quy định"
    out = [f"# {md(heading('status', year=rnd.year))}\n",
           f"- Hạn nộp: **{deadline}**",
           f"- Đã trả lời: **{answered}/{len(rnd.expected)}** cơ quan được đề nghị",
           f"- Chưa trả lời: **{len(rnd.expected) - answered}**"]
    extra = [r for r in rows if not r.expected]
    if extra:
        out.append(f"- Trả lời ngoài danh sách đề nghị: **{len(extra)}**")
    out.append("\nKý hiệu: ✓ có nội dung; – không được giao nhiệm vụ; ✗ chưa có nội dung.\n")
    sections = rnd.outline.sections
    head = "".join(f'<th scope="col" title="{esc(s.title)}">{esc(s.id)}</th>' for s in sections)
    body = []
    for row in rows:
        name = esc(row.agency.name)
        if row.submission is None:
            state, date = '<span class="st-missing">Chưa trả lời</span>', ""
        else:
            state = '<strong class="st-answered">Đã trả lời</strong>'
            date = row.submission.date.short() if row.submission.date else "không ghi ngày"
            if is_late(rnd, row.submission):
                date += ' <span class="st-late">(quá hạn)</span>'
            target = paths.href(page, paths.agency(rnd.year, row.agency.id), directory_urls)
            name = f'<a href="{esc(target)}">{name}</a>'
        if not row.expected:
            state += ' <span class="st-extra">(ngoài danh sách)</span>'
        cells = "".join(f'<td class="c-{row.cells[s.id]}" title="{SYMBOL[row.cells[s.id]][1]}">'
                        f'{SYMBOL[row.cells[s.id]][0]}</td>' for s in sections)
        body.append(f"<tr><td>{name}</td><td>{state}</td><td>{date}</td>{cells}</tr>")
    # HTML written here: a Markdown table of thousands of rows costs seconds to parse.
    out.append(frags.add('<div class="status-table"><table>\n<thead><tr><th scope="col">Cơ quan</th>'
               f'<th scope="col">Trạng thái</th><th scope="col">Ngày văn bản</th>{head}</tr></thead>\n<tbody>\n'
               + "\n".join(body)
               + "\n</tbody></table></div>\n"))
    out.append("\n**Các mục:** " + "; ".join(f"{s.id}: {md(s.title)}" for s in sections) + "\n")
    return "\n".join(out)
