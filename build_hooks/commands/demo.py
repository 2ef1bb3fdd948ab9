"""The ``demo`` command: build or serve a site from a clearly labelled synthetic round."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from build_hooks.settings import QUIET_MKDOCS_ENV, ROOT, SUBMISSIONS_ENV


def cmd_demo(args) -> int:
    """Build (or serve) a clearly labelled demo site from a synthetic round."""
    from build_hooks.dev.synthetic import write_round

    work = Path(args.out or tempfile.mkdtemp(prefix="demo-"))
    write_round(work / "submissions", args.agencies, years=tuple(args.years))
    env = dict(os.environ, **QUIET_MKDOCS_ENV, **{SUBMISSIONS_ENV: str(work / "submissions")})
    verb = ["serve", "--dirty"] if args.serve else ["build", "--strict", "-d", str(work / "site")]
    print(f"Dữ liệu minh họa: {work / 'submissions'}", file=sys.stderr)
    return subprocess.call([sys.executable, "-m", "mkdocs", *verb, "-f", str(ROOT / "mkdocs.yml")], env=env)


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    d = sub.add_parser("demo", help=cmd_demo.__doc__)
    d.add_argument("--agencies", type=int, default=40)
    d.add_argument("--years", type=int, nargs="+", default=[2023])
    d.add_argument("--out", help="folder for the synthetic data and site (default: a temporary folder)")
    d.add_argument("--serve", action="store_true", help="serve instead of building")
    d.set_defaults(func=cmd_demo)
