"""The build's options: read once from the environment, every bad value a located problem."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from build_hooks.settings import BuildOptions, SnapshotMode

PROJECT = Path("/srv/bao-cao")


def read(**environ):
    return BuildOptions.from_environ(environ, PROJECT)


def test_an_empty_environment_is_the_ordinary_build():
    options, problems = read()
    assert problems == []
    assert options == BuildOptions(source=(PROJECT / "submissions").resolve())
    assert options.charts and options.pdf and options.today is None and options.archive is None


def test_every_variable_is_read_typed(tmp_path):
    mode = SnapshotMode(2023, "2024-01-05", "abc123")
    options, problems = read(REPORT_SUBMISSIONS=str(tmp_path), REPORT_TODAY="2024-01-15",
                             REPORT_ARCHIVE=mode.to_json(), REPORT_CHARTS="0", REPORT_PDF="false")
    assert problems == []
    assert options == BuildOptions(tmp_path.resolve(), dt.date(2024, 1, 15), mode, charts=False, pdf=False)


def test_every_bad_value_is_named_at_once_with_the_variable_as_its_place():
    _options, problems = read(REPORT_TODAY="15/01/2024", REPORT_ARCHIVE="{\"year\": 2023}", REPORT_PDF="không")
    assert [(p.path, p.line, p.rule, p.is_error) for p in problems] == [
        ("REPORT_TODAY", 0, "bad-option", True), ("REPORT_ARCHIVE", 0, "bad-option", True),
        ("REPORT_PDF", 0, "bad-option", True)]
    assert problems[0].format() == ("REPORT_TODAY:0:0: lỗi: REPORT_TODAY='15/01/2024' không phải ngày yyyy-mm-dd. "
                                    "(Ví dụ: REPORT_TODAY=2024-01-15.) [bad-option]")
    assert "'taken'" in problems[1].message
    assert "REPORT_PDF='không'" in problems[2].message


def test_an_archive_with_an_impossible_date_is_refused():
    bad = SnapshotMode(2023, "2024-02-30", "abc").to_json()
    _options, problems = read(REPORT_ARCHIVE=bad)
    assert [p.rule for p in problems] == ["bad-option"]
