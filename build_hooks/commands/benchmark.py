"""The ``benchmark``, ``benchmark-check`` and ``benchmark-import`` commands: timings that print figures."""
from __future__ import annotations


def cmd_benchmark_check(args) -> int:
    """Time `check` over synthetic submissions: files per second and peak memory."""
    from build_hooks.dev.benchmark_check import run

    return run(args.files, args.repeat)


def cmd_benchmark_import(args) -> int:
    """Time importing a round's letters (filled-in Word skeletons, and the same as PDF) in one command each."""
    from build_hooks.dev.benchmark_import import run

    return run(letters=args.letters, pdf=not args.no_pdf)


def cmd_benchmark(args) -> int:
    """Time, peak memory and size of whole site builds on synthetic rounds, against their plain Material twins."""
    from build_hooks.dev.benchmark import run

    return run(args.sizes, twin=not args.no_twin, preview=args.preview, repeat=args.repeat)


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    bc = sub.add_parser("benchmark-check", help=cmd_benchmark_check.__doc__)
    bc.add_argument("--files", type=int, default=1000, help="number of synthetic submissions")
    bc.add_argument("--repeat", type=int, default=3)
    bc.set_defaults(func=cmd_benchmark_check)
    bi = sub.add_parser("benchmark-import", help=cmd_benchmark_import.__doc__)
    bi.add_argument("--letters", type=int, default=40, help="how many letters (default 40)")
    bi.add_argument("--no-pdf", action="store_true", help="only the Word letters (no LibreOffice conversion)")
    bi.set_defaults(func=cmd_benchmark_import)
    from build_hooks.dev.benchmark import DEFAULT_SIZES, Size

    b = sub.add_parser("benchmark", help="time, memory and size of site builds on synthetic rounds")
    b.add_argument("--sizes", type=Size.parse, nargs="+", default=list(DEFAULT_SIZES),
                   help="AGENCIES or AGENCIESxYEARS (default: 40 40x10 2000)")
    b.add_argument("--no-twin", action="store_true", help="skip the plain Material twins")
    b.add_argument("--repeat", type=int, default=5, help="later builds and twin builds per size (median shown)")
    b.add_argument("--preview", action="store_true", help="also time edit to preview under mkdocs serve --dirty")
    b.set_defaults(func=cmd_benchmark)
