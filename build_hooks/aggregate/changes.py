"""What changed in a round's outline and indicators since the round before.

Sections and indicators are matched by id, so a renumbered title is a change of
title and a new id is an addition; ``render_changes`` says it in Vietnamese.
"""
from __future__ import annotations

from dataclasses import dataclass

from build_hooks.domain.model import Round
from build_hooks.domain.numbers import format_quantity
from build_hooks.render.markup import md
from build_hooks.site import paths


@dataclass(frozen=True)
class Changes:
    year: int
    previous_year: int
    added_sections: tuple[str, ...]
    removed_sections: tuple[str, ...]
    retitled_sections: tuple[tuple[str, str, str], ...]
    """(id, old title, new title)."""
    added_indicators: tuple[str, ...]
    removed_indicators: tuple[str, ...]
    changed_indicators: tuple[tuple[str, str], ...]
    """(id, what changed, in Vietnamese)."""
    added_statuses: tuple[str, ...]
    removed_statuses: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not any((self.added_sections, self.removed_sections, self.retitled_sections, self.added_indicators,
                        self.removed_indicators, self.changed_indicators, self.added_statuses, self.removed_statuses))


def diff_rounds(old: Round, new: Round) -> Changes:
    old_s = {s.id: s for s in old.outline.sections}
    new_s = {s.id: s for s in new.outline.sections}
    old_i = {i.id: i for i in old.indicators}
    new_i = {i.id: i for i in new.indicators}
    changed = []
    for iid, ind in new_i.items():
        before = old_i.get(iid)
        if before is None:
            continue
        if before.name != ind.name:
            changed.append((iid, f"tên: \"{before.name}\" → \"{ind.name}\""))
        old_units = {u.unit: u for u in before.units}
        new_units = {u.unit: u for u in ind.units}
        for unit in new_units.keys() - old_units.keys():
            changed.append((iid, f"thêm đơn vị {unit}"))
        for unit in old_units.keys() - new_units.keys():
            changed.append((iid, f"bỏ đơn vị {unit}"))
        for unit in new_units.keys() & old_units.keys():
            a, b = old_units[unit].target, new_units[unit].target
            if (a and a.text) != (b and b.text):
                changed.append((iid, f"chỉ tiêu kế hoạch ({unit}): {_target(a)} → {_target(b)}"))
        if before.direction != ind.direction:
            changed.append((iid, "đổi hướng đánh giá"))
    return Changes(
        new.year, old.year,
        tuple(s for s in new_s if s not in old_s), tuple(s for s in old_s if s not in new_s),
        tuple((s, old_s[s].title, new_s[s].title) for s in new_s if s in old_s and old_s[s].title != new_s[s].title),
        tuple(i for i in new_i if i not in old_i), tuple(i for i in old_i if i not in new_i), tuple(changed),
        tuple(s for s in new.project_statuses if s not in old.project_statuses),
        tuple(s for s in old.project_statuses if s not in new.project_statuses))


def _target(q) -> str:
    return format_quantity(q) if q else "không có"


def render_changes(c: Changes, old: Round, new: Round) -> str:
    page = paths.changes(new.year)
    out = [f"# Thay đổi so với năm {c.previous_year}\n",
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
