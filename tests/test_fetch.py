"""URL fetching: SSRF guard, redirects, limits, retries. No test touches the network."""

from __future__ import annotations

import gzip
import ipaddress
import socket
from collections.abc import Callable, Iterator, Sequence

import httpx
import pytest

from storyline.errors import InputError
from storyline.ingest.fetch import (
    FetchError,
    FetchPolicy,
    HttpFetcher,
    RefusedURL,
    address_problem,
    fetch_items,
    read_url_list,
    system_resolver,
)

ARTICLE_HTML = (
    "<!DOCTYPE html><html lang='en'><head><title>Drovenia rules out troops</title></head>"
    "<body><article><h1>Drovenia rules out troops for Lissar force</h1>"
    "<p>HALLSTEDT — Chancellor Anke Morwitz said on Wednesday that no Drovenian soldiers "
    "would be sent to the Lissar Valley.</p></article></body></html>"
).encode()
PUBLIC = {
    "news.example": ["93.184.216.34"],
    "www.news.example": ["93.184.216.35"],
    "feeds.news.example": ["93.184.216.36"],
    "news6.example": ["2606:4700::1111"],
    "intranet.example": ["::1"],
    "split.example": ["93.184.216.40", "192.168.1.10"],
    "mapped.example": ["::ffff:127.0.0.1"],
    "cgnat.example": ["100.64.3.7"],
}
Handler = Callable[[httpx.Request], httpx.Response]


class FakeResolver:
    """Answers from a table and remembers what it was asked."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> Sequence[str]:
        self.asked.append(host)
        if host not in self.table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return self.table[host]


class Rig:
    """A fetcher wired to an in-memory server, with its requests and pauses on record."""

    def __init__(self, handler: Handler, policy: FetchPolicy | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []
        self.resolver = FakeResolver(PUBLIC)

        def record(request: httpx.Request) -> httpx.Response:
            self.requests.append(request)
            return handler(request)

        self.fetcher = HttpFetcher(
            policy,
            transport=httpx.MockTransport(record),
            resolver=self.resolver,
            sleep=self.sleeps.append,
        )


def html(body: bytes = ARTICLE_HTML, **headers: str) -> httpx.Response:
    return httpx.Response(
        200, headers={"Content-Type": "text/html; charset=utf-8", **headers}, content=body
    )


def redirect(location: str, status: int = 301) -> httpx.Response:
    return httpx.Response(status, headers={"Location": location})


def test_fetch_connects_to_the_checked_ip_and_keeps_the_host_name() -> None:
    rig = Rig(lambda request: html())
    fetched = rig.fetcher.fetch("https://news.example/world/lissar-force")
    assert fetched.status == 200
    assert fetched.final_url == "https://news.example/world/lissar-force"
    assert fetched.content_type == "text/html; charset=utf-8"
    assert fetched.media_type == "text/html"
    assert fetched.data == ARTICLE_HTML
    [request] = rig.requests
    assert request.url.host == "93.184.216.34"  # pinned: no second DNS lookup can swap it
    assert request.headers["Host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"  # certificate checked for it
    assert "storyline" in request.headers["User-Agent"]
    assert "+https://" in request.headers["User-Agent"]  # a contact URL for site operators


def test_ipv6_address_is_pinned_with_brackets_and_port_kept_in_host_header() -> None:
    rig = Rig(lambda request: html())
    rig.fetcher.fetch("http://news6.example:8080/a")
    [request] = rig.requests
    assert request.url.host == "2606:4700::1111"
    assert request.url.port == 8080
    assert request.headers["Host"] == "news6.example:8080"
    assert "sni_hostname" not in request.extensions  # plain http: no TLS


def test_redirects_are_followed_by_hand_and_each_host_is_resolved() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers["Host"] == "news.example":
            return redirect("https://www.news.example/world/lissar-force?utm_source=rss")
        return html()

    rig = Rig(handler)
    fetched = rig.fetcher.fetch("http://news.example/world/lissar-force")
    assert fetched.url == "http://news.example/world/lissar-force"
    assert fetched.final_url == "https://www.news.example/world/lissar-force?utm_source=rss"
    assert rig.resolver.asked == ["news.example", "www.news.example"]
    assert [r.url.host for r in rig.requests] == ["93.184.216.34", "93.184.216.35"]


def test_relative_redirect_is_resolved_against_the_host_name_not_the_ip() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return redirect("/new", 302)
        return html()

    rig = Rig(handler)
    assert rig.fetcher.fetch("https://news.example/old").final_url == "https://news.example/new"


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://127.0.0.1/admin", "refused: 127.0.0.1 is a loopback address"),
        ("http://10.0.0.5/", "refused: 10.0.0.5 is a private address"),
        (
            "http://169.254.169.254/latest/meta-data/",
            "refused: 169.254.169.254 is a cloud metadata address",
        ),
        ("http://intranet.example/", "refused: ::1 is a loopback address (intranet.example"),
        ("http://[fd00:ec2::254]/", "refused: fd00:ec2::254 is a cloud metadata address"),
        ("http://cgnat.example/", "refused: 100.64.3.7 is a carrier-grade NAT address"),
    ],
)
def test_redirect_to_a_non_public_address_is_refused(location: str, reason: str) -> None:
    rig = Rig(lambda request: redirect(location))
    with pytest.raises(RefusedURL) as caught:
        rig.fetcher.fetch("https://news.example/story")
    message = str(caught.value)
    assert message.startswith(f"https://news.example/story: redirect to {location} refused")
    assert reason in message
    assert message.endswith("(use --allow-private-network)")
    assert "\n" not in message
    assert len(rig.requests) == 1  # nothing was sent to the forbidden address


def test_first_request_is_checked_too() -> None:
    rig = Rig(lambda request: html())
    with pytest.raises(RefusedURL) as caught:
        rig.fetcher.fetch("http://127.0.0.1:8080/")
    assert str(caught.value) == (
        "http://127.0.0.1:8080/: refused: 127.0.0.1 is a loopback address"
        " (use --allow-private-network)"
    )
    assert rig.requests == []


def test_metadata_host_name_is_refused_without_asking_dns() -> None:
    rig = Rig(lambda request: html())
    with pytest.raises(RefusedURL, match=r"metadata\.google\.internal is a cloud metadata host"):
        rig.fetcher.fetch("http://metadata.google.internal/computeMetadata/v1/")
    assert rig.resolver.asked == []


def test_one_private_record_among_public_ones_refuses_the_host() -> None:
    rig = Rig(lambda request: html())
    with pytest.raises(RefusedURL, match=r"192\.168\.1\.10 is a private address"):
        rig.fetcher.fetch("https://split.example/")
    assert rig.requests == []


def test_ipv4_mapped_ipv6_address_is_seen_through() -> None:
    rig = Rig(lambda request: html())
    with pytest.raises(RefusedURL, match="loopback address"):
        rig.fetcher.fetch("https://mapped.example/")


def test_private_network_can_be_allowed_explicitly() -> None:
    rig = Rig(lambda request: html(), FetchPolicy(allow_private_network=True))
    fetched = rig.fetcher.fetch("http://10.0.0.5/intranet/article")
    assert fetched.data == ARTICLE_HTML
    assert rig.requests[0].url.host == "10.0.0.5"


@pytest.mark.parametrize(
    "url",
    ["ftp://news.example/a.txt", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/"],
)
def test_only_http_and_https_are_fetched(url: str) -> None:
    rig = Rig(lambda request: html())
    with pytest.raises(RefusedURL, match="only http and https URLs are fetched"):
        rig.fetcher.fetch(url)
    assert rig.requests == []


def test_redirect_to_another_scheme_is_refused() -> None:
    rig = Rig(lambda request: redirect("file:///etc/passwd", 302))
    with pytest.raises(RefusedURL) as caught:
        rig.fetcher.fetch("https://news.example/a")
    assert str(caught.value) == (
        "https://news.example/a: redirect to file:///etc/passwd refused:"
        " only http and https URLs are fetched"
    )


def test_credentials_in_url_are_refused() -> None:
    with pytest.raises(RefusedURL, match="user names or passwords"):
        Rig(lambda request: html()).fetcher.fetch("https://editor:secret@news.example/a")


def test_redirect_loop_stops_at_the_limit() -> None:
    rig = Rig(lambda request: redirect(f"/hop{len(rig.requests)}", 302), FetchPolicy())
    with pytest.raises(FetchError, match="more than 5 redirects"):
        rig.fetcher.fetch("https://news.example/hop0")
    assert len(rig.requests) == 6


def test_redirect_without_location_is_an_error() -> None:
    rig = Rig(lambda request: httpx.Response(302))
    with pytest.raises(FetchError, match="HTTP 302 without a Location header"):
        rig.fetcher.fetch("https://news.example/a")


def test_declared_oversized_body_is_refused_before_reading() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return html(b"x" * 5_000_001)

    with pytest.raises(FetchError) as caught:
        Rig(handler).fetcher.fetch("https://news.example/huge")
    assert str(caught.value) == "https://news.example/huge: body over 5 MB"


def test_streamed_oversized_body_stops_reading_at_the_limit() -> None:
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for i in range(100):  # 100 x 100 kB = 10 MB, no Content-Length
            sent.append(i)
            yield b"<p>" + b"a" * 99_992 + b"</p>\n"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=chunks())

    with pytest.raises(FetchError, match=r"body over 5 MB$"):
        Rig(handler).fetcher.fetch("https://news.example/endless")
    assert len(sent) == 51  # stopped right after crossing 5 MB, not at 10 MB


def test_compressed_body_is_limited_after_decompression() -> None:
    bomb = gzip.compress(b"<p>" + b"0" * 6_000_000)
    assert len(bomb) < 100_000

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
        return httpx.Response(200, headers=headers, content=bomb)

    with pytest.raises(FetchError, match="body over 5 MB"):
        Rig(handler).fetcher.fetch("https://news.example/bomb")


@pytest.mark.parametrize(
    ("content_type", "message"),
    [
        ("application/pdf", "content type application/pdf is not HTML, text or a feed"),
        ("image/jpeg", "content type image/jpeg is not HTML, text or a feed"),
        ("", "no content type; expected HTML, text or a feed"),
    ],
)
def test_wrong_content_type_is_refused(content_type: str, message: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": content_type} if content_type else {}
        return httpx.Response(200, headers=headers, content=b"%PDF-1.7 ...")

    with pytest.raises(FetchError) as caught:
        Rig(handler).fetcher.fetch("https://news.example/report.pdf")
    assert str(caught.value) == f"https://news.example/report.pdf: {message}"


@pytest.mark.parametrize(
    "content_type",
    ["application/rss+xml", "application/atom+xml", "text/xml", "text/plain; charset=utf-8"],
)
def test_feeds_and_plain_text_are_accepted(content_type: str) -> None:
    body = b"<?xml version='1.0'?><rss version='2.0'><channel/></rss>"
    rig = Rig(
        lambda request: httpx.Response(200, headers={"Content-Type": content_type}, content=body)
    )
    assert rig.fetcher.fetch("https://feeds.news.example/world.xml").data == body


def test_503_then_200_is_retried_with_backoff() -> None:
    answers = [httpx.Response(503), html()]
    rig = Rig(lambda request: answers.pop(0))
    fetched = rig.fetcher.fetch("https://news.example/a")
    assert fetched.status == 200
    assert len(rig.requests) == 2
    assert rig.sleeps == [1.0]


def test_retry_after_is_respected_within_the_cap() -> None:
    answers = [httpx.Response(429, headers={"Retry-After": "7"}), html()]
    rig = Rig(lambda request: answers.pop(0))
    rig.fetcher.fetch("https://news.example/a")
    assert rig.sleeps == [7.0]


def test_retry_after_beyond_the_cap_gives_up_at_once() -> None:
    rig = Rig(lambda request: httpx.Response(503, headers={"Retry-After": "3600"}))
    with pytest.raises(FetchError) as caught:
        rig.fetcher.fetch("https://news.example/a")
    assert str(caught.value) == (
        "https://news.example/a: HTTP 503, server asks to wait 3600 s (over the 30 s cap)"
    )
    assert rig.sleeps == []
    assert len(rig.requests) == 1


def test_retry_after_as_an_http_date() -> None:
    far = "Fri, 31 Dec 2077 23:59:59 GMT"
    rig = Rig(lambda request: httpx.Response(429, headers={"Retry-After": far}))
    with pytest.raises(
        FetchError, match=r"HTTP 429, server asks to wait \d+ s \(over the 30 s cap\)"
    ):
        rig.fetcher.fetch("https://news.example/a")
    past = "Sun, 01 Mar 2020 08:00:00 GMT"  # already over: retry after the shortest pause
    answers = [httpx.Response(503, headers={"Retry-After": past}), html()]
    rig = Rig(lambda request: answers.pop(0))
    rig.fetcher.fetch("https://news.example/a")
    assert rig.sleeps == [0.0]


def test_persistent_503_reports_the_tries() -> None:
    rig = Rig(lambda request: httpx.Response(503))
    with pytest.raises(FetchError) as caught:
        rig.fetcher.fetch("https://news.example/a")
    assert str(caught.value) == "https://news.example/a: HTTP 503 after 3 tries"
    assert rig.sleeps == [1.0, 2.0]  # exponential: 1 s, then 2 s


def test_404_is_not_retried() -> None:
    rig = Rig(lambda request: httpx.Response(404))
    with pytest.raises(FetchError) as caught:
        rig.fetcher.fetch("https://news.example/gone")
    assert str(caught.value) == "https://news.example/gone: HTTP 404 Not Found"
    assert len(rig.requests) == 1


def test_timeout_is_retried_then_reported() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    rig = Rig(handler)
    with pytest.raises(FetchError) as caught:
        rig.fetcher.fetch("https://news.example/slow")
    assert str(caught.value) == "https://news.example/slow: timed out after 3 tries"
    assert len(rig.requests) == 3
    assert rig.sleeps == [1.0, 2.0]


def test_connection_error_then_success() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ConnectError("connection refused", request=request)
        return html()

    assert Rig(handler).fetcher.fetch("https://news.example/a").status == 200


def test_slow_drip_body_hits_the_total_timeout() -> None:
    ticks = iter(range(0, 10_000, 25))  # every clock reading is 25 s later

    def handler(request: httpx.Request) -> httpx.Response:
        chunks = (b"<p>drip</p>" for _ in range(100))
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=chunks)

    rig = Rig(handler)
    rig.fetcher._clock = lambda: float(next(ticks))
    with pytest.raises(FetchError, match="timed out after 3 tries"):
        rig.fetcher.fetch("https://news.example/drip")


def test_unknown_host_is_reported() -> None:
    with pytest.raises(FetchError, match=r"cannot resolve nowhere\.example"):
        Rig(lambda request: html()).fetcher.fetch("https://nowhere.example/")


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("8.8.8.8", None),
        ("2606:4700::1111", None),
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("172.16.4.1", "a private address"),
        ("192.168.0.1", "a private address"),
        ("fd12:3456::1", "a private address"),
        ("169.254.10.10", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("100.64.0.1", "a carrier-grade NAT address"),
        ("0.0.0.0", "an unspecified address"),
        ("::", "an unspecified address"),
        ("224.0.0.251", "a multicast address"),
        ("ff02::1", "a multicast address"),
        ("240.0.0.1", "a reserved address"),
        ("192.0.2.10", "a reserved address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("fd00:ec2::254", "a cloud metadata address"),
        ("64:ff9b::a00:5", "a private address (embedded in 64:ff9b::a00:5)"),
    ],
)
def test_address_classes(address: str, problem: str | None) -> None:
    assert address_problem(ipaddress.ip_address(address)) == problem


def test_system_resolver_reads_numeric_hosts_without_dns() -> None:
    # A decimal IPv4 host ("http://2130706433/") is 127.0.0.1 to the C library, so checking
    # resolved addresses (not the host text) is what catches it.
    assert system_resolver("2130706433", 80) == ["127.0.0.1"]


def test_read_url_list_skips_comments_and_repeats() -> None:
    data = (
        "\ufeff# Lissar force coverage, March 2026\n"
        "https://news.example/world/lissar-force\n"
        "\n"
        "   https://www.news.example/a#section-2   # fragment stays, comment goes\n"
        "#https://news.example/disabled\n"
        "https://news.example/world/lissar-force\n"
        "ftp://news.example/not-http\n"
    ).encode()
    assert read_url_list(data) == [
        "https://news.example/world/lissar-force",
        "https://www.news.example/a#section-2",
        "ftp://news.example/not-http",
    ]


def test_fetch_items_reports_each_failure_and_goes_on() -> None:
    rig = Rig(lambda request: html())
    urls = ["http://10.0.0.5/", "https://news.example/a"]
    bad, good = list(fetch_items(urls, rig.fetcher))
    assert bad.source == "http://10.0.0.5/"
    assert isinstance(bad.error, InputError)
    assert bad.data is None
    assert good.error is None
    assert good.data == ARTICLE_HTML
    assert good.meta == {"url": "https://news.example/a", "content_type": "text/html"}
