"""The status words the site computes and publishes, each vocabulary stated once.

Both are values of published open-data fields (``submissions.json`` ``sections``,
``indicators.json`` / ``indicators.csv`` ``status``/``danh_gia``), fixed by the
JSON Schemas at version 1.0.0: renaming one is a breaking change for whoever
reads the data, so they stay as published. Section coverage was published with
English words and target status with Vietnamese slugs; unify them only with a
schema major version. Labels for readers live with the renderers.
"""
from __future__ import annotations

# What a letter says of one outline section (``submissions.json``: ``sections``).
COVERED = "covered"
"""The section, or one of its sub-sections, has text."""
NOT_ASSIGNED = "not-assigned"
"""The letter says the agency was given no task there (``no_assigned_tasks``)."""
MISSING = "missing"
"""The letter says nothing of it (or there is no letter)."""
COVERAGE = (COVERED, NOT_ASSIGNED, MISSING)

# How a reported figure stands against its target (``indicators.json``: ``status``).
MET = "dat"
NOT_MET = "chua-dat"
NO_TARGET = "khong-co-chi-tieu"
NO_DATA = "chua-co-so-lieu"
CONFLICT = "xung-dot"
TARGET_STATUSES = (MET, NOT_MET, NO_TARGET, NO_DATA, CONFLICT)
