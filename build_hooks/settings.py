"""Names the whole project agrees on, each stated once, and the build's options.

The environment variables the build reads, the folders the commands start from
and the build cache's folders. A module that needs one imports it from here, so
renaming a variable or a folder is a one-line change. ``BuildOptions`` reads the
variables once, typed, and reports a bad value as a located problem (the variable
is its place) instead of a traceback halfway through a build.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from build_hooks.domain.catalogue import finding
from build_hooks.domain.problems import Problem

ROOT = Path(__file__).resolve().parent.parent
"""The repository: ``mkdocs.yml``, ``submissions/`` and ``build_hooks/`` live here."""
SUBMISSIONS_DIR = ROOT / "submissions"
"""The real submissions tree, used when ``REPORT_SUBMISSIONS`` is unset."""
JSON_SCHEMA_DIR = Path(__file__).resolve().parent / "publish" / "schemas"
"""JSON Schemas of the open-data files (published under ``du-lieu/schema/``)."""

SUBMISSIONS_ENV = "REPORT_SUBMISSIONS"
"""Build from another submissions tree (tests, benchmarks, the demo)."""
ARCHIVE_ENV = "REPORT_ARCHIVE"
"""A ``SnapshotMode`` as JSON: build one round as an archived snapshot; unset for the ordinary site."""
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

FALSE_WORDS = frozenset({"0", "false", "no", "off"})
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
"""How a yes-or-no variable may be written (any case)."""


@dataclass(frozen=True)
class SnapshotMode:
    """What an archived snapshot stands for: the round, the date taken and the source commit.

    ``python -m build_hooks snapshot`` runs ``mkdocs build`` with ``REPORT_ARCHIVE`` set to its JSON;
    the build reads it back through ``BuildOptions``.
    """

    year: int
    """The round archived."""
    taken: str
    """Date the snapshot stands for, ISO ``yyyy-mm-dd`` (by default the source commit's date)."""
    commit: str
    """Source commit (``git rev-parse HEAD``)."""
    dirty: bool = False
    """True when the working tree differed from the commit: the commit alone does not reproduce it."""

    def to_json(self) -> str:
        """The value of ``REPORT_ARCHIVE`` for the build."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "SnapshotMode":
        """Read back the value of ``REPORT_ARCHIVE``; ``ValueError``, ``KeyError`` or ``TypeError`` if it is not one."""
        data = json.loads(text)
        mode = cls(int(data["year"]), str(data["taken"]), str(data["commit"]), bool(data.get("dirty", False)))
        _dt.date.fromisoformat(mode.taken)
        return mode

    def taken_vi(self) -> str:
        """``05/01/2024``: the date as Vietnamese documents write it."""
        return _dt.date.fromisoformat(self.taken).strftime("%d/%m/%Y")

    def template_data(self) -> dict:
        """What ``overrides/partials/archive-banner.html`` shows (``config.extra.archive``)."""
        return {"year": self.year, "date": self.taken, "date_vi": self.taken_vi(), "commit": self.commit,
                "dirty": self.dirty}


@dataclass(frozen=True)
class BuildOptions:
    """What the environment asks of one site build, read once (``from_environ``).

    Every field has the value an unset variable gives, so ``BuildOptions(source=…)`` is an
    ordinary build. ``REPORT_OFFLINE`` is not here: ``mkdocs.yml`` reads it itself (``!ENV``) to
    enable Material's offline plugin; ``REPORT_CACHE`` is read by ``cache_dir``, which every
    cache user calls without a build at hand.
    """

    source: Path
    """The submissions tree to build (``REPORT_SUBMISSIONS``; default: the project's ``submissions/``)."""
    today: _dt.date | None = None
    """The build date the date rules compare with (``REPORT_TODAY``, ``yyyy-mm-dd``); None: the real today."""
    archive: SnapshotMode | None = None
    """Build one round as an archived snapshot (``REPORT_ARCHIVE``, set by ``python -m build_hooks snapshot``)."""
    charts: bool = True
    """Draw the SVG trend charts (``REPORT_CHARTS=0``: tables only, to measure their cost)."""
    pdf: bool = True
    """Make the PDF of the Sở's report (``REPORT_PDF=0``: the DOCX only, for quick builds)."""

    @classmethod
    def from_environ(cls, environ: Mapping[str, str], project: Path) -> tuple["BuildOptions", list[Problem]]:
        """The options ``environ`` gives for the project in folder ``project``, and a problem per bad value.

        A bad value is reported with the variable as its place and the default is used meanwhile,
        so that every bad variable is named at once; the caller stops on any problem.
        """
        problems: list[Problem] = []
        source = Path(environ.get(SUBMISSIONS_ENV) or project / "submissions").resolve()
        today = None
        if value := environ.get(TODAY_ENV):
            try:
                today = _dt.date.fromisoformat(value)
            except ValueError:
                problems.append(finding("bad-option", TODAY_ENV, 0, 0, "date", variable=TODAY_ENV, value=value))
        archive = None
        if value := environ.get(ARCHIVE_ENV):
            try:
                archive = SnapshotMode.from_json(value)
            except (ValueError, KeyError, TypeError) as exc:
                problems.append(finding("bad-option", ARCHIVE_ENV, 0, 0, "archive", variable=ARCHIVE_ENV,
                                        error=str(exc) or type(exc).__name__))
        charts = _yes_no(environ, CHARTS_ENV, problems)
        pdf = _yes_no(environ, PDF_ENV, problems)
        return cls(source, today, archive, charts, pdf), problems


def _yes_no(environ: Mapping[str, str], variable: str, problems: list[Problem]) -> bool:
    """A yes-or-no variable: unset or empty is yes (the ordinary build)."""
    value = environ.get(variable, "")
    if not value or value.strip().lower() in TRUE_WORDS:
        return True
    if value.strip().lower() in FALSE_WORDS:
        return False
    problems.append(finding("bad-option", variable, 0, 0, variable=variable, value=value,
                            expected="0 hoặc 1 (hoặc true/false, yes/no, on/off)"))
    return True


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
