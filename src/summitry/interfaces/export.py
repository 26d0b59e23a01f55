"""Export the database as files anyone can use: CSV, Parquet and JSON, plus a data package.

Every table in the `TABLES` registry that the database holds is written (the official
record's tables only when they were loaded), and so is any other table the build added.
`datapackage.json` (Frictionless Data Package v1, tabular profile) is generated from the
same registry, so field types, descriptions, enums and keys cannot drift from the schema.

Licences differ by origin: the curated record is ours (CC-BY-4.0); the Office of the
Historian's records are U.S. government works (public domain in the U.S., CC0 elsewhere).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from summitry.config import VERSION as __version__
from summitry.errors import CannotWrite
from summitry.schema import TABLES, Column, Table

FORMATS = ("csv", "parquet", "json")
MEDIATYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet", "json": "application/json"}

AUTHOR = "Summitry contributors"
TITLE = "Summitry: U.S.–Soviet/Russian leader meetings"
DESCRIPTION = (
    "A cited record of in-person meetings between U.S. presidents and Soviet/Russian leaders, "
    "with leaders' terms, relations periods and, when loaded, the U.S. Office of the Historian's "
    "records of presidential trips abroad and foreign leaders' visits."
)

LICENCES: dict[str, dict[str, str]] = {
    "curated": {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                "path": "https://creativecommons.org/licenses/by/4.0/"},
    "official": {"name": "CC0-1.0", "title": "CC0 1.0 Universal (U.S. government work, public domain in the U.S.)",
                 "path": "https://creativecommons.org/publicdomain/zero/1.0/"},
}
SOURCES: dict[str, dict[str, str]] = {
    "curated": {"title": f"Summitry curated record ({AUTHOR}), compiled from the sources cited in each row",
                "path": "https://history.state.gov/departmenthistory"},
    "official": {"title": "U.S. Department of State, Office of the Historian: Travels of the President; "
                          "Visits by Foreign Leaders (HistoryAtState travels and visits repositories)",
                 "path": "https://history.state.gov/departmenthistory"},
}

#: Tables filled from the curated YAML; every other table comes from the official record.
CURATED_TABLES = frozenset({"states", "leaders", "terms", "meetings", "meeting_participants", "meeting_sources",
                            "relations", "build_info"})
_OFFICIAL_NAME = re.compile(r"(^|_)(trips?|visits?|official|hsg|raw|travels?|presidents?)(_|$)")


def cite_text(version: str = __version__) -> str:
    """The "cite this" sentence shown on the downloads page (mirrors CITATION.cff)."""
    return (f"{AUTHOR}. {TITLE}, version {version} [data set and software]. Curated data licensed CC-BY-4.0. "
            "Includes records of the U.S. Department of State, Office of the Historian (public domain).")


def origin_of(name: str, table: Table | None = None) -> str:
    """'curated' or 'official': which licence and source a table carries."""
    if table is not None:
        declared = table.extra.get("origin") or table.extra.get("source")
        if declared in ("curated", "official"):
            return declared
        if table.layer in ("raw", "official"):
            return "official"
    if name in CURATED_TABLES:
        return "curated"
    return "official" if _OFFICIAL_NAME.search(name) else "curated"


def table_schema_type(duckdb_type: str) -> str:
    """Frictionless Table Schema type for a DuckDB column type."""
    t = duckdb_type.strip().upper()
    if t.endswith("]"):
        return "array"
    if t.startswith(("STRUCT", "MAP")) or t == "JSON":
        return "object"
    base = t.split("(")[0]
    if base in {"VARCHAR", "TEXT", "STRING", "UUID", "CHAR", "BPCHAR", "ENUM"}:
        return "string"
    if base in {"TINYINT", "SMALLINT", "INTEGER", "INT", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                "UBIGINT"}:
        return "integer"
    if base in {"DOUBLE", "FLOAT", "REAL", "DECIMAL", "NUMERIC"}:
        return "number"
    if base == "BOOLEAN":
        return "boolean"
    if base == "DATE":
        return "date"
    if base.startswith("TIMESTAMP"):
        return "datetime"
    if base == "TIME":
        return "time"
    return "any"


def _field(col: Column, primary_key: Iterable[str]) -> dict[str, Any]:
    field: dict[str, Any] = {"name": col.name, "type": table_schema_type(col.type)}
    if col.description:
        field["description"] = col.description
    constraints: dict[str, Any] = {}
    if col.enum:
        constraints["enum"] = list(col.enum)
    if col.name in primary_key:
        constraints["required"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def _db_tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    """Tables in the database with their (column, type), in column order."""
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position").fetchall()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, dtype in rows:
        out.setdefault(table, []).append((column, dtype))
    return out


def tables_to_export(con: duckdb.DuckDBPyConnection) -> list[Table]:
    """Registry tables present in the database (registry order), then any others it holds."""
    present = _db_tables(con)
    out = [t for name, t in TABLES.items() if name in present]
    for name in sorted(set(present) - set(TABLES)):
        cols = tuple(Column(c, dtype, "") for c, dtype in present[name])
        out.append(Table(name, "", cols, (), layer="official" if origin_of(name) == "official" else "core"))
    return out


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_str(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _select(table: Table, *, flatten: bool) -> str:
    """SELECT of a table in primary-key order; `flatten` turns nested values into JSON text (for CSV)."""
    cols = []
    for c in table.columns:
        nested = table_schema_type(c.type) in ("array", "object")
        cols.append(f"to_json({_ident(c.name)}) AS {_ident(c.name)}" if flatten and nested else _ident(c.name))
    order = ", ".join(_ident(k) for k in table.primary_key) or "ALL"
    return f"SELECT {', '.join(cols)} FROM {_ident(table.name)} ORDER BY {order}"


def _write(con: duckdb.DuckDBPyConnection, table: Table, fmt: str, path: Path) -> None:
    options = {
        "csv": "FORMAT csv, HEADER true, DELIMITER ','",
        "parquet": "FORMAT parquet, COMPRESSION zstd",
        "json": "FORMAT json, ARRAY true",
    }[fmt]
    con.execute(f"COPY ({_select(table, flatten=fmt == 'csv')}) TO {_sql_str(path)} ({options})")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def resource(table: Table, fmt: str, path: Path, out_dir: Path) -> dict[str, Any]:
    """One Data Resource descriptor for one exported file."""
    origin = origin_of(table.name, TABLES.get(table.name))
    schema: dict[str, Any] = {"fields": [_field(c, table.primary_key) for c in table.columns], "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    res: dict[str, Any] = {
        "name": table.name if fmt == "csv" else f"{table.name}-{fmt}",
        "path": path.relative_to(out_dir).as_posix(),
        # CSV is the tabular resource validators read; Parquet and JSON are the same rows as files.
        "profile": "tabular-data-resource" if fmt == "csv" else "data-resource",
        "title": table.name.replace("_", " "),
        "format": fmt,
        "mediatype": MEDIATYPES[fmt],
        "bytes": path.stat().st_size,
        "hash": f"sha256:{_sha256(path)}",
        "schema": schema,
        "licenses": [LICENCES[origin]],
        "sources": [SOURCES[origin]],
    }
    if fmt != "csv":
        res["type"] = "file"  # frictionless-py: check bytes and hash, do not parse as a table
    if fmt in ("csv", "json"):
        res["encoding"] = "utf-8"
    if fmt == "csv":
        res["dialect"] = {"delimiter": ",", "header": True, "doubleQuote": True}
    if table.description:
        res["description"] = table.description
    return res


def datapackage(tables: list[Table], resources: list[dict[str, Any]]) -> dict[str, Any]:
    """The Data Package descriptor: package metadata plus one resource per exported file."""
    origins = sorted({origin_of(t.name, TABLES.get(t.name)) for t in tables})
    return {
        "profile": "data-package",  # tabular CSV resources plus Parquet/JSON copies
        "name": "summitry",
        "title": TITLE,
        "description": DESCRIPTION,
        "version": __version__,
        "licenses": [LICENCES[o] for o in origins],
        "sources": [SOURCES[o] for o in origins],
        "contributors": [{"title": AUTHOR, "role": "author"}],
        "keywords": ["summits", "diplomacy", "United States", "Soviet Union", "Russia", "leaders", "meetings"],
        "resources": resources,
    }


def export(
    db: str | os.PathLike | duckdb.DuckDBPyConnection,
    out_dir: str | os.PathLike,
    formats: Iterable[str] = FORMATS,
) -> Path:
    """Write every table as `<format>/<table>.<format>` under `out_dir`, plus `datapackage.json`.

    `db` is a database path (opened read-only) or an open connection. Returns the
    descriptor's path. Output is deterministic: rows in primary-key order, no clock time.
    """
    formats = tuple(formats)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown export format(s) {sorted(unknown)}; choose from {FORMATS}")
    out = Path(out_dir)
    try:
        return _export(db, out, formats)
    except OSError as exc:
        raise CannotWrite(out, exc) from None


def _export(db: str | os.PathLike | duckdb.DuckDBPyConnection, out: Path, formats: tuple[str, ...]) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    own = not isinstance(db, duckdb.DuckDBPyConnection)
    con = duckdb.connect(str(db), read_only=True) if own else db
    try:
        tables = tables_to_export(con)
        resources = []
        for fmt in formats:
            (out / fmt).mkdir(exist_ok=True)
            for table in tables:
                path = out / fmt / f"{table.name}.{fmt}"
                _write(con, table, fmt, path)
                resources.append(resource(table, fmt, path, out))
    finally:
        if own:
            con.close()
    descriptor = out / "datapackage.json"
    descriptor.write_text(json.dumps(datapackage(tables, resources), ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")
    return descriptor
