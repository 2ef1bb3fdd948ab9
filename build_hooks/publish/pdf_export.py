"""The Sở's report as PDF/A-2b, from the same ``ReportDocument`` as the DOCX.

WeasyPrint (from pip, on Debian's Pango) lays out an HTML page written here, with
every text escaped: it needs no browser, honours ``@page`` margin boxes (the page
number centred in the top margin, none on page 1), embeds subset fonts and writes
PDF/A-2b. The font stack names Times New Roman first, then the Times-metric fonts
with Vietnamese glyphs that ``scripts/ensure-system-packages.sh`` installs (Liberation
Serif 2.x, Tinos); Liberation Serif 1.07 lacks U+1EA0-U+1EF9, which is why it must
not be the font picked (the tests check every character's font).

The bytes are reproducible: fixed creation and modification dates and a PDF
identifier derived from the HTML.
"""
from __future__ import annotations

import hashlib
import html

from build_hooks.publish.html_blocks import Note, Para, Run, Table
from build_hooks.publish.report_document import MOTTO, NATION, Heading, ReportDocument

FONT_STACK = '"Times New Roman", "Liberation Serif", Tinos, serif'
"""Times-metric fonts; the last two carry Vietnamese (Liberation Serif from version 2)."""
FIXED_DATE = "2000-01-01T00:00:00Z"
MIME = "application/pdf"

PAGE_CSS = """
@page {
  size: A4; margin: 20mm 15mm 20mm 30mm; font-family: %(fonts)s;
  @top-center { content: counter(page); font-family: %(fonts)s; font-size: 14pt; vertical-align: bottom;
                padding-bottom: 4mm; }
}
@page :first { @top-center { content: none; } }
"""
DOCUMENT_CSS = """
html { font-family: %(fonts)s; font-size: 14pt; }
body { margin: 0; line-height: 1.25; }
p { margin: 0 0 6pt; text-align: justify; text-indent: 10mm; orphans: 2; widows: 2; }
.head { width: 100%%; border-collapse: collapse; margin-bottom: 6pt; }
.head td { border: none; vertical-align: top; text-align: center; padding: 0; }
.head p, .foot p, .title p { text-indent: 0; margin: 0; text-align: center; }
.issuer { width: 62mm; font-size: 13pt; }
.issuer .org { font-weight: bold; }
.rule { border-top: 0.75pt solid #000; margin: 3pt auto 3pt !important; height: 0; }
.nation .q { font-size: 12pt; font-weight: bold; white-space: nowrap; }
.nation .m { font-weight: bold; }
.date { font-style: italic; margin-top: 4pt !important; }
.number { margin-top: 4pt !important; }
.title { margin: 12pt 0 6pt; }
.title .kind, .title .subject { font-weight: bold; }
.title .sub { font-style: italic; }
.issuer .vv { font-size: 12pt; margin-top: 2pt !important; }
.annex { break-before: page; }
.annex h1, .annex h2, .annex h3 { break-after: auto; }
/* a heading followed by another heading (a section nobody has written yet) may end a page: a chain of
   "keep with next" headings would otherwise go over whole and leave the page before it half empty */
h1.run, h2.run, h3.run { break-after: auto; }
.recipients { text-align: center; text-indent: 0; margin: 6pt 0 12pt; }
.recipients-list { margin: 0 0 0 45mm; text-indent: 0; text-align: left; }
h1, h2, h3 { font-size: 14pt; font-weight: bold; margin: 6pt 0; text-indent: 10mm; text-align: justify;
             break-after: avoid; }
h3 { font-style: italic; }
p.source { font-weight: bold; font-style: italic; break-after: avoid; margin-top: 6pt; }
p.subheading { font-weight: bold; break-after: avoid; }
p.note { font-style: italic; }
p.code { white-space: pre-wrap; text-align: left; text-indent: 0; font-size: 12pt; }
p.quote { margin-left: 10mm; }
table.data { width: 100%%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 13pt; }
table.data td, table.data th { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
table.data th { font-weight: bold; }
.fn { float: footnote; font-size: 12pt; font-weight: normal; font-style: normal; text-indent: 0;
      text-align: justify; }
.fn::footnote-call { content: counter(footnote); vertical-align: super; font-size: 9pt; line-height: 1; }
.fn::footnote-marker { content: counter(footnote) " "; vertical-align: super; font-size: 9pt; }
@page { @footnote { border-top: 0.5pt solid #000; padding-top: 3pt; max-height: 40%%; } }
.end { break-inside: avoid; }
.foot { width: 100%%; border-collapse: collapse; margin-top: 12pt; break-inside: avoid; }
.foot td { border: none; vertical-align: top; padding: 0; }
.foot .cc { width: 80mm; }
.foot .cc p { text-align: left; font-size: 11pt; }
.foot .cc p.label { font-size: 12pt; font-weight: bold; font-style: italic; }
.foot .sign p { font-weight: bold; }
.foot .sign .space { height: 30mm; }
"""
CSS = PAGE_CSS + DOCUMENT_CSS
"""The PDF's style sheet; the site's print view uses ``DOCUMENT_CSS`` under its own ``@page``."""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _runs(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        if isinstance(run, Note):  # WeasyPrint puts it at the foot of the page, numbered
            out.append(f'<span class="fn">{_e(run.note)}</span>')
            continue
        if run.text == "\n":
            out.append("<br>")
            continue
        text = _e(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


def _para(para: Para) -> str:
    style = f' style="text-indent:{10 + 6 * para.level}mm"' if para.role == "item" else ""
    marker = _e(para.marker) + " " if para.marker else ""
    return f'<p class="{para.role}"{style}>{marker}{_runs(para.runs)}</p>'


def _table(block: Table) -> str:
    """Header rows in ``thead`` (WeasyPrint repeats them on every page), merged cells with their spans."""
    rows = []
    for i, row in enumerate(block.rows):
        tag = "th" if i < block.header_rows else "td"
        cells = []
        for j, cell in enumerate(row):
            cols, down = block.span(i, j)
            attrs = (f' colspan="{cols}"' if cols > 1 else "") + (f' rowspan="{down}"' if down > 1 else "")
            cells.append(f"<{tag}{attrs}>{_runs(cell)}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head, body = rows[: block.header_rows], rows[block.header_rows:]
    return ('<table class="data">' + (f"<thead>{''.join(head)}</thead>" if head else "")
            + f"<tbody>{''.join(body)}</tbody></table>")


def _block(block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{_e(block.text)}</h{block.level}>"
    if isinstance(block, Table):
        return _table(block)
    return _para(block)


def _recipients(doc: ReportDocument) -> str:
    if len(doc.recipients) == 1:
        return f'<p class="recipients">Kính gửi: {_e(doc.recipients[0])}.</p>'
    if not doc.recipients:
        return ""
    items = "".join(f'<p class="recipients-list">- {_e(r)}{"." if i == len(doc.recipients) - 1 else ";"}</p>'
                    for i, r in enumerate(doc.recipients))
    return f'<p class="recipients" style="margin-bottom:0">Kính gửi:</p>{items}<p></p>'


def _foot(doc: ReportDocument) -> str:
    cc = "".join(f'<p>- {_e(line)}{"." if i == len(doc.cc) - 1 else ";"}</p>' for i, line in enumerate(doc.cc))
    s = doc.signer
    authority = "".join(f"<p>{_e(line.upper())}&nbsp;</p>" for line in s.on_behalf or ("",))
    sign = (f"{authority}<p>{_e(s.title.upper())}&nbsp;</p>"
            f'<p class="space"></p><p>{_e(s.name)}&nbsp;</p>')
    return (f'<table class="foot"><tr><td class="cc"><p class="label">Nơi nhận:</p>{cc}</td>'
            f'<td class="sign">{sign}</td></tr></table>')


KEPT_WITH_FOOT = 2
"""How many of the body's last blocks go over to the next page with Nơi nhận and the signature."""


def report_html(doc: ReportDocument) -> str:
    """The whole document as one HTML page; every piece of data is escaped."""
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{_e(doc.title)}</title>"
        f'<meta name="author" content="{_e(doc.org)}">'
        f'<meta name="dcterms.created" content="{FIXED_DATE}"><meta name="dcterms.modified" content="{FIXED_DATE}">'
        f"<style>{CSS % {'fonts': FONT_STACK}}</style></head><body>" + document_html(doc) + "</body></html>"
    )


def document_html(doc: ReportDocument) -> str:
    """The document itself, head to signature and annex: what the PDF prints and the print view shows."""
    body = [_block(b) for b in doc.blocks]
    for i, (block, following) in enumerate(zip(doc.blocks, doc.blocks[1:], strict=False)):
        if isinstance(block, Heading) and isinstance(following, Heading):  # see ``.run``
            body[i] = body[i].replace(f"<h{block.level}>", f'<h{block.level} class="run">', 1)
    if not body or not body[-1].endswith("</p>"):
        body.append("<p>./.</p>")
    elif not body[-1].endswith("./.</p>"):
        body[-1] = body[-1][: -len("</p>")] + "./.</p>"
    head = (
        '<table class="head"><tr>'
        f'<td class="issuer"><p>{_e(doc.parent)}</p><p class="org">{_e(doc.org)}</p>'
        '<p class="rule" style="width:22mm"></p>'
        f'<p class="number">{_e(doc.number)}</p>'
        + (f'<p class="vv">{_e(doc.subject)}</p>' if not doc.kind else "") + "</td>"
        f'<td class="nation"><p class="q">{NATION}</p><p class="m">{MOTTO}</p>'
        '<p class="rule" style="width:62mm"></p>'
        f'<p class="date">{_e(doc.place_date)}</p></td></tr></table>'
    )
    title = (f'<div class="title"><p class="kind">{_e(doc.kind)}</p><p class="subject">{_e(doc.subject)}</p>'
             '<p class="rule" style="width:40mm"></p></div>') if doc.kind else '<div class="title"></div>'
    annex = ""
    if getattr(doc, "annex", ()):  # the đề cương of a ``round_letters.LetterDocument``, after the signature
        titles = "".join(f'<p class="{"kind" if i == 0 else "sub"}">{_e(t)}</p>' for i, t in enumerate(doc.annex_title))
        annex = (f'<div class="annex"><div class="title">{titles}</div>' + "".join(_block(b) for b in doc.annex)
                 + "</div>")
    return (head + title + _recipients(doc) + "".join(body[:-KEPT_WITH_FOOT])
            # the last lines of the body, Nơi nhận and the signature on one page: never the foot alone
            + f'<div class="end">{"".join(body[-KEPT_WITH_FOOT:])}{_foot(doc)}</div>' + annex)


def pdf_bytes(doc: ReportDocument) -> bytes:
    """The PDF/A-2b file of ``doc``; the same document gives the same bytes."""
    from weasyprint import HTML  # imported here: loading Pango is slow and only exports need it

    page = report_html(doc)
    identifier = hashlib.sha256(page.encode("utf-8")).hexdigest()[:32].encode("ascii")
    return HTML(string=page).write_pdf(pdf_variant="pdf/a-2b", pdf_identifier=identifier)
