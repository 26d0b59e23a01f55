"""Hand-made GDELT rows and stores for the events tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from summitry.sources.events.gdelt import GDELT_COLUMNS, GDELT_SCHEMA

_ids = iter(range(900_000_000, 999_999_999))
_stories = iter(range(1, 10**9))


def gdelt_row(**kw: Any) -> dict[str, Any]:
    """One typed GDELT row; every field None unless given. `day` sets SQLDATE."""
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    day = kw.pop("day", dt.date(2019, 6, 28))
    row.update(GLOBALEVENTID=next(_ids), SQLDATE=day, MonthYear=day.year * 100 + day.month, Year=day.year,
               FractionDate=day.year + 0.5, IsRootEvent=1, EventCode="040", EventBaseCode="040",
               EventRootCode="04", QuadClass=1, GoldsteinScale=1.0, NumMentions=5, NumSources=2, NumArticles=5,
               AvgTone=0.0, ActionGeo_Type=0, DATEADDED=20190628120000, SOURCEURL="https://example.org/a")
    row.update(kw)
    return row


def consult(name1: str, country1: str, name2: str, country2: str, *, day: dt.date, code: str = "040",
            place: tuple[str, str] | None = None, mentions: int = 5, sources: int = 2, **kw: Any) -> dict[str, Any]:
    """A consult report between two GOV actors; `place` is (full name, FIPS code)."""
    geo: dict[str, Any] = {}
    if place:
        geo = {"ActionGeo_Type": 4, "ActionGeo_FullName": place[0], "ActionGeo_CountryCode": place[1]}
    fields: dict[str, Any] = {
        "EventCode": code, "EventBaseCode": code, "Actor1Name": name1, "Actor1CountryCode": country1,
        "Actor1Code": country1 + "GOV", "Actor1Type1Code": "GOV", "Actor2Name": name2, "Actor2CountryCode": country2,
        "Actor2Code": country2 + "GOV", "Actor2Type1Code": "GOV", "NumMentions": mentions, "NumSources": sources,
        "NumArticles": mentions,
        # each call is its own story (a distinct URL) unless the caller gives SOURCEURL
        "SOURCEURL": f"https://example.org/{day}/{name1}-{name2}-{code}-{next(_stories)}".replace(" ", "-"),
        **geo,
    }
    fields.update(kw)
    return gdelt_row(day=day, **fields)


def write_store(root: Path, rows: list[dict[str, Any]]) -> Path:
    """A store with one GDELT part holding `rows`."""
    (root / "gdelt").mkdir(parents=True, exist_ok=True)
    part = root / "gdelt" / "part-test.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=GDELT_SCHEMA), part)
    manifest = {"version": 1, "files": {"test": {
        "source_file": "test.export.CSV", "format": "gdelt", "sha256": "test", "size": 0, "read": len(rows),
        "loaded": len(rows), "rejected": 0, "reasons": {}, "status": "done", "note": None,
        "part": "gdelt/part-test.parquet", "rejects_part": None}}}
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root


def tsv_line(row: dict[str, Any]) -> str:
    """A typed row back in GDELT's text form (SQLDATE as YYYYMMDD)."""
    out = []
    for c in GDELT_COLUMNS:
        v = row[c]
        if c == "SQLDATE":
            v = v.strftime("%Y%m%d")
        out.append("" if v is None else str(v))
    return "\t".join(out)
