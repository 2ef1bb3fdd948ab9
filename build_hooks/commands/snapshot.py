"""The ``snapshot`` and ``verify`` commands: archive a round for offline reading, and check an archive."""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from build_hooks.settings import ROOT


def cmd_snapshot(args) -> int:
    """Write archive/<year>/bao-cao-cong-nghiep-<year>-<date>.zip: the round's site for offline reading."""
    from build_hooks.publish.snapshot import SnapshotError, take_snapshot

    try:
        path = take_snapshot(args.year, Path(args.out), args.submissions, taken=args.date)
    except SnapshotError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(path)
    return 0


def cmd_verify(args) -> int:
    """Check a snapshot zip against its manifest.json; name every file added, missing or changed."""
    from build_hooks.publish.snapshot import SnapshotError, verify_zip

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


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    s = sub.add_parser("snapshot", help=cmd_snapshot.__doc__)
    s.add_argument("year", type=int)
    s.add_argument("--out", default=str(ROOT / "archive"), help="folder for the zip (default: archive/)")
    s.add_argument("--submissions", help="the submissions folder (default: submissions/)")
    s.add_argument("--date", help="date the snapshot stands for, yyyy-mm-dd (default: the source commit's date)")
    s.set_defaults(func=cmd_snapshot)
    v = sub.add_parser("verify", help=cmd_verify.__doc__)
    v.add_argument("zip")
    v.set_defaults(func=cmd_verify)
