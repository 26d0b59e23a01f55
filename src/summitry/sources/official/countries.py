"""HSG country ids -> ISO 3166-1 alpha-3, from the hand-checked table countries.csv.

Why a table and not a lookup: the Office of the Historian uses its own slugs
(``korea-south``, ``somoa``, ``german-democratic-republic``) and files Soviet-era
records under ``russia``.  Every id is an explicit row so a reviewer can see each
judgement call (``basis`` + ``reason``).  Rows with ``valid_from``/``valid_to``
override the id's default row on those dates (e.g. ``russia`` before 1991-12-26
is the USSR, ``SUN``).  Dissolved states take their former ISO code; states that
were only renamed keep their current code so time series join up.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pycountry

TABLE_PATH = Path(__file__).with_name("countries.csv")
BASES = frozenset({"iso-current", "iso-former", "user-assigned", "judgement"})


@dataclass(frozen=True)
class CountryRow:
    """One row of countries.csv."""

    hsg_id: str
    iso3: str
    valid_from: date | None
    valid_to: date | None
    basis: str
    hsg_label: str
    reason: str

    def covers(self, on: date | None) -> bool:
        """True when this row applies on ``on`` (rows without a window always do)."""
        if on is None:
            return self.valid_from is None and self.valid_to is None
        if self.valid_from is not None and on < self.valid_from:
            return False
        return not (self.valid_to is not None and on > self.valid_to)


def _opt_date(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


@lru_cache(maxsize=4)
def load_table(path: Path = TABLE_PATH) -> tuple[CountryRow, ...]:
    """Read countries.csv once; rows are immutable so caching is safe."""
    with path.open(newline="", encoding="utf-8") as fh:
        return tuple(
            CountryRow(
                hsg_id=r["hsg_id"].strip(),
                iso3=r["iso3"].strip(),
                valid_from=_opt_date(r["valid_from"]),
                valid_to=_opt_date(r["valid_to"]),
                basis=r["basis"].strip(),
                hsg_label=r["hsg_label"],
                reason=r["reason"],
            )
            for r in csv.DictReader(fh)
        )


@lru_cache(maxsize=4)
def _index(path: Path = TABLE_PATH) -> dict[str, tuple[CountryRow, ...]]:
    index: dict[str, list[CountryRow]] = {}
    for row in load_table(path):
        index.setdefault(row.hsg_id, []).append(row)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=4)
def known_ids(path: Path = TABLE_PATH) -> frozenset[str]:
    """Every HSG country id the table maps."""
    return frozenset(_index(path))


def to_iso3(hsg_id: str | None, on: date | None = None, path: Path = TABLE_PATH) -> str | None:
    """ISO alpha-3 for an HSG id on a date; None when the id is not in the table.

    A dated row wins over the id's default row, so callers must pass the record date
    to get historical codes (``russia`` in 1972 -> ``SUN``).
    """
    if not hsg_id:
        return None
    rows = _index(path).get(hsg_id, ())
    dated = [r for r in rows if (r.valid_from or r.valid_to) and on is not None and r.covers(on)]
    if dated:
        return dated[0].iso3
    default = [r for r in rows if r.valid_from is None and r.valid_to is None]
    return default[0].iso3 if default else None


def iso3_name(iso3: str) -> str | None:
    """Human name for a code: current ISO, former ISO, or the reason of a user-assigned row."""
    hit = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)
    if hit is not None:
        return str(hit.name)
    for row in load_table():
        if row.iso3 == iso3 and row.basis == "user-assigned":
            return row.hsg_label or None
    return None


def table_problems(path: Path = TABLE_PATH) -> list[str]:
    """Consistency checks used by the tests: codes exist, judgement rows give reasons."""
    problems: list[str] = []
    defaults: dict[str, int] = {}
    for row in load_table(path):
        if row.basis not in BASES:
            problems.append(f"{row.hsg_id}: unknown basis {row.basis!r}")
        if row.basis == "iso-current" and pycountry.countries.get(alpha_3=row.iso3) is None:
            problems.append(f"{row.hsg_id}: {row.iso3} is not a current ISO code")
        if row.basis == "iso-former" and pycountry.historic_countries.get(alpha_3=row.iso3) is None:
            problems.append(f"{row.hsg_id}: {row.iso3} is not a former ISO code")
        if row.basis == "user-assigned" and not (row.iso3.startswith(("X", "Q")) or row.iso3[:2] in {"AA", "ZZ"}):
            problems.append(f"{row.hsg_id}: {row.iso3} is outside the ISO user-assigned ranges")
        if row.basis in {"judgement", "user-assigned", "iso-former"} and not row.reason.strip():
            problems.append(f"{row.hsg_id}: {row.basis} row needs a reason")
        if row.valid_from is None and row.valid_to is None:
            defaults[row.hsg_id] = defaults.get(row.hsg_id, 0) + 1
    problems += [f"{k}: {n} default rows" for k, n in defaults.items() if n != 1]
    problems += [f"{k}: no default row" for k in known_ids(path) if k not in defaults]
    return problems
