"""Edit to preview under the README's serve command, timed from the outside like an editor sees it.

Starts ``mkdocs serve --dirty`` on a submissions tree, waits for the first build,
then saves a change to one letter and polls over HTTP until the letter's page,
the consolidated report and the search index show it. Printed, not asserted
(``python -m build_hooks benchmark --preview``); the correctness of what is served
is a test (``tests/site/test_serve_incremental.py``).
"""
from __future__ import annotations

import contextlib
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from build_hooks.pages import paths
from build_hooks.settings import CACHE_ENV, QUIET_MKDOCS_ENV, ROOT, SUBMISSIONS_ENV

SERVE = ["mkdocs", "serve", "--dirty"]
"""The README's serve command (``make serve``)."""


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    """The body at ``url``, or None if it is not there (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, predicate=lambda body: True, timeout: float = 900, interval: float = 0.02) -> float:
    """Seconds until ``url`` answers with a body ``predicate`` accepts; raises TimeoutError."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = fetch(url)
        if body is not None and predicate(body):
            return time.perf_counter() - start
        time.sleep(interval)
    raise TimeoutError(url)


@contextlib.contextmanager
def serving(submissions: Path, cache: Path | None = None, env: dict | None = None,
            log: Path | None = None) -> Iterator[str]:
    """Run the serve command on ``submissions``; yields its base URL once the first build is served."""
    port = free_port()
    environ = dict(os.environ, **QUIET_MKDOCS_ENV, **{SUBMISSIONS_ENV: str(submissions)}, **(env or {}))
    if cache is not None:
        environ[CACHE_ENV] = str(cache)
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    proc = subprocess.Popen([sys.executable, "-m", *SERVE, "-a", f"127.0.0.1:{port}", "-f", str(ROOT / "mkdocs.yml")],
                            env=environ, cwd=ROOT, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + "search/search_index.json")
        yield base
    finally:
        proc.terminate()
        proc.wait(30)
        if log:
            out.close()


def edit_letter(path: Path, token: str) -> None:
    """Add ``token`` to the first paragraph of the letter's body (after its front-matter)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    fences = 0
    for i, line in enumerate(lines):
        if line == "---":
            fences += 1
            continue
        if fences >= 2 and line and line[0].isalpha():
            lines[i] = f"{line} {token}"
            break
    path.write_text("\n".join(lines), encoding="utf-8")


def measure_preview(submissions: Path, cache: Path | None = None, edits: int = 3) -> list[str]:
    """Median seconds from saving a letter to its page, the report and the index showing the change."""
    newest = max(p for p in Path(submissions).iterdir() if p.is_dir() and p.name.isdigit())
    letter = sorted(newest.glob("*.md"))[len(list(newest.glob("*.md"))) // 2]
    year = int(newest.name)
    timings: dict[str, list[float]] = {"trang văn bản": [], "báo cáo tổng hợp": [], "chỉ mục tìm kiếm": []}
    with serving(submissions, cache) as base:
        urls = {"trang văn bản": base + paths.page_url(paths.agency(year, letter.stem)),
                "báo cáo tổng hợp": base + paths.page_url(paths.report(year)),
                "chỉ mục tìm kiếm": base + "search/search_index.json"}
        for i in range(edits):
            token = f"suadoi{i}x{int(time.time())}"
            time.sleep(1.0)  # the watcher polls every half second: let it settle between edits
            start = time.perf_counter()
            edit_letter(letter, token)
            for name, url in urls.items():
                wait_for(url, lambda body, t=token: t in body, timeout=900, interval=0.01)
                timings[name].append(time.perf_counter() - start)
    return [f"sửa một văn bản → {name} sau {statistics.median(t):.2f} s (trung vị {edits} lần, "
            f"{min(t):.2f}–{max(t):.2f})" for name, t in timings.items()]
