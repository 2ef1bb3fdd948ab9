"""YAML read from the parser's events: nothing an alias, anchor, tag or deep nesting could expand is built.

Each hostile form must end as a located problem, quickly and in little memory, in a letter's
front-matter, in ``round.yml`` and in ``agencies.yml`` alike.
"""
from __future__ import annotations

import time
import tracemalloc

import pytest

from build_hooks.domain.model import Registry
from build_hooks.load.registry import parse_registry
from build_hooks.load.rounds import parse_round
from build_hooks.load.yamlsource import MAX_DEPTH, load_yaml


def laughs(levels: int = 9, width: int = 9) -> str:
    """The "billion laughs": each level's list names the level below ``width`` times (about 2 KB)."""
    lines = ['a0: &a0 "ha"']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


BOMBS = {
    "laughs": laughs(),
    "laughs-block": "\n".join([f"k{i}: &k{i}\n" + "".join(f"  - *k{i - 1}\n" for _ in range(9)) if i else "k0: &k0 x"
                               for i in range(10)]) + "\n",
    "self-alias": "a: &a [*a, *a]\nb: *a\n",
    "merge-chain": "base: &b {x: 1}\nchild:\n  <<: *b\n  <<: [*b, *b]\n",
    "deep-flow": "a: " + "[" * 5000 + "]" * 5000 + "\n",
    "deep-flow-map": "a: " + "{b: " * 3000 + "1" + "}" * 3000 + "\n",
    "deep-block": "".join("  " * i + f"k{i}:\n" for i in range(400)) + "  " * 400 + "v\n",
    "python-tag": "a: !!python/object/apply:os.system ['true']\n",
    "custom-tag": "a: !secret x\n",
}
RULES = {"laughs": "yaml-alias", "laughs-block": "yaml-alias", "self-alias": "yaml-alias",
         "merge-chain": "yaml-merge", "deep-flow": "yaml-depth", "deep-flow-map": "yaml-depth",
         "deep-block": "yaml-depth", "python-tag": "yaml-tag", "custom-tag": "yaml-tag"}


def measured(call):
    """``(result, seconds, peak bytes)`` of ``call()``."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = call()
    finally:
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return result, seconds, peak


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_hostile_yaml_is_a_located_problem_in_under_a_second_and_100_mb(name):
    (doc, problems), seconds, peak = measured(lambda: load_yaml(BOMBS[name], "x.md", 1))
    rules = {p.rule for p in problems}
    assert RULES[name] in rules, problems
    assert all(p.line >= 2 and p.column >= 1 for p in problems)
    assert seconds < 1.0, f"{name}: {seconds:.2f} s"
    assert peak < 100 * 1024 * 1024, f"{name}: {peak / 1048576:.0f} MB"


def test_an_alias_is_never_a_copy_of_its_anchor():
    doc, problems = load_yaml("recipient: &r Sở Công Thương\ncc:\n  - *r\n", "x.md")
    assert doc.value == {"recipient": "Sở Công Thương", "cc": ["*r"]}
    assert [(p.rule, p.line, p.column) for p in problems] == [("yaml-anchor", 1, 12), ("yaml-alias", 3, 5)]


def test_nesting_the_format_needs_is_read():
    nested = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH)) + "  " * MAX_DEPTH + "v\n"
    doc, problems = load_yaml(nested, "x.md")
    assert doc is not None and not problems
    deeper = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 1)) + "  " * (MAX_DEPTH + 1) + "v\n"
    assert [p.rule for p in load_yaml(deeper, "x.md")[1]] == ["yaml-depth"]


def test_values_keep_their_types_and_positions():
    doc, problems = load_yaml('year: 2023\nok: true\nnone: ~\nrate: 9.5\ndate: 2023-12-08\nq: "12"\n'
                              "list:\n  - a\n  - {b: 1}\n", "x.md", 1)
    assert not problems
    assert doc.value == {"year": 2023, "ok": True, "none": None, "rate": 9.5, "date": "2023-12-08", "q": "12",
                         "list": ["a", {"b": 1}]}
    assert doc.value_pos[("list", 1, "b")] == (10, 9)
    assert doc.key_pos[("date",)] == (6, 1)


@pytest.mark.parametrize("name", ["laughs", "self-alias", "deep-flow", "python-tag"])
def test_round_and_registry_files_refuse_the_same_forms(name):
    readers = ((lambda: parse_round(BOMBS[name], "2023/round.yml", 2023, Registry(()))),
               (lambda: parse_registry(BOMBS[name], "agencies.yml")))
    for path, read in zip(("2023/round.yml", "agencies.yml"), readers, strict=True):
        (_, problems), seconds, _peak = measured(read)
        assert RULES[name] in {p.rule for p in problems}, (path, problems)
        assert seconds < 1.0
