"""An archived snapshot opened from the file system with the network cut: it reads, navigates and searches."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from support.browser import ARTIFACTS, TIMEOUT_MS, fold, page_marks, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOCAL = ("file:", "data:", "blob:", "about:")


@pytest.fixture
def offline_page(browser):
    """A page in a context that aborts every request not for a file, and records each one attempted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    attempted: list[str] = []
    context.on("request", lambda request: None if request.url.startswith(LOCAL) else attempted.append(request.url))

    def guard(route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, attempted, errors
    context.close()


def test_snapshot_opens_navigates_and_searches_from_file_with_no_network(synthetic_snapshot, offline_page):
    page, attempted, errors = offline_page
    root = synthetic_snapshot.root
    page.goto((root / "index.html").as_uri())
    assert "BẢN LƯU TRỮ" in page.locator(".archive-banner").inner_text()
    assert page.evaluate("window.Worker === window.IFrameWorker")  # our shim, not unpkg's

    # Navigation: the year's tab, the consolidated report, an agency's letter, all as files.
    page.locator(".md-tabs__link", has_text="Năm 2023").click()
    page.wait_for_url(re.compile(r"/2023/index\.html$"))
    page.locator("article a", has_text="Tổng hợp ý kiến các cơ quan").click()
    page.wait_for_url(re.compile(r"/2023/bao-cao-tong-hop\.html$"))
    assert page.locator("h1").first.inner_text().startswith("Tổng hợp ý kiến các cơ quan năm 2023")
    source = page.locator("p.contrib-source a").first
    agency = source.inner_text()
    source.click()
    page.wait_for_url(re.compile(r"/2023/co-quan/co-quan-\d+\.html$"))
    assert page.locator("h1").first.inner_text().strip().rstrip("¶") == agency

    # Search, through our file:// worker shim.
    for query in ("cong nghiep", "đầu tư"):
        groups = search(page, query)
        letters = [g for g in groups if re.search(r"/2023/co-quan/co-quan-\d+\.html", g["href"])]
        assert letters, [g["title"] for g in groups]
        assert all(g["title"].endswith("— năm 2023") for g in letters)
        best = next(s for g in letters for s in g["sections"])
        terms = fold(query).split()
        assert all(any(fold(m).startswith(t) for m in best["marks"]) for t in terms), best
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "snapshot-search.png"))

    # A hit opens its letter, from the file system, with the words highlighted.
    href = next(s["href"] for g in letters for s in g["sections"] if "#muc-" in s["href"])
    page.locator(f'a.md-search-result__link[href="{href}"]').first.click()
    page.wait_for_url(re.compile(r"co-quan-\d+\.html\?h=dau\+tu#muc-"))
    words = {fold(m["text"]) for m in page_marks(page)}
    assert any(w.startswith("dau") for w in words) and any(w.startswith("tu") for w in words)

    assert errors == []
    assert attempted == [], "requests left for another host"
    # The guard sees what it must block: a request for another host is recorded (and aborted).
    page.evaluate("fetch('https://unpkg.com/iframe-worker/shim').catch(() => null)")
    page.wait_for_timeout(200)
    assert attempted and all(url.startswith("https://unpkg.com/") for url in attempted)


def test_playwright_drives_debians_chromium(browser):
    from support.browser import CHROMIUM

    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout
    assert browser.version.split(".")[0] in version


@pytest.mark.parametrize("ci, outcome", [("true", "browser tests cannot run under CI: chromium not found"),
                                         ("", "1 skipped")])
def test_without_chromium_browser_tests_fail_under_ci_and_skip_elsewhere(tmp_path, ci, outcome):
    env = dict(os.environ, CHROMIUM=str(tmp_path / "no-chromium"), CI=ci)
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0",
                           f"{Path(__file__).name}::test_playwright_drives_debians_chromium"],
                          cwd=Path(__file__).parent, env=env, capture_output=True, text=True, timeout=120)
    assert outcome in proc.stdout, proc.stdout
    assert (proc.returncode != 0) == (ci == "true")
