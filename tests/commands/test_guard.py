"""The guard on real git histories (issue 9, break 6): who asks, what changed, and whose guard judges.

A repository is built in a temporary folder with the project's code and data;
``main`` names a member for Sở Xây dựng and a maintainer. Each scenario is a
branch; the guard runs as the pull-request workflow runs it: from a checkout of
``main`` (``git worktree``), judging the branch's checkout (``--repo``).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_hooks.commands.guard import escape_data, judge, shown
from build_hooks.settings import QUIET_MKDOCS_ENV, ROOT
from support.site import BUILD_TODAY, run_cli, submission_tree

MEMBER, OTHER, MAINTAINER = "xd-officer", "stranger", "it-officer"
LETTER = "submissions/2023/so-xay-dung.md"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo,
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("guard")
    repo = root / "repo"
    shutil.copytree(ROOT / "build_hooks", repo / "build_hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "submissions", repo / "submissions")
    shutil.copy(ROOT / "requirements.lock", repo / "requirements.lock")  # the guard job installs it
    shutil.copy(ROOT / "tests" / "cases" / "good" / "base.md", repo / LETTER)
    registry = repo / "submissions" / "agencies.yml"
    text = registry.read_text(encoding="utf-8")
    text = text.replace("  - so-cong-thuong-quang-ngai/can-bo-cntt\n", f"  - {MAINTAINER}\n", 1)
    text = text.replace("  header: SỞ XÂY DỰNG\n", f"  header: SỞ XÂY DỰNG\n  members: [{MEMBER}]\n", 1)
    registry.write_text(text, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "worktree", "add", "-q", "--detach", str(root / "base"), "main")
    return repo


def branch(repo: Path, name: str, change) -> None:
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-qb", name)
    change(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", name)


def guard(repo: Path, author: str, code: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m build_hooks guard`` from ``code`` (default: the checkout of main), on ``repo``'s branch."""
    code = code or repo.parent / "base"
    env = dict(os.environ, **QUIET_MKDOCS_ENV, PYTHONPATH=str(code))
    return subprocess.run([sys.executable, "-m", "build_hooks", "guard", "--base", "main", "--author", author,
                           "--repo", str(repo), "--format", "github"], cwd=code, env=env, capture_output=True,
                          text=True)


def edit(path: str, text: str = "\nThêm một câu.\n"):
    def change(repo: Path) -> None:
        with open(repo / path, "a", encoding="utf-8") as f:
            f.write(text)
    return change


def test_own_letter_by_its_member_passes(repo):
    branch(repo, "own", edit(LETTER))
    proc = guard(repo, MEMBER)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "hợp lệ" in proc.stderr and MEMBER in proc.stderr


def test_login_case_does_not_matter(repo):
    branch(repo, "own-case", edit(LETTER))
    assert guard(repo, MEMBER.upper()).returncode == 0


def test_another_agencys_letter_is_refused(repo):
    branch(repo, "other-agency", edit("submissions/2023/ban-dan-toc.md"))
    proc = guard(repo, MEMBER)
    assert proc.returncode == 1
    assert f"Tài khoản {MEMBER} không thuộc cơ quan ban-dan-toc" in proc.stdout
    assert guard(repo, MAINTAINER).returncode == 0


def test_a_stranger_cannot_edit_a_letter(repo):
    branch(repo, "stranger", edit(LETTER))
    proc = guard(repo, OTHER)
    assert proc.returncode == 1 and "không thuộc cơ quan so-xay-dung" in proc.stdout


def test_deletion_needs_a_maintainer(repo):
    branch(repo, "delete", lambda r: (r / LETTER).unlink())
    proc = guard(repo, MEMBER)
    assert proc.returncode == 1 and "Chỉ người quản trị trang được xóa bài nộp" in proc.stdout
    assert guard(repo, MAINTAINER).returncode == 0


def test_rename_is_refused(repo):
    branch(repo, "rename", lambda r: git(r, "mv", LETTER, "submissions/2023/so-tai-chinh.md"))
    proc = guard(repo, MEMBER)
    assert proc.returncode == 1
    assert "2 cơ quan" in proc.stdout and "không thuộc cơ quan so-tai-chinh" in proc.stdout


@pytest.mark.parametrize("path", ["submissions/agencies.yml", "submissions/2023/round.yml", "mkdocs.yml",
                                  "build_hooks/settings.py"])
def test_registry_round_and_code_need_a_maintainer(repo, path):
    branch(repo, f"other-{path.replace('/', '-')}", edit(path, "\n# đổi\n"))
    proc = guard(repo, MEMBER)
    assert proc.returncode == 1 and f"Tài khoản {MEMBER} không phải người quản trị" in proc.stdout
    assert guard(repo, MAINTAINER).returncode == 0


def test_the_sos_report_is_a_maintainers_file(repo):
    """The Sở's own report (``_bao-cao-so-cong-thuong.md``) is no agency's letter: only a maintainer changes it."""
    branch(repo, "report", edit("submissions/2023/_bao-cao-so-cong-thuong.md", "---\nagency: so-cong-thuong\n---\n"))
    proc = guard(repo, MEMBER)
    assert proc.returncode == 1 and f"Tài khoản {MEMBER} không phải người quản trị" in proc.stdout
    assert "_bao-cao-so-cong-thuong.md" in proc.stdout
    assert guard(repo, MAINTAINER).returncode == 0


def test_a_member_cannot_make_himself_member_of_another_agency(repo):
    """The registry is read from main: adding oneself on the branch changes nothing."""
    def change(r: Path) -> None:
        registry = r / "submissions" / "agencies.yml"
        registry.write_text(registry.read_text(encoding="utf-8").replace(
            "  header: BAN DÂN TỘC\n", f"  header: BAN DÂN TỘC\n  members: [{OTHER}]\n", 1), encoding="utf-8")
    branch(repo, "self-member", change)
    assert guard(repo, OTHER).returncode == 1


def test_a_pr_that_rewrites_the_guard_is_still_judged_by_mains_guard(repo):
    def change(r: Path) -> None:
        guard_py = r / "build_hooks" / "commands" / "guard.py"
        guard_py.write_text(guard_py.read_text(encoding="utf-8").replace(
            "    return Verdict(submissions, other, tuple(messages))", "    return Verdict(submissions, other, ())"),
            encoding="utf-8")
        edit(LETTER)(r)
        edit("submissions/2023/ban-dan-toc.md")(r)
    branch(repo, "rewrite-guard", change)
    assert guard(repo, OTHER, code=repo).returncode == 0  # the branch's own guard would let it through
    proc = guard(repo, OTHER)
    assert proc.returncode == 1
    assert "build_hooks/commands/guard.py" in proc.stdout and "2 cơ quan" in proc.stdout


def test_a_symlink_under_submissions_is_refused(repo):
    def change(r: Path) -> None:
        (r / LETTER).unlink()
        os.symlink("../../build_hooks/settings.py", r / LETTER)
    branch(repo, "symlink", change)
    proc = guard(repo, MAINTAINER)
    assert proc.returncode == 1 and "liên kết tượng trưng" in proc.stdout


def test_odd_file_names_are_refused_and_cannot_forge_an_annotation(repo):
    name = "submissions/2023/x\n::notice title=guard::Hợp lệ\n.md"
    branch(repo, "odd-name", lambda r: (r / name).write_text("x\n", encoding="utf-8"))
    proc = guard(repo, MAINTAINER)
    assert proc.returncode == 1 and "không hợp lệ" in proc.stdout
    lines = (proc.stdout + proc.stderr).splitlines()
    assert not [line for line in lines if line.startswith("::notice")], lines
    assert all(line.startswith("::error title=guard::") for line in proc.stdout.splitlines())


def test_upper_case_and_other_folders_are_not_letters(repo):
    branch(repo, "upper", lambda r: (r / "submissions/2023/So-Xay-Dung.md").write_text("x\n", encoding="utf-8"))
    assert guard(repo, MAINTAINER).returncode == 1


# --- the decision alone, on lists of changed files ---------------------------------------------

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


# --- nothing printed into a workflow command starts a command of its own -------------------------

ODD = "x\n::notice title=guard::Hợp lệ\n.md"


def test_check_github_format_escapes_an_odd_file_name(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {ODD: "x\n"})
    proc = run_cli("check", "--submissions", str(tree), "--today", BUILD_TODAY, "--format", "github")
    assert proc.returncode == 1
    lines = (proc.stdout + proc.stderr).splitlines()
    assert not [line for line in lines if line.startswith("::notice")], lines
    assert any(line.startswith("::error ") and "%0A::notice" in line for line in proc.stdout.splitlines())


def test_guard_files_mode_refuses_and_escapes_odd_names():
    proc = run_cli("guard", "--files", f"submissions/2023/{ODD}", "--format", "github")
    assert proc.returncode == 1
    lines = (proc.stdout + proc.stderr).splitlines()
    assert not [line for line in lines if line.startswith("::notice")], lines


def test_escaping_helpers():
    assert escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert shown("a\nb\x1b") == "a\\x0ab\\x1b"
    assert not judge([f"submissions/2023/{ODD}"]).ok



@pytest.mark.parametrize("year", ["２０２３", "٢٠٢٣", "२०२३", "2O23"])
def test_a_year_folder_not_in_ascii_digits_is_named(year):
    verdict = judge([f"submissions/{year}/so-xay-dung.md"])
    assert not verdict.ok
    if year.isdecimal():
        assert "không viết bằng chữ số thường 0–9" in verdict.messages[0] and "U+" in verdict.messages[0]
    assert judge([f"submissions/{year}/round.yml"], "maintainer").messages


def _evil_wheel(folder: Path) -> Path:
    """A wheel whose only content is a .pth that ends every Python process of its interpreter with exit 0."""
    import base64
    import hashlib
    import zipfile

    files = {"evil_hook.pth": "import os; os._exit(0)\n",
             "evil-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n",
             "evil-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
                                         "Tag: py3-none-any\n"}

    def digest(text: str) -> str:
        return base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()

    record = "".join(f"{name},sha256={digest(text)},{len(text.encode())}\n" for name, text in files.items())
    record += "evil-1.0.dist-info/RECORD,,\n"
    wheel = folder / "evil-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, text in {**files, "evil-1.0.dist-info/RECORD": record}.items():
            archive.writestr(name, text)
    return wheel


def _guard_job_as_written(workflow: Path, pr: Path, base: Path, author: str, tmp: Path) -> subprocess.CompletedProcess:
    """Run the job of ``workflow`` that holds the guard, up to the guard, as its ``run`` lines say.

    The pull request's checkout is ``pr`` (``$GITHUB_WORKSPACE``), the target branch's is ``base``
    (``.nhanh-dich``); a step runs in the folder its ``working-directory`` names. Per line: a
    ``lock_check.py`` call runs for real, and a refusal ends the job (returned as it is); a ``pip
    install … -r LOCK`` installs into the guard's interpreter, offline, every entry of LOCK that names
    a file (a wheel the pull request brings), hash-checked, while the index packages are stood in for
    by this test's own environment (built from the same lock); the guard line runs the guard on that
    interpreter with the flags it writes, judging ``pr`` against ``main``."""
    import shlex
    import sysconfig

    import yaml

    jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
    steps = next(job["steps"] for job in jobs.values() if "build_hooks guard" in str(job))
    interpreter = tmp / "guard-python"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(interpreter)], check=True)
    python = interpreter / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "index-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    env = dict(os.environ, **QUIET_MKDOCS_ENV)
    env.pop("PYTHONPATH", None)
    for step in steps:
        cwd = base if step.get("working-directory") == ".nhanh-dich" else pr
        for line in step.get("run", "").replace("\\\n", " ").splitlines():
            words = shlex.split(line.replace(".nhanh-dich/", f"{base}/"))
            if any(w.endswith("lock_check.py") for w in words):
                script = next(w for w in words if w.endswith("lock_check.py"))
                proc = subprocess.run([sys.executable, "-I", script, *words[words.index(script) + 1:]], cwd=cwd,
                                      env=env, capture_output=True, text=True)
                if proc.returncode:
                    return proc
            elif "pip" in words and "install" in words:
                lock = cwd / words[words.index("-r") + 1]
                entries = [e for e in lock.read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
                           if e.strip() and not e.lstrip().startswith("#") and "==" not in e.split()[0]]
                if entries:
                    files = tmp / "file-entries.txt"
                    files.write_text("\n".join(entries) + "\n", encoding="utf-8")
                    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                                    "--require-hashes", "--target", str(site), "-r", str(files)], cwd=cwd,
                                   check=True, capture_output=True)
            elif "build_hooks" in words and "guard" in words:
                flags = words[1:words.index("-m")]
                return subprocess.run([str(python), *flags, "-m", "build_hooks", "guard", "--base", "main",
                                       "--author", author, "--repo", str(pr), "--format", "github"], cwd=base,
                                      env=env, capture_output=True, text=True)
    raise AssertionError("no guard line in " + str(workflow))


def test_a_local_wheel_in_the_pull_requests_lock_does_not_change_the_guards_verdict(repo, tmp_path):
    """Issue 23, class 1. The pull request's lock names a wheel of its own, with its hash.

    Installed before the guard (the old workflow), its .pth ends the guard with exit 0: the verdict on
    another agency's letter flips to "accepted". The guard job of ``pull-request.yml``, run as written
    (``_guard_job_as_written``), sets the guard's interpreter up from the target branch's lock only, so
    the guard still says 1; the check job's lock-check then refuses the pull request's lock."""
    import hashlib

    wheel = _evil_wheel(tmp_path)
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    pr_lock = (ROOT / "requirements.lock").read_text(encoding="utf-8") + f"\n./{wheel.name} --hash=sha256:{digest}\n"
    branch(repo, "wheel-in-lock", lambda r: (edit("submissions/2023/ban-dan-toc.md")(r),
                                             (r / "requirements.lock").write_text(pr_lock, encoding="utf-8"),
                                             shutil.copy(wheel, r / wheel.name)))
    code = repo.parent / "base"
    # The attack: the pull request's lock installed into the guard's interpreter ends the guard with 0.
    attacked = tmp_path / "attacked"
    attacked.mkdir()
    lock_first = attacked / "pull-request.yml"
    lock_first.write_text(
        "jobs:\n  check:\n    steps:\n"
        "      - run: python -m pip install --require-hashes -r requirements.lock\n"
        "      - working-directory: .nhanh-dich\n        run: python -m build_hooks guard\n", encoding="utf-8")
    flipped = _guard_job_as_written(lock_first, repo, code, MEMBER, attacked)
    assert flipped.returncode == 0 and flipped.stdout == ""  # why the guard's environment must not come from the PR
    # The workflow as it is: the verdict stands.
    verdict = _guard_job_as_written(ROOT / ".github" / "workflows" / "pull-request.yml", repo, code, MEMBER, tmp_path)
    assert verdict.returncode == 1 and "không thuộc cơ quan ban-dan-toc" in verdict.stdout, verdict.stderr
    from build_hooks.commands.lock_check import lock_problems

    assert len(lock_problems(pr_lock)) == 1 and wheel.name in lock_problems(pr_lock)[0]
