"""The projects page of a round (section II.7): every project, its status and who reported it."""
from __future__ import annotations

from build_hooks.aggregate.projects import MIXED, Project, status_counts
from build_hooks.domain.model import Round
from build_hooks.pages import paths
from build_hooks.pages.kinds import heading
from build_hooks.pages.markup import link, md, table


def render_projects(rnd: Round, projects: list[Project]) -> str:
    """The round's projects (II.7): counts per status and every project with its sources."""
    page = paths.projects(rnd.year)
    out = [f"# {md(heading('projects', year=rnd.year))}\n",
           "Kết quả, tiến độ thực hiện các dự án theo Phụ lục số 2, 3 kèm theo Quyết định số 998/QĐ-UBND "
           "ngày 07/7/2021 của Chủ tịch UBND tỉnh, theo báo cáo của các cơ quan. Một dự án do nhiều cơ quan "
           "báo cáo được gộp theo tên (không phân biệt hoa thường, dấu) và ghi đủ các nguồn.\n"]
    if not projects:
        out.append("*Chưa có cơ quan nào báo cáo dự án trong năm này.*\n")
        return "\n".join(out)
    out.append("## Số dự án theo tình trạng\n")
    counts = status_counts(rnd, projects)
    out.append(table(["Tình trạng", "Số dự án"], [[md(s.capitalize()), str(n)] for s, n in counts]
                     + [["**Tổng cộng**", f"**{len(projects)}**"]]))
    if any(p.status == MIXED for p in projects):
        out.append("\n\"Ý kiến khác nhau\": các cơ quan báo cáo cùng một dự án với tình trạng khác nhau; "
                   "bảng dưới ghi tình trạng theo từng cơ quan.\n")
    out.append("## Danh sách dự án\n")
    rows = []
    for i, project in enumerate(projects, 1):
        sources = "<br>".join(_source(page, s, len(project.statuses) > 1) for s in project.sources)
        notes = "<br>".join(md(s.report.note) for s in project.sources if s.report.note)
        status = md(project.status) if project.status != MIXED else "⚠ " + md(MIXED)
        rows.append([str(i), md(project.name), md(", ".join(project.appendices)), status, sources, notes])
    out.append(table(["STT", "Dự án", "Phụ lục", "Tình trạng", "Cơ quan báo cáo", "Ghi chú"], rows))
    out.append(f"\nTải dữ liệu: {link('projects.csv', paths.rel(page, paths.data_file(rnd.year, 'projects.csv')))}.\n")
    return "\n".join(out)


def _source(page: str, source, show_status: bool) -> str:
    agency = link(source.agency.name, paths.rel(page, paths.agency(source.submission.year, source.agency.id)))
    return agency + (f" ({md(source.report.status)})" if show_status else "")
