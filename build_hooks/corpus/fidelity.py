"""Fidelity: the transcription still holds every paragraph, list item and table cell of the kept original.

``import`` counts what it carried over once (``importer/coverage.py``); this reads the original again
on every load, so that a later edit of the Markdown that drops text is caught, not only an import.
Texts are compared by their letters and digits, in order (coverage's rule): Markdown marks, escapes and
rejoined lines do not matter, a dropped or reordered paragraph does. The skeleton's hints are not text.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from build_hooks.cache import cached_bytes, package_key
from build_hooks.domain.catalogue import finding
from build_hooks.domain.problems import Problem

FIDELITY_CACHE = "originals"
"""The cache folder of what the originals say (``settings.cache_dir``)."""
QUOTED_WORDS = 12
"""How many of a missing paragraph's first words the error quotes."""


READERS = ("python-docx", "pdfplumber", "pdfminer.six")
"""Libraries whose version can change what the importer reads from an original."""


@lru_cache(maxsize=256)
def _original_units(path: str, sha256: str) -> tuple[tuple[int, str], ...] | str:
    """The body units of the original, or why it cannot be read: kept on disk by the original's hash and
    our code (a PDF takes a fraction of a second to read; every build and ``check`` needs it)."""
    stored = json.loads(cached_bytes(FIDELITY_CACHE, _key(sha256), lambda: json.dumps(_read_units(path)).encode()))
    return stored if isinstance(stored, str) else tuple((line, text) for line, text in stored)


def _key(sha256: str) -> str:
    return "\0".join(("fidelity", package_key(READERS), sha256))


def remember_units(sha256: str, units) -> None:
    """Keep what ``import`` has just read from an original (the same reader, frame and units as
    ``_read_units``) under the key the check looks it up by, so the check that follows the import does not
    read the file a second time: a PDF costs pdfplumber about a second a letter."""
    cached_bytes(FIDELITY_CACHE, _key(sha256), lambda: json.dumps([list(u) for u in units]).encode())


def _read_units(path: str) -> list[tuple[int, str]] | str:
    from build_hooks.importer.convert import body_blocks, read_document
    from build_hooks.importer.coverage import body_units
    from build_hooks.importer.document import UnreadableInput
    from build_hooks.importer.frame import read_frame

    try:
        doc = read_document(Path(path), Path(path).name)
    except UnreadableInput as exc:
        return str(exc)
    return body_units(body_blocks(doc, read_frame(doc)))


@lru_cache(maxsize=256)
def _missing(path: str, sha256: str, body: str) -> tuple[tuple[int, str], ...] | str:
    from build_hooks.importer.coverage import measure

    units = _original_units(path, sha256)
    if isinstance(units, str):
        return units
    return measure(list(units), body).missing


def check_fidelity(original: Path, sha256: str, letter: Path, shown_letter: str, line: int) -> list[Problem]:
    """An error, quoting its first words, for each unit of the original missing from the letter's text."""
    from build_hooks.load.yamlsource import split_front_matter

    text = letter.read_text(encoding="utf-8", errors="replace")
    split = split_front_matter(text)
    body = split[2] if split is not None else text
    missing = _missing(str(original), sha256, body)
    if isinstance(missing, str):
        return [finding("original-text-missing", shown_letter, line, 1, "unreadable", name=original.name,
                        reason=missing)]
    out = []
    for source_line, unit in missing:
        words = unit.split()
        quoted = " ".join(words[:QUOTED_WORDS]) + (" …" if len(words) > QUOTED_WORDS else "")
        out.append(finding("original-text-missing", shown_letter, line, 1, name=original.name,
                           source_line=source_line, text=quoted))
    return out
