"""Building a site with the checker's HTML rules switched off, to prove the pages are safe without them.

The checker names raw HTML, ``javascript:`` links and ``{…}`` attributes at their
line, and the build refuses such letters; safety must not depend on that. The
build runs in a subprocess (as ``build_site`` does) whose rule runner lacks the
HTML rule, so hostile letters reach the renderer and the sanitiser.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from build_hooks.settings import QUIET_MKDOCS_ENV, ROOT, SUBMISSIONS_ENV, TODAY_ENV
from support.site import BUILD_TODAY, Build

_SCRIPT = """
import sys
from build_hooks.rules import body, runner
runner.CHECKS = tuple(check for check in runner.CHECKS if check is not body.raw_html)
from mkdocs.__main__ import cli
sys.exit(cli(["build", "-f", sys.argv[1], "-d", sys.argv[2]]))
"""


def build_unchecked(submissions: Path, site: Path, env: dict | None = None) -> Build:
    environ = dict(os.environ, **QUIET_MKDOCS_ENV, PYTHONPATH=str(ROOT), **{SUBMISSIONS_ENV: str(submissions)},
                   **{TODAY_ENV: BUILD_TODAY}, **(env or {}))
    proc = subprocess.run([sys.executable, "-c", _SCRIPT, str(ROOT / "mkdocs.yml"), str(site)], cwd=ROOT,
                          env=environ, capture_output=True, text=True)
    return Build(proc.returncode, proc.stdout + proc.stderr, site)
