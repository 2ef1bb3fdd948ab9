"""Reading built pages back: which text sits under which outline section heading."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

BLOCKS = ("p", "li", "td", "th")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def texts_by_section(html: str, kinds: bool = False) -> dict[str | None, list]:
    """Text of every paragraph, list item and table cell, keyed by the nearest
    preceding heading that carries ``data-section`` (None before the first, and after
    any element marked ``data-section="_"``, such as a letter's closing).
    With ``kinds``, each entry is ``(tag, text)``, tag being ``p``, ``li`` or ``td``."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    current: str | None = None
    found: dict[str | None, list[str]] = {}
    for element in article.find_all(True):
        if element.has_attr("data-section") and (element.name in ("h1", "h2", "h3", "h4", "h5", "h6")
                                                 or element["data-section"] == "_"):
            section = element["data-section"]
            current = None if section == "_" else section
        elif element.name in BLOCKS:
            text = norm(element.get_text(" "))
            found.setdefault(current, []).append((element.name, text) if kinds else text)
    return found


def contains(haystack: list[str], needle: str) -> bool:
    needle = norm(needle)
    return any(needle in text for text in haystack)


def kind_of(text: str) -> str:
    """The element the synthetic generator wrote ``text`` as (see ``build_hooks.dev.synthetic``)."""
    return "li" if " ý " in text else "td" if " ô " in text else "p"


def contains_as(found: list[tuple[str, str]], needle: str) -> bool:
    """``needle`` is in an element of the kind it was written as."""
    kind, needle = kind_of(needle), norm(needle)
    return any(tag == kind and needle in text for tag, text in found)
