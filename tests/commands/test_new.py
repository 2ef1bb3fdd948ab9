"""``new``: the skeleton of a letter, what it writes and refuses."""
from __future__ import annotations

import json

import pytest
import yaml

from build_hooks.corpus.tree import load_corpus
from build_hooks.load.schema import FRONT_MATTER
from build_hooks.load.yamlsource import split_front_matter
from build_hooks.render.skeleton import WRITTEN_BY_IMPORT
from support.site import BUILD_TODAY, build_site, run_cli, submission_tree


def test_new_writes_a_skeleton_that_checks_clean_except_empty_sections(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    proc = run_cli("new", "so-xay-dung", "--year", "2023", "--submissions", str(tree))
    assert proc.returncode == 0, proc.stderr
    text = (tree / "2023" / "so-xay-dung.md").read_text(encoding="utf-8")
    front = yaml.safe_load(split_front_matter(text)[0])
    # every key an author fills, in schema order (the kept original's key is written by import only)
    assert list(front) == [f.name for f in FRONT_MATTER if f.name not in WRITTEN_BY_IMPORT]
    assert (front["agency"], front["year"]) == ("so-xay-dung", 2023)
    assert "# II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU\n" in text
    assert "### 4.1. Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp\n" in text
    assert "# V. Xây dựng Kế hoạch" in text and "### 6.2. Ưu tiên bố trí" in text  # V mirrors II
    check = run_cli("check", "--submissions", str(tree), "--today", BUILD_TODAY, "--format", "json")
    problems = json.loads(check.stdout)["problems"]
    assert check.returncode == 0
    assert problems and {p["rule"] for p in problems} == {"empty-section"}
    # Leaf sections only: a heading with sub-sections under it (II, II.4, V, …) is not empty.
    corpus, _ = load_corpus(tree)
    outline = corpus.round(2023).outline
    leaves = {s.id for s in outline.sections if not outline.children(s.id)}
    assert sorted(p["message"].split()[1] for p in problems) == sorted(leaves)


@pytest.mark.slow
def test_new_skeleton_filled_in_is_accepted_and_built(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {})
    text = run_cli("new", "so-xay-dung", "--submissions", str(tree), "--stdout").stdout
    _, front, body = text.split("---\n", 2)
    front = front.replace("#  name:", "  name:").replace("#  title:", "  title:")
    body = "".join(line + (f"\nNội dung của {line.split('. ')[0]}.\n" if line.startswith("#") else "")
                   for line in body.splitlines(keepends=True))
    (tree / "2023" / "so-xay-dung.md").write_text("---\n" + front + "---\n" + body, encoding="utf-8")
    proc = run_cli("check", "--submissions", str(tree), "--today", BUILD_TODAY)
    assert (proc.returncode, proc.stdout) == (0, "")
    build = build_site(tree, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = build.page("2023/co-quan/so-xay-dung/index.html")
    assert 'data-section="V.4.1"' in page and "Nguyễn Thế Nhân" in page  # the example signer, uncommented


def test_new_refuses_to_overwrite_and_unknown_agencies(tmp_path):
    tree = submission_tree(tmp_path / "submissions", {"so-xay-dung.md": "giữ nguyên"})
    proc = run_cli("new", "so-xay-dung", "--submissions", str(tree))
    assert proc.returncode == 1 and (tree / "2023" / "so-xay-dung.md").read_text(encoding="utf-8") == "giữ nguyên"
    proc = run_cli("new", "so-xay-dun", "--submissions", str(tree))
    assert proc.returncode == 2 and "so-xay-dung" in proc.stderr  # did you mean
    assert run_cli("new", "so-xay-dung", "--year", "2019", "--submissions", str(tree)).returncode == 2

