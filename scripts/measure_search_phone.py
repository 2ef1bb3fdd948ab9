#!/usr/bin/env python3
"""Time from opening the search to the first result, in Chromium with the CPU slowed like a phone's.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python scripts/measure_search_phone.py [--sizes 40x10 2000] [--throttle 4]

For each synthetic size (``AGENCIESxYEARS``) it builds the site (without the PDF, which
search does not touch), serves it on 127.0.0.1 and, in a fresh page for each run, slows
the CPU ``--throttle`` times (Chrome DevTools' ``Emulation.setCPUThrottlingRate``; 4× is
its "mid-tier mobile"), waits for the page to load, then clicks the search box, types the
query and waits for the first result. That wall time is what a reader on a phone waits:
it includes fetching the index, building the lunr index in Material's worker and
searching. Prints the index size (raw and gzip) and the median and range of the runs.
"""
from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from build_hooks.dev.benchmark import Size  # noqa: E402
from build_hooks.dev.synthetic import recent_years, write_round  # noqa: E402
from build_hooks.settings import PDF_ENV, QUIET_MKDOCS_ENV, SUBMISSIONS_ENV  # noqa: E402
from support.browser import CHROMIUM, CHROMIUM_ARGS, SEARCH_INPUT, serve  # noqa: E402

FIRST_RESULT = ".md-search-result__item"


def build(submissions: Path, site: Path) -> None:
    env = dict(os.environ, **QUIET_MKDOCS_ENV, **{SUBMISSIONS_ENV: str(submissions), PDF_ENV: "0"})
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)


def first_result_seconds(browser, base: str, query: str, throttle: float) -> float:
    """One reader: load the home page on a slowed CPU, open the search, type, see the first result."""
    page = browser.new_page()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.goto(base, wait_until="load")
    start = time.perf_counter()
    box = page.locator(SEARCH_INPUT)
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup
    page.wait_for_selector(FIRST_RESULT, timeout=120_000)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def measure(size: Size, work: Path, query: str, throttle: float, runs: int) -> str:
    from playwright.sync_api import sync_playwright

    submissions = work / f"syn-{size.agencies}x{size.years}"
    write_round(submissions, size.agencies, years=recent_years(size.years), seed=size.agencies)
    site = work / f"site-{size.agencies}x{size.years}"
    build(submissions, site)
    data = (site / "search" / "search_index.json").read_bytes()
    times = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            times.append(first_result_seconds(browser, base, query, throttle))
        browser.close()
    return (f"{str(size):<22} chỉ mục {len(data) / 2**20:6.2f} MiB (gzip {len(gzip.compress(data, 6)) / 2**20:5.2f} MiB)"
            f"  kết quả đầu tiên sau {statistics.median(times):5.2f} s (CPU chậm {throttle:g}×, trung vị {runs} lần,"
            f" {min(times):.2f}–{max(times):.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=Size.parse, default=[Size(40, 10), Size(2000)])
    parser.add_argument("--throttle", type=float, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="doanh nghiệp")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="search-phone-") as tmp:
        for size in args.sizes:
            print(measure(size, Path(tmp), args.query, args.throttle, args.runs), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
