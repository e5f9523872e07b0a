"""A batch full of bad inputs: each is recorded with a one-line reason; the rest is stored."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from storyline.config import load_config
from storyline.ingest.fetch import FetchPolicy, HttpFetcher
from storyline.jobs import InputOptions, ingest
from storyline.store import Store

GOOD = (
    "Coastal states agree on patrol plan\n\n"
    "BRENNHAVEN — The coastal states of the Varga Sea agreed on Tuesday on a joint patrol of the\n"
    "harbour approaches after a four-hour meeting, officials said. “We finally have a plan,”\n"
    "the chair told reporters. Ships from four navies will take part from next month.\n"
)
PAGE = (
    "<!doctype html><html><head><title>Patrol plan agreed</title></head><body><article>"
    "<h1>Patrol plan agreed</h1><p>The coastal states of the Varga Sea agreed on a joint patrol "
    "of the harbour approaches on Tuesday, officials said after a long meeting.</p>"
    "<p>Ships from four navies will take part from next month, the chair said.</p>"
    "</article></body></html>"
)
BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "aaaaaaaaaa">\n'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n'
    '<rss version="2.0"><channel><title>x</title><item><title>&c;</title></item></channel></rss>\n'
)
FEED = (
    '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Varga News</title>'
    "<link>https://varga.example/</link>"
    "<item><title>Patrol talks resume</title><link>https://varga.example/a</link>"
    "<pubDate>Tue, 17 Mar 2026 10:00:00 +0000</pubDate><description><![CDATA["
    + "<p>Delegates of the coastal states resumed their talks on the harbour patrol on Tuesday. "
    * 6
    + "</p>]]></description></item>"
    "<item><description></description></item>"
    "</channel></rss>\n"
)


def _fetcher() -> HttpFetcher:
    addresses = {"news.example": ["93.184.216.34"], "evil.example": ["93.184.216.35"]}

    def resolver(host: str, port: int) -> list[str]:
        if host not in addresses:
            raise OSError(f"cannot resolve {host}")
        return addresses[host]

    def handler(request: httpx.Request) -> httpx.Response:
        host = request.headers.get("host", "")
        if host == "evil.example":
            return httpx.Response(302, headers={"location": "http://127.0.0.1/admin"})
        return httpx.Response(200, headers={"content-type": "text/html"}, text=PAGE)

    return HttpFetcher(
        FetchPolicy(),
        transport=httpx.MockTransport(handler),
        resolver=resolver,
        sleep=lambda s: None,
    )


def test_bad_items_are_recorded_and_the_rest_is_stored(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    with (folder / "huge.txt").open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    (folder / "invalid-utf8.txt").write_bytes(
        "Les États côtiers ont signé l'accord sur la patrouille, a déclaré la présidente.".encode(
            "cp1252"
        )
        + b"\x81\x8d\x8f\x90\x9d" * 3
    )
    (folder / "broken.html").write_text("<html><body><div><p>unclosed <b>tags", encoding="utf-8")
    (folder / "bomb.xml").write_text(BOMB, encoding="utf-8")
    (folder / "feed.xml").write_text(FEED, encoding="utf-8")
    (folder / "records.jsonl").write_text(
        json.dumps({"text": GOOD.replace("Tuesday", "Wednesday")}) + "\n{broken json\n",
        encoding="utf-8",
    )
    urls = [
        "https://news.example/patrol",
        "https://unreachable.example/x",
        "https://evil.example/redirect",
    ]
    report = ingest([folder, *urls], store, load_config(), options=InputOptions(fetcher=_fetcher()))

    reasons = {Path(s).name if not s.startswith("http") else s: r for s, r in report.failures}
    assert "\n" not in "".join(reasons.values())
    assert "binary" in reasons["binary.txt"]
    assert "limit" in reasons["huge.txt"]
    assert "records.jsonl#2" in reasons
    assert any(
        "bomb.xml" in k and ("DOCTYPE" in v or "entit" in v.lower()) for k, v in reasons.items()
    )
    assert "broken.html" in reasons
    assert "https://unreachable.example/x" in reasons
    assert "127.0.0.1" in reasons["https://evil.example/redirect"]
    assert any(k.startswith("feed.xml") for k in reasons)  # the entry without text or link

    stored = {
        Path(d.source.split("#")[0]).name if "://" not in d.source else d.source
        for d in store.documents(False)
    }
    assert {
        "good.txt",
        "invalid-utf8.txt",
        "records.jsonl",
        "https://news.example/patrol",
    } <= stored
    assert any("varga.example/a" in s or s.startswith("feed.xml") for s in stored)
    # Everything that failed is in the store's failure table, once.
    assert {f.source for f in store.failures()} >= {s for s, _ in report.failures}

    again = ingest([folder, *urls], store, load_config(), options=InputOptions(fetcher=_fetcher()))
    assert again.statuses["new"] == 0  # re-running is idempotent
