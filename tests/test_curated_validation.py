"""Every kind of bad curated entry is reported with file, entry and reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from summitry.sources.curated import CurationError, load_curated
from tests.conftest import FIXTURE_CURATED


@pytest.fixture
def curated(tmp_path: Path) -> Path:
    root = tmp_path / "curated"
    shutil.copytree(FIXTURE_CURATED, root)
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def issues_of(root: Path) -> list:
    with pytest.raises(CurationError) as exc:
        load_curated(root)
    return exc.value.issues


def test_fixture_is_valid() -> None:
    cur = load_curated(FIXTURE_CURATED)
    assert len(cur.meetings) == 9
    assert "putin-vladimir" in cur.leaders


def test_malformed_yaml_names_file(curated: Path) -> None:
    (curated / "meetings" / "broken.yaml").write_text("- id: x\n  start_date: [unclosed\n")
    (issue,) = issues_of(curated)
    assert issue.kind == "invalid-yaml"
    assert issue.file == "meetings/broken.yaml"


def test_unknown_leader(curated: Path) -> None:
    edit(curated, "meetings/sample.yaml", "[reagan-ronald, gorbachev-mikhail]", "[reagan-ronald, gorbachov-mikhail]")
    (issue,) = issues_of(curated)
    assert (issue.kind, issue.file, issue.entry, issue.field) == (
        "unknown-leader", "meetings/sample.yaml", "1986-10-reykjavik", "participants")
    assert "gorbachov-mikhail" in issue.message


def test_end_before_start(curated: Path) -> None:
    edit(curated, "meetings/sample.yaml", "end_date: 2001-06-16", "end_date: 2001-06-15")
    (issue,) = issues_of(curated)
    assert (issue.kind, issue.entry) == ("invalid-field", "2001-06-kranj")
    assert "end_date is before start_date" in issue.message


def test_meeting_outside_term(curated: Path) -> None:
    edit(curated, "meetings/sample.yaml", "start_date: 2010-06-24", "start_date: 2013-06-24")
    edit(curated, "meetings/sample.yaml", "end_date: 2010-06-24", "end_date: 2013-06-24")
    (issue,) = issues_of(curated)
    assert (issue.kind, issue.entry) == ("outside-term", "2010-06-washington")
    assert "medvedev-dmitry" in issue.message


def test_duplicate_id(curated: Path) -> None:
    edit(curated, "meetings/sample.yaml", "id: 2018-07-helsinki", "id: 2017-07-hamburg")
    (issue,) = issues_of(curated)
    assert (issue.kind, issue.entry, issue.field) == ("duplicate-id", "2017-07-hamburg", "id")


def test_missing_source_and_bad_enum_reported_together(curated: Path) -> None:
    edit(curated, "meetings/sample.yaml", "mode: third-party\n  host_state: SVN", "mode: neutral\n  host_state: SVN")
    edit(curated, "leaders.yaml", "  aliases: [Medvedev]", "  aliases: [Medvedev]\n  nickname: DAM")
    issues = issues_of(curated)
    assert {(i.entry, i.field) for i in issues} == {("2001-06-kranj", "mode"), ("medvedev-dmitry", "nickname")}


def test_unknown_state_code(curated: Path) -> None:
    edit(curated, "meetings/sample.yaml", "venue_state: SVN", "venue_state: XXY")
    (issue,) = issues_of(curated)
    assert issue.field == "venue_state" and "unknown state code" in issue.message


def test_wrong_dyad(curated: Path) -> None:
    edit(curated, "leaders.yaml", "name: Dmitry Medvedev\n  state: RUS", "name: Dmitry Medvedev\n  state: BLR")
    (issue,) = issues_of(curated)
    assert issue.kind == "wrong-dyad"


def test_overlapping_periods(curated: Path) -> None:
    edit(curated, "relations/USA-RUS.yaml", "end_date: 2022-02-24", "end_date: 2022-03-01")
    (issue,) = issues_of(curated)
    assert (issue.kind, issue.entry) == ("overlap", "full-scale-war")


def test_a_held_meeting_has_its_days(curated: Path) -> None:
    edit(curated, "meetings/sample.yaml", "end_date: 2001-06-16\n", "end_date: 2001-06-16\n  date_precision: month\n")
    (issue,) = issues_of(curated)
    assert issue.entry == "2001-06-kranj" and "date_precision must be day" in issue.message


def test_a_month_precision_spans_the_month(curated: Path) -> None:
    edit(curated, "meetings/sample.yaml", "status: cancelled\n  start_date: 2013-09-03\n  end_date: 2013-09-04\n",
         "status: cancelled\n  start_date: 2013-09-03\n  end_date: 2013-09-04\n  date_precision: month\n")
    (issue,) = issues_of(curated)
    assert issue.entry == "2013-09-moscow" and "first and last days" in issue.message
