"""Measuring the checker against labelled claims: precision and recall per verdict.

A label is a span of an article (a quoted substring, or [start, end) offsets for texts we
may not copy) and the verdict the record should give. The checker's claim that overlaps
a label most is its answer for that label; a label no claim overlaps counts as "none".
Contradicted claims that overlap no label count against the precision of "contradicted"
too: a false correction anywhere in a checked article is the failure that matters most.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from summitry.checker.api import CheckResult, check_text
from summitry.checker.record import Record
from summitry.checker.verify import CONTRADICTED, NOT_IN_RECORD, SUPPORTED

VERDICTS = (SUPPORTED, CONTRADICTED, NOT_IN_RECORD)


@dataclass
class Label:
    path: Path
    start: int
    end: int
    verdict: str
    quote: str = ""


@dataclass
class Outcome:
    label: Label
    predicted: str  # a verdict, or "none"
    correction: str | None = None


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    unlabelled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))

    def precision(self, verdict: str) -> float:
        predicted = sum(o.predicted == verdict for o in self.outcomes)
        if verdict == CONTRADICTED:
            predicted += self.unlabelled[CONTRADICTED]
        hits = sum(o.predicted == verdict == o.label.verdict for o in self.outcomes)
        return hits / predicted if predicted else 1.0

    def recall(self, verdict: str) -> float:
        expected = sum(o.label.verdict == verdict for o in self.outcomes)
        hits = sum(o.predicted == verdict == o.label.verdict for o in self.outcomes)
        return hits / expected if expected else 1.0

    @property
    def accuracy(self) -> float:
        return sum(o.predicted == o.label.verdict for o in self.outcomes) / len(self.outcomes) if self.outcomes else 1.0

    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.predicted != o.label.verdict]

    def summary(self) -> dict:
        return {
            "labels": len(self.outcomes),
            "accuracy": round(self.accuracy, 3),
            **{f"{v}_precision": round(self.precision(v), 3) for v in (SUPPORTED, CONTRADICTED, NOT_IN_RECORD)},
            **{f"{v}_recall": round(self.recall(v), 3) for v in (SUPPORTED, CONTRADICTED, NOT_IN_RECORD)},
            "unlabelled_claims": dict(self.unlabelled),
        }


def load_quote_labels(path: Path) -> list[Label]:
    """Labels given as {file, quote, verdict}; the quote must occur exactly once in its file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for item in data["labels"]:
        target = path.parent / item["file"]
        text = target.read_text(encoding="utf-8")
        start = text.find(item["quote"])
        if start < 0 or text.find(item["quote"], start + 1) >= 0:
            raise ValueError(f"{target.name}: quote must occur exactly once: {item['quote']!r}")
        out.append(Label(target, start, start + len(item["quote"]), item["verdict"], item["quote"]))
    return out


def load_offset_labels(path: Path, article: Path) -> list[Label]:
    """Labels given as [start, end) offsets into an article we may not copy."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Label(article, item["start"], item["end"], item["verdict"]) for item in data["labels"]]


def _match(result: CheckResult, labels: list[Label], report: Report) -> None:
    used: set[int] = set()
    for lab in labels:
        best, best_overlap = None, 0
        for i, c in enumerate(result.claims):
            overlap = min(c.span[1], lab.end) - max(c.span[0], lab.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None:
            report.outcomes.append(Outcome(lab, "none"))
        else:
            used.add(best)
            c = result.claims[best]
            report.outcomes.append(Outcome(lab, _scored(c.verdict), c.correction))
    for i, c in enumerate(result.claims):
        if i not in used:
            report.unlabelled[_scored(c.verdict)] += 1


def _scored(verdict: str) -> str:
    """Labels have three classes: a pattern 'mostly supported' by the record scores as supported."""
    return SUPPORTED if verdict == "mostly_supported" else verdict


def evaluate(labels: Iterable[Label], *, record: Record | None = None, db: str | Path | None = None,
             article_dates: dict[Path, str] | None = None) -> Report:
    """Check each labelled article once and score the verdicts against the labels."""
    by_file: dict[Path, list[Label]] = {}
    for lab in labels:
        by_file.setdefault(lab.path, []).append(lab)
    report = Report()
    for path, labs in by_file.items():
        text = path.read_text(encoding="utf-8")
        date = (article_dates or {}).get(path)
        result = check_text(text, db=db, record=record, name=path.name, article_date=date)
        _match(result, labs, report)
    return report
