"""The ``import`` command: a letter received as Word, PDF or text, written in the submission format.

It writes ``submissions/<year>/<agency>.md``, checks the result as ``check --strict``
would, and prints what it recognised and every line that still needs a hand.
Exit 0: clean; 1: written but needs edits; 2: the input cannot be read (or bad usage).
"""
from __future__ import annotations

import datetime
import sys
import time
from pathlib import Path

from build_hooks.settings import SUBMISSIONS_DIR


def _pick_year(args, corpus, frame_date: str) -> int | None:
    if args.year:
        return args.year
    year = int(frame_date[-4:]) if frame_date[-4:].isdigit() else None
    if year is not None and corpus.round(year) is not None:
        return year
    return corpus.rounds[0].year if corpus.rounds else year


def _shown(path: Path) -> str:
    """The path as the checker prints it (relative to the current folder when inside it)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _sections(corpus, agency: str, year: int) -> list[str]:
    """Outline sections the written file maps its headings to (empty when it could not be loaded)."""
    subs = corpus.submissions.get(year, ()) if corpus is not None else ()
    return next(([p.section_id for p in s.parts if p.heading is not None] for s in subs if s.agency == agency), [])


def _check(target: Path, submissions: Path, agency: str, year: int, today) -> tuple[list, list[str]]:
    """The checker's problems with the written file, as ``check --strict`` reports them.

    A file written elsewhere (``--output``) is checked in a copy of the registry and round, and
    its problems are reported at the written path."""
    import dataclasses
    import shutil
    import tempfile

    from build_hooks.corpus.tree import load_corpus
    from build_hooks.domain.model import REGISTRY_FILE, ROUND_FILE

    if target.resolve().is_relative_to(submissions.resolve()):
        corpus, problems = load_corpus(submissions, base=Path.cwd(), only={target.resolve()}, today=today)
        return [p for p in problems if Path(p.path).resolve() == target.resolve()], _sections(corpus, agency, year)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp)
        (tree / str(year)).mkdir()
        shutil.copy(submissions / REGISTRY_FILE, tree / REGISTRY_FILE)
        if (submissions / str(year) / ROUND_FILE).is_file():
            shutil.copy(submissions / str(year) / ROUND_FILE, tree / str(year) / ROUND_FILE)
        copy = tree / str(year) / f"{agency}.md"
        shutil.copy(target, copy)
        corpus, problems = load_corpus(tree, base=tree, only={copy.resolve()}, today=today)
        return ([dataclasses.replace(p, path=_shown(target)) for p in problems
                 if Path(tree / p.path).resolve() == copy.resolve()], _sections(corpus, agency, year))


def _summary(imported, fmt: str, seconds: float, sections: list[str]) -> list[str]:
    f = imported.frame
    signer = " / ".join([*f.authorities, f.title, f.name]) if f.name else "—"
    headings = ", ".join(imported.body.sections)
    shown_sections = (", ".join(sections) + f" (tiêu đề {headings})") if sections else (
        f"tiêu đề {headings} chưa khớp đề cương" if headings else "không có tiêu đề đánh số")
    cov = imported.coverage
    shown_seconds = f"{seconds:.2f}".replace(".", ",")
    lines = [f"Định dạng: {fmt}; thời gian: {shown_seconds} s",
             f"Loại văn bản: {f.kind}", f"Số: {f.number or '—'}", f"Ngày: {f.date or '—'}",
             f"Trích yếu: {f.subject or '—'}", f"Kính gửi: {'; '.join(f.recipients) or '—'}",
             f"Người ký: {signer}", f"Nơi nhận: {len(f.cc)} dòng" + (f" ({'; '.join(f.cc)})" if f.cc else ""),
             f"Các mục: {shown_sections}", f"Nội dung: {cov.found}/{cov.total} đoạn"]
    if imported.trailing:
        lines.append(f"Sau chữ ký: {imported.trailing} đoạn không nhập (xem cảnh báo import-trailing)")
    return lines


def cmd_import(args) -> int:
    """Import a .docx, text-layer .pdf or .txt letter into submissions/<year>/<agency>.md."""
    if args.report is not None:  # the Sở's own report, back from Word
        from build_hooks.commands.import_report import cmd_import_report
        return cmd_import_report(args)
    if not args.agency:
        print("import: ghi --agency (mã cơ quan) hoặc --report NĂM (báo cáo của Sở).", file=sys.stderr)
        return 2
    from build_hooks.corpus.tree import load_corpus
    from build_hooks.domain.problems import sorted_problems
    from build_hooks.importer.convert import (
        FORMATS,
        convert,
        read_document,
    )
    from build_hooks.importer.document import UnreadableInput
    from build_hooks.importer.frame import read_frame
    from build_hooks.load.reader import did_you_mean

    source = Path(args.path)
    if not source.is_file():
        print(f"import: không có tệp '{source}'.", file=sys.stderr)
        return 2
    submissions = Path(args.submissions)
    corpus, _problems = load_corpus(submissions, base=Path.cwd())
    if corpus is None or corpus.registry.get(args.agency) is None:
        hint = did_you_mean(args.agency, corpus.registry.ids()) if corpus else ""
        print(f"import: '{args.agency}' không phải mã cơ quan trong danh mục. {hint}".rstrip(), file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        doc = read_document(source, str(source))
    except UnreadableInput as exc:
        print(f"import: {exc}", file=sys.stderr)
        return 2
    year = _pick_year(args, corpus, read_frame(doc).date)
    if year is None:
        print("import: không biết năm báo cáo; ghi --year.", file=sys.stderr)
        return 2
    target = Path(args.output) if args.output else submissions / str(year) / f"{args.agency}.md"
    imported = convert(doc, args.agency, year, _shown(target))
    seconds = time.perf_counter() - started
    if target.exists() and not args.force:
        print(f"import: {target} đã có; không ghi đè (dùng --force nếu thật sự muốn).", file=sys.stderr)
        return 2
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(imported.text, encoding="utf-8")
    today = datetime.date.fromisoformat(args.today) if args.today else None
    checked, sections = _check(target, submissions, args.agency, year, today)
    print(f"Đã nhập {source} → {_shown(target)}")
    for line in _summary(imported, FORMATS.get(source.suffix.lower(), source.suffix), seconds, sections):
        print("  " + line)
    todo = sorted_problems(list(imported.findings) + checked)
    if not todo:
        print("Không còn gì cần sửa: tệp qua được check --strict.")
        return 0
    print(f"Cần xem lại ({len(todo)}):")
    for p in todo:
        print("  " + p.format())
    return 1


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    c = sub.add_parser("import", help=cmd_import.__doc__)
    c.add_argument("path", help="the letter: .docx, .pdf with a text layer, or .txt")
    c.add_argument("--agency", help="agency id from submissions/agencies.yml")
    c.add_argument("--report", type=int, metavar="YEAR",
                   help="an edited export of the Sở's report, back into submissions/YEAR/_bao-cao-so-cong-thuong.md")
    c.add_argument("--year", type=int, help="round (default: the letter's year if it has a round, else the newest)")
    c.add_argument("--output", help="write here instead of submissions/<year>/<agency>.md")
    c.add_argument("--force", action="store_true", help="overwrite an existing file")
    c.add_argument("--submissions", default=str(SUBMISSIONS_DIR), help="the submissions folder")
    c.add_argument("--today", help="build date yyyy-mm-dd for the date rules (default: today)")
    c.set_defaults(func=cmd_import)
