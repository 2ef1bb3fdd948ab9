"""Search precision and cost in a real browser, over HTTP and from file://.

Builds the site from the repository's own submissions twice (as served, and with
the offline plugin as an archived copy opened from disk), types 20 tone-free
queries into Material's search box in Debian's Chromium, and compares each first
hit with the page a reader would expect. Also prints the search index's size and
the time the browser takes to build the index from it.

    .venv/bin/python scripts/search_benchmark.py [--json]

Needs the test requirements (Playwright) and /usr/bin/chromium. The expected
first hits were chosen by reading the pages: prose from the letter finds the
letter; an indicator's own name finds its trend page; site words find their page.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from support.browser import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    INITIALIZING,
    RESULT_META,
    SEARCH_INPUT,
    fold,
    serve,
    worker_search,
)
from support.site import build_site  # noqa: E402

LETTER = "2023/co-quan/ban-dan-toc/"
QUERIES: dict[str, str] = {
    # prose of the letter: the letter first, above indicator and data rows
    "dan toc": LETTER,
    "cong nghiep": LETTER,
    "phat trien cong nghiep": LETTER,
    "ke hoach phat trien cong nghiep": LETTER,
    "nghi quyet": LETTER,
    "tinh uy": LETTER,
    "chinh phu": LETTER,
    "bo chinh tri": LETTER,
    "tam nhin": LETTER,
    "nhiem vu": LETTER,
    "ra soat": LETTER,
    # an indicator's name: its trend page
    "nang suat lao dong": "xu-huong/tang-nang-suat-lao-dong-cn/",
    "nuoc thai": "xu-huong/kcn-xu-ly-nuoc-thai/",
    "grdp": "xu-huong/ty-trong-cn-dv-grdp/",
    "dung quat": "xu-huong/thu-hut-dau-tu/",
    "lien ket nganh": "xu-huong/cum-lien-ket-nganh/",
    "tang truong": "xu-huong/tang-truong-gtgt-cong-nghiep/",
    # the site's own pages
    "du lieu mo": "du-lieu/",
    "nop bao cao": "huong-dan/nop-bao-cao/",
    "du an": "2023/du-an/",
}


def page_of(href: str, root: str) -> str:
    """A result link as a site path: ``{root}2023/co-quan/x/?h=…#muc`` or, from file://,
    ``{root}2023/co-quan/x.html?h=…`` -> ``2023/co-quan/x/``."""
    path = href.split("?")[0].split("#")[0]
    path = path[len(root):] if path.startswith(root) else path
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return path


def first_hit(page, query: str, root: str) -> str | None:
    """Type ``query`` into the search box as a reader would; the page of the first result shown."""
    box = page.locator(SEARCH_INPUT)
    box.click()
    page.wait_for_function(f"document.querySelector('{RESULT_META}').textContent.trim() !== '{INITIALIZING}'")
    box.fill("")
    box.press_sequentially(query)
    box.press("End")
    page.wait_for_timeout(400)  # results follow each keystroke; let the last one land
    links = page.locator(".md-search-result__item a.md-search-result__link")
    return page_of(links.first.evaluate("a => a.href"), root) if links.count() else None


def run_queries(page, base: str) -> dict[str, str | None]:
    page.goto(base)
    root = base.rsplit("/", 1)[0] + "/"
    return {query: first_hit(page, query, root) for query in QUERIES}


def _plain(html: str) -> str:
    return " ".join(re.findall(r"\w+", fold(re.sub(r"<[^>]+>", " ", html))))


def scattered_hits(page, base: str) -> dict[str, int]:
    """For each multi-syllable query, the hits (every one the worker returns, not only the first
    ten pages shown) whose title and text do not hold its syllables side by side."""
    page.goto(base)
    queries = [q for q in QUERIES if " " in q]
    hits = worker_search(page, queries)["hits"]
    return {q: sum(f" {q} " not in f" {_plain(h['title'] + ' ' + h['text'])} " for h in hits[q]) for q in queries}


def index_cost(page, base: str, repeat: int = 5) -> float:
    """Median milliseconds for the search worker to build the index in the browser."""
    page.goto(base)
    return statistics.median(worker_search(page, [])["build_ms"] for _ in range(repeat))


def synthetic_cost(letters: int) -> int:
    """Index size and in-browser build time on a synthetic round (labelled demo data, never published)."""
    from playwright.sync_api import sync_playwright

    from build_hooks.dev.synthetic import write_round

    work = Path(tempfile.mkdtemp(prefix="search-bench-"))
    write_round(work / "submissions", letters, years=(2023,), seed=letters)
    build = build_site(work / "submissions", work / "site", env={"REPORT_CHARTS": "0"})
    if build.returncode != 0:
        print(build.output, file=sys.stderr)
        return 1
    index = build.site / "search" / "search_index.json"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        with serve(build.site) as base:
            build_ms = index_cost(page, base, repeat=3)
        browser.close()
    print(f"letters: {letters}\nindex_bytes: {index.stat().st_size}\n"
          f"index_docs: {len(json.loads(index.read_text(encoding='utf-8'))['docs'])}\nindex_build_ms: {build_ms:.0f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--synthetic", type=int, metavar="N",
                        help="only the index's size and build time, on a synthetic round of N letters")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    if args.synthetic:
        return synthetic_cost(args.synthetic)

    work = Path(tempfile.mkdtemp(prefix="search-bench-"))
    started = time.perf_counter()
    http_build = build_site(None, work / "site-http")
    file_build = build_site(None, work / "site-file", env={"REPORT_OFFLINE": "true"})
    build_s = time.perf_counter() - started
    for build in (http_build, file_build):
        if build.returncode != 0:
            print(build.output, file=sys.stderr)
            return 1
    index = http_build.site / "search" / "search_index.json"
    figures: dict = {"queries": len(QUERIES), "index_bytes": index.stat().st_size,
                     "index_docs": len(json.loads(index.read_text(encoding="utf-8"))["docs"]),
                     "two_builds_s": round(build_s, 1)}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        with serve(http_build.site) as base:
            figures["index_build_ms"] = round(index_cost(page, base), 1)
            scattered = scattered_hits(page, base)
            figures["scattered_hits"] = sum(scattered.values())
            figures["scattered_by_query"] = {q: n for q, n in scattered.items() if n}
            results = {"http": run_queries(page, base)}
        results["file"] = run_queries(page, (file_build.site / "index.html").as_uri())
        browser.close()
    for mode, first in results.items():
        right = [q for q, expected in QUERIES.items() if first[q] == expected]
        figures[f"precision_{mode}"] = f"{len(right)}/{len(QUERIES)}"
        figures[f"wrong_{mode}"] = {q: first[q] for q in QUERIES if q not in right}
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
