"""Indicator pages: a round's table (section I.1), the trend of each indicator, and the overview.

Every figure is shown with the agency it came from, linked to its letter; when
agencies disagree every figure is shown and the row is marked, never resolved.
"""
from __future__ import annotations

from build_hooks.aggregate.indicators import (
    CONFLICT,
    MET,
    NO_DATA,
    NO_TARGET,
    NOT_MET,
    STATUS_LABELS,
    IndicatorRow,
    Trend,
    format_change,
)
from build_hooks.domain.model import Round
from build_hooks.domain.numbers import format_with_unit
from build_hooks.domain.text import slugify
from build_hooks.pages import paths
from build_hooks.pages.fragments import Fragments
from build_hooks.pages.kinds import heading
from build_hooks.pages.markup import esc, link, md, table
from build_hooks.render.charts import trend_svg

STATUS_MARK = {MET: "✓", NOT_MET: "✗", NO_TARGET: "–", NO_DATA: "…", CONFLICT: "⚠"}
DIRECTION = {"higher": "càng cao càng tốt", "lower": "càng thấp càng tốt"}


with_unit = format_with_unit


def status_cell(status: str) -> str:
    """A target status as shown in tables: a mark that prints in black and white, then its name."""
    return f"{STATUS_MARK[status]} {STATUS_LABELS[status]}"


def unit_anchor(unit: str) -> str:
    """The anchor of one unit's section on an indicator page (``%`` becomes ``phan-tram``)."""
    return "don-vi-" + (slugify(unit.replace("%", " phan tram ")) or "khac")


def render_round_indicators(rnd: Round, rows: list[IndicatorRow]) -> str:
    """The round's indicator table: every figure against its target, conflicts marked."""
    page = paths.indicators(rnd.year)
    out = [f"# {md(heading('indicators', year=rnd.year))}\n",
           "Kết quả thực hiện các chỉ tiêu phát triển công nghiệp (mục I.1 của đề cương) do các cơ quan báo cáo, "
           "so với chỉ tiêu Kế hoạch phát triển công nghiệp giai đoạn 2021-2025. Mỗi đơn vị tính của một chỉ tiêu "
           "là một dòng; mỗi số liệu ghi rõ cơ quan báo cáo, liên kết tới văn bản.\n"]
    counts = {s: sum(1 for r in rows if r.status == s) for s in STATUS_LABELS}
    out.append("- " + "; ".join(f"{STATUS_LABELS[s]}: **{n}**" for s, n in counts.items() if n) + "\n")
    conflicts = [r for r in rows if r.conflict]
    if conflicts:
        out.append(_conflict_notice(page, conflicts))
    table_rows = []
    for row in rows:
        name = link(row.definition.name, paths.rel(page, paths.trend(row.definition.id), unit_anchor(row.unit)))
        target = md(with_unit(row.target, row.unit)) if row.target else "Không có"
        if row.target_note:
            target += f"<br><small>{md(row.target_note)}</small>"
        table_rows.append([name, md(row.unit), _values_cell(page, row), target, status_cell(row.status),
                           md(with_unit(row.previous, row.unit)), md(format_change(row.change))])
    out.append('<div class="indicator-table" markdown>\n')
    out.append(table(["Chỉ tiêu", "Đơn vị", "Thực hiện (cơ quan báo cáo)", "Chỉ tiêu kế hoạch", "Đánh giá",
                      "Năm trước", "Thay đổi"], table_rows))
    out.append("</div>\n")
    out.append("Ký hiệu đánh giá: ✓ đạt chỉ tiêu; ✗ chưa đạt; – không có chỉ tiêu để so sánh; … chưa có số liệu; "
               "⚠ các cơ quan báo cáo số liệu khác nhau. Chỉ tiêu là một khoảng (8 - 9) được coi là đạt khi "
               "số thực hiện không thấp hơn cận dưới (với chỉ tiêu càng cao càng tốt). \"Năm trước\" lấy theo "
               "văn bản của cơ quan nếu có ghi, nếu không thì theo số liệu đã tổng hợp năm trước.\n")
    out.append(f"Tải dữ liệu: {link('indicators.csv', paths.rel(page, paths.data_file(rnd.year, 'indicators.csv')))}, "
               f"{link('indicators.json', paths.rel(page, paths.data_file(rnd.year, 'indicators.json')))}; "
               f"xem {link('trang Dữ liệu mở', paths.rel(page, paths.DATA))}.\n")
    return "\n".join(out)


def _agency_link(page: str, report) -> str:
    return link(report.agency.name, paths.rel(page, paths.agency(report.submission.year, report.agency.id)))


def _values_cell(page: str, row: IndicatorRow) -> str:
    if not row.figures:
        return "Chưa có cơ quan báo cáo"
    lines = []
    for report in row.figures:
        text = f"**{md(with_unit(report.value.value, row.unit))}** — {_agency_link(page, report)}"
        if report.value.note:
            text += f" <small>({md(report.value.note)})</small>"
        lines.append(text)
    if row.conflict:
        lines.append('<span class="conflict">⚠ Số liệu không thống nhất</span>')
    return "<br>".join(lines)


def _conflict_notice(page: str, rows: list[IndicatorRow]) -> str:
    out = ['!!! warning "Số liệu không thống nhất giữa các cơ quan"\n',
           "    Các chỉ tiêu dưới đây được các cơ quan báo cáo với số liệu khác nhau. Trang này hiển thị tất cả, "
           "không tự chọn số nào.\n"]
    for row in rows:
        values = "; ".join(f"{md(with_unit(r.value.value, row.unit))} ({_agency_link(page, r)}, `{r.submission.path}`)"
                           for r in row.figures)
        line = f"    - **{md(row.definition.name)}** ({md(row.unit)}): {values}."
        if row.acknowledged:
            line += f" *Sở Công Thương đã xem xét:* {md(row.acknowledged.note)}"
        out.append(line)
    return "\n".join(out) + "\n"


def render_trend_page(indicator_id: str, trends: list[Trend], frags: Fragments, charts: bool = True) -> str:
    """One indicator over every round: per unit, a chart with its target band and the same data as a table.

    A chart is an HTML fragment: Python-Markdown would parse its ten kilobytes of SVG as a raw HTML block.
    """
    page = paths.trend(indicator_id)
    first = trends[0]
    latest_def = next(p.row.definition for p in reversed(first.points) if p.row)
    out = [f"# {md(heading('trend', indicator=first.name))}\n",
           f"Mã chỉ tiêu: `{indicator_id}`; {DIRECTION.get(first.direction, first.direction)}.\n"]
    if latest_def.note:
        out.append(f"{md(latest_def.note)}\n")
    for trend in trends:
        anchor = unit_anchor(trend.unit)
        out.append(f"## Đơn vị: {md(trend.unit or 'không ghi')} {{#{anchor}}}\n")
        caption = (f"Biểu đồ: {trend.name}" + (f" ({trend.unit})" if trend.unit else "")
                   + f", {trend.points[0].year}–{trend.points[-1].year}. Số liệu chi tiết trong bảng bên cạnh.")
        if charts and trend.has_numbers:
            svg = trend_svg(trend, f"chart-{indicator_id}-{anchor}")
            out.append(frags.add(f'<figure class="trend-figure">\n{svg}\n<figcaption>{esc(caption)}</figcaption>\n'
                                 '</figure>\n'))
        elif not trend.has_numbers:
            out.append("*Chưa có số liệu dạng số để vẽ biểu đồ.*\n")
        out.append(f'<div class="trend-table" markdown>\n\n{_trend_table(page, trend)}\n</div>\n')
    return "\n".join(out)


def _trend_table(page: str, trend: Trend) -> str:
    rows = []
    for point in trend.points:
        row = point.row
        year_link = link(f"Năm {point.year}", paths.rel(page, paths.indicators(point.year)))
        if row is None:
            rows.append([year_link, "Không có trong đợt báo cáo", "", "", ""])
            continue
        values = "<br>".join(f"{md(with_unit(r.value.value, trend.unit))} — {_agency_link(page, r)}"
                             for r in row.figures) or "Chưa có số liệu"
        target = md(with_unit(row.target, trend.unit)) if row.target else "Không có"
        rows.append([year_link, values, target, status_cell(row.status), md(format_change(row.change))])
    return table(["Năm", "Thực hiện (cơ quan báo cáo)", "Chỉ tiêu kế hoạch", "Đánh giá", "Thay đổi"], rows)


def render_trends_index(trends: list[Trend]) -> str:
    """The reporting-status view: every indicator and unit against every round."""
    page = paths.TRENDS
    years = [p.year for p in trends[0].points] if trends else []
    out = [f"# {md(heading('trends'))}\n",
           "Mỗi ô là số liệu thực hiện của năm đó và đánh giá so với chỉ tiêu kế hoạch. Chọn tên chỉ tiêu để xem "
           "biểu đồ xu hướng và bảng số liệu.\n"]
    rows = []
    for trend in trends:
        cells = []
        for point in trend.points:
            row = point.row
            if row is None:
                cells.append("")
            elif row.conflict:
                cells.append(" / ".join(md(with_unit(v, trend.unit)) for v in row.distinct_values) + " ⚠")
            elif row.value is not None:
                cells.append(f"{md(with_unit(row.value, trend.unit))} {STATUS_MARK[row.status]}")
            else:
                cells.append(STATUS_MARK[row.status])
        name = link(trend.name, paths.rel(page, paths.trend(trend.id), unit_anchor(trend.unit)))
        rows.append([name, md(trend.unit)] + cells)
    out.append(table(["Chỉ tiêu", "Đơn vị"] + [str(y) for y in years], rows))
    out.append("\nKý hiệu: ✓ đạt; ✗ chưa đạt; – không có chỉ tiêu; … chưa có số liệu; ⚠ số liệu không thống nhất; "
               "ô trống: chỉ tiêu không có trong đợt báo cáo năm đó.\n")
    return "\n".join(out)
