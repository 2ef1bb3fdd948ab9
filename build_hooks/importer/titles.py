"""A heading whose number and title disagree, when the title is exactly another section's: follow the title.

Word numbers a list consecutively. Under V (next year's plan, whose sub-sections repeat II's titles) an
agency that answers only some of them gets "1.", "2.", "3." where it meant V.2, V.5, V.6; a clerk reads the
title. So when a heading's title is, word for word (case, accents and punctuation aside), the title of a
sibling of the section its number names, the heading takes that sibling's number, and the importer says so
(``import-renumbered``). A title that is merely close stays as written: the checker's ``heading-title``
warning then asks a person.
"""
from __future__ import annotations

from build_hooks.domain.catalogue import finding
from build_hooks.domain.problems import Problem
from build_hooks.domain.text import folded_words
from build_hooks.load.sections import heading_number, split_body


def follow_titles(text: str, outline, out_path: str, body_line: int) -> tuple[str, list[Problem]]:
    """``text`` (the body's Markdown) with each heading renumbered where its title is exactly a sibling's."""
    parts = split_body(text, 1, outline, out_path)[0]
    lines = text.split("\n")
    findings = []
    for part in parts:
        heading = part.heading
        number = heading_number(heading.text) if heading is not None else None
        section = outline.get(part.section_id) if number is not None else None
        if section is None or not number.title or folded_words(number.title) == folded_words(section.title):
            continue
        siblings = [s for s in outline.children(section.parent_id)
                    if s.id != section.id and folded_words(s.title) == folded_words(number.title)]
        if len(siblings) != 1:
            continue
        target = siblings[0]
        old_last, new_last = section.id.rsplit(".", 1)[-1], target.id.rsplit(".", 1)[-1]
        written = number.number
        renumbered = written[: len(written) - len(old_last)] + new_last if written.endswith(old_last) else None
        index = heading.line - 1
        if renumbered is None or not lines[index].lstrip("#").lstrip().startswith(written):
            continue
        hashes = lines[index][: len(lines[index]) - len(lines[index].lstrip("#"))]
        rest = lines[index][len(hashes):].lstrip()[len(written):]
        lines[index] = f"{hashes} {renumbered}{rest}"
        findings.append(finding("import-renumbered", out_path, body_line + index, 1, written=written,
                                section=section.id, target=target.id, title=target.title))
    return "\n".join(lines), findings
