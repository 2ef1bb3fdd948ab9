"""The Sở's own report as a document: what the DOCX and the PDF both print, without any engine.

Built from the corpus once, so that the two files cannot disagree: the header of
Nghị định 30/2020 (parent body and the Sở, Số; Quốc hiệu, Tiêu ngữ, place and date),
the kind and its trích yếu, Kính gửi, the outline with each agency's contribution
under its section and attributed to it, Nơi nhận and the signature block. The
round file's ``report`` block gives what the Sở decides; blanks stay blanks, to be
filled by hand at dispatch.
"""
from __future__ import annotations

from dataclasses import dataclass

from build_hooks.aggregate.by_section import by_section
from build_hooks.domain.dates import PartialDate
from build_hooks.domain.model import Corpus, IssuedReport, Round, Signer, Submission
from build_hooks.domain.text import nfc
from build_hooks.letter_text.convert import LetterRenderer
from build_hooks.pages.markup import section_label
from build_hooks.publish.html_blocks import Para, Run, Table, html_blocks

ISSUER_ID = "so-cong-thuong"
"""The body that compiles the report; its registry entry gives the letter head."""
BLANK = "\u2003\u2003"
"""Space left for a hand-written day or number (two em spaces, as ``PartialDate.long`` leaves)."""
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DEFAULT_SIGNER_TITLE = "Giám đốc"
"""The position printed when the report names none yet: the head of the Sở (the clerk adds KT. and the deputy)."""
CLOSING = "Sở Công Thương kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./."
"""The Sở's closing of a report laid out from the compilation (a drafted report file has its own)."""
DEMO_NOTE = "DỮ LIỆU MINH HỌA: văn bản này được dựng từ dữ liệu tạo tự động, không phải báo cáo thật."


@dataclass(frozen=True)
class Heading:
    """A heading of the outline; ``level`` 1 for ``I.``, 2 for ``1.``, 3 for ``4.1.``."""

    level: int
    number: str
    """As printed: ``I.``, ``1.``, ``4.1.``; empty for the closing part."""
    title: str
    section_id: str | None

    @property
    def text(self) -> str:
        """The heading as printed: its number, then its title."""
        return f"{self.number} {self.title}".strip()


Block = Heading | Para | Table


@dataclass(frozen=True)
class ReportDocument:
    """Everything the Sở's report prints, in order."""

    year: int
    parent: str
    """Line above the Sở in the header: ``UBND TỈNH QUẢNG NGÃI``."""
    org: str
    """The Sở, upper case: ``SỞ CÔNG THƯƠNG``."""
    number: str
    """``Số: …`` with blank space where the numeric part is left blank."""
    place_date: str
    """``Quảng Ngãi, ngày … tháng 12 năm 2023``, blanks kept."""
    kind: str
    """``BÁO CÁO``."""
    subject: str
    """Trích yếu; never starts with the kind."""
    recipients: tuple[str, ...]
    blocks: tuple[Block, ...]
    cc: tuple[str, ...]
    signer: Signer
    demo: bool = False
    annex: tuple[Block, ...] = ()
    """What the document sends with it, after the signature on a page of its own (the request's đề cương)."""
    annex_title: tuple[str, ...] = ()
    """The annex's centred title lines: ``ĐỀ CƯƠNG BÁO CÁO``, ``(Kèm theo Công văn số … )``."""

    @property
    def title(self) -> str:
        """Document title for metadata: kind and trích yếu."""
        return f"{self.kind.capitalize()} {self.subject}".strip()

    def headings(self) -> list[Heading]:
        """The document's headings in order (the outline as exported)."""
        return [b for b in self.blocks if isinstance(b, Heading)]


def issued_report(rnd: Round, code: str = "SCT") -> IssuedReport:
    """The round's ``report`` block, or what a round without one implies."""
    if rnd.report is not None:
        return rnd.report
    return IssuedReport(number=f"/BC-{code}", subject=default_subject(rnd.title))


def default_subject(title: str, kind: str = "BÁO CÁO") -> str:
    """The round's title without a leading kind ("Báo cáo tình hình …" -> "Tình hình …")."""
    words = kind.split()
    head = title.split()
    if [w.casefold() for w in head[: len(words)]] == [w.casefold() for w in words] and len(head) > len(words):
        rest = " ".join(head[len(words):])
        return rest[:1].upper() + rest[1:]
    return title


def subject_of(report: IssuedReport, rnd: Round) -> str:
    """The trích yếu, without the kind repeated ("BÁO CÁO / Báo cáo …" was a bug)."""
    return default_subject(report.subject or rnd.title, report.kind)


def number_line(number: str) -> str:
    """``Số: …/BC-SCT``: a blank numeric part is printed as space for the hand-written number."""
    number = number or "/BC-SCT"
    if number.startswith("/"):
        number = BLANK + number
    return f"Số: {number}"


def place_date(date: PartialDate | None, place: str, year: int) -> str:
    """``Quảng Ngãi, ngày … tháng … năm 2023``: blanks for hand-filling where the date is, the year always.

    The one date line of every document of the Sở (report, request, reminder)."""
    if date is None:
        return f"{place}, ngày{BLANK}tháng{BLANK}năm {year}"
    return date.long(place)


def from_submission(sub: Submission) -> IssuedReport:
    """The head of the Sở's own report file (``REPORT_FILE``), as the round's ``report`` block gives it."""
    return IssuedReport(kind=sub.kind, number=sub.number, date=sub.date, subject=sub.subject,
                        recipients=sub.recipients, signer=sub.signer or Signer("", ""), cc=sub.cc)


def build_document(corpus: Corpus, year: int, letters: LetterRenderer | None = None) -> ReportDocument:
    """The Sở's report of round ``year`` (which must exist in ``corpus``)."""
    rnd = corpus.round(year)
    if rnd is None:
        raise KeyError(year)
    subs = corpus.submissions.get(year, ())
    issuer = corpus.registry.get(ISSUER_ID)
    parent = issuer.parent if issuer and issuer.parent else "UBND TỈNH QUẢNG NGÃI"
    org = issuer.header if issuer else "SỞ CÔNG THƯƠNG"
    place = issuer.place if issuer else "Quảng Ngãi"
    letters = letters or LetterRenderer()
    written = corpus.reports.get(year)
    if written is not None:  # the Sở's own text: printed as the clerk wrote it
        report = from_submission(written)
        blocks = report_blocks(rnd, written, letters)
    else:  # no report file yet: the working compilation, laid out as a report
        report = issued_report(rnd, issuer.code if issuer else "SCT")
        blocks = body_blocks(corpus, rnd, subs, letters)
    signer = report.signer
    if not signer.title:  # ND30: the signature block is always drawn; a Sở's report is signed for its head
        signer = Signer(signer.name, DEFAULT_SIGNER_TITLE, signer.on_behalf)
    return ReportDocument(
        year=year, parent=parent, org=org, number=number_line(report.number),
        place_date=place_date(report.date, place, year), kind=nfc(report.kind.upper()), subject=subject_of(report, rnd),
        recipients=report.recipients, blocks=tuple(blocks), cc=report.cc, signer=signer, demo=rnd.demo)


def report_blocks(rnd: Round, sub: Submission, letters: LetterRenderer) -> list[Block]:
    """The body of the Sở's report file: its text in order, its numbered headings as the outline's."""
    out: list[Block] = []
    if rnd.demo:
        out.append(Para((Run(DEMO_NOTE, bold=True),), "note"))
    for part in sub.parts:
        if part.heading is not None:
            number, _, title = " ".join(part.heading.text.split()).partition(" ")
            out.append(Heading(min(3, part.heading.level), number, title, part.section_id))
        if part.has_text:
            out += html_blocks(letters.html(part.markdown))
    return out


def body_blocks(corpus: Corpus, rnd: Round, subs: tuple[Submission, ...], letters: LetterRenderer) -> list[Block]:
    """The compilation laid out as a report, in the Sở's voice as far as a compilation can be: an opening
    citing the request, the agencies with no assigned task named once, every outline section as the
    outline prints it (Roman parts in capitals, the request's instructions left out) with the
    contributions attributed to their agencies, and the Sở's closing. The agencies' openings and
    closings (text outside every section) and any word of the tool stay on the site's compilation."""
    table = by_section(rnd, subs, corpus.registry)
    out: list[Block] = []
    if rnd.demo:
        out.append(Para((Run(DEMO_NOTE, bold=True),), "note"))
    subject = rnd.title.removeprefix("Báo cáo ").removeprefix("báo cáo ")
    opening = "Trên cơ sở báo cáo của các cơ quan, đơn vị"
    if rnd.request.number:
        opening += f" theo đề nghị tại {rnd.request.cite()}"
    out.append(Para((Run(f"{opening}, Sở Công Thương báo cáo {subject[:1].lower() + subject[1:]} như sau:"),)))
    no_task = [corpus.registry.get(s.agency).name for s in subs
               if s.no_assigned_tasks and corpus.registry.get(s.agency)]
    if no_task:
        names = ", ".join(no_task[:-1]) + " và " + no_task[-1] if len(no_task) > 1 else no_task[0]
        verb = "báo cáo không được" if len(no_task) == 1 else "đều báo cáo không được"
        out.append(Para((Run(f"{names} {verb} giao nhiệm vụ trong Kế hoạch."),)))
    for section in rnd.outline.sections:
        number = section_label(section.id)
        title = nfc(section.title.upper()) if section.depth == 1 else section.title
        out.append(Heading(min(3, section.depth), number, title, section.id))
        for contribution in table.get(section.id, []):
            out += _contribution(contribution, letters)
    out.append(Para((Run(CLOSING),)))
    return out


def _contribution(c, letters: LetterRenderer) -> list[Block]:
    blocks: list[Block] = [Para((Run(f"{c.agency.name}:", bold=True, italic=True),), "source")]
    for part in c.parts:
        blocks += html_blocks(letters.html(part.markdown))
    return blocks


def paragraphs_text(doc: ReportDocument) -> list[str]:
    """Every paragraph and table cell of the body as plain text, in order (for checks and tests)."""
    texts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            texts += ["".join(r.text for r in cell) for row in block.rows for cell in row]
        else:
            texts.append(block.text)
    return texts
