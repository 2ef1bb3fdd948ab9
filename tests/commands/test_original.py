"""The original kept beside its transcription: bytes as received, SHA-256 recorded and checked, linked
"Bản gốc" from the letter page, listed in the snapshot manifest, judged by the guard like the letter."""
from __future__ import annotations

import hashlib

from bs4 import BeautifulSoup
from importer import letters
from importer.support import front_matter, import_letter

from build_hooks.commands.guard import Access, Change, judge
from build_hooks.publish.snapshot import source_files
from support.site import BUILD_TODAY, build_site, run_cli, submission_tree


def _imported(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    letters.cong_van(tmp_path / "cong-van.docx")
    proc = import_letter(tmp_path / "cong-van.docx", "so-xay-dung", tree)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return tree, (tmp_path / "cong-van.docx").read_bytes()


def _check(tree):
    return run_cli("check", "--submissions", str(tree), "--today", BUILD_TODAY)


def test_import_keeps_the_original_bytes_and_records_their_sha256(tmp_path):
    tree, received = _imported(tmp_path)
    kept = tree / "2023" / "originals" / "so-xay-dung.docx"
    assert kept.read_bytes() == received
    assert front_matter(tree / "2023" / "so-xay-dung.md")["original"] == {
        "file": "so-xay-dung.docx", "sha256": hashlib.sha256(received).hexdigest()}
    assert _check(tree).returncode == 0


def test_a_changed_missing_or_unclaimed_original_is_an_error(tmp_path):
    tree, _ = _imported(tmp_path)
    kept = tree / "2023" / "originals" / "so-xay-dung.docx"
    kept.write_bytes(kept.read_bytes() + b"\0")
    proc = _check(tree)
    assert proc.returncode == 1 and "[original-changed]" in proc.stdout and "so-xay-dung.docx" in proc.stdout
    kept.rename(kept.with_name("ban-dan-toc.pdf"))
    proc = _check(tree)
    assert "Không có tệp gốc 'so-xay-dung.docx'" in proc.stdout and "[original-missing]" in proc.stdout
    assert "Tệp gốc 'ban-dan-toc.pdf' không có bài nộp nào ghi nó" in proc.stdout
    (tree / "2023" / "originals" / "ban-dan-toc.pdf").rename(tree / "2023" / "originals" / "notes.pdf")
    assert "[unexpected-file]" in _check(tree).stdout


def test_the_letter_page_links_a_file_whose_bytes_are_the_originals(tmp_path):
    tree, received = _imported(tmp_path)
    build = build_site(tree, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = tmp_path / "site" / "2023" / "co-quan" / "so-xay-dung" / "index.html"
    link = next(a for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("a")
                if a.get_text() == "Bản gốc")
    assert (page.parent / link["href"]).resolve().read_bytes() == received


def test_the_snapshot_lists_the_original_and_the_guard_judges_it_as_the_agencys(tmp_path):
    tree, received = _imported(tmp_path)
    _, kept = source_files(tree, 2023)
    assert kept["2023/originals/so-xay-dung.docx"] == received
    path = "submissions/2023/originals/so-xay-dung.docx"
    assert judge([path, "submissions/2023/so-xay-dung.md"]).submissions == {
        "so-xay-dung": (path, "submissions/2023/so-xay-dung.md")}
    access = Access(members={"so-xay-dung": frozenset({"an"})}, maintainers=frozenset())
    assert judge([Change(path, "A")], "an", access).ok
    assert not judge([Change(path, "A")], "binh", access).ok
    assert not judge([Change(path, "D")], "an", access).ok
    assert not judge(["submissions/2023/originals/so-xay-dung.exe"]).ok


def test_removing_a_paragraph_from_the_transcription_makes_check_fail_and_quote_it(tmp_path):
    tree, _ = _imported(tmp_path)
    letter = tree / "2023" / "so-xay-dung.md"
    text = letter.read_text(encoding="utf-8")
    assert _check(tree).returncode == 0
    paragraph = next(p for p in text.split("\n\n") if len(p.split()) > 15 and not p.startswith(("#", "-", "|")))
    letter.write_text(text.replace(paragraph + "\n", "", 1), encoding="utf-8")
    proc = _check(tree)
    assert proc.returncode == 1, proc.stdout
    assert "[original-text-missing]" in proc.stdout
    assert "“" + " ".join(paragraph.split()[:12]) in proc.stdout
    row = next(line for line in text.splitlines() if line.startswith("| ") and "---" not in line)
    letter.write_text(text.replace(row, "| " + " | ".join("…" for _ in row.split(" | ")) + " |", 1), encoding="utf-8")
    assert "[original-text-missing]" in _check(tree).stdout  # the cells of a table row, too
