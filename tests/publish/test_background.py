"""The downloads writer of ``mkdocs serve --dirty`` never outlives the server."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from build_hooks.settings import ROOT

SERVER = textwrap.dedent("""
    import sys, time
    from build_hooks.publish.background import Downloads

    def make():
        time.sleep(60)  # a PDF of 2,000 letters
        return []

    downloads = Downloads()
    downloads.start(make, ".", lambda path: path)
    print(downloads._process.pid, flush=True)
    time.sleep(60)
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not yet reaped by init) counts as gone
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_a_killed_server_takes_its_downloads_writer_with_it():
    server = subprocess.Popen([sys.executable, "-c", SERVER], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    writer = int(server.stdout.readline())
    assert _alive(writer)
    server.send_signal(signal.SIGKILL)  # no atexit, no chance to stop the writer itself
    server.wait()
    deadline = time.monotonic() + 10
    while _alive(writer) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(writer)
