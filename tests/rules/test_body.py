"""Body rules that guard the build itself: runs of ``[`` and ``<`` that make Python-Markdown super-linear.

Each construct is timed as a whole letter's path through the system: ``check`` and, when the checker
lets the letter through, its conversion to HTML. A body of 16 KB must cost at most about four times a
body of 4 KB (linear), never sixteen (quadratic): refused runs cost only the check, allowed ones stay
below the bound per paragraph. Ratios, not absolute times, so a busy machine does not fail the test.
"""
from __future__ import annotations

import time

import pytest

from build_hooks.letter_text.convert import LetterRenderer
from build_hooks.rules.body import MAX_OPENERS
from build_hooks.rules.runner import check_submission
from support.real import REGISTRY, ROUND

HEAD = ("---\nagency: so-xay-dung\nyear: 2023\ndate: 15/12/2023\nsubject: báo cáo\nrecipient: Sở Công Thương\n"
        "signer:\n  name: Nguyễn Văn A\n  title: Giám đốc\n---\n\n# II. KẾT QUẢ\n\n## 1. Tuyên truyền\n\n")

CONSTRUCTS = {
    "brackets": "[",
    "image-brackets": "![",
    "bracket-text": "[a ",
    "link-opening": "[a](",
    "a-tags": "<a ",
    "autolinks": "<http://a ",
    "closing-tags": "</b ",
}


def body(unit: str, size: int, per_paragraph: int | None = None) -> str:
    """``size`` characters of ``unit`` repeated, in one paragraph or in paragraphs of ``per_paragraph`` units."""
    count = size // len(unit)
    if per_paragraph is None:
        return unit * count
    return "\n\n".join(unit * per_paragraph for _ in range(count // per_paragraph))


def cost(text: str) -> float:
    """Seconds to check the letter and, when it passes, convert its body as the site does (best of 3)."""
    renderer = LetterRenderer()
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        _sub, problems = check_submission(HEAD + text + "\n", "x.md", "so-xay-dung", 2023, ROUND, REGISTRY)
        if not any(p.is_error for p in problems):
            renderer._md.reset().convert(text)
        best = min(best, time.perf_counter() - start)
    return best


def growth(unit: str, per_paragraph: int | None = None) -> tuple[float, float, float]:
    small, large = cost(body(unit, 4096, per_paragraph)), cost(body(unit, 16384, per_paragraph))
    return small, large, large / small


@pytest.mark.parametrize("name", sorted(CONSTRUCTS))
def test_a_long_run_in_one_paragraph_is_refused_at_its_line(name):
    unit = CONSTRUCTS[name]
    _sub, problems = check_submission(HEAD + "Mở đầu.\n\n" + body(unit, 16384) + "\n", "x.md", "so-xay-dung", 2023,
                                      ROUND, REGISTRY)
    runs = [p for p in problems if p.rule == "markdown-runs"]
    first_line = HEAD.count("\n") + 3
    if "[" in unit:  # at the paragraph
        assert len(runs) == 1 and (runs[0].line, runs[0].column) == (first_line, 1), problems
    else:  # at the first opener beyond the limit
        assert len(runs) == 1 and (runs[0].line, runs[0].column) == (first_line, MAX_OPENERS * len(unit) + 1)


@pytest.mark.parametrize("per_paragraph", [None, MAX_OPENERS])
@pytest.mark.parametrize("name", sorted(CONSTRUCTS))
def test_cost_grows_linearly_from_4_kb_to_16_kb(name, per_paragraph):
    """Quadratic growth would be 16×; linear is 4×. Allow up to 8× for noise.

    In one paragraph, or in paragraphs each just under the bound (which the ``<`` forms still exceed
    in the letter as a whole)."""
    small, large, ratio = growth(CONSTRUCTS[name], per_paragraph)
    assert large < 0.05 or ratio < 8, f"{name}: 4 KB {small * 1000:.1f} ms, 16 KB {large * 1000:.1f} ms, ×{ratio:.1f}"


def test_ordinary_brackets_and_comparisons_pass():
    text = "Theo Quyết định [1], [2] và [3]; tỷ lệ < 5% ở [bảng 2].\n\n" * 50
    _sub, problems = check_submission(HEAD + text, "x.md", "so-xay-dung", 2023, ROUND, REGISTRY)
    assert not [p for p in problems if p.rule == "markdown-runs"]
