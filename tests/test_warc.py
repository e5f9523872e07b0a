"""Web archives: only archived HTML pages come out, streamed record by record."""

from __future__ import annotations

import gzip
import io
import random
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.document import Document
from storyline.errors import InputError
from storyline.ingest.readers import read_bytes
from storyline.ingest.warc import ArchivedPage, is_warc, iter_warc, page_item, warc_items

ARTICLE_URL = "https://tagesbote.example/politik/2026/03/18/morwitz-absage"
ARTICLE = (
    "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
    "<title>Morwitz: Keine Soldaten ins Lissar-Tal | Der Tagesbote</title></head><body>"
    "<nav><a href='/'>Startseite</a> <a href='/politik'>Politik</a></nav>"
    "<article><h1>Morwitz: Keine Soldaten ins Lissar-Tal</h1>"
    "<p>HALLSTEDT — Bundeskanzlerin Anke Morwitz hat eine Beteiligung Droveniens an einer "
    "Beobachtertruppe im Lissar-Tal am Mittwoch ausgeschlossen.</p>"
    "<p>„Drovenische Soldaten wird es im Lissar-Tal nicht geben“, sagte Morwitz vor der "
    "Presse in Hallstedt. Verteidigungsminister Jörg Kessling äußerte sich zunächst nicht.</p>"
    "</article><footer>© Der Tagesbote</footer></body></html>"
).encode()
GZIPPED_URL = "https://courrier-du-lac.example/monde/belmora-etudie-la-demande"
GZIPPED = (
    "<html><head><title>Belmora étudie la demande</title></head><body><article>"
    "<p>CASTELBRUN — Le gouvernement belmorien « étudie la demande » d'Aurevia, a déclaré "
    "jeudi le porte-parole Julien Marchetti, sans avancer de calendrier.</p>"
    "</article></body></html>"
).encode()
CAPTURED = "2026-03-18T09:31:02Z"


def _headers(status: str, content_type: str, *extra: tuple[str, str]) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type), *extra], protocol="HTTP/1.1")


def build_warc(*, compress: bool = True, padding_records: int = 0) -> bytes:
    """An archive as a crawler writes it: request, page, image, a 404 and a gzipped page."""
    out = io.BytesIO()
    noise = random.Random(7)
    writer = WARCWriter(out, gzip=compress)

    def write(uri: str, kind: str, payload: bytes, http: StatusAndHeaders) -> None:
        record = writer.create_warc_record(
            uri,
            kind,
            payload=io.BytesIO(payload),
            http_headers=http,
            warc_headers_dict={"WARC-Date": CAPTURED},
        )
        writer.write_record(record)

    request = StatusAndHeaders(
        "GET /politik/2026/03/18/morwitz-absage HTTP/1.1",
        [("Host", "tagesbote.example"), ("User-Agent", "storyline-test")],
        is_http_request=True,
    )
    write(ARTICLE_URL, "request", b"", request)
    write(ARTICLE_URL, "response", ARTICLE, _headers("200 OK", "text/html; charset=utf-8"))
    write(
        "https://tagesbote.example/img/morwitz.jpg",
        "response",
        b"\xff\xd8\xff\xe0" + b"\x00" * 2048,
        _headers("200 OK", "image/jpeg"),
    )
    write(
        "https://tagesbote.example/politik/gibt-es-nicht",
        "response",
        b"<html><body><h1>Seite nicht gefunden</h1></body></html>",
        _headers("404 Not Found", "text/html"),
    )
    write(
        GZIPPED_URL,
        "response",
        gzip.compress(GZIPPED),
        _headers("200 OK", "text/html", ("Content-Encoding", "gzip")),
    )
    for i in range(padding_records):
        write(
            f"https://tagesbote.example/img/{i}.png",
            "response",
            noise.randbytes(65_536),  # 64 kB that gzip cannot shrink
            _headers("200 OK", "image/png"),
        )
    return out.getvalue()


def pages(data: bytes, source: str = "crawl.warc.gz", **kw: int) -> list[ArchivedPage]:
    results = list(iter_warc(io.BytesIO(data), source, **kw))
    assert all(isinstance(r, ArchivedPage) for r in results), results
    return [r for r in results if isinstance(r, ArchivedPage)]


@pytest.mark.parametrize("compress", [True, False])
def test_only_200_html_responses_are_kept(compress: bool) -> None:
    found = pages(build_warc(compress=compress))
    assert [p.url for p in found] == [ARTICLE_URL, GZIPPED_URL]
    article, gzipped = found
    assert article.data == ARTICLE
    assert article.date == CAPTURED
    assert article.content_type == "text/html; charset=utf-8"
    assert gzipped.data == GZIPPED  # Content-Encoding undone


def test_archive_is_streamed_not_loaded() -> None:
    data = build_warc(padding_records=40)

    class CountingReader(io.BytesIO):
        def __init__(self, raw: bytes) -> None:
            super().__init__(raw)
            self.consumed = 0

        def read(self, size: int | None = -1) -> bytes:
            chunk = super().read(size)
            self.consumed += len(chunk)
            return chunk

    stream = CountingReader(data)
    first = next(iter_warc(stream, "big.warc.gz"))
    assert isinstance(first, ArchivedPage) and first.url == ARTICLE_URL
    assert stream.consumed < len(data) // 4  # ~2.6 MB archive, the first page comes early


def test_oversized_page_is_reported_and_the_rest_goes_on() -> None:
    results = list(iter_warc(io.BytesIO(build_warc()), "crawl.warc.gz", max_bytes=400))
    error, page = results
    assert isinstance(error, InputError)
    assert str(error) == f"crawl.warc.gz#{ARTICLE_URL}: page over 400 bytes"
    assert isinstance(page, ArchivedPage) and page.url == GZIPPED_URL


def test_truncated_archive_keeps_pages_before_the_damage() -> None:
    data = build_warc(compress=False)
    cut = data[: data.index(b"WARC-Target-URI: " + GZIPPED_URL.encode()) + 40]
    results = list(iter_warc(io.BytesIO(cut), "cut.warc"))
    assert isinstance(results[0], ArchivedPage) and results[0].url == ARTICLE_URL
    assert all(not isinstance(r, ArchivedPage) or r.url != GZIPPED_URL for r in results)


def test_garbage_is_reported_as_damage() -> None:
    [error] = list(iter_warc(io.BytesIO(b"this is not a web archive\n" * 10), "junk.warc"))
    assert isinstance(error, InputError)
    assert str(error) == "junk.warc: not a WARC archive (at the start)"
    [error] = list(iter_warc(io.BytesIO(b"WARC/1.0\r\nbroken"), "cut.warc"))
    assert str(error) == "cut.warc: damaged web archive at the start (no WARC-Type)"
    [error] = list(iter_warc(io.BytesIO(b"\x1f\x8b\x08\x00garbage"), "bad.warc.gz"))
    assert str(error) == "bad.warc.gz: no WARC records found"
    [error] = list(iter_warc(io.BytesIO(b""), "empty.warc"))
    assert str(error) == "empty.warc: no WARC records found"


def test_truncated_gzip_member_is_reported_as_damage() -> None:
    # warcio itself hands out the short payload without complaint.
    data = build_warc()
    article, error = list(iter_warc(io.BytesIO(data[:-30]), "cut.warc.gz"))
    assert isinstance(article, ArchivedPage) and article.url == ARTICLE_URL
    assert str(error) == f"cut.warc.gz#{GZIPPED_URL}: page cut off (the archive is truncated)"


def test_warc_items_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "crawl-2026-03.warc.gz"
    path.write_bytes(build_warc())
    article, gzipped = list(warc_items(path))
    assert article.source == f"{path}#{ARTICLE_URL}"
    assert article.meta == {
        "url": ARTICLE_URL,
        "retrieved": CAPTURED,
        "content_type": "text/html",
    }
    assert article.data == ARTICLE
    assert gzipped.meta["url"] == GZIPPED_URL
    [missing] = list(warc_items(tmp_path / "nope.warc"))
    assert missing.error is not None and "No such file" in str(missing.error)


def test_archived_page_reads_as_a_document() -> None:
    page = pages(build_warc())[0]
    item = page_item(page, "crawl.warc.gz")
    [doc] = list(read_bytes(item.data or b"", item.source, item.meta))
    assert isinstance(doc, Document)
    assert doc.url == ARTICLE_URL
    assert "Bundeskanzlerin Anke Morwitz" in doc.raw_text
    assert "Startseite" not in doc.raw_text  # navigation left behind by the HTML reader


def test_is_warc() -> None:
    assert is_warc("crawl.warc.gz")
    assert is_warc("CRAWL.WARC")
    assert not is_warc("crawl.wat.gz")


def test_chunked_transfer_encoding_is_undone() -> None:
    body = (
        "<html><body><article><p>SELMONT — Lorvain will send 150 military engineers to the "
        "Lissar Valley, Defence Minister Claire Dufort said.</p></article></body></html>"
    ).encode()
    chunked = (
        b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:60], body[60:]))
        + b"0\r\n\r\n"
    )
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = _headers("200 OK", "application/xhtml+xml", ("Transfer-Encoding", "chunked"))
    record = writer.create_warc_record(
        "https://northgate.example/lorvain-engineers",
        "response",
        payload=io.BytesIO(chunked),
        http_headers=headers,
    )
    writer.write_record(record)
    [page] = pages(out.getvalue())
    assert page.data == body
