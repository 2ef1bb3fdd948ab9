"""Submission status: every expected agency against every outline section."""
from __future__ import annotations

from . import paths
from .aggregate import COVERED, MISSING, NOT_ASSIGNED, answered_count, is_late, status_rows
from .markup import md
from .model import Registry, Round, Submission

SYMBOL = {COVERED: ("✓", "Có nội dung"), NOT_ASSIGNED: ("–", "Không được giao"), MISSING: ("✗", "Chưa có")}


def render_status(rnd: Round, submissions: tuple[Submission, ...], registry: Registry) -> str:
    page = paths.status(rnd.year)
    rows = status_rows(rnd, submissions, registry)
    answered = answered_count(rnd, submissions)
    deadline = rnd.deadline.short() if rnd.deadline else "chưa quy định"
    out = [f"# Tình hình nộp báo cáo năm {rnd.year}\n",
           f"- Hạn nộp: **{deadline}**",
           f"- Đã trả lời: **{answered}/{len(rnd.expected)}** cơ quan được đề nghị",
           f"- Chưa trả lời: **{len(rnd.expected) - answered}**"]
    extra = [r for r in rows if not r.expected]
    if extra:
        out.append(f"- Trả lời ngoài danh sách đề nghị: **{len(extra)}**")
    out.append("\nKý hiệu: ✓ có nội dung; – không được giao nhiệm vụ; ✗ chưa có nội dung.\n")
    sections = rnd.outline.sections
    headers = ["Cơ quan", "Trạng thái", "Ngày văn bản"] + [s.id for s in sections]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        name = md(row.agency.name)
        if row.submission is None:
            state, date = "Chưa trả lời", ""
        else:
            state = "**Đã trả lời**"
            date = row.submission.date.short() if row.submission.date else "không ghi ngày"
            if is_late(rnd, row.submission):
                date += " (quá hạn)"
            name = f"[{name}]({paths.rel(page, paths.agency(rnd.year, row.agency.id))})"
        if not row.expected:
            state += " (ngoài danh sách)"
        cells = [SYMBOL[row.cells[s.id]][0] for s in sections]
        lines.append("| " + " | ".join([name, state, date] + cells) + " |")
    out.append('<div class="status-table" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n")
    out.append("\n**Các mục:** " + "; ".join(f"{s.id}: {md(s.title)}" for s in sections) + "\n")
    return "\n".join(out)
