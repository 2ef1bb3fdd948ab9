"""Benchmark of ``import``: a province's letters in one command, as Word files and as PDFs.

Each agency the newest round expects gets its Word skeleton (``publish/skeleton_docx``, what the guide
offers) filled in as a clerk would: every hint replaced by paragraphs of invented text, the date, the
signer; past the round's agencies (``--letters``, 40 by default, the province's count) the first ones
write again for a copy of the round a year later. The folder is imported by one ``python -m build_hooks
import`` in a fresh process (start-up included), into a copy of the repository's registry and round(s).
With LibreOffice at hand the same letters are saved as PDF (not timed) and imported again. Printed, not
asserted: the target (40 letters in under a minute on two cores) is read off the figures.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from build_hooks.corpus.tree import load_corpus
from build_hooks.dev.benchmark import timed
from build_hooks.importer.convert import SKELETON_HINT
from build_hooks.publish.skeleton_docx import skeletons_docx
from build_hooks.settings import ROOT, SUBMISSIONS_DIR

HINT_START = SKELETON_HINT.split("{section}")[0]
"""How every hint of the skeleton begins (the constant the importer drops them by)."""
PARAGRAPH = ("Trong năm {year}, {name} đã chủ động phối hợp với các sở, ban, ngành và địa phương triển khai nội "
             "dung của mục {section}: rà soát các nhiệm vụ được giao, tổ chức {n} cuộc họp, kiểm tra tình hình "
             "thực hiện tại cơ sở và hướng dẫn doanh nghiệp hoàn thiện hồ sơ theo quy định; kết quả đạt {n},5% "
             "so với kế hoạch năm (văn bản mẫu để đo thời gian nhập).")


def sign_skeleton(doc) -> None:
    """What a clerk fills in on the skeleton besides the body, as on paper: the day and month of the date,
    the signer's title and name (python-docx ``doc``, changed in place)."""
    header, footer = doc.tables
    date = header.rows[0].cells[1].paragraphs[2]
    date.runs[0].text = date.runs[0].text.replace("ngày      tháng      năm", "ngày 20 tháng 12 năm")
    sign = footer.rows[0].cells[1].paragraphs
    sign[0].runs[0].text = "GIÁM ĐỐC"
    sign[-1].add_run("Nguyễn Văn An").bold = True


def _filled(data: bytes, name: str, year: int) -> bytes:
    """The skeleton ``data`` filled in: two paragraphs per section, the day and month, the signer."""
    from copy import deepcopy

    from docx import Document

    doc = Document(io.BytesIO(data))
    for i, p in enumerate([p for p in doc.paragraphs if p.text.startswith(HINT_START)]):
        section = p.text[len(HINT_START):].split(" ", 1)[0]
        second = deepcopy(p._p)
        p._p.addnext(second)
        for run, n in ((p.runs[0], i + 2), (type(p)(second, p._parent).runs[0], i + 3)):
            run.text, run.italic = PARAGRAPH.format(year=year, name=name, section=section, n=n), None
    sign_skeleton(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _import(folder: Path, tree: Path) -> tuple[float, float, int, str]:
    """Wall seconds, peak MiB, exit code and the batch's last summary line of one ``import`` command."""
    cmd = [sys.executable, "-m", "build_hooks", "import", str(folder), "--submissions", str(tree)]
    with tempfile.TemporaryFile() as out:
        seconds, peak, code = timed(cmd, env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT, stdout=out)
        out.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines()
    return seconds, peak, code, lines[-1] if lines else ""


def _fresh_tree(tmp: Path, name: str, year: int, extra: bool) -> Path:
    """The repository's registry and the round's ``round.yml``, without its letters; with ``extra``, a copy
    of that round for the next year."""
    tree = tmp / name
    (tree / str(year)).mkdir(parents=True)
    shutil.copy(SUBMISSIONS_DIR / "agencies.yml", tree / "agencies.yml")
    shutil.copy(SUBMISSIONS_DIR / str(year) / "round.yml", tree / str(year) / "round.yml")
    if extra:
        (tree / str(year + 1)).mkdir()
        text = (SUBMISSIONS_DIR / str(year) / "round.yml").read_text(encoding="utf-8")
        (tree / str(year + 1) / "round.yml").write_text(text.replace(f"year: {year}", f"year: {year + 1}", 1),
                                                        encoding="utf-8")
    return tree


def _write_letters(folder: Path, corpus, rnd, count: int) -> int:
    """``count`` filled-in skeletons into ``folder``: every agency the round expects, then (for more) the
    first ones again for a copy of the round a year later. Returns how many went to the later year."""
    import dataclasses

    agencies = [corpus.registry.get(a) for a in rnd.expected if corpus.registry.get(a) is not None]
    later = max(0, count - len(agencies))
    for year_round, chosen in ((rnd, agencies[:count]), (dataclasses.replace(rnd, year=rnd.year + 1),
                                                          agencies[:later])):
        for agency_id, data in skeletons_docx(chosen, year_round).items():
            name = corpus.registry.get(agency_id).name
            (folder / f"{year_round.year}-{agency_id}.docx").write_bytes(_filled(data, name, year_round.year))
    return later


def run(letters: int = 40, pdf: bool = True) -> int:
    """Import ``letters`` filled-in skeletons of the newest round as .docx and (with LibreOffice) as .pdf."""
    corpus, _problems = load_corpus(SUBMISSIONS_DIR)
    rnd = max(corpus.rounds, key=lambda r: r.year)
    year = rnd.year
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        root = Path(tmp)
        docx_dir = root / "docx"
        docx_dir.mkdir()
        later = _write_letters(docx_dir, corpus, rnd, letters)
        count = len(list(docx_dir.glob("*.docx")))
        also = f", {later} cho bản sao của đợt ấy năm {year + 1}" if later else ""
        print(f"import: {count} thư (mẫu Word của từng cơ quan đợt {year}{also}, điền nội dung minh họa), "
              f"một lệnh mỗi định dạng; {os.cpu_count()} lõi, tải {os.getloadavg()[0]:.1f}")
        worst = _report("Word (.docx)", count, *_import(docx_dir, _fresh_tree(root, "a", year, later > 0)))
        soffice = shutil.which("soffice")
        if not pdf or soffice is None:
            print("  PDF: bỏ qua" + ("" if not pdf else " (không có LibreOffice để lưu thư thành PDF)"))
            return worst
        pdf_dir = root / "pdf"
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{root}/profile", "--convert-to", "pdf",
                        "--outdir", str(pdf_dir), *map(str, sorted(docx_dir.glob("*.docx")))],
                       check=True, capture_output=True, timeout=900)
        tree = _fresh_tree(root, "b", year, later > 0)
        return max(worst, _report("PDF (LibreOffice)", count, *_import(pdf_dir, tree)))


def _report(label: str, count: int, seconds: float, peak: float, code: int, summary: str) -> int:
    print(f"  {label}: {seconds:.1f} s = {seconds / count:.2f} s/thư; bộ nhớ đỉnh {peak:.0f} MiB; mã thoát {code}"
          f"\n    {summary}")
    return code


if __name__ == "__main__":
    sys.exit(run())
