"""The ``import`` command on a batch: files and folders, agencies recognised, one summary, the worst exit status."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from importer import letters
from importer.support import body_paragraphs, fold, front_matter

from build_hooks.corpus.tree import load_corpus
from support.site import BUILD_TODAY, run_cli, submission_tree

SOFFICE = shutil.which("soffice")


def _import(*args):
    return run_cli("import", *map(str, args), "--today", BUILD_TODAY)


def _in_order(path, letter) -> bool:
    text = "\n".join(body_paragraphs(path))
    at = 0
    for paragraph, _section in letter.body:
        at = text.find(fold(paragraph), at)
        if at < 0:
            return False
    return True


def _placed(tree, letter) -> list[str | None]:
    """The outline section the loader puts each of the letter's paragraphs under, searched in order."""
    corpus, _ = load_corpus(tree, base=tree)
    sub = next(s for s in corpus.submissions[2023] if s.agency == letter.agency)
    parts = [(p.section_id, fold(p.markdown)) for p in sub.parts]
    out, i, at = [], 0, 0
    for paragraph, _section in letter.body:
        while i < len(parts) and parts[i][1].find(fold(paragraph), at) < 0:
            i, at = i + 1, 0
        if i == len(parts):
            return out + [False]
        at = parts[i][1].find(fold(paragraph), at) + len(fold(paragraph))
        out.append(parts[i][0])
    return out


def test_a_folder_is_imported_with_every_agency_recognised(tmp_path):
    inbox = tmp_path / "thu-den"
    inbox.mkdir()
    tree = submission_tree(tmp_path / "submissions", {})
    made = {"cong-van.docx": letters.cong_van(inbox / "cong-van.docx"),
            "auto-numbered.docx": letters.auto_numbered(inbox / "auto-numbered.docx")}
    (inbox / "cong-van.png").unlink(missing_ok=True)
    txt = ("UBND TỈNH QUẢNG NGÃI\nBAN DÂN TỘC\nSố: 05/BDT-CSDT\nQuảng Ngãi, ngày 10 tháng 12 năm 2023\n"
           "V/v báo cáo kết quả năm 2023\nKính gửi: Sở Công Thương.\n\nII. KẾT QUẢ THỰC HIỆN\n\n"
           "1. Công tác thông tin, tuyên truyền\n\nBan đã tuyên truyền đến đồng bào.\n\nNơi nhận:\n- Như trên;\n"
           "- Lưu: VT.\nTRƯỞNG BAN\n\nĐinh Văn Hà\n")
    (inbox / "ban-dan-toc.txt").write_text(txt, encoding="utf-8")
    proc = _import(inbox, "--submissions", tree)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name, letter in made.items():
        path = tree / "2023" / f"{letter.agency}.md"
        assert front_matter(path)["agency"] == letter.agency, name
        assert _in_order(path, letter), name
    for letter in made.values():
        placed = _placed(tree, letter)
        for (text, section), got in zip(letter.body, placed, strict=True):
            assert got == (None if text.endswith("./.") else section), text  # the closing formula stands apart
    assert front_matter(tree / "2023" / "ban-dan-toc.md")["number"] == "05/BDT-CSDT"
    table = proc.stdout[proc.stdout.index("Tổng hợp lượt nhập:"):]
    for name, agency in (("cong-van.docx", "so-xay-dung"), ("auto-numbered.docx", "so-tai-chinh"),
                         ("ban-dan-toc.txt", "ban-dan-toc")):
        row = next(x for x in table.splitlines() if name in x)
        assert agency in row and "2023" in row and "đã ghi" in row, row
    assert "3 tệp: 3 không còn gì cần sửa, 0 cần xem lại, 0 không nhập." in table


RULED = [["STT", "Chỉ tiêu", "Thực hiện năm 2023"], ["1", "Số cụm công nghiệp có hạ tầng kỹ thuật hoàn chỉnh", "4"],
         ["2", "Tỷ lệ lấp đầy các khu công nghiệp", "72,5%"]]


def _pdf_letter(folder, tmp_path, agency) -> letters.Letter:
    """``agency``'s letter with a ruled table and a bold lead-in, saved as PDF by LibreOffice into ``folder``."""
    import docx

    made = letters.agency_letter(tmp_path / f"{agency.id}.docx", agency)
    d = docx.Document(str(tmp_path / f"{agency.id}.docx"))
    last = [p for p in d.paragraphs if p.text.startswith("Đoạn 5 của mục II.3")][0]
    lead = last.insert_paragraph_before()
    lead.add_run("Kết quả:").bold = True
    lead.add_run(" đã hoàn thành hạ tầng 4 cụm công nghiệp.")
    table = d.add_table(rows=len(RULED), cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(RULED):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    last._p.addprevious(table._tbl)
    d.save(str(tmp_path / f"{agency.id}.docx"))
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(folder), str(tmp_path / f"{agency.id}.docx")], check=True, capture_output=True,
                   timeout=180)
    return made


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_one_command_imports_word_pdf_and_text_letters_each_under_its_sections(tmp_path):
    """Issue 22's batch: hand-typed and auto-numbered Word headings, a LibreOffice PDF, a .txt, in one folder."""
    inbox = tmp_path / "thu-den"
    inbox.mkdir()
    tree = submission_tree(tmp_path / "submissions", {})
    registry = load_corpus(tree, base=tree)[0].registry
    made = {"cong-van.docx": letters.cong_van(inbox / "cong-van.docx"),
            "auto-numbered.docx": letters.auto_numbered(inbox / "auto-numbered.docx")}
    (inbox / "cong-van.png").unlink(missing_ok=True)
    made["so-khoa-hoc-va-cong-nghe.pdf"] = _pdf_letter(inbox, tmp_path, registry.get("so-khoa-hoc-va-cong-nghe"))
    (inbox / "ban-dan-toc.txt").write_text(
        "UBND TỈNH QUẢNG NGÃI\nBAN DÂN TỘC\nSố: 05/BDT-CSDT\nQuảng Ngãi, ngày 10 tháng 12 năm 2023\n"
        "V/v báo cáo kết quả năm 2023\nKính gửi: Sở Công Thương.\n\nII. KẾT QUẢ THỰC HIỆN\n\n"
        "1. Công tác thông tin, tuyên truyền\n\nBan đã tuyên truyền đến đồng bào\nvùng dân tộc thiểu số.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTRƯỞNG BAN\n\nĐinh Văn Hà\n", encoding="utf-8")
    made["ban-dan-toc.txt"] = letters.Letter("ban-dan-toc", {}, [
        ("Ban đã tuyên truyền đến đồng bào vùng dân tộc thiểu số.", "II.1")])
    proc = _import(inbox, "--submissions", tree)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    table = proc.stdout[proc.stdout.index("Tổng hợp lượt nhập:"):]
    assert "4 tệp: 4 không còn gì cần sửa, 0 cần xem lại, 0 không nhập." in table, proc.stdout
    for name, letter in made.items():
        row = next(x for x in table.splitlines() if x.startswith(name))
        assert letter.agency in row and "2023" in row, row
        placed = _placed(tree, letter)
        for (text, section), got in zip(letter.body, placed, strict=True):
            assert got == (None if text.endswith("./.") else section), (name, text)
        written = (tree / "2023" / f"{letter.agency}.md").read_text(encoding="utf-8").splitlines()
        for text, _section in letter.body:  # every paragraph whole on one line: no sentence split at a line end
            assert any(fold(text) in fold(line) for line in written), (name, text)
    pdf = (tree / "2023" / "so-khoa-hoc-va-cong-nghe.md").read_text(encoding="utf-8")
    assert ("| STT | Chỉ tiêu | Thực hiện năm 2023 |\n|---|---|---|\n"
            "| 1 | Số cụm công nghiệp có hạ tầng kỹ thuật hoàn chỉnh | 4 |\n"
            "| 2 | Tỷ lệ lấp đầy các khu công nghiệp | 72,5% |\n") in pdf
    assert "**Kết quả:** đã hoàn thành hạ tầng 4 cụm công nghiệp." in pdf


def test_an_unrecognised_letter_is_named_with_the_closest_entries_and_nothing_is_written(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    letters.cong_van(tmp_path / "known.docx")
    (tmp_path / "la.txt").write_text("UBND TỈNH QUẢNG NGÃI\nSỞ XÂY DỰG\nSố: 12/SXQ-VP\n"
                                     "Quảng Ngãi, ngày 01 tháng 12 năm 2023\nKính gửi: Sở Công Thương\n\nNội dung.\n",
                                     encoding="utf-8")
    proc = _import(tmp_path / "known.docx", tmp_path / "la.txt", "--submissions", tree)
    assert proc.returncode == 2
    assert "không nhận ra cơ quan gửi" in proc.stdout and "so-xay-dung (Sở Xây dựng)" in proc.stdout
    assert sorted(p.name for p in (tree / "2023").glob("*.md")) == ["so-xay-dung.md"]
    assert "2 tệp: 0 không còn gì cần sửa, 0 cần xem lại, 1 không nhập." not in proc.stdout
    assert "1 không nhập." in proc.stdout


def test_agency_and_year_only_override_for_a_single_file(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    letters.cong_van(tmp_path / "a.docx")
    letters.auto_numbered(tmp_path / "b.docx")
    proc = _import(tmp_path / "a.docx", tmp_path / "b.docx", "--agency", "so-xay-dung", "--submissions", tree)
    assert proc.returncode == 2 and "chỉ dùng khi nhập một tệp" in proc.stderr
    assert not list((tree / "2023").glob("*.md"))
    proc = _import(tmp_path / "b.docx", "--agency", "ban-dan-toc", "--submissions", tree)
    assert front_matter(tree / "2023" / "ban-dan-toc.md")["agency"] == "ban-dan-toc", proc.stdout


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_libreoffice_pdf_in_the_batch_is_recognised(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    letter = letters.cong_van(tmp_path / "cong-van.docx")
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "in"), str(tmp_path / "cong-van.docx")],
                   check=True, capture_output=True, timeout=180)
    proc = _import(tmp_path / "in", "--submissions", tree)
    path = tree / "2023" / "so-xay-dung.md"
    assert path.is_file(), proc.stdout + proc.stderr
    assert _in_order(path, letter)


def test_forty_letters_import_in_one_command(tmp_path):
    """One letter per registry agency in 2023, and five more in a 2024 round: 40 files in one command. How long
    a round takes is printed by ``python -m build_hooks benchmark-import``, not asserted here."""
    tree = submission_tree(tmp_path / "submissions", {})
    (tree / "2024").mkdir()
    (tree / "2024" / "round.yml").write_text((tree / "2023" / "round.yml").read_text(encoding="utf-8")
                                             .replace("year: 2023", "year: 2024", 1), encoding="utf-8")
    corpus, _ = load_corpus(tree, base=tree)
    agencies = list(corpus.registry.agencies)
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i, agency in enumerate(agencies + agencies[:40 - len(agencies)]):
        letters.agency_letter(inbox / f"{i:02d}-{agency.id}.docx", agency, 2023 if i < len(agencies) else 2024)
    proc = _import(inbox, "--submissions", tree, "--today", "2025-01-20")  # the 2024 letters are not in the future
    assert len(list(inbox.glob("*.docx"))) == 40
    assert len(list(tree.glob("*/*.md"))) == 40, proc.stdout + proc.stderr
    # the 35 letters of the real 2023 round need no hand (the copied 2024 round.yml is not a real round)
    assert "40 tệp: 35 không còn gì cần sửa, 5 cần xem lại, 0 không nhập." in proc.stdout, proc.stdout[-3000:]
