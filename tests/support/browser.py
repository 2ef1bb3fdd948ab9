"""Driving Debian's Chromium through Playwright: a local static server and Material's search UI.

Playwright cannot download its own browser here, so tests launch /usr/bin/chromium.
Without it the browser tests are skipped on a workstation but fail under ``CI=true``
(``scripts/ensure-system-packages.sh`` installs it in CI).
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
import unicodedata
from pathlib import Path

from build_hooks.settings import ROOT

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
TIMEOUT_MS = 20_000
ARTIFACTS = ROOT / "test-artifacts"

SEARCH_INPUT = "input.md-search__input"
RESULT_META = ".md-search-result__meta"
INITIALIZING = "Đang chuẩn bị tìm kiếm"
"""Our partials/languages/vi.html words for Material's search.result.initializer."""


def fold(text: str) -> str:
    """The fold of lunr.vi.min.js, for assertions: ``Đầu tư`` -> ``dau tu``."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not 0x300 <= ord(c) <= 0x36F).replace("đ", "d")


def missing_browser_reason() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements-dev.txt)"
    if not Path(CHROMIUM).is_file():
        return f"chromium not found at {CHROMIUM} (scripts/ensure-system-packages.sh installs it)"
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 (a free port) for the duration of the block; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.timeout = 5
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def search(page, query: str) -> list[dict]:
    """Type ``query`` into Material's search box; return the result groups as shown.

    Each group: ``{"title", "href", "sections": [{"title", "href", "html", "marks"}]}``.
    """
    box = page.locator(SEARCH_INPUT)
    box.click()
    page.wait_for_function(f"document.querySelector('{RESULT_META}').textContent.trim() !== '{INITIALIZING}'",
                           timeout=TIMEOUT_MS)
    box.fill("")
    box.press_sequentially(query)
    box.press("End")  # Material searches on keyup; characters such as "ư" are typed as text input without one
    # Results come as the query is typed: wait for those of the whole query, whose links
    # carry it, folded, as ?h= (every word must match, so every word is in it).
    expected = " ".join(fold(query).split())
    page.wait_for_function(
        """h => { const meta = document.querySelector('.md-search-result__meta').textContent
                 const links = [...document.querySelectorAll('.md-search-result__item a.md-search-result__link')]
                 const marked = links.map(a => new URL(a.href).searchParams.get('h')).filter(Boolean)
                 return /\\d/.test(meta) && marked.length > 0 && marked.every(value => value === h) }""",
        arg=expected, timeout=TIMEOUT_MS)
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map(item => {
        const links = [...item.querySelectorAll('a.md-search-result__link')]
        const [head, ...rest] = links
        return {
          title: head.querySelector('h1').textContent.trim(),
          href: head.href,
          sections: rest.filter(a => a.querySelector('h2')).map(a => ({
            title: a.querySelector('h2').textContent.trim(),
            href: a.href,
            html: a.querySelector('article').innerHTML,
            marks: [...a.querySelectorAll('mark')].map(m => m.textContent),
          })),
        }
    })""")


def result_count(page) -> int:
    text = page.locator(RESULT_META).text_content()
    digits = "".join(c for c in text if c.isdigit())
    return int(digits) if digits else 0


def page_marks(page) -> list[dict]:
    """Highlighted words on the current page, with the id of the section heading above each."""
    page.wait_for_selector("[data-md-component=content] mark[data-md-highlight]", timeout=TIMEOUT_MS)
    return page.evaluate("""() => {
        const content = document.querySelector('[data-md-component=content]')
        const marks = [...content.querySelectorAll('mark[data-md-highlight]')]
        const headings = [...content.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')]
        return marks.map(m => {
          let section = null
          for (const h of headings)
            if (h.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) section = h.id
          return {text: m.textContent, section, visible: m.offsetHeight > 0}
        })
    }""")


def worker_search(page, queries: list[str]) -> dict:
    """Run ``queries`` through Material's own search worker, loaded by the page as it loads it.

    Returns ``{"build_ms": …, "hits": {query: [{location, title, text}]}}`` with every document
    that matched (not only the first ten groups the result list renders).
    """
    return page.evaluate("""async queries => {
        const config = JSON.parse(document.getElementById('__config').textContent)
        const base = new URL(config.base, location.href)
        const index = await (await fetch(new URL('search/search_index.json', base))).json()
        const worker = new Worker(new URL(config.search, location.href))
        const ask = message => new Promise((resolve, reject) => {
          worker.onmessage = event => resolve(event.data)
          worker.onerror = event => reject(new Error(event.message))
          worker.postMessage(message)
        })
        const start = performance.now()
        await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}})
        const build_ms = performance.now() - start
        const hits = {}
        for (const query of queries) {
          const result = await ask({type: 2, data: query})
          hits[query] = result.data.items.flat()
            .filter(doc => Object.values(doc.terms).some(Boolean))
            .map(doc => ({location: doc.location, title: doc.title, text: doc.text}))
        }
        worker.terminate()
        return {build_ms, hits}
    }""", queries)


def marked_words(html: str) -> list[str]:
    """The words Material's result list wraps in <mark>."""
    import re

    return re.findall(r"<mark>(.*?)</mark>", html)
