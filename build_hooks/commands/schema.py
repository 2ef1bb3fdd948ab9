"""The ``schema`` command: print, write or compare the front-matter's JSON Schema."""
from __future__ import annotations

import sys

from build_hooks.commands.generated_file import write_or_compare
from build_hooks.settings import ROOT


def cmd_schema(args) -> int:
    """Print the JSON Schema of the front-matter (--write: update the repository's copy; --check: compare)."""
    from build_hooks.publish.json_schema import PATH, render_schema_text

    text = render_schema_text()
    if not (args.write or args.check):
        sys.stdout.write(text)
        return 0
    return write_or_compare(ROOT / PATH, text, args.check)


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    j = sub.add_parser("schema", help=cmd_schema.__doc__)
    j.add_argument("--write", action="store_true", help="update the repository's copy")
    j.add_argument("--check", action="store_true", help="exit 1 if the repository's copy differs")
    j.set_defaults(func=cmd_schema)
