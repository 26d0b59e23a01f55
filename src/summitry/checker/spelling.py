"""Spelling helpers the record and the gazetteer share: names folded to plain letters and the
summit families a meeting's event name belongs to. They sit below both, so the record can use
them without importing the gazetteer that is built from it."""

from __future__ import annotations

import re
import unicodedata

from summitry.checker.gazetteer_data import EVENTS


def fold(s: str) -> str:
    """Accents removed (Reykjavík -> Reykjavik), for a second spelling of each name."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


_EVENT_RE = re.compile(
    "|".join(
        f"(?P<{re.sub(r'[^A-Za-z0-9]', '_', fam)}>" + "|".join(
            (r"\b" + re.escape(w) + r"\b") if not w.isupper() else (r"(?<![A-Za-z0-9])" + re.escape(w) + r"(?![A-Za-z0-9])")
            for w in words) + ")"
        for fam, words in EVENTS.items()
    ),
)
_FAMILY_OF_GROUP = {re.sub(r"[^A-Za-z0-9]", "_", fam): fam for fam in EVENTS}


def event_families(text: str) -> frozenset[str]:
    """Event families named in a meeting's `multilateral_event` ("G20 summit, Hamburg 2017" -> G20)."""
    return frozenset(_FAMILY_OF_GROUP[m.lastgroup] for m in _EVENT_RE.finditer(text) if m.lastgroup)
