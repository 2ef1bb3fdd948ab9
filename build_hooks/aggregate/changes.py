"""What changed in a round's outline and indicators since the round before.

Sections and indicators are matched by id, so a renumbered title is a change of
title and a new id is an addition; ``render.changes`` says it in Vietnamese.
"""
from __future__ import annotations

from dataclasses import dataclass

from build_hooks.domain.model import Round
from build_hooks.domain.numbers import format_quantity


@dataclass(frozen=True)
class Changes:
    """What changed in the outline, the indicators and the project statuses from one round to the next."""
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
        """True when nothing changed: the page then says so instead of listing empty tables."""
        return not any((self.added_sections, self.removed_sections, self.retitled_sections, self.added_indicators,
                        self.removed_indicators, self.changed_indicators, self.added_statuses, self.removed_statuses))


def diff_rounds(old: Round, new: Round) -> Changes:
    """Compare two rounds by id, so a renumbered or retitled section shows as such rather than as new."""
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
