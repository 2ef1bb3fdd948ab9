"""The print view: a round's consolidated report as one page laid out for A4 paper.

It follows the layout of Nghị định 30/2020/NĐ-CP for administrative documents:
the issuing body over its parent on the left, the national motto on the right,
number and date left blank for hand-filling at dispatch (as signed letters are),
then "BÁO CÁO" and its subject. The theme template ``overrides/print.html``
and ``assets/stylesheets/print-a4.css`` set the paper: Times New Roman 14 pt,
margins 20 mm top and bottom, 30 mm left, 15 mm right, each part (I., II., …)
on a new page, page numbers centred at the top from the second page on.
"""
from __future__ import annotations

from build_hooks.domain.model import IssuedReport, Registry, Round, Submission
from build_hooks.letter_text.convert import LetterRenderer
from build_hooks.pages import paths
from build_hooks.pages.fragments import Fragments
from build_hooks.pages.markup import esc
from build_hooks.publish.exports import downloads
from build_hooks.publish.report_document import (
    MOTTO,
    NATION,
    issued_report,
    number_line,
    place_date,
    subject_of,
)
from build_hooks.render.report import report_body

ISSUER_ID = "so-cong-thuong"
"""The body that compiles the report; its registry entry gives the letter head."""


def render_print(rnd: Round, submissions: tuple[Submission, ...], registry: Registry, frags: Fragments,
                 letters: LetterRenderer, pdf: bool = True, directory_urls: bool = True) -> str:
    """The consolidated report laid out for A4 printing, one page without the site's navigation."""
    page = paths.print_view(rnd.year)
    back = paths.rel(page, paths.report(rnd.year))
    issuer = registry.get(ISSUER_ID)
    report = issued_report(rnd, issuer.code if issuer else "SCT")
    return "\n".join([
        f'<p class="screen-only" markdown>[← Tổng hợp ý kiến các cơ quan năm {rnd.year}]({back}) · '
        "In bằng lệnh In của trình duyệt (Ctrl+P), khổ giấy A4, không thêm đầu trang và chân trang.<br>"
        f"{downloads(page, rnd.year, pdf)}</p>\n",
        frags.add(_letterhead(rnd, registry, report)),
        frags.place(report_body(rnd, submissions, registry, page, frags, letters, directory_urls)),
        frags.add(_foot(report)),
    ])


def _letterhead(rnd: Round, registry: Registry, report: IssuedReport) -> str:
    issuer = registry.get(ISSUER_ID)
    parent = issuer.parent if issuer and issuer.parent else "UBND TỈNH QUẢNG NGÃI"
    org = issuer.header if issuer else "SỞ CÔNG THƯƠNG"
    place = issuer.place if issuer else "Quảng Ngãi"
    recipients = ""
    if len(report.recipients) == 1:
        recipients = f'<p class="doc-recipient">Kính gửi: {esc(report.recipients[0])}.</p>\n'
    elif report.recipients:
        items = "".join(f"<li>{esc(r)}{'.' if i == len(report.recipients) - 1 else ';'}</li>"
                        for i, r in enumerate(report.recipients))
        recipients = f'<div class="doc-recipient"><p>Kính gửi:</p><ul>{items}</ul></div>\n'
    return (
        '<div class="doc-head">\n'
        f'<div class="doc-issuer"><p>{esc(parent)}</p><p class="doc-org">{esc(org)}</p>'
        f'<p class="doc-number">{esc(number_line(report.number))}</p></div>\n'
        f'<div class="doc-nation"><p class="doc-motto">{NATION}</p>'
        f'<p class="doc-motto2">{MOTTO}</p>'
        f'<p class="doc-date"><em>{esc(place_date(report, place, rnd.year))}</em></p></div>\n'
        '</div>\n'
        f'<p class="doc-kind">{esc(report.kind.upper())}</p>\n'
        f'<p class="doc-subject">{esc(subject_of(report, rnd))}</p>\n'
        + recipients
    )


def _foot(report: IssuedReport) -> str:
    """Nơi nhận and the signature block of the Sở; blank lines stay as room for hand-filling."""
    cc = "".join(f"<li>- {esc(line)}{'.' if i == len(report.cc) - 1 else ';'}</li>" for i, line in enumerate(report.cc))
    s = report.signer
    return ('<p class="doc-end">./.</p>\n<div class="doc-foot">\n'
            f'<div class="doc-cc"><p class="doc-cc-title"><strong><em>Nơi nhận:</em></strong></p><ul>{cc}</ul></div>\n'
            '<div class="doc-sign">'
            + "".join(f'<p class="doc-authority">{esc(line.upper())}</p>' for line in s.on_behalf or ("",))
            + f'<p class="doc-title">{esc(s.title.upper())}</p><p class="doc-space"></p>'
            f'<p class="doc-name">{esc(s.name)}</p></div>\n</div>\n')
