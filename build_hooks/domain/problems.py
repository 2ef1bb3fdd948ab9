"""Problems: the one value every check returns instead of printing or raising.

A problem carries where it is (path, line, column, counted from 1 as the author
sees the file), which rule found it, how bad it is, a Vietnamese message and a
hint that says how to fix it. Problems are made by ``domain.catalogue.finding``, which
words and grades them from the one table of rules. Collections of problems are sorted by position so
that a whole run can be reported at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

ERROR = "error"
WARNING = "warning"
SEVERITY_WORD = {ERROR: "lỗi", WARNING: "cảnh báo"}
"""How the text output names a severity: the whole line is Vietnamese. The GitHub and JSON
formats keep the machine words ``error``/``warning``, which tools match on."""


@dataclass(frozen=True)
class Problem:
    """One located problem: where, which rule, how bad, what is wrong and how to fix it."""
    path: str
    """File the problem is in, relative to the repository root where possible."""
    line: int
    """Line, from 1; 0 when the problem concerns the whole file."""
    column: int
    """Column, from 1; 0 when unknown."""
    rule: str
    """Stable rule id, e.g. ``unknown-key``: what tests and tools match on."""
    severity: str
    """``error`` stops the build; ``warning`` fails only ``--strict``."""
    message: str
    """What is wrong, in Vietnamese."""
    hint: str = ""
    """How to fix it, in Vietnamese."""

    @property
    def is_error(self) -> bool:
        """True when the problem stops the build."""
        return self.severity == ERROR

    def sort_key(self) -> tuple:
        """Position first, so a file's problems are reported top to bottom."""
        return (self.path, self.line, self.column, self.rule, self.message)

    def format(self) -> str:
        """The one-line form ``path:line:col: mức: message (hint) [rule]``, ``mức`` being ``lỗi`` or ``cảnh báo``."""
        hint = f" ({self.hint})" if self.hint else ""
        word = SEVERITY_WORD.get(self.severity, self.severity)
        return f"{self.path}:{self.line}:{self.column}: {word}: {self.message}{hint} [{self.rule}]"


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once, in file order: how every run reports them."""
    return sorted(set(problems), key=Problem.sort_key)


def has_errors(problems: Iterable[Problem]) -> bool:
    """True when any problem stops the build (warnings stop only ``--strict``)."""
    return any(p.is_error for p in problems)
