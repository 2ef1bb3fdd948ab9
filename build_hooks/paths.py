"""Where each generated page lives, and relative links between them.

Links are relative ``.md`` paths so that MkDocs checks them and rewrites them
for both directory URLs (served site) and ``.html`` URLs (offline snapshot).
"""
from __future__ import annotations

import posixpath

LANDING = "index.md"


def home(year: int) -> str:
    return f"{year}/index.md"


def report(year: int) -> str:
    return f"{year}/bao-cao-tong-hop.md"


def status(year: int) -> str:
    return f"{year}/tinh-hinh-nop.md"


def agencies(year: int) -> str:
    return f"{year}/co-quan/index.md"


def agency(year: int, agency_id: str) -> str:
    return f"{year}/co-quan/{agency_id}.md"


def rel(src: str, dest: str, anchor: str = "") -> str:
    """Link from page ``src`` to page ``dest`` (both docs-relative paths)."""
    target = posixpath.relpath(dest, posixpath.dirname(src) or ".")
    return target + (f"#{anchor}" if anchor else "")


def print_view(year: int) -> str:
    """The consolidated report laid out for A4 paper (one page for the whole round)."""
    return f"{year}/bao-cao-tong-hop-ban-in.md"


def year_of(path: str) -> int | None:
    """The round a generated page belongs to, from its first folder: ``2023/…`` -> 2023."""
    head = path.split("/", 1)[0]
    return int(head) if head.isdigit() and "/" in path else None
