"""Reading built pages back: which text sits under which outline section heading."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

BLOCKS = ("p", "li", "td", "th")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def texts_by_section(html: str) -> dict[str | None, list[str]]:
    """Text of every paragraph, list item and table cell, keyed by the nearest
    preceding heading that carries ``data-section`` (None before the first)."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    current: str | None = None
    found: dict[str | None, list[str]] = {}
    for element in article.find_all(True):
        if element.name in ("h1", "h2", "h3", "h4", "h5", "h6") and element.has_attr("data-section"):
            section = element["data-section"]
            current = None if section == "_" else section
        elif element.name in BLOCKS:
            found.setdefault(current, []).append(norm(element.get_text(" ")))
    return found


def contains(haystack: list[str], needle: str) -> bool:
    needle = norm(needle)
    return any(needle in text for text in haystack)
