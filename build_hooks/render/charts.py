"""Trend charts as inline SVG, drawn at build time with Matplotlib.

No JavaScript and nothing fetched: the SVG sits in the page, so it prints and
works in an offline copy. Text stays text (``svg.fonttype: none``) so Vietnamese
is drawn with the page's own fonts, and the output is byte-for-byte
deterministic (fixed hash salt per chart, no date in the metadata), so a rebuild
of unchanged data changes no file.
"""
from __future__ import annotations

import io
import re

from build_hooks.aggregate.indicators import Trend
from build_hooks.cache import cached_bytes, code_key
from build_hooks.domain.numbers import format_number, format_with_unit
from build_hooks.pages.markup import esc
from build_hooks.settings import CHART_CACHE

_RC = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
VALUE_COLOR = "#283593"
CONFLICT_COLOR = "#c62828"
TARGET_COLOR = "#2e7d32"


def _matplotlib():
    """Matplotlib without pyplot: no global figure registry, no GUI backend probing (cheaper
    to import, and nothing survives between builds under ``mkdocs serve``)."""
    import matplotlib

    matplotlib.use("Agg")  # never a display backend, whatever the environment says
    from matplotlib.figure import Figure

    return matplotlib, Figure


def trend_svg(trend: Trend, chart_id: str) -> str:
    """The trend of one indicator in one unit, with its target band, as an ``<svg>`` element.

    ``chart_id`` must be unique in the page: it salts Matplotlib's element ids and
    names the ``<title>`` the SVG is labelled by. Kept in the build cache by its data:
    importing Matplotlib and drawing costs a second a build where nothing changed.
    """
    key = code_key(__name__, distributions=("matplotlib",)) + chart_id + repr(trend)
    return cached_bytes(CHART_CACHE, key, lambda: _draw_svg(trend, chart_id).encode("utf-8")).decode("utf-8")


def _draw_svg(trend: Trend, chart_id: str) -> str:
    matplotlib, Figure = _matplotlib()
    years = [p.year for p in trend.points]
    with matplotlib.rc_context({**_RC, "svg.hashsalt": chart_id}):
        fig = Figure(figsize=(6.4, 3.0), dpi=100)
        _draw(fig.subplots(), trend, years)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    return _inline(buffer.getvalue(), chart_id, f"{trend.name} ({trend.unit})" if trend.unit else trend.name)


def _draw(ax, trend: Trend, years: list[int]) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    xs, ys, cx, cy = [], [], [], []
    for point in trend.points:
        row = point.row
        if row is None:
            continue
        for value in row.distinct_values:
            if not value.is_numeric:
                continue
            low = value.low if value.low is not None else value.high
            high = value.high if value.high is not None else value.low
            if row.conflict:
                cx.append(point.year)
                cy.append((low + high) / 2)
            if low != high:
                ax.vlines(point.year, low, high, color=CONFLICT_COLOR if row.conflict else VALUE_COLOR, lw=3)
            if not row.conflict:
                xs.append(point.year)
                ys.append((low + high) / 2)
    if xs:
        ax.plot(xs, ys, marker="o", color=VALUE_COLOR, lw=2, label="Thực hiện")
        for x, y in zip(xs, ys, strict=True):
            ax.annotate(format_number(round(y, 3)), (x, y), textcoords="offset points", xytext=(0, 7),
                        ha="center", fontsize=9, color=VALUE_COLOR)
    if cx:
        ax.scatter(cx, cy, marker="x", s=60, color=CONFLICT_COLOR, label="Số liệu không thống nhất", zorder=3)
    ax.margins(y=0.2)
    _target_band(ax, trend)
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(round(v, 3))))
    ax.set_ylabel(trend.unit)
    ax.grid(axis="y", color="#dddddd", lw=0.6)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, frameon=False, fontsize=9)


def _target_band(ax, trend: Trend) -> None:
    """The target of each round over its year: a band for a range, a dashed line for a number,
    a hatched band from the bound to the edge of the plot for a bound."""
    spans = [(p.year, p.row.target) for p in trend.points
             if p.row is not None and p.row.target is not None and p.row.target.is_numeric]
    if not spans:
        return
    edges = [v for _year, t in spans for v in (t.low, t.high) if v is not None]
    ax.update_datalim([(spans[0][0], min(edges)), (spans[0][0], max(edges))])
    ax.margins(y=0.2)
    ax.autoscale_view()
    bottom, top = ax.get_ylim()
    labelled = False
    for year, target in spans:
        label = None if labelled else f"Chỉ tiêu kế hoạch ({format_with_unit(target, trend.unit)})"
        labelled = True
        x = (year - 0.45, year + 0.45)
        style = dict(color=TARGET_COLOR, lw=0, label=label)
        if target.kind == "range":
            ax.fill_between(x, target.low, target.high, alpha=0.25, **style)
        elif target.kind == "number":
            ax.plot(x, (target.low, target.low), ls="--", **dict(style, lw=2))
        else:
            edge = target.low if target.low is not None else target.high
            ax.fill_between(x, edge, top if target.low is not None else bottom, alpha=0.12, hatch="//", **style)
            ax.plot(x, (edge, edge), color=TARGET_COLOR, lw=1.5)
    ax.set_ylim(bottom, top)


_XML_HEAD = re.compile(r"^.*?(?=<svg)", re.S)


def _inline(svg: str, chart_id: str, title: str) -> str:
    """Make Matplotlib's file an element of the page: no XML prolog, a title, an accessible role,
    and no blank lines (a blank line would end the raw-HTML block in Markdown)."""
    svg = _XML_HEAD.sub("", svg, count=1)
    # Matplotlib names groups figure_1, axes_1 ... in every file: prefix every id and reference
    # so that several charts in one page stay valid HTML and their clip paths never mix.
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{chart_id}-{m[1]}"', svg)
    svg = re.sub(r'url\(#([^)]+)\)', lambda m: f"url(#{chart_id}-{m[1]})", svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{chart_id}-{m[1]}"', svg)
    svg = svg.replace("<svg ", f'<svg role="img" aria-labelledby="{chart_id}-title" class="trend-chart" ', 1)
    svg = re.sub(r"(<svg[^>]*>)", lambda m: m[1] + f'<title id="{chart_id}-title">{esc(title)}</title>', svg, count=1)
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    return "\n".join(line for line in svg.splitlines() if line.strip())
