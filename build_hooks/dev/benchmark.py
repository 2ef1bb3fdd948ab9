"""Build-time and memory figures for the site on synthetic rounds.

Printed, not asserted: speed targets live here rather than in timed tests.
Each build runs in its own process so its peak memory (max RSS) is its own.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_hooks.dev.synthetic import write_round
from build_hooks.settings import QUIET_MKDOCS_ENV, ROOT, SUBMISSIONS_ENV

PLAIN_CONFIG = """site_name: Plain
theme:
  name: material
  font: false
plugins:
  - search
"""


def timed(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak memory in MiB and exit code of one command."""
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: nobody reads while the build runs
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=log)
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            log.seek(0)
            sys.stderr.write(log.read().decode("utf-8", "replace")[-2000:])
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def build_report(submissions: Path | None, site: Path) -> tuple[float, float, int]:
    """Run one ``mkdocs build --strict`` in its own process; return seconds, peak MiB and the exit code."""
    env = dict(os.environ, **QUIET_MKDOCS_ENV)
    if submissions is not None:
        env[SUBMISSIONS_ENV] = str(submissions)
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                  "-d", str(site)], env, ROOT)


def build_plain(pages: int, work: Path) -> tuple[float, float, int]:
    """A plain Material site with ``pages`` ordinary pages, all in the automatic navigation."""
    docs = work / "docs"
    docs.mkdir(parents=True)
    (work / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    for i in range(pages):
        (docs / f"p{i:05d}.md").write_text(f"# Trang {i}\n\n" + "Công nghiệp đầu tư hạ tầng. " * 80 + "\n",
                                           encoding="utf-8")
    env = dict(os.environ, **QUIET_MKDOCS_ENV)
    return timed([sys.executable, "-m", "mkdocs", "build", "-f", str(work / "mkdocs.yml"), "-d", str(work / "site")],
                 env, work)


def run(agencies: list[int], years: int, plain: bool) -> int:
    """Build the repository's site and synthetic rounds of the given sizes; print a table of figures."""
    print(f"{'site':<40} {'pages':>6} {'seconds':>8} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        secs, mib, code = build_report(None, tmp / "real-site")
        pages = sum(1 for _ in (tmp / "real-site").rglob("index.html"))
        failed = "" if code == 0 else " FAILED"
        print(f"{'repository (submissions/)':<40} {pages:>6} {secs:>8.2f} {mib:>9.0f}{failed}")
        for n in agencies:
            root = tmp / f"syn-{n}"
            write_round(root / "submissions", n, years=tuple(range(2024 - years, 2024)), seed=n)
            secs, mib, code = build_report(root / "submissions", root / "site")
            pages = sum(1 for _ in (root / "site").rglob("index.html"))
            label = f"synthetic, {n} agencies x {years} year(s)"
            print(f"{label:<40} {pages:>6} {secs:>8.2f} {mib:>9.0f}" + ("" if code == 0 else " FAILED"))
            if plain:
                secs, mib, code = build_plain(pages, tmp / f"plain-{n}")
                label = f"plain Material, {pages} ordinary pages"
                print(f"{label:<40} {pages:>6} {secs:>8.2f} {mib:>9.0f}" + ("" if code == 0 else " FAILED"))
    return 0
