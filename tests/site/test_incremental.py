"""What a rebuild under ``mkdocs serve --dirty`` redoes (``site.incremental``), and the letters-first plan."""
from __future__ import annotations

import datetime

from build_hooks.corpus.tree import load_corpus
from build_hooks.dev.synthetic import write_round
from build_hooks.site.incremental import Built, Shape, digest, flatten, merge_entries, plan_rebuild
from build_hooks.site.plan import plan_data_files, plan_data_paths, plan_letters_first, plan_pages

SHAPE = Shape(digest(["nav"]), digest("mkdocs.yml"), ("huong-dan/index.md",))
TODAY = datetime.date(2024, 1, 15)


def test_first_build_and_a_new_shape_rebuild_everything_and_delete_what_is_gone():
    pages = {"a.md": "1", "b.md": "2"}
    outputs = {"a.md": "a/index.html", "b.md": "b/index.html", "x.csv": "x.csv"}
    first = plan_rebuild(None, SHAPE, pages, outputs)
    assert first.clean and first.changed == {"a.md", "b.md"} and first.removed == ()
    before = Built(SHAPE, pages, outputs)
    other = Shape(digest(["nav", "new letter"]), SHAPE.settings, SHAPE.written)
    again = plan_rebuild(before, other, {"a.md": "1"}, {"a.md": "a/index.html"})
    assert again.clean and again.removed == ("b/index.html", "x.csv")


def test_same_shape_rebuilds_only_changed_and_new_pages():
    before = Built(SHAPE, {"a.md": "1", "b.md": "2", "c.md": "3"},
                   {"a.md": "a/index.html", "b.md": "b/index.html", "c.md": "c/index.html"})
    rebuild = plan_rebuild(before, SHAPE, {"a.md": "1", "b.md": "changed", "d.md": "4"},
                           {"a.md": "a/index.html", "b.md": "b/index.html", "d.md": "d/index.html"})
    assert not rebuild.clean
    assert rebuild.changed == {"b.md", "d.md"}
    assert rebuild.removed == ("c/index.html",)


def test_search_entries_merge_page_by_page_in_build_order():
    before = {"a/": [{"location": "a/", "text": "old a"}, {"location": "a/#s", "text": "old a s"}],
              "b/": [{"location": "b/", "text": "b"}],
              "gone/": [{"location": "gone/", "text": "gone"}]}
    fresh = [{"location": "a/", "text": "new a"}, {"location": "new/", "text": "new"}]
    merged = merge_entries(before, fresh, rendered={"a/", "new/", "excluded/"}, order=["new/", "a/", "b/", "excluded/"])
    assert flatten(merged) == [{"location": "new/", "text": "new"}, {"location": "a/", "text": "new a"},
                               {"location": "b/", "text": "b"}]


def test_data_paths_are_where_the_data_files_go(tmp_path):
    corpus, _ = load_corpus(_tree(tmp_path), today=TODAY)
    for pdf in (True, False):
        assert sorted(plan_data_paths(corpus, pdf)) == sorted(f.path for f in plan_data_files(corpus, pdf))


def _tree(tmp_path):
    root = tmp_path / "submissions"
    write_round(root, 5, years=(2022, 2023), seed=5)
    return root


def test_letters_first_replaces_only_the_edited_letter(tmp_path):
    root = _tree(tmp_path)
    before, _ = load_corpus(root, today=TODAY)
    pages = plan_pages(before)
    letter = sorted((root / "2023").glob("*.md"))[0]
    letter.write_text(letter.read_text(encoding="utf-8").replace("Mở đầu", "Mở đầu đã-sửa", 1), encoding="utf-8")
    after, _ = load_corpus(root, today=TODAY)
    first = plan_letters_first(before, pages, after, None, None)
    assert first is not None and [p.path for p in first] == [p.path for p in pages]
    changed = [new.path for old, new in zip(pages, first, strict=True) if old is not new]
    assert changed == [f"2023/co-quan/{letter.stem}.md"]
    assert "đã-sửa" in _text(next(p for p in first if p.path == changed[0]))
    # the report still holds the old text: the second build brings it
    assert all("đã-sửa" not in _text(p) for p in first if p.kind == "report")
    assert any("đã-sửa" in _text(p) for p in plan_pages(after) if p.kind == "report")
    assert plan_letters_first(after, first, after, None, None) is None  # nothing changed: plan everything


def _text(page) -> str:
    return page.content + "".join(page.fragments.values())


def test_a_letter_added_or_removed_plans_the_whole_site(tmp_path):
    root = _tree(tmp_path)
    before, _ = load_corpus(root, today=TODAY)
    pages = plan_pages(before)
    sorted((root / "2023").glob("*.md"))[0].unlink()
    after, _ = load_corpus(root, today=TODAY)
    assert plan_letters_first(before, pages, after, None, None) is None


def test_unchanged_files_give_back_the_same_objects(tmp_path):
    root = _tree(tmp_path)
    first, _ = load_corpus(root, today=TODAY)
    second, _ = load_corpus(root, today=TODAY)
    assert first.registry is second.registry and first.rounds[0] is second.rounds[0]
    assert all(a is b for a, b in zip(first.submissions[2023], second.submissions[2023], strict=True))
    third, _ = load_corpus(root, today=datetime.date(2024, 1, 16))  # another build date: checked again
    assert third.submissions[2023][0] is not first.submissions[2023][0]
