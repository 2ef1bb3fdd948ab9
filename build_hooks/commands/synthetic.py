"""The ``synthetic`` command: write a labelled synthetic submissions tree for anyone to measure with."""
from __future__ import annotations

import sys
from pathlib import Path

from build_hooks.domain.model import REGISTRY_FILE


def cmd_synthetic(args) -> int:
    """Write a synthetic submissions tree (every round marked ``demo: true``) into DIR."""
    from build_hooks.dev.synthetic import recent_years, write_round

    root = Path(args.dir)
    if (root / REGISTRY_FILE).exists():  # the repository's submissions/ too; write_round also refuses it
        print(f"{root}: đã có dữ liệu; chọn một thư mục mới (dữ liệu minh họa không ghi đè dữ liệu thật).",
              file=sys.stderr)
        return 2
    years = recent_years(args.years)
    write_round(root, args.agencies, years=years, seed=args.agencies)
    print(f"Dữ liệu minh họa: {args.agencies} cơ quan × {len(years)} năm ({years[0]}–{years[-1]}) trong {root}",
          file=sys.stderr)
    print(f"Xem: REPORT_SUBMISSIONS={root} mkdocs serve --dirty", file=sys.stderr)
    return 0


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    s = sub.add_parser("synthetic", help="write a labelled synthetic submissions tree (for measuring)")
    s.add_argument("dir", help="new folder to write the tree into (never the repository's submissions/)")
    s.add_argument("--agencies", type=int, default=40)
    s.add_argument("--years", type=int, default=1, help="number of rounds, ending with the newest synthetic year")
    s.set_defaults(func=cmd_synthetic)
