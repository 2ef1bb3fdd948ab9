"""``import EDITED.docx --report YEAR``: the Sở's report, finished in Word, back into its file.

Writes ``submissions/<year>/_bao-cao-so-cong-thuong.md`` (``publish/report_import.py`` reads the
DOCX), prints the importer's usual account (what was recognised, what changed, what needs a hand)
and checks the file as ``check --strict`` would. Exit 0: written and clean; 1: written, with
problems to look at; 2: nothing written (no such file, not a .docx, no round).
"""
from __future__ import annotations

import sys
from pathlib import Path

from build_hooks.domain.model import REPORT_FILE


def cmd_import_report(args) -> int:
    """Bring an edited export of the Sở's report back into its file."""
    from build_hooks.corpus.tree import load_corpus
    from build_hooks.domain.problems import sorted_problems
    from build_hooks.importer.convert import read_document
    from build_hooks.importer.document import UnreadableInput
    from build_hooks.publish.report_import import header_rows_of, read_back

    source = Path(args.path[0] if isinstance(args.path, list) else args.path)
    if not source.is_file() or source.suffix.lower() != ".docx":
        print(f"import: '{source}' không phải tệp .docx có sẵn (báo cáo của Sở nhập lại từ Word).", file=sys.stderr)
        return 2
    submissions = Path(args.submissions)
    year = args.report
    if not (submissions / str(year)).is_dir():
        print(f"import: không có đợt báo cáo năm {year} trong {submissions}.", file=sys.stderr)
        return 2
    target = Path(args.output) if args.output else submissions / str(year) / REPORT_FILE
    try:
        doc = read_document(source, str(source))
    except UnreadableInput as exc:
        print(f"import: {exc}", file=sys.stderr)
        return 2
    old_path = submissions / str(year) / REPORT_FILE
    old = old_path.read_text(encoding="utf-8") if old_path.is_file() else ""
    result = read_back(doc, header_rows_of(source), old)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(result.text, encoding="utf-8")
    print(f"Đã nhập {source} → {target}")
    print(f"  Đoạn mới hoặc đã sửa: {len(result.changed)}; đoạn đã bỏ: {len(result.removed)}")
    for text in result.changed[:20]:
        print(f"    + {text[:100]}")
    for text in result.removed[:20]:
        print(f"    - {text[:100]}")
    for what in result.skipped:
        print(f"  Không nhập được (hình, khung chữ): {what}")
    if target.resolve() != old_path.resolve():
        return 1 if result.skipped else 0
    _corpus, problems = load_corpus(submissions, base=Path.cwd(), only={target.resolve()})
    mine = [p for p in problems if Path(p.path).resolve() == target.resolve() and p.severity == "error"]
    if not mine and not result.skipped:
        print("Không có lỗi: tệp qua được kiểm tra.")
        return 0
    print(f"Cần xem lại ({len(mine)}):")
    for p in sorted_problems(mine):
        print("  " + p.format())
    return 1
