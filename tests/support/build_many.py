"""``mkdocs build`` of many trees in one Python process: ``python -m support.build_many < builds.json``.

The malformed corpus builds fifty trees that each stop in ``on_config``; fifty processes spent most of
their time importing MkDocs, Material and the hooks. Here MkDocs' own command line (``mkdocs.__main__.cli``)
runs once per tree, with the tree's environment, and its log and its exit message are caught as a
terminal would show them. MkDocs loads the hooks anew for each build (and they reset their state in
``on_config``), so one build cannot leak into the next.
"""
from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import sys

import click
from mkdocs.__main__ import cli


def build(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """One ``mkdocs ARGS`` with ``env`` added to the environment: its exit code and its output."""
    saved = dict(os.environ)
    os.environ.update(env)
    out = io.StringIO()
    try:
        with contextlib.redirect_stderr(out), contextlib.redirect_stdout(out):
            try:
                cli.main(args, prog_name="mkdocs", standalone_mode=False)
                code = 0
            except click.ClickException as exc:
                out.write(f"{exc.format_message()}\n")
                code = exc.exit_code
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.environ.clear()
        os.environ.update(saved)
        for handler in list(logging.getLogger("mkdocs").handlers):  # one per invocation, bound to ``out``
            logging.getLogger("mkdocs").removeHandler(handler)
    return code, out.getvalue()


def main() -> None:
    """Read ``[[args, env], …]`` on stdin; write ``[[code, output], …]`` on stdout."""
    builds = json.load(sys.stdin)
    results = [build(args, env) for args, env in builds]
    sys.stdout.write(json.dumps(results))


if __name__ == "__main__":
    main()
