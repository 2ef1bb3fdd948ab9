"""The build cache (``build_hooks.cache``): same key, same bytes, without making them again."""
from __future__ import annotations

from build_hooks.cache import cached_bytes, code_key
from build_hooks.publish.background import write_changed
from build_hooks.publish.opendata import DataFile


def test_same_key_gives_the_stored_bytes_and_a_new_key_makes_new_ones(tmp_path):
    made = []

    def make(value):
        made.append(value)
        return value

    assert cached_bytes("kind", "key-1", lambda: make(b"one"), tmp_path) == b"one"
    assert cached_bytes("kind", "key-1", lambda: make(b"other"), tmp_path) == b"one"
    assert cached_bytes("kind", "key-2", lambda: make(b"two"), tmp_path) == b"two"
    assert made == [b"one", b"two"]


def test_a_read_only_cache_still_builds(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert cached_bytes("kind", "k", lambda: b"made", blocker / "cache") == b"made"


def test_code_key_follows_the_module_source_and_the_library_version():
    assert code_key("build_hooks.render.charts", distributions=("matplotlib",)) \
        != code_key("build_hooks.publish.docx_export", distributions=("matplotlib",))
    assert code_key("build_hooks.render.charts", distributions=("matplotlib",)) \
        != code_key("build_hooks.render.charts", distributions=("openpyxl",))


def test_downloads_are_written_only_when_their_bytes_change(tmp_path):
    out = {"a.csv": "du-lieu/a.csv", "b.json": "b.json"}.__getitem__
    assert write_changed([DataFile("a.csv", b"1"), DataFile("b.json", b"2")], tmp_path, out) == 2
    assert write_changed([DataFile("a.csv", b"1"), DataFile("b.json", b"3")], tmp_path, out) == 1
    assert (tmp_path / "du-lieu" / "a.csv").read_bytes() == b"1" and (tmp_path / "b.json").read_bytes() == b"3"
    assert not [p for p in tmp_path.rglob(".*")]  # no temporary file left behind


def test_converted_letter_text_is_kept_for_the_next_process(tmp_path, monkeypatch):
    from build_hooks.render import letter_html

    monkeypatch.setenv("REPORT_CACHE", str(tmp_path))
    first = letter_html._Stored()
    calls = []
    assert first.get("Đoạn **một**.", lambda: calls.append(1) or "<p>một</p>") == "<p>một</p>"
    first.save()
    (stored,) = (tmp_path / letter_html.LETTER_CACHE).glob("*.json")
    second = letter_html._Stored()  # a new process
    assert second.get("Đoạn **một**.", lambda: calls.append(2) or "other") == "<p>một</p>"
    assert calls == [1]
    second.get("Đoạn hai.", lambda: "<p>hai</p>")
    second.save()
    assert len(stored.read_text(encoding="utf-8")) > 0 and "hai" in stored.read_text(encoding="utf-8")
