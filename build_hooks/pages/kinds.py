"""The page table: every kind of generated page, with its navigation title and its heading.

Stated once here, like ``mkdocs_gen_files.Nav``'s one list of entries: the plan
(``site.plan``) titles each page and builds the navigation from this table, and
each renderer writes its H1 with ``heading(kind, …)``. Titles are templates;
``{year}``, ``{agency}``, ``{indicator}`` and ``{previous_year}`` are filled in per page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from build_hooks.pages.fragments import TocEntry


@dataclass(frozen=True)
class PageKind:
    """One kind of generated page."""

    kind: str
    """Stable name, e.g. ``report``."""
    nav_title: str
    """What the navigation (and the browser tab) calls a page of this kind."""
    heading: str
    """The page's H1."""


PAGE_KINDS: dict[str, PageKind] = {k.kind: k for k in (
    PageKind("landing", "Trang chủ", "Báo cáo phát triển công nghiệp tỉnh Quảng Ngãi"),
    PageKind("round-home", "Tổng quan", "Năm {year}"),
    PageKind("issued-report", "Báo cáo của Sở Công Thương", "Báo cáo của Sở Công Thương năm {year}"),
    PageKind("report", "Tổng hợp ý kiến các cơ quan", "Tổng hợp ý kiến các cơ quan năm {year}"),
    PageKind("print", "Bản in tổng hợp ý kiến các cơ quan", "Tổng hợp ý kiến các cơ quan năm {year}"),
    PageKind("status", "Tình hình nộp báo cáo", "Tình hình nộp báo cáo năm {year}"),
    PageKind("agencies", "Danh sách cơ quan", "Văn bản của các cơ quan năm {year}"),
    PageKind("letter", "{agency}", "{agency}"),
    PageKind("indicators", "Chỉ tiêu", "Chỉ tiêu năm {year}"),
    PageKind("projects", "Dự án (mục II.7)", "Dự án năm {year} (mục II.7)"),
    PageKind("changes", "Thay đổi so với năm trước", "Thay đổi so với năm {previous_year}"),
    PageKind("trends", "Tổng quan", "Chỉ tiêu qua các năm"),
    PageKind("trend", "{indicator}", "{indicator}"),
    PageKind("data", "Dữ liệu mở", "Dữ liệu mở"),
    PageKind("guide", "Hướng dẫn nộp báo cáo", "Hướng dẫn nộp báo cáo"),
)}
"""Every kind of generated page, in navigation order within a round."""

LETTERS_SECTION = "Văn bản các cơ quan"
"""The navigation section of a round that holds its list of agencies and their letters."""
TRENDS_SECTION = "Chỉ tiêu qua các năm"
"""The navigation section of the indicators across rounds."""


def year_section(year: int) -> str:
    """The navigation tab of one round."""
    return f"Năm {year}"


def nav_title(kind: str, **params) -> str:
    """The navigation title of a page of ``kind`` (plain text; ``plan_nav`` escapes it for the engine)."""
    return PAGE_KINDS[kind].nav_title.format(**params)


def heading(kind: str, **params) -> str:
    """The H1 text of a page of ``kind`` (plain text: a renderer escapes it for Markdown)."""
    return PAGE_KINDS[kind].heading.format(**params)


@dataclass(frozen=True)
class Page:
    """One generated page: where it lives, what it is called, where the navigation shows it, and its content."""

    path: str
    """Docs-relative path of the virtual Markdown file."""
    kind: str
    """Its kind in ``PAGE_KINDS``."""
    title: str
    """Its navigation title (``nav_title`` of its kind)."""
    content: str
    nav: tuple[str, ...] | None = ()
    """Navigation sections it stands in (``()``: the top level); None: kept out of the navigation."""
    fragments: dict[str, str] = field(default_factory=dict)
    """Placeholder token -> HTML to put back after Markdown conversion (see ``pages.fragments``)."""
    toc: tuple[TocEntry, ...] = ()
    """Headings the fragments hold that the page's table of contents lists, after its Markdown headings."""
