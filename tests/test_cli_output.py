"""What a person sees in a terminal: tables at 80 columns, whole names, whole URLs, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summitry.interfaces import console
from summitry.interfaces.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's console as an 80-column terminal."""
    monkeypatch.setattr(console.out, "_width", 80)


def run(*args: str):
    return runner.invoke(app, list(args))


TABLE_COMMANDS = [
    ("meetings",),
    ("meetings", "--between", "USA", "RUS", "--from", "2015"),
    ("leaders", "--state", "RUS"),
    ("leaders", "--state", "USA"),
    ("first-meetings",),
    ("precedents", "2021-06-geneva"),
    ("reconcile",),
]
OFFICIAL_TABLE_COMMANDS = [
    ("trips", "--president", "obama-barack"),
    ("trips", "--secretary", "--since", "2005", "--until", "2006"),
    ("visits", "--from", "TUR"),
    ("contacts", "--with", "RUS"),
    ("rejects",),
]


@pytest.mark.parametrize("args", OFFICIAL_TABLE_COMMANDS, ids=" ".join)
def test_official_tables_fit_80_columns(narrow: None, real_db: Path, args: tuple[str, ...]) -> None:
    from tests.conftest import need_shared

    need_shared()
    res = run(*args, "--db", str(real_db))
    assert res.exit_code == 0, res.output
    assert max(len(line) for line in res.stdout.splitlines()) <= 80


@pytest.mark.parametrize("args", TABLE_COMMANDS, ids=" ".join)
def test_tables_fit_80_columns(narrow: None, real_db: Path, args: tuple[str, ...]) -> None:
    res = run(*args, "--db", str(real_db))
    assert res.exit_code == 0, res.output
    widths = [len(line) for line in res.stdout.splitlines()]
    assert widths and max(widths) <= 80, max(widths)


def test_meeting_table_keeps_names_and_places_whole(narrow: None, real_db: Path) -> None:
    full = json.loads(run("meetings", "--format", "json", "--db", str(real_db)).stdout)
    table = run("meetings", "--db", str(real_db)).stdout
    for m in full:
        line = next(x for x in table.splitlines() if x.startswith(m["id"] + " "))
        for p in m["participants"][:2]:
            assert p["name"].split()[-1] in line, (m["id"], p["name"], line)
    # the two Bushes stay apart; no name is cut to a stub such as "Bu…"
    assert "H. W. Bush–Gorbachev" in table and "W. Bush–Putin" in table
    assert "Bu…" not in table and "Tr…" not in table
    recent = run("meetings", "--from", "2015", "--db", str(real_db)).stdout
    for m in (x for x in full if x["start_date"] >= "2015"):
        assert f"{m['city']}, {m['venue_state']}" in recent, m["id"]


def test_dropped_columns_are_named(narrow: None, real_db: Path) -> None:
    res = run("meetings", "--db", str(real_db))
    caption = " ".join(res.stdout.split())
    assert "left out at 80 columns:" in caption and "-f csv or -f json shows every column" in caption


def test_fitted_table_keeps_order_and_cuts_only_prose() -> None:
    rows = [{"name": "Recep Tayyip Erdoğan", "description": "word " * 40, "code": "TUR"}]
    table = console.fitted_table(rows, ["name", "description", "code"], None, 45)
    assert [c.header for c in table.columns] == ["name", "description", "code"]
    assert table.columns[0].min_width == len("Recep Tayyip Erdoğan")
    assert table.columns[1].max_width == 45 - 20 - 4 - 2 * 3
    narrow_table = console.fitted_table(rows, ["name", "code", "description"], None, 28)
    assert [c.header for c in narrow_table.columns] == ["name", "code"]


def test_source_urls_are_never_broken(narrow: None, real_db: Path) -> None:
    res = run("show", "2000-06-moscow", "--db", str(real_db))
    assert res.exit_code == 0
    card = json.loads(run("show", "2000-06-moscow", "-f", "json", "--db", str(real_db)).stdout)
    long_urls = [s["url"] for s in card["sources"] if len(s["url"]) > 76]
    assert long_urls, "the test needs a URL wider than the terminal"
    lines = [line.strip() for line in res.stdout.splitlines()]
    for url in (s["url"] for s in card["sources"]):
        assert url in lines, url


def test_empty_results_say_why(fixture_db: Path) -> None:
    res = run("meetings", "--leader", "nobody", "--db", str(fixture_db))
    assert res.exit_code == 1 and "unknown leader id 'nobody'" in res.output
    res = run("meetings", "--from", "2000", "--to", "1990", "--db", str(fixture_db))
    assert res.exit_code == 1 and "the period is empty" in res.output
    res = run("meetings", "--from", "2030", "--db", str(fixture_db))
    assert res.exit_code == 0 and "no meetings match --from 2030" in res.output
    res = run("meetings", "--from", "2030", "-f", "json", "--db", str(fixture_db))
    assert res.exit_code == 0 and json.loads(res.stdout) == []


@pytest.mark.parametrize("make_target", ["file-in-the-way", "inside-a-file", "proc"])
def test_export_to_a_bad_path_is_one_line(fixture_db: Path, tmp_path: Path, make_target: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    target = {"file-in-the-way": blocker, "inside-a-file": blocker / "sub",
              "proc": Path("/proc/summitry-no-such-dir")}[make_target]
    res = run("export", str(target), "--db", str(fixture_db))
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1
    assert f"cannot write {target}" in res.output


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_check_output_to_a_bad_path_is_one_line(fixture_db: Path, tmp_path: Path, fmt: str) -> None:
    article = tmp_path / "a.md"
    article.write_text("Reagan and Gorbachev met in Reykjavík in October 1986.\n")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for target in (blocker / "out.txt", tmp_path):
        res = run("check", str(article), "-f", fmt, "-o", str(target), "--db", str(fixture_db))
        assert res.exit_code == 1, res.output
        assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1
        assert f"cannot write {target}" in res.output


def test_terminal_width_from_a_real_pipe(real_db: Path) -> None:
    """Through a pipe (no terminal), the table still fits the 80 columns Rich assumes."""
    env = {**os.environ, "COLUMNS": "80"}
    proc = subprocess.run([sys.executable, "-m", "summitry.interfaces.cli", "meetings", "--db", str(real_db)],
                          capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    assert max(len(line) for line in proc.stdout.splitlines()) <= 80


def test_a_damaged_database_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"this is not a database" * 100)
    res = run("meetings", "--db", str(broken))
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output and "summitry build" in res.output


def test_one_article_limit_stated_by_cli_and_web(fixture_db: Path, tmp_path: Path) -> None:
    from summitry.config import MAX_ARTICLE_BYTES, MAX_ARTICLE_TEXT
    from summitry.interfaces.web.middleware import MAX_BODY

    assert MAX_ARTICLE_TEXT == "5 MB" and MAX_BODY - MAX_ARTICLE_BYTES <= 64 * 1024  # framing only
    big = tmp_path / "big.txt"
    big.write_text("x" * (MAX_ARTICLE_BYTES + 1))
    res = run("check", str(big), "--db", str(fixture_db))
    assert res.exit_code == 1 and "at most 5 MB" in res.output
    res = run("check", "--help")
    assert res.exit_code == 0


def test_version_counts_what_the_readme_counts(real_db: Path) -> None:
    from tests.conftest import need_shared

    need_shared()
    res = run("version", "--db", str(real_db))
    assert res.exit_code == 0, res.output
    out = " ".join(res.stdout.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "presidential trips abroad: 832" in out and "832 presidential trips abroad" in readme
    assert "secretary-of-state trips: 3,439" in out and "3,439" in readme
    assert "foreign leaders' visits: 3,264" in out and "3,264 foreign leaders' visits" in readme
    assert "official records: 7,535 loaded" in out and "7,535 records" in readme
