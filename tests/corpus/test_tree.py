"""The submissions tree: what folders are rounds."""
from __future__ import annotations

import datetime

import pytest

from build_hooks.corpus.tree import load_corpus
from support.site import submission_tree


@pytest.mark.parametrize("year", ["２０２３", "٢٠٢٣", "२०२३"])
def test_a_year_folder_in_other_digits_is_named_not_read_as_a_round(tmp_path, year):
    """Python's ``\\d`` matches full-width and other scripts' digits; a round folder is four ASCII digits."""
    root = submission_tree(tmp_path / "submissions", {})
    (root / "2023").rename(root / year)
    (root / "2023").mkdir()
    (root / year / "round.yml").rename(root / "2023" / "round.yml")
    (root / year / "so-xay-dung.md").write_text("---\nagency: so-xay-dung\n---\n", encoding="utf-8")
    _corpus, problems = load_corpus(root, base=tmp_path, today=datetime.date(2024, 1, 15))
    named = [p for p in problems if p.rule == "unexpected-file"]
    assert len(named) == 1 and named[0].path.endswith(year)
    assert "không viết bằng chữ số thường 0–9" in named[0].message and "U+" in named[0].message
