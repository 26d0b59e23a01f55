"""The GDELT 2.0 event export and the POLECAT subset we read, as explicit Arrow schemas.

GDELT 2.0 events: 61 tab-separated fields, no header, one event per line, in the order of
the GDELT Event Codebook V2.0 (2/19/2015): 5 id/date fields, 10 per actor, 10 event
attributes, 8 geography fields for each of Actor1Geo, Actor2Geo and ActionGeo (ADM2Code is
new in 2.0), then DATEADDED and SOURCEURL. Geography country codes are FIPS 10-4; actor
country codes are CAMEO (mostly ISO 3166-1 alpha-3).

Types are fixed here, never inferred, so the same file always loads the same way: CAMEO
codes stay strings ("042" keeps its zero), SQLDATE becomes a date, counts are integers.
"""

from __future__ import annotations

import pyarrow as pa

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_FIELDS: list[tuple[str, pa.DataType]] = [
    ("GLOBALEVENTID", pa.int64()),
    ("SQLDATE", pa.date32()),
    ("MonthYear", pa.int32()),
    ("Year", pa.int32()),
    ("FractionDate", pa.float64()),
    *[(f"Actor1{f}", pa.string()) for f in _ACTOR],
    *[(f"Actor2{f}", pa.string()) for f in _ACTOR],
    ("IsRootEvent", pa.int8()),
    ("EventCode", pa.string()),
    ("EventBaseCode", pa.string()),
    ("EventRootCode", pa.string()),
    ("QuadClass", pa.int8()),
    ("GoldsteinScale", pa.float64()),
    ("NumMentions", pa.int32()),
    ("NumSources", pa.int32()),
    ("NumArticles", pa.int32()),
    ("AvgTone", pa.float64()),
    *[
        (f"{g}_{f}", pa.int8() if f == "Type" else pa.float64() if f in ("Lat", "Long") else pa.string())
        for g in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for f in _GEO
    ],
    ("DATEADDED", pa.int64()),
    ("SOURCEURL", pa.string()),
]
GDELT_COLUMNS: list[str] = [name for name, _ in GDELT_FIELDS]
GDELT_SCHEMA: pa.Schema = pa.schema(GDELT_FIELDS)
assert len(GDELT_COLUMNS) == 61, len(GDELT_COLUMNS)

#: Fields that must be present and valid for a row to load.
GDELT_REQUIRED = ("GLOBALEVENTID", "SQLDATE")

# POLECAT (PLOVER-coded) weekly files: tab-separated with a header row. We read this
# documented subset by name and ignore other columns; dates are ISO (YYYY-MM-DD),
# countries ISO 3166-1 alpha-3. Event Type is the PLOVER category (CONSULT) and Event Mode
# its mode (visit, host, third-party, phone, ...).
POLECAT_FIELDS: list[tuple[str, pa.DataType]] = [
    ("Event ID", pa.string()),
    ("Event Date", pa.date32()),
    ("Event Type", pa.string()),
    ("Event Mode", pa.string()),
    ("Actor Name", pa.string()),
    ("Actor Country", pa.string()),
    ("Actor Title", pa.string()),
    ("Recipient Name", pa.string()),
    ("Recipient Country", pa.string()),
    ("Recipient Title", pa.string()),
    ("City", pa.string()),
    ("Country", pa.string()),
    ("Latitude", pa.float64()),
    ("Longitude", pa.float64()),
    ("Source", pa.string()),
]
POLECAT_COLUMNS: list[str] = [name for name, _ in POLECAT_FIELDS]
POLECAT_SCHEMA: pa.Schema = pa.schema(POLECAT_FIELDS)
POLECAT_REQUIRED = ("Event ID", "Event Date")

# ICEWS (Dataverse `events.YYYY.tab`): tab-separated with a header row that, like POLECAT's,
# begins "Event ID"; CAMEO-coded, with actors named ("Vladimir Putin") and countries written
# out ("Russian Federation"). Read into the POLECAT shape (`ingest.icews_to_polecat`).
ICEWS_FIELDS: list[tuple[str, pa.DataType]] = [
    ("Event ID", pa.string()),
    ("Event Date", pa.date32()),
    ("Source Name", pa.string()),
    ("Source Sectors", pa.string()),
    ("Source Country", pa.string()),
    ("CAMEO Code", pa.string()),
    ("Target Name", pa.string()),
    ("Target Sectors", pa.string()),
    ("Target Country", pa.string()),
    ("Story ID", pa.string()),
    ("Publisher", pa.string()),
    ("City", pa.string()),
    ("Country", pa.string()),
    ("Latitude", pa.float64()),
    ("Longitude", pa.float64()),
]
ICEWS_SCHEMA: pa.Schema = pa.schema(ICEWS_FIELDS)

#: CAMEO consult codes that stand for an in-person meeting. 041 (discuss by telephone) is
#: left out on purpose: a phone call is not a meeting.
CONSULT_CODES: tuple[str, ...] = ("040", "042", "043", "044", "045", "046")
#: PLOVER CONSULT modes (POLECAT "Event Mode") mapped to the CAMEO code they correspond to.
PLOVER_MODE_TO_CAMEO: dict[str, str] = {
    "": "040", "visit": "042", "host": "043", "third-party": "044", "third_party": "044",
    "multilateral": "040", "mediate": "045", "negotiate": "046",
}
