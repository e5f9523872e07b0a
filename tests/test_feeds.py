"""RSS/Atom feeds: safe parsing, entry metadata, full text vs. fetch, broken entries."""

from __future__ import annotations

import pytest

from storyline.document import Document
from storyline.errors import InputError
from storyline.ingest.feeds import (
    FeedError,
    check_feed_safety,
    entries_to_items,
    feed_items,
    html_to_text,
    looks_like_feed,
    parse_feed,
)
from storyline.ingest.fetch import Fetched, FetchError
from storyline.ingest.readers import read_bytes

FULL_BODY = (
    "<p>SELMONT (MERIDIAN) — Aurevia will put 3,000 soldiers at the disposal of a monitoring "
    "force for the Lissar Valley, President Ilse Varnholt told parliament on Monday.</p>"
    "<p>“We will not stand at the side of the road while a ceasefire this fragile is tested "
    "every night,” Varnholt said, adding that an Aurevian planning paper put the size of the "
    "whole force at 12,000.</p>"
    "<figure><img src='/img/varnholt.jpg'/><figcaption>Photo: Meridian Wire</figcaption>"
    "</figure>"
    "<p>Foreign Minister Tomas Brell is expected to brief Northern Concord partners in Selmont "
    "on Thursday.</p>"
)
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Meridian Wire — World</title>
    <link>https://meridian.example/world</link>
    <description>Wire copy from the Meridian desk</description>
    <language>en-gb</language>
    <item>
      <title>Aurevia offers 3,000 troops for Lissar force</title>
      <link>https://meridian.example/world/aurevia-offers-troops</link>
      <pubDate>Mon, 16 Mar 2026 23:40:00 +0100</pubDate>
      <dc:creator>Mara Lind</dc:creator>
      <description>Aurevia will contribute soldiers to a monitoring force.</description>
      <content:encoded><![CDATA[{FULL_BODY}]]></content:encoded>
    </item>
    <item>
      <title>Drovenia rules out sending soldiers</title>
      <link>https://meridian.example/world/drovenia-rules-out</link>
      <pubDate>Wed, 18 Mar 2026 10:05:00 +0100</pubDate>
      <description>Chancellor Anke Morwitz said no Drovenian troops would go.</description>
    </item>
    <item>
      <title>Belmora studies the request</title>
      <link>https://meridian.example/world/belmora-studies</link>
      <pubDate>sometime on Thursday</pubDate>
      <description>Belmora's government says it is studying the request.</description>
    </item>
    <item>
      <title>Untitled draft</title>
    </item>
  </channel>
</rss>
""".encode()

ATOM_SUMMARY = (
    "Estmark, Valdoria and Quellan declined on Friday to send soldiers to the Lissar Valley, "
    "leaving Aurevia's plan for a monitoring force short of the numbers its own planners say "
    "are needed. Meeting in Selmont, Northern Concord ministers heard Secretary General Paolo "
    "Ferrante argue that a force of up to 25,000 troops would be required to watch a ceasefire "
    "line 240 km long. Estmark's prime minister, Sofie Lindqvist-Aro, said her country would "
    "contribute money rather than soldiers; Valdoria and Quellan gave no reason in the meeting."
)
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>The Harbour Chronicle</title>
  <link href="https://harbour-chronicle.example/"/>
  <id>tag:harbour-chronicle.example,2026:feed</id>
  <updated>2026-03-20T19:00:00Z</updated>
  <entry>
    <title type="html">Three countries say no to Lissar force</title>
    <link rel="alternate" href="https://harbour-chronicle.example/2026/03/20/three-say-no"/>
    <id>tag:harbour-chronicle.example,2026:three-say-no</id>
    <published>2026-03-20T18:30:00+01:00</published>
    <updated>2026-03-20T19:00:00+01:00</updated>
    <author><name>Jonas Reed</name></author>
    <author><name>Ana Petrova</name></author>
    <summary type="text">{ATOM_SUMMARY}</summary>
  </entry>
  <entry>
    <title>Lorvain engineers on standby</title>
    <link rel="alternate" href="/2026/04/22/lorvain-engineers"/>
    <id>tag:harbour-chronicle.example,2026:lorvain</id>
    <updated>2026-04-22T08:00:00Z</updated>
    <summary>Lorvain readies 150 military engineers.</summary>
  </entry>
  <entry>
    <title>Wire test entry</title>
    <id>tag:harbour-chronicle.example,2026:test</id>
    <updated>1970-01-01T00:00:00Z</updated>
    <summary>Ceasefire monitors.</summary>
  </entry>
</feed>
""".encode()

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>x</title><description>&lol9;</description></item></channel></rss>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>&secret;</title></channel></rss>
"""
BOMB_SOURCE = "https://bad.example/feed.xml"


def items_by_source(data: bytes, source: str) -> dict[str, object]:
    return {item.source: item for item in feed_items(data, source)}


class FakeFetcher:
    def __init__(self, pages: dict[str, Fetched | InputError]) -> None:
        self.pages = pages
        self.asked: list[str] = []

    def fetch(self, url: str) -> Fetched:
        self.asked.append(url)
        page = self.pages.get(url, FetchError(f"{url}: HTTP 404 Not Found"))
        if isinstance(page, InputError):
            raise page
        return page


def test_rss_entry_metadata() -> None:
    feed = parse_feed(RSS, "https://meridian.example/world/rss.xml")
    assert feed.title == "Meridian Wire — World"
    assert feed.language == "en"
    first = feed.entries[0]
    assert first.title == "Aurevia offers 3,000 troops for Lissar force"
    assert first.link == "https://meridian.example/world/aurevia-offers-troops"
    # The feed's own offset is kept: 23:40 on the 16th in Selmont is the 16th, not the 17th.
    assert first.published == "2026-03-16T23:40:00+01:00"
    assert first.authors == ("Mara Lind",)
    assert first.summary == "Aurevia will contribute soldiers to a monitoring force."
    assert first.content.startswith("SELMONT (MERIDIAN) — Aurevia will put 3,000 soldiers")
    assert "Photo: Meridian Wire" not in first.content  # captions are not article prose
    assert first.content.count("\n\n") == 2  # three paragraphs
    assert first.full_text == first.content


def test_rss_full_content_entry_becomes_a_document_without_fetching() -> None:
    source = "https://meridian.example/world/rss.xml"
    fetcher = FakeFetcher({})
    items = list(entries_to_items(parse_feed(RSS, source), fetcher=fetcher))
    first = items[0]
    assert first.source == f"{source}#1"
    assert first.error is None
    assert first.meta["url"] == "https://meridian.example/world/aurevia-offers-troops"
    assert first.meta["outlet"] == "Meridian Wire — World"
    assert first.meta["content_type"] == "text/plain"
    assert "https://meridian.example/world/aurevia-offers-troops" not in fetcher.asked
    [doc] = list(read_bytes(first.data or b"", first.source, first.meta))
    assert isinstance(doc, Document)
    assert doc.title == "Aurevia offers 3,000 troops for Lissar force"
    assert doc.url == "https://meridian.example/world/aurevia-offers-troops"
    assert doc.published.date == "2026-03-16"
    assert doc.authors == ("Mara Lind",)
    assert "“We will not stand at the side of the road" in doc.raw_text


def test_teaser_entries_are_reported_when_fetching_is_off() -> None:
    items = list(feed_items(RSS, "rss.xml"))
    assert [i.source for i in items] == ["rss.xml#1", "rss.xml#2", "rss.xml#3", "rss.xml#4"]
    assert items[0].error is None
    assert str(items[1].error) == (
        "rss.xml#2: only a summary in the feed; fetching "
        "https://meridian.example/world/drovenia-rules-out is switched off"
    )
    assert str(items[2].error) == "rss.xml#3: unreadable date 'sometime on Thursday'"
    assert str(items[3].error) == "rss.xml#4: no link and no text"


def test_teaser_entry_is_fetched_when_a_fetcher_is_given() -> None:
    link = "https://meridian.example/world/drovenia-rules-out"
    page = Fetched(
        link,
        "https://meridian.example/world/2026/03/18/drovenia-rules-out",
        200,
        "text/html; charset=utf-8",
        b"<!DOCTYPE html><html><body><p>Morwitz said no.</p></body></html>",
    )
    fetcher = FakeFetcher({link: page})
    items = list(entries_to_items(parse_feed(RSS, "rss.xml"), fetcher=fetcher))
    assert fetcher.asked == [link]
    fetched = items[1]
    assert fetched.source == link
    assert fetched.data == page.data
    assert fetched.meta["url"] == page.final_url  # where the page really lives
    assert fetched.meta["title"] == "Drovenia rules out sending soldiers"
    assert fetched.meta["published"] == "2026-03-18T10:05:00+01:00"
    assert fetched.meta["content_type"] == "text/html"
    # The broken entries are still reported, one each, and never fetched.
    assert items[2].error is not None and items[3].error is not None


def test_fetch_failure_of_one_entry_does_not_stop_the_feed() -> None:
    link = "https://meridian.example/world/drovenia-rules-out"
    fetcher = FakeFetcher({link: FetchError(f"{link}: HTTP 404 Not Found")})
    items = list(entries_to_items(parse_feed(RSS, "rss.xml"), fetcher=fetcher))
    assert len(items) == 4
    assert items[0].error is None
    assert items[1].source == link
    assert str(items[1].error) == f"{link}: HTTP 404 Not Found"


def test_atom_entries() -> None:
    feed = parse_feed(ATOM, "https://harbour-chronicle.example/feed.atom")
    assert feed.title == "The Harbour Chronicle"
    assert feed.language == "en"  # from xml:lang on the feed element
    first, second, third = feed.entries
    assert first.title == "Three countries say no to Lissar force"
    assert first.link == "https://harbour-chronicle.example/2026/03/20/three-say-no"
    assert first.published == "2026-03-20T18:30:00+01:00"  # published wins over updated
    assert first.authors == ("Jonas Reed", "Ana Petrova")
    assert first.full_text == ATOM_SUMMARY  # a long summary is the article
    # A relative link is resolved against the feed's base.
    assert second.link == "https://harbour-chronicle.example/2026/04/22/lorvain-engineers"
    assert second.published == "2026-04-22T08:00:00+00:00"
    assert second.full_text is None  # a one-line summary is a teaser
    assert third.problem == "implausible date '1970-01-01T00:00:00Z'"


def test_atom_items_with_outlet_override() -> None:
    feed = parse_feed(ATOM, "chronicle.atom")
    first, second, third = entries_to_items(feed, outlet="Harbour Chronicle")
    assert first.error is None
    assert first.meta["outlet"] == "Harbour Chronicle"
    assert first.meta["authors"] == ["Jonas Reed", "Ana Petrova"]
    assert (first.data or b"").decode() == ATOM_SUMMARY
    # Read from a file, the feed has no URL of its own: the site link resolves relative links.
    assert str(second.error).endswith(
        "fetching https://harbour-chronicle.example/2026/04/22/lorvain-engineers is switched off"
    )
    assert str(third.error) == "chronicle.atom#3: implausible date '1970-01-01T00:00:00Z'"


def test_billion_laughs_is_refused_before_feedparser() -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(BILLION_LAUGHS, BOMB_SOURCE)
    assert str(caught.value) == (
        f"{BOMB_SOURCE}: refused: the feed declares XML entities (possible entity-expansion bomb)"
    )
    [item] = list(feed_items(BILLION_LAUGHS, BOMB_SOURCE))
    assert item.data is None
    assert item.error is not None and "refused" in str(item.error)


def test_external_entity_is_refused() -> None:
    with pytest.raises(FeedError, match="refused: the feed declares XML entities"):
        check_feed_safety(EXTERNAL_ENTITY, "x.xml")


def test_malformed_feed_with_entities_is_refused_too() -> None:
    # Not well-formed (unclosed <channel>), so an XML parser gives up and feedparser's
    # lenient parser would take over: the declaration must be caught anyway.
    broken = BILLION_LAUGHS.replace(b"</channel>", b"")
    with pytest.raises(FeedError, match="entity-expansion bomb"):
        parse_feed(broken, "broken.xml")


def test_entity_bomb_in_utf16_is_refused() -> None:
    encoded = BILLION_LAUGHS.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
    with pytest.raises(FeedError, match="entity-expansion bomb"):
        parse_feed(encoded.encode("utf-16"), "utf16.xml")
    broken = encoded.replace("</channel>", "").encode("utf-16")
    with pytest.raises(FeedError, match="entity-expansion bomb"):
        parse_feed(broken, "utf16-broken.xml")


def test_plain_doctype_without_entities_is_accepted() -> None:
    rss091 = (
        b'<?xml version="1.0"?>\n'
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        b'<rss version="0.91"><channel><title>Zelmir Today</title>'
        b"<link>https://zelmir-today.example/</link><language>en</language>"
        b"<item><title>Occupation force</title><link>https://zelmir-today.example/a</link>"
        b"</item></channel></rss>"
    )
    feed = parse_feed(rss091, "zt.xml")
    assert [e.title for e in feed.entries] == ["Occupation force"]


def test_not_a_feed() -> None:
    with pytest.raises(FeedError, match=r"^page\.html: not an RSS or Atom feed"):
        parse_feed(b"<!DOCTYPE html><html><body><p>Hello</p></body></html>", "page.html")


def test_empty_feed_is_reported() -> None:
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Q</title></channel></rss>'
    [item] = list(feed_items(empty, "q.xml"))
    assert str(item.error) == "q.xml: the feed has no entries"


def test_looks_like_feed() -> None:
    assert looks_like_feed(RSS)
    assert looks_like_feed(ATOM)
    assert looks_like_feed(b'<?xml version="1.0"?>\n<!-- <html> --><rdf:RDF xmlns:rdf="x">')
    assert looks_like_feed('<?xml version="1.0" encoding="UTF-16"?><rss/>'.encode("utf-16"))
    assert not looks_like_feed(b"<!DOCTYPE html><html><body>feed me</body></html>")
    assert not looks_like_feed(b"Aurevia offers troops.\n")


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    fragment = (
        "<h2>Lissar&nbsp;force</h2><p>First  line<br/>second line</p>"
        "<script>track()</script><ul><li>Aurevia</li><li>Belmora</li></ul>"
        "<p>Caf&eacute; &amp; bar</p>"
    )
    assert html_to_text(fragment) == (
        "Lissar force\n\nFirst line\n\nsecond line\n\nAurevia\n\nBelmora\n\nCafé & bar"
    )
