"""The print view: the Sở's report of a round as one page laid out for A4 paper.

It is the same document as the DOCX and the PDF, drawn from the same model
(``publish/report_document.py``) by the same HTML writer as the PDF
(``publish/pdf_export.document_html``, with its style sheet): the ND30 header, kind
and trích yếu, Kính gửi, the body, the end mark, Nơi nhận and the signature block.
When the round has the Sở's own report file that is what it prints; otherwise the
working compilation laid out as a report. The theme template ``overrides/print.html``
and ``assets/stylesheets/print-a4.css`` set the paper (A4, margins 20 mm top and
bottom, 30 mm left, 15 mm right, page numbers centred at the top from the second
page on). A browser has no foot-of-page footnotes: they are numbered in the text
and listed under a short rule after the signature.
"""
from __future__ import annotations

import re

from build_hooks.domain.model import Corpus, Round
from build_hooks.letter_text.convert import LetterRenderer
from build_hooks.pages import paths
from build_hooks.pages.fragments import Fragments
from build_hooks.publish.exports import downloads
from build_hooks.publish.pdf_export import DOCUMENT_CSS, FONT_STACK, document_html
from build_hooks.publish.report_document import build_document

_NOTE = re.compile(r'<span class="fn">(.*?)</span>', re.S)
STYLESHEET = "assets/stylesheets/van-ban-nd30.css"
"""The PDF's style sheet for the print view (``overrides/print.html`` links it); the site publishes it."""


def document_stylesheet() -> bytes:
    """``pdf_export.DOCUMENT_CSS`` for the print view: under ``.nd30``, with what a browser needs besides."""
    style = (DOCUMENT_CSS % {"fonts": FONT_STACK}).replace("html {", ".nd30 {").replace("body {", ".nd30 {")
    style += """
.nd30 sup.fn-call { font-size: 9pt; line-height: 1; }
.nd30 .fn-list { border-top: 0.5pt solid #000; width: 50mm; padding-top: 3pt; margin-top: 12pt; font-size: 11pt; }
.nd30 .fn-list li { width: 160mm; }
/* the sheet's older rules (a part per page, dashed rules on screen) do not apply to the document */
.sheet .nd30 h1, .sheet .nd30 h2, .sheet .nd30 h3 { break-before: auto; page-break-before: auto; border-top: none;
  padding-top: 0; margin: 6pt 0; text-align: justify; text-indent: 10mm; }
"""
    return style.encode("utf-8")


def render_print(corpus: Corpus, rnd: Round, frags: Fragments, letters: LetterRenderer, pdf: bool = True) -> str:
    """The Sở's report laid out for A4 printing, one page without the site's navigation."""
    page = paths.print_view(rnd.year)
    has_report = rnd.year in corpus.reports
    back_to = paths.issued_report(rnd.year) if has_report else paths.report(rnd.year)
    back_label = "Báo cáo của Sở Công Thương" if has_report else "Tổng hợp ý kiến các cơ quan"
    document = document_html(build_document(corpus, rnd.year, letters))
    notes: list[str] = []

    def call(match: re.Match) -> str:
        notes.append(match.group(1))
        return f'<sup class="fn-call">{len(notes)}</sup>'

    document = _NOTE.sub(call, document)
    if notes:
        document += '<ol class="fn-list">' + "".join(f"<li>{n}</li>" for n in notes) + "</ol>"
    return "\n".join([
        f'<p class="screen-only" markdown>[← {back_label} năm {rnd.year}]({paths.rel(page, back_to)}) · '
        "In bằng lệnh In của trình duyệt (Ctrl+P), khổ giấy A4, không thêm đầu trang và chân trang.<br>"
        f"{downloads(page, rnd.year, pdf)}</p>\n",
        frags.add(f'<div class="nd30">{document}</div>'),
    ])
