"""Shared fixtures: building whole sites from real or synthetic submissions."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_hooks.dev.synthetic import write_round  # noqa: E402


@dataclass
class Build:
    returncode: int
    output: str
    """stdout and stderr of ``mkdocs build``, together."""
    site: Path

    def page(self, path: str) -> str:
        """HTML of a built page, e.g. ``2023/bao-cao-tong-hop/index.html``."""
        return (self.site / path).read_text(encoding="utf-8")


def build_site(submissions: Path | None, site: Path, strict: bool = True, config: Path | None = None,
               env: dict | None = None) -> Build:
    """Run ``mkdocs build`` in a subprocess, as a maintainer would, on ``submissions``."""
    environ = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    if submissions is not None:
        environ["REPORT_SUBMISSIONS"] = str(submissions)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config or ROOT / "mkdocs.yml"), "-d", str(site)]
    if strict:
        cmd.append("--strict")
    proc = subprocess.run(cmd, cwd=ROOT, env=environ, capture_output=True, text=True)
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The site built from the repository's own submissions."""
    build = build_site(None, tmp_path_factory.mktemp("real") / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    """A synthetic tree of 12 agencies over two years, both numbering styles, and its built site."""
    root = tmp_path_factory.mktemp("synthetic")
    written = write_round(root / "submissions", 12, years=(2022, 2023), seed=7)
    build = build_site(root / "submissions", root / "site")
    assert build.returncode == 0, build.output
    return root / "submissions", written, build


@pytest.fixture(scope="session")
def three_year_site(tmp_path_factory):
    """12 agencies over 2021-2023: figures in several units, projects, an acknowledged conflict each
    year and a changed outline in 2023; built with ``--strict``."""
    root = tmp_path_factory.mktemp("three-years")
    written = write_round(root / "submissions", 12, years=(2021, 2022, 2023), seed=11, conflicts=True,
                          acknowledge=True, evolve=True)
    build = build_site(root / "submissions", root / "site")
    assert build.returncode == 0, build.output
    return root / "submissions", written, build


@pytest.fixture(scope="session")
def conflict_site(tmp_path_factory):
    """Four agencies, one round, two of them disagreeing on a figure nobody acknowledged; ``--strict``."""
    root = tmp_path_factory.mktemp("conflict")
    written = write_round(root / "submissions", 4, years=(2024,), seed=5, conflicts=True)
    return root / "submissions", written, build_site(root / "submissions", root / "site")


# --- Real-browser tests (Playwright driving Debian's Chromium) -------------------------------

@pytest.fixture(scope="session")
def browser():
    """Chromium through Playwright; skipped on a workstation without it, a failure under CI=true."""
    from browser_support import CHROMIUM, CHROMIUM_ARGS, missing_browser_reason

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
    from browser_support import TIMEOUT_MS

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def synthetic_http(synthetic):
    """The synthetic site (12 agencies, 2022 and 2023) served over HTTP on 127.0.0.1."""
    from browser_support import serve

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


@pytest.fixture(scope="session")
def synthetic_snapshot(tmp_path_factory) -> Snapshot:
    """A snapshot of the 2023 round of a synthetic tree (8 agencies, 2022 and 2023)."""
    from build_hooks.publish.snapshot import take_snapshot

    root = tmp_path_factory.mktemp("snapshot")
    written = write_round(root / "submissions", 8, years=(2022, 2023), seed=3)
    path = take_snapshot(2023, root / "archive", root / "submissions")
    return Snapshot(path, unzip(path, root / "unzipped"), root / "submissions", written)


@pytest.fixture(scope="session")
def real_http(real_site):
    """The site built from the repository's own submissions, served over HTTP on 127.0.0.1."""
    from browser_support import serve

    with serve(real_site.site) as base:
        yield base


# --- Submission trees for the checker's tests (issue 3) -------------------------------------------

BUILD_TODAY = "2024-01-15"
"""Build date the checker's tests use, so that "a date after the build date" is testable."""


def submission_tree(root: Path, files: dict) -> Path:
    """A tiny ``submissions/`` tree: the real registry and 2023 round plus ``files`` (name under 2023/ -> text or bytes)."""
    import shutil

    (root / "2023").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "submissions" / "agencies.yml", root / "agencies.yml")
    shutil.copy(ROOT / "submissions" / "2023" / "round.yml", root / "2023" / "round.yml")
    for name, content in files.items():
        target = root / "2023" / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m build_hooks ARGS`` in a subprocess, as an author or CI would run it."""
    environ = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([sys.executable, "-m", "build_hooks", *args], cwd=cwd or ROOT, env=environ,
                          capture_output=True, text=True)
