"""``python -m build_hooks check``: exit codes, the three output formats, ``--fix``."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from build_hooks.settings import ROOT
from support.site import BUILD_TODAY, run_cli, submission_tree

CASES = ROOT / "tests" / "cases"
BASE = (CASES / "good" / "base.md").read_text(encoding="utf-8")


def tree_with(tmp_path: Path, **files) -> Path:
    return submission_tree(tmp_path / "submissions", {f"{k.replace('_', '-')}.md": v for k, v in files.items()})


def check(tree: Path, *args: str):
    return run_cli("check", "--submissions", str(tree), "--today", BUILD_TODAY, *args, cwd=tree.parent)


def test_clean_tree_exits_zero_and_prints_nothing(tmp_path):
    proc = check(tree_with(tmp_path, so_xay_dung=BASE))
    assert (proc.returncode, proc.stdout) == (0, "")
    assert "0 lỗi, 0 cảnh báo." in proc.stderr


def test_reports_every_problem_of_every_file_in_one_run(tmp_path):
    tree = tree_with(tmp_path, so_xay_dung=(CASES / "bad" / "combo-body.md").read_text(encoding="utf-8"),
                     so_tai_chinh=(CASES / "bad" / "unknown-key.md").read_text(encoding="utf-8")
                     .replace("agency: so-xay-dung", "agency: so-tai-chinh"))
    proc = check(tree)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert [line.split(": ")[0] for line in lines] == [
        "submissions/2023/so-tai-chinh.md:6:1",
        "submissions/2023/so-xay-dung.md:35:1", "submissions/2023/so-xay-dung.md:35:7",
        "submissions/2023/so-xay-dung.md:37:5", "submissions/2023/so-xay-dung.md:41:4"]
    assert lines[0] == ("submissions/2023/so-tai-chinh.md:6:1: lỗi: Khóa 'subjet' không có trong định dạng. "
                        "(Có phải ý bạn là 'subject'?) [unknown-key]")
    assert lines[-1].endswith("[unknown-section]")


def test_paths_limit_the_submissions_checked(tmp_path):
    tree = tree_with(tmp_path, so_xay_dung=BASE,
                     so_tai_chinh=(CASES / "bad" / "unknown-key.md").read_text(encoding="utf-8")
                     .replace("agency: so-xay-dung", "agency: so-tai-chinh"))
    proc = check(tree, str(tree / "2023" / "so-xay-dung.md"))
    assert (proc.returncode, proc.stdout) == (0, "")
    proc = check(tree, str(tree / "2023" / "so-tai-chinh.md"))
    assert proc.returncode == 1 and proc.stdout.count("\n") == 1


def test_bad_usage_exits_two(tmp_path):
    tree = tree_with(tmp_path, so_xay_dung=BASE)
    assert check(tree, str(tmp_path / "missing.md")).returncode == 2
    outside = tmp_path / "outside.md"
    outside.write_text(BASE, encoding="utf-8")
    assert check(tree, str(outside)).returncode == 2
    assert check(tree, "--format", "xml").returncode == 2
    assert run_cli("check", "--today", "15/01/2024").returncode == 2
    assert run_cli("nonsense").returncode == 2


def test_warnings_pass_unless_strict(tmp_path):
    tree = tree_with(tmp_path, so_xay_dung=(CASES / "bad" / "heading-title.md").read_text(encoding="utf-8"))
    proc = check(tree)
    assert proc.returncode == 0 and "[heading-title]" in proc.stdout and "cảnh báo:" in proc.stdout
    assert "'Cải thiện mạnh mẽ môi trường đầu tư" in proc.stdout  # names the expected title
    assert check(tree, "--strict").returncode == 1


def test_github_format_gives_annotations(tmp_path):
    tree = tree_with(tmp_path, so_xay_dung=(CASES / "bad" / "raw-html-inline.md").read_text(encoding="utf-8"))
    proc = check(tree, "--format", "github")
    assert proc.returncode == 1
    first = proc.stdout.splitlines()[0]
    assert first.startswith("::error file=submissions/2023/so-xay-dung.md,line=35,col=14,title=raw-html::Có mã HTML")
    assert first.endswith("[raw-html]")


def test_github_format_escapes_newlines_and_separators(tmp_path):
    from build_hooks.commands.formats import github_annotation
    from build_hooks.domain.problems import ERROR, WARNING, Problem

    text = github_annotation(Problem("a,b:c.md", 3, 4, "r", WARNING, "dòng 1\ndòng 2 50%", "gợi ý"))
    assert text == "::warning file=a%2Cb%3Ac.md,line=3,col=4,title=r::dòng 1%0Adòng 2 50%25 (gợi ý) [r]"
    whole_file = github_annotation(Problem("x.docx", 0, 0, "unexpected-file", ERROR, "Tệp lạ."))
    assert whole_file == "::error file=x.docx,title=unexpected-file::Tệp lạ. [unexpected-file]"


def test_json_format_is_machine_readable(tmp_path):
    tree = tree_with(tmp_path, so_xay_dung=(CASES / "bad" / "future-date.md").read_text(encoding="utf-8"))
    proc = check(tree, "--format", "json")
    data = json.loads(proc.stdout)
    assert proc.returncode == 1
    assert data["version"] == 1
    assert [(p["path"], p["line"], p["column"], p["rule"], p["severity"]) for p in data["problems"]] == [
        ("submissions/2023/so-xay-dung.md", 5, 7, "future-date", "error")]
    assert "15/01/2024" in data["problems"][0]["message"]


def test_fix_normalises_to_nfc_and_changes_nothing_else(tmp_path):
    nfd = unicodedata.normalize("NFD", "Quảng Ngãi  \t")
    text = "\ufeff" + BASE.replace("Nội dung báo cáo của mục II.6.", f"Tỉnh {nfd}").replace("\n", "\r\n")
    tree = tree_with(tmp_path, so_xay_dung=text)
    path = tree / "2023" / "so-xay-dung.md"
    before = path.read_bytes()
    proc = check(tree)
    assert proc.returncode == 1 and "[not-nfc]" in proc.stdout and "--fix" in proc.stdout
    proc = check(tree, "--fix", str(path))
    assert proc.returncode == 0, proc.stdout
    after = path.read_bytes()
    assert after == unicodedata.normalize("NFC", before.decode("utf-8")).encode("utf-8")
    assert after != before and after.startswith(b"\xef\xbb\xbf") and after.count(b"\r\n") == before.count(b"\r\n")
    assert "Quảng Ngãi  \t".encode() in after  # trailing blanks kept
    assert check(tree, "--fix", str(path)).returncode == 0 and path.read_bytes() == after  # idempotent


def test_fix_leaves_files_that_are_not_utf8_alone(tmp_path):
    tree = tree_with(tmp_path, so_xay_dung=(CASES / "bad" / "not-utf8.md").read_bytes())
    path = tree / "2023" / "so-xay-dung.md"
    before = path.read_bytes()
    proc = check(tree, "--fix")
    assert proc.returncode == 1 and "[not-utf8]" in proc.stdout
    assert path.read_bytes() == before


def test_repository_data_is_clean():
    proc = run_cli("check", "--strict")
    assert (proc.returncode, proc.stdout) == (0, ""), proc.stdout + proc.stderr
