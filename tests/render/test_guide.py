"""The guide page for agencies, generated from the schema and the rule catalogue; its example passes the checker."""
from __future__ import annotations

import datetime

from bs4 import BeautifulSoup

from build_hooks.domain.catalogue import RULES
from build_hooks.load.schema import FRONT_MATTER, INDICATOR
from build_hooks.rules.runner import check_submission
from build_hooks.settings import ROOT
from support.real import REGISTRY, ROUND


def rules_for(text: str, today=datetime.date(2024, 1, 15)) -> list[tuple[int, int, str]]:
    _sub, problems = check_submission(text, "x.md", "so-xay-dung", 2023, ROUND, REGISTRY, today)
    return sorted((p.line, p.column, p.rule) for p in problems)


def test_guide_page_is_generated_from_the_schema_and_the_rules(real_site):
    assert not (ROOT / "docs" / "huong-dan" / "dinh-dang.md").exists()  # the hand-copied table is gone
    soup = BeautifulSoup(real_site.page("huong-dan/nop-bao-cao/index.html"), "html.parser")
    article = soup.find("article")
    assert article.find("h1").get_text(strip=True).startswith("Hướng dẫn nộp báo cáo")
    tables = article.find_all("table")
    first_column = [[row.find("td").get_text() for row in t.find("tbody").find_all("tr")] for t in tables]
    assert first_column[0] == [f.name for f in FRONT_MATTER]
    assert [f.name for f in INDICATOR] in first_column
    assert [i.id for i in ROUND.indicators] in first_column
    assert [r.id for r in RULES if r.guide] in first_column
    text = article.get_text()
    assert "python -m build_hooks new so-ke-hoach-va-dau-tu --year 2023" in text
    assert "## II.4.1." in text and "### 4.1." in text  # both numbering styles
    assert "pull request" in text
    home = BeautifulSoup(real_site.page("huong-dan/index.html"), "html.parser")
    assert any("nop-bao-cao" in (a.get("href") or "") for a in home.select("nav a"))


def test_the_guide_example_passes_the_checker():
    from build_hooks.render.guide import EXAMPLE

    assert rules_for(EXAMPLE) == []

