"""One fence scanner: what the sectioning calls code is what Python-Markdown renders as code."""
from __future__ import annotations

import markdown
import pytest

from build_hooks.load.sections import iter_headings
from build_hooks.rules.raw_html import find_html

CASES = [
    ("```\n# II. Mã\n```\n", False),           # a closed fence: code
    ("~~~~\n# II. Mã\n~~~~\n", False),
    ("```\n# II. Mã\n````\n", True),           # closed by another length: not a fence for Python-Markdown
    (" ```\n# II. Mã\n ```\n", True),          # indented: not a fence for Python-Markdown
    ("```\n# II. Mã\n", True),                 # never closed: text
]


@pytest.mark.parametrize("text, is_heading", CASES)
def test_headings_are_code_exactly_when_python_markdown_renders_code(text, is_heading):
    assert bool(list(iter_headings(text.splitlines()))) == is_heading
    html = markdown.markdown(text, extensions=["fenced_code"])
    assert ("<h1>" in html) == is_heading, html


def test_html_inside_a_closed_fence_is_shown_not_run_and_not_reported():
    assert find_html("```\n<script>x</script>\n```\n") == []
    assert [f.kind for f in find_html("```\n<script>x</script>\n````\n")] == ["html", "html"]
