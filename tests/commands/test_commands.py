"""``new``, ``codeowners``, ``schema`` and ``guard``: what they write and decide."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from build_hooks.commands.codeowners import FALLBACK_OWNER, render_codeowners
from build_hooks.commands.guard import judge
from build_hooks.corpus.tree import load_corpus
from build_hooks.domain.model import Agency, Registry
from build_hooks.load.schema import FRONT_MATTER
from build_hooks.load.yamlsource import split_front_matter
from build_hooks.publish.json_schema import render_schema, render_schema_text
from build_hooks.settings import ROOT
from support.site import BUILD_TODAY, build_site, run_cli, submission_tree

CASES = ROOT / "tests" / "cases"


# --- new ----------------------------------------------------------------------------------------

def test_new_writes_a_skeleton_that_checks_clean_except_empty_sections(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    proc = run_cli("new", "so-xay-dung", "--year", "2023", "--submissions", str(tree))
    assert proc.returncode == 0, proc.stderr
    text = (tree / "2023" / "so-xay-dung.md").read_text(encoding="utf-8")
    front = yaml.safe_load(split_front_matter(text)[0])
    assert list(front) == [f.name for f in FRONT_MATTER]  # every key, in schema order
    assert (front["agency"], front["year"]) == ("so-xay-dung", 2023)
    assert "# II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU\n" in text
    assert "### 4.1. Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp\n" in text
    assert "# V. Xây dựng Kế hoạch" in text and "### 6.2. Ưu tiên bố trí" in text  # V mirrors II
    check = run_cli("check", "--submissions", str(tree), "--today", BUILD_TODAY, "--format", "json")
    problems = json.loads(check.stdout)["problems"]
    assert check.returncode == 0
    assert problems and {p["rule"] for p in problems} == {"empty-section"}
    # Leaf sections only: a heading with sub-sections under it (II, II.4, V, …) is not empty.
    corpus, _ = load_corpus(tree)
    outline = corpus.round(2023).outline
    leaves = {s.id for s in outline.sections if not outline.children(s.id)}
    assert sorted(p["message"].split()[1] for p in problems) == sorted(leaves)


@pytest.mark.slow
def test_new_skeleton_filled_in_is_accepted_and_built(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    text = run_cli("new", "so-xay-dung", "--submissions", str(tree), "--stdout").stdout
    _, front, body = text.split("---\n", 2)
    front = front.replace("#  name:", "  name:").replace("#  title:", "  title:")
    body = "".join(line + (f"\nNội dung của {line.split('. ')[0]}.\n" if line.startswith("#") else "")
                   for line in body.splitlines(keepends=True))
    (tree / "2023" / "so-xay-dung.md").write_text("---\n" + front + "---\n" + body, encoding="utf-8")
    proc = run_cli("check", "--submissions", str(tree), "--today", BUILD_TODAY)
    assert (proc.returncode, proc.stdout) == (0, "")
    build = build_site(tree, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = build.page("2023/co-quan/so-xay-dung/index.html")
    assert 'data-section="V.4.1"' in page and "Nguyễn Thế Nhân" in page  # the example signer, uncommented


def test_new_refuses_to_overwrite_and_unknown_agencies(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {"so-xay-dung.md": "giữ nguyên"})
    proc = run_cli("new", "so-xay-dung", "--submissions", str(tree))
    assert proc.returncode == 1 and (tree / "2023" / "so-xay-dung.md").read_text(encoding="utf-8") == "giữ nguyên"
    proc = run_cli("new", "so-xay-dun", "--submissions", str(tree))
    assert proc.returncode == 2 and "so-xay-dung" in proc.stderr  # did you mean
    assert run_cli("new", "so-xay-dung", "--year", "2019", "--submissions", str(tree)).returncode == 2


# --- codeowners and schema: committed copies equal the generated ones ---------------------------


def test_codeowners_file_equals_generated():
    proc = run_cli("codeowners", "--check")
    assert proc.returncode == 0, proc.stderr


def test_codeowners_uses_reviewers_and_falls_back_to_the_it_officer():
    registry = Registry((Agency("so-a", "Sở A", "SA", "SỞ A", reviewers=("nguyen-van-a", "@so-a/bao-cao")),
                         Agency("so-b", "Sở B", "SB", "SỞ B")))
    lines = [line for line in render_codeowners(registry).splitlines() if line and not line.startswith("#")]
    assert lines == [f"*  {FALLBACK_OWNER}", "/submissions/*/so-a.md  @nguyen-van-a @so-a/bao-cao",
                     f"/submissions/*/so-b.md  {FALLBACK_OWNER}"]


def test_schema_copy_equals_generated():
    assert (ROOT / "schemas" / "front-matter.schema.json").read_text(encoding="utf-8") == render_schema_text()
    proc = run_cli("schema")
    assert proc.returncode == 0 and json.loads(proc.stdout) == render_schema()
    assert run_cli("schema", "--check").returncode == 0


def _front(path: Path) -> dict:
    return yaml.safe_load(split_front_matter(path.read_text(encoding="utf-8"))[0])


def test_schema_accepts_what_the_checker_accepts():
    validator = jsonschema.Draft202012Validator(render_schema())
    for path in [ROOT / "submissions" / "2023" / "ban-dan-toc.md", *sorted((CASES / "good").glob("*.md"))]:
        front = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in _front(path).items()}
        assert list(validator.iter_errors(front)) == [], path


@pytest.mark.parametrize("case", ["unknown-key", "missing-key", "wrong-type-year", "wrong-type-signer",
                                  "missing-key-indicator-unit", "bad-date-unreadable"])
def test_schema_rejects_what_the_checker_rejects_for_types_and_keys(case):
    validator = jsonschema.Draft202012Validator(render_schema())
    assert list(validator.iter_errors(_front(CASES / "bad" / f"{case}.md")))


# --- guard --------------------------------------------------------------------------------------

def test_guard_accepts_one_agency_and_code_only_changes():
    assert judge(["submissions/2023/so-xay-dung.md"]).ok
    assert judge(["submissions/2023/so-xay-dung.md", "submissions/2024/so-xay-dung.md"]).ok
    assert judge(["build_hooks/domain/catalogue.py", "mkdocs.yml", "submissions/agencies.yml"]).ok
    assert judge([]).ok


def test_guard_refuses_two_agencies_and_names_the_files_to_split_out():
    verdict = judge(["submissions/2023/so-xay-dung.md", "submissions/2023/so-tai-chinh.md"])
    assert not verdict.ok and len(verdict.messages) == 1
    assert "2 cơ quan" in verdict.messages[0]
    assert "giữ so-tai-chinh, chuyển sang pull request khác: submissions/2023/so-xay-dung.md" in verdict.messages[0]


@pytest.mark.parametrize("other", ["submissions/agencies.yml", "submissions/2023/round.yml", "mkdocs.yml",
                                   "build_hooks/domain/catalogue.py", ".github/workflows/publish.yml"])
def test_guard_refuses_a_submission_with_anything_else(other):
    verdict = judge(["submissions/2023/so-xay-dung.md", other])
    assert not verdict.ok
    assert verdict.messages[0].endswith(f"Tách các tệp sau sang một pull request riêng: {other}.")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo,
                          check=True, capture_output=True, text=True).stdout


def test_guard_command_reads_the_branch_from_git(tmp_path):
    repo = tmp_path / "repo"
    (repo / "submissions" / "2023").mkdir(parents=True)
    (repo / "submissions" / "2023" / "so-xay-dung.md").write_text("a\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "pr")
    (repo / "submissions" / "2023" / "so-xay-dung.md").write_text("b\n", encoding="utf-8")
    (repo / "submissions" / "2023" / "so-tai-chinh.md").write_text("c\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "two agencies")
    from build_hooks.commands.guard import changed_files

    assert changed_files("main", cwd=repo) == ["submissions/2023/so-tai-chinh.md", "submissions/2023/so-xay-dung.md"]
    proc = run_cli("guard", "--files", "submissions/2023/so-tai-chinh.md", "submissions/2023/so-xay-dung.md",
                   "--format", "github")
    assert proc.returncode == 1 and proc.stdout.startswith("::error title=guard::Pull request sửa bài nộp của 2")
    assert run_cli("guard", "--files", "submissions/2023/so-xay-dung.md").returncode == 0
    assert run_cli("guard", "--base", "no-such-branch").returncode == 2
