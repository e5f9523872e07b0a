"""RSS and Atom feeds: parse them safely and turn entries into ingest items.

Safety first: before feedparser sees a byte, the feed must not declare XML entities. Entity
declarations are how "billion laughs" expansion bombs and external-entity reads work, and no
real news feed needs one. ``defusedxml`` decides for well-formed XML; a feed too broken for an
XML parser (feedparser would then use its lenient parser) is scanned for declarations as text.
feedparser is handed a byte stream, never a string, because given a string it opens URLs and
local file names.

An entry whose feed carries the full article (``content:encoded``/Atom content, or a summary
long enough to be the article) becomes an item directly; otherwise, when a ``Fetcher`` is given,
the entry's page is downloaded. Broken entries are reported one by one; the rest go on.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

import defusedxml  # type: ignore[import-untyped]
import defusedxml.ElementTree as safe_etree  # type: ignore[import-untyped]
import feedparser  # type: ignore[import-untyped]

from storyline.errors import InputError
from storyline.ingest.fetch import Fetcher, fetched_item
from storyline.ingest.sources import Item

# Feed content shorter than this is a teaser, not the article: one or two sentences of lede
# run to 150-300 characters, while even a short wire brief is a paragraph or more.
CONTENT_MIN_CHARS = 200
# A summary (RSS description) is usually the teaser; only a long one is the whole article.
SUMMARY_MIN_CHARS = 500
# Online news feeds start in the late 1990s; an earlier date is a CMS default (1970-01-01)
# or a typo, not a publication date.
EARLIEST_PLAUSIBLE_YEAR = 1995
# Where a feed's root element must show up: after the XML declaration, comments and at most
# a DOCTYPE, all short.
_SNIFF_BYTES = 2048
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)\b")
_ENTITY_DECL = re.compile(r"<!\s*ENTITY", re.IGNORECASE)

# Elements whose text is not article prose: code, embedded media fallbacks, photo credits.
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "figcaption", "iframe"})
# Elements that end a paragraph in the plain-text rendering.
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "hr",
        "dd",
        "dt",
    }
)


class FeedError(InputError):
    """The feed as a whole cannot be read, or was refused as unsafe."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    index: int  # 1-based position in the feed, used in item sources ("feed.xml#3")
    title: str | None
    link: str | None
    published: str | None  # ISO 8601, keeping the feed's own UTC offset (and so its local day)
    authors: tuple[str, ...]
    summary: str  # plain text
    content: str  # plain text of the full content; "" when the feed has none
    problem: str | None = None  # why the entry cannot be used, if it cannot

    @property
    def full_text(self) -> str | None:
        """The article text the feed itself carries, or None when it only has a teaser."""
        if len(self.content) >= CONTENT_MIN_CHARS:
            return self.content
        if len(self.summary) >= SUMMARY_MIN_CHARS:
            return self.summary
        return None


@dataclass(frozen=True, slots=True)
class Feed:
    source: str
    title: str | None
    link: str | None
    language: str | None  # primary subtag: "en-GB" -> "en"
    entries: tuple[FeedEntry, ...]


class _TextExtractor(HTMLParser):
    """HTML fragment -> paragraphs of plain text, separated by blank lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._paragraphs: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def _break(self) -> None:
        paragraph = " ".join("".join(self._current).split())
        if paragraph:
            self._paragraphs.append(paragraph)
        self._current = []

    def text(self) -> str:
        self._break()
        return "\n\n".join(self._paragraphs)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment; text without markup comes back whitespace-tidied."""
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    return parser.text()


def _decode_for_scan(data: bytes) -> str:
    """Good enough to find ASCII markup in any encoding a feed may use."""
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    head = data[:4]
    if head.startswith(b"<\x00\x00\x00"):
        return data.decode("utf-32-le", errors="replace")
    if head.startswith(b"\x00\x00\x00<"):
        return data.decode("utf-32-be", errors="replace")
    if head.startswith(b"<\x00"):
        return data.decode("utf-16-le", errors="replace")
    if head.startswith(b"\x00<"):
        return data.decode("utf-16-be", errors="replace")
    # Every other encoding a feed may declare is ASCII-compatible; latin-1 maps bytes 1:1.
    return data.decode("latin-1")


def check_feed_safety(data: bytes, source: str) -> None:
    """Refuse XML that declares entities or references external ones (one-line reasons)."""
    try:
        safe_etree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden:
        raise FeedError(
            f"{source}: refused: the feed declares XML entities (possible entity-expansion bomb)"
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise FeedError(f"{source}: refused: the feed references an external entity") from None
    except defusedxml.DefusedXmlException as exc:
        raise FeedError(f"{source}: refused: unsafe XML ({type(exc).__name__})") from None
    except (safe_etree.ParseError, ValueError):
        # Not well-formed: feedparser would fall back to its lenient parser, which a
        # malformed document could reach with declarations the XML parser never saw.
        if _ENTITY_DECL.search(_decode_for_scan(data)):
            raise FeedError(
                f"{source}: refused: the feed declares XML entities (possible entity-expansion"
                " bomb)"
            ) from None


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` starts like RSS (0.9x, 1.0/RDF, 2.0) or Atom."""
    head = _decode_for_scan(data[:_SNIFF_BYTES]).encode("ascii", errors="replace")
    head = re.sub(rb"<!--.*?-->", b"", head, flags=re.DOTALL)
    return bool(_FEED_ROOT.search(head))


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _plain(value: Any, detail: Any = None) -> str:
    """Text of a feed field; HTML (feedparser has already sanitised it) is flattened."""
    text = _str(value)
    kind = _str(detail.get("type")) if isinstance(detail, dict) else "text/html"
    if kind == "text/plain":
        return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())
    return html_to_text(text)


def _published(entry: Any) -> tuple[str | None, str | None]:
    """(ISO date, problem) from an entry's published/updated date."""
    # Plain dict lookups: FeedParserDict maps a missing "updated" onto "published" (with a
    # DeprecationWarning), which would hide which field a date came from.
    raw = _str(dict.get(entry, "published")) or _str(dict.get(entry, "updated"))
    if not raw:
        return None, None
    moment: datetime | None = None
    try:
        moment = parsedate_to_datetime(raw)  # RSS: RFC 822 dates
    except (TypeError, ValueError, IndexError):
        try:
            moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))  # Atom: RFC 3339
        except ValueError:
            # feedparser knows many odd formats but only returns them in UTC.
            parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
            if parsed:
                moment = datetime(*parsed[:6])
    if moment is None:
        return None, f"unreadable date {raw!r}"
    if moment.year < EARLIEST_PLAUSIBLE_YEAR:
        return None, f"implausible date {raw!r}"
    return moment.isoformat(), None


def _entry(index: int, entry: Any, base: str | None) -> FeedEntry:
    content = max(
        (_plain(c.get("value"), c) for c in entry.get("content") or () if isinstance(c, dict)),
        key=len,
        default="",
    )
    summary = _plain(entry.get("summary"), entry.get("summary_detail"))
    title = _plain(entry.get("title"), entry.get("title_detail")) or None
    link = _str(entry.get("link")) or None
    if link is not None and base is not None:
        link = urljoin(base, link)
    authors = tuple(
        name
        for name in (_str(a.get("name")) for a in entry.get("authors") or () if isinstance(a, dict))
        if name
    )
    if not authors and _str(entry.get("author")):
        authors = (_str(entry.get("author")),)
    published, problem = _published(entry)
    if problem is None and link is None and not (content or summary):
        problem = "no link and no text"
    return FeedEntry(index, title, link, published, authors, summary, content, problem)


def _language(value: Any) -> str | None:
    primary = _str(value).replace("_", "-").split("-", 1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def parse_feed(data: bytes, source: str) -> Feed:
    """Parse RSS/Atom bytes; raises ``FeedError`` for unsafe or unreadable feeds."""
    check_feed_safety(data, source)
    # A byte stream: given str or bytes, feedparser tries them as a URL or a file name first.
    # A fetched feed's own URL is the base for relative links inside it.
    location = source if source.startswith(("http://", "https://")) else None
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers={"content-location": location} if location else None,
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    if not parsed.get("version") and not parsed.get("entries"):
        reason = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(reason).split())})" if reason else ""
        raise FeedError(f"{source}: not an RSS or Atom feed{detail}")
    info = parsed.get("feed") or {}
    link = _str(info.get("link")) or None
    # Relative entry links left over (a feed read from a file): the site's link is the base.
    base = link if link and link.startswith(("http://", "https://")) else location
    entries = tuple(_entry(i, e, base) for i, e in enumerate(parsed.get("entries") or (), 1))
    return Feed(
        source=source,
        title=_plain(info.get("title"), info.get("title_detail")) or None,
        link=link,
        language=_language(info.get("language")),
        entries=entries,
    )


def _meta(feed: Feed, entry: FeedEntry, outlet: str | None) -> dict[str, Any]:
    return {
        "title": entry.title,
        "outlet": outlet or feed.title,
        "published": entry.published,
        "language": feed.language,
        "authors": list(entry.authors),
        "feed": feed.source,
    }


def entries_to_items(
    feed: Feed, *, fetcher: Fetcher | None = None, outlet: str | None = None
) -> Iterator[Item]:
    """One item per entry, in feed order.

    Entries with full text become plain-text items named ``<feed source>#<n>`` (the JSONL
    convention) with the entry link as ``url``. Other entries are fetched when ``fetcher`` is
    given (the item is then named by the URL) and reported as errors when it is not.
    ``outlet`` overrides the feed title as the outlet name.
    """
    for entry in feed.entries:
        source = f"{feed.source}#{entry.index}"
        if entry.problem is not None:
            yield Item(source, error=InputError(f"{source}: {entry.problem}"))
            continue
        meta = _meta(feed, entry, outlet)
        text = entry.full_text
        if text is not None:
            meta.update(url=entry.link, content_type="text/plain")
            yield Item(source, text.encode("utf-8"), meta)
        elif entry.link is None:
            yield Item(
                source,
                error=InputError(
                    f"{source}: only a {len(entry.summary)}-character summary, no link"
                ),
            )
        elif fetcher is None:
            yield Item(
                source,
                error=InputError(
                    f"{source}: only a summary in the feed; fetching {entry.link} is switched off"
                ),
            )
        else:
            try:
                yield fetched_item(fetcher.fetch(entry.link), meta)
            except InputError as exc:
                yield Item(entry.link, error=exc)


def feed_items(
    data: bytes, source: str, *, fetcher: Fetcher | None = None, outlet: str | None = None
) -> Iterator[Item]:
    """``parse_feed`` + ``entries_to_items``; a refused or unreadable feed is one error item."""
    try:
        feed = parse_feed(data, source)
    except InputError as exc:
        yield Item(source, error=exc)
        return
    if not feed.entries:
        yield Item(source, error=InputError(f"{source}: the feed has no entries"))
    yield from entries_to_items(feed, fetcher=fetcher, outlet=outlet)
