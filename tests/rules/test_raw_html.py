"""Raw HTML in letter text is found where Python-Markdown would pass it through."""
from __future__ import annotations

import pytest

from build_hooks.rules.raw_html import find_html


@pytest.mark.parametrize("body, kinds", [
    ("`<b>` và ``<i>``", []),
    ("```\n<script>\n```\n", []),
    ("~~~\n<style>\n~~~\n", []),
    ("   ```\n<script>\n   ```\n", ["html"]),     # indented fence: Python-Markdown does not treat it as code
    ("a < b và c > d", []),
    ("<https://x.vn> <a@b.vn>", []),
    ("<HTTPS://x.vn>", []),
    ("<div\nonclick=x>", ["html"]),                # a tag across lines
    ("\\<b>", ["html"]),                           # '<' cannot be escaped in Python-Markdown
    ("<?php echo 1 ?>", ["html"]),
    ("<![CDATA[x]]>", ["html"]),
    ("<script", ["html"]),                         # unclosed but dangerous
    ("[a](  JAVASCRIPT:x)", ["link"]),
    ("[a](data:text/html;base64,xx)", ["link"]),
    ("![a](vbscript:x)", ["link"]),
    ("[a](https://x.vn) [b](/duong-dan) [c](#muc)", []),
    ("## Tiêu đề {#id .lop}", []),
    ("Đoạn {style=\"color:red\"}", ["attribute"]),
    ("```{ onclick=x }\nmã\n```\n", ["attribute"]),
    # A block-level tag at a line start is raw HTML even inside a code span: Python-Markdown takes
    # it out before it looks for code spans. Inline tags there stay code.
    ("`x\n<div>y</div>`", ["html"]),
    ("`x\n   <script>a`", ["html"]),
    ("`x\n<!-- c -->`", ["html"]),
    ("`x\n<b>y</b>`", []),
])
def test_html_detection(body, kinds):
    assert [f.kind for f in find_html(body)] == kinds

