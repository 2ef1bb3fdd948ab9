"""The build cache (``build_hooks.cache``): same key, same bytes, without making them again."""
from __future__ import annotations

import pytest

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
    from build_hooks.letter_text import convert as letter_html
    from build_hooks.settings import LETTER_CACHE

    monkeypatch.setenv("REPORT_CACHE", str(tmp_path))
    monkeypatch.setattr(letter_html, "_STORED", [])
    monkeypatch.setattr(letter_html, "_CONVERTED", {})
    assert letter_html.LetterRenderer().html("Đoạn **một**.") == "<p>Đoạn <strong>một</strong>.</p>"
    letter_html.save_converted()
    (stored,) = (tmp_path / LETTER_CACHE).glob("*.pickle")
    monkeypatch.setattr(letter_html, "_STORED", [])  # a new process
    monkeypatch.setattr(letter_html, "_CONVERTED", {})
    monkeypatch.setattr(letter_html, "sanitize", lambda html: pytest.fail("converted again"))
    assert letter_html.LetterRenderer().html("Đoạn **một**.") == "<p>Đoạn <strong>một</strong>.</p>"


def test_stored_results_reach_the_next_process_for_the_same_context(tmp_path):
    from build_hooks.cache import StoredResults

    calls = []
    first = StoredResults("kind", "2023", "code+round", tmp_path)
    assert first.get("thư một", lambda: calls.append(1) or ("một", [])) == ("một", [])
    first.get("thư hai", lambda: ("hai", []))
    first.save()
    second = StoredResults("kind", "2023", "code+round", tmp_path)  # a new process
    assert second.get("thư một", lambda: calls.append(2) or "other") == ("một", [])
    assert calls == [1]
    second.save()  # "thư hai" was not used: it leaves the file
    assert set(StoredResults("kind", "2023", "code+round", tmp_path).entries) == set(second.used)
    fresh = StoredResults("kind", "2023", "other code", tmp_path)  # code or round changed: nothing is reused
    assert fresh.get("thư một", lambda: "made again") == "made again"


def test_a_stored_file_naming_other_classes_is_not_unpickled(tmp_path):
    import os
    import pickle

    from build_hooks.cache import StoredResults

    stored = StoredResults("kind", "2023", "ctx", tmp_path)
    stored.path.parent.mkdir(parents=True, exist_ok=True)
    # What a tampered cache would hold: a call to os.system when read.
    stored.path.write_bytes(pickle.dumps((stored.context, {"k": os.getcwd}), protocol=pickle.HIGHEST_PROTOCOL))
    assert StoredResults("kind", "2023", "ctx", tmp_path).entries == {}


def test_an_unchanged_round_does_not_build_its_document_again(tmp_path, monkeypatch):
    from build_hooks.corpus.tree import load_corpus
    from build_hooks.publish import exports
    from build_hooks.settings import ROOT

    monkeypatch.setenv("REPORT_CACHE", str(tmp_path))
    corpus, _ = load_corpus(ROOT / "submissions")
    built = []
    real = exports.build_document
    monkeypatch.setattr(exports, "build_document", lambda *a: built.append(a[1]) or real(*a))
    first = exports.document_files(corpus, pdf=False)
    second = exports.document_files(corpus, pdf=False)
    assert [f.content for f in first] == [f.content for f in second] and len(first) == len(corpus.rounds)
    assert built == [r.year for r in corpus.rounds]  # the second time, from the cache alone


def test_parsed_letters_are_kept_for_the_next_build(tmp_path, monkeypatch):
    from build_hooks import memo
    from build_hooks.corpus import tree as corpus_module
    from build_hooks.settings import ROOT

    monkeypatch.setenv("REPORT_CACHE", str(tmp_path))
    memo.forget()
    first, problems = corpus_module.load_corpus(ROOT / "submissions", base=ROOT, stored=True)
    memo.forget()  # as in a new process
    parsed = []
    real = corpus_module.check_submission
    monkeypatch.setattr(corpus_module, "check_submission", lambda *a: parsed.append(a[1]) or real(*a))
    second, problems_again = corpus_module.load_corpus(ROOT / "submissions", base=ROOT, stored=True)
    assert parsed == [] and second == first and problems_again == problems
    assert list((tmp_path / "parsed").glob("*.pickle"))


def test_a_build_whose_cache_folder_cannot_be_written_still_builds(tmp_path):
    """The build cache is an optimisation: a read-only checkout or a bad ``REPORT_CACHE`` only makes it slower."""
    from support.site import build_site

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    build = build_site(None, tmp_path / "site", env={"REPORT_CACHE": str(blocker), "REPORT_PDF": "0"})
    assert build.returncode == 0, build.output
    assert "Nguyễn Thế Nhân" in build.page("2023/co-quan/ban-dan-toc/index.html")
    assert (tmp_path / "site" / "2023" / "du-lieu" / "bao-cao-so-cong-thuong-2023.docx").stat().st_size > 0
