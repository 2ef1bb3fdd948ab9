"""The first draft of the Sở's own report of a round, in its voice, for the clerk to finish.

``python -m build_hooks draft YEAR`` writes it to ``submissions/<year>/_bao-cao-so-cong-thuong.md``
(``domain.model.REPORT_FILE``): the same front-matter as a letter, then the outline with each
agency's contribution under its section, attributed by name ("Sở Xây dựng: …"). The agencies'
openings and closings stay out (they are letters to the Sở, not the Sở's words), so does every
instruction of the request and every word of the tool. What the draft was made from is kept in a
YAML comment, so a later run can say which letters changed since.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from build_hooks.aggregate.by_section import by_section
from build_hooks.aggregate.indicators import IndicatorRow, indicator_rows
from build_hooks.aggregate.projects import merge_projects
from build_hooks.domain.model import REPORT_ISSUER, DocumentRef, Registry, Round, Section, Submission
from build_hooks.domain.numbers import Quantity, format_number, format_with_unit
from build_hooks.letter_text import footnotes
from build_hooks.load.fences import fenced_spans
from build_hooks.pages.markup import md, section_label

CLOSING = "Sở Công Thương kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./."
"""The Sở's own closing sentence: the report's end mark ``./.`` is on it."""
SOURCES_MARK = "# Dự thảo lập từ các văn bản:"
"""Starts the YAML comment that lists the letters (and their fingerprints) the draft was made from."""
SUMMABLE_EXCLUDED = {"%", "lần"}
"""Units whose figures are rates, not amounts: agencies' figures in them are never added up."""

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")


@dataclass(frozen=True)
class Source:
    """A letter the draft was made from, with the fingerprint of its text."""

    agency: str
    fingerprint: str


def fingerprint(sub: Submission) -> str:
    """What a letter said (front-matter figures and every part), as 12 hex digits."""
    text = "\0".join([repr(sub.indicators), repr(sub.projects)] + [p.markdown for p in sub.parts])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def draft_report(rnd: Round, submissions: tuple[Submission, ...], registry: Registry) -> str:
    """The whole file: front-matter, opening, the outline with the contributions, the closing."""
    parts = [_front_matter(rnd, submissions, registry), _opening(rnd, submissions, registry)]
    table = by_section(rnd, submissions, registry)
    notes = _footnotes(submissions)
    for section in rnd.outline.sections:
        parts.append(_section(rnd, section, table.get(section.id, []), submissions, registry, notes))
    parts.append(CLOSING + "\n")
    return "\n".join(p for p in parts if p)


def read_sources(text: str) -> list[Source]:
    """The letters a draft names in its ``SOURCES_MARK`` comment (empty for a file written by hand)."""
    sources, inside = [], False
    for line in text.split("\n"):
        if line.startswith(SOURCES_MARK):
            inside = True
        elif inside and (m := re.match(r"^#\s+-\s+([a-z0-9-]+)\s+([0-9a-f]{12})\s*$", line)):
            sources.append(Source(m[1], m[2]))
        elif inside:
            break
    return sources


def changes_since(old: list[Source], submissions: tuple[Submission, ...]) -> dict[str, list[str]]:
    """Which letters were added, changed or removed since the draft was made (agency ids)."""
    before = {s.agency: s.fingerprint for s in old}
    now = {s.agency: fingerprint(s) for s in submissions}
    return {"added": [a for a in now if a not in before],
            "changed": [a for a in now if a in before and before[a] != now[a]],
            "removed": [a for a in before if a not in now]}


def _yaml_text(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _front_matter(rnd: Round, submissions: tuple[Submission, ...], registry: Registry) -> str:
    issuer = registry.get(REPORT_ISSUER)
    report = rnd.report
    lines = ["---", f"agency: {REPORT_ISSUER}", f"year: {rnd.year}", "kind: Báo cáo"]
    number = report.number if report and report.number else f"/BC-{issuer.code if issuer else 'SCT'}"
    lines.append(f"number: {_yaml_text(number)}")
    if report and report.date:
        lines.append(f"date: {_yaml_text(report.date.short())}")
    subject = report.subject if report and report.subject else rnd.title
    lines.append(f"subject: {_yaml_text(subject)}")
    recipients = report.recipients if report and report.recipients else ("Ủy ban nhân dân tỉnh Quảng Ngãi",)
    lines.append("recipient: " + _yaml_text(recipients[0]) if len(recipients) == 1
                 else "recipient:\n" + "\n".join(f"  - {_yaml_text(r)}" for r in recipients))
    signer = report.signer if report else None
    if signer and signer.name and signer.title:
        lines += ["signer:", f"  name: {_yaml_text(signer.name)}", f"  title: {_yaml_text(signer.title)}"]
        authority = (signer.on_behalf,) if isinstance(signer.on_behalf, str) else tuple(signer.on_behalf)
        if len(authority) == 1:
            lines.append(f"  on_behalf: {_yaml_text(authority[0])}")
        elif authority:  # TM. … over KT. …
            lines.append("  on_behalf: [" + ", ".join(_yaml_text(a) for a in authority) + "]")
    else:
        lines.append("# signer: {on_behalf: KT. Giám đốc, title: Phó Giám đốc, name: …}  (người ký, khi đã rõ)")
    cc = report.cc if report and report.cc else ("Như trên", "Lưu: VT")
    lines += ["cc:"] + [f"  - {_yaml_text(c)}" for c in cc]
    lines.append(SOURCES_MARK)
    lines += [f"#   - {s.agency} {fingerprint(s)}" for s in submissions]
    lines.append("---\n")
    return "\n".join(lines)


def _opening(rnd: Round, submissions: tuple[Submission, ...], registry: Registry) -> str:
    """The Sở's opening: the plan it reports on, the request the agencies answered; who had no task."""
    sentence = ""
    if rnd.legal_bases:
        base = rnd.legal_bases[0]
        title = _lower_first(base.title) if base.title else ""
        if title and not title.startswith("về"):
            title = "về " + title
        sentence = f"Thực hiện {md(base.cite())}{' ' + md(title) if title else ''}; trên cơ sở"
    else:
        sentence = "Trên cơ sở"
    subject = _lower_first(rnd.title.removeprefix("Báo cáo "))
    sentence += (f" báo cáo của các cơ quan, đơn vị theo đề nghị tại {md(_own(rnd.request).cite())}, "
                 f"Sở Công Thương báo cáo {md(subject)} như sau:")
    out = sentence + "\n"
    no_task = [registry.get(s.agency).name for s in submissions if s.no_assigned_tasks and registry.get(s.agency)]
    if no_task:
        verb = "báo cáo không được" if len(no_task) == 1 else "đều báo cáo không được"
        out += f"\n{md(_join(no_task))} {verb} giao nhiệm vụ trong Kế hoạch.\n"
    return out


def _own(ref: DocumentRef) -> DocumentRef:
    """The Sở's own request cited without "của Sở Công Thương": the sentence's subject is the Sở."""
    return replace(ref, issuer="") if ref.issuer == "Sở Công Thương" else ref


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


def _section(rnd: Round, section: Section, contributions, submissions, registry: Registry,
             notes: dict[str, dict[str, str]]) -> str:
    """One outline heading as the request prints it (relative number), then what answers it."""
    title = section.title.upper() if section.depth == 1 else section.title  # every part in capitals, as I and II
    out = [f"{'#' * min(6, section.depth)} {section_label(section.id)} {title}\n"]
    if section.id == "I.1" and any(s.indicators for s in submissions):
        out.append(_indicator_table(rnd, submissions, registry))
    if section.id == "II.7" and any(s.projects for s in submissions):
        out.append(_project_table(submissions, registry))
    for c in contributions:
        if c.submission.no_assigned_tasks:
            continue
        text = "\n\n".join(_plain(p.markdown, c.agency.id) for p in c.parts if not p.closing).strip()
        if text:
            out.append(_attributed(c.agency.name, text) + _definitions(text, c.agency.id, notes))
    return "\n".join(out)


def _plain(markdown: str, agency_id: str) -> str:
    """A contribution's Markdown as the report holds it: sub-headings as bold lines (they would
    otherwise close the section), footnote labels made the agency's own, definitions and closing
    formulas taken out."""
    fences = fenced_spans(markdown)
    lines, offset, skipping = [], 0, False
    for line in markdown.split("\n"):
        in_fence = any(a <= offset < b for a, b in fences)
        offset += len(line) + 1
        if not in_fence and footnotes.DEFINITION.match(line):
            skipping = True
            continue
        if skipping and (line.startswith(("    ", "\t")) or not line.strip()):
            continue
        skipping = False
        if not in_fence and (m := _HEADING.match(line)):
            line = f"**{m[2]}**"
        if not in_fence:
            line = footnotes.CALL.sub(lambda m: f"[^{agency_id}-{m[1]}]", line)
        lines.append(line)
    return _without_closings("\n".join(lines)).strip("\n")


def _without_closings(text: str) -> str:
    """Drop an agency's closing formula ("… gửi Sở Công Thương tổng hợp./."): it is a letter to the Sở."""
    blocks = text.split("\n\n")
    return "\n\n".join(b for b in blocks if not b.rstrip().endswith("./."))


def _attributed(name: str, text: str) -> str:
    """The agency's name before its first paragraph, or alone above a list or table."""
    first = text.split("\n", 1)[0]
    if first and not re.match(r"^\s*(?:[-+*]\s|\d+[.)]\s|\||>|```|\*\*)", first):
        return f"{md(name)}: {text}\n"
    return f"{md(name)}:\n\n{text}\n"


def _footnotes(submissions) -> dict[str, dict[str, str]]:
    """Every footnote definition of every letter, by agency and label (first line and continuations)."""
    notes: dict[str, dict[str, str]] = {}
    for sub in submissions:
        label, found = None, notes.setdefault(sub.agency, {})
        for line in "\n".join(p.markdown for p in sub.parts).split("\n"):
            if m := footnotes.DEFINITION.match(line):
                label = m[1]
                found[label] = m[2]
            elif label and line.startswith(("    ", "\t")):
                found[label] += " " + line.strip()
            else:
                label = None
    return notes


def _definitions(text: str, agency_id: str, notes: dict[str, dict[str, str]]) -> str:
    """The definitions of the footnotes ``text`` refers to, under their new labels."""
    prefix = agency_id + "-"
    used = dict.fromkeys(m[1] for m in footnotes.CALL.finditer(text) if m[1].startswith(prefix))
    own = notes.get(agency_id, {})
    lines = [f"[^{label}]: {own[label.removeprefix(prefix)]}" for label in used if label.removeprefix(prefix) in own]
    return ("\n" + "\n".join(lines) + "\n") if lines else ""


def _indicator_table(rnd: Round, submissions, registry: Registry) -> str:
    """One row per indicator and unit: the round's target, each agency's figure (in one cell, so that
    forty agencies still fit the page's width), and the province total where every figure is a plain
    number in the same unit and the unit is an amount, not a rate."""
    rows = [r for r in indicator_rows(rnd, submissions, registry) if r.figures]
    headers = ["STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch", "Số liệu của các cơ quan", "Toàn tỉnh"]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for i, row in enumerate(rows, 1):
        figures = "; ".join(f"{f.agency.name}: {_figure(f.value.value, row.unit)}" for f in row.figures)
        cells = [str(i), md(row.definition.name), md(row.unit), md(_figure(row.target, row.unit)), md(figures),
                 md(_total(row))]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _figure(q: Quantity | None, unit: str) -> str:
    return format_with_unit(q, "").strip() if q is not None else ""


def _total(row: IndicatorRow) -> str:
    values = [f.value.value for f in row.figures]
    if (len(values) < 2 or row.unit in SUMMABLE_EXCLUDED or not row.unit
            or any(v.kind != "number" for v in values)):
        return ""
    return format_number(sum(v.low for v in values))


def _project_table(submissions, registry: Registry) -> str:
    """The II.7 projects as the letters report them, each once, with the agencies that report it."""
    lines = ["| STT | Dự án | Phụ lục | Tình trạng | Cơ quan báo cáo |", "|---|---|---|---|---|"]
    for i, project in enumerate(merge_projects(submissions, registry), 1):
        names = _join(list(dict.fromkeys(s.agency.name for s in project.sources)))
        cells = [str(i), md(project.name), md(", ".join(project.appendices)), md(project.status), md(names)]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
