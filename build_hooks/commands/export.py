"""The ``export`` command: the Sở's report of a round as DOCX or PDF, ready to sign."""
from __future__ import annotations

import sys
from pathlib import Path

from build_hooks.settings import SUBMISSIONS_DIR


def cmd_export(args) -> int:
    """Write the Sở's report of a round (or its request, or its reminder) as DOCX or PDF, ready to sign."""
    from build_hooks.corpus.tree import load_corpus
    from build_hooks.publish.exports import export_bytes, file_name
    from build_hooks.publish.report_document import build_document
    from build_hooks.publish.round_letters import document_for
    from build_hooks.publish.round_letters import file_name as letter_file

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
    if args.document == "report":
        doc, default = build_document(corpus, args.year), file_name(args.year, args.format)
    else:  # the request that opened the round, or the reminder to the agencies that have not answered
        doc, default = document_for(corpus, args.year, args.document), letter_file(args.document, args.year,
                                                                                   args.format)
    data = export_bytes(doc, args.format, cache=None)
    target = Path(args.output or default)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    print(f"Đã ghi {target} ({len(data):,} byte).".replace(",", "."), file=sys.stderr)
    return 0


def register(sub) -> None:
    """Add this module's subcommand to the ``python -m build_hooks`` parser."""
    p = sub.add_parser("export", help="xuất báo cáo của Sở (DOCX hoặc PDF) theo Nghị định 30/2020",
                       description="Xuất báo cáo tổng hợp của Sở Công Thương gửi UBND tỉnh, sẵn sàng để ký.")
    p.add_argument("year", type=int, help="năm của đợt báo cáo")
    p.add_argument("--document", choices=("request", "reminder", "report"), default="report",
                   help="văn bản: request (công văn đề nghị báo cáo, kèm đề cương), reminder (công văn đôn đốc các "
                        "cơ quan chưa báo cáo) hoặc report (báo cáo của Sở, mặc định)")
    p.add_argument("--format", choices=("docx", "pdf"), default="docx", help="định dạng (mặc định docx)")
    p.add_argument("--output", "-o", help="tệp ghi ra (mặc định bao-cao-so-cong-thuong-<năm>.<định dạng>)")
    p.add_argument("--submissions", default=str(SUBMISSIONS_DIR), help="thư mục bài nộp (mặc định submissions/)")
    p.set_defaults(func=cmd_export)
