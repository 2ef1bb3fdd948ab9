"""A run of formatted text: what a Word letter is made of, and what the exports write back.

One definition for the importer (reading .docx/.pdf/.txt) and the exporters (writing the
Sở's DOCX/PDF), so bold and italic mean the same thing on the way in and on the way out.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting. ``\\n`` in ``text`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
