"""Runs every content rule over one submission.

The rule functions live in their families (``encoding``, ``values``, ``body``);
this module lists them once, in the order they run. What each id means, and
its wording, is in ``catalogue``.
"""
from __future__ import annotations

from build_hooks.domain.problems import Problem
from build_hooks.rules import body, encoding, values
from build_hooks.rules.context import Context

CHECKS = (encoding.not_nfc, encoding.legacy_encoding, encoding.yaml_tab, encoding.bidi_control,
          encoding.word_character, values.date_range, values.bad_number, body.raw_html, body.table_cells,
          body.heading_title, body.empty_section)
"""Every content rule function; each yields problems for one or more catalogue ids."""


def check(ctx: Context) -> list[Problem]:
    """Run every rule function once over ``ctx``."""
    return [problem for rule in CHECKS for problem in rule(ctx)]
