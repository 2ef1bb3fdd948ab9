"""Shared fixtures: building whole sites from real or synthetic submissions.

The suite runs in parallel (pytest-xdist, ``-n`` in ``pyproject.toml``). A site that several tests
read is built once per session, whichever worker asks first (``once``); the others wait for it and
read the same folder.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_hooks.dev.benchmark import compile_our_code
from build_hooks.dev.synthetic import write_round
from support.session import once
from support.site import Build, build_site


def pytest_sessionstart(session):
    """Write our bytecode once: where ``PYTHONDONTWRITEBYTECODE`` is set (as here and on CI), each of the
    suite's two hundred ``mkdocs`` and ``python -m build_hooks`` processes would compile it again."""
    compile_our_code()


def _real_site(folder: Path) -> Build:
    build = build_site(None, folder / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory, worker_id) -> Build:
    """The site built from the repository's own submissions."""
    return once(tmp_path_factory, worker_id, "real", _real_site)


def _synthetic(root: Path):
    written = write_round(root / "submissions", 12, years=(2022, 2023), seed=7, same_level_notes=True)
    build = build_site(root / "submissions", root / "site", strict=False)
    assert build.returncode == 0, build.output
    warnings = [line for line in build.output.splitlines() if line.startswith("WARNING")]
    assert warnings and all("[heading-closes-section]" in line for line in warnings), warnings
    return root / "submissions", written, build


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory, worker_id):
    """A synthetic tree of 12 agencies over two years, both numbering styles, and its built site.

    Some sections are closed by an unnumbered heading of their own level, which the checker
    warns about (``heading-closes-section``): the site is built without ``--strict`` and those
    are its only warnings."""
    return once(tmp_path_factory, worker_id, "synthetic", _synthetic)


def _three_years(root: Path):
    written = write_round(root / "submissions", 12, years=(2021, 2022, 2023), seed=11, conflicts=True,
                          acknowledge=True, evolve=True)
    build = build_site(root / "submissions", root / "site")
    assert build.returncode == 0, build.output
    return root / "submissions", written, build


@pytest.fixture(scope="session")
def three_year_site(tmp_path_factory, worker_id):
    """12 agencies over 2021-2023: figures in several units, projects, an acknowledged conflict each
    year and a changed outline in 2023; built with ``--strict``."""
    return once(tmp_path_factory, worker_id, "three-years", _three_years)


def _conflict(root: Path):
    written = write_round(root / "submissions", 4, years=(2024,), seed=5, conflicts=True)
    return root / "submissions", written, build_site(root / "submissions", root / "site")


@pytest.fixture(scope="session")
def conflict_site(tmp_path_factory, worker_id):
    """Four agencies, one round, two of them disagreeing on a figure nobody acknowledged; ``--strict``."""
    return once(tmp_path_factory, worker_id, "conflict", _conflict)


# --- Real-browser tests (Playwright driving Debian's Chromium) -------------------------------

@pytest.fixture(scope="session")
def browser():
    """Chromium through Playwright; skipped on a workstation without it, a failure under CI=true."""
    from support.browser import CHROMIUM, CHROMIUM_ARGS, missing_browser_reason

    reason = missing_browser_reason()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests cannot run under CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=30_000)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser page (own context) with bounded timeouts."""
    from support.browser import TIMEOUT_MS

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def synthetic_http(synthetic):
    """The synthetic site (12 agencies, 2022 and 2023) served over HTTP on 127.0.0.1."""
    from support.browser import serve

    _submissions, _written, build = synthetic
    with serve(build.site) as base:
        yield base, synthetic


# --- Archived snapshots ----------------------------------------------------------------------

@dataclass
class Snapshot:
    zip: Path
    """The zip written by ``take_snapshot``."""
    root: Path
    """Its content, unzipped: the folder holding ``index.html`` and ``manifest.json``."""
    submissions: Path
    written: dict
    """What ``write_round`` wrote (synthetic snapshots only)."""


def unzip(zip_path: Path, into: Path) -> Path:
    import zipfile

    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(into)
    (top,) = [p for p in into.iterdir() if p.is_dir()]
    return top


def _snapshot(root: Path) -> Snapshot:
    from build_hooks.publish.snapshot import take_snapshot

    written = write_round(root / "submissions", 8, years=(2022, 2023), seed=3)
    path = take_snapshot(2023, root / "archive", root / "submissions")
    return Snapshot(path, unzip(path, root / "unzipped"), root / "submissions", written)


@pytest.fixture(scope="session")
def synthetic_snapshot(tmp_path_factory, worker_id) -> Snapshot:
    """A snapshot of the 2023 round of a synthetic tree (8 agencies, 2022 and 2023)."""
    return once(tmp_path_factory, worker_id, "snapshot", _snapshot)


@pytest.fixture(scope="session")
def real_http(real_site):
    """The site built from the repository's own submissions, served over HTTP on 127.0.0.1."""
    from support.browser import serve

    with serve(real_site.site) as base:
        yield base


