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

from build_hooks.synthetic import write_round  # noqa: E402


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
