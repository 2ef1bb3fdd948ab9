"""Reading a round file ``submissions/<year>/round.yml``: the request and its outline."""
from __future__ import annotations

import re

from build_hooks.domain.dates import DateError, PartialDate, parse_date
from build_hooks.domain.model import (
    AcknowledgedConflict,
    DocumentRef,
    IndicatorDef,
    IssuedReport,
    Outline,
    Registry,
    Round,
    Section,
    Signer,
    UnitDef,
)
from build_hooks.domain.numbers import parse_quantity
from build_hooks.domain.problems import Problem
from build_hooks.load.reader import Reader, did_you_mean
from build_hooks.load.schema import REPORT, REPORT_SIGNER, names
from build_hooks.load.yamlsource import load_yaml

ROUND_KEYS = ("year", "title", "request", "legal_bases", "deadline", "expected", "outline",
              "indicators", "project_statuses", "acknowledged_conflicts", "demo", "report")
REF_KEYS = ("kind", "number", "date", "issuer", "title")
SECTION_KEYS = ("id", "title", "note", "mirror")
INDICATOR_KEYS = ("id", "name", "unit", "target", "direction", "note", "units")
UNIT_KEYS = ("unit", "target", "note")
ACK_KEYS = ("indicator", "unit", "note")
SECTION_ID = re.compile(r"^[IVX]+(\.\d+)*$")


def parse_round(text: str, path: str, folder_year: int, registry: Registry) -> tuple[Round | None, list[Problem]]:
    """Read a ``round.yml`` into a ``Round`` (outline with mirrors expanded, indicators, expected agencies)."""
    doc, problems = load_yaml(text, path)
    if doc is None:
        return None, problems
    r = Reader(doc, path, problems)
    if r.mapping(()) is None:
        return None, problems
    r.unknown_keys((), ROUND_KEYS)
    year = r.get(("year",))
    if year != folder_year:
        r.fail(("year",), "year-mismatch", "round", year=year, folder=folder_year)
    title = r.text(("title",), required=True) or ""
    request = _ref(r, ("request",)) or DocumentRef("", None)
    bases = tuple(ref for i in range(len(r.get(("legal_bases",)) or [])) if (ref := _ref(r, ("legal_bases", i))))
    deadline = _date(r, ("deadline",))
    outline = _outline(r)
    expected = r.text_list(("expected",), allow_single=False)
    for i, agency_id in enumerate(expected):
        if registry.get(agency_id) is None:
            r.fail(("expected", i), "unknown-agency", "expected", agency=agency_id,
                   suggestion=did_you_mean(agency_id, registry.ids()))
    indicators = _indicators(r)
    statuses = r.text_list(("project_statuses",), allow_single=False)
    acknowledged = _acknowledged(r, indicators)
    demo = r.get(("demo",)) is True
    report = _report(r)
    rnd = Round(year=folder_year, title=title, request=request, legal_bases=bases, outline=outline,
                indicators=indicators, expected=expected, deadline=deadline, project_statuses=statuses,
                acknowledged_conflicts=acknowledged, demo=demo, report=report, path=path)
    return rnd, problems


def _date(r: Reader, where: tuple) -> PartialDate | None:
    value = r.text(where)
    if value is None:
        return None
    try:
        return parse_date(value)
    except DateError as exc:
        r.fail(where, "bad-date", "round", reason=exc)
        return None


def _report(r: Reader) -> IssuedReport | None:
    """The ``report`` block (``schema.REPORT``): every key optional, blanks kept for hand-filling."""
    where = ("report",)
    if r.mapping(where, required=False) is None:
        return None
    r.unknown_keys(where, names(REPORT))
    signer = Signer("", "")
    if r.mapping(where + ("signer",), required=False) is not None:
        at = where + ("signer",)
        r.unknown_keys(at, names(REPORT_SIGNER))
        on_behalf = tuple(line for line in r.text_list(at + ("on_behalf",)) if line)
        signer = Signer(r.text(at + ("name",)) or "", r.text(at + ("title",)) or "", on_behalf)
    return IssuedReport(kind=r.text(where + ("kind",)) or "BÁO CÁO", number=r.text(where + ("number",)) or "",
                        date=_date(r, where + ("date",)), subject=r.text(where + ("subject",)) or "",
                        recipients=r.text_list(where + ("recipient",)), signer=signer,
                        cc=r.text_list(where + ("cc",), allow_single=False), line=r.doc.where(where)[0])


def _ref(r: Reader, where: tuple) -> DocumentRef | None:
    if r.mapping(where) is None:
        return None
    r.unknown_keys(where, REF_KEYS)
    return DocumentRef(number=r.text(where + ("number",), required=True) or "", date=_date(r, where + ("date",)),
                       issuer=r.text(where + ("issuer",)) or "", kind=r.text(where + ("kind",)) or "",
                       title=r.text(where + ("title",)) or "")


def _outline(r: Reader) -> Outline:
    items = r.get(("outline",))
    if not isinstance(items, list) or not items:
        r.fail(("outline",), "missing-key", "outline", on_key=True)
        return Outline(())
    sections: list[Section] = []
    mirrors: list[tuple[int, str, tuple]] = []
    for i in range(len(items)):
        where = ("outline", i)
        if r.mapping(where) is None:
            continue
        r.unknown_keys(where, SECTION_KEYS)
        sid = r.text(where + ("id",), required=True)
        title = r.text(where + ("title",), required=True)
        if not sid or title is None:
            continue
        if not SECTION_ID.match(sid):
            r.fail(where + ("id",), "bad-section-id", section=sid)
            continue
        if any(s.id == sid for s in sections):
            r.fail(where + ("id",), "duplicate-section", "outline", section=sid)
            continue
        parent = sid.rsplit(".", 1)[0] if "." in sid else None
        if parent and not any(s.id == parent for s in sections):
            r.fail(where + ("id",), "orphan-section", section=sid, parent=parent)
        sections.append(Section(sid, title, r.text(where + ("note",)) or ""))
        if mirror := r.text(where + ("mirror",)):
            mirrors.append((len(sections), mirror, where + ("mirror",)))
    # Expand mirrors from last to first so insertion points stay valid.
    for index, source, where in reversed(mirrors):
        target = sections[index - 1].id
        copies = [Section(target + s.id[len(source):], s.title) for s in sections if s.id.startswith(source + ".")]
        if not copies:
            r.fail(where, "bad-mirror", section=source)
        sections[index:index] = copies
    return Outline(tuple(sections))


def _indicators(r: Reader) -> tuple[IndicatorDef, ...]:
    items = r.get(("indicators",)) or []
    result: list[IndicatorDef] = []
    for i in range(len(items) if isinstance(items, list) else 0):
        where = ("indicators", i)
        if r.mapping(where) is None:
            continue
        r.unknown_keys(where, INDICATOR_KEYS)
        iid = r.text(where + ("id",), required=True)
        name = r.text(where + ("name",), required=True)
        target = r.get(where + ("target",))
        direction = r.text(where + ("direction",)) or "higher"
        if direction not in ("higher", "lower"):
            r.fail(where + ("direction",), "bad-value", "direction", value=direction)
        unit = r.text(where + ("unit",)) or ""
        target = parse_quantity(target) if target is not None else None
        units = _units(r, where)
        if units and (unit or target is not None):
            r.fail(where + ("units",), "units-and-unit", indicator=iid)
        if not units and unit:
            units = (UnitDef(unit, target),)
        if iid and name:
            first = units[0] if units else UnitDef("")
            result.append(IndicatorDef(iid, name, first.unit, first.target, direction, r.text(where + ("note",)) or "",
                                       units))
    return tuple(result)


def _units(r: Reader, where: tuple) -> tuple[UnitDef, ...]:
    """``units: [{unit, target?, note?}]``: an indicator reported in several units, one target each."""
    items = r.get(where + ("units",))
    if items is None:
        return ()
    if not isinstance(items, list):
        r.fail(where + ("units",), "wrong-type", "items", key="units", first_key="unit")
        return ()
    units: list[UnitDef] = []
    for i in range(len(items)):
        at = where + ("units", i)
        if r.mapping(at) is None:
            continue
        r.unknown_keys(at, UNIT_KEYS)
        unit = r.text(at + ("unit",), required=True)
        target = r.get(at + ("target",))
        if unit is None:
            continue
        if any(u.unit == unit for u in units):
            r.fail(at + ("unit",), "duplicate-unit", unit=unit)
            continue
        quantity = parse_quantity(target) if target is not None else None
        units.append(UnitDef(unit, quantity, r.text(at + ("note",)) or ""))
    return tuple(units)


def _acknowledged(r: Reader, indicators: tuple[IndicatorDef, ...]) -> tuple[AcknowledgedConflict, ...]:
    """``acknowledged_conflicts``: differing figures the Sở publishes as is, with its explanation."""
    items = r.get(("acknowledged_conflicts",))
    if items is None:
        return ()
    if not isinstance(items, list):
        r.fail(("acknowledged_conflicts",), "wrong-type", "items", key="acknowledged_conflicts", first_key="indicator")
        return ()
    known = [i.id for i in indicators]
    result: list[AcknowledgedConflict] = []
    for i in range(len(items)):
        at = ("acknowledged_conflicts", i)
        if r.mapping(at) is None:
            continue
        r.unknown_keys(at, ACK_KEYS)
        iid, unit = r.text(at + ("indicator",), required=True), r.text(at + ("unit",), required=True)
        note = r.text(at + ("note",), required=True)
        if iid and iid not in known:
            r.fail(at + ("indicator",), "unknown-indicator", "acknowledged", indicator=iid,
                   suggestion=did_you_mean(iid, known))
            continue
        if iid and unit is not None and note:
            result.append(AcknowledgedConflict(iid, unit, note, r.doc.where(at)[0]))
    return tuple(result)
