"""``mkdocs serve`` rebuilds the generated pages when a submission changes."""
from __future__ import annotations

import os
import subprocess
import sys

from build_hooks.dev.preview import free_port, wait_for
from build_hooks.dev.synthetic import write_round
from build_hooks.settings import ROOT


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
        wait_for(url, lambda body: "Tổng hợp ý kiến các cơ quan" in body, timeout=60)
        letter = root / "2023" / "co-quan-0000.md"
        letter.write_text(letter.read_text(encoding="utf-8") + "\nĐoạn mới thêm khi đang xem trang.\n",
                          encoding="utf-8")
        wait_for(url, lambda body: "Đoạn mới thêm khi đang xem trang." in body, timeout=60)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
