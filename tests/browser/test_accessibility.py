"""Accessible pages: axe-core on every kind of page, the status page on any screen, and the keyboard alone.

axe-core comes bundled in ``axe-playwright-python`` (no network); a serious or critical
violation on any page fails the test, listed with the rule and the first elements.
"""
from __future__ import annotations

import re

import pytest

from support.browser import ARTIFACTS, SEARCH_INPUT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {
    "landing": "",
    "round": "2023/",
    "report": "2023/bao-cao-tong-hop/",
    "print view": "2023/bao-cao-tong-hop-ban-in/",
    "status": "2023/tinh-hinh-nop/",
    "agencies": "2023/co-quan/",
    "letter": "2023/co-quan/ban-dan-toc/",
    "indicators": "2023/chi-tieu/",
    "projects": "2023/du-an/",
    "trends": "xu-huong/",
    "trend": "xu-huong/tang-truong-gtgt-cong-nghiep/",
    "open data": "du-lieu/",
    "guide": "huong-dan/",
    "submission guide": "huong-dan/nop-bao-cao/",
}
SERIOUS = {"serious", "critical"}


def _serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
            for v in results.response["violations"] if v["impact"] in SERIOUS]


@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_or_critical_violation(real_http, page, kind):
    page.goto(real_http + PAGES[kind])
    page.wait_for_load_state("load")
    if kind == "status":
        page.locator("details.st-detail").first.evaluate("d => d.open = true")
    assert _serious(page) == []


def test_search_results_have_no_serious_violation(real_http, page):
    from support.browser import search

    page.goto(real_http)
    search(page, "cong nghiep")
    assert _serious(page) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_status_page_fits_the_screen(real_http, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(real_http + PAGES["status"])
    page.locator("details.st-detail").nth(16).evaluate("d => d.open = true")
    # Nothing scrolls sideways: not the page, not the tables' scrolling wrappers (Material's md-typeset__scrollwrap).
    overflow = page.evaluate("""() => [document.documentElement, ...document.querySelectorAll(
            '.status-table .md-typeset__scrollwrap, .status-table .md-typeset__table')]
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.className || e.tagName)""")
    assert overflow == []
    # every agency and every section is on the page, in both views
    assert page.locator(".st-agencies tbody tr").count() == 34
    assert page.locator(".st-sections-table tbody tr").count() == 34
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".st-agencies tbody tr").nth(16).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"status-{width}.png"))
    context.close()


def _focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement
        return {tag: e.tagName.toLowerCase(), text: (e.textContent || '').trim().slice(0, 80),
                href: e.getAttribute('href') || '', cls: e.className || ''} }""")


def test_status_page_by_keyboard_alone(real_http, page):
    page.goto(real_http + PAGES["status"])
    page.locator("body").click(position={"x": 5, "y": 300})
    for _ in range(200):  # Tab until the first agency's coverage summary
        page.keyboard.press("Tab")
        if _focused(page)["tag"] == "summary":
            break
    else:
        pytest.fail("no expandable row reached with Tab")
    first = page.locator("details.st-detail").first
    assert first.evaluate("d => d.open") is False
    page.keyboard.press("Enter")
    assert first.evaluate("d => d.open") is True
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focused row shows it has the focus
    page.keyboard.press("Enter")
    assert first.evaluate("d => d.open") is False
    # the answered agency's link is reachable and opens its letter
    for _ in range(200):
        page.keyboard.press("Tab")
        if "ban-dan-toc" in _focused(page)["href"]:
            break
    else:
        pytest.fail("the letter's link is not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/co-quan/ban-dan-toc/$"))


def test_search_by_keyboard_alone(real_http, page):
    page.goto(real_http)
    page.keyboard.press("s")  # Material's shortcut opens the search box
    page.wait_for_function(f"document.activeElement.matches('{SEARCH_INPUT}')")
    page.keyboard.type("dan toc")
    page.wait_for_selector(".md-search-result__item a.md-search-result__link")
    page.keyboard.press("ArrowDown")  # the first result
    assert "ban-dan-toc" in _focused(page)["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/co-quan/ban-dan-toc/\?h=dan\+toc"))


def test_a_letter_history_with_its_changes_has_no_serious_violation(page, tmp_path):
    """The history section with a correction's changes opened (a repository built for the test)."""
    import shutil

    from support.browser import serve
    from support.git import corrected_letter_repository
    from support.site import build_site

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (tmp_path / "repo").mkdir()
    repo = corrected_letter_repository(tmp_path / "repo")
    build = build_site(repo / "submissions", tmp_path / "site")
    assert build.returncode == 0, build.output
    with serve(build.site) as base:
        page.goto(base + PAGES["letter"])
        page.locator("details.hist-detail > summary").click()
        assert page.locator(".hist-diff ins").text_content() == "tỉnh"
        assert _serious(page) == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator("#lich-su-van-ban").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "letter-history.png"))
