"""Fetch article pages and feeds over HTTP(S), carefully.

The network sits behind two narrow seams so tests never touch it: a ``Resolver`` (host name to
IP addresses) and an ``httpx.BaseTransport`` (``httpx.MockTransport`` in tests). Everything a
caller needs is the ``Fetcher`` protocol: ``fetch(url) -> Fetched``.

Safety rules, and why:

* Only http and https; URLs with credentials are refused (they would be replayed on redirects).
* SSRF guard: the host is resolved and *every* address checked; one forbidden address refuses
  the URL, because a name that mixes public and private records is how rebinding attacks start.
  The check runs on the first request and again on every redirect hop, which is why redirects
  are followed here, by hand, instead of by httpx.
* DNS rebinding: the request is sent to the IP address that was checked (the URL's host is
  replaced by the IP; ``Host`` and the TLS SNI name keep the real host, so virtual hosting and
  certificate checks work as usual). Keep-alive is off in the default transport so a TLS
  connection opened for one host name is never reused for another name on the same IP.
* Environment proxies are ignored (``trust_env=False``): a proxy would resolve the name itself
  and defeat the pinning above.
* Bodies are streamed and cut off at ``max_bytes`` (counted after content decoding, so a
  compressed bomb hits the same limit); only HTML, XHTML, plain text and RSS/Atom/XML are kept.
* Retries with exponential backoff on connection errors, timeouts, 429 and transient 5xx;
  ``Retry-After`` is honoured up to a cap, and a server asking for a longer pause is left alone.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Protocol

import httpx

from storyline.errors import InputError
from storyline.ingest.sources import Item

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]
Sleep = Callable[[float], None]

USER_AGENT = "storyline/0.1 (news analysis; +https://storyline.example/contact)"
ALLOWED_SCHEMES = ("http", "https")
# What an article page or a feed is served as. Anything else (PDF, images, JSON APIs, archives)
# is not something the readers can turn into article text.
ALLOWED_MEDIA_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",  # RSS 1.0
        "application/xml",
        "text/xml",
    }
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# 501 and 505 are 5xx too, but they describe what the server can do, not a passing state:
# asking again gives the same answer.
_PERMANENT_5XX = frozenset({501, 505})
# Host names that only ever point at a cloud provider's instance-metadata service.
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata.goog"})
# Instance-metadata endpoints (AWS/GCP/Azure/OpenStack share 169.254.169.254; AWS has an IPv6
# one; Alibaba uses 100.100.100.200). Named separately so the refusal says what they are.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)
_CGNAT = ipaddress.ip_network("100.64.0.0/10")  # RFC 6598 carrier-grade NAT, not global
_THIS_NETWORK = ipaddress.ip_network("0.0.0.0/8")
_PRIVATE_V4 = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
)
_ULA = ipaddress.ip_network("fc00::/7")
_SITE_LOCAL = ipaddress.ip_network("fec0::/10")  # deprecated, but still routed internally
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # embeds an IPv4 address in the low 32 bits


class FetchError(InputError):
    """A URL could not be fetched (network, HTTP status, size, content type)."""


class RefusedURL(FetchError):
    """A URL was refused before any request: bad scheme, or a non-public address."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # as requested
    final_url: str  # after redirects (host names, not the pinned IPs)
    status: int
    content_type: str  # the Content-Type header as sent, e.g. "text/html; charset=utf-8"
    data: bytes

    @property
    def media_type(self) -> str:
        return media_type(self.content_type)


class Fetcher(Protocol):
    """The one thing feeds, manifests and URL lists need from the network."""

    def fetch(self, url: str) -> Fetched: ...


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    connect_timeout: float = 5.0  # seconds; a live news site answers a SYN well within this
    read_timeout: float = 15.0  # seconds between bytes; slow CMS pages take a few seconds
    # Wall clock for one attempt's body: a server dripping one byte every 14 s never trips
    # the read timeout, so the whole download gets its own limit.
    total_timeout: float = 60.0
    max_redirects: int = 5  # real articles need 1-3 (http->https, www, tracking); loops need more
    max_bytes: int = 5_000_000  # large article pages are ~1-2 MB of HTML; feeds rarely exceed this
    tries: int = 3
    backoff: float = 1.0  # first pause in seconds; doubles after each failed try
    max_wait: float = 30.0  # cap on any pause, backoff or Retry-After
    allow_private_network: bool = False
    user_agent: str = USER_AGENT


def media_type(content_type: str) -> str:
    """``"Text/HTML; charset=UTF-8"`` -> ``"text/html"``."""
    return content_type.split(";", 1)[0].strip().lower()


def system_resolver(host: str, port: int) -> list[str]:
    """All addresses the system resolver returns for ``host``, in its order, without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_problem(ip: IPAddress) -> str | None:
    """Why ``ip`` must not be fetched from, or None when it is a public address."""
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            inner = address_problem(embedded)
            return f"{inner} (embedded in {ip})" if inner else None
    if ip.is_unspecified:
        return "an unspecified address"
    if ip in _THIS_NETWORK:
        return "a 'this network' address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip in _CGNAT:
        return "a carrier-grade NAT address"
    if any(ip in net for net in _PRIVATE_V4) or ip in _ULA or ip in _SITE_LOCAL:
        return "a private address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_reserved or not ip.is_global:
        # Documentation, benchmarking, broadcast and other special-purpose ranges.
        return "a reserved address"
    return None


def check_url(url: str) -> httpx.URL:
    """Parse ``url`` and refuse what is never fetched: other schemes, credentials, no host."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise RefusedURL(f"{url}: not a valid URL ({exc})") from None
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise RefusedURL(f"{url}: refused: only http and https URLs are fetched")
    if not parsed.host:
        raise RefusedURL(f"{url}: refused: no host name")
    if parsed.userinfo:
        raise RefusedURL(f"{url}: refused: URLs with user names or passwords are not fetched")
    return parsed


def _literal_ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _default_port(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


def _pretty_size(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000} MB"
    if n >= 1_000 and n % 1_000 == 0:
        return f"{n // 1_000} kB"
    return f"{n:,} bytes"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _retryable_status(status: int) -> bool:
    return status == 429 or (500 <= status < 600 and status not in _PERMANENT_5XX)


@dataclass(frozen=True, slots=True)
class _Hop:
    """The outcome of one hop: a redirect target or a final page."""

    status: int
    location: str | None = None
    retry_after: str | None = None
    content_type: str = ""
    data: bytes = b""


class HttpFetcher:
    """``Fetcher`` over httpx, with the SSRF guard, limits and retries described above."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver = system_resolver,
        sleep: Sleep = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._resolver = resolver
        self._sleep = sleep
        self._clock = clock
        if transport is None:
            transport = httpx.HTTPTransport(
                retries=0,  # retries are ours, with backoff and the address check
                limits=httpx.Limits(max_keepalive_connections=0),
            )
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(
                self.policy.read_timeout,
                connect=self.policy.connect_timeout,
                pool=self.policy.connect_timeout,
            ),
            follow_redirects=False,
            trust_env=False,
            headers={
                "User-Agent": self.policy.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8",
            },
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> Fetched:
        current = check_url(url)
        for hop_number in range(self.policy.max_redirects + 1):
            addresses = self._addresses(url, current, redirected=hop_number > 0)
            hop = self._request(url, current, addresses)
            if hop.location is None:
                return Fetched(url, str(current), hop.status, hop.content_type, hop.data)
            target = current.join(hop.location).copy_with(fragment=None)
            try:
                current = check_url(str(target))
            except RefusedURL as exc:
                reason = str(exc).split(": ", 1)[1]
                shown = target if target.scheme in ALLOWED_SCHEMES else hop.location
                raise RefusedURL(f"{url}: redirect to {shown} {reason}") from None
        raise FetchError(f"{url}: more than {self.policy.max_redirects} redirects")

    def _addresses(self, original: str, url: httpx.URL, *, redirected: bool) -> list[IPAddress]:
        """The checked addresses to connect to for ``url``."""
        host = url.host.rstrip(".").lower()
        where = f"redirect to {url} " if redirected else ""
        hint = " (use --allow-private-network)"
        literal = _literal_ip(host)
        if literal is not None:
            candidates = [literal]
        else:
            if host in METADATA_HOSTS and not self.policy.allow_private_network:
                raise RefusedURL(f"{original}: {where}refused: {host} is a cloud metadata host")
            try:
                found = self._resolver(url.raw_host.decode("ascii"), _default_port(url))
            except (OSError, UnicodeError) as exc:
                raise FetchError(f"{original}: cannot resolve {host} ({exc})") from None
            candidates = []
            for text in found:
                ip = _literal_ip(text)
                if ip is None:
                    raise FetchError(f"{original}: resolver returned {text!r} for {host}")
                candidates.append(ip)
            if not candidates:
                raise FetchError(f"{original}: {host} has no addresses")
        if not self.policy.allow_private_network:
            for ip in candidates:
                problem = address_problem(ip)
                if problem is not None:
                    via = "" if literal is not None else f" ({host} resolves to it)"
                    raise RefusedURL(f"{original}: {where}refused: {ip} is {problem}{via}{hint}")
        return candidates

    def _request(self, original: str, url: httpx.URL, addresses: Sequence[IPAddress]) -> _Hop:
        """One hop with retries; each try connects to the next checked address in turn."""
        policy = self.policy
        last_failure = ""
        timed_out = False
        for attempt in range(1, policy.tries + 1):
            ip = addresses[(attempt - 1) % len(addresses)]
            wait = min(policy.backoff * 2 ** (attempt - 1), policy.max_wait)
            try:
                hop = self._send(original, url, ip)
            except httpx.TimeoutException:
                timed_out, last_failure = True, "timed out"
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                timed_out = False
                last_failure = f"connection failed ({type(exc).__name__}: {_one_line(str(exc))})"
            except httpx.DecodingError as exc:
                raise FetchError(
                    f"{original}: cannot decode the body ({_one_line(str(exc))})"
                ) from None
            except httpx.HTTPError as exc:  # protocol misuse, unsupported URL: retrying won't help
                raise FetchError(
                    f"{original}: {type(exc).__name__}: {_one_line(str(exc))}"
                ) from None
            else:
                if not _retryable_status(hop.status):
                    return hop
                timed_out, last_failure = False, f"HTTP {hop.status}"
                asked = _retry_after(hop.retry_after, datetime.now(UTC))
                if asked is not None:
                    if asked > policy.max_wait:
                        raise FetchError(
                            f"{original}: HTTP {hop.status}, server asks to wait {asked:.0f} s"
                            f" (over the {policy.max_wait:.0f} s cap)"
                        )
                    wait = asked
            if attempt < policy.tries:
                self._sleep(wait)
        tries = f"{policy.tries} tries" if policy.tries != 1 else "1 try"
        if timed_out:
            raise FetchError(f"{original}: timed out after {tries}")
        raise FetchError(f"{original}: {last_failure} after {tries}")

    def _send(self, original: str, url: httpx.URL, ip: IPAddress) -> _Hop:
        host_header = url.raw_host.decode("ascii")
        if ":" in host_header:  # an IPv6 literal needs its brackets back in Host
            host_header = f"[{host_header}]"
        if url.port is not None:
            host_header += f":{url.port}"
        extensions: dict[str, object] = {}
        if url.scheme == "https" and _literal_ip(url.host) is None:
            extensions["sni_hostname"] = url.raw_host.decode("ascii")
        request = self._client.build_request(
            "GET",
            url.copy_with(host=str(ip), fragment=None),
            headers={"Host": host_header},
            extensions=extensions,
        )
        response = self._client.send(request, stream=True)
        try:
            return self._read(original, url, response)
        finally:
            response.close()

    def _read(self, original: str, url: httpx.URL, response: httpx.Response) -> _Hop:
        status = response.status_code
        if status in REDIRECT_STATUSES:
            location = response.headers.get("Location")
            if not location:
                raise FetchError(f"{original}: HTTP {status} without a Location header")
            return _Hop(status, location=location)
        if _retryable_status(status):
            return _Hop(status, retry_after=response.headers.get("Retry-After"))
        if not 200 <= status < 300:
            reason = f" {response.reason_phrase}" if response.reason_phrase else ""
            raise FetchError(f"{original}: HTTP {status}{reason}")
        content_type = response.headers.get("Content-Type", "").strip()
        kind = media_type(content_type)
        if not kind:
            raise FetchError(f"{original}: no content type; expected HTML, text or a feed")
        if kind not in ALLOWED_MEDIA_TYPES:
            raise FetchError(f"{original}: content type {kind} is not HTML, text or a feed")
        limit = self.policy.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"{original}: body over {_pretty_size(limit)}")
        data = self._body(original, response.iter_bytes(), limit)
        if not data.strip():
            raise FetchError(f"{original}: empty response body")
        return _Hop(status, content_type=content_type, data=data)

    def _body(self, original: str, chunks: Iterable[bytes], limit: int) -> bytes:
        started = self._clock()
        parts: list[bytes] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > limit:
                raise FetchError(f"{original}: body over {_pretty_size(limit)}")
            if self._clock() - started > self.policy.total_timeout:
                raise httpx.ReadTimeout("body took too long")
            parts.append(chunk)
        return b"".join(parts)


def read_url_list(data: bytes) -> list[str]:
    """URLs from a text file: one a line; blank lines and ``#`` comments skipped.

    A ``#`` starts a comment at the start of a line or after whitespace only, because URLs
    carry fragments (``page#section``). Repeats are dropped; nothing is validated here, so each
    bad line is refused on its own when fetched.
    """
    text = data.decode("utf-8-sig", errors="replace")
    urls: list[str] = []
    for line in text.splitlines():
        words = line.split()
        kept: list[str] = []
        for word in words:
            if word.startswith("#"):
                break
            kept.append(word)
        if kept:
            urls.append(" ".join(kept))
    return list(dict.fromkeys(urls))


def fetched_item(fetched: Fetched, meta: dict[str, object] | None = None) -> Item:
    """A fetched page as an ingest ``Item``; ``meta`` (title, outlet…) wins over what we add."""
    found: dict[str, object] = {"url": fetched.final_url, "content_type": fetched.media_type}
    found.update({k: v for k, v in (meta or {}).items() if v not in (None, "")})
    return Item(fetched.url, fetched.data, found)


def fetch_items(urls: Iterable[str], fetcher: Fetcher) -> Iterator[Item]:
    """One item per URL, in order; a URL that cannot be fetched becomes an error item."""
    for url in urls:
        try:
            yield fetched_item(fetcher.fetch(url))
        except InputError as exc:
            yield Item(url, error=exc)
