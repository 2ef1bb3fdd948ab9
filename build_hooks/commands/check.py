"""The ``check`` command: validate submissions without building, in text, GitHub or JSON form."""
from __future__ import annotations

import datetime
import sys
from pathlib import Path

from build_hooks.corpus.tree import load_corpus
from build_hooks.settings import SUBMISSIONS_DIR


def cmd_check(args) -> int:
    """Validate the registry, rounds and submissions without building the site."""
    from build_hooks.commands.formats import render
    from build_hooks.rules.fixes import fix_nfc

    source = Path(args.submissions).resolve()
    paths = [Path(p).resolve() for p in args.paths]
    for path in paths:
        if not path.is_file() or not path.is_relative_to(source):
            print(f"check: '{path}' không phải tệp trong thư mục bài nộp {source}.", file=sys.stderr)
            return 2
    try:
        today = datetime.date.fromisoformat(args.today) if args.today else None
    except ValueError:
        print(f"check: --today '{args.today}' không phải ngày yyyy-mm-dd.", file=sys.stderr)
        return 2
    if args.fix:
        for path in paths or sorted(source.glob("*/*.md")):
            if fix_nfc(path):
                print(f"Đã chuẩn hóa Unicode (NFC) và ký tự của Word ở tiêu đề: {path}", file=sys.stderr)
    corpus, problems = load_corpus(source, base=Path.cwd(), only=set(paths) or None, today=today)
    sys.stdout.write(render(problems, args.format))
    _print_signatures(corpus)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    print(f"{errors} lỗi, {warnings} cảnh báo.", file=sys.stderr)
    return 1 if errors or (warnings and args.strict) else 0


def _print_signatures(corpus) -> None:
    """Each kept original's PAdES signatures (signer, signing time, integrity, trust), on stderr."""
    from build_hooks.corpus.signatures import describe

    for year, subs in sorted((corpus.submissions if corpus is not None else {}).items()):
        for sub in subs:
            if sub.original is not None and sub.original.signatures:
                print(f"Chữ ký số trong bản gốc {year}/originals/{sub.original.name}:", file=sys.stderr)
                for signature in sub.original.signatures:
                    print(f"  - {describe(signature)}", file=sys.stderr)


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    c = sub.add_parser("check", help=cmd_check.__doc__)
    c.add_argument("paths", nargs="*", help="submission files to check (default: all)")
    c.add_argument("--submissions", default=str(SUBMISSIONS_DIR), help="the submissions folder")
    c.add_argument("--format", choices=("text", "github", "json"), default="text",
                   help="text: path:line:col lines; github: Actions annotations; json: for tools")
    c.add_argument("--fix", action="store_true", help="normalise the given files (default: all) to Unicode NFC first")
    c.add_argument("--strict", action="store_true", help="exit 1 on warnings too (as mkdocs build --strict)")
    c.add_argument("--today", help="build date yyyy-mm-dd for the date rules (default: today)")
    c.set_defaults(func=cmd_check)
