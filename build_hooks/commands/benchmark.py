"""The ``benchmark`` and ``benchmark-check`` commands: build and check timings that print figures."""
from __future__ import annotations


def cmd_benchmark_check(args) -> int:
    """Time `check` over synthetic submissions: files per second and peak memory."""
    from build_hooks.dev.benchmark_check import run

    return run(args.files, args.repeat)


def cmd_benchmark(args) -> int:
    """Time and peak memory of whole site builds on synthetic rounds (and their plain Material twins)."""
    from build_hooks.dev.benchmark import run

    return run(args.agencies, args.years, args.plain)


def register(sub) -> None:
    """Add this module's subcommands to the ``python -m build_hooks`` parser."""
    bc = sub.add_parser("benchmark-check", help=cmd_benchmark_check.__doc__)
    bc.add_argument("--files", type=int, default=1000, help="number of synthetic submissions")
    bc.add_argument("--repeat", type=int, default=3)
    bc.set_defaults(func=cmd_benchmark_check)
    b = sub.add_parser("benchmark", help="time and memory of site builds on synthetic rounds")
    b.add_argument("--agencies", type=int, nargs="+", default=[40, 2000])
    b.add_argument("--years", type=int, default=1)
    b.add_argument("--plain", action="store_true", help="also build the same number of ordinary pages")
    b.set_defaults(func=cmd_benchmark)
