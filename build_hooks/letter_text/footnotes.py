r"""The Markdown footnote syntax of the letters and the Sở's report, stated once.

A call ``[^label]`` stands in the text; its definition ``[^label]: text`` starts a line. The importer
numbers footnotes (``[^1]``), agencies and the draft may name them (``[^ghi-chu]``, ``[^so-xay-dung-1]``):
a label is a run of up to 100 characters without a bracket, ``^`` or a space. Bounded and bracket-free so
that a line of ``[^[^[^…`` is read in linear time (an unbounded ``[^\]\s]+`` took 11 s on 50 KB of it,
``tests/importer/test_linear.py``).
"""
from __future__ import annotations

import re

LABEL = r"[^\[\]^\s]{1,100}"
CALL = re.compile(rf"\[\^({LABEL})\](?!:)")
"""A footnote call (not the label that starts a definition)."""
DEFINITION = re.compile(rf"^\[\^({LABEL})\]:[ \t]*(.*)$", re.M)
"""A footnote definition: its label and its text."""
MARK = re.compile(rf"\[\^{LABEL}\]:?")
"""A call or a definition's label: no words of the letter, left out when texts are compared."""
