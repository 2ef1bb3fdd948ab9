"""Each letter's history from git: parsing, a real repository with two commits, shallow clones, no git."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_hooks.load.history import parse_log, read_histories
from build_hooks.render.history import text_changes, visible_lines
from support.blocks import norm
from support.git import corrected_letter_repository, git
from support.site import build_site

LETTER = "2023/co-quan/ban-dan-toc/index.html"


def _record(commit, date, author, subject, *statuses):
    """One commit as ``git log -z --name-status`` writes it: NUL after every field."""
    commit = commit if len(commit) == 40 else (commit * 40)[:40]
    return f"{commit}\0{date}\0{author}\0{subject}\0\n" + "".join(s.replace("\t", "\0") + "\0" for s in statuses)


def test_parse_log_oldest_first_following_renames():
    log = (_record("c3", "2024-01-10", "Lan", "Sửa số liệu", "M\ts/2023/b.md")
           + _record("c2", "2024-01-05", "Minh", "Đổi tên", "R100\ts/2023/a.md\ts/2023/b.md")
           + _record("c1", "2023-12-20", "An", "Nhận văn bản", "A\ts/2023/a.md", "A\ts/2023/x.md"))
    tracks, skipped = parse_log(log)
    assert [(c.commit[:2], c.date, c.author, c.path) for c in tracks["s/2023/b.md"]] == [
        ("c1", dt.date(2023, 12, 20), "An", "s/2023/a.md"), ("c2", dt.date(2024, 1, 5), "Minh", "s/2023/b.md"),
        ("c3", dt.date(2024, 1, 10), "Lan", "s/2023/b.md")]
    assert [c.subject for c in tracks["s/2023/x.md"]] == ["Nhận văn bản"] and "s/2023/a.md" not in tracks
    assert not skipped and parse_log("") == ({}, [])


def test_a_malformed_date_is_skipped_never_a_crash():
    log = (_record("c3", "2024-01-10", "Lan", "Sửa số liệu", "M\ts/2023/b.md")
           + _record("c2", "hôm qua", "Minh", "Ngày hỏng", "M\ts/2023/b.md")
           + _record("c1", "2023-12-20", "An", "Nhận văn bản", "A\ts/2023/b.md"))
    tracks, skipped = parse_log(log)
    assert [c.subject for c in tracks["s/2023/b.md"]] == ["Nhận văn bản", "Sửa số liệu"]
    assert skipped == ["c2" * 20]


FORGED_SUBJECTS = [
    "Sửa\x1e" + "f" * 40 + "\x1f2020-01-01\x1fGiám đốc Sở\x1fĐã duyệt",  # the old record/unit separators
    "Sửa\x1e\x1e\x1f\x1f",
    "Sửa\tR100\tsubmissions/2023/ban-dan-toc.md\tsubmissions/2023/khac.md",
    "Sửa\x1e" + "f" * 40 + "\x1fkhông-phải-ngày\x1fX\x1fY",  # made every later build fail
]


@pytest.mark.parametrize("subject", FORGED_SUBJECTS, ids=range(len(FORGED_SUBJECTS)))
def test_a_forged_commit_subject_shows_nothing_false(tmp_path, subject):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (tmp_path / "repo").mkdir()
    repository = corrected_letter_repository(tmp_path / "repo")
    letter = repository / "submissions" / "2023" / "ban-dan-toc.md"
    letter.write_text(letter.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    git(repository, "commit", "-qam", subject, date="2024-01-08T09:00:00+07:00")
    history = read_histories(repository / "submissions", [letter.resolve()])[letter.resolve()]
    assert history.available and not history.skipped
    assert [(c.author, c.subject) for c in history.changes] == [
        ("Văn thư Sở", "Nhận văn bản của Ban Dân tộc"), ("Văn thư Sở", "Sửa lỗi chép tay theo bản ký"),
        ("Văn thư Sở", subject)]
    assert history.changes[-1].date == dt.date(2024, 1, 8)


def test_word_changes_inside_a_line():
    from build_hooks.render.history import word_changes

    assert word_changes("Ban Dân tộc không", "Ban Dân tộc tỉnh không") == [
        ("=", "Ban Dân tộc"), ("+", "tỉnh"), ("=", "không")]
    assert word_changes("năm 2022 đạt", "năm 2023 đạt") == [("=", "năm"), ("-", "2022"), ("+", "2023"), ("=", "đạt")]


def test_visible_text_changes_leave_out_comments_and_blank_lines():
    before = "---\n# a comment\nagency: x\n---\n\nĐoạn một.\n\nĐoạn hai.\n"
    after = "---\n# another comment\nagency: x\n---\n\nĐoạn một.\n\n\nĐoạn hai đã sửa.\n"
    assert visible_lines(before) == ["agency: x", "Đoạn một.", "Đoạn hai."]
    assert text_changes(before, after) == [("-", "Đoạn hai."), ("+", "Đoạn hai đã sửa.")]


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    """A repository whose one letter was received on 20/12/2023 and corrected on 05/01/2024."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return corrected_letter_repository(tmp_path_factory.mktemp("repo"))


def test_history_read_from_a_real_repository(repository):
    letter = (repository / "submissions" / "2023" / "ban-dan-toc.md").resolve()
    history = read_histories(repository / "submissions", [letter])[letter]
    assert history.available
    assert [(c.date, c.subject, c.author) for c in history.changes] == [
        (dt.date(2023, 12, 20), "Nhận văn bản của Ban Dân tộc", "Văn thư Sở"),
        (dt.date(2024, 1, 5), "Sửa lỗi chép tay theo bản ký", "Văn thư Sở")]
    assert all(c.text and c.text.startswith("---") for c in history.changes)


def test_letter_page_shows_both_versions_and_the_change(repository, tmp_path):
    build = build_site(repository / "submissions", tmp_path / "site")
    assert build.returncode == 0, build.output
    soup = BeautifulSoup(build.page(LETTER), "html.parser")
    items = [norm(li.get_text(" ")) for li in soup.select(".history ol > li")]
    assert len(items) == 2
    assert items[0].startswith("Nhận ngày 20/12/2023: Nhận văn bản của Ban Dân tộc (Văn thư Sở)")
    assert items[1].startswith("Sửa ngày 05/01/2024: Sửa lỗi chép tay theo bản ký (Văn thư Sở)")
    diff = soup.select_one(".history .hist-diff")
    changed = diff.select("p.hist-line")
    assert len(changed) == 1 and "theo đó, Ban Dân tộc tỉnh không được giao" in norm(changed[0].get_text())
    assert [ins.get_text() for ins in diff.find_all("ins")] == ["tỉnh"] and not diff.find_all("del")
    status = norm(BeautifulSoup(build.page("2023/tinh-hinh-nop/index.html"), "html.parser").get_text(" "))
    assert "Ngày nhận: 20/12/2023 Sửa lần cuối: 05/01/2024" in status


def test_shallow_clone_and_no_git_say_the_history_is_unavailable(repository, tmp_path):
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repository.as_uri(), str(shallow))
    outside = tmp_path / "outside"
    shutil.copytree(repository / "submissions", outside / "submissions")
    for source, reason in ((shallow / "submissions", "shallow clone"), (outside / "submissions", "ngoài kho git")):
        env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
        build = build_site(source, tmp_path / f"site-{source.parent.name}", env=env)
        assert build.returncode == 0, build.output
        page = norm(BeautifulSoup(build.page(LETTER), "html.parser").select_one(".history").get_text(" "))
        assert page.startswith("Lịch sử không có") and reason in page, page
        status = norm(BeautifulSoup(build.page("2023/tinh-hinh-nop/index.html"), "html.parser").get_text(" "))
        assert "Ngày nhận: lịch sử không có" in status
