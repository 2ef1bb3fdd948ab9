"""Sections whose whole answer is that the agency was given no task there ("Không có nhiệm vụ được giao.").

Such a section is not an answer: the importer lists it under ``no_assigned_tasks`` in the front-matter, and
keeps the agency's sentence in the body, so the page still shows what the letter says.
"""
from __future__ import annotations

import re

PHRASES = ("không có nhiệm vụ", "không được giao nhiệm vụ", "không được giao", "không có nội dung được giao",
           "không có nội dung", "không được phân công", "không thuộc chức năng nhiệm vụ", "không có nhiệm vụ liên quan")
"""The usual ways a letter says so (folded: lower case, words only)."""
MAX_WORDS = 16
"""Longer text is a real answer that happens to contain the words."""


def says_no_task(markdown: str) -> bool:
    """True when ``markdown`` is one short sentence saying the agency was given no task (no figures in it)."""
    words = re.findall(r"\w+", markdown.lower()[:400])
    folded = " " + " ".join(words) + " "
    return (0 < len(words) <= MAX_WORDS and not any(w.isdigit() for w in words) and markdown.count("\n\n") == 0
            and any(f" {p} " in folded for p in PHRASES))


def no_task_sections(parts) -> list[str]:
    """Outline sections (of ``load.sections.split_body``'s parts) answered only by a no-task sentence, and with
    no sub-section of their own answered."""
    out = []
    for p in parts:
        if p.section_id and p.heading is not None and says_no_task(p.markdown.strip()):
            deeper = [q for q in parts if q.section_id and q.section_id.startswith(p.section_id + ".") and q.has_text]
            if not deeper and p.section_id not in out:
                out.append(p.section_id)
    return out
