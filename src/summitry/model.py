"""A meeting as the reading sees it, whatever its origin (curated, official-derived, from event
data, or hypothetical): the one shape the analysis and the official-record queries share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass
class M:
    """One meeting; `origin` says where it came from (curated, official, events)."""

    id: str
    start: dt.date
    end: dt.date
    participants: list[dict]
    city: str
    venue_state: str
    mode: str
    host_state: str | None
    format: str
    status: str
    multilateral_event: str | None = None
    announced: dt.date | None = None
    officials_present: bool | None = None
    outcomes: list[str] = field(default_factory=list)
    region: str | None = None
    site: str | None = None
    sources: list[dict] = field(default_factory=list)
    origin: str = "curated"
    date_precision: str = "day"
    record: dict | None = field(default=None, repr=False, compare=False)  # the database row it was read from

    @property
    def leader_ids(self) -> list[str]:
        return [p["leader_id"] for p in self.participants]


def _date(v: Any) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, str):
        return dt.date.fromisoformat(v)
    return v


def from_record(r: dict, origin: str | None = None) -> M:
    """A meeting from a record shaped like `query.meeting_rows` returns (dates as ISO text or
    dates); its origin is the record's own unless `origin` is given."""
    return M(
        id=r["id"], start=_date(r["start_date"]), end=_date(r["end_date"]), participants=r["participants"],
        city=r["city"], venue_state=r["venue_state"], mode=r["mode"], host_state=r.get("host_state"),
        format=r["format"], status=r["status"], multilateral_event=r.get("multilateral_event"),
        announced=_date(r.get("announced_date")), officials_present=r.get("officials_present"),
        outcomes=list(r.get("outcomes") or []), region=r.get("region"), site=r.get("site"),
        sources=list(r.get("sources") or []), origin=origin or r.get("origin") or "curated", date_precision=r.get("date_precision") or "day",
        record=r,
    )
