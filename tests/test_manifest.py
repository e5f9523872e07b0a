"""Manifests (CSV and JSONL): rows become items carrying the manifest's metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.document import Document
from storyline.errors import InputError
from storyline.ingest.fetch import Fetched, FetchError
from storyline.ingest.manifest import (
    ManifestRow,
    is_manifest_name,
    manifest_items,
    parse_manifest,
    rows_to_items,
)
from storyline.ingest.readers import read_bytes

KESSLING = (
    "Kessling schließt Logistikhilfe nicht aus\n\n"
    "HALLSTEDT — Verteidigungsminister Jörg Kessling hält eine Beteiligung Droveniens an "
    "Logistik und Ausbildung für eine Lissar-Truppe für möglich. „Das ist nicht ausgeschlossen“, "
    "sagte er am Donnerstag.\n"
)
LAVALLE = (
    "Belmora promet 800 soldats\n\n"
    "CASTELBRUN — Le Premier ministre Hector Lavalle a annoncé mercredi l'envoi de 800 soldats "
    "et de quatre avions de combat pour la police du ciel.\n"
)
CSV = (
    "path,url,outlet,published,language,title,authors,notes\n"
    "de/kessling.txt,,Hallstedter Allgemeine,2026-04-09,de-DE,"
    '"Kessling schließt Logistikhilfe nicht aus","Petra Vogt; Lars Brenner",checked\n'
    ",https://courrier-du-lac.example/monde/belmora-800,Courrier du Lac,2026-04-15,fr,,,\n"
    "fr/lavalle.txt,https://voix-castelbrun.example/lavalle,La Voix de Castelbrun,2026-04-15,"
    'fr,"Belmora promet 800 soldats, dont des pilotes",,\n'
    "\n"
    "de/missing.txt,,Der Tagesbote,18.03.2026,de,,,\n"
    "de/kessling.txt,,Der Tagesbote,2026-03-18,Deutsch,,,\n"
    ",,Der Tagesbote,2026-03-18,de,Ohne Quelle,,\n"
    "de/kessling.txt,,Der Tagesbote,2026-03-18,de,,,,one cell too many\n"
    "de/not-there.txt,,Der Tagesbote,2026-03,de,,,\n"
    ",ftp://archive.example/a.txt,,,,,,\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "de").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "de" / "kessling.txt").write_text(KESSLING, encoding="utf-8")
    (tmp_path / "fr" / "lavalle.txt").write_text(LAVALLE, encoding="utf-8")
    return tmp_path


class FakeFetcher:
    def __init__(self, pages: dict[str, Fetched]) -> None:
        self.pages = pages
        self.asked: list[str] = []

    def fetch(self, url: str) -> Fetched:
        self.asked.append(url)
        if url not in self.pages:
            raise FetchError(f"{url}: HTTP 404 Not Found")
        return self.pages[url]


def test_csv_rows_and_their_problems(corpus: Path) -> None:
    source = str(corpus / "manifest.csv")
    rows = list(parse_manifest(CSV.encode(), source))
    good = [r for r in rows if isinstance(r, ManifestRow)]
    bad = [str(r) for r in rows if isinstance(r, InputError)]
    assert [r.source for r in good] == [
        f"{source}#2",
        f"{source}#3",
        f"{source}#4",
        f"{source}#10",
    ]
    kessling = good[0]
    assert kessling.path == corpus / "de" / "kessling.txt"
    assert kessling.url is None
    assert kessling.meta == {
        "outlet": "Hallstedter Allgemeine",
        "published": "2026-04-09",
        "published_method": "manifest",
        "language": "de",
        "title": "Kessling schließt Logistikhilfe nicht aus",
        "authors": ["Petra Vogt", "Lars Brenner"],
    }
    assert good[1].path is None
    assert good[1].url == "https://courrier-du-lac.example/monde/belmora-800"
    assert good[2].meta["title"] == "Belmora promet 800 soldats, dont des pilotes"
    assert good[2].meta["url"] == "https://voix-castelbrun.example/lavalle"
    assert good[3].meta["published"] == "2026-03"  # month precision is fine
    assert bad == [
        f"{source}#6: published '18.03.2026' is not an ISO date (YYYY-MM-DD)",
        f"{source}#7: language 'Deutsch' is not a language code",
        f"{source}#8: row has neither a path nor a url",
        f"{source}#9: more cells than columns",
        f"{source}#11: refused: only http and https URLs are fetched (ftp://archive.example/a.txt)",
    ]


def test_csv_items_read_files_fetch_urls_and_report_the_rest(corpus: Path) -> None:
    manifest = corpus / "manifest.csv"
    manifest.write_text(CSV, encoding="utf-8")
    url = "https://courrier-du-lac.example/monde/belmora-800"
    page = Fetched(
        url,
        url,
        200,
        "text/html",
        b"<!DOCTYPE html><html><body><p>Belmora enverra 800 soldats.</p></body></html>",
    )
    fetcher = FakeFetcher({url: page})
    items = list(manifest_items(manifest, fetcher=fetcher))
    assert fetcher.asked == [url]
    assert len(items) == 9  # every non-blank row, good or bad, is accounted for
    kessling, belmora, lavalle = items[0], items[1], items[2]
    assert kessling.source == str(corpus / "de" / "kessling.txt")
    assert kessling.data == KESSLING.encode()
    assert belmora.source == url
    assert belmora.data == page.data
    assert belmora.meta["outlet"] == "Courrier du Lac"
    assert belmora.meta["content_type"] == "text/html"
    assert lavalle.meta["url"] == "https://voix-castelbrun.example/lavalle"
    errors = [str(i.error) for i in items if i.error is not None]
    assert len(errors) == 6
    missing = str(corpus / "de" / "not-there.txt")
    assert f"{missing}: No such file or directory ({manifest}#10)" in errors


def test_url_rows_without_fetching_are_reported(corpus: Path) -> None:
    manifest = corpus / "manifest.csv"
    manifest.write_text(CSV, encoding="utf-8")
    items = list(manifest_items(manifest))
    assert str(items[1].error) == (
        f"{manifest}#3: fetching is switched off, so "
        "https://courrier-du-lac.example/monde/belmora-800 is not read"
    )


def test_manifest_metadata_reaches_the_document(corpus: Path) -> None:
    manifest = corpus / "manifest.csv"
    manifest.write_text(CSV, encoding="utf-8")
    item = next(iter(manifest_items(manifest)))
    [doc] = list(read_bytes(item.data or b"", item.source, item.meta))
    assert isinstance(doc, Document)
    assert doc.outlet == "Hallstedter Allgemeine"
    assert doc.published.date == "2026-04-09"
    assert doc.language == "de"
    assert doc.authors == ("Petra Vogt", "Lars Brenner")


def test_jsonl_manifest(corpus: Path) -> None:
    rows = [
        {
            "path": "fr/lavalle.txt",
            "outlet": "La Voix de Castelbrun",
            "published": "2026-04-15T18:05:00+02:00",
            "language": "fr",
            "authors": ["Claire Moreau"],
        },
        {"url": "https://zelmir-today.example/belmora-withdraws", "published": 2026},
        ["not", "an", "object"],
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(2, "{broken json")
    manifest = corpus / "sources.jsonl"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(manifest_items(manifest))
    assert [i.source for i in items] == [
        str(corpus / "fr" / "lavalle.txt"),
        f"{manifest}#2",
        f"{manifest}#3",
        f"{manifest}#4",
    ]
    lavalle = items[0]
    assert lavalle.data == LAVALLE.encode()
    assert lavalle.meta["published"] == "2026-04-15T18:05:00+02:00"
    assert lavalle.meta["authors"] == ["Claire Moreau"]
    assert "switched off" in str(items[1].error)
    assert str(items[2].error).startswith(f"{manifest}#3: invalid JSON (")
    assert str(items[3].error) == f"{manifest}#4: row is not a JSON object"


def test_tsv_and_absolute_paths(corpus: Path) -> None:
    absolute = corpus / "de" / "kessling.txt"
    data = f"path\ttitle\n{absolute}\tKessling\n".encode()
    [row] = list(parse_manifest(data, "/elsewhere/list.tsv"))
    assert isinstance(row, ManifestRow)
    assert row.path == absolute
    assert row.meta == {"title": "Kessling"}


def test_manifest_without_path_or_url_column_is_refused(tmp_path: Path) -> None:
    manifest = tmp_path / "bad.csv"
    manifest.write_text("file,outlet\na.txt,Der Tagesbote\n", encoding="utf-8")
    [item] = list(manifest_items(manifest))
    assert str(item.error) == f"{manifest}: manifest has no 'path' or 'url' column"


def test_manifest_that_is_not_utf8(tmp_path: Path) -> None:
    manifest = tmp_path / "latin1.csv"
    manifest.write_bytes("path,title\na.txt,Schließung\n".encode("latin-1"))
    [item] = list(manifest_items(manifest))
    assert str(item.error) == f"{manifest}: manifest is not UTF-8 (byte 23)"  # the ß


def test_oversized_file_is_reported(corpus: Path) -> None:
    rows = list(parse_manifest(b"path\nde/kessling.txt\n", str(corpus / "m.csv")))
    [item] = list(rows_to_items(rows, max_bytes=100))
    assert item.error is not None
    assert "over the 100-byte limit" in str(item.error)


def test_is_manifest_name() -> None:
    assert is_manifest_name("sources.CSV")
    assert is_manifest_name("sources.jsonl")
    assert not is_manifest_name("article.txt")
