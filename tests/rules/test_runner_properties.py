"""Hypothesis: random front-matter and random Markdown never crash the checker.

The checker either accepts a file or reports every problem at a real position
in it; and a file it accepts loses no paragraph on the way to the page, and
brings no script, style, frame, event attribute or ``javascript:`` link with it.
"""
from __future__ import annotations

import datetime
import re

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_hooks.domain.model import Corpus
from build_hooks.pages.fragments import finish, substitute
from build_hooks.rules.runner import check_submission
from build_hooks.settings import ROOT
from build_hooks.site.plan import plan_pages
from support.real import REGISTRY, ROUND
from support.site import BUILD_TODAY, build_site, submission_tree

TODAY = datetime.date.fromisoformat(BUILD_TODAY)
PATH = "submissions/2023/so-xay-dung.md"
FILE_LEVEL = {"unknown-agency", "unexpected-file", "file-too-large", "not-utf8"}
SECTION_IDS = ROUND.outline.ids()
ACCEPTED: list[tuple[str, list[str]]] = []
"""Accepted examples (text, markers) collected for one real build at the end."""

class _SiteConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!ENV [NAME, default]`` tags stand for their defaults here."""


_SiteConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_SITE = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_SiteConfigLoader)
EXTENSIONS = [next(iter(e)) if isinstance(e, dict) else e for e in _SITE["markdown_extensions"]]
EXTENSION_CONFIGS = {next(iter(e)): next(iter(e.values())) for e in _SITE["markdown_extensions"] if isinstance(e, dict)}

# Any Unicode (surrogates cannot be encoded), with bits of Markdown and HTML mixed in.
ANY_CHAR = st.characters(blacklist_categories=("Cs",))
TRICKY = st.sampled_from(["<b>", "</b>", "<script>alert(1)</script>", "<!--", "-->", "`", "```", "~~~", "*", "_",
                          "[x](javascript:alert(1))", "[x](https://a.vn)", "{onclick=\"x\"}", "{: .lop }", "&#115;",
                          "\\", "|", "---", "# ", "## II.4. ", "### 4.1. ", "\n", "\n\n", "    ", "\t", "> ", "- ",
                          "1. ", "!!! note", "<https://a.vn>", "<a@b.vn>", "Qu¶ng", "Quaûng", "e\u0301", "ﬁ"])
WORDS = ("Quảng Ngãi công nghiệp đầu tư hạ tầng doanh nghiệp khu kinh tế Dung Quất cụm lao động năng suất môi "
         "trường nước thải tuyên truyền chính sách hỗ trợ khởi nghiệp nguồn vốn ngân sách dự án tiến độ đào tạo "
         "nhân lực khoa học chuyển đổi số xuất khẩu tỷ đồng 9,5% 1.234,5 năm 2023; (ước) – Đức Phổ Lý Sơn").split()
VIETNAMESE = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)
# Mostly Vietnamese prose, sometimes any Unicode at all, sometimes Markdown and HTML fragments.
TEXT = st.lists(st.one_of(VIETNAMESE, VIETNAMESE, VIETNAMESE, st.text(ANY_CHAR, max_size=30), TRICKY),
                max_size=12).map("".join)
LINE = TEXT.map(lambda t: t.replace("\n", " ").replace("\r", " "))
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True), LINE)
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(LINE, inner, max_size=4)), max_leaves=12)


@st.composite
def front_matter(draw, clean: bool = False) -> str:
    """Mostly valid keys and values, sometimes anything at all, sometimes not YAML (never when ``clean``)."""
    TEXT, LINE = (VIETNAMESE, VIETNAMESE) if clean else (globals()["TEXT"], globals()["LINE"])
    keys = {"agency": "so-xay-dung", "year": 2023}
    if draw(st.booleans()):
        keys["date"] = draw(st.sampled_from(["15/12/2023", "12/2023", "2024-01-05"]
                                            + ([] if clean else ["30/02/2023", "99/99/9999"])))
    if draw(st.booleans()):
        keys["indicators"] = [{"id": draw(st.sampled_from([i.id for i in ROUND.indicators] + ["khong-co"])),
                               "value": draw(st.one_of(LINE, st.sampled_from(["9,5", "1.234,5", "8 - 9"]
                                                                             + ([] if clean else ["1,2.3"])))),
                               "unit": "%"}]
    if draw(st.booleans()):
        keys["signer"] = {"name": draw(LINE), "title": draw(LINE)}
    if not clean and draw(st.integers(0, 7)) == 0:
        keys[draw(LINE)] = draw(VALUE)
    text = yaml.safe_dump(keys, allow_unicode=True, sort_keys=False)
    if not clean and draw(st.integers(0, 9)) == 0:
        text += draw(TEXT)  # raw garbage, tabs, anchors …
    return text


@st.composite
def body(draw, clean: bool = False) -> tuple[str, list[str]]:
    """Blocks of random Markdown; every paragraph, item and quote carries a unique marker word.

    ``clean`` draws only what the checker should accept: Vietnamese prose, each section once.
    """
    TEXT, LINE = (VIETNAMESE, VIETNAMESE) if clean else (globals()["TEXT"], globals()["LINE"])
    kinds = ["para", "para", "absolute", "list", "quote", "huge", "fence"]
    if not clean:
        kinds += ["relative", "plain-heading"]
    blocks, markers, used = [], [], set()

    def marker() -> str:
        markers.append(f"Mk{len(markers)}q")
        return markers[-1]

    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(kinds))
        if kind == "para":
            blocks.append(f"{marker()} {draw(TEXT)}")
        elif kind == "absolute":
            sid = draw(st.sampled_from([i for i in SECTION_IDS if i not in used] if clean else SECTION_IDS))
            used.add(sid)
            blocks.append(f"{'#' * min(6, sid.count('.') + 1)} {sid}. {draw(title(sid))}\n\n{marker()} {draw(TEXT)}")
        elif kind == "relative":  # under its Roman heading, usually; a wrong number sometimes
            number = draw(st.sampled_from(["4.", "4.1.", "4.2.", "1.", "9."]))
            root = draw(st.sampled_from(["# II. ", "# V. ", ""]))
            blocks.append(f"{root}\n\n{'#' * draw(st.integers(1, 6))} {number} {draw(LINE)}\n\n{marker()} x")
        elif kind == "plain-heading":
            blocks.append(f"{'#' * draw(st.integers(1, 7))} {draw(LINE)}")
        elif kind == "list":  # deep nesting
            depth = draw(st.integers(1, 40))
            blocks.append("\n".join(f"{'    ' * i}- {marker()} {draw(LINE)}" for i in range(depth)))
        elif kind == "quote":
            blocks.append(f"{'> ' * draw(st.integers(1, 60))}{marker()} {draw(LINE)}")
        elif kind == "huge":
            # 20,000-character lines
            blocks.append(f"{marker()} " + draw(st.sampled_from(["chữ ", "a*b ", "x_y ", "`c` "])) * 5000)
        else:
            blocks.append(f"```\n{draw(TEXT)}\n" + draw(st.sampled_from(["```"] if clean else ["```", "", "~~~"])))
    return "\n\n".join(blocks) + "\n", markers


def title(section_id: str):
    """The outline's title, shortened, left out, or random."""
    full = ROUND.outline.get(section_id).title
    return st.sampled_from([full, " ".join(full.split()[:3]), ""])


def render(page) -> BeautifulSoup:
    """A planned page as the site shows it: MkDocs' Markdown pass, then the core's HTML fragments
    (letter text, rendered once by ``letter_text.convert``) put back, as the adapter does: the indexed ones,
    then, once the search plugin has the page, the others."""
    html = markdown.markdown(page.content, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    return BeautifulSoup(finish(substitute(html, page.fragments), page.fragments), "html.parser")


def assert_safe(soup: BeautifulSoup) -> None:
    assert not soup.find_all(["script", "style", "iframe", "object", "embed", "frame", "form", "base", "meta", "link"])
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), tag
            if name in ("href", "src"):
                scheme = re.sub(r"[\x00-\x20]", "", str(value)).lower()
                assert not scheme.startswith(("javascript:", "vbscript:", "data:"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_checker_accepts_or_locates_and_never_loses_a_paragraph(data):
    clean = data.draw(st.booleans(), label="clean")
    front = data.draw(front_matter(clean), label="front")
    text_body, markers = data.draw(body(clean), label="body")
    text = f"---\n{front}---\n\n{text_body}"
    submission, problems = check_submission(text, PATH, "so-xay-dung", 2023, ROUND, REGISTRY, TODAY)
    lines = max(1, len(text.splitlines()))
    for p in problems:
        assert p.path == PATH and p.rule and p.message
        if p.rule not in FILE_LEVEL:
            assert 1 <= p.line <= lines + 1 and p.column >= 1, p
    if problems:
        return
    assert submission is not None
    corpus = Corpus(REGISTRY, (ROUND,), {2023: (submission,)})
    # the letter page (the trend charts, drawn for every example's figures, are on other pages)
    page = next(p for p in plan_pages(corpus, charts=False) if p.path == "2023/co-quan/so-xay-dung.md")
    soup = render(page)
    assert_safe(soup)
    shown = soup.get_text()
    for m in markers:
        assert m in shown, m
    if len(ACCEPTED) < 12 and len(text) < 60_000:
        ACCEPTED.append((text, markers))


@given(st.text(ANY_CHAR, max_size=3000))
@settings(max_examples=200, deadline=None)
def test_any_text_at_all_is_reported_not_raised(text):
    _submission, problems = check_submission(text, PATH, "so-xay-dung", 2023, ROUND, REGISTRY, TODAY)
    assert all(p.line >= 1 and p.column >= 1 for p in problems)


def test_accepted_examples_lose_no_paragraph_in_a_real_build(tmp_path):
    """The accepted random letters, one per agency, through ``mkdocs build --strict``."""
    assert len(ACCEPTED) >= 5, "the property test above accepted too few examples"
    agencies = [a for a in ROUND.expected][: len(ACCEPTED)]
    files = {}
    for agency, (text, _markers) in zip(agencies, ACCEPTED, strict=False):
        files[f"{agency}.md"] = text.replace("agency: so-xay-dung", f"agency: {agency}", 1)
    tree = submission_tree(tmp_path / "submissions", files)
    # Not --strict: each letter was accepted alone, but copied to several agencies their random
    # indicator figures disagree, which is a cross-letter warning ([indicator-conflict]) only.
    build = build_site(tree, tmp_path / "site", strict=False, env={"REPORT_TODAY": BUILD_TODAY})
    assert build.returncode == 0, build.output[-3000:]
    warnings = [line for line in build.output.splitlines() if line.startswith("WARNING")]
    assert all("[indicator-conflict]" in line for line in warnings), warnings
    for agency, (_text, markers) in zip(agencies, ACCEPTED, strict=False):
        soup = BeautifulSoup(build.page(f"2023/co-quan/{agency}/index.html"), "html.parser")
        article = soup.find("article")
        assert_safe(article)
        shown = article.get_text()
        assert all(m in shown for m in markers), agency
