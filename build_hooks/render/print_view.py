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

from build_hooks.domain.model import Registry, Round, Submission
from build_hooks.render.fragments import Fragments
from build_hooks.render.letter_html import LetterRenderer
from build_hooks.render.markup import esc
from build_hooks.render.report import report_body
from build_hooks.site import paths

ISSUER_ID = "so-cong-thuong"
"""The body that compiles the report; its registry entry gives the letter head."""

BLANK = "\u2003\u2003"


def render_print(rnd: Round, submissions: tuple[Submission, ...], registry: Registry, frags: Fragments,
                 letters: LetterRenderer) -> str:
    """The consolidated report laid out for A4 printing, one page without the site's navigation."""
    page = paths.print_view(rnd.year)
    back = paths.rel(page, paths.report(rnd.year))
    return "\n".join([
        f'<p class="screen-only" markdown>[← Báo cáo tổng hợp năm {rnd.year}]({back}) · '
        "In bằng lệnh In của trình duyệt (Ctrl+P), khổ giấy A4, không thêm đầu trang và chân trang.</p>\n",
        _letterhead(rnd, registry),
        report_body(rnd, submissions, registry, page, frags, letters),
    ])


def _letterhead(rnd: Round, registry: Registry) -> str:
    issuer = registry.get(ISSUER_ID)
    parent = issuer.parent if issuer else "UBND TỈNH QUẢNG NGÃI"
    org = issuer.header if issuer else "SỞ CÔNG THƯƠNG"
    code = issuer.code if issuer else "SCT"
    place = issuer.place if issuer else "Quảng Ngãi"
    return (
        '<div class="doc-head">\n'
        f'<div class="doc-issuer"><p>{esc(parent)}</p><p class="doc-org">{esc(org)}</p>'
        f'<p class="doc-number">Số: {BLANK}/BC-{esc(code)}</p></div>\n'
        '<div class="doc-nation"><p class="doc-motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>'
        '<p class="doc-motto2">Độc lập - Tự do - Hạnh phúc</p>'
        f'<p class="doc-date"><em>{esc(place)}, ngày{BLANK}tháng{BLANK}năm{BLANK}</em></p></div>\n'
        '</div>\n\n'
        f'<p class="doc-kind">BÁO CÁO</p>\n<p class="doc-subject">{esc(rnd.title)}</p>\n'
    )
