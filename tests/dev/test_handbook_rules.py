"""The handbook's table of rules is generated from the catalogue."""
from __future__ import annotations

from build_hooks.dev.handbook_rules import BEGIN, CHECKING, END, with_rule_table
from build_hooks.domain.catalogue import RULES


def test_handbook_rule_table_is_generated_from_the_catalogue():
    page = CHECKING.read_text(encoding="utf-8")
    assert with_rule_table(page) == page, "the handbook's rule table is stale: run python -m build_hooks handbook"
    table = page[page.index(BEGIN):page.index(END)]
    assert all(f"| `{r.id}` |" in table for r in RULES)

