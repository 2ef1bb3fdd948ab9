"""Command line: ``python -m build_hooks COMMAND``.

Each command only parses its arguments and calls the core; exit codes are
0 when clean, 1 when the data has errors, 2 on bad usage.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from .corpus import load_corpus
from .problems import has_errors

ROOT = Path(__file__).resolve().parent.parent


def cmd_check(args) -> int:
    """Validate the registry, rounds and submissions without building the site."""
    source = Path(args.submissions)
    only = {Path(p).resolve() for p in args.paths} or None
    _corpus, problems = load_corpus(source, base=Path.cwd(), only=only)
    for problem in problems:
        print(problem.format())
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    print(f"{errors} lỗi, {warnings} cảnh báo.", file=sys.stderr)
    return 1 if has_errors(problems) else 0


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
    c.set_defaults(func=cmd_check)
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
