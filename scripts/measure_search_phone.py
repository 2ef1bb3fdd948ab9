#!/usr/bin/env python3
"""Time from opening the search to the first result on a CPU slowed like a phone's.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python scripts/measure_search_phone.py [--sizes 40x10 2000] [--throttle 4]

For each synthetic size (``AGENCIESxYEARS``) it builds the site (without the PDF, which
search does not touch), serves it on 127.0.0.1 and, from the home page and from the newest
round's page (that round's index when there are several rounds), in a fresh page for each
run, slows the CPU ``--throttle`` times (Chrome DevTools' ``Emulation.setCPUThrottlingRate``;
4× is its "mid-tier mobile"), waits for the page to load, then at once clicks the search box,
types the query and waits for the first result. The click is a reader's: sent to where the box
is, without Playwright's checks that the page is ready for it, so a page still busy with its
start makes the reader wait. The page times itself (``PAGE_CLOCK``), from the click (the
moment the browser received it, ``event.timeStamp``) to the first result in the list; the
script prints the time seen from Playwright as well, which adds its own round trips.

DevTools slows only the page's own thread: Chromium refuses to throttle a worker
("Operation is only supported for pages, not workers"), and Material builds and searches its
index in one. So the script runs the worker inside a clock (``WORKER_CLOCK``: loading its
script, setting up, answering each query) and reports what a phone would wait:

    phone = the page's wait, its CPU slowed + (throttle - 1) × the worker's own time

(every worker millisecond counted, even those spent before the click: an upper bound). Prints
the index size (raw and gzip) and the median and range of the runs.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from build_hooks.dev.benchmark import Size  # noqa: E402
from build_hooks.dev.synthetic import recent_years, write_round  # noqa: E402
from build_hooks.settings import PDF_ENV  # noqa: E402
from support.browser import CHROMIUM, CHROMIUM_ARGS, SEARCH_INPUT, serve  # noqa: E402
from support.site import build_site  # noqa: E402

FIRST_RESULT = ".md-search-result__item"


WORKER_CLOCK = r"""
window.searchWorkerMs = 0;
new BroadcastChannel("search-worker-clock").onmessage = event => { window.searchWorkerMs = event.data };
(function () {
  const Real = window.Worker
  window.Worker = function (url, options) {
    const script = new URL(url, location.href).href
    const clock = `
      const script = ${JSON.stringify(script)}
      const load = self.importScripts.bind(self), listen = self.addEventListener.bind(self)
      const channel = new BroadcastChannel("search-worker-clock")
      let busy = 0
      self.importScripts = (...urls) => load(...urls.map(u => new URL(u, script).href))
      self.addEventListener = (type, listener, options) => type !== "message" ? listen(type, listener, options)
        : listen(type, async function (event) {
            const start = performance.now()
            try { await listener.call(this, event) }
            finally { busy += performance.now() - start; channel.postMessage(busy) }
          }, options)
      const start = performance.now()
      load(script)
      busy += performance.now() - start
      channel.postMessage(busy)`
    return new Real(URL.createObjectURL(new Blob([clock], {type: "text/javascript"})), options)
  }
})()
"""
"""Runs Material's search worker inside a clock: the worker's own time (loading its script, setting
up, answering each query) at full speed, reported to the page on a BroadcastChannel."""


PAGE_CLOCK = r"""
window.searchOpenedAt = null;
window.firstResultAt = null;
document.addEventListener("pointerdown", function (event) {
  if (window.searchOpenedAt !== null || !event.target.matches || !event.target.matches(%(input)s)) return
  window.searchOpenedAt = event.timeStamp  // when the browser received the click, not when the page got to it
  const seen = function () {
    if (window.firstResultAt === null && document.querySelector(%(result)s)) {
      window.firstResultAt = performance.now()
      observer.disconnect()
    }
  }
  const observer = new MutationObserver(seen)
  observer.observe(document.body, {childList: true, subtree: true})
  seen()
}, true)
"""
"""Times, on the page's own clock, the click on the search box and the first result appearing."""


@dataclass(frozen=True)
class Run:
    """One reader's wait."""

    wall: float
    """Seconds from the click on the search box to the first result, on the page's clock, its CPU slowed."""
    automation: float
    """The same, seen from Playwright (from before its click to the first result it found)."""
    worker: float
    """Seconds the search worker took to answer, at full speed."""
    index: str
    """The index file the page fetched."""

    def phone(self, throttle: float) -> float:
        """The wait with the worker slowed like the page (an upper bound, see the module's docstring)."""
        return self.wall + (throttle - 1) * self.worker


def search_box_centre(browser, url: str) -> tuple[float, float]:
    """Where a reader clicks to open the search (the page at full speed; the header does not move)."""
    page = browser.new_page()
    page.goto(url, wait_until="load")
    box = page.locator(SEARCH_INPUT).bounding_box()
    page.close()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def first_result_seconds(browser, url: str, at: tuple[float, float], query: str, throttle: float) -> Run:
    """One reader: load ``url`` on a slowed CPU, click the search box at once, type, see the first result."""
    page = browser.new_page()
    page.add_init_script(WORKER_CLOCK)
    page.add_init_script(PAGE_CLOCK % {"input": json.dumps(SEARCH_INPUT), "result": json.dumps(FIRST_RESULT)})
    fetched = []
    page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1])
            if "/search/" in request.url and request.url.endswith(".json") else None)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.goto(url, wait_until="load")
    start = time.perf_counter()
    page.mouse.click(*at)
    page.keyboard.insert_text(query)
    page.keyboard.press("End")  # Material searches on keyup
    page.wait_for_selector(FIRST_RESULT, timeout=120_000)
    elapsed = time.perf_counter() - start
    page.wait_for_timeout(300)  # the worker's last figure follows its answer
    worker = page.evaluate("window.searchWorkerMs") / 1000
    wall = page.evaluate("(window.firstResultAt - window.searchOpenedAt) / 1000")
    page.close()
    return Run(wall, elapsed, worker, ",".join(fetched))


def measure(size: Size, work: Path, query: str, throttle: float, runs: int) -> list[str]:
    from playwright.sync_api import sync_playwright

    submissions = work / f"syn-{size.agencies}x{size.years}"
    write_round(submissions, size.agencies, years=recent_years(size.years), seed=size.agencies)
    site = work / f"site-{size.agencies}x{size.years}"
    built = build_site(submissions, site, strict=False, env={PDF_ENV: "0"})
    if built.returncode:
        raise SystemExit(built.output)
    newest = recent_years(size.years)[-1]
    lines = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, path in (("trang chủ", ""), (f"trang năm {newest}", f"{newest}/")):
            at = search_box_centre(browser, base + path)
            measured = [first_result_seconds(browser, base + path, at, query, throttle) for _ in range(runs)]
            phone = [run.phone(throttle) for run in measured]
            index = measured[0].index
            data = (site / "search" / index).read_bytes()
            lines.append(f"{str(size):<20} {label:<14} {index:<18} {len(data) / 2**20:6.2f} MiB "
                         f"(gzip {len(gzip.compress(data, 6)) / 2**20:5.2f})  điện thoại (CPU chậm {throttle:g}×): "
                         f"kết quả đầu tiên sau {statistics.median(phone):5.2f} s "
                         f"({min(phone):.2f}–{max(phone):.2f}, trung vị {runs} lần; trang chậm "
                         f"{statistics.median(run.wall for run in measured):.2f} s + luồng tìm kiếm "
                         f"{statistics.median(run.worker for run in measured):.2f} s × {throttle - 1:g}; "
                         f"thấy từ Playwright {statistics.median(run.automation for run in measured):.2f} s)")
        browser.close()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=Size.parse, default=[Size(40, 10), Size(2000)])
    parser.add_argument("--throttle", type=float, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="doanh nghiệp")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="search-phone-") as tmp:
        for size in args.sizes:
            for line in measure(size, Path(tmp), args.query, args.throttle, args.runs):
                print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
