"""The ``report`` block of a round file: the Sở's own report, checked like a letter's front-matter."""
from __future__ import annotations

from build_hooks.domain.dates import PartialDate
from build_hooks.domain.model import Agency, Registry
from build_hooks.load.rounds import parse_round
from build_hooks.publish.report_document import default_subject, issued_report, number_line, subject_of

REGISTRY = Registry((Agency("so-xay-dung", "Sở Xây dựng", "SXD", "SỞ XÂY DỰNG"),))
HEAD = """year: 2023
title: Báo cáo tình hình năm 2023
request: {number: 3006/SCT-QLCN}
expected: [so-xay-dung]
outline:
  - id: I
    title: KẾT QUẢ
"""


def parse(report: str):
    rnd, problems = parse_round(HEAD + report, "submissions/2023/round.yml", 2023, REGISTRY)
    return rnd, sorted((p.line, p.column, p.rule) for p in problems)


def test_blank_parts_are_kept_for_hand_filling():
    rnd, problems = parse("""report:
  number: /BC-SCT
  date: 12/2023
  subject: Tình hình năm 2023
  recipient: Ủy ban nhân dân tỉnh Quảng Ngãi
  signer: {on_behalf: "", title: "", name: ""}
  cc: [Như trên, "Lưu: VT, QLCN"]
""")
    assert problems == []
    report = rnd.report
    assert report.kind == "BÁO CÁO" and report.number == "/BC-SCT" and report.date == PartialDate(2023, 12)
    assert report.recipients == ("Ủy ban nhân dân tỉnh Quảng Ngãi",) and report.cc[-1] == "Lưu: VT, QLCN"
    assert (report.signer.on_behalf, report.signer.title, report.signer.name) == ((), "", "")
    assert number_line(report.number) == "Số: \u2003\u2003/BC-SCT"


def test_every_problem_of_the_block_is_located():
    _rnd, problems = parse("""report:
  numbr: /BC-SCT
  date: 31/02/2023
  recipient: {a: b}
  signer:
    nam: X
  cc: Như trên
""")
    assert problems == [(9, 3, "unknown-key"), (10, 9, "bad-date"), (11, 14, "wrong-type"), (13, 5, "unknown-key"),
                        (14, 7, "wrong-type")]


def test_without_a_block_the_round_title_gives_the_subject_without_the_kind():
    rnd, problems = parse("")
    assert problems == [] and rnd.report is None
    report = issued_report(rnd, "SCT")
    assert report.number == "/BC-SCT" and report.kind == "BÁO CÁO"
    assert subject_of(report, rnd) == "Tình hình năm 2023"


def test_a_subject_that_repeats_the_kind_is_printed_once():
    assert default_subject("Báo cáo tình hình năm 2023") == "Tình hình năm 2023"
    assert default_subject("BÁO CÁO Tình hình") == "Tình hình"
    assert default_subject("Tình hình năm 2023") == "Tình hình năm 2023"
    assert default_subject("Báo cáo") == "Báo cáo"
    assert default_subject("Kế hoạch thực hiện", "KẾ HOẠCH") == "Thực hiện"
