"""Build time, memory and size of the site on synthetic rounds, against their plain Material twins.

Printed, not asserted: speed targets live here rather than in timed tests.
Each build runs in its own process so its peak memory (max RSS) is its own.

For every size the report site is built with one fresh cache folder
(``REPORT_CACHE``): ``cold`` is a fresh clone's first build, ``warm`` every
build after it (median of ``repeat`` builds, taking turns with the twin's).
The twin is the floor: plain Material, the same Markdown extensions and
``navigation.prune``, rendering the same letter files once as ordinary pages
kept out of the navigation. ``--preview`` also times edit to
preview under ``mkdocs serve --dirty`` (``dev.preview``).
"""
from __future__ import annotations

import compileall
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_hooks.dev.synthetic import recent_years, write_round
from build_hooks.settings import CACHE_ENV, QUIET_MKDOCS_ENV, ROOT, SUBMISSIONS_ENV

INDEX = Path("search") / "search_index.json"


@dataclass(frozen=True)
class Size:
    """A synthetic round to measure: ``agencies`` letters in each of ``years`` rounds."""

    agencies: int
    years: int = 1

    @classmethod
    def parse(cls, text: str) -> Size:
        """``40`` or ``40x10`` (agencies × years)."""
        agencies, _, years = text.lower().partition("x")
        return cls(int(agencies), int(years or 1))

    def __str__(self) -> str:
        return f"{self.agencies} cơ quan × {self.years} năm"


DEFAULT_SIZES = (Size(40), Size(40, 10), Size(2000))
"""A province's round, ten years of it, and fifty times the agencies."""


@dataclass(frozen=True)
class Figures:
    """What one build cost and made."""

    seconds: float
    peak_mib: float
    pages: int
    site_bytes: int
    index_bytes: int
    ok: bool


def timed(cmd: list[str], env: dict | None = None, cwd: Path | None = None,
          stdout=subprocess.DEVNULL) -> tuple[float, float, int]:
    """Wall seconds, peak memory in MiB and exit code of one command (its output to ``stdout``, a file)."""
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: nobody reads while the build runs
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=stdout, stderr=log)
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            log.seek(0)
            sys.stderr.write(log.read().decode("utf-8", "replace")[-2000:])
    return elapsed, usage.ru_maxrss / 1024, code


def measure(site: Path, seconds: float, mib: float, code: int) -> Figures:
    """Pages, size and search index size of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()] if site.is_dir() else []
    pages = sum(1 for p in files if p.suffix == ".html" and p.name != "404.html")
    index = site / INDEX
    return Figures(seconds, mib, pages, sum(p.stat().st_size for p in files),
                   index.stat().st_size if index.is_file() else 0, code == 0)


def build_report(submissions: Path | None, site: Path, cache: Path) -> Figures:
    """One ``mkdocs build --strict`` of the report site, in its own process."""
    env = dict(os.environ, **QUIET_MKDOCS_ENV, **{CACHE_ENV: str(cache)})
    if submissions is not None:
        env[SUBMISSIONS_ENV] = str(submissions)
    shutil.rmtree(site, ignore_errors=True)
    return measure(site, *timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                                 "-d", str(site)], env, ROOT))


class _AnyTag(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` without resolving its ``!ENV`` tags."""


_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: None)


def twin_config() -> str:
    """The plain Material configuration: our Markdown extensions and ``navigation.prune``, nothing else."""
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag)  # noqa: S506 (SafeLoader)
    return yaml.safe_dump({
        "site_name": "Plain",
        "theme": {"name": "material", "language": "vi", "font": False, "features": ["navigation.prune"]},
        "markdown_extensions": ours["markdown_extensions"],
        "plugins": ["search"],
        "nav": ["index.md"],
        "not_in_nav": "/[0-9]*/",
    }, allow_unicode=True, sort_keys=False)


def build_twin(submissions: Path, work: Path) -> Figures:
    """Plain Material rendering every letter of ``submissions`` once, as pages out of the navigation."""
    docs = work / "docs"
    shutil.rmtree(work, ignore_errors=True)
    docs.mkdir(parents=True)
    (work / "mkdocs.yml").write_text(twin_config(), encoding="utf-8")
    (docs / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    for letter in submissions.glob("[0-9]*/*.md"):
        (docs / letter.parent.name).mkdir(exist_ok=True)
        shutil.copyfile(letter, docs / letter.parent.name / letter.name)
    env = dict(os.environ, **QUIET_MKDOCS_ENV)
    return measure(work / "site", *timed([sys.executable, "-m", "mkdocs", "build", "-f", str(work / "mkdocs.yml"),
                                          "-d", str(work / "site")], env, work))


def _mib(n: int) -> str:
    return f"{n / 2**20:.2f}"


def row(label: str, f: Figures) -> str:
    """One line of the table."""
    return (f"{label:<34} {f.pages:>6} {f.seconds:>8.2f} {f.peak_mib:>9.0f} {_mib(f.site_bytes):>9} "
            f"{_mib(f.index_bytes):>11}" + ("" if f.ok else "  THẤT BẠI"))


HEADER = f"{'bản dựng':<34} {'trang':>6} {'giây':>8} {'MiB đỉnh':>9} {'MiB web':>9} {'MiB chỉ mục':>11}"


def compile_our_code() -> None:
    """Write the bytecode of ``build_hooks``, as Python does on a first build.

    The twin's code (MkDocs, Material) was compiled when pip installed it. Ours is compiled on first
    import, unless ``PYTHONDONTWRITEBYTECODE`` is set (as on some CI machines); then every build would
    compile it again (0.1 s), a cost no machine that keeps its bytecode pays.
    """
    compileall.compile_dir(str(ROOT / "build_hooks"), quiet=1)


def median(runs: list[Figures]) -> Figures:
    """The run of median time (its memory and sizes with it)."""
    return sorted(runs, key=lambda f: f.seconds)[(len(runs) - 1) // 2]


def spread(runs: list[Figures]) -> str:
    """``0.61–0.93`` seconds over the runs."""
    times = sorted(f.seconds for f in runs)
    return f"{times[0]:.2f}–{times[-1]:.2f}"


def run(sizes: list[Size], twin: bool = True, preview: bool = False, repeat: int = 5) -> int:
    """Build the repository's site and every synthetic size (cold once; warm and twin ``repeat`` times,
    taking turns, so a slow moment of the machine falls on both); print a table of medians and the ratios."""
    compile_our_code()
    print(HEADER)
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        real = build_report(None, tmp / "real-site", tmp / "real-cache")
        print(row("kho dữ liệu (submissions/)", real), flush=True)
        ok &= real.ok
        for size in sizes:
            root = tmp / f"syn-{size.agencies}x{size.years}"
            write_round(root / "submissions", size.agencies, years=recent_years(size.years), seed=size.agencies)
            cold = build_report(root / "submissions", root / "site", root / "cache")
            warms, plains = [], []
            for _ in range(repeat):
                warms.append(build_report(root / "submissions", root / "site", root / "cache"))
                if twin:
                    plains.append(build_twin(root / "submissions", root / "twin"))
            warm = median(warms)
            print(row(f"{size}, lần đầu", cold), flush=True)
            print(row(f"{size}, lần sau", warm), flush=True)
            ok &= cold.ok and all(w.ok for w in warms)
            if twin:
                plain = median(plains)
                print(row(f"{size}, Material thuần", plain), flush=True)
                print(f"{'':<34} tỉ lệ thời gian lần đầu {cold.seconds / plain.seconds:.2f}×, "
                      f"lần sau {warm.seconds / plain.seconds:.2f}×; bộ nhớ {warm.peak_mib / plain.peak_mib:.2f}×; "
                      f"chỉ mục {warm.index_bytes / max(plain.index_bytes, 1):.2f}×", flush=True)
                if repeat > 1:
                    print(f"{'':<34} trung vị của {repeat} lần: lần sau {spread(warms)} giây, "
                          f"Material thuần {spread(plains)} giây", flush=True)
                ok &= all(p.ok for p in plains)
            if preview:
                from build_hooks.dev.preview import measure_preview

                for line in measure_preview(root / "submissions", root / "cache"):
                    print(f"{'':<34} {line}", flush=True)
    return 0 if ok else 1
