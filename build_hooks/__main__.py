"""Command line: ``python -m build_hooks COMMAND``.

Each command lives in ``build_hooks/commands/<name>.py``; it parses its own
arguments (``register``) and calls the core. Exit codes are 0 when clean, 1
when the data has errors, 2 on bad usage.
"""
from __future__ import annotations

import argparse
import sys

from build_hooks.commands import (
    benchmark,
    check,
    codeowners,
    demo,
    draft,
    export,
    guard,
    handbook,
    import_letter,
    lock_check,
    new,
    schema,
    snapshot,
    synthetic,
)

COMMANDS = (check, new, import_letter, draft, codeowners, guard, lock_check, schema, handbook, snapshot, export,
            demo, synthetic, benchmark)
"""Command modules in the order ``--help`` lists them."""


def parser() -> argparse.ArgumentParser:
    """The whole command line, assembled from each command module's ``register``."""
    p = argparse.ArgumentParser(prog="python -m build_hooks", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code."""
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
