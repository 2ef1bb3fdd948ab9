"""The ``readme`` command: regenerate the README's rule table from the catalogue (``--check``: compare)."""
from __future__ import annotations

from build_hooks.commands.generated_file import write_or_compare
from build_hooks.dev.readme_rules import with_rule_table
from build_hooks.settings import ROOT


def cmd_readme(args) -> int:
    """Rewrite the generated parts of README.md (the table of rules); --check: exit 1 if they are stale."""
    path = ROOT / "README.md"
    return write_or_compare(path, with_rule_table(path.read_text(encoding="utf-8")), args.check)


def register(sub) -> None:
    """Add this module's subcommand to the ``python -m build_hooks`` parser."""
    r = sub.add_parser("readme", help=cmd_readme.__doc__)
    r.add_argument("--check", action="store_true", help="exit 1 if README.md's generated parts are stale")
    r.set_defaults(func=cmd_readme)
