"""Names the whole project agrees on, each stated once.

File names of the submissions tree, the environment variables the build reads
and the folders the commands start from. A module that needs one imports it
from here, so renaming a file or a variable is a one-line change.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository: ``mkdocs.yml``, ``submissions/`` and ``build_hooks/`` live here."""
SUBMISSIONS_DIR = ROOT / "submissions"
"""The real submissions tree, used when ``REPORT_SUBMISSIONS`` is unset."""
JSON_SCHEMA_DIR = Path(__file__).resolve().parent / "publish" / "schemas"
"""JSON Schemas of the open-data files (published under ``du-lieu/schema/``)."""

REGISTRY_FILE = "agencies.yml"
"""The registry of agencies, at the top of the submissions tree."""
ROUND_FILE = "round.yml"
"""One reporting round, in ``submissions/<year>/``."""

SUBMISSIONS_ENV = "REPORT_SUBMISSIONS"
"""Build from another submissions tree (tests, benchmarks, the demo)."""
ARCHIVE_ENV = "REPORT_ARCHIVE"
"""An ``SnapshotMode`` as JSON: build one round as an archived snapshot; unset for the ordinary site."""
OFFLINE_ENV = "REPORT_OFFLINE"
"""Enables Material's offline plugin (see mkdocs.yml)."""
CHARTS_ENV = "REPORT_CHARTS"
"""``REPORT_CHARTS=0`` builds without the SVG trend charts (the data tables stay): to measure their cost."""
TODAY_ENV = "REPORT_TODAY"
"""Fixes the build date (``yyyy-mm-dd``) for the date rules; tests use it."""
QUIET_MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1"}
"""Silences Material's end-of-life banner in every ``mkdocs`` process we start."""
PDF_ENV = "REPORT_PDF"
"""``REPORT_PDF=0`` builds the site without the PDF of the Sở's report (the DOCX stays): for quick builds."""
CACHE_ENV = "REPORT_CACHE"
"""Folder of the build's caches (default ``.cache/`` in the repository; benchmarks give each run its own)."""


def cache_dir(name: str) -> Path:
    """``name``'s folder in the build cache: kept between builds, never committed, safe to delete."""
    return Path(os.environ.get(CACHE_ENV) or ROOT / ".cache") / name


CHART_CACHE = "charts"
"""Trend charts (SVG) by their data and Matplotlib's version."""
WORKBOOK_CACHE = "workbooks"
"""The open-data workbooks (XLSX) by their rows and openpyxl's version."""
LETTER_CACHE = "letters"
"""Letters' converted and sanitised text (``cache.StoredResults``), valid for one version of the converting code."""
PARSED_CACHE = "parsed"
"""Parsed and checked letters of each round (``cache.StoredResults``): a build need not parse 2,000 letters again."""
TEMPLATE_CACHE = "templates"
"""Jinja's compiled theme templates (keyed by name and source checksum): compiling them cost every build 0.4 s."""
EXPORT_CACHE = "exports"
"""The Sở's report as DOCX and PDF, by what it is made from, so a rebuild of unchanged data does not make them again."""
