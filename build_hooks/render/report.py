"""The consolidated report: the whole outline, each agency's text under each section.

Every paragraph an agency wrote lands here exactly once: under its section,
or, for text outside any numbered heading, in the closing part "Phần mở đầu".
"""
from __future__ import annotations

from build_hooks.aggregate.by_section import Contribution, by_section
from build_hooks.domain.model import Registry, Round, Submission
from build_hooks.letter_text.convert import LetterRenderer, shift_html_headings
from build_hooks.pages import paths
from build_hooks.pages.fragments import Fragments
from build_hooks.pages.kinds import heading
from build_hooks.pages.markup import esc, esc_text, md, section_label
from build_hooks.publish.exports import downloads

PREAMBLE_ANCHOR = "phan-mo-dau-van-ban"


def render_report(rnd: Round, submissions: tuple[Submission, ...], registry: Registry, frags: Fragments,
                  letters: LetterRenderer, pdf: bool = True, directory_urls: bool = True) -> str:
    """The consolidated report: every section of the outline with each agency's text under it."""

    page = paths.report(rnd.year)
    head = [f"# {md(heading('report', year=rnd.year))}\n", f"**{md(rnd.title)}**\n",
            f"[Bản in khổ A4]({paths.rel(page, paths.print_view(rnd.year))}){{ .md-button .print-view-link }}\n",
            downloads(page, rnd.year, pdf) + "\n{: .report-downloads }\n"]
    return "\n".join(head) + frags.place(report_body(rnd, submissions, registry, page, frags, letters,
                                                    directory_urls))


def report_body(rnd: Round, submissions: tuple[Submission, ...], registry: Registry, page: str, frags: Fragments,
                letters: LetterRenderer, directory_urls: bool = True) -> str:
    """Everything under the title, as HTML, with links relative to ``page`` (the report or its print view).

    The headings are the core's (``Fragments.heading``: the adapter lists them in the table of
    contents), and so is everything else: at 2,000 letters Python-Markdown would spend seconds on
    the contributions' source lines alone.
    """
    table = by_section(rnd, submissions, registry)
    out = []
    if rnd.request.number:
        out.append(f"<p>Tổng hợp từ văn bản trả lời {esc_text(rnd.request.cite())} của các cơ quan, đơn vị.</p>")
    out.append(f"<p>Đã nhận {len(submissions)} văn bản. Thứ tự các cơ quan theo danh mục cơ quan.</p>")
    no_task = [registry.get(s.agency) for s in submissions if s.no_assigned_tasks]
    if no_task:
        items = "".join(f'<li><a href="{esc(paths.href(page, paths.agency(rnd.year, a.id), directory_urls))}">'
                        f"{esc_text(a.name)}</a></li>\n" for a in no_task)
        out.append('<div class="admonition note">\n<p class="admonition-title">Cơ quan báo cáo không được giao '
                   f"nhiệm vụ</p>\n<ul>\n{items}</ul>\n</div>")
    for section in rnd.outline.sections:
        level = min(6, section.depth + 1)
        out.append(frags.heading(level, f"{section_label(section.id)} {section.title}", section.anchor,
                                 f'data-section="{esc(section.id)}"'))
        if section.note:
            out.append(f"<p><em>{esc_text(section.note)}</em></p>")
        items = table.get(section.id, [])
        if items:
            out.append(frags.unique("".join(_contribution(c, page, rnd.year, level, letters, directory_urls)
                                            for c in items)))
        if not items and not any(table.get(d.id) for d in rnd.outline.descendants(section.id)):
            out.append('<p class="no-content">Chưa có cơ quan nào báo cáo nội dung mục này.</p>')
    preamble = table.get(None, [])
    if preamble:
        out.append(frags.heading(2, "Phần mở đầu và nội dung chung của các văn bản", PREAMBLE_ANCHOR,
                                 'data-section="_"'))
        out.append("<p>Phần văn bản không thuộc mục nào của đề cương (mở đầu, căn cứ, kết luận).</p>")
        out.append(frags.unique("".join(_contribution(c, page, rnd.year, 2, letters, directory_urls)
                                        for c in preamble)))
    return "\n".join(out)


def _contribution(c: Contribution, page: str, year: int, level: int, letters: LetterRenderer,
                  directory_urls: bool) -> str:
    """The agency's name, linked to its letter, then its text under the section (HTML)."""
    source = esc(paths.href(page, paths.agency(year, c.agency.id), directory_urls))
    html = "".join(shift_html_headings(letters.html(p.markdown), level - p.base_level) for p in c.parts)
    return f'<p class="contrib-source"><strong><a href="{source}">{esc(c.agency.name)}</a></strong></p>\n{html}'
