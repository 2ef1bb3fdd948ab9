"""``lock-check``: a lock file may name only packages from the index, each pinned and hash-checked.

A pull request carries its own ``requirements.lock``. pip would install from it whatever it names:
a local wheel (``./x.whl``, ``file:…``), a direct URL, another index, an editable checkout. A wheel
can hold a ``.pth`` file, which runs inside every later Python process of that interpreter. So the
workflow never installs a pull request's lock before the guard has judged it (the guard runs on an
interpreter set up from the base branch's lock), and after that only once this check, taken from the
base branch, has passed: every requirement is ``name==version`` with ``--hash=sha256:…`` and nothing
else, no option line, no path, no URL.

Standard library only, so it can run with ``python -I`` before anything is installed.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

REQUIREMENT = re.compile(
    r"(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)==(?P<version>[A-Za-z0-9._+!-]+)"
    r"(?:\s*;\s*(?P<marker>[A-Za-z0-9_.'\"<>=!~() ]+?))?"
    r"(?P<hashes>(?:\s+--hash=sha256:[0-9a-f]{64})+)")
"""One requirement as ``pip-compile --generate-hashes`` writes it (the continuation lines joined)."""


def logical_lines(text: str) -> list[tuple[int, str]]:
    """``(first line number, text)`` of each requirement, with backslash continuations joined and
    comments dropped, as pip reads the file."""
    lines, current, first = [], "", 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = re.sub(r"(^|\s)#.*$", "", raw).rstrip()
        if not current:
            first = number
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        current += line
        if current.strip():
            lines.append((first, current.strip()))
        current = ""
    if current.strip():
        lines.append((first, current.strip()))
    return lines


def lock_problems(text: str, path: str = "requirements.lock") -> list[str]:
    """Every line of ``text`` that could make pip fetch or run anything but a hash-checked index package."""
    problems = []
    if "\r" in text or "\0" in text:
        problems.append(f"{path}: có ký tự CR hoặc NUL; tệp khóa chỉ gồm các dòng thường.")
    for number, line in logical_lines(text):
        if not REQUIREMENT.fullmatch(line):
            shown = line if len(line) <= 80 else line[:77] + "…"
            problems.append(f"{path}:{number}: dòng '{shown}' không phải 'tên==phiên-bản --hash=sha256:…'. Tệp khóa "
                            "chỉ được ghi gói lấy từ chỉ mục PyPI theo mã băm: không đường dẫn, không URL, không "
                            "tùy chọn (-e, -f, --index-url, -r, …).")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Check each lock file named; exit 1 and name every bad line when one is found."""
    paths = (argv if argv is not None else sys.argv[1:]) or ["requirements.lock"]
    problems = [p for path in paths for p in lock_problems(Path(path).read_text(encoding="utf-8"), path)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def cmd_lock_check(args) -> int:
    """Check that a lock file names only hash-pinned packages from the index (no paths, URLs or options)."""
    return main(args.files)


def register(sub) -> None:
    """Add this module's subcommand to the ``python -m build_hooks`` parser."""
    p = sub.add_parser("lock-check", help=cmd_lock_check.__doc__)
    p.add_argument("files", nargs="*", default=["requirements.lock"])
    p.set_defaults(func=cmd_lock_check)


if __name__ == "__main__":
    sys.exit(main())
