"""The export: every table in three formats, and a data package descriptor that is valid."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import duckdb
import pytest

from summitry import __version__
from summitry.interfaces.export import FORMATS, cite_text, export, table_schema_type
from summitry.schema import TABLES

# Data Package v1 / Table Schema v1: what a descriptor and its parts must carry.
NAME = re.compile(r"^[a-z0-9._-]+$")
FIELD_TYPES = {"string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year",
               "yearmonth", "duration", "geopoint", "geojson", "any"}


def validate_descriptor(descriptor: dict, root: Path) -> list[str]:
    """Problems with a descriptor by the Data Package spec (required keys, names, schemas)."""
    problems = []
    if not isinstance(descriptor.get("resources"), list) or not descriptor["resources"]:
        problems.append("resources must be a non-empty array")
    if "name" in descriptor and not NAME.match(descriptor["name"]):
        problems.append("package name must be lower-case url-safe")
    for lic in descriptor.get("licenses", []):
        if not (lic.get("name") or lic.get("path")):
            problems.append("a licence needs a name or a path")
    for src in descriptor.get("sources", []):
        if not src.get("title"):
            problems.append("a source needs a title")
    names = [r.get("name") for r in descriptor.get("resources", [])]
    if len(set(names)) != len(names):
        problems.append("resource names must be unique")
    for res in descriptor.get("resources", []):
        where = res.get("name", "?")
        if not res.get("name") or not NAME.match(res["name"]):
            problems.append(f"{where}: resource name missing or not url-safe")
        if not (res.get("path") or res.get("data")):
            problems.append(f"{where}: a resource needs path or data")
        path = root / res.get("path", "")
        if not path.is_file():
            problems.append(f"{where}: {res.get('path')} does not exist")
        elif res.get("bytes") != path.stat().st_size:
            problems.append(f"{where}: bytes does not match the file")
        if not str(res.get("hash", "")).startswith("sha256:"):
            problems.append(f"{where}: hash should be sha256:<hex>")
        schema = res.get("schema")
        if res.get("profile") == "tabular-data-resource" and not schema:
            problems.append(f"{where}: a tabular resource needs a schema")
        if schema:
            fields = schema.get("fields")
            if not isinstance(fields, list) or not fields:
                problems.append(f"{where}: schema.fields must be a non-empty array")
                continue
            field_names = [f.get("name") for f in fields]
            for f in fields:
                if not f.get("name"):
                    problems.append(f"{where}: a field needs a name")
                if f.get("type", "string") not in FIELD_TYPES:
                    problems.append(f"{where}.{f.get('name')}: unknown type {f.get('type')!r}")
                enum = f.get("constraints", {}).get("enum")
                if enum is not None and (not isinstance(enum, list) or not enum):
                    problems.append(f"{where}.{f.get('name')}: enum must be a non-empty array")
            for key in schema.get("primaryKey", []):
                if key not in field_names:
                    problems.append(f"{where}: primaryKey {key!r} is not a field")
    return problems


@pytest.fixture(scope="module")
def exported(fixture_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("export")
    descriptor_path = export(fixture_db, out)
    return out, json.loads(descriptor_path.read_text(encoding="utf-8"))


def test_every_table_in_every_format(exported, fixture_db: Path) -> None:
    out, _ = exported
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        for name in present:
            rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            with open(out / "csv" / f"{name}.csv", encoding="utf-8", newline="") as fh:
                assert sum(1 for _ in csv.DictReader(fh)) == rows, name
            assert len(json.loads((out / "json" / f"{name}.json").read_text(encoding="utf-8"))) == rows, name
            assert con.execute("SELECT count(*) FROM read_parquet(?)",
                               [str(out / "parquet" / f"{name}.parquet")]).fetchone()[0] == rows, name
    assert {p.stem for p in (out / "csv").iterdir()} == present


def test_descriptor_is_valid(exported) -> None:
    out, descriptor = exported
    assert validate_descriptor(descriptor, out) == []
    assert descriptor["version"] == __version__
    assert {lic["name"] for lic in descriptor["licenses"]} == {"CC-BY-4.0"}  # no official tables in the fixture


def test_descriptor_follows_the_registry(exported) -> None:
    _, descriptor = exported
    meetings = next(r for r in descriptor["resources"] if r["name"] == "meetings")
    assert meetings["schema"]["primaryKey"] == ["id"]  # the key the CLI and the API call a meeting by
    assert meetings["description"] == TABLES["meetings"].description
    fields = {f["name"]: f for f in meetings["schema"]["fields"]}
    assert [f["name"] for f in meetings["schema"]["fields"]] == TABLES["meetings"].column_names
    assert fields["mode"]["constraints"]["enum"] == ["visit", "third-party", "multilateral"]
    assert fields["start_date"]["type"] == "date"
    assert fields["latitude"]["type"] == "number"
    assert fields["outcomes"]["type"] == "array"
    assert fields["officials_present"]["type"] == "boolean"
    assert fields["city"]["description"] == next(c.description for c in TABLES["meetings"].columns if c.name == "city")
    formats = {r["format"] for r in descriptor["resources"]}
    assert formats == set(FORMATS)


def test_frictionless_validates_the_package(exported) -> None:
    frictionless = pytest.importorskip("frictionless")
    out, _ = exported
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]


def test_export_is_deterministic_and_checks_formats(fixture_db: Path, tmp_path: Path) -> None:
    a = export(fixture_db, tmp_path / "a", formats=("csv",))
    b = export(fixture_db, tmp_path / "b", formats=("csv",))
    assert a.read_text() == b.read_text()
    assert not (tmp_path / "a" / "parquet").exists()
    with pytest.raises(ValueError, match="xlsx"):
        export(fixture_db, tmp_path / "c", formats=("xlsx",))


@pytest.mark.parametrize(("duck", "table"), [
    ("VARCHAR", "string"), ("DATE", "date"), ("DOUBLE", "number"), ("BIGINT", "integer"), ("INTEGER", "integer"),
    ("BOOLEAN", "boolean"), ("VARCHAR[]", "array"), ("STRUCT(title VARCHAR, url VARCHAR)[]", "array"),
    ("STRUCT(a INTEGER)", "object"), ("TIMESTAMP WITH TIME ZONE", "datetime"), ("BLOB", "any"),
])
def test_type_mapping(duck: str, table: str) -> None:
    assert table_schema_type(duck) == table


def test_citation_cff_agrees_with_the_cite_text() -> None:
    cff = Path(__file__).resolve().parents[2] / "CITATION.cff"
    if not cff.exists():
        pytest.skip("CITATION.cff not in this checkout")
    import yaml

    data = yaml.safe_load(cff.read_text(encoding="utf-8"))
    assert data["cff-version"] and data["message"] and data["authors"]
    assert data["version"] == __version__
    assert data["title"] in cite_text()


def test_a_meeting_has_one_key_everywhere(exported, client, fixture_db: Path) -> None:
    """`id` names a meeting in the export, the CLI and the API; `meeting_id` only ever refers to one."""
    from typer.testing import CliRunner

    from summitry.interfaces.cli import app

    out, _ = exported
    with open(out / "csv" / "meetings.csv", encoding="utf-8") as fh:
        exported_ids = [row["id"] for row in csv.DictReader(fh)]
    cli = json.loads(CliRunner().invoke(app, ["meetings", "-f", "json", "--db", str(fixture_db)]).stdout)
    api = client.get("/api/meetings").json()["meetings"]
    assert sorted(exported_ids) == sorted(m["id"] for m in cli) == sorted(m["id"] for m in api)
    with open(out / "csv" / "meeting_participants.csv", encoding="utf-8") as fh:
        assert {row["meeting_id"] for row in csv.DictReader(fh)} == set(exported_ids)
