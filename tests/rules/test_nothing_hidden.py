"""Nothing hidden: every word of a letter's body is visible text on its letter page, or the checker
names the line (issue 9, break 4).

Random letters mix prose with the constructs that used to make text vanish: link
and footnote definitions (also with the URL on the next line, inside quotes and
list items), reference links, footnote marks, link titles, pictures, tables
with extra cells. Every word slot holds a unique token, so "visible" cannot be
satisfied by the same word elsewhere on the page.
"""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules.test_runner_properties import (
    PATH,
    REGISTRY,
    ROUND,
    SECTION_IDS,
    TODAY,
    render,
)

from build_hooks.domain.model import Corpus
from build_hooks.rules.runner import check_submission
from build_hooks.settings import ROOT
from build_hooks.site.plan import plan_pages

HEAD = ("---\nagency: so-xay-dung\nyear: 2023\ndate: 15/12/2023\nsubject: báo cáo\nrecipient: Sở Công Thương\n"
        "signer:\n  name: Nguyễn Văn A\n  title: Giám đốc\n---\n\n")
VIETNAMESE = "công nghiệp đầu tư hạ tầng Quảng Ngãi tỷ đồng".split()


@st.composite
def letter(draw) -> tuple[str, list[str]]:
    tokens: list[str] = []

    def word() -> str:
        tokens.append(f"Tk{len(tokens)}q")
        return tokens[-1]

    def words(n: int = 3) -> str:
        return " ".join(word() if draw(st.booleans()) or not i else draw(st.sampled_from(VIETNAMESE))
                        for i in range(draw(st.integers(1, n))))

    def inline() -> str:
        kind = draw(st.sampled_from(["plain", "plain", "em", "strong", "code", "link", "titled", "ref", "short-ref",
                                     "footnote", "image", "autolink"]))
        return {
            "plain": lambda: words(),
            "em": lambda: f"*{words()}*",
            "strong": lambda: f"**{words()}**",
            "code": lambda: f"`{words()}`",
            "link": lambda: f"[{words()}](https://a.vn/x)",
            "titled": lambda: f'[{words()}](https://a.vn/x "{words()}")',
            "ref": lambda: f"[{words()}][{words(1)}]",
            "short-ref": lambda: f"[{words()}]",
            "footnote": lambda: f"{words()}[^{words(1)}]",
            "image": lambda: f"![{words()}](https://a.vn/p.png)",
            "autolink": lambda: "<https://a.vn>",
        }[kind]()

    def line() -> str:
        return " ".join(inline() for _ in range(draw(st.integers(1, 4))))

    def definition() -> str:
        label = draw(st.sampled_from(["", "^"])) + words(2)
        target = draw(st.sampled_from(["https://a.vn/d", None]))
        rest = target if target else words()
        return f"[{label}]:" + draw(st.sampled_from([" ", "\n    "])) + rest

    blocks, used = [], set()
    for _ in range(draw(st.integers(1, 10))):
        kind = draw(st.sampled_from(["para", "para", "definition", "definition", "quote", "list", "table",
                                     "heading", "fence", "toc"]))
        if kind == "para":
            blocks.append("\n".join(line() for _ in range(draw(st.integers(1, 3)))))
        elif kind == "definition":
            blocks.append(definition())
        elif kind == "quote":
            blocks.append(f"> {line()}\n>\n> " + definition().replace("\n", "\n> "))
        elif kind == "list":
            blocks.append(f"- {line()}\n\n    " + definition().replace("\n", "\n    ") + f"\n- {line()}")
        elif kind == "table":
            cells = draw(st.integers(2, 3))
            bar = draw(st.sampled_from([" | ", " \\\\| ", " \\| ", "|"]))  # \\| is a backslash, then a real pipe
            row = " | ".join(words(1) for _ in range(cells + draw(st.integers(0, 1))))
            row = row.replace(" | ", bar, 1) if bar != " | " else row
            blocks.append(" | ".join(words(1) for _ in range(cells)) + "\n" + "|".join(["---"] * cells) + "\n" + row)
        elif kind == "heading":
            free = [s for s in SECTION_IDS if s not in used and "." not in s]
            if free:
                sid = draw(st.sampled_from(free))
                used.add(sid)
                blocks.append(f"# {sid}. {words(2)}")
        elif kind == "toc":
            blocks.append(f"{words(1)} [TOC] {words(1)}" if draw(st.booleans()) else "[TOC]")
        else:
            blocks.append(f"```\n{line()}\n```")
    return HEAD + "\n\n".join(blocks) + "\n", tokens


def visible_words(html_page) -> set[str]:
    article = html_page.find("article") or html_page
    return set(re.findall(r"\w+", article.get_text(" ")))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(letter())
def test_every_word_is_visible_or_the_checker_names_its_line(drawn):
    text, tokens = drawn
    submission, problems = check_submission(text, PATH, "so-xay-dung", 2023, ROUND, REGISTRY, TODAY)
    errors = [p for p in problems if p.is_error]
    if errors:
        assert all(1 <= p.line <= len(text.splitlines()) for p in errors), errors
        return
    corpus = Corpus(REGISTRY, (ROUND,), {2023: (submission,)})
    # the letter page (the trend charts, drawn for every example's figures, are on other pages)
    page = next(p for p in plan_pages(corpus, charts=False) if p.path == "2023/co-quan/so-xay-dung.md")
    shown = visible_words(render(page))
    # A footnote's label (``[^Tk3q]``) is its name, replaced by its number (handbook/format.md): not a word.
    outside_labels = re.sub(r"\[\^[^\]]*\]", " ", text)
    hidden = [t for t in tokens if t not in shown and t in outside_labels]
    assert not hidden, (hidden, text)


def test_the_review_reproduction_shows_every_sentence():
    """Break 4 as reported: two definition lines and a footnote vanished, and check passed."""
    text = HEAD + ("# II. KẾT QUẢ\n\n## 1. Tuyên truyền\n\nCâu một.\n\n[Tổng vốn]: 1.234,5\n\n"
                   "[Ghi chú]: Xem \"Câu hai bị mất\"\n\nCâu ba[^a].\n\n[^a]: Câu-bốn-chú-thích\n")
    submission, problems = check_submission(text, PATH, "so-xay-dung", 2023, ROUND, REGISTRY, TODAY)
    assert not [p for p in problems if p.is_error], problems
    page = next(p for p in plan_pages(Corpus(REGISTRY, (ROUND,), {2023: (submission,)}), charts=False)
                if p.path == "2023/co-quan/so-xay-dung.md")
    html = render(page)
    shown = html.get_text(" ")
    for sentence in ("Câu một.", "[Tổng vốn]: 1.234,5", "Câu hai bị mất", "Câu ba", "Câu-bốn-chú-thích"):
        assert sentence in shown, sentence
    # the footnote is a footnote of the page now (handbook/format.md), its text in the page's footnotes
    assert "Câu-bốn-chú-thích" in html.select_one("div.footnote").get_text()


def test_every_good_case_shows_every_word():
    """The good cases of the checker's corpus: each word of each body is visible on its page."""
    for path in sorted((ROOT / "tests" / "cases" / "good").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        submission, problems = check_submission(text, PATH, "so-xay-dung", 2023, ROUND, REGISTRY, TODAY)
        assert submission is not None, path
        page = next(p for p in plan_pages(Corpus(REGISTRY, (ROUND,), {2023: (submission,)}), charts=False)
                    if p.path == "2023/co-quan/so-xay-dung.md")
        shown = visible_words(render(page))
        body = text.split("\n---\n", 1)[1]
        # Link targets and a fence's language name are markup, not text.
        body = re.sub(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+|^(```|~~~)\w+", " ", body, flags=re.M)
        missing = {w for w in re.findall(r"\w+", body) if w not in shown}
        assert not missing, (path.name, sorted(missing)[:20])


def test_visible_words_ignores_markup():
    soup = BeautifulSoup("<article><p>a <a title='b'>c</a></p></article>", "html.parser")
    assert visible_words(soup) == {"a", "c"}


HIDING_FORMS = {
    "escaped-backslash-then-pipe": "| Tk0q | Tk1q |\n|---|---|\n| Tk2q \\\\| Tk3q | Tk4q |",
    "two-escaped-backslashes": "| Tk0q | Tk1q |\n|---|---|\n| Tk2q \\\\\\\\| Tk3q | Tk4q |",
    "no-outer-pipes": "Tk0q | Tk1q\n---|---\nTk2q | Tk3q \\\\| Tk4q",
    "code-span-pipe": "| Tk0q | Tk1q |\n|---|---|\n| `Tk2q | x` | Tk3q | Tk4q |",
    "toc-alone": "Tk0q\n\n[TOC]\n\nTk1q",
    "toc-in-paragraph": "Tk0q [TOC] Tk1q",
}


@pytest.mark.parametrize("form", sorted(HIDING_FORMS))
def test_the_hidden_cell_and_toc_forms_show_their_text_or_are_refused_with_their_line(form):
    body = HIDING_FORMS[form]
    text = HEAD + "# II. KẾT QUẢ\n\n## 1. Tuyên truyền\n\n" + body + "\n"
    submission, problems = check_submission(text, PATH, "so-xay-dung", 2023, ROUND, REGISTRY, TODAY)
    errors = [p for p in problems if p.is_error]
    if errors:
        lines = text.split("\n")
        assert all(p.rule == "table-cells" and "Tk4q" in lines[p.line - 1] for p in errors), errors
        return
    page = next(p for p in plan_pages(Corpus(REGISTRY, (ROUND,), {2023: (submission,)}), charts=False)
                if p.path == "2023/co-quan/so-xay-dung.md")
    shown = render(page).get_text(" ")
    expected = set(re.findall(r"Tk\d+q", body)) | ({"[TOC]"} if "TOC" in body else set())
    assert {w for w in expected if w not in shown} == set(), shown
