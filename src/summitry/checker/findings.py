"""What the checks beside the claims report (counts, patterns, infobox series): a span of the
text, a verdict with its reason and correction, and the meetings that decide it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Finding:
    start: int
    end: int
    verdict: str
    reason: str
    correction: str | None = None
    evidence: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    kind: str = ""  # which pattern, for `checker.patterns`
