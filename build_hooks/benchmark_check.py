"""Benchmark of ``check``: files per second and peak memory over synthetic submissions.

Runs the same loading and rules as ``python -m build_hooks check`` (without
printing) on a synthetic round written to a temporary folder; the best of
``repeat`` runs is reported, and peak memory both as traced Python allocations
and as the process's maximum resident set size.
"""
from __future__ import annotations

import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from .corpus import load_corpus
from .synthetic import write_round


def run(agencies: int = 1000, repeat: int = 3) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        root = Path(tmp) / "submissions"
        write_round(root, agencies, years=(2023,), seed=3)
        files = len(list(root.glob("*/*.md")))
        size = sum(p.stat().st_size for p in root.glob("*/*.md"))
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            corpus, problems = load_corpus(root)
            times.append(time.perf_counter() - start)
        tracemalloc.start()
        load_corpus(root)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    errors = sum(p.is_error for p in problems)
    best = min(times)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"check: {files} tệp ({size / 1048576:.1f} MiB), {len(problems)} vấn đề ({errors} lỗi)")
    print(f"  tốt nhất {best:.2f} s trong {repeat} lần: {files / best:.0f} tệp/giây")
    print(f"  bộ nhớ đỉnh (tracemalloc, một lần check): {peak / 1048576:.1f} MiB; RSS tối đa của tiến trình: {rss:.0f} MiB")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(run())
