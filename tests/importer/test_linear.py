"""Every pattern the importer runs on free text is linear: a long adversarial line takes milliseconds, not minutes.

Each pattern runs in its own process (a super-linear one on ``main`` took minutes on 50 KB and cannot be
interrupted inside the regular-expression engine), on 50 KB lines built to make a backtracking pattern
retry: long runs of blanks, dots, digits, words, list marks, with and without the words the frame looks for.
"""
from __future__ import annotations

import importlib
import json
import pkgutil
import re
import subprocess
import sys

import pytest

import build_hooks.importer as importer_package
from build_hooks.settings import ROOT

SIZE = 50_000
BUDGET = 1.0
"""Seconds per pattern and line: a linear pattern takes at most ~20 ms on 50 KB (room left for a loaded machine);
the patterns of `main` took minutes."""


ALSO = ("letter_text.footnotes",)
"""Modules outside the importer whose patterns the importer's count runs on every letter's text."""


def _patterns() -> list[str]:
    out = []
    modules = [f"importer.{m.name}" for m in pkgutil.iter_modules(importer_package.__path__)] + list(ALSO)
    for module in modules:
        mod = importlib.import_module(f"build_hooks.{module}")
        out += [f"{module}.{name}" for name, value in vars(mod).items() if isinstance(value, re.Pattern)]
    return sorted(out)


PROBE = r"""
import importlib, json, sys, time
module, name = sys.argv[1].rsplit(".", 1)
pattern = getattr(importlib.import_module("build_hooks." + module), name)
n = int(sys.argv[2])
lines = {"blanks": " " * n, "words": "a " * (n // 2), "ngày-dots": "ngày" + "." * n, "ngày-words": "ngày " * (n // 5),
         "ngày-tháng": "ngày 1 tháng " * (n // 12), "Số-blanks": "Số:" + " " * n, "Số-digits": "Số " + "1." * (n // 2),
         "V/v-lines": "V/v" + " \n" * (n // 2) + "x\ny", "digits": "1" * n, "dots": "." * n, "dashes": "-" * n + "x",
         "Kính-blanks": "Kính" + " " * n, "tabs": "\t" * n + "x", "romans": "I" * n, "numbers": "1." * (n // 2) + "x",
         "entity": "&" + "a" * n,
         "footnote": "[^" * (n // 2) + "a", "commas": "Quảng Ngãi, " * (n // 12), "underscores": "_" * n + "ngày"}
out = {}
for label, line in lines.items():
    for run in (pattern.search, pattern.match, pattern.fullmatch):
        started = time.perf_counter()
        run(line)
        out[label] = max(out.get(label, 0.0), time.perf_counter() - started)
print(json.dumps(out))
"""


@pytest.mark.parametrize("name", _patterns())
def test_each_importer_pattern_is_linear(name):
    try:
        proc = subprocess.run([sys.executable, "-c", PROBE, name, str(SIZE)], cwd=ROOT, capture_output=True, text=True,
                              timeout=30, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name} takes more than 30 s on a {SIZE}-character line")
    times = json.loads(proc.stdout)
    slow = {label: round(t, 3) for label, t in times.items() if t > BUDGET}
    print(f"{name}: worst {max(times.values()) * 1000:.1f} ms")
    assert not slow, f"{name} is super-linear on: {slow}"


def test_a_letter_with_a_50_kb_paragraph_imports_in_seconds(tmp_path):
    """The whole pipeline (frame, body, coverage, check) on a text letter whose header zone holds one long line."""
    from support.site import BUILD_TODAY, submission_tree

    tree = submission_tree(tmp_path / "submissions", {})
    long_line = "Nội dung báo cáo không có chữ số hay dấu phẩy " * (SIZE // 46)
    letter = (f"UBND TỈNH QUẢNG NGÃI\nSỞ XÂY DỰNG\nSố: 12/SXD-VP\n{long_line}\n"
              "Quảng Ngãi, ngày 01 tháng 12 năm 2023\nKính gửi: Sở Công Thương\n\n"
              f"II. KẾT QUẢ THỰC HIỆN\n\n{long_line}\n\n"
              "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nNguyễn Văn An\n")
    (tmp_path / "dai.txt").write_text(letter, encoding="utf-8")
    try:
        command = [sys.executable, "-m", "build_hooks", "import", str(tmp_path / "dai.txt"),
                   "--submissions", str(tree), "--today", BUILD_TODAY]
        proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("a 50 KB paragraph keeps the import busy for more than a minute")
    assert proc.returncode in (0, 1), proc.stderr
    assert "thời gian" in proc.stdout
