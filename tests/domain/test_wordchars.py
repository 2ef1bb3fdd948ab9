"""Issue 9, break 5: Word's invisible characters, line endings, bidi controls and YAML messages."""
from __future__ import annotations

import re

import pytest
from rules.test_runner_properties import PATH, REGISTRY, ROUND, TODAY, render

from build_hooks.domain.model import Corpus
from build_hooks.load.registry import parse_registry
from build_hooks.rules.runner import check_submission
from build_hooks.settings import ROOT
from build_hooks.site.plan import plan_pages
from support.site import run_cli, submission_tree

HEAD = ("---\nagency: so-xay-dung\nyear: 2023\ndate: 15/12/2023\nsubject: báo cáo\nrecipient: Sở Công Thương\n"
        "signer:\n  name: Nguyễn Văn A\n  title: Giám đốc\n---\n\n")
BODY = ("# II. KẾT QUẢ\n\n## 6. Cải thiện môi trường đầu tư\n\nNội dung II.6.\n\n{h62}Ưu tiên bố trí vốn\n\n"
        "Nội dung II.6.2.\n\n{h3}Tồn tại hạn chế\n\nNội dung III.\n")
CLEAN = HEAD + BODY.format(h62="### 6.2. ", h3="# III. ")


def parse(text):
    return check_submission(text, PATH, "so-xay-dung", 2023, ROUND, REGISTRY, TODAY)


def sections(submission) -> dict:
    return {p.section_id: p.markdown.strip() for p in submission.parts if p.heading is not None}


@pytest.mark.parametrize("h62,h3,where", [
    ("### 6.2. ", "# III.\u00a0", (22, 7)),             # non-breaking space after the number, as Word pastes it
    ("###\u00a06.2. ", "# III. ", (18, 4)),
    ("### 6.2. ", "\u200b# III. ", (22, 1)),             # zero-width space before '#'
    ("### 6.2. ", "# I\u200bII. ", (22, 4)),             # ... inside the number
    ("### 6.2. ", "# \u2162. ", (22, 3)),                # Roman numeral three, U+2162
    ("### 6.2. ", "# III.\u202f", (22, 7)),             # narrow no-break space
])
def test_word_characters_in_headings_are_read_as_meant_and_pointed_out(h62, h3, where):
    text = HEAD + BODY.format(h62=h62, h3=h3)
    submission, problems = parse(text)
    assert sections(submission) == sections(parse(CLEAN)[0])
    assert sections(submission)["III"] == "Nội dung III."
    assert "II.6.2" in sections(submission)
    located = [(p.line, p.column) for p in problems if p.rule == "word-character"]
    assert located == [where], problems
    assert not [p for p in problems if p.is_error]


def test_check_fix_replaces_word_characters_and_keeps_crlf(tmp_path):
    text = (HEAD + BODY.format(h62="###\u00a06.2. ", h3="\u200b# \u2162. ")).replace("\n", "\r\n")
    tree = submission_tree(tmp_path / "submissions", {"so-xay-dung.md": text.encode("utf-8")})
    target = tree / "2023" / "so-xay-dung.md"
    before = run_cli("check", "--today", "2024-01-15", "--submissions", str(tree), str(target))
    assert "[word-character]" in before.stdout, before.stdout + before.stderr
    fixed = run_cli("check", "--fix", "--today", "2024-01-15", "--submissions", str(tree), str(target))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "[word-character]" not in fixed.stdout
    data = target.read_bytes().decode("utf-8")
    assert data == CLEAN.replace("\n", "\r\n")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_read_as_lf_and_render_anchors(newline):
    crlf, _ = parse(CLEAN.replace("\n", newline))
    assert sections(crlf) == sections(parse(CLEAN)[0])
    page = next(p for p in plan_pages(Corpus(REGISTRY, (ROUND,), {2023: (crlf,)}))
                if p.path == "2023/co-quan/so-xay-dung.md")
    soup = render(page)
    assert "{#" not in soup.get_text()
    assert soup.find(id="muc-iii").get("data-section") == "III"
    assert soup.find(id="muc-ii-6-2") is not None


def test_bidi_controls_are_errors_in_fields_and_body():
    text = HEAD.replace("subject: báo cáo", "subject: báo \u202ecáo") + BODY.format(h62="### 6.2. ", h3="# III. ")
    text = text.replace("Nội dung III.", "Nội dung \u2067III.")
    _sub, problems = parse(text)
    found = [(p.line, p.column) for p in problems if p.rule == "bidi-control"]
    assert found == [(5, 14), (24, 10)], problems


def test_bidi_controls_in_the_registry_are_errors():
    text = (ROOT / "submissions" / "agencies.yml").read_text(encoding="utf-8").replace(
        "name: Sở Xây dựng", "name: Sở \u202eXây dựng", 1)
    _registry, problems = parse_registry(text, "submissions/agencies.yml")
    assert [p.rule for p in problems] == ["bidi-control"]


@pytest.mark.parametrize("front,words", [
    ('subject: “Báo cáo: năm 2023”\n', ["“", "”", "ngoặc thẳng"]),
    ("subject: báo cáo: năm\n", ["hai chấm"]),
    ('subject: "báo cáo\n', []),
    ("signer:\n  name: A\n title: B\n", []),
    ("cc:\n- a\n  b: c\n", []),
])
def test_yaml_messages_are_wholly_vietnamese(front, words):
    text = "---\nagency: so-xay-dung\nyear: 2023\n" + front + "---\n\nNội dung.\n"
    _sub, problems = parse(text)
    syntax = [p for p in problems if p.rule == "yaml-syntax"]
    assert len(syntax) == 1, problems
    said = syntax[0].message + " " + syntax[0].hint
    english = re.findall(r"\b(?:found|expected|while|scanning|mapping|could|not|allowed|context|block)\b", said)
    assert not english, said
    for word in words:
        assert word in said, said


def test_a_tab_is_reported_once():
    text = "---\nagency: so-xay-dung\nyear: 2023\nsigner:\n\tname: A\n---\n\nNội dung.\n"
    _sub, problems = parse(text)
    assert [(p.line, p.rule) for p in problems] == [(5, "yaml-tab")], problems


def test_missing_closing_front_matter_line_says_so():
    _sub, problems = parse("---\nagency: so-xay-dung\nyear: 2023\n\nNội dung.\n")
    assert len(problems) == 1 and "không có dòng '---' đóng lại" in problems[0].message
