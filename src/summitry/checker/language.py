"""Whether an article is in a language the checker reads (English), and if not, what to say.

The checker's gazetteer, dates and claim rules are English, so on a text in Russian or
French it finds few or no claims; an empty result would read as "nothing wrong here". A text
is judged by its letters (mostly outside the Latin script: Cyrillic, Arabic, CJK...) and, when
Latin, by how often the commonest English words occur. Short texts are not judged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

#: The commonest English words; in running English text they are a third or more of all words.
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "was",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "his",
        "he",
        "it",
        "from",
        "be",
        "were",
        "are",
        "had",
        "have",
        "this",
        "an",
        "which",
        "their",
        "they",
        "not",
        "but",
        "or",
        "its",
        "after",
        "who",
        "said",
        "met",
        "first",
    ]
)
#: Below this share of ENGLISH_WORDS among the words, a Latin-script text is taken as not English.
MIN_ENGLISH_SHARE = 0.12
#: Fewer words than this are not judged (a headline, a list of names).
MIN_WORDS = 40
#: Only the start of a long text is read: enough to tell the language, and cheap on 20 MB.
SAMPLE_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def language_notice(text: str) -> str | None:
    """A sentence for the reader when the text is not in English; None when it is (or is too short to say)."""
    words = _WORD.findall(text[:SAMPLE_CHARS])
    if len(words) < MIN_WORDS:
        return None
    scripts = Counter(_script(ch) for w in words for ch in w)
    letters = sum(scripts.values())
    script, count = scripts.most_common(1)[0]
    if script != "LATIN" and count > letters / 2:
        return (
            f"This text is mostly in {script.title()} script; the checker reads English only, so it found "
            f"few or no claims here, and that says nothing about whether the text is right."
        )
    share = sum(1 for w in words if w.lower() in ENGLISH_WORDS) / len(words)
    if share < MIN_ENGLISH_SHARE:
        return (
            f"This text does not look like English (only {share:.0%} of its words are common English words); "
            "the checker reads English only, so a short or empty list of claims here says nothing about "
            "whether the text is right."
        )
    return None
