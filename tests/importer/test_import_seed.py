"""The real letter (the seed's text and its Word layout) imports into the transcription in submissions/."""
from __future__ import annotations

from pathlib import Path

import pytest

from build_hooks.settings import ROOT
from importer.support import body_paragraphs, frame, front_matter, import_letter
from support.site import BUILD_TODAY, run_cli, submission_tree

# The project's shared folder lies beside the repository (as CI lays it out); /work/shared on a developer machine.
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), ROOT.parent / "shared")
SEED = SHARED / "seed" / "000_a9a650724f400d40.txt"
SAMPLE = SHARED / "samples" / "ban-dan-toc-2023.docx"
TRANSCRIBED = ROOT / "submissions" / "2023" / "ban-dan-toc.md"
needs_seed = pytest.mark.skipif(not SEED.is_file() or not SAMPLE.is_file(), reason="shared seed not on this machine")


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    return submission_tree(tmp_path_factory.mktemp("seed") / "submissions", {})


@needs_seed
@pytest.mark.parametrize("source", [SEED, SAMPLE], ids=["seed-text", "sample-docx"])
def test_real_letter_imports_to_the_transcription(tree, source):
    proc = import_letter(source, "ban-dan-toc", tree, "--force")
    out = tree / "2023" / "ban-dan-toc.md"
    assert proc.returncode in (0, 1), proc.stderr
    assert frame(front_matter(out)) == frame(front_matter(TRANSCRIBED))
    assert body_paragraphs(out) == body_paragraphs(TRANSCRIBED)
    assert "Nội dung: 2/2 đoạn" in proc.stdout
    check = run_cli("check", "--strict", "--today", BUILD_TODAY, "--submissions", str(tree), str(out))
    assert check.returncode == 0, check.stdout + check.stderr


@needs_seed
def test_outline_after_the_seed_letter_is_reported_not_imported(tree):
    proc = import_letter(SEED, "ban-dan-toc", tree, "--force")
    assert proc.returncode == 1
    assert "[import-trailing]" in proc.stdout and "ĐỀ CƯƠNG" in proc.stdout
    assert "KẾT QUẢ THỰC HIỆN" not in (tree / "2023" / "ban-dan-toc.md").read_text(encoding="utf-8")


@needs_seed
def test_sample_docx_needs_no_hand(tree):
    proc = import_letter(SAMPLE, "ban-dan-toc", tree, "--force")
    assert proc.returncode == 0, proc.stdout
    assert "Người ký: KT. Trưởng ban / Phó Trưởng ban / Nguyễn Thế Nhân" in proc.stdout


def test_check_names_the_import_command_for_a_stray_word_file(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {"so-xay-dung.docx": b"PK\x03\x04 a Word letter"})
    proc = run_cli("check", "--submissions", str(tree))
    assert proc.returncode == 1
    assert "python -m build_hooks import so-xay-dung.docx --agency <mã-cơ-quan> --year 2023" in proc.stdout


@needs_seed
def test_output_elsewhere_is_still_checked(tree, tmp_path):
    out = tmp_path / "ban-nhap.md"
    proc = import_letter(SAMPLE, "ban-dan-toc", tree, "--output", str(out))
    assert proc.returncode == 0, proc.stdout
    assert out.is_file() and "qua được check --strict" in proc.stdout
    out.write_text(out.read_text(encoding="utf-8").replace("date: 12/2023", "date: 31/02/2023"), encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text(SEED.read_text(encoding="utf-8").replace("ngày         tháng 12", "ngày 31 tháng 02"),
                      encoding="utf-8")
    proc = import_letter(broken, "ban-dan-toc", tree, "--output", str(tmp_path / "b.md"))
    assert proc.returncode == 1 and "[bad-date]" in proc.stdout and "b.md:6:" in proc.stdout


@needs_seed
def test_utf16_text_imports_and_other_encodings_are_refused(tree, tmp_path):
    utf16 = tmp_path / "thu.txt"
    utf16.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16"))
    proc = import_letter(utf16, "ban-dan-toc", tree, "--force")
    assert proc.returncode == 1 and "Nội dung: 2/2 đoạn" in proc.stdout
    latin = tmp_path / "cu.txt"
    latin.write_bytes("Qu\xe3ng Ng\xe3i".encode("latin-1"))
    proc = import_letter(latin, "ban-dan-toc", tree, "--force")
    assert proc.returncode == 2 and "UTF-8" in proc.stderr
