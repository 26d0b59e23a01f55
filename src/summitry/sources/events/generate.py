"""Synthetic GDELT 2.0 event files with planted leader meetings in realistic noise.

Why: real event data has no answer key. Here every planted meeting is known (`truth.json`),
so the pipeline's precision and recall can be measured, and files of any size (10M, 100M
rows) can be made for benchmarks. Generation is vectorised in chunks and streamed to
files, so memory does not grow with the number of rows; the same seed gives the same bytes.

The noise model (`Noise`), per report of a planted meeting unless said otherwise:
- many duplicate reports per meeting (5 + a long-tailed count, mean 25), each
  with its own event id, mentions, sources and URL;
- date slips (reported a day or two off), and a few late retrospective mentions;
- wrong places (another country's city) and missing places;
- actor coding errors (type code missing, or the wrong country code);
- non-leader actors (the state or a minister instead of the leader);
- other event codes for the same story (e.g. 036 "express intent to meet", 057 "sign");
- false trails around real leaders: weak one-to-three-report consults that never became a
  meeting, and phone calls (041);
- optionally (`previews`, `echoes`), stories written days before a meeting to announce it or
  weeks after to mention it, dated the day they were written;
- background: the bulk of rows, random actors, codes and places (including consults
  between non-leaders).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
import pyarrow.parquet as pq

from summitry.schema import state_name
from summitry.sources.events import reference
from summitry.sources.events.gdelt import GDELT_COLUMNS, GDELT_SCHEMA

EPOCH = dt.date(1970, 1, 1)
DEFAULT_START = dt.date(2015, 2, 19)
DEFAULT_END = dt.date(2025, 10, 31)
FIRST_EVENT_ID = 410_000_000

# Capitals and neutral venues: (city, state, latitude, longitude).
CAPITALS: dict[str, tuple[str, float, float]] = {
    "USA": ("Washington", 38.895, -77.036), "RUS": ("Moscow", 55.752, 37.616), "CHN": ("Beijing", 39.929, 116.388),
    "IND": ("New Delhi", 28.6, 77.2), "TUR": ("Ankara", 39.927, 32.864), "FRA": ("Paris", 48.867, 2.333),
    "DEU": ("Berlin", 52.517, 13.4), "GBR": ("London", 51.5, -0.117), "JPN": ("Tokyo", 35.685, 139.751),
    "BRA": ("Brasília", -15.783, -47.917), "ZAF": ("Pretoria", -25.746, 28.188), "UKR": ("Kyiv", 50.433, 30.517),
    "FIN": ("Helsinki", 60.176, 24.934), "CHE": ("Geneva", 46.2, 6.167), "AUT": ("Vienna", 48.2, 16.367),
    "SGP": ("Singapore", 1.293, 103.856), "ARE": ("Abu Dhabi", 24.467, 54.367), "SAU": ("Riyadh", 24.641, 46.773),
    "ITA": ("Rome", 41.9, 12.483), "KAZ": ("Astana", 51.181, 71.428), "VNM": ("Hanoi", 21.033, 105.85),
    "IDN": ("Jakarta", -6.174, 106.829), "EGY": ("Cairo", 30.05, 31.25), "ARG": ("Buenos Aires", -34.588, -58.673),
}
NEUTRAL = ("FIN", "CHE", "AUT", "SGP", "ARE", "SAU", "KAZ", "VNM", "EGY", "IDN", "ITA")
STATE_NAMES = {"USA": "United States", "RUS": "Russia", "CHN": "China", "GBR": "United Kingdom", "DEU": "Germany",
               "KOR": "South Korea"}
OTHER_CODES = ("036", "051", "057", "010", "020", "030", "111", "112", "012")


def _iso_to_fips() -> dict[str, str]:
    out: dict[str, str] = {}
    for f, i in reference.fips_to_iso3().items():
        out.setdefault(i, f)
    return out


def _country_label(iso3: str) -> str:
    return STATE_NAMES.get(iso3) or state_name(iso3) or iso3


@dataclass(frozen=True)
class Noise:
    """Rates of the noise model (see module docstring)."""

    date_slip: float = 0.15
    late_mention: float = 0.02
    wrong_place: float = 0.10
    missing_place: float = 0.12
    actor_error: float = 0.06
    non_leader: float = 0.08
    other_code: float = 0.10
    false_trails: float = 2.0  # weak leader-leader consult clusters per planted meeting
    phone_calls: float = 0.5  # leader phone calls (041) per planted meeting
    previews: float = 0.0  # stories announcing a planted meeting, per meeting, 2-7 days before ("to-meet")
    echoes: float = 0.0  # stories mentioning it 5-25 days after, per meeting, with no visit code


_CLEAN = Noise(non_leader=0.0, actor_error=0.0)


@dataclass
class Planted:
    id: str
    leaders: list[str]
    names: list[str]
    states: list[str]
    start_date: str
    end_date: str
    venue_state: str
    city: str
    mode: str
    host_state: str | None
    multilateral_event: str | None
    n_reports: int


@dataclass
class GenerateResult:
    out: Path
    files: list[Path]
    rows: int
    planted: list[Planted] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)


# --- background vocabulary -----------------------------------------------------------------

_BG_STATES = ("USA", "RUS", "CHN", "IND", "TUR", "FRA", "DEU", "GBR", "JPN", "BRA", "ZAF", "UKR", "ITA", "IRN",
              "ISR", "SYR", "PAK", "AFG", "EGY", "SAU", "KOR", "PRK", "MEX", "CAN", "AUS", "NGA", "KEN", "POL")
_BG_ROLES = (("", ""), ("GOV", "GOV"), ("MIL", "MIL"), ("COP", "COP"), ("OPP", "OPP"), ("BUS", "BUS"),
             ("MED", "MED"), ("CVL", "CVL"), ("JUD", "JUD"), ("LEG", "LEG"))
_BG_CODES = ("010", "011", "012", "013", "014", "015", "016", "017", "018", "019", "020", "022", "030", "031", "036",
             "040", "042", "043", "044", "046", "050", "051", "052", "057", "060", "061", "070", "071", "080", "090",
             "100", "110", "111", "112", "120", "125", "130", "138", "140", "141", "145", "150", "160", "163", "170",
             "172", "173", "180", "181", "190", "193", "195")


def _vocab() -> dict[str, np.ndarray]:
    """Actors and places for background rows."""
    fips = _iso_to_fips()
    codes, names, countries, types = [], [], [], []
    for s in _BG_STATES:
        label = _country_label(s).upper()
        for role, typ in _BG_ROLES:
            codes.append(s + role)
            names.append(label if not role else f"{label}")
            countries.append(s)
            types.append(typ)
    # Officials who are not heads of state/government (they must never resolve).
    for name, s in (("SERGEY LAVROV", "RUS"), ("JOHN KERRY", "USA"), ("ANTONY BLINKEN", "USA"), ("WANG YI", "CHN"),
                    ("MIKE POMPEO", "USA"), ("DMITRY PESKOV", "RUS"), ("SUBRAHMANYAM JAISHANKAR", "IND"),
                    ("MEVLUT CAVUSOGLU", "TUR"), ("FOREIGN MINISTER", "FRA")):
        codes.append(s + "GOV")
        names.append(name)
        countries.append(s)
        types.append("GOV")
    places = [(c, s, la, lo) for s, (c, la, lo) in CAPITALS.items() if s in fips]
    return {
        "code": np.array(codes), "name": np.array(names), "country": np.array(countries), "type": np.array(types),
        "place_full": np.array([f"{c}, {_country_label(s)}" for c, s, _, _ in places]),
        "place_fips": np.array([fips[s] for _, s, _, _ in places]),
        "place_lat": np.array([la for *_, la, _ in places]), "place_lon": np.array([lo for *_, lo in places]),
        "place_country": np.array([_country_label(s) for _, s, _, _ in places]),
        "event_code": np.array(_BG_CODES),
    }


def _strings(idx: np.ndarray, values: np.ndarray) -> pa.Array:
    """values[idx] as an Arrow string array, "" as null (GDELT leaves fields empty)."""
    dictionary = pa.array([v if v != "" else None for v in values.tolist()], pa.string())
    return pa.DictionaryArray.from_arrays(pa.array(idx.astype(np.int32)), dictionary).cast(pa.string())


def _background(rng: np.random.Generator, n: int, day0: int, days: int, voc: dict[str, np.ndarray],
                profile: dict[str, Any] | None = None) -> dict[str, Any]:
    """n random rows as columns (raw GDELT shape: SQLDATE as YYYYMMDD integer). With a
    `profile` (`summitry.sources.events.profile`), the consult share and code mix, the
    geography types and the rows per story follow it instead of the defaults."""
    day = rng.integers(day0, day0 + days, n)
    a1 = rng.integers(0, len(voc["code"]), n)
    a2 = rng.integers(0, len(voc["code"]), n)
    no_a2 = rng.random(n) < 0.25
    code = rng.integers(0, len(voc["event_code"]), n)
    geo = rng.integers(0, len(voc["place_full"]), n)
    geo_missing = rng.random(n) < 0.1
    mentions = rng.geometric(0.3, n).astype(np.int32)
    cols: dict[str, Any] = {"day": day}
    for side, idx, missing in (("1", a1, None), ("2", a2, no_a2)):
        for field_name, vocab_key in (("Code", "code"), ("Name", "name"), ("CountryCode", "country"),
                                      ("Type1Code", "type")):
            arr = _strings(idx, voc[vocab_key])
            if missing is not None:
                arr = pc.if_else(pa.array(missing), pa.nulls(n, pa.string()), arr)
            cols[f"Actor{side}{field_name}"] = arr
    cols["EventCode"] = _strings(code, voc["event_code"])
    cols["NumMentions"] = mentions
    cols["NumSources"] = np.minimum(mentions, rng.geometric(0.6, n)).astype(np.int32)
    cols["geo_idx"] = geo
    cols["geo_missing"] = geo_missing
    if profile is not None:
        _profiled(rng, n, cols, voc, profile)
    return cols


#: Places for the geography types GDELT gives that the default background never does.
_US_STATE = ("Texas, United States", "US", 31.0, -100.0)
_US_CITY = ("Washington, District of Columbia, United States", "US", 38.895, -77.036)


def _profiled(rng: np.random.Generator, n: int, cols: dict[str, Any], voc: dict[str, np.ndarray],
              profile: dict[str, Any]) -> None:
    """Redraw a background chunk's event codes, geography types and stories from a profile."""
    consult = rng.random(n) < profile["consult_rows"] / max(1, profile["rows"])
    mix = profile["code_mix"]
    c_codes = np.array(sorted(mix))
    weights = np.array([mix[c] for c in c_codes], float)
    weights = weights / weights.sum() if weights.sum() else np.full(len(c_codes), 1 / len(c_codes))
    others = np.array([c for c in _BG_CODES if not c.startswith("04")])
    codes = np.where(consult, rng.choice(c_codes, n, p=weights), rng.choice(others, n))
    cols["EventCode"] = pa.array(codes.tolist(), pa.string())
    kinds = np.array(sorted(int(k) for k in profile["geo_type"]))
    kw = np.array([profile["geo_type"].get(k, profile["geo_type"].get(str(k), 0.0)) for k in kinds], float)
    kw = kw / kw.sum() if kw.sum() else np.full(len(kinds), 1 / len(kinds))
    cols["geo_kind"] = rng.choice(kinds, n, p=kw).astype(np.int8)
    cols["geo_missing"] = cols["geo_kind"] == 0
    mean = max(1.0, float(profile["rows_per_story"]["mean"]))
    sizes = rng.geometric(1 / mean, n)
    cols["story"] = np.repeat(np.arange(n), sizes)[:n]


# --- planted meetings and false trails -------------------------------------------------------


def _leader_name(rng: np.random.Generator, t: reference.LeaderTerm) -> str:
    """How a report names a leader: mostly the full name, sometimes an alias (GDELT upper case)."""
    options = [t.name] + [a for a in t.aliases if len(reference.normalize_name(a)) > 3]
    pick = options[0] if rng.random() < 0.8 or len(options) == 1 else options[int(rng.integers(1, len(options)))]
    return reference.strip_accents(pick).upper()


def _plan_meetings(rng: np.random.Generator, leaders: reference.Leaders, n: int, start: dt.date,
                   end: dt.date) -> list[Planted]:
    """Meetings between leaders of different states in office, never two of a pair within 15 days."""
    cal = [e for e in reference.calendar() if start <= e.start_date and e.end_date <= end]
    span = (end - start).days - 3
    last: dict[tuple[str, str], list[dt.date]] = {}
    out: list[Planted] = []
    tries = 0
    while len(out) < n and tries < n * 50:
        tries += 1
        r = rng.random()
        event = None
        if r < 0.35 and cal:
            event = cal[int(rng.integers(0, len(cal)))]
            day = event.start_date + dt.timedelta(days=int(rng.integers(0, (event.end_date - event.start_date).days + 1)))
            mode = "multilateral"
        else:
            day = start + dt.timedelta(days=int(rng.integers(0, span)))
            mode = "visit" if r < 0.8 else "third-party"
        on = leaders.on(day)
        if event is not None:
            on = [t for t in on if t.state != event.state] + [t for t in on if t.state == event.state]
        if len(on) < 2:
            continue
        i, j = rng.choice(len(on), 2, replace=False)
        a, b = on[int(i)], on[int(j)]
        if a.state == b.state:
            continue
        key = tuple(sorted((a.leader_id, b.leader_id)))
        if any(abs((day - d).days) < 15 for d in last.get(key, [])):  # type: ignore[arg-type]
            continue
        duration = 1 if rng.random() < 0.75 else 2
        if event is not None:
            venue, city, host = event.state, event.city, event.state
            duration = 1
        elif mode == "visit":
            host = a.state if rng.random() < 0.5 else b.state
            if host not in CAPITALS:
                continue
            venue, city = host, CAPITALS[host][0]
        else:
            venue = str(rng.choice([s for s in NEUTRAL if s not in (a.state, b.state)]))
            city, host = CAPITALS[venue][0], venue
        last.setdefault(key, []).append(day)  # type: ignore[arg-type]
        first, second = sorted((a, b), key=lambda t: t.leader_id)
        end_day = day + dt.timedelta(days=duration - 1)
        n_rep = 5 + int(rng.negative_binomial(1.2, 1.2 / (1.2 + 20)))
        out.append(Planted(
            id=f"planted-{len(out):05d}", leaders=[first.leader_id, second.leader_id], names=[first.name, second.name],
            states=[first.state, second.state], start_date=day.isoformat(), end_date=end_day.isoformat(),
            venue_state=venue, city=city, mode=mode, host_state=host,
            multilateral_event=event.name if event else None, n_reports=n_rep,
        ))
    return sorted(out, key=lambda m: (m.start_date, m.id))


@dataclass
class _Row:
    day: dt.date
    code: str
    a1: tuple[str | None, str | None, str | None, str | None]  # code, name, country, type
    a2: tuple[str | None, str | None, str | None, str | None]
    place: tuple[str, str, float, float] | None  # full name, fips, lat, lon
    geo_type: int
    mentions: int
    sources: int
    url: str


def _actor(rng: np.random.Generator, t: reference.LeaderTerm, noise: Noise) -> tuple[str | None, ...]:
    r = rng.random()
    if r < noise.non_leader:
        if rng.random() < 0.5:
            return (t.state, _country_label(t.state).upper(), t.state, None)
        return (t.state + "GOV", f"{_country_label(t.state).upper()} FOREIGN MINISTER", t.state, "GOV")
    if r < noise.non_leader + noise.actor_error:
        if rng.random() < 0.5:
            return (t.state, _leader_name(rng, t), t.state, None)  # type code lost
        return ("UNKGOV", _leader_name(rng, t), "UNK", "GOV")  # wrong country code
    return (t.state + "GOV", _leader_name(rng, t), t.state, "GOV")


def _place(city: str, state: str, fips: dict[str, str]) -> tuple[tuple[str, str, float, float], int]:
    lat, lon = (CAPITALS[state][1], CAPITALS[state][2]) if CAPITALS.get(state, ("",))[0] == city else (0.0, 0.0)
    if state == "USA":
        return (f"{city}, United States", fips["USA"], lat, lon), 3
    return (f"{city}, {_country_label(state)}", fips.get(state, ""), lat, lon), 4


def _url(rng: np.random.Generator, day: dt.date, slug: str) -> str:
    site = int(rng.integers(1, 400))
    return f"https://news{site}.example.com/{day:%Y/%m/%d}/{slug}-{int(rng.integers(10**6, 10**7))}"


def _meeting_rows(rng: np.random.Generator, m: Planted, terms: dict[str, reference.LeaderTerm], noise: Noise,
                  fips: dict[str, str]) -> list[_Row]:
    a, b = terms[m.leaders[0]], terms[m.leaders[1]]
    start = dt.date.fromisoformat(m.start_date)
    days = (dt.date.fromisoformat(m.end_date) - start).days + 1
    venue, vtype = _place(m.city, m.venue_state, fips)
    rows = []
    for _ in range(m.n_reports):
        day = start + dt.timedelta(days=int(rng.integers(0, days)))
        r = rng.random()
        if r < noise.late_mention:
            day += dt.timedelta(days=int(rng.integers(5, 21)))
        elif r < noise.late_mention + noise.date_slip:
            day += dt.timedelta(days=int(rng.choice([-1, 1, 1, 2])))
        first, second = (a, b) if rng.random() < 0.5 else (b, a)
        if m.mode == "visit":
            visitor_first = first.state != m.host_state
            code = str(rng.choice(["042" if visitor_first else "043", "040", "046", "042" if visitor_first else "043"]))
        elif m.mode == "third-party":
            code = str(rng.choice(["044", "040", "046", "044"]))
        else:
            code = str(rng.choice(["040", "046", "044", "040"]))
        if rng.random() < noise.other_code:
            code = str(rng.choice(OTHER_CODES))
        pr = rng.random()
        if pr < noise.missing_place:
            place, gtype = None, 0
        elif pr < noise.missing_place + noise.wrong_place:
            other = str(rng.choice([s for s in CAPITALS if s != m.venue_state]))
            place, gtype = _place(CAPITALS[other][0], other, fips)
        else:
            place, gtype = venue, vtype
        mentions = int(1 + rng.geometric(0.18))
        rows.append(_Row(day, code, _actor(rng, first, noise), _actor(rng, second, noise), place, gtype, mentions,
                         int(min(mentions, rng.geometric(0.35))), _url(rng, day, "leaders-meet")))
    return rows


def _before_and_after(rng: np.random.Generator, m: Planted, terms: dict[str, reference.LeaderTerm], noise: Noise,
                      fips: dict[str, str]) -> list[_Row]:
    """Stories about a planted meeting written days before it (previews, whose URL headline says
    'to-meet') or weeks after (echoes, talk about it with no visit code), each coded both ways:
    what GDELT dates by the day a story was written, not the day of the talks."""
    a, b = terms[m.leaders[0]], terms[m.leaders[1]]
    start, end = dt.date.fromisoformat(m.start_date), dt.date.fromisoformat(m.end_date)
    venue, vtype = _place(m.city, m.venue_state, fips)
    rows = []
    for kind, n in (("preview", rng.poisson(noise.previews)), ("echo", rng.poisson(noise.echoes))):
        for _ in range(int(n)):
            day = (start - dt.timedelta(days=int(rng.integers(2, 8))) if kind == "preview"
                   else end + dt.timedelta(days=int(rng.integers(5, 26))))
            url = _url(rng, day, "leaders-to-meet-next-week" if kind == "preview" else "talks-recalled")
            code = str(rng.choice(["040", "046"]))
            mentions = int(1 + rng.geometric(0.18))
            for first, second in ((a, b), (b, a)):
                rows.append(_Row(day, code, _actor(rng, first, _CLEAN), _actor(rng, second, _CLEAN), venue, vtype,
                                 mentions, int(min(mentions, rng.geometric(0.35))), url))
    return rows


def _false_trails(rng: np.random.Generator, leaders: reference.Leaders, n: int, phone: int, start: dt.date,
                  end: dt.date, planted: list[Planted], noise: Noise, fips: dict[str, str]) -> list[_Row]:
    """Weak consult clusters between leaders that are not meetings, and phone calls."""
    busy = {}
    for m in planted:
        busy.setdefault(tuple(m.leaders), []).append(dt.date.fromisoformat(m.start_date))
    rows: list[_Row] = []
    span = (end - start).days
    made = 0
    while made < n + phone:
        day = start + dt.timedelta(days=int(rng.integers(0, span)))
        on = leaders.on(day)
        if len(on) < 2:
            continue
        i, j = rng.choice(len(on), 2, replace=False)
        a, b = on[int(i)], on[int(j)]
        key = tuple(sorted((a.leader_id, b.leader_id)))
        if a.state == b.state or any(abs((day - d).days) < 20 for d in busy.get(key, [])):
            continue
        is_phone = made >= n
        made += 1
        k = int(rng.integers(3, 12)) if is_phone else int(min(3, rng.geometric(0.65)))
        for _ in range(k):
            code = "041" if is_phone else str(rng.choice(["040", "046", "040", "042", "044"]))
            state = str(rng.choice([a.state, b.state]))
            place, gtype = _place(CAPITALS[state][0], state, fips) if state in CAPITALS else (None, 0)
            mentions = int(rng.integers(1, 4))
            rows.append(_Row(day + dt.timedelta(days=int(rng.integers(0, 2))), code, _actor(rng, a, _CLEAN),
                             _actor(rng, b, _CLEAN), place, gtype, mentions, 1,
                             _url(rng, day, "talks")))
    return rows


def _rows_to_columns(rows: list[_Row]) -> dict[str, Any]:
    n = len(rows)
    cols: dict[str, Any] = {"day": np.array([(r.day - EPOCH).days for r in rows], dtype=np.int64)}
    for side in ("1", "2"):
        for k, f in enumerate(("Code", "Name", "CountryCode", "Type1Code")):
            cols[f"Actor{side}{f}"] = pa.array([getattr(r, f"a{side}")[k] for r in rows], pa.string())
    cols["EventCode"] = pa.array([r.code for r in rows], pa.string())
    cols["NumMentions"] = np.array([r.mentions for r in rows], np.int32)
    cols["NumSources"] = np.array([max(1, r.sources) for r in rows], np.int32)
    cols["place"] = [r.place for r in rows]
    cols["geo_type"] = np.array([r.geo_type for r in rows], np.int8)
    cols["SOURCEURL"] = pa.array([r.url for r in rows], pa.string())
    cols["n"] = n
    return cols


# --- assembling full GDELT rows ---------------------------------------------------------------


def _assemble(rng: np.random.Generator, bg: dict[str, Any], extra: dict[str, Any] | None, first_id: int,
              voc: dict[str, np.ndarray]) -> pa.Table:
    """One chunk of rows in the raw GDELT shape (61 columns, SQLDATE as YYYYMMDD int)."""
    n_bg = len(bg["day"])
    # Places of background rows.
    g = bg["geo_idx"]
    miss = bg["geo_missing"]
    bg_full = pc.if_else(pa.array(miss), pa.nulls(n_bg, pa.string()), _strings(g, voc["place_full"]))
    bg_fips = pc.if_else(pa.array(miss), pa.nulls(n_bg, pa.string()), _strings(g, voc["place_fips"]))
    bg_lat = np.where(miss, np.nan, voc["place_lat"][g])
    bg_lon = np.where(miss, np.nan, voc["place_lon"][g])
    bg_type = np.where(miss, 0, 4).astype(np.int8)
    bg_url = pa.array(np.char.add("https://news.example.org/a/", rng.integers(10**8, 10**9, n_bg).astype(str)))
    if "geo_kind" in bg:  # a profiled chunk: country-level, U.S. and region geocodes too, stories of several rows
        kind = bg["geo_kind"]
        full = np.where(miss, None, voc["place_full"][g]).astype(object)
        country_level = (kind == 1) | (kind == 5)
        full[country_level] = voc["place_country"][g][country_level]
        fips_arr = np.where(miss, None, voc["place_fips"][g]).astype(object)
        lat, lon = bg_lat.copy(), bg_lon.copy()
        for k, (name, code, la, lo) in ((2, _US_STATE), (3, _US_CITY)):
            here = kind == k
            full[here], fips_arr[here], lat[here], lon[here] = name, code, la, lo
        bg_full, bg_fips, bg_lat, bg_lon = pa.array(full, pa.string()), pa.array(fips_arr, pa.string()), lat, lon
        bg_type = kind
        base = int(rng.integers(10**8, 10**9 - n_bg))
        bg_url = pa.array(np.char.add("https://news.example.org/a/", (base + bg["story"]).astype(str)))

    parts: dict[str, list[Any]] = {}

    def put(name: str, a: Any, b: Any) -> None:
        parts[name] = [a] if b is None else [a, b]

    e = extra
    for name in ("Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor2Code", "Actor2Name",
                 "Actor2CountryCode", "Actor2Type1Code", "EventCode"):
        put(name, bg[name], e[name] if e else None)
    put("day", bg["day"], e["day"] if e else None)
    put("NumMentions", bg["NumMentions"], e["NumMentions"] if e else None)
    put("NumSources", bg["NumSources"], e["NumSources"] if e else None)
    put("SOURCEURL", bg_url, e["SOURCEURL"] if e else None)
    if e:
        places = e["place"]
        put("geo_full", bg_full, pa.array([p[0] if p else None for p in places], pa.string()))
        put("geo_fips", bg_fips, pa.array([p[1] if p else None for p in places], pa.string()))
        put("geo_lat", bg_lat, np.array([p[2] if p and p[2] else np.nan for p in places]))
        put("geo_lon", bg_lon, np.array([p[3] if p and p[3] else np.nan for p in places]))
        put("geo_type", bg_type, e["geo_type"])
    else:
        for k, v in (("geo_full", bg_full), ("geo_fips", bg_fips), ("geo_lat", bg_lat), ("geo_lon", bg_lon),
                     ("geo_type", bg_type)):
            put(k, v, None)

    def cat(name: str, typ: pa.DataType) -> pa.Array:
        chunks = [c if isinstance(c, pa.Array) else pa.array(c, typ, from_pandas=True) for c in parts[name]]
        return pa.concat_arrays([c.cast(typ) for c in chunks])

    day = np.concatenate([np.asarray(p) for p in parts["day"]]).astype(np.int64)
    n = len(day)
    dates = (np.datetime64("1970-01-01") + day.astype("timedelta64[D]")).astype("datetime64[D]")
    years = dates.astype("datetime64[Y]").astype(int) + 1970
    months = dates.astype("datetime64[M]").astype(int) % 12 + 1
    dom = (dates - dates.astype("datetime64[M]")).astype(int) + 1
    sqldate = years * 10000 + months * 100 + dom
    mentions = cat("NumMentions", pa.int32())
    code = cat("EventCode", pa.string())
    lat = cat("geo_lat", pa.float64())
    lon = cat("geo_lon", pa.float64())
    nulls_s = pa.nulls(n, pa.string())
    cols: dict[str, pa.Array] = {
        "GLOBALEVENTID": pa.array(np.arange(first_id, first_id + n, dtype=np.int64)),
        "SQLDATE": pa.array(sqldate.astype(np.int32)),
        "MonthYear": pa.array((years * 100 + months).astype(np.int32)),
        "Year": pa.array(years.astype(np.int32)),
        "FractionDate": pa.array(np.round(years + (months * 30 + dom) / 365.0, 4)),
    }
    for side in ("1", "2"):
        code_col = cat(f"Actor{side}Code", pa.string())
        for f in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                  "Type1Code", "Type2Code", "Type3Code"):
            key = f"Actor{side}{f}"
            cols[key] = code_col if f == "Code" else cat(key, pa.string()) if key in parts else nulls_s
    quad = np.where(pc.starts_with(code, "0").to_numpy(zero_copy_only=False), 1, 3).astype(np.int8)
    cols.update({
        "IsRootEvent": pa.array(rng.integers(0, 2, n).astype(np.int8)),
        "EventCode": code,
        "EventBaseCode": pc.utf8_slice_codeunits(code, 0, 3),
        "EventRootCode": pc.utf8_slice_codeunits(code, 0, 2),
        "QuadClass": pa.array(quad),
        "GoldsteinScale": pa.array(np.round(rng.uniform(-10, 10, n), 1)),
        "NumMentions": mentions,
        "NumSources": cat("NumSources", pa.int32()),
        "NumArticles": mentions,
        "AvgTone": pa.array(np.round(rng.normal(-1.5, 3.0, n), 6)),
    })
    full = cat("geo_full", pa.string())
    fips = cat("geo_fips", pa.string())
    gtype = cat("geo_type", pa.int8())
    for g in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
        cols[f"{g}_Type"] = gtype
        cols[f"{g}_FullName"] = full
        cols[f"{g}_CountryCode"] = fips
        cols[f"{g}_ADM1Code"] = fips
        cols[f"{g}_ADM2Code"] = nulls_s
        cols[f"{g}_Lat"] = lat
        cols[f"{g}_Long"] = lon
        cols[f"{g}_FeatureID"] = nulls_s
    cols["DATEADDED"] = pa.array(sqldate.astype(np.int64) * 1_000_000 + 120000)
    cols["SOURCEURL"] = cat("SOURCEURL", pa.string())
    return pa.table({c: cols[c] for c in GDELT_COLUMNS})


def to_schema(raw: pa.Table) -> pa.Table:
    """Raw generated rows (SQLDATE as YYYYMMDD) in the typed schema the ingest produces."""
    sqldate = raw.column("SQLDATE").to_numpy()
    y, md = np.divmod(sqldate, 10000)
    m, d = np.divmod(md, 100)
    dates = (y - 1970).astype("datetime64[Y]") + (m - 1).astype("timedelta64[M]")
    dates = dates.astype("datetime64[D]") + (d - 1).astype("timedelta64[D]")
    arrays = [pa.array(dates.astype("datetime64[D]"), pa.date32()) if n == "SQLDATE" else raw.column(n)
              for n in GDELT_COLUMNS]
    return pa.Table.from_arrays(arrays, schema=GDELT_SCHEMA)


def _write_tsv(table: pa.Table, path: Path, compress: str) -> Path:
    opts = pcsv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none")
    if compress == "zip":
        path = path.with_name(path.name + ".zip")
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf, \
                zf.open(path.name[:-4], "w", force_zip64=True) as f:
            pcsv.write_csv(table, f, opts)
        return path
    if compress == "gz":
        path = path.with_name(path.name + ".gz")
        with pa.CompressedOutputStream(str(path), "gzip") as f:
            pcsv.write_csv(table, f, opts)
        return path
    pcsv.write_csv(table, str(path), opts)
    return path


def generate(
    rows: int,
    out: str | os.PathLike,
    *,
    seed: int = 7,
    meetings: int | None = None,
    fmt: str = "tsv",
    compress: str = "none",
    rows_per_file: int = 1_000_000,
    start: dt.date = DEFAULT_START,
    end: dt.date = DEFAULT_END,
    noise: Noise | None = None,
    leaders: reference.Leaders | None = None,
    progress: Callable[[int], None] | None = None,
    profile: dict[str, Any] | None = None,
) -> GenerateResult:
    """Write `rows` synthetic GDELT rows to `out` and the planted meetings to `out/truth.json`.

    fmt "tsv" writes GDELT export files (compress none/gz/zip) to read with `ingest`;
    fmt "parquet" writes a ready store (typed parts and a manifest), skipping the ingest.
    `profile` (measured on real files by `summitry.sources.events.profile.profile`) makes the
    background follow real coding: consult share and code mix, geography types, rows per story.
    """
    if fmt not in ("tsv", "parquet") or compress not in ("none", "gz", "zip"):
        raise ValueError("fmt is tsv or parquet; compress is none, gz or zip")
    noise = noise or Noise()
    rng = np.random.default_rng(seed)
    leaders = leaders or reference.load_leaders()
    out = Path(out)
    n_meet = meetings if meetings is not None else max(10, rows // 20_000)
    planted = _plan_meetings(rng, leaders, n_meet, start, end)
    terms: dict[str, reference.LeaderTerm] = {}
    for m in planted:
        day = dt.date.fromisoformat(m.start_date)
        for lid in m.leaders:
            terms[lid] = next(t for t in leaders.on(day) if t.leader_id == lid)
    fips = _iso_to_fips()
    special: list[_Row] = []
    for m in planted:
        terms_m = {lid: next(t for t in leaders.on(dt.date.fromisoformat(m.start_date)) if t.leader_id == lid)
                   for lid in m.leaders}
        special.extend(_meeting_rows(rng, m, terms_m, noise, fips))
        if noise.previews or noise.echoes:  # draws nothing otherwise: the default output is unchanged
            special.extend(_before_and_after(rng, m, terms_m, noise, fips))
    special.extend(_false_trails(rng, leaders, int(noise.false_trails * len(planted)),
                                 int(noise.phone_calls * len(planted)), start, end, planted, noise, fips))
    if len(special) > rows:
        raise ValueError(f"{rows} rows cannot hold {len(special)} planted rows; ask for more rows or fewer meetings")
    voc = _vocab()
    n_files = max(1, -(-rows // rows_per_file))
    # Which file each special row goes to.
    where = rng.integers(0, n_files, len(special))
    day0, days = (start - EPOCH).days, (end - start).days + 1
    sub = "gdelt" if fmt == "parquet" else ""
    (out / sub).mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    manifest: dict[str, Any] = {"version": 1, "files": {}}
    next_id = FIRST_EVENT_ID
    for k in range(n_files):
        n_here = min(rows_per_file, rows - k * rows_per_file)
        mine = [special[i] for i in np.flatnonzero(where == k)]
        extra = _rows_to_columns(mine) if mine else None
        bg = _background(rng, n_here - len(mine), day0, days, voc, profile)
        raw = _assemble(rng, bg, extra, next_id, voc)
        next_id += raw.num_rows
        if fmt == "parquet":
            path = out / "gdelt" / f"part-synthetic-{k:05d}.parquet"
            pq.write_table(to_schema(raw), path, compression="zstd", row_group_size=1 << 19)
            manifest["files"][f"synthetic-{seed}-{k:05d}"] = {
                "source_file": f"synthetic-{k:05d}.export.CSV", "format": "gdelt", "sha256": f"synthetic-{seed}-{k:05d}",
                "size": path.stat().st_size, "read": raw.num_rows, "loaded": raw.num_rows, "rejected": 0,
                "reasons": {}, "status": "done", "note": "generated", "part": str(path.relative_to(out)),
                "rejects_part": None,
            }
        else:
            path = _write_tsv(raw, out / f"{20150219000000 + k:014d}.export.CSV", compress)
        files.append(path)
        if progress:
            progress(raw.num_rows)
    if fmt == "parquet":
        (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    params = {"rows": rows, "seed": seed, "meetings": len(planted), "fmt": fmt, "compress": compress,
              "start": start.isoformat(), "end": end.isoformat(), "noise": asdict(noise),
              "special_rows": len(special), "profile": profile}
    (out / "truth.json").write_text(json.dumps({"params": params, "meetings": [asdict(m) for m in planted]},
                                               indent=1, ensure_ascii=False), encoding="utf-8")
    return GenerateResult(out, files, rows, planted, params)
