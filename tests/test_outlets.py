from __future__ import annotations

import dataclasses
import tomllib
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from storyline.errors import ConfigError
from storyline.ingest.outlets import OUTLET_TYPES, Outlet, OutletRegistry, name_key


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.load()


@pytest.fixture(scope="module")
def tables() -> list[dict[str, Any]]:
    """The shipped file as plain TOML, independent of the loader's own checks."""
    text = resources.files("storyline.ingest").joinpath("outlets.toml").read_text("utf-8")
    entries = tomllib.loads(text)["outlet"]
    assert isinstance(entries, list)
    return entries


def _id(outlet: Outlet | None) -> str | None:
    return outlet.id if outlet is not None else None


# --- the shipped data ---------------------------------------------------------------------------


def test_shipped_file_has_at_least_150_outlets(
    tables: list[dict[str, Any]], registry: OutletRegistry
) -> None:
    assert len(tables) >= 150
    assert len(registry) == len(tables)


def test_ids_and_domains_are_unique(tables: list[dict[str, Any]]) -> None:
    ids = Counter(t["id"] for t in tables)
    assert [i for i, n in ids.items() if n > 1] == []
    domains = Counter(d for t in tables for d in t.get("domains", []))
    assert [d for d, n in domains.items() if n > 1] == []


def test_names_are_unambiguous(tables: list[dict[str, Any]]) -> None:
    owner_of: dict[str, str] = {}
    clashes = []
    for t in tables:
        for name in (t["name"], *t.get("aliases", [])):
            other = owner_of.setdefault(name_key(name), t["id"])
            if other != t["id"]:
                clashes.append((name, other, t["id"]))
    assert clashes == []


def test_fields_are_well_formed(tables: list[dict[str, Any]]) -> None:
    allowed = {"id", "name", "aliases", "domains", "country", "language", "type", "owner"}
    for t in tables:
        assert set(t) <= allowed, t["id"]
        assert t["type"] in OUTLET_TYPES, t["id"]
        assert t.get("country", "XX").isupper() and len(t.get("country", "XX")) == 2, t["id"]
        assert t.get("language", "xx").islower() and len(t.get("language", "xx")) == 2, t["id"]
        for domain in t.get("domains", []):
            assert domain == domain.lower(), domain
            assert not domain.startswith(("www.", "http")), domain
            assert "/" not in domain and ":" not in domain, domain


def test_every_type_is_used(registry: OutletRegistry) -> None:
    assert {o.type for o in registry} == OUTLET_TYPES


def test_regions_are_covered(registry: OutletRegistry) -> None:
    countries = Counter(o.country for o in registry)
    required = [
        "DE",
        "AT",
        "CH",
        "FR",
        "BE",
        "NL",
        "GB",
        "IE",
        "IT",
        "ES",
        "PL",
        "SE",
        "NO",
        "DK",
        "FI",
        "EE",
        "LV",
        "LT",
        "CZ",
        "HU",
        "US",
        "CA",
        "RU",
        "UA",
    ]
    assert [c for c in required if countries[c] == 0] == []
    assert countries["DE"] >= 20 and countries["FR"] >= 20 and countries["GB"] >= 15


@pytest.mark.parametrize(
    "outlet_id",
    [
        "reuters",
        "ap",
        "afp",
        "dpa",
        "ansa",
        "efe",
        "kyodo",
        "interfax",
        "ukrinform",
        "pap",
        "apa",
        "keystone-sda",
        "belga",
        "anp",
        "ritzau",
        "tt",
        "ntb",
        "kna",
        "epd",
        "anadolu",
        "yonhap",
    ],
)
def test_wire_agencies_present(registry: OutletRegistry, outlet_id: str) -> None:
    outlet = registry.get(outlet_id)
    assert outlet is not None
    assert outlet.type == "wire_agency"


@pytest.mark.parametrize(
    "outlet_id",
    [
        "bbc",
        "ard",
        "tagesschau",
        "zdf",
        "deutschlandfunk",
        "dw",
        "france-televisions",
        "franceinfo",
        "radio-france",
        "rfi",
        "france24",
        "orf",
        "srf",
        "rts",
        "rai",
        "rtve",
        "nos",
        "vrt",
        "rtbf",
        "svt",
        "nrk",
        "dr",
        "yle",
        "polskie-radio",
        "cbc",
        "npr",
        "pbs",
        "voa",
        "rferl",
    ],
)
def test_public_broadcasters_present(registry: OutletRegistry, outlet_id: str) -> None:
    outlet = registry.get(outlet_id)
    assert outlet is not None
    assert outlet.type == "public_broadcaster"


@pytest.mark.parametrize(
    "outlet_id",
    [
        "rt",
        "sputnik",
        "tass",
        "ria-novosti",
        "vgtrk",
        "channel-one-russia",
        "cgtn",
        "xinhua",
        "global-times",
        "peoples-daily",
        "press-tv",
    ],
)
def test_state_controlled_media_present(registry: OutletRegistry, outlet_id: str) -> None:
    outlet = registry.get(outlet_id)
    assert outlet is not None
    assert outlet.type == "state_controlled"


def test_entry_fields(registry: OutletRegistry) -> None:
    faz = registry.get("faz")
    assert faz == Outlet(
        id="faz",
        name="Frankfurter Allgemeine Zeitung",
        aliases=(
            "FAZ",
            "Frankfurter Allgemeine",
            "FAZ.NET",
            "Frankfurter Allgemeine Sonntagszeitung",
            "F.A.S.",
        ),
        domains=("faz.net",),
        country="DE",
        language="de",
        type="newspaper",
        owner="FAZIT-Stiftung",
    )
    afp = registry.get("afp")
    assert afp is not None and afp.owner is None  # not known for sure, so left out
    assert registry.get("no-such-outlet") is None
    assert faz is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        faz.name = "x"  # type: ignore[misc]


# --- by_url -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.bbc.co.uk/news/world-europe-68000000", "bbc"),
        ("https://www.bbc.com/news/articles/c4ng1234", "bbc"),
        ("http://m.bbc.co.uk/news", "bbc"),
        ("https://amp.theguardian.com/world/2026/mar/16/article", "guardian"),
        ("https://edition.cnn.com/2026/03/16/europe/story/index.html", "cnn"),
        ("HTTPS://WWW.FAZ.NET/AKTUELL/POLITIK/AUSLAND/", "faz"),
        ("https://www.spiegel.de:443/ausland/artikel-a-1234.html", "spiegel"),
        ("http://www.lemonde.fr:8080/international/article/2026/03/16/x_123_3210.html", "le-monde"),
        ("www.tagesschau.de/ausland/europa/bericht-100.html", "tagesschau"),
        ("tagesschau.de", "tagesschau"),
        ("//www.zeit.de/politik/2026-03/x", "zeit"),
        ("https://www.bbc.co.uk./news", "bbc"),
        ("https://reader@www.reuters.com/world/europe/", "reuters"),
        ("https://news.sky.com/story/x-12345", "sky-news"),
        ("https://fr.news.yahoo.com/article-123.html", "yahoo-news"),
        ("https://ici.radio-canada.ca/nouvelle/123/x", "radio-canada"),
        ("https://spectator.sme.sk/c/23456/x.html", "slovak-spectator"),
        ("https://domov.sme.sk/c/23456/x.html", "sme"),
        ("https://www.interfax.com.ua/news/general/1.html", "interfax-ukraine"),
        ("https://www.interfax.ru/world/1", "interfax"),
        ("https://someone.substack.com/p/a-post", "substack"),
        ("https://web.archive.org/web/20260316120000/https://www.reuters.com/world/", "reuters"),
        ("https://ec.europa.eu/commission/presscorner/detail/en/ip_26_1", "european-commission"),
    ],
)
def test_by_url(registry: OutletRegistry, url: str, expected: str) -> None:
    assert _id(registry.by_url(url)) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://notbbc.co.uk/news",  # a longer label that ends like a known domain
        "https://bbc.co.uk.example.net/news",  # a known domain as a subdomain of another
        "https://www.faz.net.example.com/aktuell",
        "https://spiegel.de-nachrichten.example/ausland",
        "https://example.com/?u=https://www.bbc.co.uk/news",  # the outlet only in the query
        "https://www.reuters.com@evil.example/world",  # the outlet only as user info
        "https://europa.eu/",  # the parent of a registered subdomain
        "https://sky.com/",
        "https://co.uk/",
        "",
        "not a url",
        "https://[::1",
    ],
)
def test_by_url_refuses_lookalikes(registry: OutletRegistry, url: str) -> None:
    assert registry.by_url(url) is None


# --- by_name ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("dpa", "dpa"),
        ("DPA", "dpa"),
        ("Deutsche Presse-Agentur", "dpa"),
        ("deutsche presse agentur", "dpa"),
        ("dpa/lnw", "dpa"),
        ("(dpa/lby)", "dpa"),
        ("dpa-AFX", "dpa-afx"),
        ("AFP", "afp"),
        ("(AFP)", "afp"),
        ("Agence France Presse", "afp"),
        ("AFP (Agence France-Presse)", "afp"),
        ("FAZ", "faz"),
        ("F.A.Z.", "faz"),
        ("Frankfurter Allgemeine", "faz"),
        ("frankfurter allgemeine zeitung", "faz"),
        ("Süddeutsche Zeitung", "sueddeutsche"),
        ("Suddeutsche Zeitung", "sueddeutsche"),
        ("Le Figaro", "le-figaro"),
        ("Figaro", "le-figaro"),
        ("The Guardian", "guardian"),
        ("the guardian", "guardian"),
        ("Guardian", "guardian"),
        ("Der Spiegel", "spiegel"),
        ("SPIEGEL", "spiegel"),
        ("The Bild", "bild"),
        ("Monde", "le-monde"),
        ("L'Express", "l-express"),
        ("L’Obs", "l-obs"),
        ("Libération", "liberation"),
        ("Liberation", "liberation"),
        ("CTK", "ctk"),
        ("Dagens Naeringsliv", "dagens-naeringsliv"),
        ("Morgunbladid", "morgunbladid"),
        ("RFE/RL", "rferl"),
        ("Radio Free Europe/Radio Liberty", "rferl"),
        ("Keystone-ATS", "keystone-sda"),
        ("  Reuters  ", "reuters"),
        ("ТАСС", "tass"),
        ("Spiegel.de", "spiegel"),
        ("www.lemonde.fr", "le-monde"),
    ],
)
def test_by_name(registry: OutletRegistry, name: str, expected: str) -> None:
    assert _id(registry.by_name(name)) == expected


@pytest.mark.parametrize(
    "name",
    [
        "",
        "   ",
        "Tagesbote",  # an outlet we do not know
        "Presse",  # Die Presse and La Presse: without the article it names neither
        "Standard",  # Der Standard and the (Evening) Standard
        "Frankfurter",
        "Anna Beispiel",
        "tout le monde",
    ],
)
def test_by_name_unknown_or_ambiguous(registry: OutletRegistry, name: str) -> None:
    assert registry.by_name(name) is None


def test_article_keeps_ambiguous_names_apart(registry: OutletRegistry) -> None:
    assert _id(registry.by_name("Die Presse")) == "die-presse"
    assert _id(registry.by_name("La Presse")) == "la-presse"
    assert _id(registry.by_name("Der Standard")) == "der-standard"


# --- identify -----------------------------------------------------------------------------------


def _identified(result: tuple[Outlet, str] | None) -> tuple[str, str] | None:
    return (result[0].id, result[1]) if result is not None else None


def test_identify_prefers_url_over_everything(registry: OutletRegistry) -> None:
    result = registry.identify(
        url="https://www.faz.net/aktuell/politik/x.html",
        metadata_name="Süddeutsche Zeitung",
        source_line="Quelle: Reuters",
        wire_tag="(AFP)",
        byline_area="Von Anna Beispiel, dpa",
    )
    assert _identified(result) == ("faz", "url")


def test_identify_falls_through_in_order_of_trust(registry: OutletRegistry) -> None:
    evidence: dict[str, str] = {
        "url": "https://www.tagesbote.example/politik/x",  # unknown site
        "metadata_name": "Süddeutsche Zeitung",
        "source_line": "Quelle: Reuters",
        "wire_tag": "(AFP)",
        "byline_area": "Von Anna Beispiel, dpa",
    }
    assert _identified(registry.identify(**evidence)) == ("sueddeutsche", "metadata")
    evidence["metadata_name"] = "Tagesbote"
    assert _identified(registry.identify(**evidence)) == ("reuters", "source_line")
    del evidence["source_line"]
    assert _identified(registry.identify(**evidence)) == ("afp", "wire_tag")
    evidence["wire_tag"] = "(tb)"
    assert _identified(registry.identify(**evidence)) == ("dpa", "byline")
    evidence["byline_area"] = "Von Anna Beispiel"
    assert registry.identify(**evidence) is None
    assert registry.identify() is None


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Von Anna Beispiel, dpa", "dpa"),
        ("By Jane Doe | Reuters", "reuters"),
        ("Par Jean Dupont (AFP)", "afp"),
        ("By Jane Doe and John Roe, The Associated Press", "ap"),
        ("Berlin (dpa) - Die Bundesregierung hat am Montag", "dpa"),
        ("Kiew/Berlin (dpa/AFP) – Nach dem Angriff", "dpa"),
        ("Mit Material von dpa und AFP", "dpa"),
        ("Quelle: Agence France-Presse", "afp"),
        ("© Reuters 2026", "reuters"),
        ("16.03.2026, 14:05 Uhr\nVon Anna Beispiel, Brüssel\nQuelle: KNA", "kna"),
        # The photo credit names an agency too, but the text is the correspondent's outlet's.
        ("Foto: Mira Castell/dpa\nVon Anna Beispiel, Süddeutsche Zeitung", "sueddeutsche"),
    ],
)
def test_identify_from_byline(registry: OutletRegistry, byline: str, expected: str) -> None:
    assert _identified(registry.identify(byline_area=byline)) == (expected, "byline")


@pytest.mark.parametrize(
    "byline",
    [
        "Foto: Mira Castell/dpa",
        "Bild: picture alliance / dpa",
        "Photo : AFP",
        "Von Anna Beispiel, Brüssel",
        "Tout le monde attend la décision du Conseil.",
        "Le point de vue de la ministre",
        # Bare words in running text: by_name would take them, a byline scan does not.
        "It was only a matter of time",
        "They climbed the hill, and the sun came up",
        "Sun",
        "Zeitung",
    ],
)
def test_identify_ignores_photo_credits_and_prose(registry: OutletRegistry, byline: str) -> None:
    assert registry.identify(byline_area=byline) is None


def test_byline_scan_is_stricter_than_by_name(registry: OutletRegistry) -> None:
    assert _id(registry.by_name("time")) == "time"
    assert _id(registry.by_name("Sun")) == "the-sun"
    assert registry.identify(byline_area="time") is None
    assert _identified(registry.identify(byline_area="By Jane Doe, TIME")) == ("time", "byline")
    assert _identified(registry.identify(byline_area="Von Anna Beispiel, taz")) == (
        "taz",
        "byline",
    )
    # An explicit source line is a credit whatever its case.
    assert _identified(registry.identify(source_line="source: reuters")) == (
        "reuters",
        "source_line",
    )


def test_source_line_and_wire_tag_forms(registry: OutletRegistry) -> None:
    assert _identified(registry.identify(source_line="Source: Reuters")) == (
        "reuters",
        "source_line",
    )
    assert _identified(registry.identify(source_line="Quelle: tagesschau.de")) == (
        "tagesschau",
        "source_line",
    )
    assert _identified(registry.identify(wire_tag="dpa/lnw")) == ("dpa", "wire_tag")
    assert _identified(registry.identify(wire_tag="(APA)")) == ("apa", "wire_tag")


# --- user overlays ------------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_overlay_adds_an_outlet(tmp_path: Path) -> None:
    extra = _write(
        tmp_path,
        "local.toml",
        """
[[outlet]]
id = "tagesbote"
name = "Der Tagesbote"
aliases = ["TB"]
domains = ["tagesbote.example"]
country = "DE"
language = "de"
type = "newspaper"
""",
    )
    registry = OutletRegistry.load([extra])
    assert len(registry) == len(OutletRegistry.load()) + 1
    assert _id(registry.by_url("https://www.tagesbote.example/politik/x")) == "tagesbote"
    assert _id(registry.by_name("Tagesbote")) == "tagesbote"
    assert _id(registry.by_name("(TB)")) == "tagesbote"
    assert _identified(registry.identify(byline_area="Von Anna Beispiel, Der Tagesbote")) == (
        "tagesbote",
        "byline",
    )
    # The shipped entries are untouched, and so is a registry loaded without the overlay.
    assert _id(registry.by_name("dpa")) == "dpa"
    assert OutletRegistry.load().get("tagesbote") is None


def test_overlay_changes_only_the_fields_it_gives(tmp_path: Path) -> None:
    extra = _write(
        tmp_path,
        "fix.toml",
        """
[[outlet]]
id = "bbc"
aliases = ["Beeb"]
owner = "A Test Owner"
""",
    )
    bbc = OutletRegistry.load([extra]).get("bbc")
    assert bbc is not None
    assert bbc.aliases == ("Beeb",)
    assert bbc.owner == "A Test Owner"
    assert bbc.name == "BBC"
    assert bbc.domains == ("bbc.co.uk", "bbc.com")
    assert bbc.type == "public_broadcaster"


def test_overlay_replaces_an_entry_and_clears_with_empty_string(tmp_path: Path) -> None:
    extra = _write(
        tmp_path,
        "replace.toml",
        """
[[outlet]]
id = "faz"
name = "FAZ Test Edition"
aliases = []
domains = ["faz-test.example"]
country = ""
language = "en"
type = "online"
owner = ""
""",
    )
    registry = OutletRegistry.load([extra])
    assert registry.get("faz") == Outlet(
        "faz", "FAZ Test Edition", (), ("faz-test.example",), None, "en", "online", None
    )
    assert registry.by_url("https://www.faz.net/aktuell") is None
    assert _id(registry.by_url("https://faz-test.example/x")) == "faz"
    assert registry.by_name("Frankfurter Allgemeine") is None


def test_later_files_win(tmp_path: Path) -> None:
    first = _write(
        tmp_path,
        "a.toml",
        '[[outlet]]\nid = "kpa"\nname = "Kontinentale Presseagentur"\ntype = "wire_agency"\n'
        'domains = ["kpa.example"]\n',
    )
    second = _write(tmp_path, "b.toml", '[[outlet]]\nid = "kpa"\naliases = ["kpa"]\n')
    # A later file may also take a domain and a name from a shipped outlet.
    third = _write(
        tmp_path,
        "c.toml",
        '[[outlet]]\nid = "mirror-site"\nname = "Reuters Mirror"\naliases = ["Reuters"]\n'
        'domains = ["reuters.com"]\ntype = "aggregator"\n',
    )
    registry = OutletRegistry.load([first, second, third])
    kpa = registry.get("kpa")
    assert kpa is not None and kpa.aliases == ("kpa",) and kpa.type == "wire_agency"
    assert _identified(registry.identify(wire_tag="Selmont (kpa) –")) == ("kpa", "wire_tag")
    assert _id(registry.by_url("https://www.reuters.com/world")) == "mirror-site"
    assert _id(registry.by_name("Reuters")) == "mirror-site"
    assert _id(registry.by_name("Thomson Reuters")) == "reuters"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[outlet]]\nid = "x"\nname = "X"\ntype = "pamphlet"\n', "is not one of"),
        ('[[outlet]]\nid = "x"\ntype = "blog"\n', "needs name"),
        ('[[outlet]]\nid = "Not A Slug"\nname = "X"\ntype = "blog"\n', "slug"),
        ('[[outlet]]\nid = "x"\nname = "X"\ntype = "blog"\nwebsite = "x.example"\n', "unknown"),
        ('[[outlet]]\nid = "x"\nname = "X"\ntype = "blog"\ncountry = "Germany"\n', "country"),
        ('[[outlet]]\nid = "x"\nname = "X"\ntype = "blog"\nlanguage = "deu"\n', "language"),
        (
            '[[outlet]]\nid = "x"\nname = "X"\ntype = "blog"\ndomains = ["https://x.example/"]\n',
            "host name",
        ),
        ('[[outlet]]\nid = "x"\nname = "X"\ntype = "blog"\naliases = "X"\n', "list of strings"),
        ('[[outlet]]\nid = "x"\nname = "X"\ntype = "blog"\n[[outlet]]\nid = "x"\n', "twice"),
        (
            '[[outlet]]\nid = "x"\nname = "X"\ntype = "blog"\ndomains = ["x.example"]\n'
            '[[outlet]]\nid = "y"\nname = "Y"\ntype = "blog"\ndomains = ["x.example"]\n',
            "claimed by",
        ),
        (
            '[[outlet]]\nid = "x"\nname = "Same"\ntype = "blog"\n'
            '[[outlet]]\nid = "y"\nname = "SAME"\ntype = "blog"\n',
            "used by",
        ),
        ("[outlets]\nx = 1\n", "must hold only"),
        ("[[outlet]\n", "not valid TOML"),
    ],
)
def test_bad_overlay_is_a_config_error(tmp_path: Path, text: str, message: str) -> None:
    extra = _write(tmp_path, "bad.toml", text)
    with pytest.raises(ConfigError, match=message):
        OutletRegistry.load([extra])


def test_missing_overlay_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        OutletRegistry.load([tmp_path / "absent.toml"])
