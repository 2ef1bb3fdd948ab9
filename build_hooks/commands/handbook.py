"""The ``handbook`` command: regenerate the handbook's rule table from the catalogue (``--check``: compare)."""
from __future__ import annotations

from build_hooks.commands.generated_file import write_or_compare
from build_hooks.dev.handbook_rules import CHECKING, with_rule_table


def cmd_handbook(args) -> int:
    """Rewrite the generated parts of handbook/checking.md (the table of rules); --check: exit 1 if they are stale."""
    return write_or_compare(CHECKING, with_rule_table(CHECKING.read_text(encoding="utf-8")), args.check)


def register(sub) -> None:
    """Add this module's subcommand to the ``python -m build_hooks`` parser."""
    h = sub.add_parser("handbook", help=cmd_handbook.__doc__)
    h.add_argument("--check", action="store_true", help="exit 1 if handbook/checking.md's generated parts are stale")
    h.set_defaults(func=cmd_handbook)
