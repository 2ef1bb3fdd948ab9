"""Merging the replies of one round: by outline section, and who answered what.

Pure functions over the loaded model; the renderers only format their results.
"""
from __future__ import annotations

from dataclasses import dataclass

from build_hooks.domain.model import Agency, Part, Registry, Round, Submission
from build_hooks.domain.statuses import COVERED, MISSING, NOT_ASSIGNED
from build_hooks.memo import Identity


@dataclass(frozen=True)
class Contribution:
    """What one agency wrote under one outline section (or outside every section)."""

    agency: Agency
    submission: Submission
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class StatusRow:
    """One agency's line of the status matrix: did it answer, and what it said of each section."""
    agency: Agency
    expected: bool
    """False for an agency that answered without being on the round's list."""
    submission: Submission | None
    cells: dict[str, str]
    """Section id -> ``covered``, ``not-assigned`` or ``missing``."""


def contributions(section_id: str | None, submissions, registry: Registry) -> list[Contribution]:
    """Every agency's text for a section, in registry order (``None``: text outside sections)."""
    result = []
    for sub in submissions:
        parts = tuple(p for p in sub.parts if p.section_id == section_id and p.has_text)
        agency = registry.get(sub.agency)
        if parts and agency is not None:
            result.append(Contribution(agency, sub, parts))
    return result


def by_section(rnd: Round, submissions, registry: Registry) -> dict[str | None, list[Contribution]]:
    """All contributions keyed by section id, in one pass over the parts."""
    table: dict[str | None, list[Contribution]] = {s.id: [] for s in rnd.outline.sections}
    table[None] = []
    for sub in submissions:
        agency = registry.get(sub.agency)
        if agency is None:
            continue
        grouped: dict[str | None, list[Part]] = {}
        for part in sub.parts:
            if part.has_text:
                grouped.setdefault(part.section_id, []).append(part)
        for section_id, parts in grouped.items():
            table.setdefault(section_id, []).append(Contribution(agency, sub, tuple(parts)))
    return table


_CELLS = Identity()


def section_cells(rnd: Round, sub: Submission | None) -> dict[str, str]:
    """What an agency's letter says of each section of the outline, in its order: covered (itself or a
    sub-section written), not assigned, or missing (everywhere, when ``sub`` is None).

    Worked out once per letter and round: the letter's page, the status page and the open data show it.
    """
    def make() -> dict[str, str]:
        if sub is None:
            return dict.fromkeys((s.id for s in rnd.outline.sections), MISSING)
        written = set(sub.written_sections())
        covered = {w.rsplit(".", n)[0] for w in written for n in range(w.count(".") + 1)}  # and their parents
        return {s.id: COVERED if s.id in covered else NOT_ASSIGNED if sub.is_not_assigned(s.id) else MISSING
                for s in rnd.outline.sections}

    return _CELLS.get((rnd, sub), (), make)


def status_rows(rnd: Round, submissions, registry: Registry) -> list[StatusRow]:
    """Expected agencies first (registry order), then those who answered unasked."""
    answered = {s.agency: s for s in submissions}
    expected = set(rnd.expected)
    ids = [a.id for a in registry.agencies if a.id in expected]
    ids += [a.id for a in registry.agencies if a.id in answered and a.id not in expected]
    rows = []
    for agency_id in ids:
        sub = answered.get(agency_id)
        rows.append(StatusRow(registry.get(agency_id), agency_id in expected, sub, section_cells(rnd, sub)))
    return rows


def answered_count(rnd: Round, submissions) -> int:
    """How many of the agencies the round asked have answered (replies from others are not counted)."""
    expected = set(rnd.expected)
    return sum(1 for s in submissions if s.agency in expected)


def is_late(rnd: Round, sub: Submission) -> bool:
    """Dated after the deadline; a letter dated only by month is late only if the month is."""
    if rnd.deadline is None or sub.date is None:
        return False
    if sub.date.day is None or rnd.deadline.day is None:
        return (sub.date.year, sub.date.month) > (rnd.deadline.year, rnd.deadline.month)
    return sub.date > rnd.deadline
