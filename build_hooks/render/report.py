"""The consolidated report: the whole outline, each agency's text under each section.

Every paragraph an agency wrote lands here exactly once: under its section,
or, for text outside any numbered heading, in the closing part "Phần mở đầu".
"""
from __future__ import annotations

from build_hooks.aggregate.by_section import Contribution, by_section
from build_hooks.domain.model import Registry, Round, Submission
from build_hooks.render.fragments import Fragments
from build_hooks.render.letter_html import LetterRenderer, shift_html_headings
from build_hooks.render.markup import esc, link, md, section_label
from build_hooks.site import paths
from build_hooks.site.pages import heading

PREAMBLE_ANCHOR = "phan-mo-dau-van-ban"


def render_report(rnd: Round, submissions: tuple[Submission, ...], registry: Registry, frags: Fragments,
                  letters: LetterRenderer, pdf: bool = True, directory_urls: bool = True) -> str:
    """The consolidated report: every section of the outline with each agency's text under it."""
    from build_hooks.render.print_view import downloads  # the print view imports this module

    page = paths.report(rnd.year)
    head = [f"# {md(heading('report', year=rnd.year))}\n", f"**{md(rnd.title)}**\n",
            f"[Bản in khổ A4]({paths.rel(page, paths.print_view(rnd.year))}){{ .md-button .print-view-link }}\n",
            downloads(page, rnd.year, pdf) + "\n{: .report-downloads }\n"]
    return "\n".join(head) + "\n" + report_body(rnd, submissions, registry, page, frags, letters, directory_urls)


def report_body(rnd: Round, submissions: tuple[Submission, ...], registry: Registry, page: str, frags: Fragments,
                letters: LetterRenderer, directory_urls: bool = True) -> str:
    """Everything under the title, with links relative to ``page`` (the report or its print view).

    The headings are Markdown (MkDocs makes the table of contents from them); each section's
    contributions are one HTML fragment, since at 2,000 letters Python-Markdown would spend
    seconds on their source lines and placeholders alone.
    """
    table = by_section(rnd, submissions, registry)
    out = []
    if rnd.request.number:
        out.append(f"Tổng hợp từ văn bản trả lời {md(rnd.request.cite())} của các cơ quan, đơn vị.\n")
    out.append(f"Đã nhận {len(submissions)} văn bản. Thứ tự các cơ quan theo danh mục cơ quan.\n")
    no_task = [s for s in submissions if s.no_assigned_tasks]
    if no_task:
        out.append('!!! note "Cơ quan báo cáo không được giao nhiệm vụ"\n')
        for sub in no_task:
            agency = registry.get(sub.agency)
            out.append(f"    - {link(agency.name, paths.rel(page, paths.agency(rnd.year, agency.id)))}")
        out.append("")
    for section in rnd.outline.sections:
        level = min(6, section.depth + 1)
        out.append(f'{"#" * level} {section_label(section.id)} {md(section.title)} '
                   f'{{#{section.anchor} data-section="{section.id}"}}\n')
        if section.note:
            out.append(f"*{md(section.note)}*\n")
        items = table.get(section.id, [])
        if items:
            out.append(frags.add("".join(_contribution(c, page, rnd.year, level, letters, directory_urls)
                                         for c in items)))
        if not items and not any(table.get(d.id) for d in rnd.outline.descendants(section.id)):
            out.append('<p class="no-content">Chưa có cơ quan nào báo cáo nội dung mục này.</p>\n')
    preamble = table.get(None, [])
    if preamble:
        out.append(f'## Phần mở đầu và nội dung chung của các văn bản {{#{PREAMBLE_ANCHOR} data-section="_"}}\n')
        out.append("Phần văn bản không thuộc mục nào của đề cương (mở đầu, căn cứ, kết luận).\n")
        out.append(frags.add("".join(_contribution(c, page, rnd.year, 2, letters, directory_urls)
                                     for c in preamble)))
    return "\n".join(out)


def _contribution(c: Contribution, page: str, year: int, level: int, letters: LetterRenderer,
                  directory_urls: bool) -> str:
    """The agency's name, linked to its letter, then its text under the section (HTML)."""
    source = esc(paths.href(page, paths.agency(year, c.agency.id), directory_urls))
    html = "".join(shift_html_headings(letters.html(p.markdown), level - p.base_level) for p in c.parts)
    return f'<p class="contrib-source"><strong><a href="{source}">{esc(c.agency.name)}</a></strong></p>\n{html}'
