"""Issue 9, break 6: nothing printed into a workflow command can start a command of its own."""
from __future__ import annotations

from build_hooks.commands.guard import escape_data, judge, shown
from support.site import BUILD_TODAY, run_cli, submission_tree

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
