"""Vega-Lite specifications for the explorer's charts (rendered in the browser by vega-embed).

Specs carry their data inline (small: at most a few hundred meetings), so a chart needs no
second request; each chart also links to the same data as CSV.
"""

from __future__ import annotations

from typing import Any

from summitry.interfaces.web.explore import today

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"  # an identifier; never fetched

#: Colour-blind-safe colours with at least 4.5:1 contrast on white, in settings_for() order.
SETTING_COLOURS = ["#0b5fa5", "#b03a2e", "#1e7b34", "#6f2c91"]
STATUS_SHAPES = {"held": "circle", "cancelled": "cross", "collapsed": "triangle-up"}
CLIMATE_COLOURS = {
    "cooperation": "#bfe3c0", "thaw": "#cfe3f5", "tension": "#fde2b8", "confrontation": "#f7c1b5", "war": "#d6d6d6",
}

_TOOLTIP = [
    {"field": "id", "title": "meeting"},
    {"field": "start_date", "title": "date"},
    {"field": "place", "title": "place"},
    {"field": "who", "title": "who"},
    {"field": "setting", "title": "setting"},
    {"field": "format", "title": "format"},
    {"field": "status", "title": "status"},
]


def _base(title: str, description: str) -> dict[str, Any]:
    return {
        "$schema": SCHEMA,
        "title": title,
        "description": description,
        "width": "container",
        "autosize": {"type": "fit-x", "contains": "padding"},
        "config": {"font": "system-ui, sans-serif", "axis": {"labelFontSize": 12, "titleFontSize": 12},
                   "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "columns": 2}},
    }


def _meeting_points(m: dict) -> dict[str, Any]:
    return {k: m.get(k) for k in ("id", "start_date", "end_date", "place", "who", "setting", "format", "status",
                                  "latitude", "longitude", "url", "city")}


def timeline(meetings: list[dict], settings: list[str], relations: list[dict], title: str) -> dict[str, Any]:
    """One mark per meeting (x: date, row and colour: setting), relations periods as bands behind."""
    periods = [
        {"label": r["label"], "climate": r.get("climate") or "", "start": r["start_date"],
         "end": r.get("end_date") or today()}
        for r in relations if r.get("kind") == "period" and r.get("start_date")
    ]
    dates = [m["start_date"] for m in meetings]
    if dates:  # keep the bands to the span of the meetings shown
        lo, hi = min(dates), max(dates)
        periods = [{**p, "start": max(p["start"], lo[:4] + "-01-01"), "end": min(p["end"], hi[:4] + "-12-31")}
                   for p in periods if p["end"] >= lo[:4] + "-01-01" and p["start"] <= hi[:4] + "-12-31"]
    layers: list[dict[str, Any]] = []
    if periods:
        climates = [c for c in CLIMATE_COLOURS if any(p["climate"] == c for p in periods)]
        layers.append({
            "data": {"values": periods},
            "mark": {"type": "rect", "opacity": 0.8},
            "encoding": {
                "x": {"field": "start", "type": "temporal"},
                "x2": {"field": "end"},
                "color": {"field": "climate", "type": "nominal", "title": "Relations",
                          "scale": {"domain": climates, "range": [CLIMATE_COLOURS[c] for c in climates]}},
                "tooltip": [{"field": "label", "title": "period"}, {"field": "climate"},
                            {"field": "start", "type": "temporal", "title": "from"},
                            {"field": "end", "type": "temporal", "title": "to"}],
            },
        })
    layers.append({
        "data": {"values": [_meeting_points(m) for m in meetings]},
        "mark": {"type": "point", "filled": True, "size": 140, "opacity": 0.95, "cursor": "pointer",
                 "stroke": "white", "strokeWidth": 1},
        "encoding": {
            "x": {"field": "start_date", "type": "temporal", "title": "Year", "axis": {"format": "%Y", "tickCount": 10}},
            "y": {"field": "setting", "type": "nominal", "title": None, "sort": settings,
                  "scale": {"domain": settings}, "axis": {"labelLimit": 160}},
            "color": {"field": "setting", "type": "nominal", "title": "Setting",
                      "scale": {"domain": settings, "range": SETTING_COLOURS}},
            "shape": {"field": "status", "type": "nominal", "title": "Status",
                      "scale": {"domain": list(STATUS_SHAPES), "range": list(STATUS_SHAPES.values())}},
            "tooltip": _TOOLTIP,
        },
    })
    spec = _base(title, "Timeline of meetings, one mark per meeting, coloured by setting, "
                        "with periods of relations as bands behind.")
    spec.update({"height": 220, "layer": layers, "resolve": {"scale": {"color": "independent"}}})
    return spec


def venue_map(meetings: list[dict], settings: list[str], title: str) -> dict[str, Any]:
    """Country shapes (vendored world-atlas) with a circle at each meeting's city."""
    points = [_meeting_points(m) for m in meetings if m.get("latitude") is not None and m.get("longitude") is not None]
    spec = _base(title, "World map with a circle at the city of each meeting, coloured by setting.")
    spec.update({
        "height": 420,
        "projection": {"type": "equalEarth"},
        "layer": [
            {
                "data": {"url": "/static/vendor/countries-110m.json",
                         "format": {"type": "topojson", "feature": "countries"}},
                "mark": {"type": "geoshape", "fill": "#e9ecef", "stroke": "#ffffff", "strokeWidth": 0.5},
            },
            {
                "data": {"values": points},
                "mark": {"type": "circle", "size": 110, "opacity": 0.8, "stroke": "white", "strokeWidth": 1,
                         "cursor": "pointer"},
                "encoding": {
                    "longitude": {"field": "longitude", "type": "quantitative"},
                    "latitude": {"field": "latitude", "type": "quantitative"},
                    "color": {"field": "setting", "type": "nominal", "title": "Setting",
                              "scale": {"domain": settings, "range": SETTING_COLOURS}},
                    "tooltip": _TOOLTIP,
                },
            },
        ],
    })
    return spec


def counts_per_year(rows: list[dict], title: str, what: str) -> dict[str, Any]:
    """Bars: number of official records per year."""
    spec = _base(title, f"Bar chart of {what} per year.")
    spec.update({
        "height": 220,
        "data": {"values": [{"year": r["key"], "count": r["count"]} for r in rows]},
        "mark": {"type": "bar", "color": SETTING_COLOURS[0], "tooltip": True},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": "Year",
                  "axis": {"labelAngle": -90, "labelOverlap": "greedy"}},
            "y": {"field": "count", "type": "quantitative", "title": what.capitalize()},
        },
    })
    return spec
