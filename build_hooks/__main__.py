"""Command line: ``python -m build_hooks COMMAND``.

Each command only parses its arguments and calls the core; exit codes are
0 when clean, 1 when the data has errors, 2 on bad usage.
"""
from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from .corpus import load_corpus


ROOT = Path(__file__).resolve().parent.parent


def cmd_check(args) -> int:
    """Validate the registry, rounds and submissions without building the site."""
    from .fixes import fix_nfc
    from .output import render

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
                print(f"Đã chuẩn hóa Unicode (NFC): {path}", file=sys.stderr)
    _corpus, problems = load_corpus(source, base=Path.cwd(), only=set(paths) or None, today=today)
    sys.stdout.write(render(problems, args.format))
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    print(f"{errors} lỗi, {warnings} cảnh báo.", file=sys.stderr)
    return 1 if errors or (warnings and args.strict) else 0


def cmd_new(args) -> int:
    """Write the skeleton of a submission for an agency and round."""
    from .checks import did_you_mean
    from .scaffold import skeleton

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
    text = skeleton(agency, rnd)
    if args.stdout:
        sys.stdout.write(text)
        return 0
    target = source / str(rnd.year) / f"{agency.id}.md"
    if target.exists() and not args.force:
        print(f"new: {target} đã có; không ghi đè (dùng --force nếu thật sự muốn).", file=sys.stderr)
        return 1
    target.write_text(text, encoding="utf-8")
    if agency.id not in rnd.expected:
        print(f"Lưu ý: {agency.id} không có trong danh sách cơ quan được đề nghị báo cáo năm {rnd.year}.",
              file=sys.stderr)
    print(f"Đã tạo {target}", file=sys.stderr)
    return 0


def cmd_codeowners(args) -> int:
    """Write .github/CODEOWNERS from the registry (--check: only compare)."""
    from .codeowners import PATH, render_codeowners
    from .registry import parse_registry

    registry_path = Path(args.submissions) / "agencies.yml"
    registry, problems = parse_registry(registry_path.read_text(encoding="utf-8"), str(registry_path))
    if any(p.is_error for p in problems):
        sys.stdout.write("".join(p.format() + "\n" for p in problems))
        return 1
    return _write_or_compare(ROOT / PATH, render_codeowners(registry), args.check)


def cmd_schema(args) -> int:
    """Print the JSON Schema of the front-matter (--write: update the repository's copy; --check: compare)."""
    from .jsonschema_export import PATH, render_schema_text

    text = render_schema_text()
    if not (args.write or args.check):
        sys.stdout.write(text)
        return 0
    return _write_or_compare(ROOT / PATH, text, args.check)


def _write_or_compare(path: Path, text: str, check: bool) -> int:
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if check:
        if current != text:
            print(f"{path.relative_to(ROOT)} khác với bản được tạo; chạy lại lệnh không có --check.", file=sys.stderr)
            return 1
        return 0
    if current != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"Đã ghi {path.relative_to(ROOT)}", file=sys.stderr)
    return 0


def cmd_guard(args) -> int:
    """Fail when a pull request mixes agencies, or a submission with anything else."""
    from .guard import changed_files, judge

    try:
        paths = args.files if args.files is not None else changed_files(args.base, cwd=ROOT)
    except subprocess.CalledProcessError as exc:
        print(f"guard: không so sánh được với '{args.base}': {exc.stderr.strip()}", file=sys.stderr)
        return 2
    verdict = judge(paths)
    for path in paths:
        print(f"  {path}", file=sys.stderr)
    for message in verdict.messages:
        print(f"::error title=guard::{message}" if args.format == "github" else f"guard: error: {message}")
    if verdict.ok:
        agencies = ", ".join(verdict.submissions) or "không có bài nộp"
        print(f"guard: {len(paths)} tệp thay đổi ({agencies}); hợp lệ.", file=sys.stderr)
    return 0 if verdict.ok else 1


def cmd_benchmark_check(args) -> int:
    """Time `check` over synthetic submissions: files per second and peak memory."""
    from .benchmark_check import run

    return run(args.files, args.repeat)


def cmd_demo(args) -> int:
    """Build (or serve) a clearly labelled demo site from a synthetic round."""
    from .synthetic import write_round

    work = Path(args.out or tempfile.mkdtemp(prefix="demo-"))
    write_round(work / "submissions", args.agencies, years=tuple(args.years))
    env = dict(os.environ, REPORT_SUBMISSIONS=str(work / "submissions"), NO_MKDOCS_2_WARNING="1")
    verb = ["serve"] if args.serve else ["build", "--strict", "-d", str(work / "site")]
    print(f"Dữ liệu minh họa: {work / 'submissions'}", file=sys.stderr)
    return subprocess.call([sys.executable, "-m", "mkdocs", *verb, "-f", str(ROOT / "mkdocs.yml")], env=env)


def cmd_snapshot(args) -> int:
    """Write archive/<year>/bao-cao-cong-nghiep-<year>-<date>.zip: the round's site for offline reading."""
    from .snapshot import SnapshotError, take_snapshot

    try:
        path = take_snapshot(args.year, Path(args.out), args.submissions, taken=args.date)
    except SnapshotError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(path)
    return 0


def cmd_verify(args) -> int:
    """Check a snapshot zip against its manifest.json; name every file added, missing or changed."""
    from .snapshot import SnapshotError, verify_zip

    try:
        result, manifest = verify_zip(Path(args.zip))
    except (SnapshotError, OSError, ValueError, zipfile.BadZipFile) as exc:
        print(exc, file=sys.stderr)
        return 1
    for line in result.lines():
        print(line)
    verdict = "khớp với manifest" if result.ok else "KHÔNG khớp với manifest"
    print(f"{args.zip}: {verdict} (năm {manifest.get('year')}, commit {manifest.get('source_commit')}).",
          file=sys.stderr)
    return 0 if result.ok else 1


def cmd_benchmark(args) -> int:
    from .benchmark import run

    return run(args.agencies, args.years, args.plain)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m build_hooks", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help=cmd_check.__doc__)
    c.add_argument("paths", nargs="*", help="submission files to check (default: all)")
    c.add_argument("--submissions", default=str(ROOT / "submissions"), help="the submissions folder")
    c.add_argument("--format", choices=("text", "github", "json"), default="text",
                   help="text: path:line:col lines; github: Actions annotations; json: for tools")
    c.add_argument("--fix", action="store_true", help="normalise the given files (default: all) to Unicode NFC first")
    c.add_argument("--strict", action="store_true", help="exit 1 on warnings too (as mkdocs build --strict)")
    c.add_argument("--today", help="build date yyyy-mm-dd for the date rules (default: today)")
    c.set_defaults(func=cmd_check)
    n = sub.add_parser("new", help=cmd_new.__doc__)
    n.add_argument("agency", help="agency id from submissions/agencies.yml")
    n.add_argument("--year", type=int, help="round (default: the newest)")
    n.add_argument("--submissions", default=str(ROOT / "submissions"))
    n.add_argument("--stdout", action="store_true", help="print instead of writing the file")
    n.add_argument("--force", action="store_true", help="overwrite an existing file")
    n.set_defaults(func=cmd_new)
    o = sub.add_parser("codeowners", help=cmd_codeowners.__doc__)
    o.add_argument("--submissions", default=str(ROOT / "submissions"))
    o.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    o.set_defaults(func=cmd_codeowners)
    g = sub.add_parser("guard", help=cmd_guard.__doc__)
    g.add_argument("--base", default="origin/main", help="the branch the pull request targets")
    g.add_argument("--files", nargs="*", help="judge these paths instead of asking git")
    g.add_argument("--format", choices=("text", "github"), default="text")
    g.set_defaults(func=cmd_guard)
    j = sub.add_parser("schema", help=cmd_schema.__doc__)
    j.add_argument("--write", action="store_true", help="update the repository's copy")
    j.add_argument("--check", action="store_true", help="exit 1 if the repository's copy differs")
    j.set_defaults(func=cmd_schema)
    bc = sub.add_parser("benchmark-check", help=cmd_benchmark_check.__doc__)
    bc.add_argument("--files", type=int, default=1000, help="number of synthetic submissions")
    bc.add_argument("--repeat", type=int, default=3)
    bc.set_defaults(func=cmd_benchmark_check)
    d = sub.add_parser("demo", help=cmd_demo.__doc__)
    d.add_argument("--agencies", type=int, default=40)
    d.add_argument("--years", type=int, nargs="+", default=[2023])
    d.add_argument("--out", help="folder for the synthetic data and site (default: a temporary folder)")
    d.add_argument("--serve", action="store_true", help="serve instead of building")
    d.set_defaults(func=cmd_demo)
    s = sub.add_parser("snapshot", help=cmd_snapshot.__doc__)
    s.add_argument("year", type=int)
    s.add_argument("--out", default=str(ROOT / "archive"), help="folder for the zip (default: archive/)")
    s.add_argument("--submissions", help="the submissions folder (default: submissions/)")
    s.add_argument("--date", help="date the snapshot stands for, yyyy-mm-dd (default: the source commit's date)")
    s.set_defaults(func=cmd_snapshot)
    v = sub.add_parser("verify", help=cmd_verify.__doc__)
    v.add_argument("zip")
    v.set_defaults(func=cmd_verify)
    b = sub.add_parser("benchmark", help="time and memory of site builds on synthetic rounds")
    b.add_argument("--agencies", type=int, nargs="+", default=[40, 2000])
    b.add_argument("--years", type=int, default=1)
    b.add_argument("--plain", action="store_true", help="also build the same number of ordinary pages")
    b.set_defaults(func=cmd_benchmark)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
