"""The repository's CI for its users: workflows and the pre-commit hook.

``actionlint`` cannot be installed here (its wheel downloads a binary), so the
workflows are validated with check-jsonschema's bundled SchemaStore schemas for
GitHub workflows, plus its "every job has a timeout" schema; the structure the
issue asks for is asserted below.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from build_hooks.settings import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def _steps(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_workflows_pass_the_schema_check(schema):
    proc = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, WORKFLOWS)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: pull_request\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    step:\n      - run: true\n")
    proc = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(broken)],
                          capture_output=True, text=True)
    assert proc.returncode == 1


def test_pull_request_workflow_guards_checks_builds_and_uploads():
    path = ROOT / ".github" / "workflows" / "pull-request.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(data[True]) == ["pull_request"]  # YAML 1.1 reads the key "on" as true
    runs = [s.get("run", "") for s in _steps(path)]
    order = [next(i for i, r in enumerate(runs) if needle in r) for needle in
             ("build_hooks guard", "build_hooks check --format github", "mkdocs build --strict")]
    assert order == sorted(order)
    uses = [s.get("uses", "") for s in _steps(path)]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    setups = [s for s in _steps(path) if s.get("uses", "").startswith("actions/setup-python@")]
    assert all(s["with"] == {"python-version": "3.11"} for s in setups)  # no cache a pull request could fill
    checkout = next(s for s in _steps(path) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # guard needs the target branch's history


def test_pull_request_guard_runs_from_the_base_branch_with_the_author():
    """Issue 9, break 6: the PR's own guard judged it, and did not know who asked."""
    path = ROOT / ".github" / "workflows" / "pull-request.yml"
    steps = _steps(path)
    base = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@") and "path" in s.get("with", {}))
    assert base["with"]["ref"] == "${{ github.base_ref }}"
    guard = next(s for s in steps if "build_hooks guard" in s.get("run", ""))
    assert guard["working-directory"] == base["with"]["path"]
    assert '--repo "$GITHUB_WORKSPACE"' in guard["run"] and '--author "$PR_AUTHOR"' in guard["run"]
    assert guard["env"]["PR_AUTHOR"] == "${{ github.event.pull_request.user.login }}"
    assert "${{" not in guard["run"]  # data reaches the script through the environment only


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_commit_shas_without_kept_credentials(path):
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        if "uses:" in line:
            assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+(\.\d+)*$", line), line
    for step in _steps(path):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False, step
        if "pip install" in step.get("run", ""):
            assert "--require-hashes --only-binary :all: -r requirements.lock" in step["run"], step


def test_the_guard_job_installs_and_runs_nothing_of_the_pull_request():
    """Issue 23, class 1: the PR's lock was installed before the guard ran, and a .pth could end the guard.

    Every step of the guard job that runs a command runs in the target branch's checkout, installs
    only that checkout's lock (after its own lock-check) into a fresh interpreter, and the guard runs
    on that interpreter. The check job, which installs the PR's lock, waits for the guard and checks
    the lock with the target branch's lock-check first."""
    path = ROOT / ".github" / "workflows" / "pull-request.yml"
    jobs = yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]
    guard_steps = jobs["guard"]["steps"]
    base = next(s for s in guard_steps if s.get("uses", "").startswith("actions/checkout@") and "path" in s["with"])
    runs = [s for s in guard_steps if "run" in s]
    assert runs and all(s["working-directory"] == base["with"]["path"] for s in runs)
    install = next(s["run"] for s in runs if "pip install" in s["run"])
    lines = [line.strip() for line in install.strip().splitlines()]
    assert lines[0] == "python -I build_hooks/commands/lock_check.py requirements.lock"
    assert lines[1] == 'python -I -m venv "$RUNNER_TEMP/guard"'
    assert lines[2].startswith('"$RUNNER_TEMP/guard/bin/python" -I')
    verdict = next(s["run"] for s in runs if "build_hooks guard" in s["run"])
    assert verdict.startswith('"$RUNNER_TEMP/guard/bin/python" -E -s -m build_hooks guard')
    assert "cache" not in str(jobs["guard"])
    assert jobs["check"]["needs"] == "guard"
    check_install = next(s["run"] for s in jobs["check"]["steps"] if "pip install" in s.get("run", ""))
    first, second = [line.strip() for line in check_install.strip().splitlines()]
    assert first == "python -I .nhanh-dich/build_hooks/commands/lock_check.py requirements.lock"
    assert second.startswith("python -m pip install")


def test_zizmor_finds_nothing_in_the_workflows():
    """The auditor persona (false positives allowed), offline; the same call as ``make test``."""
    proc = subprocess.run([str(BIN / "zizmor"), "--persona", "auditor", "--offline", ".github/workflows"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings" in proc.stdout + proc.stderr


def test_the_lock_file_pins_requirements_with_hashes():
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pinned = {k.lower(): v for k, v in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", lock, re.M)}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("#")[0].strip().split("==")
            assert pinned.get(name.lower()) == version, name
    entries = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", lock.split("\n\n", 1)[1])
    assert all("--hash=sha256:" in entry for entry in entries if "==" in entry)
    assert "file://" not in lock and "--find-links" not in lock
    from build_hooks.commands.lock_check import lock_problems

    assert lock_problems(lock) == []


def test_main_workflow_builds_and_deploys_to_pages():
    path = ROOT / ".github" / "workflows" / "publish.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data[True]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "").split("@")[0] for s in _steps(path)]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages", "actions/configure-pages"} <= set(uses)
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("mkdocs build --strict" in s.get("run", "") for s in _steps(path))
    checkout = next(s for s in _steps(path) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # each letter's history is read from git


@pytest.fixture
def project_copy(tmp_path):
    """A git repository with the project's code, data and pre-commit configuration."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "build_hooks", repo / "build_hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "submissions", repo / "submissions")
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo)
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}", PRE_COMMIT_HOME=str(tmp_path / "cache"),
               NO_MKDOCS_2_WARNING="1", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base", "--no-verify"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True)
    return repo, env


def test_pre_commit_hook_checks_staged_submissions(project_copy):
    repo, env = project_copy
    assert subprocess.run([str(BIN / "pre-commit"), "validate-config"], cwd=repo, env=env).returncode == 0
    letter = (ROOT / "tests" / "cases" / "bad" / "raw-html-script.md").read_text(encoding="utf-8")
    (repo / "submissions" / "2023" / "so-xay-dung.md").write_text(letter, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
    proc = subprocess.run([str(BIN / "pre-commit"), "run"], cwd=repo, env=env, capture_output=True, text=True)
    assert proc.returncode == 1
    assert "submissions/2023/so-xay-dung.md:35:1: lỗi:" in proc.stdout and "[raw-html]" in proc.stdout
    good = (ROOT / "tests" / "cases" / "good" / "base.md").read_text(encoding="utf-8")
    (repo / "submissions" / "2023" / "so-xay-dung.md").write_text(good, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
    proc = subprocess.run([str(BIN / "pre-commit"), "run"], cwd=repo, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout
