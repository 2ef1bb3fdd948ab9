"""Vietnamese throughout: no English interface string on any built page.

The list of English strings is Material for MkDocs' own English translation table
(every interface string the theme can print) plus the few the theme and Markdown
write without it ("Made with", "Permanent link"). Every built page is scanned: its
visible text, the attributes a reader or a screen reader meets (title, aria-label,
placeholder, alt) and the translations handed to the search script (``__config``).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import material
from bs4 import BeautifulSoup

EN_TABLE = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
MACHINE_KEYS = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator",
                "rss.created"}
EXTRA = ["Made with", "Material for MkDocs", "Permanent link", "Initializing search", "Skip to content"]
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def english_strings() -> list[str]:
    pairs = re.findall(r'^\s*"([a-z.]+)": "(.*)",?$', EN_TABLE.read_text(encoding="utf-8"), re.M)
    phrases = [value.replace("# ", "") for key, value in pairs if key not in MACHINE_KEYS]
    return sorted({p for p in phrases + EXTRA if len(p) > 2})


def reader_strings(html: str) -> list[str]:
    """What a reader (or a screen reader) of the page meets, as strings."""
    soup = BeautifulSoup(html, "html.parser")
    config = soup.find("script", id="__config")
    found = list(json.loads(config.string).get("translations", {}).values()) if config else []
    for tag in soup(["script", "style", "svg"]):
        tag.decompose()
    found.append(soup.get_text(" "))
    found += [str(tag[name]) for name in ATTRIBUTES for tag in soup.find_all(attrs={name: True})]
    return found


def english_on(site: Path) -> dict[str, list[str]]:
    words = english_strings()
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
    hits: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        for text in reader_strings(page.read_text(encoding="utf-8")):
            for match in pattern.findall(text):
                hits.setdefault(str(page.relative_to(site)), []).append(match)
    return hits


def test_the_scan_finds_english():
    html = ('<html><body><a title="Permanent link">¶</a><nav aria-label="Tabs"></nav>Made with x'
            '<script id="__config">{"translations": {"search.result.initializer": "Initializing search"}}</script>'
            '</body></html>')
    found = " ".join(reader_strings(html))
    assert all(w in found for w in ("Permanent link", "Tabs", "Made with", "Initializing search"))
    assert {"Tabs", "Permanent link", "Initializing search", "Back to top"} <= set(english_strings())


def test_no_english_interface_string_on_any_page(real_site, three_year_site):
    _root, _written, synthetic = three_year_site
    for site in (real_site.site, synthetic.site):
        pages = list(site.rglob("*.html"))
        assert len(pages) > 10
        assert english_on(site) == {}
