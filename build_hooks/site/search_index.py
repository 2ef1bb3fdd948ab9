"""What a search hit says: the agency, the outline section and the year of a passage.

Material's search plugin cuts every indexed page into one entry per heading
(``location``, ``title``, ``text``); the browser groups hits by page and shows
the page's entry as the group's title. Only letter pages carry agencies' text
in the index (see ``page_meta``), so ``annotate_index`` rewrites their entries:

* the page entry is titled ``<agency> — năm <year>``;
* a numbered heading's entry is titled with the outline's number and title
  (``II.4.1. …``), whichever numbering style or shortened title the letter used;
* an unnumbered sub-heading keeps its text after its section's (``II.4.1. … › Sub``);
* text before the first numbered heading joins the page entry (the preamble).

Material inserts titles and text into the page with ``innerHTML``: the index
holds HTML. Names and titles from the registry and the round go in escaped.

Pure: it works on the index as data, so tests need no build.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from build_hooks.domain.model import Corpus
from build_hooks.letter_text.convert import continuation_anchor
from build_hooks.pages import paths
from build_hooks.render.letter import CLOSING_ANCHORS

SUB_SEPARATOR = " › "

_GLUED_BREAK = re.compile(r"(<br\s*/?>)(?!\s)")
_GLUED_BLOCK = re.compile(r"(</(?:td|th|li|p|div|dd|dt|h[1-6]|caption)>)(?=<)")


def space_between_blocks(html: str) -> str:
    """Whitespace after every ``<br>`` and between a closing block tag and the next tag.

    Material's indexer keeps the text of a page and drops its tags, ``<br>`` included;
    where nothing stood between two blocks their words ran together in the index and in
    the result snippets ("Không cóCác cụm"). Whitespace there does not change the page.
    """
    # Two passes with template replacements: a Python callback per match cost 1 s at 2,000 letters.
    return _GLUED_BLOCK.sub("\\1\n", _GLUED_BREAK.sub("\\1\n", html))


@dataclass(frozen=True)
class LetterContext:
    """What the index must say about one letter page."""

    title: str
    """Title of the page's hits: agency and year."""
    sections: dict[str, str]
    """Anchor of each numbered heading on the page -> ``II.4.1. Outline title``; also the anchor
    of an unnumbered heading that closed a section, titled with the section its text belongs to."""
    outside: frozenset[str] = frozenset()
    """Anchors of unnumbered headings whose text belongs to no section (it joins the page entry)."""


def letter_title(agency_name: str, year: int) -> str:
    """The title of a letter's search hits: agency and year, escaped (Material inserts titles as HTML)."""
    return html.escape(f"{agency_name} — năm {year}")


def letter_contexts(corpus: Corpus) -> dict[str, LetterContext]:
    """Context of every letter page, keyed by its docs path (``2023/co-quan/x.md``)."""
    contexts = {}
    for rnd in corpus.rounds:
        for sub in corpus.submissions.get(rnd.year, ()):
            agency = corpus.registry.get(sub.agency)
            if agency is None:
                continue
            sections, outside = {}, set()
            for part in sub.parts:
                section = rnd.outline.get(part.section_id) if part.section_id else None
                if part.heading is not None and section is not None:
                    sections[section.anchor] = html.escape(f"{section.id}. {section.title}")
                elif part.heading is None and part.has_text and part.markdown.lstrip("\n").startswith("#"):
                    if section is not None:
                        sections[continuation_anchor(part)] = html.escape(f"{section.id}. {section.title}")
                    else:
                        outside.add(continuation_anchor(part))
            contexts[paths.agency(rnd.year, agency.id)] = LetterContext(
                letter_title(agency.name, rnd.year), sections, frozenset(outside))
    return contexts


def annotate_index(index: dict, contexts: dict[str, LetterContext]) -> dict:
    """A copy of Material's search index with letter entries titled by agency, section and year.

    ``contexts`` is keyed by page URL as the index writes locations
    (``2023/co-quan/x/`` or ``2023/co-quan/x.html``).
    """
    docs: list[dict] = []
    article: dict | None = None
    current: str | None = None
    in_body = False
    for doc in index.get("docs", []):
        page, _, anchor = doc["location"].partition("#")
        context = contexts.get(page)
        if context is None:
            docs.append(doc)
            continue
        if not anchor:
            article = dict(doc, title=context.title)
            current, in_body = None, True
            docs.append(article)
        elif anchor in context.sections:
            current = anchor
            docs.append(dict(doc, title=context.sections[anchor]))
        elif anchor in context.outside:
            current = None  # text outside every section joins the page entry, like the preamble
            if in_body and article is not None:
                article["text"] = " ".join(t for t in (article["text"], doc["text"]) if t)
        elif anchor in CLOSING_ANCHORS:
            current, in_body = None, False
            docs.append(doc)
        elif current is not None:
            docs.append(dict(doc, title=context.sections[current] + SUB_SEPARATOR + doc["title"]))
        elif in_body and article is not None and article["location"] == page:
            article["text"] = " ".join(t for t in (article["text"], doc["text"]) if t)
        else:
            docs.append(doc)
    return dict(index, docs=docs)


YEAR_INDEX = "search/nam-{year}.json"
"""One round's search index, beside Material's whole one (``search/search_index.json``)."""


def split_by_year(index: dict, years: list[int]) -> dict[int, dict]:
    """One index per round: its own pages and the pages that belong to no round (home, trends, data, guide).

    A phone builds the search index in the browser, in time proportional to its text: ten rounds of
    40 letters take it seconds, one round a fraction. Pages of a round search that round's index
    (``overrides/assets/javascripts/search-by-year.js``); the home page and the pages common to all
    rounds keep the whole index, so everything stays findable from the home page.
    """
    shared, own = [], {year: [] for year in years}
    for doc in index.get("docs", []):
        year = paths.year_of(doc["location"].split("#", 1)[0] + "index.md")
        (own[year] if year in own else shared).append(doc)
    return {year: {**index, "docs": docs + shared} for year, docs in own.items()}
