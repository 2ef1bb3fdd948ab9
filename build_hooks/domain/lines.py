"""The one line model: where a line of a file ends, for every rule and every position.

A line ends at ``\\n`` (CRLF and a lone CR are turned into ``\\n`` first, by
``wordchars.normalise_newlines``), as git, GitHub's diff and every editor count
them. Python's ``str.splitlines`` also breaks at eight other code points (vertical
tab, form feed, U+001C–U+001E, NEL, LINE and PARAGRAPH SEPARATOR), and YAML
breaks at three of them: had the front-matter splitter counted lines one way and
a rule another, a few such characters would shift one rule's window past a
hidden bidi control. So every line number comes from ``split_lines``, and those
other breaks are themselves reported (``odd-line-break``) where they stand.
"""
from __future__ import annotations

OTHER_BREAKS = frozenset("\v\f\x1c\x1d\x1e\x85\u2028\u2029")
"""Code points that ``str.splitlines`` (or YAML) takes for a line break and this model does not."""


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """``text`` cut at ``\\n`` only; like ``str.splitlines``, no empty last line after a final ``\\n``."""
    lines = text.split("\n")
    if keepends:
        lines = [line + "\n" for line in lines[:-1]] + [lines[-1]]
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def find_chars(text: str, chars: frozenset[str] | set[str]) -> list[tuple[int, int, str]]:
    """``(line, column, character)`` (0-based, by ``split_lines``) of every character of ``chars`` in ``text``."""
    if not any(c in text for c in chars):
        return []
    return [(number, i, c) for number, line in enumerate(text.split("\n"))
            for i, c in enumerate(line) if c in chars]
