"""A round's home page, its list of agencies, and the site's landing page."""
from __future__ import annotations

from build_hooks.aggregate.by_section import answered_count
from build_hooks.domain.model import AGENCY_GROUPS, Agency, Corpus, Registry, Round, Submission
from build_hooks.domain.text import sort_key
from build_hooks.pages import paths
from build_hooks.pages.fragments import Fragments
from build_hooks.pages.kinds import heading
from build_hooks.pages.markup import esc, esc_text, html_table, link, md
from build_hooks.publish.exports import downloads
from build_hooks.publish.report_document import issued_report, number_line


def render_round_home(rnd: Round, submissions: tuple[Submission, ...], pdf: bool = True, issued: bool = False) -> str:
    """A round's overview: the request, its legal bases, the outline and links to every page of the round."""
    page = paths.home(rnd.year)
    answered = answered_count(rnd, submissions)
    deadline = rnd.deadline.short() if rnd.deadline else "chưa quy định"
    out = [f"# {md(heading('round-home', year=rnd.year))}\n", f"**{md(rnd.title)}**\n"]
    if rnd.request.number:
        request = rnd.request.cite() + (f" {rnd.request.title}" if rnd.request.title else "")
        out.append(f"Theo đề nghị tại {md(request)}.\n")
    out.append(f"- Hạn nộp: **{deadline}**")
    out.append(f"- Đã trả lời: **{answered}/{len(rnd.expected)}** cơ quan được đề nghị báo cáo")
    out.append(f"- Tổng số văn bản đã nhận: **{len(submissions)}**\n")
    out.append("## Nội dung\n")
    if issued:
        out.append(f"- {link('Báo cáo của Sở Công Thương', paths.rel(page, paths.issued_report(rnd.year)))}: "
                   "văn bản Sở gửi Ủy ban nhân dân tỉnh.")
    out.append(f"- {link('Tổng hợp ý kiến các cơ quan', paths.rel(page, paths.report(rnd.year)))}: "
               "nội dung của mọi cơ quan, xếp theo từng mục của đề cương.")
    out.append(f"- {link('Tình hình nộp báo cáo', paths.rel(page, paths.status(rnd.year)))}: "
               "cơ quan nào đã trả lời, mục nào đã có nội dung.")
    out.append(f"- {link('Văn bản của từng cơ quan', paths.rel(page, paths.agencies(rnd.year)))}.")
    out.append(f"- {_issued(rnd, page, pdf)}\n")
    if rnd.legal_bases:
        out.append("## Căn cứ\n")
        for ref in rnd.legal_bases:
            out.append(f"- {md(ref.cite())}" + (f" {md(ref.title)}" if ref.title else ""))
        out.append("")
    out.append("## Đề cương báo cáo\n")
    for section in rnd.outline.sections:
        indent = "    " * (section.depth - 1)
        target = paths.rel(page, paths.report(rnd.year), section.anchor)
        out.append(f"{indent}- [{section.id}. {md(section.title)}]({target})")
    return "\n".join(out) + "\n"


def _issued(rnd: Round, page: str, pdf: bool) -> str:
    """The Sở's own report: kind, number, date, recipients as the round file gives them, and its files."""

    report = issued_report(rnd)
    number = " ".join(number_line(report.number).replace("Số: ", "số ").split())
    date = ""
    if report.date:
        date = f", {'ngày' if report.date.day else 'tháng'} {report.date.short()}"
    to = f" gửi {md('; '.join(report.recipients))}" if report.recipients else ""
    label = f"{md(report.kind.capitalize())} của Sở Công Thương{to} ({md(number + date)}), để ký"
    return downloads(page, rnd.year, pdf, label)


def render_agency_index(rnd: Round, submissions: tuple[Submission, ...], registry: Registry, frags: Fragments,
                        directory_urls: bool = True) -> str:
    """The round's list of agencies, with each one's letter or the note that it has not answered.

    Each kind's table is an HTML fragment: at 2,000 letters Python-Markdown spent 0.4 s on them.
    """
    page = paths.agencies(rnd.year)
    out = [f"# {md(heading('agencies', year=rnd.year))}\n",
           f"{len(submissions)} văn bản, xếp theo tên cơ quan (thứ tự chữ cái tiếng Việt).\n"]
    by_group: dict[str, list] = {}
    for sub in submissions:
        agency = registry.get(sub.agency)
        by_group.setdefault(agency.group, []).append((agency, sub))
    for group, title in AGENCY_GROUPS.items():
        items = sorted(by_group.get(group, []), key=lambda pair: list_order(pair[0]))
        if not items:
            continue
        rows = [[f'<a href="{esc(paths.href(page, paths.agency(rnd.year, a.id), directory_urls))}">'
                 f"{esc_text(a.name)}</a>", s.number or "", s.date.short() if s.date else "",
                 "Không được giao nhiệm vụ" if s.no_assigned_tasks else ""] for a, s in items]
        out.append(f"## {title}\n")
        out.append(frags.add(html_table(["Cơ quan", "Số văn bản", "Ngày", "Ghi chú"], rows, markup=(0,))))
    return "\n".join(out)


def list_order(agency: Agency) -> tuple:
    """Agencies as the round's list shows them (and the navigation): by kind, then by name in Vietnamese order."""
    return list(AGENCY_GROUPS).index(agency.group), sort_key(agency.name)


def render_landing(corpus: Corpus, guide: bool = True) -> str:
    """The site's first page: the newest round's answered count and links to every part of it."""
    newest = corpus.rounds[0]
    out = [f"# {md(heading('landing'))}\n",
           "Tổng hợp báo cáo hằng năm của các sở, ban, ngành và địa phương về tình hình triển khai thực hiện "
           "các chính sách và Kế hoạch phát triển công nghiệp trên địa bàn tỉnh Quảng Ngãi, do Sở Công Thương "
           "tổng hợp.\n",
           f"## Mới nhất: năm {newest.year}\n",
           f"**{md(newest.title)}**\n",
           f"Đã trả lời: **{answered_count(newest, corpus.submissions.get(newest.year, ()))}/{len(newest.expected)}** "
           "cơ quan được đề nghị báo cáo.\n",
           f"- {link('Tổng quan', paths.rel(paths.LANDING, paths.home(newest.year)))}: "
           "yêu cầu báo cáo, căn cứ, đề cương",
           f"- {link('Tổng hợp ý kiến các cơ quan', paths.rel(paths.LANDING, paths.report(newest.year)))}: "
           "nội dung của mọi cơ quan theo từng mục của đề cương",
           f"- {link('Tình hình nộp báo cáo', paths.rel(paths.LANDING, paths.status(newest.year)))}: "
           "cơ quan nào đã trả lời, mục nào đã có nội dung",
           f"- {link('Chỉ tiêu', paths.rel(paths.LANDING, paths.indicators(newest.year)))} và "
           f"{link('dự án', paths.rel(paths.LANDING, paths.projects(newest.year)))} (mục I.1 và II.7)",
           f"- {link('Chỉ tiêu qua các năm', paths.rel(paths.LANDING, paths.TRENDS))} · "
           f"{link('Dữ liệu mở', paths.rel(paths.LANDING, paths.DATA))} (CSV, JSON, Excel)",
           ""]
    if guide:
        out.insert(-1, f"- {link('Hướng dẫn nộp báo cáo', 'huong-dan/nop-bao-cao.md')} cho cán bộ các cơ quan")
    if len(corpus.rounds) > 1:
        out.append("## Các năm\n")
        for rnd in corpus.rounds:
            subs = corpus.submissions.get(rnd.year, ())
            out.append(f"- {link(f'Năm {rnd.year}', paths.rel(paths.LANDING, paths.home(rnd.year)))}: "
                       f"{answered_count(rnd, subs)}/{len(rnd.expected)} cơ quan đã trả lời")
    return "\n".join(out) + "\n"
