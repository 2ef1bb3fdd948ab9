"""Benchmark of ``check``: files per second and peak memory over synthetic submissions.

Writes a synthetic round of ``files`` submissions to a temporary folder, then
measures (1) the checker in this process, best of ``repeat`` runs, as wall and
CPU time, (2) the whole command ``python -m build_hooks check`` in a fresh
process, as an author or CI runs it (interpreter start and imports included),
and the peak memory: traced Python allocations of one check and the maximum
resident set size of the command's process.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from build_hooks.corpus.tree import load_corpus
from build_hooks.dev.synthetic import write_round
from build_hooks.settings import ROOT


def _in_process(root: Path, repeat: int) -> tuple[float, float, int]:
    best_wall = best_cpu = float("inf")
    problems: list = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        _corpus, problems = load_corpus(root)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, sum(p.is_error for p in problems)


def _command(root: Path) -> tuple[float, int, float]:
    """Wall time, exit code and maximum RSS (MiB) of ``python -m build_hooks check``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "build_hooks", "check", "--submissions", str(root)], cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True)
    wall = time.perf_counter() - start
    rss = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return wall, proc.returncode, rss


def run(files: int = 1000, repeat: int = 3) -> int:
    """Time ``check`` on ``files`` synthetic submissions in process and as a command; print the figures."""
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        root = Path(tmp) / "submissions"
        write_round(root, files + 1, years=(2023,), seed=3)  # one registered agency never answers
        count = len(list(root.glob("*/*.md")))
        size = sum(p.stat().st_size for p in root.glob("*/*.md"))
        wall, cpu, errors = _in_process(root, repeat)
        tracemalloc.start()
        load_corpus(root)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        command_wall, code, rss = _command(root)
    print(f"check: {count} bài nộp tổng hợp ({size / 1048576:.1f} MiB), {errors} lỗi; {os.cpu_count()} lõi, "
          f"tải {os.getloadavg()[0]:.1f}")
    print(f"  trong tiến trình, tốt nhất {repeat} lần: {wall:.2f} s = {count / wall:.0f} tệp/giây "
          f"(thời gian CPU {cpu:.2f} s = {count / cpu:.0f} tệp/giây)")
    print(f"  lệnh 'python -m build_hooks check' (kể cả khởi động): {command_wall:.2f} s = "
          f"{count / command_wall:.0f} tệp/giây, mã thoát {code}")
    print(f"  bộ nhớ đỉnh: {peak / 1048576:.1f} MiB cấp phát Python (tracemalloc, một lần check); "
          f"RSS tối đa của lệnh check: {rss:.0f} MiB")
    return 1 if errors or code else 0


if __name__ == "__main__":
    sys.exit(run())
