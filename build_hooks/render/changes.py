"""The page "Thay đổi so với năm trước": what changed in the outline and indicators since the last round."""
from __future__ import annotations

from build_hooks.aggregate.changes import Changes
from build_hooks.domain.model import Round
from build_hooks.pages import paths
from build_hooks.pages.kinds import heading
from build_hooks.pages.markup import md


def render_changes(c: Changes, old: Round, new: Round) -> str:
    """The page "Thay đổi so với năm trước" for ``new`` against ``old``."""
    page = paths.changes(new.year)
    out = [f"# {md(heading('changes', previous_year=c.previous_year))}\n",
           f"Đề cương và danh sách chỉ tiêu năm {c.year} so với năm {c.previous_year}. Các mục và chỉ tiêu được "
           "đối chiếu theo số mục (mã chỉ tiêu): cùng số mục là cùng một mục, kể cả khi tên thay đổi.\n"]
    if c.empty:
        out.append(f"Đề cương, chỉ tiêu và các tình trạng dự án **không thay đổi** so với năm {c.previous_year}.\n")
        return "\n".join(out)
    old_s = {s.id: s for s in old.outline.sections}
    new_s = {s.id: s for s in new.outline.sections}
    report = paths.rel(page, paths.report(new.year))
    if c.added_sections:
        out.append("## Mục mới\n")
        out += [f"- [{sid}. {md(new_s[sid].title)}]({report}#{new_s[sid].anchor})" for sid in c.added_sections]
        out.append("")
    if c.removed_sections:
        out.append(f"## Mục không còn trong đề cương năm {c.year}\n")
        out += [f"- {sid}. {md(old_s[sid].title)}" for sid in c.removed_sections]
        out.append("")
    if c.retitled_sections:
        out.append("## Mục đổi tên\n")
        out += [f"- {sid}: \"{md(a)}\" → \"{md(b)}\"" for sid, a, b in c.retitled_sections]
        out.append("")
    names = {i.id: i.name for i in (*old.indicators, *new.indicators)}
    if c.added_indicators or c.removed_indicators or c.changed_indicators:
        out.append("## Chỉ tiêu\n")
        out += [f"- Chỉ tiêu mới: {md(names[i])} (`{i}`)" for i in c.added_indicators]
        out += [f"- Không còn báo cáo: {md(names[i])} (`{i}`)" for i in c.removed_indicators]
        out += [f"- {md(names[i])} (`{i}`): {md(what)}" for i, what in c.changed_indicators]
        out.append("")
    if c.added_statuses or c.removed_statuses:
        out.append("## Tình trạng dự án\n")
        out += [f"- Thêm: {md(s)}" for s in c.added_statuses] + [f"- Bỏ: {md(s)}" for s in c.removed_statuses]
        out.append("")
    return "\n".join(out)
