"""The one schema: curated-record models, and the database tables derived from them.

The pydantic models validate the curated YAML; `TABLES` turns the same field definitions
(type and description) into DuckDB DDL, the Frictionless data package and the docs'
data dictionary, so the three cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Annotated, Literal

import pycountry
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from summitry.errors import UnknownValue

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=3, max_length=80)]
StateCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code")]

#: Former states by their former ISO 3166 alpha-3 code, with the state that succeeds them.
HISTORICAL_STATES: dict[str, tuple[str, str | None]] = {
    "SUN": ("Soviet Union", "RUS"),
    "YUG": ("Yugoslavia", "SRB"),
    "CSK": ("Czechoslovakia", "CZE"),
    "DDR": ("East Germany", "DEU"),
    "YMD": ("South Yemen", "YEM"),
    "VDR": ("North Vietnam", "VNM"),
    "ANT": ("Netherlands Antilles", None),
    "ZAR": ("Zaire", "COD"),
    "BUR": ("Burma", "MMR"),
    "SCG": ("Serbia and Montenegro", "SRB"),
}


def state_name(code: str) -> str | None:
    """Name of a current or former state by alpha-3 code, or None if the code is unknown."""
    if code in HISTORICAL_STATES:
        return HISTORICAL_STATES[code][0]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def successor(code: str) -> str:
    """The state a former one became (SUN -> RUS), for history and pairs; a current state, or one
    with no successor, is itself."""
    return HISTORICAL_STATES.get(code, (None, None))[1] or code


def predecessors(code: str) -> list[str]:
    """States that `code` succeeds (RUS -> [SUN]); used for succession-aware queries."""
    return sorted(old for old, (_, new) in HISTORICAL_STATES.items() if new == code)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Record):
    title: str = Field(min_length=3, description="What the source is")
    url: str = Field(pattern=r"^https?://\S+$", description="Where to read it")


class Term(Record):
    office: str = Field(min_length=2, description="Office title, e.g. President, General Secretary")
    kind: Literal["head_of_state", "head_of_government", "party_leader"] = Field(
        description="What the office makes its holder"
    )
    start_date: dt.date = Field(description="First day in office")
    end_date: dt.date | None = Field(default=None, description="Last day in office; null while in office")

    @model_validator(mode="after")
    def _ordered(self) -> Term:
        if self.end_date is not None and self.end_date < self.start_date:
            raise ValueError("term end_date is before start_date")
        return self

    def covers(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


def _known_state(code: str) -> str:
    if state_name(code) is None:
        raise ValueError(f"unknown state code {code!r}")
    return code


class Leader(Record):
    id: Slug = Field(description="Leader id (U.S. presidents: the Office of the Historian's id)")
    name: str = Field(min_length=3, description="Full name")
    state: StateCode = Field(description="State the leader led")
    aliases: list[str] = Field(default_factory=list, description="Other names an article may use")
    terms: list[Term] = Field(min_length=1, description="Terms in office")
    sources: list[Source] = Field(min_length=1, description="Where the terms come from")

    _state_known = field_validator("state")(_known_state)

    def term_on(self, day: dt.date) -> Term | None:
        """The term covering `day` (the senior office when several do)."""
        rank = {"party_leader": 0, "head_of_state": 1, "head_of_government": 2}
        covering = [t for t in self.terms if t.covers(day)]
        return min(covering, key=lambda t: rank[t.kind]) if covering else None


Mode = Literal["visit", "third-party", "multilateral"]
DatePrecision = Literal["day", "month", "period"]
Status = Literal["held", "cancelled", "collapsed"]
MeetingFormat = Literal[
    "state-visit",
    "official-visit",
    "working-visit",
    "informal-visit",
    "summit",
    "pull-aside",
    "private-conversation",
]


class Meeting(Record):
    id: Slug = Field(description="Readable id: year-month-city, e.g. 1986-10-reykjavik")
    status: Status = Field(description="held, or cancelled/collapsed for announced meetings that did not (fully) happen")
    start_date: dt.date = Field(description="First day of the meeting (planned day if not held)")
    end_date: dt.date = Field(description="Last day of the meeting")
    date_precision: DatePrecision = Field(
        default="day", description="day: the dates are the days the leaders met (or were to meet); month or "
        "period: a called-off meeting announced only for that month, or for the window the announcement gave, "
        "which start_date and end_date span")
    participants: list[Slug] = Field(min_length=2, description="Leader ids of those who met")
    city: str = Field(min_length=2, description="City (or nearest town) where they met")
    region: str | None = Field(default=None, description="First-level subdivision, e.g. Texas, Alaska")
    site: str | None = Field(default=None, description="Building or place, e.g. Höfði House")
    venue_state: StateCode = Field(description="State where they met")
    latitude: float | None = Field(default=None, ge=-90, le=90, description="City latitude")
    longitude: float | None = Field(default=None, ge=-180, le=180, description="City longitude")
    mode: Mode = Field(description="PLOVER CONSULT mode: visit, third-party or multilateral")
    host_state: StateCode | None = Field(default=None, description="State that hosted the meeting")
    multilateral_event: str | None = Field(default=None, description="The multilateral event, when mode is multilateral")
    format: MeetingFormat = Field(description="Diplomatic format of the meeting")
    officials_present: bool | None = Field(default=None, description="Whether officials attended; false for a private conversation")
    outcomes: list[str] = Field(default_factory=list, description="Agreements signed, joint statements")
    announced_date: dt.date | None = Field(default=None, description="First public announcement, when known")
    official_record_ids: list[str] = Field(default_factory=list, description="Office of the Historian record ids (hsg-trip-N, hsg-visit-N)")
    notes: str | None = Field(default=None, description="Our own summary")
    sources: list[Source] = Field(min_length=1, description="Where the facts come from")

    _states_known = field_validator("venue_state", "host_state")(
        lambda v: v if v is None else _known_state(v)
    )

    @field_validator("official_record_ids")
    @classmethod
    def _hsg_ids(cls, ids: list[str]) -> list[str]:
        for rid in ids:
            if not (rid.startswith(("hsg-trip-", "hsg-visit-")) and rid.rsplit("-", 1)[1].isdigit()):
                raise ValueError(f"{rid!r} is not hsg-trip-N or hsg-visit-N")
        return ids

    @model_validator(mode="after")
    def _consistent(self) -> Meeting:
        if self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        if self.mode == "multilateral" and not self.multilateral_event:
            raise ValueError("mode multilateral needs multilateral_event")
        if self.mode != "multilateral" and self.host_state is None:
            raise ValueError(f"mode {self.mode} needs host_state")
        if self.announced_date and self.announced_date > self.start_date:
            raise ValueError("announced_date is after start_date")
        if len(set(self.participants)) != len(self.participants):
            raise ValueError("a participant is listed twice")
        if self.date_precision != "day":
            if self.status == "held":
                raise ValueError("a held meeting has its days: date_precision must be day")
            if self.date_precision == "month":
                next_month = (self.start_date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
                if self.start_date.day != 1 or self.end_date != next_month - dt.timedelta(days=1):
                    raise ValueError("date_precision month: start_date and end_date are the month's first and last days")
        return self


class RelationsEntry(Record):
    id: Slug = Field(description="Entry id, unique within its dyad")
    kind: Literal["period", "event"] = Field(description="A period of relations or a dated event")
    label: str = Field(min_length=3, description="Short name")
    start_date: dt.date | None = Field(default=None, description="Period start")
    end_date: dt.date | None = Field(default=None, description="Period end; null while ongoing")
    date: dt.date | None = Field(default=None, description="Event date")
    climate: Literal["cooperation", "thaw", "tension", "confrontation", "war"] | None = Field(
        default=None, description="Relations climate of a period"
    )
    leader_id: str | None = Field(default=None, description="Leader an event concerns (e.g. an arrest warrant)")
    tags: list[str] = Field(default_factory=list, description="Machine-readable tags, e.g. arrest-warrant")
    notes: str | None = Field(default=None, description="Our own summary")
    sources: list[Source] = Field(min_length=1, description="Where the facts come from")

    @model_validator(mode="after")
    def _dated(self) -> RelationsEntry:
        if self.kind == "period":
            if self.start_date is None or self.climate is None:
                raise ValueError("a period needs start_date and climate")
            if self.end_date is not None and self.end_date < self.start_date:
                raise ValueError("end_date is before start_date")
        elif self.date is None:
            raise ValueError("an event needs date")
        return self


# --- database tables ---------------------------------------------------------------

#: Bumped whenever a table changes; a database of another version is rebuilt on first use.
SCHEMA_VERSION = 6


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type
    description: str
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    layer: str = "core"
    extra: dict = field(default_factory=dict)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl(self) -> str:
        cols = [f'"{c.name}" {c.type}' for c in self.columns]
        if self.primary_key:
            cols.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in self.primary_key) + ")")
        return f'CREATE TABLE "{self.name}" (\n  ' + ",\n  ".join(cols) + "\n)"


#: Where a row of `out_meetings` comes from.
ORIGINS = ("curated", "official", "events")

_SCALAR_TYPES = {str: "VARCHAR", dt.date: "DATE", float: "DOUBLE", bool: "BOOLEAN", int: "BIGINT"}


def _duckdb_type(annotation: object) -> tuple[str, tuple[str, ...]]:
    """Map a pydantic field annotation to a DuckDB type and, for Literals, its values."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _duckdb_type(inner)
    if origin is typing.Annotated:
        return _duckdb_type(typing.get_args(annotation)[0])
    if origin is Literal:
        return "VARCHAR", tuple(typing.get_args(annotation))
    if origin is list:
        inner, _ = _duckdb_type(typing.get_args(annotation)[0])
        return inner + "[]", ()
    return _SCALAR_TYPES[annotation], ()  # type: ignore[index]


def columns_of(model: type[BaseModel], *, skip: tuple[str, ...] = (), rename: dict | None = None) -> tuple[Column, ...]:
    """Columns derived from a model's fields: same name, type and description."""
    rename = rename or {}
    cols = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        sql_type, enum = _duckdb_type(info.annotation)
        cols.append(Column(rename.get(name, name), sql_type, info.description or "", enum))
    return tuple(cols)


def _col(name: str, type_: str, description: str) -> Column:
    return Column(name, type_, description)


_MEETING_COLUMNS = {c.name: c for c in columns_of(Meeting, skip=("participants", "sources"))}

TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table(
            "states",
            "Current and former states referenced by the record, with succession",
            (
                _col("state", "VARCHAR", "ISO 3166-1 alpha-3 code"),
                _col("name", "VARCHAR", "Common name"),
                _col("successor", "VARCHAR", "State that succeeds a former state (SUN -> RUS)"),
            ),
            ("state",),
        ),
        Table(
            "leaders",
            "Leaders in the curated record",
            (
                *columns_of(Leader, skip=("terms", "sources"), rename={"id": "leader_id"}),
                _col("sources", "STRUCT(title VARCHAR, url VARCHAR)[]", "Where the terms come from"),
            ),
            ("leader_id",),
        ),
        Table(
            "terms",
            "Terms in office, one row per leader and office",
            (_col("leader_id", "VARCHAR", "Leader id"), *columns_of(Term)),
            ("leader_id", "office", "start_date"),
        ),
        Table(
            "meetings",
            "Curated in-person meetings between U.S. presidents and Soviet/Russian leaders",
            (
                *columns_of(Meeting, skip=("participants", "sources")),
                _col("source_file", "VARCHAR", "Curated file the record came from"),
            ),
            ("id",),
        ),
        Table(
            "meeting_participants",
            "Who took part in each meeting, with the office held on the day",
            (
                _col("meeting_id", "VARCHAR", "Meeting id"),
                _col("position", "INTEGER", "Order in the curated record"),
                _col("leader_id", "VARCHAR", "Leader id"),
                _col("state", "VARCHAR", "State the leader led"),
                _col("office", "VARCHAR", "Office held on the meeting's first day"),
                _col("office_kind", "VARCHAR", "What that office made its holder: head_of_state, head_of_government "
                     "or party_leader"),
            ),
            ("meeting_id", "leader_id"),
        ),
        Table(
            "meeting_sources",
            "Sources of each meeting",
            (
                _col("meeting_id", "VARCHAR", "Meeting id"),
                _col("position", "INTEGER", "Order in the curated record"),
                *columns_of(Source),
            ),
            ("meeting_id", "position"),
        ),
        Table(
            "relations",
            "Curated relations timeline: periods and dated events per pair of states",
            (
                _col("dyad", "VARCHAR", "Pair of states, e.g. USA-RUS"),
                *columns_of(RelationsEntry, skip=("sources",), rename={"id": "entry_id"}),
                _col("sources", "STRUCT(title VARCHAR, url VARCHAR)[]", "Where the facts come from"),
            ),
            ("dyad", "entry_id"),
        ),
        Table(
            "out_meetings",
            "Meetings with their participants and sources in one row each (derived by the build; what queries read)",
            (
                _col("id", "VARCHAR", "Meeting id"),
                _MEETING_COLUMNS["start_date"],
                _MEETING_COLUMNS["end_date"],
                _MEETING_COLUMNS["date_precision"],
                _col("participants", "STRUCT(leader_id VARCHAR, name VARCHAR, state VARCHAR, office VARCHAR, "
                     "office_kind VARCHAR)[]", "Who took part, with the office held on the first day and its kind"),
                *(_MEETING_COLUMNS[n] for n in (
                    "city", "region", "site", "venue_state", "latitude", "longitude", "mode", "host_state",
                    "multilateral_event", "format", "officials_present", "status", "announced_date", "outcomes",
                    "official_record_ids", "notes")),
                _col("sources", "STRUCT(title VARCHAR, url VARCHAR)[]", "Where the facts come from"),
                _col("participant_states", "VARCHAR[]", "Participants' states, for filtering"),
                _col("participant_ids", "VARCHAR[]", "Participants' leader ids, for filtering"),
                _col("counterpart_office", "VARCHAR", "head-of-state when the principal counterpart's side was led at "
                     "the meeting by its head of state or (USSR) party leader, else head-of-government; the "
                     "--counterpart filter reads it"),
                _col("sides", "VARCHAR", "Participants' states under succession (SUN as RUS), sorted and "
                     "|-delimited, e.g. |RUS|USA|: what --between filters on"),
                Column("origin", "VARCHAR", "Where the row comes from: curated (the reviewed record), official "
                       "(one Office of the Historian record: a visit or a presidential trip) or events (a candidate "
                       "found in event data); the build writes one origin per pair and date (see ORIGIN_RULE in "
                       "summitry.builder.origins)", ORIGINS),
                _col("event_ids", "VARCHAR[]", "Events: the GDELT/POLECAT event ids the candidate was found in"),
                _col("n_reports", "BIGINT", "Events: event rows (reports) behind the candidate"),
                _col("n_stories", "BIGINT", "Events: distinct stories (source URLs) behind the candidate"),
                _col("confidence", "DOUBLE", "Events: the pipeline's confidence, 0 to 1"),
            ),
            ("id",),
            layer="out",
        ),
        Table(
            "build_info",
            "What the database was built from",
            (_col("key", "VARCHAR", "Property"), _col("value", "VARCHAR", "Value")),
            ("key",),
            layer="meta",
        ),
    ]
}


# --- the official record (Office of the Historian), loaded when present -----------------

_PROVENANCE = (
    ("source_file", "VARCHAR", "Upstream file, relative to the data root"),
    ("position", "BIGINT", "Record's position in its file"),
    ("line", "BIGINT", "Line where the record starts"),
)
_TRIP = (
    ("id", "BIGINT", "Upstream record id"),
    ("who", "VARCHAR", "Traveller id (Office of the Historian)"),
    ("role", "VARCHAR", "president or secretary"),
    ("name", "VARCHAR", "Traveller's name"),
    ("start_date", "DATE", "First day"),
    ("end_date", "DATE", "Last day"),
    ("country_id", "VARCHAR", "Upstream country id"),
    ("country_label", "VARCHAR", "Upstream country label"),
    ("country_iso3", "VARCHAR", "ISO 3166-1 alpha-3 (former states by former code)"),
    ("locale", "VARCHAR", "Place(s) visited"),
    ("remarks", "VARCHAR", "Upstream remarks, whitespace normalised"),
    ("president_id", "VARCHAR", "U.S. president in office on the first day"),
    ("president_name", "VARCHAR", "His name"),
)
_MENTION = (  # where an extracted mention comes from
    ("record_kind", "VARCHAR", "president_trip, secretary_trip or visit"),
    ("record_id", "BIGINT", "Upstream record id"),
    ("date", "DATE", "Record's first day"),
    ("president_id", "VARCHAR", "U.S. president in office"),
    ("traveller", "VARCHAR", "Who travelled (trips)"),
    ("source_field", "VARCHAR", "Field the mention came from"),
)
_OFFICIAL_TABLES = [
    ("hsg_president_trips", "Presidents' trips abroad (Office of the Historian)", ("id",), _TRIP),
    ("hsg_secretary_trips", "Secretaries of state's trips abroad (Office of the Historian)", ("id",), _TRIP),
    ("hsg_visits", "Foreign leaders' visits to the U.S. (Office of the Historian)", ("id",), (
        ("id", "BIGINT", "Upstream record id"),
        ("start_date", "DATE", "First day"),
        ("end_date", "DATE", "Last day"),
        ("visitor", "VARCHAR", "Visitor as written upstream"),
        ("visitor_office", "VARCHAR", "Office of the first visitor, split from the name"),
        ("visitor_name", "VARCHAR", "Name of the first visitor"),
        ("visitor_count", "BIGINT", "How many visitors the record names"),
        ("visitors", "STRUCT(office VARCHAR, name VARCHAR)[]", "Every visitor, office and name"),
        ("from_id", "VARCHAR", "Upstream country id"),
        ("from_label", "VARCHAR", "Upstream country label"),
        ("country_iso3", "VARCHAR", "ISO 3166-1 alpha-3 (former states by former code)"),
        ("description", "VARCHAR", "Upstream description, whitespace normalised"),
        ("president_id", "VARCHAR", "U.S. president in office on the first day"),
        ("president_name", "VARCHAR", "His name"),
    )),
    ("hsg_presidents", "U.S. presidents' terms as the Office of the Historian lists them", ("n",), (
        ("n", "BIGINT", "Number of the presidency"),
        ("id", "VARCHAR", "President id"),
        ("name", "VARCHAR", "Name"),
        ("took_office", "DATE", "First day in office"),
        ("left_office", "DATE", "Last day in office"),
    )),
    ("hsg_contacts", "Leaders and officials named in trip remarks and visit records (extracted)", (), (
        *_MENTION,
        ("counterpart_office", "VARCHAR", "Office of the person met"),
        ("counterpart_name", "VARCHAR", "Name of the person met"),
        ("counterpart_org", "VARCHAR", "Organisation, when not a state"),
        ("country_iso3", "VARCHAR", "Counterpart's state"),
        ("country_source", "VARCHAR", "How the state was found (record, text)"),
        ("is_leader", "BOOLEAN", "Whether the office is a head of state or government"),
        ("span_start", "BIGINT", "Start of the mention in the normalised text"),
        ("span_end", "BIGINT", "End of the mention"),
        ("text", "VARCHAR", "The mention"),
    )),
    ("hsg_events", "Multilateral events and summits named in the official record (extracted)", (), (
        *_MENTION,
        ("event_name", "VARCHAR", "Event as named"),
        ("event_type", "VARCHAR", "Kind of event (economic_summit, nato, g20, un, ...)"),
        ("span_start", "BIGINT", "Start of the mention"),
        ("span_end", "BIGINT", "End of the mention"),
    )),
    ("hsg_rejects", "Official records that could not be loaded, with their raw text", (), (
        ("kind", "VARCHAR", "Record kind"),
        ("level", "VARCHAR", "record or file"),
        ("source_file", "VARCHAR", "Upstream file"),
        ("position", "BIGINT", "Position in the file"),
        ("line", "BIGINT", "Line"),
        ("byte_offset", "BIGINT", "Byte offset"),
        ("record_id", "VARCHAR", "Upstream id, when readable"),
        ("reason", "VARCHAR", "Why it was rejected"),
        ("detail", "VARCHAR", "Details"),
        ("raw", "VARCHAR", "The raw record text"),
    )),
    ("hsg_file_report", "Per source file: records read, loaded and rejected (read = loaded + rejected)", ("source_file",), (
        ("source_file", "VARCHAR", "Upstream file"),
        ("kind", "VARCHAR", "Record kind"),
        ("well_formed", "BOOLEAN", "Whether the XML parsed without recovery"),
        ("utf8_ok", "BOOLEAN", "Whether the bytes were valid UTF-8"),
        ("parse_error", "VARCHAR", "Parser message, if any"),
        ("read", "BIGINT", "Records read"),
        ("loaded", "BIGINT", "Records loaded"),
        ("rejected", "BIGINT", "Records rejected"),
        ("note", "VARCHAR", "Notes"),
    )),
    ("meeting_official_links", "Curated meetings matched to their official records", ("meeting_id", "record_id"), (
        ("meeting_id", "VARCHAR", "Curated meeting id"),
        ("record_id", "VARCHAR", "Official record id (hsg-trip-N, hsg-visit-N)"),
        ("how", "VARCHAR", "curated (listed in the YAML) or matched (found by date, place and people)"),
        ("dates_agree", "BOOLEAN", "Whether the official dates cover the curated dates"),
        ("note", "VARCHAR", "What differs, and which source the record follows"),
    )),
]
for _name, _desc, _pk, _cols in _OFFICIAL_TABLES:
    _prov = _PROVENANCE if _name in ("hsg_president_trips", "hsg_secretary_trips", "hsg_visits") else ()
    TABLES[_name] = Table(_name, _desc, tuple(Column(*c) for c in (*_prov, *_cols)), _pk, layer="official")


def state_codes(code: str, *, succession: bool = True) -> list[str]:
    """The state and, with succession, the states it succeeds (RUS -> RUS, SUN)."""
    code = code.strip().upper()
    if state_name(code) is None:
        raise UnknownValue(f"unknown state code {code!r} (use ISO 3166-1 alpha-3, e.g. USA, RUS, SUN)")
    return [code, *predecessors(code)] if succession else [code]
