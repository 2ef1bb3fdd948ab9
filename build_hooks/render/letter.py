"""One agency's page: its letter laid out as an official document (Nghị định 30/2020).

Header (issuing body left, national motto right), number and subject, place and
date, "Kính gửi", the body with its numbered headings tagged by outline section,
then "Nơi nhận" and the signature block; below it, what the letter covered and
its indicator and project tables.
"""
from __future__ import annotations

from build_hooks.aggregate.by_section import COVERED, MISSING, NOT_ASSIGNED, section_cells
from build_hooks.corpus.signatures import describe
from build_hooks.domain.model import Agency, Round, Submission
from build_hooks.domain.numbers import format_quantity
from build_hooks.letter_text.convert import (
    LetterRenderer,
    continuation_anchor,
    shift_html_headings,
    tag_first_heading,
)
from build_hooks.load.history import LetterHistory
from build_hooks.load.schema import DEFAULT_KIND
from build_hooks.memo import Identity
from build_hooks.pages import paths
from build_hooks.pages.fragments import Fragments
from build_hooks.pages.kinds import heading
from build_hooks.pages.markup import SEARCH_EXCLUDE, esc, html_table, md
from build_hooks.render.history import NOT_SHOWN, render_history

CELL_LABEL = {COVERED: "Có nội dung", NOT_ASSIGNED: "Không được giao nhiệm vụ", MISSING: "Không đề cập"}

COVERAGE_ANCHOR, INDICATORS_ANCHOR, PROJECTS_ANCHOR = "cac-muc-de-cuong", "chi-tieu", "du-an"
CLOSING_ANCHORS = frozenset({COVERAGE_ANCHOR, INDICATORS_ANCHOR, PROJECTS_ANCHOR})
"""Ids of the headings the page adds after the letter's body (the search index needs to know where it ends)."""


def render_agency_page(rnd: Round, agency: Agency, sub: Submission, expected: bool, frags: Fragments,
                       letters: LetterRenderer, history: LetterHistory | None | object = NOT_SHOWN,
                       directory_urls: bool = True) -> str:
    """One agency's letter as the official document: header, body by section, signature, cc.

    The page is HTML but for its title (``Fragments.heading``): Python-Markdown would spend
    more on its headings than on anything else. ``history`` (``load.history``) ends the page,
    unless ``NOT_SHOWN``.
    """
    page = paths.agency(rnd.year, agency.id)
    out = []
    if not expected:
        out.append(_note("Cơ quan này không có trong danh sách được đề nghị báo cáo nhưng đã gửi văn bản."))
    if sub.no_assigned_tasks:
        out.append(_note("Cơ quan báo cáo <strong>không được giao nhiệm vụ</strong> trong Kế hoạch."))
    out.append(frags.hidden(_header(agency, sub)))  # the same in every letter
    out.append(_body(rnd, sub, frags, letters))
    if sub.closing is not None:
        out.append(frags.hidden(_closing(sub.closing.markdown, letters)))
    out.append(frags.hidden(_footer(sub)))
    out.append(_coverage(rnd, sub, paths.href(page, paths.report(rnd.year), directory_urls), frags))
    if sub.indicators:
        out.append(_indicators(rnd, sub, frags))
    if sub.projects:
        out.append(_projects(sub, frags))
    out.append(f"<p><em>Tệp nguồn: <code>{esc(sub.path)}</code></em></p>")
    if sub.original is not None and sub.original.disk:
        out.append(_original(page, rnd.year, sub, directory_urls))
    if history is not NOT_SHOWN:
        out.append(render_history(history, frags))
    return f"# {md(heading('letter', agency=agency.name))}\n" + frags.place("\n".join(out))


def _original(page: str, year: int, sub: Submission, directory_urls: bool) -> str:
    """The link to the letter as received ("Bản gốc"), with its size and SHA-256."""
    original = sub.original
    url = paths.file_href(page, paths.original(year, original.name), directory_urls)
    kind = original.name.rpartition(".")[2].upper()
    size = f"{max(1, round(original.size / 1024))} KB"
    signed = "".join(f"<li>{esc(describe(s))}</li>" for s in original.signatures)
    signed = f'<p>Chữ ký số trong bản gốc:</p><ul class="cv-signatures">{signed}</ul>' if signed else ""
    return (f'<div class="cv-original"><p><a href="{esc(url)}" download>Bản gốc</a> ({kind}, {size}, như cơ quan '
            f'đã gửi; SHA-256 <code>{esc(original.sha256)}</code>)</p>{signed}</div>')


def _note(html: str) -> str:
    """A note above the letter, as Python-Markdown's ``!!! info ""`` writes it."""
    return f'<div class="admonition info">\n<p>{html}</p>\n</div>'


def _header(agency: Agency, sub: Submission) -> str:
    number = sub.number or "…"
    if number.startswith("/"):
        number = "\u2003\u2003" + number  # the numeric part was left blank for hand-filling
    parent = f'<p class="cv-parent">{esc(agency.parent)}</p>' if agency.parent else ""
    named = sub.kind != DEFAULT_KIND  # ND30: a named kind prints its name and subject under the header, not V/v
    subject = f'<p class="cv-subject">V/v {esc(sub.subject)}</p>' if sub.subject and not named else ""
    title = ""
    if named:
        title = (f'<div class="cv-kind"><p class="cv-kind-name"><strong>{esc(sub.kind.upper())}'
                 f'</strong></p>' + (f'<p class="cv-kind-subject"><strong>{esc(sub.subject)}</strong></p>'
                                     if sub.subject else "") + "</div>\n")
    # ND30: the year is printed even when day and month are left for hand-filling
    date = sub.date.long(agency.place) if sub.date else f"{agency.place}, ngày \u2003 tháng \u2003 năm {sub.year}"
    recipients = ""
    if len(sub.recipients) == 1:
        recipients = f'<p class="cv-recipient">Kính gửi: {esc(sub.recipients[0])}.</p>'
    elif sub.recipients:
        items = "".join(f"<li>{esc(r)};</li>" for r in sub.recipients)
        recipients = f'<div class="cv-recipient"><p>Kính gửi:</p><ul>{items}</ul></div>'
    return (
        '<div class="cong-van cv-top">\n<div class="cv-header">\n'
        f'<div class="cv-issuer">{parent}<p class="cv-org">{esc(agency.header)}</p>'
        f'<p class="cv-number">Số: {esc(number)}</p>{subject}</div>\n'
        f'<div class="cv-nation"><p class="cv-motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>'
        '<p class="cv-motto2">Độc lập - Tự do - Hạnh phúc</p>'
        f'<p class="cv-date"><em>{esc(date)}</em></p></div>\n</div>\n{title}{recipients}\n</div>\n'
    )


def _body(rnd: Round, sub: Submission, frags: Fragments, letters: LetterRenderer) -> str:
    """The body as written, headings one level down, numbered ones tagged with their section.

    Numbered headings are the page's table of contents (``Fragments.heading``): the
    agency's heading text goes in escaped, and the anchor and section marker are the
    renderer's own, from the outline (``Section.anchor``); the text under them is HTML
    rendered once, sanitised, and shared with the consolidated report.
    """
    chunks = []
    for part in sub.parts:
        if part.closing:
            continue  # shown after the body (``_closing``), in no section
        if part.heading is not None:
            level = min(6, part.heading.level + 1)
            section = rnd.outline.get(part.section_id)
            anchor = section.anchor if section else "muc-" + part.section_id.replace(".", "-").lower()
            text = " ".join(part.heading.text.split())
            chunks.append(frags.heading(level, text, anchor, f'data-section="{esc(part.section_id)}"'))
        if not part.has_text:
            continue
        html = shift_html_headings(letters.html(part.markdown), 1)
        if part.heading is None and part.markdown.lstrip("\n").startswith("#"):
            # An unnumbered heading that closed a section: what follows belongs to the
            # enclosing section (or to none), and the page says so.
            html = tag_first_heading(html, part.section_id or "_", continuation_anchor(part))
        chunks.append(frags.unique(f'<div class="cv-body">{html}</div>'))  # set in the letter's serif (congvan.css)
    return "\n".join(chunks)


def _closing(markdown: str, letters: LetterRenderer) -> str:
    """The closing formula ("… báo cáo để Sở Công Thương tổng hợp./."), after the body and in no section.

    ``data-section="_"`` marks the end of the last section for readers of the page's structure;
    the formula, alike in every letter, stays out of the search index (``indexed=False``).
    """
    return (f'<div class="cong-van cv-closing" data-section="_">'
            f'{letters.html(markdown)}</div>\n')


def _footer(sub: Submission) -> str:
    cc = ""
    if sub.cc:
        items = [f"<li>- {esc(line)};</li>" for line in sub.cc[:-1]] + [f"<li>- {esc(sub.cc[-1])}.</li>"]
        cc = f'<p class="cv-cc-title"><strong><em>Nơi nhận:</em></strong></p><ul>{"".join(items)}</ul>'
    sign = ""
    if sub.signer:
        authority = "".join(f'<p class="cv-authority">{esc(line.upper())}</p>' for line in sub.signer.on_behalf)
        sign = (f'{authority}<p class="cv-title">{esc(sub.signer.title.upper())}</p>'
                f'<p class="cv-space"></p><p class="cv-name">{esc(sub.signer.name)}</p>')
    return (f'<div class="cong-van cv-footer">\n<div class="cv-cc">{cc}</div>\n'
            f'<div class="cv-sign">{sign}</div>\n</div>\n')


def _coverage(rnd: Round, sub: Submission, report: str, frags: Fragments) -> str:
    """Which sections the letter covered, as raw HTML (a Markdown table on every letter page is slow)."""
    written = set(sub.written_sections())
    cells, row = section_cells(rnd, sub), _coverage_rows(rnd)
    rows = [row[section.id, cells[section.id], section.id in written] for section in rnd.outline.sections]
    states = set(cells.values())
    table = ('<table>\n<thead><tr><th scope="col">Mục</th><th scope="col">Tên mục</th><th scope="col">Tình trạng</th>'
             "</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table>")
    if len(states) == 1:  # one answer for every section ("no assigned task"): one line, the rows on demand
        table = (f'<details class="coverage-same"><summary>Cả {len(rows)} mục: {CELL_LABEL[states.pop()]}'
                 f"</summary>{table}</details>")
    return (frags.heading(2, "Các mục của đề cương", COVERAGE_ANCHOR, SEARCH_EXCLUDE) + "\n"
            f'<p>Nội dung từng mục được tổng hợp trong <a href="{esc(report)}">báo cáo chung</a>.</p>\n'
            + frags.hidden(f'<div class="coverage">{table}</div>\n'))


_ROWS = Identity()


def _coverage_rows(rnd: Round) -> dict[tuple[str, str, bool], str]:
    """Each row the coverage table can show, by section, state and whether the letter wrote the section
    itself (its row then links to it); made once per round rather than 37 times per letter."""
    def row(section, state: str, written: bool) -> str:
        label = CELL_LABEL[state]
        if state == COVERED and written:
            label = f'<a href="#{section.anchor}">{label}</a>'
        return (f'<tr class="c-{state}"><td>{esc(section.id)}</td><td>{esc(section.title)}</td>'
                f'<td>{label}</td></tr>')

    return _ROWS.get((rnd,), (), lambda: {(s.id, state, written): row(s, state, written)
                                          for s in rnd.outline.sections for state in CELL_LABEL
                                          for written in (False, True)})


def _indicators(rnd: Round, sub: Submission, frags: Fragments) -> str:
    rows = []
    for value in sub.indicators:
        definition = rnd.indicator(value.id)
        rows.append([definition.name if definition else value.id, format_quantity(value.value), value.unit,
                     format_quantity(value.target) if value.target else "",
                     format_quantity(value.previous) if value.previous else "", value.note])
    return (frags.heading(2, "Chỉ tiêu", INDICATORS_ANCHOR) + "\n"
            + html_table(["Chỉ tiêu", "Thực hiện", "Đơn vị", "Kế hoạch", "Năm trước", "Ghi chú"], rows))


def _projects(sub: Submission, frags: Fragments) -> str:
    rows = [[p.name, p.appendix, p.status, p.note] for p in sub.projects]
    heads = ["Dự án", "Phụ lục", "Tình trạng", "Ghi chú"]
    return frags.heading(2, "Dự án (mục II.7)", PROJECTS_ANCHOR) + "\n" + html_table(heads, rows)


def render_document(rnd: Round, issuer: Agency, sub: Submission, frags: Fragments, letters: LetterRenderer) -> str:
    """The document alone in its ND30 frame: header, body by section, closing, Nơi nhận and signature.

    The Sở's own report (``render.issued_report``) is drawn by it as every letter is.
    """
    out = [frags.hidden(_header(issuer, sub)), _body(rnd, sub, frags, letters)]
    if sub.closing is not None:
        out.append(frags.hidden(_closing(sub.closing.markdown, letters)))
    out.append(frags.hidden(_footer(sub)))
    return "\n".join(out)
