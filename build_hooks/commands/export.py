"""The ``export`` command: the Sở's report of a round as DOCX or PDF, ready to sign."""
from __future__ import annotations

import sys
from pathlib import Path

from build_hooks.settings import SUBMISSIONS_DIR


def cmd_export(args) -> int:
    """Write the Sở's report of a round as DOCX or PDF, ready to sign."""
    from build_hooks.corpus.tree import load_corpus
    from build_hooks.publish.exports import export_bytes, file_name
    from build_hooks.publish.report_document import build_document

    corpus, problems = load_corpus(Path(args.submissions), base=Path.cwd())
    errors = [p for p in problems if p.is_error]
    for problem in errors:
        print(problem.format(), file=sys.stderr)
    if corpus is None or errors:
        print(f"{len(errors)} lỗi trong dữ liệu báo cáo; không xuất văn bản.", file=sys.stderr)
        return 1
    if corpus.round(args.year) is None:
        print(f"Không có đợt báo cáo năm {args.year} trong {args.submissions}.", file=sys.stderr)
        return 2
    data = export_bytes(build_document(corpus, args.year), args.format, cache=None)
    target = Path(args.output or file_name(args.year, args.format))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    print(f"Đã ghi {target} ({len(data):,} byte).".replace(",", "."), file=sys.stderr)
    return 0


def register(sub) -> None:
    """Add this module's subcommand to the ``python -m build_hooks`` parser."""
    p = sub.add_parser("export", help="xuất báo cáo của Sở (DOCX hoặc PDF) theo Nghị định 30/2020",
                       description="Xuất báo cáo tổng hợp của Sở Công Thương gửi UBND tỉnh, sẵn sàng để ký.")
    p.add_argument("year", type=int, help="năm của đợt báo cáo")
    p.add_argument("--format", choices=("docx", "pdf"), default="docx", help="định dạng (mặc định docx)")
    p.add_argument("--output", "-o", help="tệp ghi ra (mặc định bao-cao-so-cong-thuong-<năm>.<định dạng>)")
    p.add_argument("--submissions", default=str(SUBMISSIONS_DIR), help="thư mục bài nộp (mặc định submissions/)")
    p.set_defaults(func=cmd_export)
