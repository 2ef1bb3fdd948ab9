"""Hostile received files: a .docx part that inflates to hundreds of MB, a PDF of too many pages, a PDF locked by
a password, and text hidden in Word. Each is refused or reported in Vietnamese, never read whole or silently."""
from __future__ import annotations

import io
import time
import zipfile

from importer import letters
from importer.support import import_letter
from support.site import submission_tree


def _docx_with_bomb(path, size: int) -> None:
    """A valid Word letter plus one part of ``size`` zero bytes (a few hundred KB compressed)."""
    letters.cong_van(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z, z.open("word/media/bomb.bin", "w",
                                                                                   force_zip64=True) as part:
        block = bytes(1024 * 1024)
        for _ in range(size // len(block)):
            part.write(block)


def test_a_docx_part_inflating_past_the_limit_is_refused_before_it_is_read(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    _docx_with_bomb(tmp_path / "bom.docx", 200 * 1024 * 1024)
    assert (tmp_path / "bom.docx").stat().st_size < 2 * 1024 * 1024
    started = time.perf_counter()
    proc = import_letter(tmp_path / "bom.docx", "so-xay-dung", tree)
    assert time.perf_counter() - started < 20
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "word/media/bomb.bin" in proc.stderr and "200 MiB" in proc.stderr and "quá giới hạn 64 MiB" in proc.stderr
    assert not (tree / "2023" / "so-xay-dung.md").exists()


def test_a_pdf_with_too_many_pages_is_refused(tmp_path):
    import weasyprint

    tree = submission_tree(tmp_path / "submissions", {})
    html = "".join("<p style='page-break-after: always'>Trang</p>" for _ in range(301))
    weasyprint.HTML(string=html).write_pdf(tmp_path / "dai.pdf")
    proc = import_letter(tmp_path / "dai.pdf", "so-xay-dung", tree)
    assert proc.returncode == 2
    assert "có 301 trang, quá giới hạn 300 trang" in proc.stderr


def test_a_password_protected_pdf_says_so(tmp_path):
    import weasyprint
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    tree = submission_tree(tmp_path / "submissions", {})
    plain = io.BytesIO(weasyprint.HTML(string="<p>Kính gửi: Sở Công Thương</p>").write_pdf())
    writer = copy_into_new_writer(PdfFileReader(plain))
    writer.encrypt(b"chu-so-huu", b"mat-khau-mo")
    with open(tmp_path / "khoa.pdf", "wb") as out:
        writer.write(out)
    proc = import_letter(tmp_path / "khoa.pdf", "so-xay-dung", tree)
    assert proc.returncode == 2
    assert "được bảo vệ bằng mật khẩu" in proc.stderr, proc.stderr


def test_hidden_word_text_is_kept_apart_with_a_warning_naming_it(tmp_path):
    from docx import Document

    tree = submission_tree(tmp_path / "submissions", {})
    source = tmp_path / "an.docx"
    letters.cong_van(source)
    d = Document(str(source))
    target = next(p for p in d.paragraphs if p.text.startswith("Sở đã tổ chức"))
    target.add_run(" Số liệu thật là 2 hội nghị.").font.hidden = True
    d.save(str(source))
    proc = import_letter(source, "so-xay-dung", tree)
    text = (tree / "2023" / "so-xay-dung.md").read_text(encoding="utf-8")
    assert "[import-hidden]" in proc.stdout and "Số liệu thật là 2 hội nghị." in proc.stdout
    assert proc.returncode == 1
    shown = text.index("Số liệu thật là 2 hội nghị.")
    assert text.index("Sở đã tổ chức") < shown < text.index("bị ẩn trong văn bản gốc")
    assert "đến doanh nghiệp. Số liệu thật" not in text.replace("\\", "")  # not run into the printed sentence
