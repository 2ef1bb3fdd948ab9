"""The malformed corpus: every rule, and combinations, with the exact (line, column, rule).

Each case in ``tests/cases/bad`` is one submission; ``tests/cases/expected.yml``
says what the checker must report. Cases with ``edit`` change the real registry
or round file instead (rules about the tree, not a letter). The same cases then
go through ``mkdocs build --strict``, which must fail without writing a site. And the checker stays
linear on pathological lines.
"""
from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
import yaml

from build_hooks.aggregate.indicators import corpus_conflicts
from build_hooks.corpus.tree import load_corpus
from build_hooks.domain.catalogue import CATALOGUE, MAX_BYTES
from build_hooks.domain.problems import has_errors, sorted_problems
from build_hooks.rules.runner import check_submission
from build_hooks.settings import ROOT
from support.real import REGISTRY, ROUND
from support.session import once
from support.site import BUILD_TODAY, build_site, build_sites, submission_tree

CASES = ROOT / "tests" / "cases"
EXPECTED: dict = yaml.safe_load((CASES / "expected.yml").read_text(encoding="utf-8"))
GOOD = sorted(p.stem for p in (CASES / "good").glob("*.md"))
TODAY = datetime.date.fromisoformat(BUILD_TODAY)


def case_files(name: str) -> dict:
    spec = EXPECTED[name]
    target = spec.get("file", "so-xay-dung.md")
    base = (CASES / "good" / "base.md").read_text(encoding="utf-8")
    if spec.get("generate") == "large":
        filler = ("Đoạn văn dán nhầm rất dài. " * 40 + "\n\n") * (MAX_BYTES // 1000 + 10)
        return {target: base + filler}
    if spec.get("generate") == "symlink":
        return {target: ""}
    if spec.get("generate") == "docx":
        return {target: b"PK\x03\x04 not really a document"}
    if spec.get("generate") == "base":
        return {target: base}
    if spec.get("generate") == "original-large":  # the letter names its original; the original is 20 MiB + 1
        return {target: (CASES / "bad" / "original-too-large.md").read_bytes(),
                "originals/so-xay-dung.txt": b"x" * (20 * 1024 * 1024 + 1)}
    return {target: (CASES / "bad" / f"{name}.md").read_bytes()}


def apply_edits(tree: Path, spec: dict) -> Path:
    """Change the copied tree as the case says: ``remove`` a file, write its ``text``, or ``old`` -> ``new`` once."""
    for edit in spec.get("edit", ()):
        path = tree / edit["file"]
        if edit.get("remove"):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
            continue
        if "text" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)  # e.g. the round's originals/ folder
            path.write_text(edit["text"], encoding="utf-8")
            continue
        text = path.read_text(encoding="utf-8")
        assert edit["old"] in text, (edit["file"], edit["old"])
        path.write_text(text.replace(edit["old"], edit["new"], 1), encoding="utf-8")
    return tree


def _trees(root: Path) -> dict[str, Path]:
    trees = {name: apply_edits(submission_tree(root / name / "submissions", case_files(name)), EXPECTED[name])
             for name in EXPECTED}
    for name, spec in EXPECTED.items():
        if spec.get("generate") == "symlink":  # a letter that is a link to a good test case
            target = trees[name] / "2023" / spec.get("file", "so-xay-dung.md")
            target.unlink()
            target.symlink_to(CASES / "good" / "base.md")
    return trees


@pytest.fixture(scope="session")
def trees(tmp_path_factory, worker_id) -> dict[str, Path]:
    """Every malformed case as a submissions tree, written once per session."""
    return once(tmp_path_factory, worker_id, "malformed", _trees)


def found(tree: Path, target: str = "so-xay-dung.md") -> list[str]:
    """Every problem as the build sees it: ``line:col rule``, prefixed with the file when it is not the letter."""
    corpus, problems = load_corpus(tree, base=tree, today=TODAY)
    if corpus is not None and not has_errors(problems):
        problems = sorted_problems(problems + corpus_conflicts(corpus))
    return [("" if p.path == f"2023/{target}" else f"{p.path}:") + f"{p.line}:{p.column} {p.rule}" for p in problems]


def test_corpus_is_large_and_every_case_has_a_file():
    assert len(EXPECTED) >= 40
    for name, spec in EXPECTED.items():
        assert spec.get("generate") or (CASES / "bad" / f"{name}.md").is_file(), name
    assert {p.stem for p in (CASES / "bad").glob("*.md")} <= set(EXPECTED)


def test_every_rule_has_a_malformed_case():
    covered = {item.split()[1] for spec in EXPECTED.values() for item in spec["problems"]}
    # The importer's rules describe a source letter, not a submission: tests/importer shows each; the
    # build's options describe its environment: tests/test_settings.py shows them.
    checker_rules = {r.id for r in CATALOGUE.values()
                     if not r.found_by.startswith("importer/") and r.found_by != "settings.py"}
    assert checker_rules <= covered, checker_rules - covered


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_checker_reports_exact_location_and_rule(trees, name):
    assert found(trees[name], EXPECTED[name].get("file", "so-xay-dung.md")) == EXPECTED[name]["problems"]


@pytest.mark.parametrize("name", GOOD)
def test_good_cases_are_accepted(tmp_path, name):
    tree = submission_tree(tmp_path / "submissions", {"so-xay-dung.md": (CASES / "good" / f"{name}.md").read_bytes()})
    assert found(tree) == []


@pytest.fixture(scope="session")
def malformed_builds(tmp_path_factory, worker_id, trees) -> dict:
    """``mkdocs build --strict`` of every malformed tree (each aborts in on_config), in one process, once per
    session."""
    def build_all(_folder):
        names = sorted(trees)
        builds = build_sites([(trees[n], trees[n].parent / "site") for n in names], env={"REPORT_TODAY": BUILD_TODAY})
        return dict(zip(names, builds, strict=True))

    return once(tmp_path_factory, worker_id, "malformed-builds", build_all)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_mkdocs_build_fails_and_writes_no_site(malformed_builds, name):
    build = malformed_builds[name]
    assert build.returncode != 0
    assert not build.site.exists()
    assert "Traceback" not in build.output
    for item in EXPECTED[name]["problems"]:
        where, rule = item.split()
        *path, line, col = where.split(":")
        shown = f"{path[0]}:{line}:{col}: " if path and path[0] != "." else f":{line}:{col}: "
        assert shown in build.output and f"[{rule}]" in build.output, build.output


@pytest.mark.slow
def test_code_shown_as_code_builds_and_is_escaped(tmp_path):
    tree = submission_tree(tmp_path / "submissions",
                           {"so-xay-dung.md": (CASES / "good" / "html-in-code.md").read_bytes()})
    build = build_site(tree, tmp_path / "site", env={"REPORT_TODAY": BUILD_TODAY})
    assert build.returncode == 0, build.output
    page = build.page("2023/co-quan/so-xay-dung/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


@pytest.mark.slow
def test_warnings_stop_only_strict_builds(trees, tmp_path):
    tree = trees["heading-title"]
    build = build_site(tree, tmp_path / "site", strict=False, env={"REPORT_TODAY": BUILD_TODAY})
    assert build.returncode == 0, build.output
    assert "[heading-title]" in build.output and (tmp_path / "site" / "index.html").is_file()


def test_a_bad_build_date_stops_the_build(trees, tmp_path):
    build = build_site(trees["heading-title"], tmp_path / "site", env={"REPORT_TODAY": "15/01/2024"})
    assert build.returncode != 0 and "REPORT_TODAY='15/01/2024'" in build.output
    assert not (tmp_path / "site").exists()


# --- pathological lines --------------------------------------------------------------------------

BASE = (CASES / "good" / "base.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["{" * 200_000, "{: a=" * 40_000, "<a " * 60_000, "](" * 100_000,
                                  "`x\n" * 50_000, "Qu¶ng " * 30_000, "x" + "\u0301" * 100_000 + "e\u0301"])
def test_scans_stay_linear_on_pathological_lines(text):
    """A 200,000-character line of one repeated token: once quadratic ("{" took 107 s), now milliseconds."""
    import time

    start = time.perf_counter()
    check_submission(BASE + "\n" + text + "\n", "x.md", "so-xay-dung", 2023, ROUND, REGISTRY, TODAY)
    assert time.perf_counter() - start < 10
