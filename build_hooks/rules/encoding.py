"""Encoding rules: how the file's characters are stored (NFC, legacy 8-bit fonts, tabs in YAML).

Each rule takes a ``Context`` and yields problems; it never prints and never
raises for bad content. Texts and severities live in ``domain.catalogue``.
"""
from __future__ import annotations

import unicodedata
from typing import Iterator

from build_hooks.domain.catalogue import MAX_BYTES, finding
from build_hooks.domain.lines import OTHER_BREAKS, find_chars, split_lines
from build_hooks.domain.problems import Problem
from build_hooks.domain.wordchars import char_name, find_bidi, odd_in_heading
from build_hooks.load.context import Context
from build_hooks.rules.legacy_encoding import find_legacy, may_contain_legacy


def not_nfc(ctx: Context) -> Iterator[Problem]:
    """Text must be stored in Unicode NFC.

    good: ``Quảng`` written with the precomposed ``ả`` (U+1EA3)
    bad:  ``Quảng`` written as ``a`` + combining hook (U+0309), as macOS or some editors save it
    """
    if unicodedata.is_normalized("NFC", ctx.raw):
        return
    for number, line in enumerate(split_lines(ctx.raw), start=1):
        if not unicodedata.is_normalized("NFC", line):
            yield finding("not-nfc", ctx.path, number, _first_unnormalised(line) + 1)


def _first_unnormalised(line: str) -> int:
    start = 0
    for i, ch in enumerate(line):
        if not unicodedata.combining(ch):
            start = i
        # Normalisation never looks further back than 32 marks (Unicode's stream-safe limit is 30).
        if not unicodedata.is_normalized("NFC", line[max(start, i - 32):i + 1]):
            return start
    return 0


def legacy_encoding(ctx: Context) -> Iterator[Problem]:
    """Text typed in TCVN3 (ABC) or VNI fonts and pasted as Latin-1 symbols.

    good: ``Quảng Ngãi``
    bad:  ``Qu¶ng Ng·i`` (TCVN3), ``Quaûng Ngaõi`` (VNI)
    """
    if not may_contain_legacy(ctx.raw):
        return
    for number, line in enumerate(split_lines(ctx.raw), start=1):
        if (found := find_legacy(line)) is not None:
            yield finding("legacy-encoding", ctx.path, number, found.column + 1, word=found.word,
                          encoding=found.encoding)


def yaml_tab(ctx: Context) -> Iterator[Problem]:
    """YAML is indented with spaces; a tab in the front-matter is refused.

    good: ``signer:\\n  name: …`` (two spaces)
    bad:  ``signer:\\n\\tname: …``
    """
    for i, line in enumerate(split_lines(ctx.yaml_text)):
        if (col := line.find("\t")) >= 0:
            yield finding("yaml-tab", ctx.path, ctx.yaml_line + i, col + 1)


def file_too_large(path: str, size: int) -> Problem | None:
    """A submission is a letter of a few pages; above ``MAX_BYTES`` something else was pasted."""
    if size <= MAX_BYTES:
        return None
    return finding("file-too-large", path, 1, 1, size_mib=f"{size / 1048576:.1f}")


def word_character(ctx: Context) -> Iterator[Problem]:
    """Word's invisible characters in a heading are read as meant, and pointed out.

    good: ``# III. Tồn tại hạn chế`` with an ordinary space
    bad:  ``# III.\u00a0Tồn tại`` (non-breaking space), a zero-width space before ``#``, ``# Ⅲ.`` (U+2162)
    """
    if ctx.body_line == 0:
        return
    for index, line in enumerate(split_lines(ctx.raw)[ctx.body_line - 1:]):
        for col, ch in odd_in_heading(line):
            yield finding("word-character", ctx.path, ctx.body_line + index, col + 1, char=char_name(ch))


def bidi_control(ctx: Context) -> Iterator[Problem]:
    """Bidi controls (U+202A–U+202E, U+2066–U+2069) reorder what a reader sees; never in a letter.

    good: ``Sở Xây dựng``
    bad:  ``Sở \u202eXây dựng`` (right-to-left override: shown backwards)
    """
    for line, col, ch in find_bidi(ctx.raw):  # the whole file, front-matter included, by the one line model
        yield finding("bidi-control", ctx.path, line + 1, col + 1, char=char_name(ch))


def odd_line_break(ctx: Context) -> Iterator[Problem]:
    """A line break other than the ordinary one: some programs start a new line there, others do not.

    good: lines ended by Enter (LF or CRLF)
    bad:  U+2028 LINE SEPARATOR, U+0085, a form feed or vertical tab pasted from Word or a PDF
    """
    for line, col, ch in find_chars(ctx.raw, OTHER_BREAKS):
        yield finding("odd-line-break", ctx.path, line + 1, col + 1, code=f"U+{ord(ch):04X}")
