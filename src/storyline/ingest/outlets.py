"""The outlet registry: which outlet a piece comes from, from its URL, metadata or credits.

The shipped ``outlets.toml`` lists widely cited outlets, agencies, broadcasters and official
sites. Extra TOML files of the same format go on top, in order: an ``[[outlet]]`` whose ``id``
is already known changes only the fields it gives (so a user can add an alias or correct an
owner without restating the entry), a new ``id`` adds an outlet. Where two outlets claim the same
domain or name, the one from the later file wins; within one file that is an error.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from storyline.errors import ConfigError

OUTLET_TYPES = frozenset(
    {
        "wire_agency",
        "public_broadcaster",
        "newspaper",
        "magazine",
        "tabloid",
        "broadcaster",  # private TV and radio
        "online",  # digital-native newsrooms
        "state_controlled",
        "aggregator",  # including content farms
        "blog",
        "government",  # official sites of governments and international organisations
    }
)

Evidence = Literal["url", "metadata", "source_line", "wire_tag", "byline"]

_SHIPPED = "outlets.toml"
_FIELDS = ("id", "name", "aliases", "domains", "country", "language", "type", "owner")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COUNTRY = re.compile(r"[A-Z]{2}")
_LANGUAGE = re.compile(r"[a-z]{2}")
_HOST_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet as the registry lists it; ``outlets.toml`` documents the fields."""

    id: str
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None
    language: str | None
    type: str
    owner: str | None = None


# --- name matching ----------------------------------------------------------------------------

# Letters that Unicode decomposition leaves alone but that writers routinely spell out in ASCII
# ("Dagens Naeringsliv", "Morgunbladid", "Lodz").
_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "ø": "o", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "đ": "d", "ı": "i"}
)
_NON_WORD = re.compile(r"[\W_]+")
# Leading articles that are part of many outlet names but often dropped in running text
# ("the Guardian", "Figaro", "Spiegel"); "l" is French "L'" once the apostrophe is gone.
_ARTICLES = frozenset({"the", "der", "die", "das", "le", "la", "les", "l", "de", "het", "il", "el"})


def name_key(text: str) -> str:
    """The form names are compared in: no case, accents, dots or punctuation, single spaces.

    Dots vanish rather than split so that "F.A.Z." and "FAZ" meet; other punctuation
    (hyphens, apostrophes, slashes) separates words, so "Agence France-Presse" and
    "agence france presse" meet too.
    """
    text = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATE))
    text = "".join(c for c in text if not unicodedata.combining(c)).replace(".", "")
    return _NON_WORD.sub(" ", text).strip()


def _without_article(key: str) -> str:
    head, _, rest = key.partition(" ")
    return rest if rest and head in _ARTICLES else key


_PARENS = re.compile(r"\(([^()]*)\)")
# A string with a dot and no spaces is probably a host name ("Spiegel.de", "FAZ.NET").
_HOSTLIKE = re.compile(r"[^\s/]+\.[^\s/]+(?:/\S*)?")


def _name_variants(name: str) -> Iterator[str]:
    """The whole name first, then the other readings a credit allows.

    "AFP (Agence France-Presse)" is either of its parts; "dpa/lnw" is dpa with the suffix of
    its regional desk.
    """
    readings = [name]
    outside = _PARENS.sub(" ", name).strip()
    if outside != name.strip():
        readings += [outside, *_PARENS.findall(name)]
    yield from readings
    yield from (r.split("/", 1)[0] for r in readings if "/" in r)


# --- credits: source lines, wire tags, bylines --------------------------------------------------

# Picture credits name the photo agency, not the publisher of the text.
_PHOTO_CREDIT = re.compile(
    r"^\W*(?:foto|fotos|photo|photos|bild|bilder|image|images|picture|pictures|illustration|"
    r"grafik|graphic|graphique|video|vidéo|crédit|credit|credits|crédits|symbolbild)\b\s*[:/©]",
    re.IGNORECASE,
)
# Separators between the parts of a credit line: "By X | Reuters", "Von X, dpa", "X · AFP".
_SEPARATORS = re.compile(r"\s*(?:[|,;·•()\[\]]|(?:^|\s)[-–—](?:\s|$))\s*")
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|\b(?:19|20)\d\d\b", re.IGNORECASE)
# Words that introduce the outlet in a credit; tried only after the whole part failed, because
# some outlet names begin with one of them ("De Standaard"). Prose attributions ("according
# to", "selon", "laut") are left out on purpose: they name a source of information, not the
# publisher of the text.
_LEAD_IN = re.compile(
    r"^(?:mit material (?:von|der|des)|with material from|avec l'agence|"
    r"by|von|par|de|door|di|por|via|with|mit|avec|source|sources|quelle|quellen)\s+",
    re.IGNORECASE,
)
_CONJUNCTION = re.compile(r"\s+(?:and|und|et|&|\+)\s+", re.IGNORECASE)


def _credit_parts(text: str, *, skip_photo: bool) -> Iterator[str]:
    for line in text.splitlines():
        if skip_photo and _PHOTO_CREDIT.match(line):
            continue
        for part in _SEPARATORS.split(line):
            if part.strip() and not (skip_photo and _PHOTO_CREDIT.match(part)):
                yield part.strip()


def _part_readings(part: str) -> Iterator[str]:
    """Readings of one credit part, most literal first.

    "Quelle: dpa", "Mit Material von dpa und AFP" and "© Reuters 2024" each end in a name.
    """
    text = _COPYRIGHT.sub(" ", part).strip()
    yield text
    if ":" in text:
        text = text.rsplit(":", 1)[1].strip()
        yield text
    bare = _LEAD_IN.sub("", text)
    if bare != text:
        yield bare
    yield from _CONJUNCTION.split(bare)


# --- URLs ---------------------------------------------------------------------------------------

# Archive copies keep the original URL in their path; the outlet is the original's.
_ARCHIVE = re.compile(r"^/web/[0-9a-z_*]+/(.+)$", re.IGNORECASE)
_ARCHIVE_HOSTS = frozenset({"web.archive.org"})


def _host_of(url: str) -> str | None:
    text = url.strip()
    if not text or any(c.isspace() for c in text):
        return None
    if "://" not in text:
        text = "//" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".")
    if host in _ARCHIVE_HOSTS and (inner := _ARCHIVE.match(parts.path)):
        return _host_of(inner.group(1))
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def _canonical_domain(source: str, outlet_id: str, domain: str) -> str:
    host = domain.strip().lower().rstrip(".")
    host = host.removeprefix("www.")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        host = ""
    labels = host.split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.fullmatch(label) for label in labels):
        raise ConfigError(
            f"{source}: outlet {outlet_id!r}: {domain!r} is not a host name "
            "(give it without scheme, port or path)"
        )
    return host


# --- loading ------------------------------------------------------------------------------------


def _text_field(source: str, outlet_id: str, raw: dict[str, Any], key: str) -> str:
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{source}: outlet {outlet_id!r}: {key} must be a non-empty string")
    return value.strip()


def _optional_code(
    source: str, outlet_id: str, raw: dict[str, Any], key: str, pattern: re.Pattern[str]
) -> str | None:
    value = raw[key]
    # An empty string is how an overlay says "unknown" for a field the shipped entry has.
    if value == "":
        return None
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ConfigError(f"{source}: outlet {outlet_id!r}: bad {key} {value!r}")
    return value


def _string_list(source: str, outlet_id: str, raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{source}: outlet {outlet_id!r}: {key} must be a list of strings")
    return tuple(v.strip() for v in value)


def _entry(source: str, raw: dict[str, Any], base: Outlet | None) -> Outlet:
    """One [[outlet]] table as an Outlet, its missing fields taken from ``base``."""
    outlet_id = raw.get("id")
    if not isinstance(outlet_id, str) or not _ID.fullmatch(outlet_id):
        raise ConfigError(f"{source}: outlet id {outlet_id!r} is not a lowercase slug")
    unknown = set(raw) - set(_FIELDS)
    if unknown:
        raise ConfigError(f"{source}: outlet {outlet_id!r}: unknown field(s) {sorted(unknown)}")
    if base is None:
        missing = [k for k in ("name", "type") if k not in raw]
        if missing:
            raise ConfigError(f"{source}: new outlet {outlet_id!r} needs {', '.join(missing)}")
        base = Outlet(outlet_id, "", (), (), None, None, "")
    changes: dict[str, Any] = {}
    if "name" in raw:
        changes["name"] = _text_field(source, outlet_id, raw, "name")
    if "aliases" in raw:
        changes["aliases"] = _string_list(source, outlet_id, raw, "aliases")
    if "domains" in raw:
        changes["domains"] = tuple(
            _canonical_domain(source, outlet_id, d)
            for d in _string_list(source, outlet_id, raw, "domains")
        )
    if "country" in raw:
        changes["country"] = _optional_code(source, outlet_id, raw, "country", _COUNTRY)
    if "language" in raw:
        changes["language"] = _optional_code(source, outlet_id, raw, "language", _LANGUAGE)
    if "type" in raw:
        kind = raw["type"]
        if kind not in OUTLET_TYPES:
            raise ConfigError(
                f"{source}: outlet {outlet_id!r}: type {kind!r} is not one of "
                f"{', '.join(sorted(OUTLET_TYPES))}"
            )
        changes["type"] = kind
    if "owner" in raw:
        owner = raw["owner"]
        if not isinstance(owner, str):
            raise ConfigError(f"{source}: outlet {outlet_id!r}: owner must be a string")
        changes["owner"] = owner.strip() or None
    return replace(base, **changes)


def _read_tables(source: str, text: str) -> list[dict[str, Any]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"outlet file {source} is not valid TOML: {exc}") from None
    extra = set(data) - {"outlet"}
    tables = data.get("outlet", [])
    if extra or not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise ConfigError(f"outlet file {source} must hold only [[outlet]] tables")
    return tables


def _check_claims(source: str, outlets: Sequence[Outlet]) -> None:
    """Within one file every domain and every name belongs to one outlet."""
    domains: dict[str, str] = {}
    names: dict[str, str] = {}
    for outlet in outlets:
        for domain in outlet.domains:
            other = domains.setdefault(domain, outlet.id)
            if other != outlet.id:
                raise ConfigError(f"{source}: {domain!r} is claimed by {other!r} and {outlet.id!r}")
        for name in (outlet.name, *outlet.aliases):
            other = names.setdefault(name_key(name), outlet.id)
            if other != outlet.id:
                raise ConfigError(f"{source}: name {name!r} is used by {other!r} and {outlet.id!r}")


def _layer(source: str, text: str, known: Mapping[str, Outlet]) -> list[Outlet]:
    """The outlets one file adds or changes, merged with what ``known`` holds for them."""
    outlets: list[Outlet] = []
    seen: set[str] = set()
    for table in _read_tables(source, text):
        outlet_id = table.get("id")
        if isinstance(outlet_id, str) and outlet_id in seen:
            raise ConfigError(f"{source}: outlet id {outlet_id!r} appears twice")
        outlet = _entry(source, table, known.get(outlet_id) if isinstance(outlet_id, str) else None)
        seen.add(outlet.id)
        outlets.append(outlet)
    _check_claims(source, outlets)
    return outlets


def _read_file(path: Path | str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"outlet file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"outlet file {path} cannot be read: {exc}") from None


@functools.cache
def _shipped() -> tuple[Outlet, ...]:
    # Parsing the shipped file is most of the cost of a load; it never changes in a process.
    text = resources.files("storyline.ingest").joinpath(_SHIPPED).read_text(encoding="utf-8")
    return tuple(_layer(_SHIPPED, text, {}))


# --- the registry -------------------------------------------------------------------------------


class OutletRegistry:
    """Outlets by id, domain and name. Build it with :meth:`load`."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        """Index ``outlets``; where two claim the same domain or name, the later one wins."""
        self._outlets = tuple(outlets)
        self._by_id = {o.id: o for o in self._outlets}
        self._by_domain: dict[str, Outlet] = {}
        self._by_key: dict[str, Outlet] = {}
        # Names without their leading article ("figaro" for "Le Figaro"); None marks a bare form
        # two outlets share ("presse": Die Presse, La Presse), which then identifies neither.
        self._by_bare_key: dict[str, Outlet | None] = {}
        # Keys of names written in lowercase ("dpa", "taz"): the only ones a lowercase word in
        # running text may stand for.
        self._lowercase_keys: set[str] = set()
        for outlet in self._outlets:
            for domain in outlet.domains:
                self._by_domain[domain] = outlet
            for name in (outlet.name, *outlet.aliases):
                key = name_key(name)
                if not key:
                    continue
                self._by_key[key] = outlet
                if name.islower():
                    self._lowercase_keys.add(key)
                bare = _without_article(key)
                if bare != key:
                    previous = self._by_bare_key.get(bare, outlet)
                    self._by_bare_key[bare] = outlet if previous is outlet else None

    @classmethod
    def load(cls, extra_files: Iterable[Path | str] = ()) -> OutletRegistry:
        """The shipped registry with ``extra_files`` merged on top, in order."""
        merged = {outlet.id: outlet for outlet in _shipped()}
        layer_of = dict.fromkeys(merged, 0)
        for index, path in enumerate(extra_files, start=1):
            for outlet in _layer(str(path), _read_file(path), merged):
                merged[outlet.id] = outlet
                layer_of[outlet.id] = index
        # Outlets a later file touched go last, so their domains and names win the index.
        return cls(sorted(merged.values(), key=lambda o: layer_of[o.id]))

    def __len__(self) -> int:
        return len(self._outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._outlets)

    def get(self, outlet_id: str) -> Outlet | None:
        return self._by_id.get(outlet_id)

    def by_url(self, url: str) -> Outlet | None:
        """The outlet whose domain is the URL's host or a parent of it.

        Matching is by whole host labels, longest first, so "edition.cnn.com" is CNN,
        "spectator.sme.sk" is the Slovak Spectator rather than SME, and "notbbc.co.uk" or
        "bbc.co.uk.example.net" are nobody.
        """
        host = _host_of(url)
        if host is None:
            return None
        labels = host.split(".")
        for i in range(len(labels) - 1):
            outlet = self._by_domain.get(".".join(labels[i:]))
            if outlet is not None:
                return outlet
        return None

    def by_name(self, name: str) -> Outlet | None:
        """The outlet a name or alias denotes, ignoring case, accents and a leading article.

        Also understood: a parenthesised credit ("(AFP)"), a name with its expansion
        ("AFP (Agence France-Presse)"), a regional desk suffix ("dpa/lnw") and a bare host
        name ("Spiegel.de").
        """
        return self._by_name(name, strict=False)

    def _by_name(self, name: str, *, strict: bool) -> Outlet | None:
        for variant in _name_variants(name):
            key = name_key(variant)
            # In running text a lowercase word is a word: "time" is not Time, "dr" is not DR.
            if strict and variant.islower() and key not in self._lowercase_keys:
                continue
            outlet = self._lookup(key, bare_forms=not strict)
            if outlet is not None:
                return outlet
        if _HOSTLIKE.fullmatch(name.strip()):
            return self.by_url(name)
        return None

    def _lookup(self, key: str, *, bare_forms: bool) -> Outlet | None:
        if not key:
            return None
        bare = _without_article(key)
        outlet = self._by_key.get(key) or self._by_key.get(bare)
        if outlet is None and bare_forms:
            outlet = self._by_bare_key.get(key) or self._by_bare_key.get(bare)
        return outlet

    def in_credit(self, text: str, *, strict: bool = False) -> Outlet | None:
        """The first outlet named by a part of a credit line or block.

        Parts are what separators (commas, pipes, parentheses, dashes, new lines) leave; a part
        must be an outlet name as a whole, after an introducing word ("Von", "Par", "Quelle:")
        is dropped. Whole-part matching keeps ordinary words out: "tout le monde" is not
        Le Monde.

        ``strict`` is for text that is not known to be a credit, such as the lines around a
        byline: picture credits ("Foto: X/dpa") are skipped, a lowercase part only matches a
        lowercase name ("dpa", not "time" for Time), and a name must be given in full or as an
        alias ("The Hill", not "hill").
        """
        for part in _credit_parts(text, skip_photo=strict):
            for reading in _part_readings(part):
                outlet = self._by_name(reading, strict=strict) if reading.strip() else None
                if outlet is not None:
                    return outlet
        return None

    def identify(
        self,
        *,
        url: str | None = None,
        metadata_name: str | None = None,
        source_line: str | None = None,
        wire_tag: str | None = None,
        byline_area: str | None = None,
    ) -> tuple[Outlet, Evidence] | None:
        """The outlet the best available evidence names, with which evidence that was.

        Evidence is tried from most to least trusted: the URL (the site that served the page),
        the page's own metadata, a "Source: ..." line, a wire tag like "(dpa)", and finally
        the lines around the byline.
        """
        if url and (outlet := self.by_url(url)):
            return outlet, "url"
        if metadata_name and (outlet := self.by_name(metadata_name)):
            return outlet, "metadata"
        if source_line and (outlet := self.in_credit(source_line)):
            return outlet, "source_line"
        if wire_tag and (outlet := self.in_credit(wire_tag)):
            return outlet, "wire_tag"
        if byline_area and (outlet := self.in_credit(byline_area, strict=True)):
            return outlet, "byline"
        return None
