"""Indicators of section I.1: one row per indicator and unit, target status, conflicts, trends.

Pure functions over the loaded model. An agency's figure is never chosen over
another's: when two letters give different values for the same indicator and
unit, the row keeps both and is marked as a conflict, and ``conflict_problems``
returns a warning naming both files.
"""
from __future__ import annotations

from dataclasses import dataclass

from build_hooks.domain.catalogue import finding
from build_hooks.domain.model import (
    AcknowledgedConflict,
    Agency,
    Corpus,
    IndicatorDef,
    IndicatorValue,
    Registry,
    Round,
    Submission,
)
from build_hooks.domain.numbers import Quantity, format_number
from build_hooks.domain.problems import Problem
from build_hooks.domain.statuses import CONFLICT, MET, NO_DATA, NO_TARGET, NOT_MET
from build_hooks.domain.text import fold

STATUS_LABELS = {MET: "Đạt", NOT_MET: "Chưa đạt", NO_TARGET: "Không có chỉ tiêu", NO_DATA: "Chưa có số liệu",
                 CONFLICT: "Số liệu không thống nhất"}


@dataclass(frozen=True)
class Figure:
    """One agency's figure for one indicator in one unit."""

    agency: Agency
    submission: Submission
    value: IndicatorValue
    target: Quantity | None
    """The target it is judged against: the round's for this unit, else the one the letter gives."""
    status: str


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator in one unit, for one round: every figure reported and what they say together."""

    year: int
    definition: IndicatorDef
    unit: str
    target: Quantity | None
    """The round's target for this unit (None when the plan sets none)."""
    target_note: str
    figures: tuple[Figure, ...]
    acknowledged: AcknowledgedConflict | None = None
    previous: Quantity | None = None
    """Last year's value: as the letters state it, else the previous round's agreed value."""
    previous_source: str = ""
    """``van-ban`` (stated in the letter), ``nam-truoc`` (previous round), or empty."""

    @property
    def key(self) -> tuple[str, str]:
        """``(indicator id, unit)``: what identifies a row within a round."""
        return (self.definition.id, self.unit)

    @property
    def distinct_values(self) -> list[Quantity]:
        """The different values reported, in report order (one when the agencies agree)."""
        seen: dict[tuple, Quantity] = {}
        for report in self.figures:
            seen.setdefault(quantity_key(report.value.value), report.value.value)
        return list(seen.values())

    @property
    def conflict(self) -> bool:
        """True when two letters give different values (``9,5`` and ``9.5`` are the same value)."""
        return len(self.distinct_values) > 1

    @property
    def value(self) -> Quantity | None:
        """The value, when at least one agency reported it and all agree; None otherwise."""
        values = self.distinct_values
        return values[0] if len(values) == 1 else None

    @property
    def status(self) -> str:
        """The row's target status; a conflict overrides what any single figure says."""
        if not self.figures:
            return NO_DATA
        statuses = {r.status for r in self.figures}
        if self.conflict and len(statuses) > 1:
            return CONFLICT
        return statuses.pop()

    @property
    def change(self) -> float | None:
        """Value minus last year's, when both are single numbers."""
        value, previous = self.value, self.previous
        if value is None or previous is None or value.kind != "number" or previous.kind != "number":
            return None
        return round(value.low - previous.low, 10)


def quantity_key(q: Quantity) -> tuple:
    """Two figures are the same when they read as the same number, range or bound (``9,5`` = ``9.5``)."""
    if q.is_numeric:
        return (q.kind, q.low, q.high, q.op)
    return ("text", fold(" ".join(q.text.split())))


# --- target status -------------------------------------------------------------------------

def _lowest(q: Quantity) -> tuple[float, int] | None:
    """Smallest value ``q`` allows, as (number, 1 if strictly above it)."""
    if q.kind in ("number", "range"):
        return (q.low, 0)
    if q.kind == "bound" and q.op.startswith(">"):
        return (q.low, 1 if q.op == ">" else 0)
    return None


def _highest(q: Quantity) -> tuple[float, int] | None:
    """Largest value ``q`` allows, as (number, -1 if strictly below it)."""
    if q.kind in ("number", "range"):
        return (q.high, 0)
    if q.kind == "bound" and q.op.startswith("<"):
        return (q.high, -1 if q.op == "<" else 0)
    return None


def target_status(value: Quantity | None, target: Quantity | None, direction: str = "higher") -> str:
    """Whether ``value`` meets ``target``, for numbers, ranges and bounds alike.

    A value meets the target when every number it allows does: ``9`` meets ``8 - 9``
    and ``> 63`` (and so does ``10``: exceeding a growth range is meeting it), ``8 - 9``
    does not meet ``> 8,5``. A range or single-number target is a floor when higher is
    better and a ceiling when lower is better; a bound says its own direction.
    """
    if value is None:
        return NO_DATA
    if target is None or not target.is_numeric:
        return NO_TARGET
    if not value.is_numeric:
        return NO_DATA  # "Đang xây dựng đề án" against "8 - 9": nothing to compare yet
    if target.kind == "bound":
        floor = target.op.startswith(">")
        limit = (target.low if floor else target.high, 0)
        strict = target.op in (">", "<")
    else:
        floor = direction != "lower"
        limit = (target.low if floor else target.high, 0)
        strict = False
    end = _lowest(value) if floor else _highest(value)
    if end is None:
        return NO_DATA  # e.g. "< 5" against a floor: the figure does not say enough
    if floor:
        ok = end > limit if strict else end >= limit
    else:
        ok = end < limit if strict else end <= limit
    return MET if ok else NOT_MET


# --- rows of one round ---------------------------------------------------------------------

def indicator_rows(rnd: Round, submissions, registry: Registry,
                   previous_rows: list[IndicatorRow] | None = None) -> list[IndicatorRow]:
    """Every indicator of the round in every unit it is defined or reported in, in round order.

    Units come in the order the round defines them, then any other unit an agency used.
    ``previous_rows`` (the previous round's rows) fill in last year's value when the
    letters do not state it.
    """
    reported: dict[tuple[str, str], list[tuple[Submission, IndicatorValue]]] = {}
    for sub in submissions:
        for value in sub.indicators:
            reported.setdefault((value.id, value.unit), []).append((sub, value))
    before = {row.key: row for row in previous_rows or []}
    acks = {(a.indicator, a.unit): a for a in rnd.acknowledged_conflicts}
    rows = []
    for definition in rnd.indicators:
        units = [u.unit for u in definition.units]
        units += sorted({unit for (iid, unit) in reported if iid == definition.id and unit not in units})
        for unit in units or [""]:
            unit_def = definition.unit_def(unit)
            target = unit_def.target if unit_def else None
            figures = tuple(_figure(registry, sub, value, target, definition.direction)
                            for sub, value in reported.get((definition.id, unit), []))
            previous, source = _previous(figures, before.get((definition.id, unit)))
            rows.append(IndicatorRow(rnd.year, definition, unit, target, unit_def.note if unit_def else "", figures,
                                     acks.get((definition.id, unit)), previous, source))
    return rows


def _figure(registry: Registry, sub: Submission, value: IndicatorValue, target: Quantity | None,
            direction: str) -> Figure:
    used = target if target is not None else value.target
    return Figure(registry.get(sub.agency), sub, value, used, target_status(value.value, used, direction))


def _previous(figures: tuple[Figure, ...], before: IndicatorRow | None) -> tuple[Quantity | None, str]:
    stated = {quantity_key(r.value.previous): r.value.previous for r in figures if r.value.previous is not None}
    if len(stated) == 1:
        return next(iter(stated.values())), "van-ban"
    if before is not None and before.value is not None:
        return before.value, "nam-truoc"
    return None, ""


def rows_by_year(corpus: Corpus) -> dict[int, list[IndicatorRow]]:
    """Indicator rows of every round, oldest first so each round can see the one before."""
    result: dict[int, list[IndicatorRow]] = {}
    previous: list[IndicatorRow] | None = None
    for rnd in sorted(corpus.rounds, key=lambda r: r.year):
        previous = indicator_rows(rnd, corpus.submissions.get(rnd.year, ()), corpus.registry, previous)
        result[rnd.year] = previous
    return result


# --- conflicts -----------------------------------------------------------------------------

def conflict_problems(rnd: Round, rows: list[IndicatorRow]) -> list[Problem]:
    """A warning per pair of letters that disagree, naming both files; none once acknowledged.

    An acknowledgement in the round file that matches no conflict any more is a
    warning too, so a stale explanation is not published beside agreeing figures.
    """
    problems = []
    for row in rows:
        if not row.conflict or row.acknowledged is not None:
            continue
        first = row.figures[0]
        for other in row.figures[1:]:
            if quantity_key(other.value.value) == quantity_key(first.value.value):
                continue
            problems.append(finding(
                "indicator-conflict", first.submission.path, first.value.line, 1, indicator=row.definition.id,
                unit=row.unit or "không đơn vị", year=row.year, letter=first.submission.path,
                value=first.value.value.text, other_letter=other.submission.path, other_line=other.value.line,
                other_value=other.value.value.text, round_path=rnd.path))
    conflicted = {row.key for row in rows if row.conflict}
    for ack in rnd.acknowledged_conflicts:
        if (ack.indicator, ack.unit) not in conflicted:
            problems.append(finding("stale-acknowledgement", rnd.path, ack.line, 1, indicator=ack.indicator,
                                    unit=ack.unit))
    return problems


def corpus_conflicts(corpus: Corpus) -> list[Problem]:
    """Every unacknowledged conflict and stale acknowledgement of every round: the build reports them as warnings."""
    by_year = rows_by_year(corpus)
    return [p for rnd in corpus.rounds for p in conflict_problems(rnd, by_year[rnd.year])]


# --- trends across rounds ------------------------------------------------------------------

@dataclass(frozen=True)
class TrendPoint:
    """One round's figure for an indicator and unit, or the round's silence about it."""
    year: int
    row: IndicatorRow | None
    """None when the round does not have this indicator in this unit."""


@dataclass(frozen=True)
class Trend:
    """One indicator in one unit across every round, oldest first."""

    id: str
    name: str
    unit: str
    direction: str
    points: tuple[TrendPoint, ...]

    @property
    def has_numbers(self) -> bool:
        """True when some round has a figure to draw; otherwise the page shows no chart."""
        return any(r.value.value.is_numeric for p in self.points if p.row for r in p.row.figures)


def trends(corpus: Corpus, by_year: dict[int, list[IndicatorRow]] | None = None) -> list[Trend]:
    """Every (indicator, unit) that any round has, in the newest round's order, then older ones."""
    by_year = by_year or rows_by_year(corpus)
    years = sorted(by_year)
    keys: list[tuple[str, str]] = []
    latest: dict[tuple[str, str], IndicatorRow] = {}
    for year in reversed(years):
        for row in by_year[year]:
            if row.key not in latest:
                keys.append(row.key)
                latest[row.key] = row
    order = {iid: i for i, iid in enumerate(dict.fromkeys(k[0] for k in keys))}
    keys.sort(key=lambda k: order[k[0]])
    index = {year: {r.key: r for r in by_year[year]} for year in years}
    result = []
    for key in keys:
        points = tuple(TrendPoint(year, index[year].get(key)) for year in years)
        row = latest[key]
        result.append(Trend(key[0], row.definition.name, key[1], row.definition.direction, points))
    return result


def format_change(change: float | None) -> str:
    """A change from one year to the next as readers write it: ``+1,5``, ``-2``, ``0``."""
    if change is None:
        return ""
    if change == 0:
        return "0"
    return ("+" if change > 0 else "") + format_number(change)
