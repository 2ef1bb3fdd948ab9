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


# Indicators, projects, trends and open data (issue 4).

def indicators(year: int) -> str:
    return f"{year}/chi-tieu.md"


def projects(year: int) -> str:
    return f"{year}/du-an.md"


def changes(year: int) -> str:
    return f"{year}/thay-doi.md"


TRENDS = "xu-huong/index.md"
DATA = "du-lieu/index.md"


def trend(indicator_id: str) -> str:
    return f"xu-huong/{indicator_id}.md"


def data_file(year: int, name: str) -> str:
    """A round's open-data file, beside its pages: ``2023/du-lieu/indicators.csv``."""
    return f"{year}/du-lieu/{name}"
