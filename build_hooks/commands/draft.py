"""The ``draft`` command: the first draft of the Sở's own report of a round (``render.draft``)."""
from __future__ import annotations

import sys
from pathlib import Path

from build_hooks.corpus.tree import load_corpus
from build_hooks.domain.model import REPORT_FILE
from build_hooks.domain.problems import has_errors
from build_hooks.render.draft import changes_since, draft_report, read_sources
from build_hooks.settings import SUBMISSIONS_DIR


def cmd_draft(args) -> int:
    """Write the first draft of the Sở's report of a round, from the agencies' letters."""
    source = Path(args.submissions)
    corpus, problems = load_corpus(source, base=Path.cwd())
    if corpus is None or has_errors(problems):
        print("draft: dữ liệu còn lỗi; chạy 'python -m build_hooks check' để xem và sửa trước.", file=sys.stderr)
        return 1
    rnd = corpus.round(args.year)
    if rnd is None:
        print(f"draft: chưa có đợt báo cáo năm {args.year} (submissions/{args.year}/round.yml).", file=sys.stderr)
        return 2
    subs = corpus.submissions.get(rnd.year, ())
    target = Path(args.output) if args.output else source / str(rnd.year) / REPORT_FILE
    if target.exists() and not args.force:
        print(f"draft: {target} đã có; không ghi đè văn bản Sở đang soạn (dùng --force nếu thật sự muốn).",
              file=sys.stderr)
        _say_changes(target, subs, corpus.registry)
        return 1
    target.write_text(draft_report(rnd, subs, corpus.registry), encoding="utf-8")
    print(f"Đã soạn dự thảo {target} từ {len(subs)} văn bản của các cơ quan.", file=sys.stderr)
    return 0


def _say_changes(target: Path, subs, registry) -> None:
    """What changed in the letters since the existing draft was made."""
    sources = read_sources(target.read_text(encoding="utf-8"))
    if not sources:
        print("  Tệp không ghi các văn bản đã dùng để soạn, nên không so sánh được.", file=sys.stderr)
        return
    changes = changes_since(sources, subs)
    labels = {"added": "Văn bản mới từ khi soạn", "changed": "Văn bản đã sửa từ khi soạn",
              "removed": "Văn bản không còn"}
    if not any(changes.values()):
        print("  Văn bản của các cơ quan không thay đổi từ khi soạn dự thảo.", file=sys.stderr)
    for key, ids in changes.items():
        if ids:
            names = ", ".join(registry.get(i).name if registry.get(i) else i for i in ids)
            print(f"  {labels[key]}: {names}.", file=sys.stderr)


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    d = sub.add_parser("draft", help=cmd_draft.__doc__)
    d.add_argument("year", type=int, help="the round")
    d.add_argument("--submissions", default=str(SUBMISSIONS_DIR))
    d.add_argument("--output", "-o", help=f"write elsewhere (default submissions/<year>/{REPORT_FILE})")
    d.add_argument("--force", action="store_true", help="overwrite the existing report")
    d.set_defaults(func=cmd_draft)
