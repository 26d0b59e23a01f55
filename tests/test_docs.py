"""Docs that cannot drift: the data dictionary and the README's command list."""

from __future__ import annotations

from pathlib import Path

from summitry.interfaces.cli import app
from summitry.interfaces.docs import data_dictionary

ROOT = Path(__file__).resolve().parents[1]


def test_data_dictionary_is_current() -> None:
    committed = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == data_dictionary(), "run: python -m summitry.interfaces.docs > docs/data-dictionary.md"


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    names += [g.name for g in app.registered_groups]
    missing = [n for n in names if f"summitry {n}" not in readme]
    assert missing == [], f"commands not shown in README.md: {missing}"


def test_readme_starts_with_run_and_test_commands() -> None:
    first_block = (ROOT / "README.md").read_text(encoding="utf-8").split("```")[1]
    assert "scripts/dev.sh serve" in first_block and "scripts/dev.sh test" in first_block
    assert "scripts/dev.sh test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_serve_installs_only_what_serving_needs() -> None:
    """`dev.sh serve` installs the package alone; the test and Spark extras come with `dev.sh test`."""
    script = (ROOT / "scripts" / "dev.sh").read_text(encoding="utf-8")
    installs = [line.strip() for line in script.splitlines() if "pip install" in line and "-e" in line]
    assert any(line.endswith("-e .") or "-e . " in line for line in installs), installs
    test_install = [line for line in installs if "[test" in line]
    assert test_install and all("spark" in line for line in test_install)
    branch = script[script.index('if [ "$what" = test ]'):script.index("fi", script.index('if [ "$what" = test ]'))]
    assert "[test" in branch.split("else")[0] and "[test" not in branch.split("else")[1]
