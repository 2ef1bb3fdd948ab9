"""Runs every content rule over one submission.

The rule functions live in their families (``encoding``, ``values``, ``body``);
this module lists them once, in the order they run. What each id means, and
its wording, is in ``catalogue``.
"""
from __future__ import annotations

import datetime as _dt

from build_hooks.domain.model import Registry, Round, Submission
from build_hooks.domain.problems import Problem
from build_hooks.load.context import Context
from build_hooks.load.submission import read_submission
from build_hooks.rules import body, encoding, values

CHECKS = (encoding.not_nfc, encoding.legacy_encoding, encoding.yaml_tab, encoding.bidi_control,
          encoding.odd_line_break, encoding.word_character, values.date_range, values.bad_number, body.raw_html,
          body.markdown_runs, body.table_cells, body.heading_title, body.empty_section)
"""Every content rule function; each yields problems for one or more catalogue ids."""


def check(ctx: Context) -> list[Problem]:
    """Run every rule function once over ``ctx``."""
    return [problem for rule in CHECKS for problem in rule(ctx)]


def check_submission(text: str, path: str, agency_id: str, year: int, rnd: Round | None,
                     registry: Registry, today: _dt.date | None = None) -> tuple[Submission | None, list[Problem]]:
    """Parse ``text`` (``load.submission``) and run every content rule over it, as yamllint's linter
    parses a file and runs its rules; ``agency_id`` and ``year`` come from the file's name and folder.

    ``today`` is the build date for the date rules (None: the real today).
    """
    submission, problems, context = read_submission(text, path, agency_id, year, rnd, registry, today)
    problems = problems + check(context)
    tab_lines = {p.line for p in problems if p.rule == "yaml-tab"}  # the tab explains the syntax error
    return submission, [p for p in problems if not (p.rule == "yaml-syntax" and p.line in tab_lines)]
