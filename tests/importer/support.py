"""Helpers of the importer tests: importing into a fresh tree, reading front-matter, finding text on pages."""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from support.site import BUILD_TODAY, run_cli

FRAME_KEYS = ("kind", "number", "date", "subject", "recipient", "signer", "cc")


def fold(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def import_letter(source: Path, agency: str, tree: Path, *extra: str):
    return run_cli("import", str(source), "--agency", agency, "--submissions", str(tree), "--today", BUILD_TODAY,
                   *extra)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def frame(front: dict) -> dict:
    return {k: front[k] for k in FRAME_KEYS if k in front}


def body_paragraphs(md_path: Path) -> list[str]:
    """Paragraphs of the body of a submission, folded (so Markdown marks do not count)."""
    body = md_path.read_text(encoding="utf-8").split("---\n", 2)[2]
    return [fold(p) for p in re.split(r"\n\s*\n", body) if fold(p)]


def sections_of_text(html: str) -> list[tuple[str, str | None]]:
    """(folded text, outline section) of every paragraph, list item and table cell of a letter page, in order."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    current = None
    out = []
    for tag in article.find_all(True):
        if tag.name in ("h1", "h2", "h3", "h4", "h5", "h6") and tag.has_attr("data-section"):
            current = None if tag["data-section"] == "_" else tag["data-section"]
        elif tag.name in ("p", "li", "td", "th"):
            out.append((fold(tag.get_text(" ")), current))
    return out


def sections_in_order(placed: list[tuple[str, str | None]], texts: list[str]) -> list[str | None | bool]:
    """Section of each of ``texts``, each searched after the element that held the previous one
    (False when it is not on the page after it)."""
    out, at = [], 0
    for text in texts:
        want = fold(text)
        index = next((i for i in range(at, len(placed)) if want in placed[i][0]), None)
        out.append(False if index is None else placed[index][1])
        at = at if index is None else index
    return out
