"""The ``snapshot`` and ``verify`` commands: archive a round for offline reading, and check an archive."""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from build_hooks.settings import ROOT


def cmd_snapshot(args) -> int:
    """Write archive/<year>/bao-cao-cong-nghiep-<year>-<date>.zip: the round's site for offline reading."""
    from build_hooks.publish.snapshot import (
        SnapshotError,
        checksum_path,
        sign_manifest,
        take_snapshot,
        write_checksum,
    )

    try:
        path = take_snapshot(args.year, Path(args.out), args.submissions, taken=args.date)
        digest = write_checksum(path)
        signature = sign_manifest(path, Path(args.sign)) if args.sign else None
    except SnapshotError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(path)
    print(f"SHA-256: {digest} (ghi trong {checksum_path(path).name}; trích số này trong công văn chuyển giao)",
          file=sys.stderr)
    if signature is not None:
        print(f"Chữ ký của manifest: {signature}", file=sys.stderr)
    return 0


EXIT_VERIFIED, EXIT_ALTERED, EXIT_UNPROVEN = 0, 1, 3
"""``verify``'s exit status: 0 consistent and its origin proven (the recorded ``.sha256`` matches, or the
manifest's signature is good); 1 altered, malformed or not matching; 3 consistent with its own manifest
but nothing proves where it came from (no ``.sha256`` beside it, no ``--key``): whoever changed a file
could have rewritten the manifest too. (2 stays argparse's: the command was called wrongly.)"""


def cmd_verify(args) -> int:
    """Check a snapshot zip against its manifest.json; name every file added, missing or changed.

    Exit 0: consistent and origin proven; 1: altered or malformed; 3: consistent, origin unproven.
    """
    from build_hooks.publish.snapshot import (
        SnapshotError,
        checksum_path,
        sha256_file,
        verify_signature,
        verify_zip,
    )

    path = Path(args.zip)
    try:
        result, manifest = verify_zip(path)
        digest = sha256_file(path)
        if args.key:
            verify_signature(path, Path(args.key), Path(args.sig) if args.sig else None)
    except (SnapshotError, OSError, ValueError, zipfile.BadZipFile) as exc:
        print(exc, file=sys.stderr)
        return EXIT_ALTERED
    for line in result.lines():
        print(line)
    print(f"SHA-256: {digest}", file=sys.stderr)
    recorded = checksum_path(path)
    checksum_ok = True
    if recorded.is_file():
        checksum_ok = recorded.read_text(encoding="ascii", errors="replace").split()[:1] == [digest]
        print(f"{recorded.name}: {'khớp' if checksum_ok else 'KHÔNG khớp'} với tệp zip.", file=sys.stderr)
    if args.key:
        print(f"Chữ ký của manifest hợp lệ với khóa {args.key}.", file=sys.stderr)
    verdict = "khớp với manifest" if result.ok else "KHÔNG khớp với manifest"
    print(f"{args.zip}: {verdict} (năm {manifest.get('year')}, commit {manifest.get('source_commit')}).",
          file=sys.stderr)
    if not (result.ok and checksum_ok):
        return EXIT_ALTERED
    if not recorded.is_file() and not args.key:
        print(f"CHƯA CHỨNG MINH ĐƯỢC NGUỒN GỐC: chỉ kiểm tra được các tệp khớp với manifest nằm trong chính tệp zip. "
              f"Không có tệp {recorded.name} bên cạnh và không có khóa công khai (--key), nên ai sửa tệp cũng có thể "
              "sửa cả manifest. Đặt tệp .sha256 đã lưu khi tạo bản lưu trữ cạnh tệp zip, hoặc chạy lại với "
              "--key <khóa-công-khai-của-Sở>.", file=sys.stderr)
        return EXIT_UNPROVEN
    return EXIT_VERIFIED


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    s = sub.add_parser("snapshot", help=cmd_snapshot.__doc__)
    s.add_argument("year", type=int)
    s.add_argument("--out", default=str(ROOT / "archive"), help="folder for the zip (default: archive/)")
    s.add_argument("--submissions", help="the submissions folder (default: submissions/)")
    s.add_argument("--date", help="date the snapshot stands for, yyyy-mm-dd (default: the source commit's date)")
    s.add_argument("--sign", metavar="KEY", help="OpenSSH private key: sign the manifest (<zip>.manifest.sig)")
    s.set_defaults(func=cmd_snapshot)
    v = sub.add_parser("verify", help=cmd_verify.__doc__)
    v.add_argument("zip")
    v.add_argument("--key", metavar="PUB", help="OpenSSH public key: check the manifest's signature")
    v.add_argument("--sig", help="signature file (default: <zip>.manifest.sig)")
    v.set_defaults(func=cmd_verify)
