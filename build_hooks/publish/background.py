"""The downloads of a served site, written after its pages by a separate process.

Under ``mkdocs serve --dirty`` a saved letter must show on its page within a
second, at 2,000 agencies too. The downloads (CSV, JSON, the workbook, the zip,
the Sở's report as DOCX and PDF) depend on every letter and take from one second
(40 agencies) to minutes (a PDF of 2,000 letters) to make, so the pages do not
wait for them: once the pages are written, a forked process makes the files
from the same corpus and writes those whose bytes changed, each atomically. The
next save stops a process still at work, since its files would be stale. The
bytes are the same as a clean build's, only later; ``mkdocs build`` makes them
before it finishes, as always.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from build_hooks.cache import write_atomic
from build_hooks.publish.opendata import DataFile

log = logging.getLogger("mkdocs.hooks.report")


def write_changed(files: list[DataFile], site_dir: Path, output: Callable[[str], str]) -> int:
    """Write each file whose bytes differ from what is there; returns how many were written.

    ``output`` maps a file's site path to its path in ``site_dir``.
    """
    written = 0
    for file in files:
        target = Path(site_dir) / output(file.path)
        try:
            if target.read_bytes() == file.content:
                continue
        except OSError:
            pass
        write_atomic(target, file.content)
        written += 1
    return written


def _run(make: Callable[[], list[DataFile]], site_dir: str, output: Callable[[str], str], parent: int) -> None:
    _exit_with(parent)
    os.nice(10)  # the next rebuild, when an author saves again, goes first
    files = make()
    written = write_changed(files, Path(site_dir), output)
    log.info("Đã cập nhật %d/%d tệp tải về.", written, len(files))


def _exit_with(parent: int, every: float = 0.5) -> None:
    """End this process once ``parent`` (the serving process) is gone.

    A server stopped with Ctrl+C stops its writer on the way out; one killed (``kill``, a service
    manager, a test harness) cannot, and the writer would go on making a PDF of 2,000 letters for a
    site nobody serves.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="report-downloads-watch", daemon=True).start()


class Downloads:
    """At most one writer process at a time; a new build stops the one before."""

    def __init__(self) -> None:
        self._process = None  # a multiprocessing.Process while writing

    def start(self, make: Callable[[], list[DataFile]], site_dir: str, output: Callable[[str], str]) -> None:
        """Make and write the files in a forked process (it inherits the corpus: nothing is loaded again)."""
        self.stop()
        import multiprocessing  # only under `mkdocs serve`: a plain build never starts one (15 ms of import)

        self._process = multiprocessing.get_context("fork").Process(
            target=_run, args=(make, site_dir, output, os.getpid()), name="report-downloads", daemon=True)
        self._process.start()

    def stop(self) -> None:
        """Stop the writer if it is still at work (its files would be older than the pages)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._process = None

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the writer to finish (tests)."""
        if self._process is not None:
            self._process.join(timeout)
