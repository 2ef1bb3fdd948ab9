"""The things of the domain, as frozen dataclasses.

Every record that comes from a file keeps where it came from (path and line) so
that later stages can report problems at the author's position.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from build_hooks.domain.dates import PartialDate
from build_hooks.domain.numbers import Quantity

AGENCY_GROUPS = {"so-nganh": "Sở, ban, ngành", "dia-phuong": "UBND cấp huyện", "khac": "Cơ quan, đơn vị khác"}
"""The kinds of agency (``Agency.group``), in the order lists show them, with their titles."""

REGISTRY_FILE = "agencies.yml"
"""The registry of agencies, at the top of the submissions tree."""
ROUND_FILE = "round.yml"
ORIGINALS_DIR = "originals"
"""The folder of a round holding each letter's original as received: ``<year>/originals/<agency>.<pdf|docx|txt>``."""
ORIGINAL_SUFFIXES = (".pdf", ".docx", ".txt")
ORIGINAL_MAX_BYTES = 20 * 1024 * 1024
"""Largest original kept (20 MiB): a signed letter of a few dozen pages; e-mail systems refuse more."""
"""One reporting round, in ``submissions/<year>/``."""
YEAR_FOLDER = "[0-9]{4}"
"""A round's folder name, as a regular expression: four ASCII digits. Not ``\\d``, which in Python also
matches full-width (２０２３) and other scripts' digits: a folder a reader cannot tell from the real one."""
REPORT_FILE = "_bao-cao-so-cong-thuong.md"
"""The Sở's own report of a round, in ``submissions/<year>/``: a name no agency id (``[a-z0-9-]+``) can take."""
REPORT_ISSUER = "so-cong-thuong"
"""The registry id of the Sở Công Thương, which issues the report (its letter head)."""


@dataclass(frozen=True)
class Agency:
    """One body the Sở asks for a report (a department, a board, a district)."""

    id: str
    """Lowercase ASCII slug; also the submission's file name."""
    name: str
    """Full Vietnamese name, e.g. ``Ban Dân tộc tỉnh Quảng Ngãi``."""
    code: str
    """Code used in its document numbers, e.g. ``BDT`` in ``/BDT-CSDT``."""
    header: str
    """Its own line of the letter header, upper case: ``BAN DÂN TỘC``."""
    parent: str = ""
    """The line above it in the header: ``UBND TỈNH QUẢNG NGÃI``; empty for a top body."""
    place: str = "Quảng Ngãi"
    """Place name written before the date."""
    group: str = "khac"
    """Kind of body, for grouping lists and the navigation: a key of ``AGENCY_GROUPS``."""
    reviewers: tuple[str, ...] = ()
    """GitHub users or teams who review this agency's pull requests."""
    members: tuple[str, ...] = ()
    """GitHub logins that act for this agency: the guard lets them change its letters."""
    line: int = 0


@dataclass(frozen=True)
class Registry:
    """Every agency the Sở may ask, in report order (the order of ``agencies.yml``)."""
    agencies: tuple[Agency, ...]
    path: str = ""
    maintainers: tuple[str, ...] = ()
    """GitHub logins that maintain the site: they may change anything (code, registry, rounds, any letter)."""

    def get(self, agency_id: str) -> Agency | None:
        """The agency with this id, or None."""
        return self._by_id.get(agency_id)

    def ids(self) -> list[str]:
        """Every agency id, in report order."""
        return [a.id for a in self.agencies]

    def order(self, agency_id: str) -> int:
        """Position in the registry: the order agencies are listed in every report."""
        return self._order.get(agency_id, len(self.agencies))

    @cached_property
    def _by_id(self) -> dict[str, Agency]:
        return {a.id: a for a in self.agencies}

    @cached_property
    def _order(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.agencies)}


@dataclass(frozen=True)
class Section:
    """One heading of the outline (đề cương)."""

    id: str
    """Outline number without trailing dot: ``I``, ``II.4.1``, ``V.3``."""
    title: str
    """Full Vietnamese title as the outline prints it."""
    note: str = ""
    """Instruction printed under the heading, if any."""

    @property
    def parent_id(self) -> str | None:
        """``II.4`` for ``II.4.1``; None for a Roman part."""
        return self.id.rsplit(".", 1)[0] if "." in self.id else None

    @property
    def depth(self) -> int:
        """1 for ``II``, 2 for ``II.4``, 3 for ``II.4.1``."""
        return self.id.count(".") + 1

    @property
    def root(self) -> str:
        """The Roman part a section belongs to: ``II`` for ``II.4.1``."""
        return self.id.split(".", 1)[0]

    @property
    def anchor(self) -> str:
        """The section's anchor on every page (``muc-ii-4-1``): the one way an anchor is made."""
        return "muc-" + self.id.replace(".", "-").lower()


@dataclass(frozen=True)
class Outline:
    """A round's đề cương: its sections in order, with ids such as ``II.4.1``."""
    sections: tuple[Section, ...]

    def get(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        return self._by_id.get(section_id)

    @cached_property
    def _by_id(self) -> dict[str, Section]:
        return {s.id: s for s in self.sections}

    def ids(self) -> list[str]:
        """Every section id, in outline order."""
        return [s.id for s in self.sections]

    def children(self, section_id: str | None) -> list[Section]:
        """The sections directly under ``section_id`` (under no section: the Roman parts)."""
        return [s for s in self.sections if s.parent_id == section_id]

    def descendants(self, section_id: str) -> list[Section]:
        """Every section below ``section_id``, at any depth, in outline order."""
        return [s for s in self.sections if s.id.startswith(section_id + ".")]


@dataclass(frozen=True)
class IndicatorDef:
    """An indicator the round asks for (listed under I.1 of the outline)."""

    id: str
    name: str
    unit: str = ""
    target: Quantity | None = None
    """The plan target for the period: number, range (``8 - 9``) or bound (``> 63``)."""
    direction: str = "higher"
    """Which way is good: ``higher`` or ``lower``."""
    note: str = ""
    units: tuple["UnitDef", ...] = ()
    """Every unit the indicator is reported in, each with its own target; when the
    round file gives only ``unit``/``target`` this holds that one unit."""

    def unit_def(self, unit: str) -> "UnitDef | None":
        """The unit definition of this indicator for ``unit``, or None."""
        return next((u for u in self.units if u.unit == unit), None)


@dataclass(frozen=True)
class UnitDef:
    """One unit an indicator is reported in (``%``, ``dự án``, ``triệu USD``) and its plan target."""

    unit: str
    target: Quantity | None = None
    """Target in this unit; None when the plan sets none (or none comparable with a yearly figure)."""
    note: str = ""
    """Why there is no target, or how the target is meant (e.g. cumulative over 2021-2025)."""


@dataclass(frozen=True)
class AcknowledgedConflict:
    """A disagreement between agencies the Sở has looked at and chosen to publish as is."""

    indicator: str
    unit: str
    note: str
    """The Sở's explanation, shown on the page beside both figures."""
    line: int = 0


@dataclass(frozen=True)
class DocumentRef:
    """A legal document cited by number and date."""

    number: str
    date: PartialDate | None
    issuer: str = ""
    kind: str = ""
    """``Công văn``, ``Kế hoạch``, ``Nghị quyết``, ``Quyết định`` ..."""
    title: str = ""

    def cite(self) -> str:
        """``Công văn số 3006/SCT-QLCN ngày 08/12/2023 của Sở Công Thương``."""
        text = f"{self.kind} số {self.number}".strip()
        if self.date:
            text += f" ngày {self.date.short()}"
        if self.issuer:
            text += f" của {self.issuer}"
        return text


@dataclass(frozen=True)
class Signer:
    """Who signs a letter: name, position and the authority line (``KT. Giám đốc``) when signing for someone."""

    name: str
    title: str
    on_behalf: str = ""
    """Authority line when signing for someone: ``KT. Trưởng ban``, ``TM. UBND``."""


@dataclass(frozen=True)
class IssuedReport:
    """The Sở's own report to the provincial People's Committee: the ``report`` block of a round file.

    Signed paper documents are numbered and dated by hand at dispatch, and the signer
    may not be known when the report is drafted, so every part may be left blank and
    is then printed as space for hand-filling.
    """

    kind: str = "BÁO CÁO"
    """Name of the kind, printed centred in bold upper case above the trích yếu."""
    number: str = ""
    """"Số" as printed, possibly without its numeric part: ``/BC-SCT``."""
    date: PartialDate | None = None
    """Date of the report; the day (or the whole date) may be blank."""
    subject: str = ""
    """Trích yếu, printed under the kind; it does not repeat the kind."""
    recipients: tuple[str, ...] = ()
    """Kính gửi: one or more bodies."""
    signer: Signer = Signer("", "")
    """Authority line, title and name; any of them may be blank."""
    cc: tuple[str, ...] = ()
    """Nơi nhận, one line each, ending with the ``Lưu: …`` line."""
    line: int = 0


@dataclass(frozen=True)
class Round:
    """One yearly reporting round: the request, its outline, who must answer."""

    year: int
    title: str
    request: DocumentRef
    legal_bases: tuple[DocumentRef, ...]
    outline: Outline
    indicators: tuple[IndicatorDef, ...]
    expected: tuple[str, ...]
    """Agency ids asked to answer, in the order the request lists them."""
    deadline: PartialDate | None = None
    project_statuses: tuple[str, ...] = ()
    acknowledged_conflicts: tuple[AcknowledgedConflict, ...] = ()
    """Indicator conflicts published as is: shown and logged, but no longer a build warning."""
    demo: bool = False
    """True for synthetic rounds: every page then says it is a demonstration."""
    report: IssuedReport | None = None
    """The Sở's own report block; None when the round file has none (defaults then apply)."""
    path: str = ""

    def indicator(self, indicator_id: str) -> IndicatorDef | None:
        """The round's indicator with this id, or None."""
        return {i.id: i for i in self.indicators}.get(indicator_id)


@dataclass(frozen=True)
class IndicatorValue:
    """One figure a letter reports for an indicator of the round, with its line in the file."""
    id: str
    value: Quantity
    unit: str = ""
    target: Quantity | None = None
    previous: Quantity | None = None
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class ProjectReport:
    """One project a letter reports under II.7, with the plan's appendix and its status."""
    name: str
    appendix: str
    status: str
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class Heading:
    """A heading of a letter's body as written, with its line in the file."""
    level: int
    """1-6, as written (``##`` is 2)."""
    text: str
    """The heading text as written, number included."""
    line: int


@dataclass(frozen=True)
class Part:
    """A run of the body that belongs to one outline section (or to none).

    The body is a sequence of parts in file order; joining their ``markdown``
    gives back the whole body, which is how we prove nothing is dropped.
    """

    section_id: str | None
    """Outline section, or None for text outside any numbered heading."""
    heading: Heading | None
    """The numbered heading that opens this part; None for continuations and the preamble."""
    markdown: str
    """The lines after the heading (the heading line itself excluded)."""
    base_level: int
    """Level of the numbered heading this text sits under (0 outside sections)."""
    line: int
    """Line of the first line of ``markdown`` in the file."""
    closing: bool = False
    """The letter's closing paragraph (the one ending with the end mark ``./.``): it belongs
    to no section and is shown after the body, before "Nơi nhận"."""

    @property
    def has_text(self) -> bool:
        """True when the part holds any text besides its heading."""
        return bool(self.markdown.strip())


@dataclass(frozen=True)
class Signature:
    """One PAdES signature of a kept original PDF, as validated offline (``corpus/signatures.py``)."""
    signer: str
    """The signing certificate's common name."""
    organisation: str
    signed_at: str
    """The signing time the signature reports (ISO 8601), or empty."""
    intact: bool
    """The signed bytes are unchanged since signing and the signature checks."""
    trusted: bool | None
    """The certificate chains to a root the Sở configured; None when no root is configured."""


@dataclass(frozen=True)
class Original:
    """The letter as received (Word, PDF or text), kept beside its transcription in ``<year>/originals/``."""
    name: str
    """``<agency>.pdf``: the file's name in the round's ``originals/`` folder."""
    sha256: str
    """As recorded in the front-matter when it was imported (lower-case hex)."""
    disk: str = ""
    """Where it is on disk (absolute), once the loader found it with the recorded bytes; empty otherwise."""
    size: int = 0
    signatures: tuple[Signature, ...] = ()
    """Its PAdES signatures (a PDF), in the file's order."""


@dataclass(frozen=True)
class Submission:
    """One agency's reply (công văn) for one round."""

    agency: str
    year: int
    path: str
    number: str = ""
    """"Số" as printed, possibly without its numeric part: ``/BDT-CSDT``."""
    date: PartialDate | None = None
    subject: str = ""
    kind: str = "Công văn"
    """Kind of document (Nghị định 30/2020): ``Công văn`` puts the subject after "V/v" under the
    number; a named kind (``Báo cáo``, ``Tờ trình``) prints its name and subject centred under the header."""
    recipients: tuple[str, ...] = ()
    signer: Signer | None = None
    cc: tuple[str, ...] = ()
    no_assigned_tasks: bool = False
    """The whole reply says the agency was assigned no task."""
    not_assigned: tuple[str, ...] = ()
    """Sections the agency says it was assigned nothing in."""
    indicators: tuple[IndicatorValue, ...] = ()
    projects: tuple[ProjectReport, ...] = ()
    parts: tuple[Part, ...] = field(default_factory=tuple)
    body_line: int = 1
    original: Original | None = None
    """The letter as received, when kept (``original:`` in the front-matter)."""

    @property
    def closing(self) -> Part | None:
        """The closing paragraph ("… báo cáo để Sở Công Thương tổng hợp./."), if the letter has one."""
        return next((p for p in self.parts if p.closing), None)

    def section_parts(self, section_id: str) -> list[Part]:
        """The parts of the letter filed under ``section_id``, in the letter's order."""
        return [p for p in self.parts if p.section_id == section_id]

    def written_sections(self) -> list[str]:
        """Sections with text of their own, in body order, without repeats."""
        seen: list[str] = []
        for p in self.parts:
            if p.section_id and p.has_text and p.section_id not in seen:
                seen.append(p.section_id)
        return seen

    def is_not_assigned(self, section_id: str) -> bool:
        """True when the letter says the agency was given no task in this section."""
        return self.no_assigned_tasks or any(
            section_id == s or section_id.startswith(s + ".") for s in self.not_assigned)


@dataclass(frozen=True)
class Corpus:
    """Everything the site is built from, once loaded and checked."""

    registry: Registry
    rounds: tuple[Round, ...]
    """Newest first."""
    submissions: dict[int, tuple[Submission, ...]]
    """Per year, in registry order."""
    reports: dict[int, Submission] = field(default_factory=dict)
    """Per year, the Sở's own report (``REPORT_FILE``) where the round has one."""

    def round(self, year: int) -> Round | None:
        """The round of ``year``, or None."""
        return {r.year: r for r in self.rounds}.get(year)

    def only_round(self, year: int) -> "Corpus | None":
        """This corpus reduced to the round of ``year`` (an archived snapshot); None when there is no such round."""
        rnd = self.round(year)
        if rnd is None:
            return None
        reports = {year: self.reports[year]} if year in self.reports else {}
        return Corpus(self.registry, (rnd,), {year: self.submissions.get(year, ())}, reports)
