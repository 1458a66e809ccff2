"""The visible text of an HTML page, plus the metadata a news page carries in its markup.

Built on `html.parser`, which is event-driven and never recurses, so deeply nested or
broken markup costs time linear in its size and cannot overflow the stack. Markup that
`html.parser` gives up on (an unknown `<![keyword[` section) is skipped like a browser
skips a bogus comment, instead of raising.
"""

from __future__ import annotations

import html
import json
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Contents never shown to a reader.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object"})
# Elements allowed in <head>; any other start tag means the body began without a <body> tag.
_HEAD_ONLY = frozenset({"title", "meta", "link", "base", "style", "script", "noscript", "template"})
# A paragraph break (blank line) keeps sentences of separate blocks apart for the extractors.
_PARAGRAPH = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "pre",
        "table", "ul", "ol", "dl", "header", "footer", "figure", "aside", "main", "nav", "form",
        "hr", "address", "fieldset", "details", "body",
    }
)  # fmt: skip
_LINE = frozenset(
    {"br", "div", "li", "tr", "dt", "dd", "figcaption", "caption", "summary", "option", "legend"}
)
_CELL = frozenset({"td", "th"})
# Meta names/properties that give the publication date, best first.
DATE_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "published_time",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "parsely-pub-date",
    "sailthru.date",
)
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
# Meta names/properties that name who published the page, best first (a JSON-LD `publisher`
# comes between the Open Graph site name and these).
OUTLET_META_KEYS = ("publisher", "dc.publisher", "citation_publisher")
_LD_LIMIT = 1 << 20  # a JSON-LD block larger than this is not read for its publisher
_LD_ITEMS = 1_000  # nor more than this many of its items read
_SPACE = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S")
# A stretch of text that reaches the visible text unchanged: words with single spaces between
# them. Any other whitespace (a line break, a tab, two spaces) is squeezed or stripped.
_VERBATIM = re.compile(r"\S++(?: \S++)*+")  # possessive: nothing to backtrack into
_NEWLINE = re.compile("\n")
# A character reference as `html.unescape` reads one (the pattern of `html._charref`).
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


@dataclass(slots=True)
class HtmlPage:
    """What `parse_html` found. `dates` are raw strings, best first; the caller parses."""

    text: str
    title: str | None = None
    lang: str | None = None
    dates: list[str] = field(default_factory=list)
    outlet: str | None = None  # who published it: og:site_name, a JSON-LD publisher, a publisher meta
    url: str | None = None  # the page's own address: its canonical link, else og:url
    # Comments in the shown part of the page: (offset in `text` of the first visible
    # character after the comment, comment text, 1-based line of the source the comment opens
    # on). Inline suppression reads them.
    comments: list[tuple[int, str, int]] = field(default_factory=list)
    # Where `text` stands in the page's source: (offset in `text`, 1-based line, 1-based column
    # in the source), text order. From each offset on, the text follows the source character
    # for character up to the next entry (an entity such as `&amp;` is an entry of its own).
    positions: list[tuple[int, int, int]] = field(default_factory=list)


class _Extractor(HTMLParser):
    def __init__(self, source: str = "") -> None:
        super().__init__(convert_charrefs=True)  # entities arrive decoded
        self.source = source  # what is fed, whole: where each text chunk came from
        self.line_starts = [0, *(m.end() for m in _NEWLINE.finditer(source))]
        # The visible stretches of the source, in order: (start, end) in the source, each of which
        # stands in the visible text as its `end - start` characters of text; whitespace alone
        # stands between two of them.
        self.stretches: list[tuple[int, int]] = []
        self.out: list[str] = []
        self.hidden: list[str] = []  # open hidden elements, innermost last
        self.hidden_open: dict[str, int] = {}  # tag -> how many of `hidden` (O(1) lookups)
        self.in_head = False
        self.pre = 0
        self.pending = 0  # newlines owed before the next text: 1 line break, 2 paragraph
        self.header = 0  # inside <header>: a <time> there is the article's dateline
        self.title: list[str] | None = None  # collecting <title> text
        self.titles: list[str] = []
        self.h1: list[str] | None = None
        self.h1_text = ""
        self.ld_json = False
        self.lang: str | None = None
        self.meta: dict[str, str] = {}
        self.other_dates: list[str] = []  # JSON-LD, itemprop, <time> — after the meta tags
        self.canonical: str | None = None  # <link rel="canonical" href="...">
        self.ld_text: list[str] = []  # the JSON-LD block being read
        self.publishers: list[str] = []  # JSON-LD publisher names, in page order
        self.comments: list[tuple[int, str, int]] = []  # (chunks of `out` before it, comment text, line)

    # -- tags -----------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, {k: v or "" for k, v in attrs}, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, {k: v or "" for k, v in attrs}, closed=True)

    def _start(self, tag: str, attrs: dict[str, str], *, closed: bool) -> None:
        self._collect_metadata(tag, attrs)
        if tag == "head":
            self.in_head = True
            return
        if self.in_head and (tag == "body" or tag not in _HEAD_ONLY):
            self.in_head = False
        if tag == "title" and not closed:
            self.title = []
        elif tag in _HIDDEN and not closed:
            self.hidden.append(tag)
            self.hidden_open[tag] = self.hidden_open.get(tag, 0) + 1
            self.ld_json = tag == "script" and "ld+json" in attrs.get("type", "").lower()
            self.ld_text = []
        elif tag == "h1" and self.h1 is None and not self.h1_text and not self.hidden:
            self.h1 = []
        if tag == "pre":
            self.pre += 1
        elif tag == "header":
            self.header += 1
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        elif tag == "title" and self.title is not None:
            self.titles.append("".join(self.title))
            self.title = None
        elif self.hidden_open.get(tag):
            while (top := self.hidden.pop()) != tag:  # close whatever was left open inside it
                self.hidden_open[top] -= 1
            self.hidden_open[tag] -= 1
            if self.ld_json:
                self.publishers.extend(_ld_publishers("".join(self.ld_text)))
                self.ld_text = []
            self.ld_json = False
        elif tag in ("body", "html"):
            self.hidden.clear()  # an unclosed <svg> must not swallow a later document part
            self.hidden_open.clear()
        elif tag == "h1" and self.h1 is not None:
            self.h1_text = _SPACE.sub(" ", "".join(self.h1)).strip()
            self.h1 = None
        elif tag == "pre" and self.pre:
            self.pre -= 1
        elif tag == "header" and self.header:
            self.header -= 1
        self._break(tag)

    def _break(self, tag: str) -> None:
        """Breaks wait until the next text, so nested blocks give one break, not several."""
        if self.hidden or self.in_head:
            return
        if tag in _PARAGRAPH:
            self.pending = 2
        elif tag == "br":
            self.pending = min(self.pending + 1, 2)  # <br><br> is a paragraph break
        elif tag in _LINE:
            self.pending = max(self.pending, 1)
        elif tag in _CELL and not self.pending:
            self.out.append(" ")

    def _collect_metadata(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "html" and attrs.get("lang") and self.lang is None:
            self.lang = attrs["lang"]
        if tag == "meta" and attrs.get("content"):
            for key in ("name", "property", "itemprop", "http-equiv"):
                name = attrs.get(key, "").strip().lower()
                if name:
                    self.meta.setdefault(name, attrs["content"].strip())
        elif attrs.get("itemprop", "").lower() == "datepublished":
            value = attrs.get("content") or attrs.get("datetime")
            if value:
                self.other_dates.append(value)
        elif tag == "time" and attrs.get("datetime") and (self.header or "pubdate" in attrs):
            self.other_dates.append(attrs["datetime"])
        elif (tag == "link" and self.in_head and self.canonical is None and attrs.get("href", "").strip()
              and "canonical" in attrs.get("rel", "").lower().split()):  # (a body's link is no page's own)
            self.canonical = attrs["href"].strip()

    def handle_comment(self, data: str) -> None:
        if not self.hidden and not self.in_head and self.title is None:
            self.comments.append((len(self.out), data, self.getpos()[0]))  # getpos: where `<!--` is

    # -- markup html.parser cannot handle ---------------------------------------------
    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """`<![CDATA[`, `<![if ...]>`; any other `<![...` is a bogus comment up to `>`.

        html.parser raises AssertionError on an unknown keyword (`<![foo[`) or none (`<![ x`).
        """
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    # -- text -----------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        elif self.hidden:
            if self.ld_json:
                self.other_dates.extend(_LD_DATE.findall(data))
                self.ld_text.append(data)
        elif not self.in_head:
            if self.h1 is not None:
                self.h1.append(data)
            self._text(data)

    def _text(self, data: str) -> None:
        if self.pending:
            if data.isspace():  # indentation between blocks
                return
            self.out.append("\n" * self.pending)
            self.pending = 0
        self._locate(data)
        if self.pre:  # keep the lines of preformatted text, still squeeze the spaces
            self.out.append("\n".join(_SPACE.sub(" ", ln) for ln in data.split("\n")))
        else:
            self.out.append(_SPACE.sub(" ", data))

    def _locate(self, data: str) -> None:
        """Record where the text chunk `data` stands in the source, as `stretches`.

        html.parser hands text on at the place it starts (`getpos`), entities decoded. A chunk
        the source holds as it is maps character for character; in one with entities, the text
        between them does, and each entity's characters map to where it is written. Every
        visible character of `data` is in a stretch, placed or not: `_positions` finds the
        stretches in the visible text by counting them off in order.
        """
        if not self.source:  # not fed by parse_html: nothing to map to
            return
        line, col = self.getpos()
        at = self.line_starts[line - 1] + col
        source, out = self.source, self.stretches
        if source.startswith(data, at):
            out.extend([m.span() for m in _VERBATIM.finditer(source, at, at + len(data))])
            return
        end = source.find("<", at)
        end = len(source) if end < 0 else end
        if html.unescape(source[at:end]) == data:  # text up to the next tag, its entities decoded
            for ref in _CHARREF.finditer(source, at, end):
                written = ref.start()
                if written > at:
                    out.extend([m.span() for m in _VERBATIM.finditer(source, at, written)])
                out.extend([(written, written + 1) for ch in _unescape(ref[0]) if not ch.isspace()])
                at = ref.end()
            out.extend([m.span() for m in _VERBATIM.finditer(source, at, end)])
            return
        # Some other text (html.parser's recovery from broken markup): its characters are
        # counted off all the same, placed from where the chunk starts.
        out.extend([(at + m.start(), at + m.end()) for m in _VERBATIM.finditer(data)])


@lru_cache(maxsize=1024)
def _unescape(ref: str) -> str:
    return html.unescape(ref)


def _ld_publishers(block: str) -> list[str]:
    """The publisher names a JSON-LD block gives for the page itself: the `publisher` of its
    top-level items and of its `@graph` items (`{"name": ...}`, a name, or an `{"@id": ...}`
    pointing at an item of the block), in order. Publishers nested deeper belong to other
    works (the article a ClaimReview checks, a citation). A block that is no JSON, or too large,
    gives none: the page is read all the same."""
    if len(block) > _LD_LIMIT or '"publisher"' not in block:
        return []
    try:
        data = json.loads(block)
    except (ValueError, RecursionError):
        return []
    items: list[dict] = []
    for top in data if isinstance(data, list) else [data]:
        if isinstance(top, dict):
            items.append(top)
            graph = top.get("@graph")
            if isinstance(graph, list):
                items.extend(g for g in graph if isinstance(g, dict))
    items = items[:_LD_ITEMS]
    by_id = {it["@id"]: it for it in items if isinstance(it.get("@id"), str)}
    found: list[str] = []
    for item in items:
        pub = item.get("publisher")
        for given in pub if isinstance(pub, list) else [pub]:
            p = given
            if isinstance(p, dict) and "name" not in p and isinstance(p.get("@id"), str):
                p = by_id.get(p["@id"], p)  # {"@id": "#organization"}: the item it points at
            name = p.get("name") if isinstance(p, dict) else p
            if isinstance(name, str) and name.strip():
                found.append(name.strip())
    return found


_TITLE_SEPARATORS = "-|–—:·•»/"


def _without_site(title: str | None, outlet: str | None) -> str | None:
    """A page title without the site's name that pages append or prepend to it ("Council
    backs plan | Harbour Gazette", "Harbour Gazette: Council backs plan"): the headline is what
    two outlets' pages share. A title that is only the site's name is no headline (None)."""
    if not title or not outlet:
        return title
    n = len(outlet)
    if title.casefold() == outlet.casefold():
        return None
    if len(title) > n and title[-n:].casefold() == outlet.casefold():
        head = title[:-n].rstrip()
        if head and head[-1] in _TITLE_SEPARATORS and head[:-1].strip():
            return head[:-1].strip()
    if len(title) > n and title[:n].casefold() == outlet.casefold():
        tail = title[n:].lstrip()
        if tail and tail[0] in _TITLE_SEPARATORS and tail[1:].strip():
            return tail[1:].strip()
    return title


def _page_url(canonical: str | None, og_url: str | None) -> str | None:
    """The first of the page's canonical link and og:url that is an absolute web address."""
    for candidate in (canonical, og_url):
        try:
            parts = urlsplit(candidate or "")
        except ValueError:  # "http://[::1" and other malformed addresses
            continue
        if parts.scheme in ("http", "https") and parts.netloc:
            return candidate
    return None


def _tidy(raw: str) -> str:
    """One space between words, lines stripped, at most one blank line between blocks."""
    lines = [re.sub(" {2,}", " ", line).strip() for line in raw.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _comment_offsets(chunks: list[str], marks: list[tuple[int, str, int]], text: str) -> list[tuple[int, str, int]]:
    """Where each comment stood, as an offset in the tidied `text` (its text and source line kept).

    Tidying only ever changes whitespace, so a comment preceded by k visible (non-space)
    characters in the raw output sits just before the (k+1)-th one of `text`.
    """
    if not marks:
        return []
    visible = [m.start() for m in _NON_SPACE.finditer(text)]
    out, seen, done = [], 0, 0
    for chunk_index, data, line in marks:
        seen += sum(len(_NON_SPACE.findall(c)) for c in chunks[done:chunk_index])
        done = chunk_index
        out.append((visible[seen] if seen < len(visible) else len(text), data, line))
    return out


def _positions(text: str, stretches: list[tuple[int, int]], line_starts: list[int]) -> list[tuple[int, int, int]]:
    """(offset in `text`, line, column) of each source stretch (start, end), merged where the
    text runs on along a line of the source.

    Tidying changes only whitespace and a stretch reaches `text` unchanged, so the stretches
    stand in `text` in order with only whitespace between them: each starts at the first
    non-space character after the one before. One search per stretch, each over whitespace.
    """
    out: list[tuple[int, int, int]] = []
    search = _NON_SPACE.search
    t = 0
    shift = -1  # source offset minus text offset along the last entry
    line_end = 0  # where the last entry's source line ends
    for at, end in stretches:
        m = search(text, t)
        if m is None:
            break
        t = m.start()
        if at - t != shift or at >= line_end:  # not the text running on along one source line
            line = bisect_right(line_starts, at)
            out.append((t, line, at - line_starts[line - 1] + 1))
            shift = at - t
            line_end = line_starts[line] if line < len(line_starts) else sys.maxsize
        t += end - at
    return out


def parse_html(source: str) -> HtmlPage:
    """Visible text, title, declared language, publication-date candidates, publisher and own
    address of a page, and where its text stands in `source` (`positions`)."""
    parser = _Extractor(source)
    parser.feed(source)
    if parser.rawdata.startswith("<"):  # a tag or comment left open at the end: browsers
        parser.rawdata = ""  # show none of it, html.parser would print it as text
    parser.close()
    if parser.title is not None:  # <title> never closed
        parser.titles.append("".join(parser.title))
    title = next((t for t in (_SPACE.sub(" ", t).strip() for t in parser.titles) if t), None)
    meta_dates = [parser.meta[key] for key in DATE_META_KEYS if parser.meta.get(key)]
    outlets = [parser.meta.get("og:site_name", ""), *parser.publishers,
               *(parser.meta.get(key, "") for key in OUTLET_META_KEYS)]
    outlet = next((_SPACE.sub(" ", o).strip() for o in outlets if o and o.strip()), None)
    text = _tidy("".join(parser.out))
    return HtmlPage(
        text=text,
        title=_without_site(title, outlet) or parser.h1_text or None,
        lang=parser.lang,
        dates=meta_dates + parser.other_dates,
        outlet=outlet,
        url=_page_url(parser.canonical, parser.meta.get("og:url")),
        comments=_comment_offsets(parser.out, parser.comments, text),
        positions=_positions(text, parser.stretches, parser.line_starts),
    )
