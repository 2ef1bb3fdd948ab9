"""``mkdocs serve`` rebuilds the generated pages when a submission changes."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from build_hooks.dev.synthetic import write_round
from build_hooks.settings import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, marker: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if marker in fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_a_submission_changes(tmp_path):
    root = tmp_path / "submissions"
    write_round(root, 3, seed=3)
    port = free_port()
    env = dict(os.environ, REPORT_SUBMISSIONS=str(root), NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                             "-f", str(ROOT / "mkdocs.yml")], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/2023/bao-cao-tong-hop/"
        assert wait_for(url, "Báo cáo tổng hợp", 60)
        letter = root / "2023" / "co-quan-0000.md"
        letter.write_text(letter.read_text(encoding="utf-8") + "\nĐoạn mới thêm khi đang xem trang.\n",
                          encoding="utf-8")
        assert wait_for(url, "Đoạn mới thêm khi đang xem trang.", 60)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
