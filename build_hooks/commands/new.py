"""The ``new`` command: write the skeleton of an agency's letter for a round."""
from __future__ import annotations

import sys
from pathlib import Path

from build_hooks.corpus.tree import load_corpus
from build_hooks.settings import SUBMISSIONS_DIR


def cmd_new(args) -> int:
    """Write the skeleton of a submission for an agency and round."""
    from build_hooks.load.reader import did_you_mean
    from build_hooks.render.skeleton import skeleton

    source = Path(args.submissions)
    corpus, problems = load_corpus(source, base=Path.cwd())
    if corpus is None or not corpus.rounds:
        print("new: không đọc được danh mục cơ quan hoặc đợt báo cáo; chạy 'check' để xem lỗi.", file=sys.stderr)
        return 1
    agency = corpus.registry.get(args.agency)
    if agency is None:
        hint = did_you_mean(args.agency, corpus.registry.ids())
        print(f"new: '{args.agency}' không phải mã cơ quan trong danh mục. {hint}".rstrip(), file=sys.stderr)
        return 2
    rnd = corpus.round(args.year) if args.year else corpus.rounds[0]
    if rnd is None:
        print(f"new: chưa có đợt báo cáo năm {args.year} (thư mục submissions/{args.year}/round.yml).", file=sys.stderr)
        return 2
    if args.format == "docx":
        return _write_docx(agency, rnd, Path(args.output) if args.output else Path(f"{agency.id}-{rnd.year}.docx"),
                           args.force)
    text = skeleton(agency, rnd)
    if args.stdout:
        sys.stdout.write(text)
        return 0
    target = Path(args.output) if args.output else source / str(rnd.year) / f"{agency.id}.md"
    if target.exists() and not args.force:
        print(f"new: {target} đã có; không ghi đè (dùng --force nếu thật sự muốn).", file=sys.stderr)
        return 1
    target.write_text(text, encoding="utf-8")
    if agency.id not in rnd.expected:
        print(f"Lưu ý: {agency.id} không có trong danh sách cơ quan được đề nghị báo cáo năm {rnd.year}.",
              file=sys.stderr)
    print(f"Đã tạo {target}", file=sys.stderr)
    return 0


def _write_docx(agency, rnd, target: Path, force: bool) -> int:
    """The Word skeleton (``publish/skeleton_docx.py``), for an agency that writes in Word and sends the file."""
    from build_hooks.publish.skeleton_docx import skeleton_docx

    if target.exists() and not force:
        print(f"new: {target} đã có; không ghi đè (dùng --force nếu thật sự muốn).", file=sys.stderr)
        return 1
    target.write_bytes(skeleton_docx(agency, rnd))
    print(f"Đã tạo {target}: mẫu Word cho {agency.name}, năm {rnd.year}. Điền nội dung dưới từng mục, số, ngày, "
          "người ký; gửi lại tệp .docx để nhập bằng lệnh import.", file=sys.stderr)
    return 0


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    n = sub.add_parser("new", help=cmd_new.__doc__)
    n.add_argument("agency", help="agency id from submissions/agencies.yml")
    n.add_argument("--year", type=int, help="round (default: the newest)")
    n.add_argument("--submissions", default=str(SUBMISSIONS_DIR))
    n.add_argument("--stdout", action="store_true", help="print instead of writing the file")
    n.add_argument("--format", choices=("md", "docx"), default="md",
                   help="md: the submission file; docx: a Word skeleton to fill in and send back (default md)")
    n.add_argument("--output", help="write here (default: submissions/<year>/<agency>.md, or <agency>-<year>.docx "
                   "in the current folder)")
    n.add_argument("--force", action="store_true", help="overwrite an existing file")
    n.set_defaults(func=cmd_new)
