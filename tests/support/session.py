"""What the whole test session shares, across pytest-xdist's workers."""
from __future__ import annotations

import pickle

from filelock import FileLock


def once(tmp_path_factory, worker_id: str, name: str, make):
    """``make(folder)`` run once per test session, across xdist workers; its (picklable) result.

    Without xdist (``worker_id == "master"``) it simply runs. With it, the first worker to ask runs it
    in a folder every worker shares, under a lock; the others wait for the lock and read the result.
    """
    if worker_id == "master":
        return make(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent / f"once-{name}"
    with FileLock(f"{shared}.lock"):
        result = shared / "result.pickle"
        if result.is_file():
            return pickle.loads(result.read_bytes())
        shared.mkdir()
        value = make(shared)
        result.write_bytes(pickle.dumps(value))
        return value
