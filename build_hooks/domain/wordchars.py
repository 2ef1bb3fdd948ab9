"""Word's invisible characters: what a clerk pastes without seeing it, read as what was meant.

Word puts a non-breaking space after a heading's number ("III.\u00a0Tồn tại"),
sometimes a zero-width space before ``#`` or inside ``III``, and its automatic
numbering can come out as the Roman-numeral code points ``Ⅲ`` (U+2162). None of
these looks different on screen, and each used to turn a numbered heading into
an unnumbered one, so a section was filed under the one before it. In heading
lines they are replaced by what the clerk meant (the checker warns at the
position and ``check --fix`` writes the replacement). Line endings CR and CRLF
are normalised before parsing.

Bidi controls (U+202A–U+202E, U+2066–U+2069) reorder what a reader sees
("right-to-left override"): they have no place in a Vietnamese letter and are
reported wherever they are.
"""
from __future__ import annotations

import re

from build_hooks.domain.lines import find_chars

ODD_SPACES = frozenset("\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000")
"""Non-breaking, narrow and other fixed-width spaces: read as an ordinary space in headings."""
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
"""Zero-width space, non-joiners, word joiner, a stray byte-order mark, soft hyphen: dropped in headings."""
ROMAN = {chr(0x2160 + i): r for i, r in enumerate("I II III IV V VI VII VIII IX X XI XII".split())}
ROMAN.update({chr(0x2170 + i): r for i, r in enumerate("I II III IV V VI VII VIII IX X XI XII".split())})
"""Roman-numeral code points (Ⅰ–Ⅻ, ⅰ–ⅻ) and the letters a heading number is written with."""
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_HEADING_START = re.compile("^[ \u00a0\u202f\u200b\u200c\u200d\u2060\ufeff]{0,3}#")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac, some Word exports) become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_heading_line(line: str) -> bool:
    """True for an ATX heading line once Word's invisible characters before ``#`` are ignored."""
    return bool(_HEADING_START.match(line)) and line.lstrip("".join(ZERO_WIDTH | ODD_SPACES) + " ").startswith("#")


def replacement(ch: str) -> str | None:
    """What ``ch`` stands for in a heading, or None when it is an ordinary character."""
    if ch in ODD_SPACES:
        return " "
    if ch in ZERO_WIDTH:
        return ""
    return ROMAN.get(ch)


def clean_heading(line: str) -> str:
    """``line`` with Word's characters replaced; leading spaces Word left before ``#`` dropped."""
    cleaned = "".join(r if (r := replacement(c)) is not None else c for c in line)
    return cleaned.lstrip(" ") if cleaned.lstrip(" ").startswith("#") else cleaned


def odd_in_heading(line: str) -> list[tuple[int, str]]:
    """``(column, character)`` (0-based) of every character ``clean_heading`` would change."""
    if not is_heading_line(line):
        return []
    return [(i, c) for i, c in enumerate(line) if replacement(c) is not None]


def clean_headings(text: str) -> str:
    """Every heading line of ``text`` cleaned; other lines untouched (offsets of other lines kept)."""
    if not any(c in text for c in ODD_SPACES | ZERO_WIDTH | set(ROMAN)):
        return text
    lines = text.split("\n")
    return "\n".join(clean_heading(line) if is_heading_line(line) else line for line in lines)


def find_bidi(text: str) -> list[tuple[int, int, str]]:
    """``(line, column, character)`` (0-based) of every bidi control in ``text``."""
    return find_chars(text, BIDI)


def char_name(ch: str) -> str:
    """Vietnamese name of a Word character, for messages."""
    if ch in ODD_SPACES:
        return f"dấu cách không ngắt (U+{ord(ch):04X})"
    if ch in ZERO_WIDTH:
        return f"ký tự vô hình (U+{ord(ch):04X})"
    if ch in ROMAN:
        return f"ký tự số La Mã '{ch}' (U+{ord(ch):04X}) thay cho chữ '{ROMAN[ch]}'"
    return f"ký tự điều khiển chiều chữ (U+{ord(ch):04X})"
