"""Reading an article (Markdown, plain text or HTML) into clean text plus an offset map.

The checker works on *clean* text: markup stripped, whitespace collapsed to single spaces,
hard breaks (paragraphs, list items, headings, block elements) as ``\\n``. Every clean
character keeps the span of the original input it came from, so a claim found in the clean
text can be pointed at (and highlighted in) exactly what the user gave us. Everything here
is linear in the size of the input: one pass of compiled regexes and a few C-level string
operations per markup token, never a per-name or per-sentence rescan.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from summitry.checker.errors import InputTooLarge, NotText
from summitry.config import MAX_ARTICLE_BYTES, MAX_ARTICLE_TEXT

MAX_BYTES = MAX_ARTICLE_BYTES
"""Largest article the checker reads (`summitry.config.MAX_ARTICLE_BYTES`, also the web's limit)."""

CONTENT_TYPES = ("auto", "markdown", "text", "html")

# Control characters (other than tab/newline/CR) and lone surrogates break lxml and UTF-8
# output; they are replaced one-for-one so offsets do not move.
_BAD_CHARS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_WS = re.compile(r"\s+")
# whitespace other than one plain space: a run of two or more, or one tab/newline/NBSP...
# (the same matches as r"\s{2,}|[^\S ]", written to start with a character class, which
# the regex engine scans for far faster)
_ODD_WS = re.compile(r"[^\S ]\s*| \s+")


# --- the offset map ----------------------------------------------------------------


@dataclass
class Document:
    """Clean text with a map back to the original input.

    Segments are kept as parallel lists: clean start, original start and original end
    (``-1`` for a verbatim copy, where clean offset ``k`` maps to original ``start + k``).
    """

    original: str
    text: str
    content_type: str
    _clean_starts: list[int] = field(default_factory=list, repr=False)
    _orig_starts: list[int] = field(default_factory=list, repr=False)
    _orig_ends: list[int] = field(default_factory=list, repr=False)

    def _segment(self, i: int) -> int:
        return max(0, bisect_right(self._clean_starts, i) - 1)

    def orig_start(self, i: int) -> int:
        """Original offset where clean character ``i`` starts."""
        if not self._clean_starts:
            return 0
        s = self._segment(i)
        if self._orig_ends[s] < 0:
            return min(self._orig_starts[s] + (i - self._clean_starts[s]), len(self.original))
        return self._orig_starts[s]

    def orig_end(self, i: int) -> int:
        """Original offset just after clean character ``i``."""
        if not self._clean_starts:
            return 0
        s = self._segment(i)
        if self._orig_ends[s] < 0:
            return min(self._orig_starts[s] + (i - self._clean_starts[s]) + 1, len(self.original))
        return max(self._orig_ends[s], self._orig_starts[s])

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span ``[a, b)`` covering clean characters ``[start, end)``."""
        if end <= start:
            a = self.orig_start(start) if start < len(self.text) else len(self.original)
            return a, a
        return self.orig_start(start), self.orig_end(end - 1)


class _Builder:
    """Accumulates clean text and its segments, collapsing whitespace as it goes."""

    SPACE, PARAGRAPH, BREAK = 1, 2, 3

    def __init__(self, source: str):
        self.source = source
        self.parts: list[str] = []
        self.n = 0
        self.cs: list[int] = []
        self.os: list[int] = []
        self.oe: list[int] = []
        self.pending = 0
        self.pending_at = 0
        self.last = ""

    def gap(self, kind: int, at: int) -> None:
        if self.n == 0:
            return
        if kind > self.pending:
            if self.pending == 0:
                self.pending_at = at
            self.pending = kind

    def _flush(self, first: str) -> None:
        kind, self.pending = self.pending, 0
        if not kind:
            return
        if kind == self.PARAGRAPH and first.islower() and self.last not in ".!?:;\"”’…)":
            kind = self.SPACE  # a paragraph break inside a sentence (soft-wrapped source)
        sep = " " if kind == self.SPACE else "\n"
        self._segment(sep, self.pending_at, self.pending_at)

    def _segment(self, s: str, ostart: int, oend: int) -> None:
        self.cs.append(self.n)
        self.os.append(ostart)
        self.oe.append(oend)
        self.parts.append(s)
        self.n += len(s)
        self.last = s[-1]

    def copy(self, start: int, end: int) -> None:
        """Copy ``source[start:end]`` verbatim, whitespace runs collapsed to one space.

        Runs separated by single plain spaces are copied as one segment, so the map has a
        segment per line or markup token, not per word.
        """
        src = self.source
        pos = start
        for m in _ODD_WS.finditer(src, start, end):
            if m.start() > pos:
                self._run(pos, m.start())
            self.gap(self.SPACE, m.start())
            pos = m.end()
        if pos < end:
            self._run(pos, end)

    def _run(self, start: int, end: int) -> None:
        """A stretch whose only whitespace is single spaces (maybe one at either end)."""
        src = self.source
        if src[start] == " ":
            self.gap(self.SPACE, start)
            start += 1
        trailing = end > start and src[end - 1] == " "
        if trailing:
            end -= 1
        if end > start:
            self._flush(src[start])
            self._segment(src[start:end], start, -1)
        if trailing:
            self.gap(self.SPACE, end)

    def synth(self, s: str, ostart: int, oend: int) -> None:
        """Text that is not a verbatim copy (a decoded entity), mapped to its source span."""
        if not s:
            return
        if s.isspace():
            self.gap(self.SPACE, ostart)
            return
        self._flush(s[0])
        self._segment(s, ostart, oend)

    def document(self, original: str, content_type: str) -> Document:
        return Document(original, "".join(self.parts), content_type, self.cs, self.os, self.oe)


# --- decoding and type detection ----------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 (or UTF-16/32 with a BOM) text; anything else is refused with a clear message."""
    if len(data) > MAX_BYTES:
        raise InputTooLarge(_too_large(len(data)))
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise NotText(f"input starts with a {codec} byte-order mark but is not valid {codec}: {exc.reason}") from None
    if b"\x00" in data[:65536] or b"\x00" in data:
        raise NotText("input contains NUL bytes: it looks like a binary file, not an article (give Markdown, text or HTML)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotText(
            f"input is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the article as UTF-8 Markdown, text or HTML"
        ) from None


def _too_large(size: int) -> str:
    return (f"input is {size / 1e6:.1f} MB; the checker reads at most {MAX_ARTICLE_TEXT} "
            "(split the document, or check the relevant part)")


def check_size(text: str) -> None:
    """Refuse text over the limit, cheaply (no encoding unless it could be close)."""
    if "\x00" in text:
        raise NotText("input contains NUL characters: it looks like binary data, not an article")
    if len(text) > MAX_BYTES:
        raise InputTooLarge(_too_large(len(text)))
    if len(text) * 4 > MAX_BYTES:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_BYTES:
            raise InputTooLarge(_too_large(size))


_HTML_SNIFF = re.compile(
    r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--)|<(?:p|div|br|article|section|h[1-6]|span|a\s[^>]*href|ul|li|table|body)\b[^>]*>",
    re.IGNORECASE,
)
_MD_SNIFF = re.compile(r"^(?:#{1,6}\s|[-*+]\s|>\s|\d+\.\s)|\]\([^)]*\)|\*\*[^*\n]+\*\*|^```", re.MULTILINE)


def detect(text: str, name: str | None = None) -> str:
    """Guess the content type from the file name, else from the first 4 kB."""
    if name:
        low = name.lower()
        if low.endswith((".html", ".htm", ".xhtml")):
            return "html"
        if low.endswith((".md", ".markdown", ".mdown")):
            return "markdown"
        if low.endswith(".txt"):
            return "text"
    head = text[:4096]
    if _HTML_SNIFF.search(head):
        return "html"
    if _MD_SNIFF.search(head):
        return "markdown"
    return "text"


# --- Markdown and plain text ---------------------------------------------------------

_FENCE = re.compile(r"(```|~~~)")
_HEADING = re.compile(r"(#{1,6})(?:[ \t]+|$)")
_HR = re.compile(r"(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_QUOTE = re.compile(r"(?:>[ \t]?)+")
_LIST = re.compile(r"(?:[-*+•‣◦]|\d{1,9}[.)])[ \t]+")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_INLINE = re.compile(
    r"(?P<img>!\[[^\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\))"
    r"|(?P<link>\[(?P<ltext>[^\]\n]*)\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]*\]))"
    r"|(?P<auto><(?:https?|mailto|ftp):[^>\s]*>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>|<!--.*?-->)"
    r"|(?P<code>`+)"
    r"|(?P<esc>\\[\\`*_{}\[\]()#+\-.!|>~])"
    r"|(?P<ent>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<emph>\*+|_+|~~)"
)


_MD_SPECIAL = re.compile(r"[\[!<`\\&*_~]")


def _inline(b: _Builder, src: str, start: int, end: int) -> None:
    """Strip inline Markdown from ``src[start:end]``: links keep their text, markers go."""
    pos = start
    while pos < end:
        # find the next character that can start markup (a fast character-class scan),
        # then try the full pattern only there
        special = _MD_SPECIAL.search(src, pos, end)
        m = None
        while special is not None:
            m = _INLINE.match(src, special.start(), end)
            if m is not None:
                break
            special = _MD_SPECIAL.search(src, special.start() + 1, end)
        if m is None:
            b.copy(pos, end)
            return
        if m.start() > pos:
            b.copy(pos, m.start())
        kind = m.lastgroup
        nxt = m.end()
        if kind == "link":
            text_start, text_end = m.span("ltext")
            if not src.startswith("^", text_start):  # [^1] is a footnote marker
                _inline(b, src, text_start, text_end)
        elif kind == "img" or kind == "auto":
            b.gap(b.SPACE, m.start())
        elif kind == "tag":
            pass
        elif kind == "code":
            ticks = m.group("code")
            close = src.find(ticks, m.end(), end)
            if close == -1:
                b.copy(m.start(), m.end())
            else:
                b.copy(m.end(), close)
                nxt = close + len(ticks)
        elif kind == "esc":
            b.copy(m.start() + 1, m.end())
        elif kind == "ent":
            b.synth(html.unescape(m.group()), m.start(), m.end())
        elif kind == "emph":
            marker = m.group()
            if marker[0] == "_":
                before = src[m.start() - 1] if m.start() > start else " "
                after = src[m.end()] if m.end() < end else " "
                if before.isalnum() and after.isalnum():  # snake_case, not emphasis
                    b.copy(m.start(), m.end())
        pos = nxt


def _read_lines(src: str, content_type: str) -> _Builder:
    """Block structure line by line: headings, lists, quotes, fences, blank lines."""
    b = _Builder(src)
    markdown = content_type == "markdown"
    in_fence = False
    pos = 0
    n = len(src)
    while pos < n:
        nl = src.find("\n", pos)
        line_end = n if nl == -1 else nl
        nxt = n if nl == -1 else nl + 1
        end = line_end
        if end > pos and src[end - 1] == "\r":
            end -= 1
        s = pos
        while s < end and src[s] in " \t":
            s += 1
        if markdown and _FENCE.match(src, s, end):
            in_fence = not in_fence
            b.gap(b.BREAK, pos)
        elif in_fence:
            b.gap(b.BREAK, pos)
        elif s == end:
            b.gap(b.PARAGRAPH, pos)
        else:
            heading = False
            if markdown:
                q = _QUOTE.match(src, s, end)
                if q:
                    s = q.end()
                h = _HEADING.match(src, s, end)
                if h:
                    heading = True
                    b.gap(b.BREAK, pos)
                    s = h.end()
                    tail = _CLOSING_HASHES.search(src, s, end)
                    if tail:
                        end = tail.start()
                elif _HR.match(src, s, end) and (end - s) >= 3:
                    b.gap(b.BREAK, pos)
                    s = end
            lm = _LIST.match(src, s, end)
            if lm:
                b.gap(b.BREAK, pos)
                s = lm.end()
            if s < end:
                if markdown:
                    _inline(b, src, s, end)
                else:
                    b.copy(s, end)
            if heading:
                b.gap(b.BREAK, end)
            b.gap(b.SPACE, end)
        pos = nxt
    return b


# --- HTML ----------------------------------------------------------------------------

_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "canvas"}
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "title", "tr", "ul", "option", "select", "textarea", "button", "label",
}
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<(script|style|noscript|template|svg|math|iframe|object|canvas)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?(?:</\1\s*>|\Z)"
    r"|</?[A-Za-z][^\s/>]*(?:\s*[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>"
    r"|<[!?/][^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_SPECIAL = re.compile(r"[<&\r]")
_RESYNC = 24


class _Aligner:
    """Finds lxml's text nodes, in order, in the original markup (entities decoded)."""

    def __init__(self, b: _Builder):
        self.b = b
        self.src = b.source
        self.p = 0
        self.next_special = -1

    def _special_after(self, p: int) -> int:
        if self.next_special < p:
            m = _SPECIAL.search(self.src, p)
            self.next_special = m.start() if m else len(self.src)
        return self.next_special

    def feed(self, t: str) -> None:
        src, b, n = self.src, self.b, len(self.src)
        i, L = 0, len(t)
        while i < L:
            p = self.p
            if p >= n:
                b.synth(t[i:], n, n)
                return
            c = src[p]
            if c == "<":
                m = _MARKUP.match(src, p)
                if m:
                    self.p = m.end()
                    continue
            elif c == "&":
                m = _ENTITY.match(src, p)
                if m:
                    decoded = html.unescape(m.group())
                    if decoded and t.startswith(decoded, i):
                        b.synth(decoded, p, m.end())
                        i += len(decoded)
                        self.p = m.end()
                        continue
            elif c == "\r" and t[i] != "\r":
                self.p = p + 1
                continue
            if c == t[i]:
                q = min(self._special_after(p + 1), p + (L - i))
                k = q - p
                if src.startswith(t[i:i + k], p):
                    b.copy(p, q)
                else:  # a mismatch inside the run: copy the common prefix only
                    k = 1
                    while k < q - p and src[p + k] == t[i + k]:
                        k += 1
                    b.copy(p, p + k)
                self.p = p + k
                i += k
                continue
            # t[i] is not at p: lxml dropped or changed something; look a little ahead
            j = src.find(t[i], p + 1, min(n, p + _RESYNC))
            if j != -1 and "<" not in src[p + 1:j]:
                self.p = j
                continue
            b.synth(t[i], p, p)
            i += 1


def _read_html(original: str, src: str) -> _Builder:
    import lxml.etree
    import lxml.html

    b = _Builder(src)
    if not src.strip():
        return b
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=False, remove_pis=False)
        root = lxml.html.document_fromstring(src.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return _read_lines(src, "text")  # nothing lxml can use (e.g. only a comment)
    al = _Aligner(b)
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None or tag in _SKIP_TAGS:
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                b.gap(b.BREAK, al.p)
            if el.text:
                al.feed(el.text)
        else:
            if tag in _BLOCK_TAGS:
                b.gap(b.BREAK, al.p)
            if el.tail and el is not root:
                al.feed(el.tail)
    return b


# --- entry point ---------------------------------------------------------------------


def read(text: str, content_type: str = "auto", *, name: str | None = None) -> Document:
    """Clean text and offset map for an article given as a string."""
    if content_type not in CONTENT_TYPES:
        raise ValueError(f"content_type must be one of {', '.join(CONTENT_TYPES)}")
    check_size(text)
    kind = detect(text, name) if content_type == "auto" else content_type
    src = _BAD_CHARS.sub(lambda m: " " if m.group() < "\ud800" else "\ufffd", text)
    b = _read_html(text, src) if kind == "html" else _read_lines(src, kind)
    return b.document(text, kind)


def read_bytes(data: bytes, content_type: str = "auto", *, name: str | None = None) -> Document:
    """Like `read`, for raw bytes (a file or an upload): size and encoding checked first."""
    return read(decode(data), content_type, name=name)


# --- sentences -----------------------------------------------------------------------

ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "reps", "pres", "st", "jr", "sr", "prof", "rev", "hon", "amb", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "vs", "v", "no", "nos", "fig", "ft", "mt", "approx", "dept", "corp", "inc", "ltd", "co", "bros", "messrs", "cf", "al", "ave", "blvd", "est", "gov't"]
)
SENTENCE_STARTERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "but", "and", "so", "yet", "in", "on", "at", "after", "before", "when", "while", "since", "then", "there", "here", "his", "her", "their", "our", "as", "for", "if", "although", "though", "however", "still", "meanwhile", "later", "earlier", "today", "now", "what", "why", "how", "who", "one", "two", "both", "neither", "some", "many", "most"]
)
_SENT_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?= )|\n")
_OPENERS = "\"“‘'([«¿¡•-–—"


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` in clean text; abbreviations, initials and dotted
    acronyms (U.S., H. W.) do not end a sentence, hard breaks always do."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group() != "\n":
            nxt = text[end + 1] if end + 1 < n else ""
            if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
                continue
            if text[m.start()] == "." and m.end() - m.start() == 1 and not _ends_sentence(text, m.start(), end + 1):
                continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, n)
    return spans


def _ends_sentence(text: str, dot: int, next_start: int) -> bool:
    """Whether the period at ``dot`` ends a sentence (``next_start``: the next word)."""
    ws = text.rfind(" ", 0, dot) + 1
    nl = text.rfind("\n", 0, dot) + 1
    token = text[max(ws, nl):dot].lstrip(_OPENERS)
    if not token:
        return True
    low = token.lower()
    if low in ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: George H. W. Bush
    if "." in token and all(len(part) <= 2 for part in token.split(".")):
        word_end = next_start
        while word_end < len(text) and text[word_end].isalpha():
            word_end += 1
        return text[next_start:word_end].lower() in SENTENCE_STARTERS  # U.S. / U.N. mid-sentence
    return True


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
