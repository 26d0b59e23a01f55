"""Where the test data lives: fixtures in the repo, the shared data beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "hsg"
MINI = FIXTURES / "mini"
GOLD = FIXTURES / "extraction_gold.json"
SHARED = REPO / "../shared/data/historyatstate"


def shared_root() -> Path:
    """The pinned HSG data root, or skip: it is not part of the repo."""
    if not (SHARED / "travels").is_dir() or not (SHARED / "visits").is_dir():
        pytest.skip("../shared/data/historyatstate not present (it sits beside the repo; see SOURCE.md there)")
    return SHARED.resolve()
