#!/usr/bin/env python3
"""Measure what search and snapshots cost: index size, index build time in Chromium, snapshot size and time.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python scripts/measure_search.py [--agencies 40] [--years 2021 2022 2023]

For the repository's own submissions and for a synthetic tree (every agency
answering every year), it builds the site, serves it on 127.0.0.1 and times
Material's search worker (with our lunr.vi) from the setup message to "ready"
(loading the language scripts and building the lunr index; the index is already
fetched), the median and range of --runs runs in fresh pages; then it takes the
newest round's snapshot and times that.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from build_hooks.dev.synthetic import write_round  # noqa: E402
from build_hooks.publish.snapshot import take_snapshot  # noqa: E402
from support.browser import CHROMIUM, CHROMIUM_ARGS, serve, worker_search  # noqa: E402


def build(submissions: Path, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", REPORT_SUBMISSIONS=str(submissions))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env,
                   check=True)
    return time.perf_counter() - start


def index_figures(site: Path) -> dict:
    data = (site / "search" / "search_index.json").read_bytes()
    return {"docs": len(json.loads(data)["docs"]), "bytes": len(data), "gzip_bytes": len(gzip.compress(data, 9))}


def build_times(site: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    times = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page()
            page.goto(base)
            times.append(worker_search(page, ["cong nghiep"])["build_ms"])
            page.close()
        browser.close()
    return {"median_ms": round(statistics.median(times)), "min_ms": round(min(times)), "max_ms": round(max(times))}


def measure(label: str, submissions: Path, year: int, work: Path, runs: int) -> dict:
    site = work / f"site-{label}"
    figures = {"label": label, "site_build_s": round(build(submissions, site), 2), "index": index_figures(site)}
    figures["index_build"] = build_times(site, runs)
    start = time.perf_counter()
    zip_path = take_snapshot(year, work / f"archive-{label}", submissions)
    figures["snapshot"] = {"year": year, "seconds": round(time.perf_counter() - start, 2),
                           "zip_bytes": zip_path.stat().st_size}
    unpacked = work / f"unzipped-{label}"
    subprocess.run(["unzip", "-q", str(zip_path), "-d", str(unpacked)], check=True)
    (top,) = unpacked.iterdir()
    figures["snapshot"]["files"] = sum(1 for p in top.rglob("*") if p.is_file())
    figures["snapshot"]["unzipped_bytes"] = sum(p.stat().st_size for p in top.rglob("*") if p.is_file())
    figures["snapshot"]["index"] = index_figures(top)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--years", type=int, nargs="+", default=[2021, 2022, 2023])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="measure-") as tmp:
        work = Path(tmp)
        results = [measure("repository", ROOT / "submissions", 2023, work, args.runs)]
        write_round(work / "synthetic", args.agencies, years=tuple(args.years), seed=1, unexpected=0)
        label = f"synthetic-{args.agencies}x{len(args.years)}"
        results.append(measure(label, work / "synthetic", max(args.years), work, args.runs))
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
