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
