"""Checking a submission's front-matter against ``schema.FRONT_MATTER``."""
from __future__ import annotations

import re
from dataclasses import dataclass

from build_hooks.domain.dates import DateError, PartialDate, parse_date
from build_hooks.domain.model import ORIGINAL_SUFFIXES, IndicatorValue, Original, ProjectReport, Round, Signer
from build_hooks.domain.numbers import parse_quantity
from build_hooks.load.reader import Reader, did_you_mean
from build_hooks.load.schema import DEFAULT_KIND, FRONT_MATTER, INDICATOR, KINDS, ORIGINAL, PROJECT, SIGNER, names


@dataclass(frozen=True)
class Letter:
    """The front-matter once checked: what the letter's header and footer say."""

    agency: str | None
    year: int | None
    number: str
    kind: str
    date: PartialDate | None
    subject: str
    recipients: tuple[str, ...]
    signer: Signer | None
    cc: tuple[str, ...]
    no_assigned_tasks: bool
    not_assigned: tuple[str, ...]
    indicators: tuple[IndicatorValue, ...]
    projects: tuple[ProjectReport, ...]
    original: Original | None = None


def read_letter(r: Reader, rnd: Round | None) -> Letter:
    """Read every key, recording each problem in ``r``; never stops at the first."""
    r.unknown_keys((), names(FRONT_MATTER))
    agency = r.text(("agency",), required=True)
    year = r.get(("year",))
    if year is None:
        r.fail((), "missing-key", "year")
    elif isinstance(year, bool) or not isinstance(year, int):
        r.fail(("year",), "wrong-type", "year", actual=year)
        year = None
    date = None
    if (raw := r.text(("date",))) is not None:
        try:
            date = parse_date(raw)
        except DateError as exc:
            r.fail(("date",), "bad-date", reason=exc)
    signer = None
    if r.mapping(("signer",), required=False) is not None:
        r.unknown_keys(("signer",), names(SIGNER))
        name, title = r.text(("signer", "name"), required=True), r.text(("signer", "title"), required=True)
        if name and title:
            signer = Signer(name, title, r.text_list(("signer", "on_behalf")))
    whole, listed = _tasks(r, rnd)
    return Letter(
        agency=agency, year=year, number=r.text(("number",)) or "", kind=_kind(r), date=date,
        subject=r.text(("subject",)) or "", recipients=r.text_list(("recipient",)),
        signer=signer, cc=r.text_list(("cc",)), no_assigned_tasks=whole, not_assigned=listed,
        indicators=_indicators(r, rnd), projects=_projects(r), original=_original(r, agency),
    )


SHA256 = re.compile(r"[0-9a-f]{64}")


def _original(r: Reader, agency: str | None) -> Original | None:
    """``original: {file: <agency>.pdf, sha256: …}``: the name must be the agency's and the hash well formed."""
    if r.mapping(("original",), required=False) is None:
        return None
    r.unknown_keys(("original",), names(ORIGINAL))
    name, digest = r.text(("original", "file"), required=True), r.text(("original", "sha256"), required=True)
    if not name or not digest:
        return None
    stem, dot, suffix = name.rpartition(".")
    if stem != agency or f"{dot}{suffix}".lower() not in ORIGINAL_SUFFIXES:
        r.fail(("original", "file"), "original-name", name=name, agency=agency or "<mã-cơ-quan>")
        return None
    if not SHA256.fullmatch(digest.lower()):
        r.fail(("original", "sha256"), "original-name", "sha256")
        return None
    return Original(name, digest.lower())


def _kind(r: Reader) -> str:
    kind = r.text(("kind",))
    if not kind:
        return DEFAULT_KIND
    if kind not in KINDS:
        r.fail(("kind",), "unknown-kind", kind=kind, suggestion=did_you_mean(kind, KINDS))
        return DEFAULT_KIND
    return kind


def _tasks(r: Reader, rnd: Round | None) -> tuple[bool, tuple[str, ...]]:
    value = r.get(("no_assigned_tasks",))
    if value is None or value is False:
        return False, ()
    if value is True:
        return True, ()
    if not isinstance(value, list):
        r.fail(("no_assigned_tasks",), "wrong-type", "no-assigned-tasks")
        return False, ()
    ids = r.text_list(("no_assigned_tasks",))
    if rnd is not None:
        for i, sid in enumerate(ids):
            if rnd.outline.get(sid.rstrip(".")) is None:
                r.fail(("no_assigned_tasks", i), "unknown-section", "not-assigned", section=sid,
                       suggestion=did_you_mean(sid, rnd.outline.ids()))
    return False, tuple(s.rstrip(".") for s in ids)


def _items(r: Reader, key: str, fields) -> list[tuple]:
    value = r.get((key,))
    if value is None:
        return []
    if not isinstance(value, list):
        r.fail((key,), "wrong-type", "items", key=key, first_key=next(iter(names(fields))))
        return []
    wheres = []
    for i in range(len(value)):
        if r.mapping((key, i)) is not None:
            r.unknown_keys((key, i), names(fields))
            wheres.append((key, i))
    return wheres


def _quantity(r: Reader, where: tuple, required: bool = False):
    value = r.get(where)
    if value is None:
        if required:
            r.fail(where[:-1], "missing-key", key=where[-1])
        return None
    if isinstance(value, (dict, list, bool)):
        r.fail(where, "wrong-type", "quantity", key=where[-1])
        return None
    return parse_quantity(value)


def _indicators(r: Reader, rnd: Round | None) -> tuple[IndicatorValue, ...]:
    result = []
    for where in _items(r, "indicators", INDICATOR):
        iid = r.text(where + ("id",), required=True)
        value = _quantity(r, where + ("value",), required=True)
        unit = r.text(where + ("unit",), required=True)
        if iid and rnd is not None and rnd.indicator(iid) is None:
            r.fail(where + ("id",), "unknown-indicator", indicator=iid, year=rnd.year,
                   suggestion=did_you_mean(iid, [i.id for i in rnd.indicators]))
            continue
        if iid and value is not None and unit is not None:
            result.append(IndicatorValue(iid, value, unit, _quantity(r, where + ("target",)),
                                         _quantity(r, where + ("previous",)), r.text(where + ("note",)) or "",
                                         r.doc.where(where)[0]))
    return tuple(result)


def _projects(r: Reader) -> tuple[ProjectReport, ...]:
    result = []
    for where in _items(r, "projects", PROJECT):
        name = r.text(where + ("name",), required=True)
        appendix = r.text(where + ("appendix",), required=True)
        status = r.text(where + ("status",), required=True)
        if name and appendix and status:
            result.append(ProjectReport(name, appendix, status, r.text(where + ("note",)) or "", r.doc.where(where)[0]))
    return tuple(result)
