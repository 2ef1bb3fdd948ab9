"""One agency's page: its letter laid out as an official document (Nghị định 30/2020).

Header (issuing body left, national motto right), number and subject, place and
date, "Kính gửi", the body with its numbered headings tagged by outline section,
then "Nơi nhận" and the signature block; below it, what the letter covered and
its indicator and project tables.
"""
from __future__ import annotations

from build_hooks.aggregate.by_section import COVERED, NOT_ASSIGNED, section_cell
from build_hooks.domain.model import Agency, Round, Submission
from build_hooks.domain.numbers import format_quantity
from build_hooks.load.schema import DEFAULT_KIND
from build_hooks.render.fragments import Fragments
from build_hooks.render.letter_html import (
    LetterRenderer,
    continuation_anchor,
    shift_html_headings,
    tag_first_heading,
)
from build_hooks.render.markup import SEARCH_EXCLUDE, esc, md, table
from build_hooks.site import paths
from build_hooks.site.pages import heading

CELL_LABEL = {COVERED: "Có nội dung", NOT_ASSIGNED: "Không được giao nhiệm vụ", "missing": "Không đề cập"}

COVERAGE_ANCHOR, INDICATORS_ANCHOR, PROJECTS_ANCHOR = "cac-muc-de-cuong", "chi-tieu", "du-an"
CLOSING_ANCHORS = frozenset({COVERAGE_ANCHOR, INDICATORS_ANCHOR, PROJECTS_ANCHOR})
"""Ids of the headings the page adds after the letter's body (the search index needs to know where it ends)."""


def render_agency_page(rnd: Round, agency: Agency, sub: Submission, expected: bool, frags: Fragments,
                       letters: LetterRenderer) -> str:
    """One agency's letter as the official document: header, body by section, signature, cc."""
    page = paths.agency(rnd.year, agency.id)
    out = [f"# {md(heading('letter', agency=agency.name))}\n"]
    notes = []
    if not expected:
        notes.append("Cơ quan này không có trong danh sách được đề nghị báo cáo nhưng đã gửi văn bản.")
    if sub.no_assigned_tasks:
        notes.append("Cơ quan báo cáo **không được giao nhiệm vụ** trong Kế hoạch.")
    for note in notes:
        out.append(f'!!! info ""\n    {note}\n')
    out.append(frags.add(_header(agency, sub), indexed=False))  # the same in every letter
    out.append(_body(rnd, sub, frags, letters))
    if sub.closing is not None:
        out.append(frags.add(_closing(sub.closing.markdown, letters), indexed=False))
    out.append(frags.add(_footer(sub), indexed=False))
    out.append(_coverage(rnd, sub, page, frags))
    if sub.indicators:
        out.append(_indicators(rnd, sub))
    if sub.projects:
        out.append(_projects(sub))
    out.append(f"\n*Tệp nguồn: `{sub.path}`*\n")
    return "\n".join(out)


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
    date = sub.date.long(agency.place) if sub.date else f"{agency.place}, ngày \u2003 tháng \u2003 năm \u2003"
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

    Numbered headings stay Markdown (they are the page's table of contents), but
    the agency's heading text goes in escaped (``md``: no ``{``, ``<`` or link
    can survive), and the anchor and section marker are the renderer's own,
    from the outline (``Section.anchor``); the text under them is HTML rendered
    once, sanitised, and shared with the consolidated report.
    """
    chunks = []
    for part in sub.parts:
        if part.closing:
            continue  # shown after the body (``_closing``), in no section
        if part.heading is not None:
            level = min(6, part.heading.level + 1)
            section = rnd.outline.get(part.section_id)
            anchor = section.anchor if section else "muc-" + part.section_id.replace(".", "-").lower()
            text = md(" ".join(part.heading.text.split()))
            chunks.append(f'\n\n{"#" * level} {text} {{#{anchor} data-section="{esc(part.section_id)}"}}\n\n')
        if not part.has_text:
            continue
        html = shift_html_headings(letters.html(part.markdown), 1)
        if part.heading is None and part.markdown.lstrip("\n").startswith("#"):
            # An unnumbered heading that closed a section: what follows belongs to the
            # enclosing section (or to none), and the page says so.
            html = tag_first_heading(html, part.section_id or "_", continuation_anchor(part))
        chunks.append(frags.add(f'<div class="cv-body">{html}</div>'))  # set in the letter's serif (congvan.css)
    return "".join(chunks)


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


def _coverage(rnd: Round, sub: Submission, page: str, frags: Fragments) -> str:
    """Which sections the letter covered, as raw HTML (a Markdown table on every letter page is slow)."""
    written = set(sub.written_sections())
    rows, states = [], set()
    for section in rnd.outline.sections:
        state = section_cell(sub, section.id, written)
        states.add(state)
        label = CELL_LABEL[state]
        if state == COVERED and section.id in written:
            label = f'<a href="#{section.anchor}">{label}</a>'
        rows.append(f'<tr class="c-{state}"><td>{esc(section.id)}</td><td>{esc(section.title)}</td>'
                    f'<td>{label}</td></tr>')
    link = paths.rel(page, paths.report(rnd.year))
    table = ('<table>\n<thead><tr><th scope="col">Mục</th><th scope="col">Tên mục</th><th scope="col">Tình trạng</th>'
             "</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table>")
    if len(states) == 1:  # one answer for every section ("no assigned task"): one line, the rows on demand
        table = (f'<details class="coverage-same"><summary>Cả {len(rows)} mục: {CELL_LABEL[states.pop()]}'
                 f"</summary>{table}</details>")
    return (f"\n## Các mục của đề cương {{#{COVERAGE_ANCHOR} {SEARCH_EXCLUDE}}}\n\n"
            f"Nội dung từng mục được tổng hợp trong [báo cáo chung]({link}).\n\n"
            + frags.add(f'<div class="coverage">{table}</div>\n', indexed=False))


def _indicators(rnd: Round, sub: Submission) -> str:
    rows = []
    for value in sub.indicators:
        definition = rnd.indicator(value.id)
        rows.append([md(definition.name if definition else value.id), md(format_quantity(value.value)), md(value.unit),
                     md(format_quantity(value.target)) if value.target else "",
                     md(format_quantity(value.previous)) if value.previous else "", md(value.note)])
    return (f"\n## Chỉ tiêu {{#{INDICATORS_ANCHOR}}}\n\n"
            + table(["Chỉ tiêu", "Thực hiện", "Đơn vị", "Kế hoạch", "Năm trước", "Ghi chú"], rows))


def _projects(sub: Submission) -> str:
    rows = [[md(p.name), md(p.appendix), md(p.status), md(p.note)] for p in sub.projects]
    heads = ["Dự án", "Phụ lục", "Tình trạng", "Ghi chú"]
    return f"\n## Dự án (mục II.7) {{#{PROJECTS_ANCHOR}}}\n\n" + table(heads, rows)
