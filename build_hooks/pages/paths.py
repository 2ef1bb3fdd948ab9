"""Where each generated page lives, and relative links between them.

Links are relative ``.md`` paths so that MkDocs checks them and rewrites them
for both directory URLs (served site) and ``.html`` URLs (offline snapshot).
"""
from __future__ import annotations

import posixpath
from functools import lru_cache

LANDING = "index.md"


def home(year: int) -> str:
    """A round's overview page."""
    return f"{year}/index.md"


def report(year: int) -> str:
    """A round's compilation of every agency's contribution ("Tổng hợp ý kiến các cơ quan")."""
    return f"{year}/bao-cao-tong-hop.md"


def issued_report(year: int) -> str:
    """A round's report of the Sở Công Thương, the document it signs (``REPORT_FILE``)."""
    return f"{year}/bao-cao-so-cong-thuong.md"


def status(year: int) -> str:
    """A round's page of who has answered."""
    return f"{year}/tinh-hinh-nop.md"


def agencies(year: int) -> str:
    """A round's list of agencies and their letters."""
    return f"{year}/co-quan/index.md"


def agency(year: int, agency_id: str) -> str:
    """One agency's letter in a round."""
    return f"{year}/co-quan/{agency_id}.md"


@lru_cache(maxsize=65536)  # the status and list pages link 2,000 letters; relpath is slow
def rel(src: str, dest: str, anchor: str = "") -> str:
    """Link from page ``src`` to page ``dest`` (both docs-relative paths)."""
    target = posixpath.relpath(dest, posixpath.dirname(src) or ".")
    return target + (f"#{anchor}" if anchor else "")


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a page: ``2023/tinh-hinh-nop/`` or ``2023/tinh-hinh-nop.html``."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] if directory_urls else stem + ".html"
    return stem + "/" if directory_urls else stem + ".html"


@lru_cache(maxsize=65536)
def href(src: str, dest: str, directory_urls: bool = True) -> str:
    """Relative URL from page ``src`` to page ``dest`` for raw HTML, where MkDocs rewrites nothing.

    Used only where Markdown would cost too much (tables of thousands of rows).
    """
    src_url, dest_url = page_url(src, directory_urls), page_url(dest, directory_urls)
    base = src_url if src_url.endswith("/") or not src_url else posixpath.dirname(src_url) + "/"
    target = posixpath.relpath(dest_url or ".", base.rstrip("/") or ".")
    if (not dest_url or dest_url.endswith("/")) and not target.endswith("/"):
        target += "/"
    return target


def original(year: int, name: str) -> str:
    """Where the site publishes a letter's original as received: ``2023/ban-goc/ban-dan-toc.pdf``."""
    return f"{year}/ban-goc/{name}"


def word_skeleton(year: int, agency_id: str) -> str:
    """The Word skeleton an agency fills in for a round (``new --format docx``): ``2023/mau-word/ban-dan-toc.docx``."""
    return f"{year}/mau-word/{agency_id}.docx"


def file_href(src: str, dest: str, directory_urls: bool = True) -> str:
    """Relative URL from page ``src`` to the file ``dest`` (a download, published at its own path)."""
    src_url = page_url(src, directory_urls)
    base = src_url if src_url.endswith("/") or not src_url else posixpath.dirname(src_url) + "/"
    return posixpath.relpath(dest, base.rstrip("/") or ".")


# Indicators, projects, trends and open data (issue 4).

def indicators(year: int) -> str:
    """A round's indicator table."""
    return f"{year}/chi-tieu.md"


def projects(year: int) -> str:
    """A round's projects (II.7)."""
    return f"{year}/du-an.md"


def changes(year: int) -> str:
    """What changed in a round's outline since the round before."""
    return f"{year}/thay-doi.md"


TRENDS = "xu-huong/index.md"
DATA = "du-lieu/index.md"


def trend(indicator_id: str) -> str:
    """One indicator across every round."""
    return f"xu-huong/{indicator_id}.md"


def schema_file(name: str) -> str:
    """A JSON Schema of the open-data files: ``du-lieu/schema/indicators.schema.json``."""
    return f"du-lieu/schema/{name}"


def data_file(year: int, name: str) -> str:
    """A round's open-data file, beside its pages: ``2023/du-lieu/indicators.csv``."""
    return f"{year}/du-lieu/{name}"


def print_view(year: int) -> str:
    """The consolidated report laid out for A4 paper (one page for the whole round)."""
    return f"{year}/bao-cao-tong-hop-ban-in.md"


def year_of(path: str) -> int | None:
    """The round a generated page belongs to, from its first folder: ``2023/…`` -> 2023."""
    head = path.split("/", 1)[0]
    return int(head) if head.isdigit() and "/" in path else None
