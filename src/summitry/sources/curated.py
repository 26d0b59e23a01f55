"""Load and validate the curated layer (YAML under data/curated).

Every problem is collected as a `CurationIssue` naming the file, the entry and the field,
so a reviewer sees all of them at once; `load_curated` raises `CurationError` when there
is any. Cross-record rules (known leaders, meetings inside terms, unique ids) live here,
single-record rules live on the models in `schema.py`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from summitry.errors import SummitryError
from summitry.schema import Leader, Meeting, RelationsEntry

M = TypeVar("M", bound=BaseModel)

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, faster
US = "USA"
SOVIET_SIDE = {"SUN", "RUS"}


@dataclass(frozen=True)
class CurationIssue:
    kind: str  # slug: invalid-yaml, invalid-field, unknown-leader, outside-term, duplicate-id, ...
    file: str
    entry: str  # entry id, or "#<n> (line L)" when it has none
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.entry}" + (f": {self.field}" if self.field else "")
        return f"{where}: {self.message} [{self.kind}]"


class CurationError(SummitryError):
    def __init__(self, issues: list[CurationIssue]):
        self.issues = issues
        lines = [str(i) for i in issues]
        super().__init__(f"{len(issues)} problem(s) in the curated record:\n" + "\n".join(lines))


@dataclass
class Curated:
    leaders: dict[str, Leader] = field(default_factory=dict)
    meetings: list[tuple[str, Meeting]] = field(default_factory=list)  # (file, meeting)
    relations: dict[str, list[RelationsEntry]] = field(default_factory=dict)  # dyad -> entries
    digest: str = ""  # sha256 over every curated file, for build_info


def default_curated_dir() -> Path:
    return Path(str(resources.files("summitry") / "data" / "curated"))


def _entries(path: Path, root: Path, issues: list[CurationIssue]) -> list[tuple[str, int, dict]]:
    """Parse a YAML list file into (file, line, mapping) entries, reporting structural errors."""
    rel = path.relative_to(root).as_posix()
    try:
        loader = _Loader(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            if node is None:
                return []
            if not isinstance(node, yaml.SequenceNode):
                issues.append(CurationIssue("invalid-yaml", rel, "(file)", None, "expected a list of entries"))
                return []
            out = []
            for n, item in enumerate(node.value, 1):
                value = loader.construct_object(item, deep=True)
                line = item.start_mark.line + 1
                if not isinstance(value, dict):
                    issues.append(CurationIssue("invalid-yaml", rel, f"#{n} (line {line})", None, "entry is not a mapping"))
                    continue
                out.append((rel, line, value))
            return out
        finally:
            loader.dispose()
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        issues.append(CurationIssue("invalid-yaml", rel, "(file)", None, " ".join(str(exc).split())))
        return []


def _validate(model: type[M], rel: str, line: int, raw: dict, issues: list[CurationIssue]) -> M | None:
    entry = str(raw.get("id") or f"(line {line})")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"]) or None
            issues.append(CurationIssue("invalid-field", rel, entry, loc, err["msg"]))
        return None


def load_curated(root: Path | None = None) -> Curated:
    """Read, validate and cross-check every curated file under `root`."""
    root = root or default_curated_dir()
    issues: list[CurationIssue] = []
    cur = Curated()
    files = sorted(p for p in root.rglob("*.yaml") if p.is_file())
    cur.digest = hashlib.sha256(
        b"".join(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() for p in files)
    ).hexdigest()

    invalid_leaders: set[str] = set()  # reported once, not again by every meeting naming them
    leader_files = [p for p in files if p.name == "leaders.yaml"]
    if not leader_files:
        issues.append(CurationIssue("missing-file", "leaders.yaml", "(file)", None, "no leaders.yaml"))
    for path in leader_files:
        for rel, line, raw in _entries(path, root, issues):
            leader = _validate(Leader, rel, line, raw, issues)
            if leader is None:
                invalid_leaders.add(str(raw.get("id")))
                continue
            if leader.id in cur.leaders:
                issues.append(CurationIssue("duplicate-id", rel, leader.id, "id", "leader id used twice"))
                continue
            cur.leaders[leader.id] = leader

    seen: dict[str, str] = {}
    for path in (p for p in files if p.parent.name == "meetings"):
        for rel, line, raw in _entries(path, root, issues):
            meeting = _validate(Meeting, rel, line, raw, issues)
            if meeting is None:
                continue
            if meeting.id in seen:
                issues.append(CurationIssue("duplicate-id", rel, meeting.id, "id", f"meeting id also used in {seen[meeting.id]}"))
                continue
            seen[meeting.id] = rel
            issues.extend(_check_participants(meeting, rel, cur.leaders, invalid_leaders))
            cur.meetings.append((rel, meeting))

    for path in (p for p in files if p.parent.name == "relations"):
        dyad = path.stem
        entries: list[RelationsEntry] = []
        for rel, line, raw in _entries(path, root, issues):
            entry = _validate(RelationsEntry, rel, line, raw, issues)
            if entry is None:
                continue
            if any(e.id == entry.id for e in entries):
                issues.append(CurationIssue("duplicate-id", rel, entry.id, "id", "entry id used twice"))
                continue
            entries.append(entry)
        issues.extend(_check_periods(entries, path.relative_to(root).as_posix()))
        cur.relations[dyad] = entries

    if issues:
        raise CurationError(issues)
    cur.meetings.sort(key=lambda fm: (fm[1].start_date, fm[1].id))
    return cur


def _check_participants(m: Meeting, rel: str, leaders: dict[str, Leader], invalid: set[str]) -> list[CurationIssue]:
    issues = []
    states = set()
    for pid in m.participants:
        leader = leaders.get(pid)
        if leader is None and pid in invalid:
            return issues
        if leader is None:
            issues.append(CurationIssue("unknown-leader", rel, m.id, "participants", f"no leader with id {pid!r}"))
            continue
        states.add(leader.state)
        if leader.term_on(m.start_date) is None:
            issues.append(CurationIssue(
                "outside-term", rel, m.id, "participants",
                f"{pid} was not in office on {m.start_date.isoformat()}",
            ))
    if not issues and not (US in states and states & SOVIET_SIDE):
        issues.append(CurationIssue(
            "wrong-dyad", rel, m.id, "participants", "needs a U.S. president and a Soviet/Russian leader",
        ))
    return issues


def _check_periods(entries: list[RelationsEntry], rel: str) -> list[CurationIssue]:
    periods = sorted((e for e in entries if e.kind == "period"), key=lambda e: e.start_date)
    issues = []
    for a, b in zip(periods, periods[1:], strict=False):
        if a.end_date is None or a.end_date > b.start_date:
            issues.append(CurationIssue("overlap", rel, b.id, "start_date", f"period overlaps {a.id}"))
    return issues
