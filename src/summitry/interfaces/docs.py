"""Generate docs/data-dictionary.md from the schema registry, so the docs cannot drift.

Run `python -m summitry.interfaces.docs > docs/data-dictionary.md`; a test fails when the committed
file differs from what this prints.
"""

from __future__ import annotations

from summitry.builder.origins import ORIGIN_RULE
from summitry.schema import TABLES

HEADINGS = {"core": "core tables (the curated record)", "official": "official tables (the Office of the Historian)",
            "out": "query tables (derived by the build from all of the above)", "meta": "meta tables"}


def data_dictionary() -> str:
    lines = ["# Data dictionary", "",
             "Generated from `src/summitry/schema.py` by `python -m summitry.interfaces.docs`; do not edit by hand.", ""]
    for layer in ("core", "official", "out", "meta"):
        tables = [t for t in TABLES.values() if t.layer == layer]
        if not tables:
            continue
        lines += [f"## {HEADINGS[layer]}", ""]
        if layer == "out":
            lines += ["`out_meetings` holds the meetings of every origin. Which origin stands for a pair of "
                      "states and a date is decided once, at build, by this rule:", "", *ORIGIN_RULE.splitlines(),
                      ""]
        for t in tables:
            key = f" Primary key: `{', '.join(t.primary_key)}`." if t.primary_key else ""
            lines += [f"### `{t.name}`", "", f"{t.description}.{key}", "", "| column | type | description |",
                      "| --- | --- | --- |"]
            for c in t.columns:
                desc = c.description + (f" (one of: {', '.join(c.enum)})" if c.enum else "")
                lines.append(f"| `{c.name}` | `{c.type}` | {desc.replace('|', '/')} |")
            lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(data_dictionary(), end="")
