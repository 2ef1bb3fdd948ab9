"""The round's other documents, in the same model as the report: the request and the reminder.

* **The request** (công văn đề nghị báo cáo): the Sở's letter that opens the round, from
  ``round.yml``: its number and date, "V/v …" from its title, Kính gửi every agency asked, a body
  citing the plan it serves, and the outline attached as the đề cương, every heading as the request
  prints it with its instruction.
* **The reminder** (công văn đôn đốc): to the agencies asked that have not answered, and only to
  them, named in Kính gửi; number and date left for hand-filling (the year printed).

Both are ``ReportDocument`` values, so the DOCX and the PDF exporters lay them out in the ND30 frame
exactly as they lay out the report; a công văn has no kind line, its trích yếu "V/v …" stands under
the number (``kind`` empty).
"""
from __future__ import annotations

import datetime as _dt

from build_hooks.domain.model import REPORT_ISSUER, Corpus, Round, Signer
from build_hooks.pages import paths
from build_hooks.pages.markup import section_label
from build_hooks.publish.html_blocks import Para, Run
from build_hooks.publish.report_document import BLANK, Heading, ReportDocument, place_date

DOCUMENTS = ("request", "reminder", "report")
"""What ``export --document`` makes."""
ANNEX_TITLE = "ĐỀ CƯƠNG BÁO CÁO"
FILE_STEMS = {"request": "cong-van-de-nghi-bao-cao", "reminder": "cong-van-don-doc-bao-cao"}
"""File names of the request and the reminder: ``cong-van-don-doc-bao-cao-2023.docx``."""


def file_name(document: str, year: int, fmt: str) -> str:
    """The default file of a round's request or reminder."""
    return f"{FILE_STEMS[document]}-{year}.{fmt}"


def document_for(corpus: Corpus, year: int, document: str) -> ReportDocument:
    """The request or the reminder of round ``year``."""
    return request_document(corpus, year) if document == "request" else reminder_document(corpus, year)


def reminder_due(corpus: Corpus, year: int, today: _dt.date) -> bool:
    """The deadline of round ``year`` has passed (a month-only deadline: its month) and someone has not answered."""
    rnd = corpus.round(year)
    if rnd is None or rnd.deadline is None or not not_answered(corpus, year):
        return False
    deadline = rnd.deadline
    last = deadline.to_date() or (_dt.date(deadline.year + deadline.month // 12, deadline.month % 12 + 1, 1)
                                  - _dt.timedelta(days=1))
    return today > last


def reminder_site_path(year: int) -> str:
    """Where the site publishes the reminder (Word only), beside the round's open data."""
    return paths.data_file(year, file_name("reminder", year, "docx"))


def answered(corpus: Corpus, year: int) -> set[str]:
    """The agencies that have sent a letter for round ``year``."""
    return {s.agency for s in corpus.submissions.get(year, ())}


def not_answered(corpus: Corpus, year: int) -> list[str]:
    """The agencies asked in round ``year`` that have not answered, in the request's order."""
    rnd = corpus.round(year)
    done = answered(corpus, year)
    return [a for a in (rnd.expected if rnd else ()) if a not in done]


def _head(corpus: Corpus) -> tuple[str, str, str, str]:
    issuer = corpus.registry.get(REPORT_ISSUER)
    parent = issuer.parent if issuer and issuer.parent else "UBND TỈNH QUẢNG NGÃI"
    org = issuer.header if issuer else "SỞ CÔNG THƯƠNG"
    place = issuer.place if issuer else "Quảng Ngãi"
    return parent, org, place, issuer.code if issuer else "SCT"


def _names(corpus: Corpus, ids) -> tuple[str, ...]:
    return tuple(corpus.registry.get(a).name if corpus.registry.get(a) else a for a in ids)


def _subject(rnd: Round) -> str:
    """``V/v báo cáo tình hình …`` from the request's title (``về việc báo cáo …``)."""
    title = " ".join((rnd.request.title or rnd.title).split())
    for prefix in ("về việc ", "V/v ", "v/v "):
        if title.startswith(prefix):
            title = title[len(prefix):]
    return "V/v " + title[:1].lower() + title[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _what_is_asked(rnd: Round) -> str:
    """The round's title as what the agencies report on: ``tình hình triển khai …`` (``báo cáo`` dropped)."""
    return _lower_first(rnd.title.removeprefix("Báo cáo ").removeprefix("báo cáo "))


def _signer(rnd: Round) -> Signer:
    return rnd.report.signer if rnd.report is not None else Signer("", "")


def _para(text: str) -> Para:
    return Para((Run(text),))


def request_document(corpus: Corpus, year: int) -> ReportDocument:
    """The request that opened round ``year``, with the outline attached as its đề cương."""
    rnd = corpus.round(year)
    if rnd is None:
        raise KeyError(year)
    parent, org, place, code = _head(corpus)
    ref = rnd.request
    number = f"Số: {ref.number}" if ref.number else f"Số: {BLANK}/{code}"
    subject_text = _what_is_asked(rnd)
    opening = "Để có cơ sở tổng hợp"
    if rnd.legal_bases:
        base = rnd.legal_bases[0]
        opening = f"Thực hiện {base.cite()}" + (f" về {_lower_first(base.title)}" if base.title else "") + \
            "; để có cơ sở tổng hợp"
    deadline = f"trước ngày {rnd.deadline.short()}" if rnd.deadline else f"trước ngày{BLANK}/{BLANK}/{year}"
    body = [
        _para(f"{opening}, báo cáo Ủy ban nhân dân tỉnh {subject_text}, Sở Công Thương đề nghị các cơ quan, "
              f"đơn vị báo cáo theo đề cương đính kèm và gửi về Sở Công Thương {deadline}."),
        _para("Sở Công Thương đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện./."),
    ]
    annex: list = []
    for section in rnd.outline.sections:
        annex.append(Heading(min(3, section.depth), section_label(section.id), section.title, section.id))
        if section.note:
            annex.append(Para((Run(section.note, italic=True),), "note"))
    cited = f"Công văn số {ref.number}" + (f" ngày {ref.date.short()}" if ref.date else "") if ref.number else \
        "Công văn"
    return ReportDocument(
        year=year, parent=parent, org=org, number=number, place_date=place_date(ref.date, place, year), kind="",
        subject=_subject(rnd),
        recipients=_names(corpus, rnd.expected), blocks=tuple(body), cc=_cc(ref.number), signer=_signer(rnd),
        demo=rnd.demo, annex=tuple(annex), annex_title=(ANNEX_TITLE, f"(Kèm theo {cited} của Sở Công Thương)"))


def reminder_document(corpus: Corpus, year: int) -> ReportDocument:
    """The reminder to exactly the agencies asked in round ``year`` that have not answered."""
    rnd = corpus.round(year)
    if rnd is None:
        raise KeyError(year)
    parent, org, place, code = _head(corpus)
    ref = rnd.request
    late = _names(corpus, not_answered(corpus, year))
    subject_text = _what_is_asked(rnd)
    asked = f"Sở Công Thương có {ref.cite()}" if ref.number else "Sở Công Thương có công văn"
    if ref.date:
        asked = f"Ngày {ref.date.short()}, " + asked.replace(f" ngày {ref.date.short()}", "")
    deadline = f" trước ngày {rnd.deadline.short()}" if rnd.deadline else ""
    body = [
        _para(f"{asked} đề nghị các cơ quan, đơn vị báo cáo {subject_text}{deadline}."),
        _para("Đến nay, Sở Công Thương chưa nhận được báo cáo của " + ", ".join(late) + "." if late else
              "Đến nay, Sở Công Thương đã nhận được báo cáo của tất cả các cơ quan, đơn vị."),
        _para("Để kịp thời tổng hợp, báo cáo Ủy ban nhân dân tỉnh, Sở Công Thương đề nghị các cơ quan, đơn vị "
              f"khẩn trương gửi báo cáo về Sở Công Thương trước ngày{BLANK}/{BLANK}/{year}./."),
    ]
    return ReportDocument(
        year=year, parent=parent, org=org, number=f"Số: {BLANK}/{code}" + (f"-{u}" if (u := _unit(ref.number)) else ""),
        place_date=place_date(None, place, year), kind="",
        subject="V/v đôn đốc " + _lower_first(_subject(rnd).removeprefix("V/v ")),
        recipients=late, blocks=tuple(body), cc=_cc(ref.number), signer=_signer(rnd), demo=rnd.demo)


def _cc(number: str) -> tuple[str, ...]:
    unit = _unit(number)
    return ("Như trên", f"Lưu: VT, {unit}" if unit else "Lưu: VT")


def _unit(number: str) -> str:
    """The drafting unit of a number: ``QLCN`` in ``3006/SCT-QLCN``."""
    tail = number.rsplit("/", 1)[-1]
    return tail.split("-", 1)[1] if "-" in tail else ""
