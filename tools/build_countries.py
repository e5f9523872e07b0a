"""Generate ``src/storyline/kb/data/countries.toml``: every state the matcher should know.

Run from the repository root::

    .venv/bin/python tools/build_countries.py            # rewrite the file
    .venv/bin/python tools/build_countries.py --check    # exit 1 if it is stale

Where the facts come from:

* Territory names in en, de, fr, es, it, pl, ru and uk are babel's CLDR locale data
  (``Locale.territories``), cleaned up by ``_babel_names``: CLDR's disambiguating forms
  ("Congo - Kinshasa") are dropped, "A (B)" becomes two names, "&" is spelled out.
* Everything else (ISO codes, Wikidata QIDs, long and short forms, German and French
  article forms, adjectives, demonyms, capitals and seats of government) is written out
  in ``COUNTRIES`` below by hand. ISO codes were cross-checked against pycountry and the
  QIDs against public mappings; anything not certain was left out rather than guessed.

The output is committed, so storyline needs neither babel nor this script at run time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import babel
from babel import Locale

LANGS = ("en", "de", "fr", "es", "it", "pl", "ru", "uk")
OUT = Path(__file__).resolve().parents[1] / "src/storyline/kb/data/countries.toml"

# German adjective endings: strong/weak/mixed declension only ever adds one of these.
_DE_ENDINGS = ("", "e", "en", "er", "es", "em")
# Genitive -s is not added after a sibilant (Belarus, Laos, Mauritius: "von Belarus").
_DE_NO_GENITIVE_S = ("s", "ß", "x", "z")
# Apostrophes that news text uses interchangeably; which one a page has is up to its CMS.
_APOSTROPHES = {"ru": ("'", "’", "ʼ"), "uk": ("'", "’", "ʼ")}
_DEFAULT_APOSTROPHES = ("'", "’")


@dataclass(frozen=True)
class Country:
    """One hand-written row. List-valued fields are comma-separated strings to keep
    the table readable; ``_forms`` splits them."""

    a3: str
    a2: str
    qid: str | None
    name: str
    en: str  # English adjectives and demonyms; a trailing "+" also adds the plural in -s
    de: str = ""  # German adjective, uninflected ("französisch"); endings are added
    de_dem: str = ""  # German demonyms: "er:Amerikaner", "e:Russ" or literal forms
    fr: str = ""  # French adjective: "français" or "turc/turque" (masculine/feminine)
    de_g: str = "n"  # German article class of the babel name: n (none), f, m, x (explicit)
    fr_g: str = ""  # French article of the babel name: la, le, l', les, or "" for none
    adj: Mapping[str, str] = field(default_factory=dict)  # es/it/pl/ru/uk adjectives
    names: Mapping[str, str] = field(default_factory=dict)  # extra names per language
    cap: str = ""  # capital or seat of government: "en/de/fr" or one form for all three
    met: Mapping[str, str] = field(default_factory=dict)  # further metonyms per language
    amb: str = ""  # forms the matcher may only accept with supporting context
    un: str = "member"  # member | observer | "" (not a UN member or observer state)


def _forms(spec: str) -> list[str]:
    return [part.strip() for part in spec.split(",") if part.strip()]


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _babel_names(a2: str, lang: str) -> list[str]:
    raw = Locale.parse(lang).territories[a2]
    if " - " in raw or " – " in raw:
        return []  # CLDR's "Congo - Kinshasa": a list label, never written in news
    raw = raw.replace(" & ", " and " if lang == "en" else " ").replace(" о-ва", " острова")
    match = re.fullmatch(r"(.+?) \((.+)\)", raw)
    return [match.group(1), match.group(2)] if match else [raw]


def _variants(forms: Iterable[str], lang: str) -> list[str]:
    """Spelling variants a text may use for the same form."""
    out: list[str] = []
    marks = _APOSTROPHES.get(lang, _DEFAULT_APOSTROPHES)
    for form in forms:
        out.append(form)
        if any(m in form for m in marks):
            for target in marks:
                out.append(re.sub("[" + "".join(marks) + "]", target, form))
        if lang == "de" and "ß" in form:
            out.append(form.replace("ß", "ss"))  # Swiss German has no ß
        if lang == "ru" and "ё" in form:
            out.append(form.replace("ё", "е"))  # Russian print mostly drops the diaeresis
    return _dedupe(out)


def _de_articles(name: str, gender: str) -> list[str]:
    if gender == "n":
        return [] if name.endswith(_DE_NO_GENITIVE_S) else [name + "s"]
    if gender == "f":
        return [f"die {name}", f"der {name}"]
    if gender == "m":
        return [f"der {name}", f"des {name}", f"des {name}s", f"dem {name}", f"den {name}"]
    return []


def _fr_articles(name: str, article: str) -> list[str]:
    if article == "la":
        return [f"la {name}", f"de la {name}"]
    if article == "le":
        return [f"le {name}", f"du {name}", f"au {name}"]
    if article == "l'":
        return [f"l'{name}", f"de l'{name}"]
    if article == "les":
        return [f"les {name}", f"des {name}", f"aux {name}"]
    return []


def _en_adjectives(spec: str) -> list[str]:
    out: list[str] = []
    for form in _forms(spec):
        if form.endswith("+"):
            out += [form[:-1], form[:-1] + "s"]
        else:
            out.append(form)
    return out


def _de_demonyms(spec: str) -> list[str]:
    out: list[str] = []
    for form in _forms(spec):
        if form.startswith("er:"):  # Amerikaner, -n, -in, -innen
            stem = form[3:]
            out += [stem, stem + "n", stem + "in", stem + "innen"]
        elif form.startswith("e:"):  # weak noun: Russe, Russen, Russin, Russinnen
            stem = form[2:]
            out += [stem + "e", stem + "en", stem + "in", stem + "innen"]
        elif form.startswith("adj:"):  # nominalised adjective: Deutscher, Deutsche, -n
            stem = form[4:]
            out += [stem + "er", stem + "e", stem + "en"]
        else:
            out.append(form)
    return out


def _fr_feminine(masc: str) -> str:
    if masc.endswith("e"):
        return masc
    if masc.endswith("en"):
        return masc + "ne"
    return masc + "e"


def _fr_adjectives(spec: str) -> list[str]:
    out: list[str] = []
    for entry in _forms(spec):
        masc, _, fem = entry.partition("/")
        fem = fem or _fr_feminine(masc)
        plural = masc if masc.endswith(("s", "x", "z")) else masc + "s"
        lower = _dedupe([masc, fem, plural, fem + "s"])
        # Demonyms are the same words capitalised, each hyphenated part included
        # (les Nord-Coréens, une Sud-Africaine).
        upper = ["-".join(p[:1].upper() + p[1:] for p in f.split("-")) for f in lower]
        out += lower + upper
    return out


def _metonyms(country: Country) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if country.cap:
        parts = country.cap.split("/")
        per_lang = parts if len(parts) == 3 else parts * 3
        for lang, form in zip(("en", "de", "fr"), per_lang, strict=True):
            out[lang] = _forms(form)
    for lang, spec in country.met.items():
        out[lang] = out.get(lang, []) + _forms(spec)
    return out


def build_entry(country: Country) -> dict[str, object]:
    names: dict[str, list[str]] = {}
    for lang in LANGS:
        base = _babel_names(country.a2, lang)
        extra = _forms(country.names.get(lang, ""))
        forms = ([country.name] if lang == "en" else []) + base + extra
        if base and lang == "de":
            forms += _de_articles(base[0], country.de_g)
        if base and lang == "fr":
            forms += _fr_articles(base[0], country.fr_g)
        names[lang] = _variants(_dedupe(forms), lang)

    adjectives: dict[str, list[str]] = {"en": _en_adjectives(country.en)}
    if country.de:
        de_adj = [stem + ending for stem in _forms(country.de) for ending in _DE_ENDINGS]
        adjectives["de"] = de_adj + _de_demonyms(country.de_dem)
    elif country.de_dem:
        adjectives["de"] = _de_demonyms(country.de_dem)
    if country.fr:
        adjectives["fr"] = _fr_adjectives(country.fr)
    for lang, spec in country.adj.items():
        adjectives[lang] = _forms(spec)
    adjectives = {lang: _variants(_dedupe(v), lang) for lang, v in adjectives.items()}

    metonyms = {lang: _variants(_dedupe(v), lang) for lang, v in _metonyms(country).items()}
    entry: dict[str, object] = {
        "id": "country:" + country.a3,
        "type": "country",
        "name": country.name,
        "iso": country.a2,
    }
    if country.qid:
        entry["wikidata"] = country.qid
    if country.un:
        entry["un"] = country.un
    if country.amb:
        entry["ambiguous"] = _variants(_forms(country.amb), "en")
    entry["names"] = names
    entry["adjectives"] = adjectives
    if metonyms:
        entry["metonyms"] = metonyms
    return entry


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def render(entries: Iterable[Mapping[str, object]], header: str) -> str:
    lines = [header.rstrip(), ""]
    for entry in entries:
        lines.append("[[entity]]")
        tables: list[tuple[str, Mapping[str, object]]] = []
        for key, value in entry.items():
            if isinstance(value, Mapping):
                tables.append((key, value))
            else:
                lines.append(f"{key} = {_toml_value(value)}")
        for key, table in tables:
            lines.append(f"[entity.{key}]")
            lines += [f"{lang} = {_toml_value(forms)}" for lang, forms in table.items()]
        lines.append("")
    return "\n".join(lines)


HEADER = """\
# Countries and country-like entities for the knowledge base. GENERATED by
# tools/build_countries.py: edit the table there and rerun it; do not edit this file.
#
# 193 UN member states (un = "member"), the two observer states Palestine and the
# Holy See (un = "observer"), Kosovo and Taiwan. The EU is in organizations.toml.
# Names per language: babel/CLDR territory names plus hand-written long, short and
# inflected forms. "ambiguous" lists forms the matcher may only accept with context
# (a person's name, a US state, a river, or a form shared with another entity).
# Kosovo has no ISO 3166 code; XK/XKX are the user-assigned codes the EU and IMF use.
"""


# The tables below keep one compact block per country so that a row can be reviewed
# at a glance; the formatter would spread each over thirty lines.
# fmt: off


def A(es: str = "", it: str = "", pl: str = "", ru: str = "", uk: str = "") -> dict[str, str]:
    """Base adjectives in the five languages without full inflection data."""
    given = {"es": es, "it": it, "pl": pl, "ru": ru, "uk": uk}
    return {lang: forms for lang, forms in given.items() if forms}


# --- Europe -------------------------------------------------------------------------
EUROPE = [
    Country(
        "ALB", "AL", "Q222", "Albania",
        en="Albanian+", de="albanisch", de_dem="er:Albaner", fr="albanais", fr_g="l'",
        adj=A("albanés", "albanese", "albański", "албанский", "албанський"),
        names={"en": "Republic of Albania", "de": "Republik Albanien, Albaniens",
               "fr": "République d'Albanie"},
        cap="Tirana",
    ),
    Country(
        "AND", "AD", "Q228", "Andorra",
        en="Andorran+", de="andorranisch", fr="andorran", fr_g="l'",
        names={"en": "Principality of Andorra", "de": "Fürstentum Andorra"},
        cap="Andorra la Vella",
    ),
    Country(
        "AUT", "AT", "Q40", "Austria",
        en="Austrian+", de="österreichisch", de_dem="er:Österreicher", fr="autrichien",
        fr_g="l'",
        adj=A("austriaco", "austriaco", "austriacki", "австрийский", "австрійський"),
        names={"en": "Republic of Austria", "de": "Republik Österreich",
               "fr": "République d'Autriche"},
        cap="Vienna/Wien/Vienne", amb="Vienne",
    ),
    Country(
        "BLR", "BY", "Q184", "Belarus",
        en="Belarusian+, Belarussian+", de="belarussisch, weißrussisch",
        de_dem="e:Belaruss, e:Weißruss", fr="biélorusse, bélarusse", fr_g="la",
        adj=A("bielorruso", "bielorusso", "białoruski", "белорусский", "білоруський"),
        names={"en": "Republic of Belarus, Byelorussia",
               "de": "Weißrussland, Weißrusslands, Republik Belarus",
               "fr": "Bélarus, le Bélarus, République de Biélorussie",
               "pl": "Białorusi, Białorusią",
               "ru": "Белоруссия, Республика Беларусь, Беларуси, Белоруссии, Беларусью",
               "uk": "Білорусі, Білоруссю, Республіка Білорусь"},
        cap="Minsk",
    ),
    Country(
        "BEL", "BE", "Q31", "Belgium",
        en="Belgian+", de="belgisch", de_dem="er:Belgier", fr="belge", fr_g="la",
        adj=A("belga", "belga", "belgijski", "бельгийский", "бельгійський"),
        names={"en": "Kingdom of Belgium", "de": "Königreich Belgien",
               "fr": "Royaume de Belgique"},
        # No capital metonym: in news "Brussels" is the EU (see organizations.toml).
    ),
    Country(
        "BIH", "BA", "Q225", "Bosnia and Herzegovina",
        en="Bosnian+, Herzegovinian+", de="bosnisch, bosnisch-herzegowinisch",
        de_dem="er:Bosnier", fr="bosnien", fr_g="la",
        adj=A("bosnio", "bosniaco", "bośniacki", "боснийский", "боснійський"),
        names={"en": "Bosnia & Herzegovina, Bosnia-Herzegovina, Bosnia",
               "de": "Bosnien-Herzegowina, Bosnien",
               "fr": "Bosnie, la Bosnie"},
        cap="Sarajevo",
    ),
    Country(
        "BGR", "BG", "Q219", "Bulgaria",
        en="Bulgarian+", de="bulgarisch", de_dem="e:Bulgar", fr="bulgare", fr_g="la",
        adj=A("búlgaro", "bulgaro", "bułgarski", "болгарский", "болгарський"),
        names={"en": "Republic of Bulgaria", "de": "Republik Bulgarien",
               "fr": "République de Bulgarie"},
        cap="Sofia", amb="Sofia",
    ),
    Country(
        "HRV", "HR", "Q224", "Croatia",
        en="Croatian+, Croat+", de="kroatisch", de_dem="e:Kroat", fr="croate", fr_g="la",
        adj=A("croata", "croato", "chorwacki", "хорватский", "хорватський"),
        names={"en": "Republic of Croatia", "de": "Republik Kroatien",
               "fr": "République de Croatie"},
        cap="Zagreb",
    ),
    Country(
        "CZE", "CZ", "Q213", "Czechia",
        en="Czech+", de="tschechisch", de_dem="e:Tschech", fr="tchèque", fr_g="la",
        adj=A("checo", "ceco", "czeski", "чешский", "чеський"),
        names={"en": "Czech Republic, the Czech Republic",
               "de": "Tschechische Republik, die Tschechische Republik, "
                     "der Tschechischen Republik",
               "fr": "République tchèque, la République tchèque",
               "es": "República Checa", "it": "Repubblica Ceca", "pl": "Republika Czeska",
               "ru": "Чешская Республика", "uk": "Чеська Республіка"},
        cap="Prague/Prag/Prague",
    ),
    Country(
        "DNK", "DK", "Q35", "Denmark",
        en="Danish, Dane+", de="dänisch", de_dem="e:Dän", fr="danois", fr_g="le",
        adj=A("danés", "danese", "duński", "датский", "данський"),
        names={"en": "Kingdom of Denmark", "de": "Königreich Dänemark",
               "fr": "Royaume du Danemark"},
        cap="Copenhagen/Kopenhagen/Copenhague",
    ),
    Country(
        "EST", "EE", "Q191", "Estonia",
        en="Estonian+", de="estnisch", de_dem="e:Est, Estländer, Estländerin", fr="estonien",
        fr_g="l'",
        adj=A("estonio", "estone", "estoński", "эстонский", "естонський"),
        names={"en": "Republic of Estonia", "de": "Republik Estland",
               "fr": "République d'Estonie"},
        cap="Tallinn",
    ),
    Country(
        "FIN", "FI", "Q33", "Finland",
        en="Finnish, Finn+", de="finnisch", de_dem="e:Finn", fr="finlandais", fr_g="la",
        amb="Finn",  # a given name
        adj=A("finlandés", "finlandese", "fiński", "финский, финляндский", "фінський"),
        names={"en": "Republic of Finland", "de": "Republik Finnland",
               "fr": "République de Finlande"},
        cap="Helsinki",
    ),
    Country(
        "FRA", "FR", "Q142", "France",
        en="French, Frenchman, Frenchmen, Frenchwoman, Frenchwomen",
        de="französisch", de_dem="Franzose, Franzosen, Französin, Französinnen",
        fr="français", fr_g="la",
        adj=A("francés", "francese", "francuski", "французский", "французький"),
        names={"en": "French Republic", "de": "Französische Republik",
               "fr": "République française, en France",
               "es": "República Francesa", "it": "Repubblica francese",
               "pl": "Francji, Francję, Francją",
               "ru": "Французская Республика, Франции, Францию, Францией",
               "uk": "Французька Республіка, Франції, Францію, Францією"},
        cap="Paris",
        met={"en": "the Élysée, Élysée, Elysee, Élysée Palace, Elysee Palace, Quai d'Orsay, "
                   "Matignon",
             "de": "Élysée, Elysée, Élysée-Palast, Elysée-Palast, Elysee-Palast, "
                   "Quai d'Orsay",
             "fr": "l'Élysée, Élysée, Elysée, palais de l'Élysée, Matignon, Quai d'Orsay, "
                   "le Quai d'Orsay, l'Hexagone"},
    ),
    Country(
        "DEU", "DE", "Q183", "Germany",
        en="German+", de="deutsch", de_dem="adj:Deutsch", fr="allemand", fr_g="l'",
        adj=A("alemán", "tedesco", "niemiecki", "немецкий, германский", "німецький"),
        names={"en": "Federal Republic of Germany",
               "de": "Bundesrepublik Deutschland, Bundesrepublik, der Bundesrepublik",
               "fr": "République fédérale d'Allemagne",
               "es": "República Federal de Alemania",
               "it": "Repubblica Federale di Germania",
               "pl": "Niemiec, Niemcom, Niemcami, Niemczech",
               "ru": "ФРГ, Германии, Германию, Германией",
               "uk": "ФРН, Німеччини, Німеччині, Німеччину, Німеччиною"},
        cap="Berlin",
        met={"en": "the Chancellery", "de": "Kanzleramt, Bundeskanzleramt, das Kanzleramt"},
        amb="the Chancellery",
    ),
    Country(
        "GRC", "GR", "Q41", "Greece",
        en="Greek+, Hellenic", de="griechisch", de_dem="e:Griech", fr="grec/grecque",
        fr_g="la",
        adj=A("griego", "greco", "grecki", "греческий", "грецький"),
        names={"en": "Hellenic Republic", "de": "Hellenische Republik",
               "fr": "République hellénique"},
        cap="Athens/Athen/Athènes",
    ),
    Country(
        "HUN", "HU", "Q28", "Hungary",
        en="Hungarian+", de="ungarisch", de_dem="er:Ungar", fr="hongrois", fr_g="la",
        adj=A("húngaro", "ungherese", "węgierski", "венгерский", "угорський"),
        names={"de": "Ungarns"},
        cap="Budapest",
    ),
    Country(
        "ISL", "IS", "Q189", "Iceland",
        en="Icelandic, Icelander+", de="isländisch", de_dem="er:Isländer", fr="islandais",
        fr_g="l'",
        adj=A("islandés", "islandese", "islandzki", "исландский", "ісландський"),
        names={"de": "Islands"},
        cap="Reykjavik/Reykjavík/Reykjavik", met={"en": "Reykjavík", "fr": "Reykjavík"},
        amb="Island, Islands",  # German for Iceland; English words in other names
    ),
    Country(
        "IRL", "IE", "Q27", "Ireland",
        en="Irish, Irishman, Irishmen, Irishwoman, Irishwomen",
        de="irisch", de_dem="e:Ir", fr="irlandais", fr_g="l'",
        adj=A("irlandés", "irlandese", "irlandzki", "ирландский", "ірландський"),
        names={"en": "Republic of Ireland", "de": "Republik Irland",
               "fr": "République d'Irlande"},
        cap="Dublin",
    ),
    Country(
        "ITA", "IT", "Q38", "Italy",
        en="Italian+", de="italienisch", de_dem="er:Italiener", fr="italien", fr_g="l'",
        adj=A("italiano", "italiano", "włoski", "итальянский", "італійський"),
        names={"en": "Italian Republic", "de": "Italienische Republik",
               "fr": "République italienne", "it": "Repubblica Italiana",
               "pl": "Włoch, Włochom, Włoszech"},
        cap="Rome/Rom/Rome",
        met={"en": "Palazzo Chigi, Farnesina", "de": "Palazzo Chigi",
             "fr": "Palazzo Chigi"},
    ),
    Country(
        "LVA", "LV", "Q211", "Latvia",
        en="Latvian+", de="lettisch", de_dem="e:Lett", fr="letton/lettone, letton/lettonne",
        fr_g="la",
        adj=A("letón", "lettone", "łotewski", "латвийский, латышский", "латвійський"),
        names={"en": "Republic of Latvia", "de": "Republik Lettland",
               "fr": "République de Lettonie"},
        cap="Riga",
    ),
    Country(
        "LIE", "LI", "Q347", "Liechtenstein",
        en="Liechtensteiner+, Liechtenstein", de="liechtensteinisch",
        de_dem="er:Liechtensteiner", fr="liechtensteinois", fr_g="le",
        names={"en": "Principality of Liechtenstein", "de": "Fürstentum Liechtenstein",
               "fr": "Principauté de Liechtenstein"},
        cap="Vaduz",
    ),
    Country(
        "LTU", "LT", "Q37", "Lithuania",
        en="Lithuanian+", de="litauisch", de_dem="er:Litauer", fr="lituanien", fr_g="la",
        adj=A("lituano", "lituano", "litewski", "литовский", "литовський"),
        names={"en": "Republic of Lithuania", "de": "Republik Litauen",
               "fr": "République de Lituanie"},
        cap="Vilnius",
    ),
    Country(
        "LUX", "LU", "Q32", "Luxembourg",
        en="Luxembourgish, Luxembourger+", de="luxemburgisch", de_dem="er:Luxemburger",
        fr="luxembourgeois", fr_g="le",
        adj=A("luxemburgués", "lussemburghese", "luksemburski", "люксембургский",
              "люксембурзький"),
        names={"en": "Grand Duchy of Luxembourg", "de": "Großherzogtum Luxemburg",
               "fr": "Grand-Duché de Luxembourg"},
    ),
    Country(
        "MLT", "MT", "Q233", "Malta",
        en="Maltese", de="maltesisch", de_dem="er:Malteser", fr="maltais",
        adj=A("maltés", "maltese", "maltański", "мальтийский", "мальтійський"),
        names={"en": "Republic of Malta", "de": "Republik Malta",
               "fr": "République de Malte"},
        cap="Valletta/Valletta/La Valette",
    ),
    Country(
        "MDA", "MD", "Q217", "Moldova",
        en="Moldovan+", de="moldauisch, moldawisch", de_dem="er:Moldauer",
        fr="moldave", fr_g="la", de_g="x",
        adj=A("moldavo", "moldavo", "mołdawski", "молдавский, молдовский", "молдовський"),
        names={"en": "Republic of Moldova",
               "de": "die Republik Moldau, der Republik Moldau, Moldawien, Moldawiens, "
                     "Moldova, Moldau",
               "fr": "Moldova, République de Moldavie, République de Moldova",
               "ru": "Молдавия, Республика Молдова"},
        cap="Chișinău, Chisinau/Chișinău, Chisinau/Chișinău, Chisinau",
        amb="Moldau",  # also the river Vltava in German
    ),
    Country(
        "MCO", "MC", "Q235", "Monaco",
        en="Monegasque+, Monacan+", de="monegassisch", de_dem="e:Monegass",
        fr="monégasque",
        names={"en": "Principality of Monaco", "de": "Fürstentum Monaco",
               "fr": "Principauté de Monaco"},
    ),
    Country(
        "MNE", "ME", "Q236", "Montenegro",
        en="Montenegrin+", de="montenegrinisch", de_dem="er:Montenegriner",
        fr="monténégrin", fr_g="le",
        adj=A("montenegrino", "montenegrino", "czarnogórski", "черногорский",
              "чорногорський"),
        names={"de": "Montenegros"},
        cap="Podgorica",
    ),
    Country(
        "NLD", "NL", "Q55", "Netherlands",
        en="Dutch, Dutchman, Dutchmen, Dutchwoman, Dutchwomen, Netherlandish",
        de="niederländisch, holländisch", de_dem="er:Niederländer, er:Holländer",
        fr="néerlandais, hollandais", fr_g="les", de_g="x",
        adj=A("neerlandés, holandés", "olandese", "holenderski, niderlandzki",
              "нидерландский, голландский", "нідерландський, голландський"),
        names={"en": "the Netherlands, Kingdom of the Netherlands, Holland",
               "de": "die Niederlande, der Niederlande, den Niederlanden, Holland, Hollands",
               "fr": "Royaume des Pays-Bas",
               "es": "Holanda", "it": "Olanda", "ru": "Голландия", "uk": "Голландія"},
        cap="The Hague/Den Haag/La Haye",
        amb="Holland, The Hague, Den Haag, La Haye",  # The Hague also stands for the courts
    ),
    Country(
        "MKD", "MK", "Q221", "North Macedonia",
        en="North Macedonian+, Macedonian+", de="nordmazedonisch, mazedonisch",
        de_dem="er:Nordmazedonier, er:Mazedonier", fr="nord-macédonien, macédonien",
        fr_g="la",
        adj=A("macedonio, norte macedonio", "macedone, nordmacedone", "macedoński",
              "македонский, северомакедонский", "македонський, північномакедонський"),
        names={"en": "Republic of North Macedonia, Macedonia",
               "de": "Republik Nordmazedonien, Nordmazedoniens, Mazedonien",
               "fr": "République de Macédoine du Nord, Macédoine",
               "ru": "Македония", "uk": "Македонія"},
        cap="Skopje",
        amb="Macedonia, Mazedonien, Macédoine, Macedonian, Macedonians, mazedonisch, "
            "mazedonische, mazedonischen, mazedonischer, mazedonisches, mazedonischem, "
            "macédonien, macédonienne, macédoniens, macédoniennes",  # also Greek Macedonia
    ),
    Country(
        "NOR", "NO", "Q20", "Norway",
        en="Norwegian+", de="norwegisch", de_dem="er:Norweger", fr="norvégien", fr_g="la",
        adj=A("noruego", "norvegese", "norweski", "норвежский", "норвезький"),
        names={"en": "Kingdom of Norway", "de": "Königreich Norwegen",
               "fr": "Royaume de Norvège"},
        cap="Oslo",
    ),
    Country(
        "POL", "PL", "Q36", "Poland",
        en="Polish, Pole+", de="polnisch", de_dem="e:Pol", fr="polonais", fr_g="la",
        amb="Pole",  # pole vault, the North Pole
        adj=A("polaco", "polacco", "polski", "польский", "польський"),
        names={"en": "Republic of Poland", "de": "Republik Polen",
               "fr": "République de Pologne",
               "pl": "Rzeczpospolita Polska, Polski, Polsce, Polskę, Polską",
               "ru": "Польши, Польшу, Польшей", "uk": "Польщі, Польщу, Польщею"},
        cap="Warsaw/Warschau/Varsovie",
    ),
    Country(
        "PRT", "PT", "Q45", "Portugal",
        en="Portuguese", de="portugiesisch", de_dem="e:Portugies", fr="portugais",
        fr_g="le",
        adj=A("portugués", "portoghese", "portugalski", "португальский", "португальський"),
        names={"en": "Portuguese Republic", "de": "Portugiesische Republik",
               "fr": "République portugaise"},
        cap="Lisbon/Lissabon/Lisbonne",
    ),
    Country(
        "ROU", "RO", "Q218", "Romania",
        en="Romanian+", de="rumänisch", de_dem="e:Rumän", fr="roumain", fr_g="la",
        adj=A("rumano", "rumeno", "rumuński", "румынский", "румунський"),
        names={"en": "Roumania", "de": "Rumäniens"},
        cap="Bucharest/Bukarest/Bucarest",
    ),
    Country(
        "RUS", "RU", "Q159", "Russia",
        en="Russian+", de="russisch", de_dem="e:Russ", fr="russe", fr_g="la",
        adj=A("ruso", "russo", "rosyjski", "российский, русский", "російський"),
        names={"en": "Russian Federation, the Russian Federation",
               "de": "Russische Föderation, die Russische Föderation, "
                     "der Russischen Föderation",
               "fr": "Fédération de Russie, la Fédération de Russie",
               "es": "Federación de Rusia", "it": "Federazione Russa",
               "pl": "Federacja Rosyjska, Rosji, Rosję, Rosją",
               "ru": "Российская Федерация, РФ, России, Россию, Россией",
               "uk": "Російська Федерація, РФ, Росії, Росію, Росією"},
        cap="Moscow/Moskau/Moscou",
        met={"en": "the Kremlin, Kremlin", "de": "Kreml, der Kreml, des Kremls, dem Kreml",
             "fr": "Kremlin, le Kremlin, du Kremlin", "ru": "Кремль, Москва",
             "uk": "Кремль, Москва", "pl": "Kreml, Moskwa"},
    ),
    Country(
        "SMR", "SM", "Q238", "San Marino",
        en="Sammarinese", de="san-marinesisch", fr="saint-marinais",
        names={"en": "Republic of San Marino", "de": "Republik San Marino",
               "fr": "République de Saint-Marin"},
    ),
    Country(
        "SRB", "RS", "Q403", "Serbia",
        en="Serbian+, Serb+", de="serbisch", de_dem="e:Serb", fr="serbe", fr_g="la",
        adj=A("serbio", "serbo", "serbski", "сербский", "сербський"),
        names={"en": "Republic of Serbia", "de": "Republik Serbien",
               "fr": "République de Serbie"},
        cap="Belgrade/Belgrad/Belgrade",
    ),
    Country(
        "SVK", "SK", "Q214", "Slovakia",
        en="Slovak+, Slovakian+", de="slowakisch", de_dem="e:Slowak", fr="slovaque",
        fr_g="la", de_g="f",
        adj=A("eslovaco", "slovacco", "słowacki", "словацкий", "словацький"),
        names={"en": "Slovak Republic", "de": "Slowakische Republik",
               "fr": "République slovaque"},
        cap="Bratislava",
    ),
    Country(
        "SVN", "SI", "Q215", "Slovenia",
        en="Slovenian+, Slovene+", de="slowenisch", de_dem="e:Slowen",
        fr="slovène", fr_g="la",
        adj=A("esloveno", "sloveno", "słoweński", "словенский", "словенський"),
        names={"en": "Republic of Slovenia", "de": "Republik Slowenien",
               "fr": "République de Slovénie"},
        cap="Ljubljana",
    ),
    Country(
        "ESP", "ES", "Q29", "Spain",
        en="Spanish, Spaniard+", de="spanisch", de_dem="er:Spanier", fr="espagnol",
        fr_g="l'",
        adj=A("español", "spagnolo", "hiszpański", "испанский", "іспанський"),
        names={"en": "Kingdom of Spain", "de": "Königreich Spanien",
               "fr": "Royaume d'Espagne", "es": "Reino de España"},
        cap="Madrid", met={"en": "Moncloa", "de": "Moncloa", "fr": "Moncloa"},
    ),
    Country(
        "SWE", "SE", "Q34", "Sweden",
        en="Swedish, Swede+", de="schwedisch", de_dem="e:Schwed", fr="suédois", fr_g="la",
        adj=A("sueco", "svedese", "szwedzki", "шведский", "шведський"),
        names={"en": "Kingdom of Sweden", "de": "Königreich Schweden",
               "fr": "Royaume de Suède"},
        cap="Stockholm",
    ),
    Country(
        "CHE", "CH", "Q39", "Switzerland",
        en="Swiss", de="schweizerisch", de_dem="Schweizer, Schweizern, Schweizerin, "
        "Schweizerinnen", fr="suisse", fr_g="la", de_g="f",
        adj=A("suizo", "svizzero", "szwajcarski", "швейцарский", "швейцарський"),
        names={"en": "Swiss Confederation",
               "de": "Schweizerische Eidgenossenschaft, Eidgenossenschaft",
               "fr": "Confédération suisse", "it": "Confederazione Svizzera"},
        cap="Bern/Bern/Berne",
    ),
    Country(
        "UKR", "UA", "Q212", "Ukraine",
        en="Ukrainian+", de="ukrainisch", de_dem="er:Ukrainer", fr="ukrainien", fr_g="l'",
        de_g="f",
        adj=A("ucraniano", "ucraino", "ukraiński", "украинский", "український"),
        names={"en": "the Ukraine",
               "pl": "Ukrainy, Ukrainie, Ukrainę, Ukrainą",
               "ru": "Украины, Украине, Украину, Украиной",
               "uk": "України, Україні, Україну, Україною"},
        cap="Kyiv, Kiev/Kiew, Kyjiw, Kyiv/Kiev, Kyiv, Kyïv",
        met={"ru": "Киев", "uk": "Київ", "pl": "Kijów"},
    ),
    Country(
        "GBR", "GB", "Q145", "United Kingdom",
        en="British, Briton+, Brit+", de="britisch", de_dem="e:Brit", fr="britannique",
        fr_g="le", de_g="x",
        adj=A("británico", "britannico", "brytyjski", "британский", "британський"),
        names={"en": "the United Kingdom, UK, U.K., the UK, Britain, Great Britain, "
                     "United Kingdom of Great Britain and Northern Ireland",
               "de": "Großbritannien, Großbritanniens, das Vereinigte Königreich, "
                     "des Vereinigten Königreichs, dem Vereinigten Königreich, "
                     "Vereinigten Königreich, UK",
               "fr": "Grande-Bretagne, la Grande-Bretagne, "
                     "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
               "es": "Gran Bretaña", "it": "Gran Bretagna",
               "pl": "Zjednoczone Królestwo, Wielkiej Brytanii, Wielką Brytanię, "
                     "Wielką Brytanią",
               "ru": "Соединённое Королевство, Великобритании, Великобританию, "
                     "Великобританией, Британия",
               "uk": "Сполучене Королівство, Великої Британії, Велику Британію, "
                     "Великою Британією, Британія"},
        cap="London/London/Londres",
        met={"en": "Downing Street, Number 10, No 10, No. 10, Whitehall",
             "de": "Downing Street, Whitehall", "fr": "Downing Street"},
        amb="Number 10, No 10",
    ),
    Country(
        "VAT", "VA", "Q159583", "Holy See",
        en="Vatican", de="vatikanisch", fr="vatican/vaticane", de_g="f", un="observer",
        names={"en": "the Holy See, the Vatican, Vatican, Vatican City, Vatican City State",
               "de": "Heiliger Stuhl, der Heilige Stuhl, des Heiligen Stuhls, "
                     "dem Heiligen Stuhl, Vatikan, der Vatikan, des Vatikans, dem Vatikan",
               "fr": "Saint-Siège, le Saint-Siège, du Saint-Siège, Vatican, le Vatican, "
                     "du Vatican, Cité du Vatican",
               "es": "Santa Sede, Vaticano", "it": "Santa Sede, Vaticano",
               "pl": "Stolica Apostolska", "ru": "Святой Престол", "uk": "Святий Престол"},
    ),
]

# --- Asia and the Middle East -------------------------------------------------------
# "Korea" and "Korean" stand for either Korean state; which one needs context.
_KOREA_SHARED = (
    "Korea, Korean, Koreans, Corée, koreanisch, koreanische, koreanischen, koreanischer, "
    "koreanisches, koreanischem, Koreaner, Koreanern, Koreanerin, Koreanerinnen, coréen, "
    "coréenne, coréens, coréennes, Coréen, Coréenne, Coréens, Coréennes"
)
ASIA = [
    Country(
        "AFG", "AF", "Q889", "Afghanistan",
        en="Afghan+", de="afghanisch", de_dem="e:Afghan", fr="afghan", fr_g="l'",
        adj=A("afgano", "afghano", "afgański", "афганский", "афганський"),
        names={"en": "Islamic Emirate of Afghanistan", "de": "Afghanistans"},
        cap="Kabul/Kabul/Kaboul",
    ),
    Country(
        "ARM", "AM", "Q399", "Armenia",
        en="Armenian+", de="armenisch", de_dem="er:Armenier", fr="arménien", fr_g="l'",
        adj=A("armenio", "armeno", "ormiański", "армянский", "вірменський"),
        names={"en": "Republic of Armenia", "de": "Republik Armenien",
               "fr": "République d'Arménie"},
        cap="Yerevan/Eriwan/Erevan", met={"de": "Jerewan"},
    ),
    Country(
        "AZE", "AZ", "Q227", "Azerbaijan",
        en="Azerbaijani+, Azeri+", de="aserbaidschanisch",
        de_dem="er:Aserbaidschaner, Aseri, Aseris", fr="azerbaïdjanais, azéri",
        fr_g="l'",
        adj=A("azerbaiyano", "azero", "azerski, azerbejdżański", "азербайджанский",
              "азербайджанський"),
        names={"en": "Republic of Azerbaijan", "de": "Republik Aserbaidschan",
               "fr": "République d'Azerbaïdjan"},
        cap="Baku/Baku/Bakou",
    ),
    Country(
        "BHR", "BH", "Q398", "Bahrain",
        en="Bahraini+", de="bahrainisch", de_dem="er:Bahrainer", fr="bahreïnien",
        adj=A("bareiní", "bahreinita"),
        names={"en": "Kingdom of Bahrain", "de": "Königreich Bahrain",
               "fr": "Royaume de Bahreïn, Bahrein"},
        cap="Manama",
    ),
    Country(
        "BGD", "BD", "Q902", "Bangladesh",
        en="Bangladeshi+", de="bangladeschisch", de_dem="er:Bangladescher",
        fr="bangladais", fr_g="le",
        adj=A("bangladesí", "bengalese"),
        names={"en": "People's Republic of Bangladesh",
               "fr": "République populaire du Bangladesh"},
        cap="Dhaka/Dhaka/Dacca", met={"fr": "Dhaka"},
    ),
    Country(
        "BTN", "BT", "Q917", "Bhutan",
        en="Bhutanese", de="bhutanisch", fr="bhoutanais", fr_g="le",
        names={"en": "Kingdom of Bhutan", "de": "Königreich Bhutan",
               "fr": "Royaume du Bhoutan"},
        cap="Thimphu/Thimphu/Thimphou",
    ),
    Country(
        "BRN", "BN", "Q921", "Brunei",
        en="Bruneian+", de="bruneiisch", fr="brunéien", de_g="x",
        names={"en": "Brunei Darussalam", "de": "Brunei, Bruneis", "fr": "Brunéi",
               "it": "Brunei Darussalam"},
        cap="Bandar Seri Begawan",
    ),
    Country(
        "KHM", "KH", "Q424", "Cambodia",
        en="Cambodian+, Khmer", de="kambodschanisch", de_dem="er:Kambodschaner",
        fr="cambodgien", fr_g="le",
        adj=A("camboyano", "cambogiano", "kambodżański", "камбоджийский",
              "камбоджійський"),
        names={"en": "Kingdom of Cambodia", "de": "Königreich Kambodscha",
               "fr": "Royaume du Cambodge"},
        cap="Phnom Penh",
    ),
    Country(
        "CHN", "CN", "Q148", "China",
        en="Chinese", de="chinesisch", de_dem="e:Chines", fr="chinois", fr_g="la",
        adj=A("chino", "cinese", "chiński", "китайский", "китайський"),
        names={"en": "People's Republic of China, the People's Republic of China, PRC",
               "de": "Volksrepublik China, die Volksrepublik China, der Volksrepublik China, "
                     "VR China",
               "fr": "République populaire de Chine, la République populaire de Chine, RPC",
               "es": "República Popular China", "it": "Repubblica Popolare Cinese",
               "pl": "Chińska Republika Ludowa, ChRL, Chinom, Chinami, Chinach",
               "ru": "Китайская Народная Республика, КНР, Китая, Китаю, Китаем, Китае",
               "uk": "Китайська Народна Республіка, КНР, Китаю, Китаєм, Китаї"},
        cap="Beijing, Peking/Peking, Beijing/Pékin, Beijing",
        met={"en": "Zhongnanhai", "de": "Zhongnanhai", "fr": "Zhongnanhai",
             "ru": "Пекин", "uk": "Пекін", "pl": "Pekin"},
    ),
    Country(
        "CYP", "CY", "Q229", "Cyprus",
        en="Cypriot+", de="zyprisch", fr="chypriote, cypriote",
        de_dem="er:Zyprer, Zypriot, Zyprioten, Zypriotin, Zypriotinnen",
        adj=A("chipriota", "cipriota", "cypryjski", "кипрский", "кіпрський"),
        names={"en": "Republic of Cyprus", "de": "Republik Zypern",
               "fr": "République de Chypre"},
        cap="Nicosia/Nikosia/Nicosie",
    ),
    Country(
        "GEO", "GE", "Q230", "Georgia",
        en="Georgian+", de="georgisch", de_dem="er:Georgier", fr="géorgien", fr_g="la",
        adj=A("georgiano", "georgiano", "gruziński", "грузинский", "грузинський"),
        names={"de": "Georgiens"},
        cap="Tbilisi/Tiflis/Tbilissi", met={"de": "Tbilissi"},
        # The US state and a given name in English; the US state in French, Spanish and
        # Italian too.
        amb="Georgia, Georgian, Georgians, Géorgie, la Géorgie, de la Géorgie, "
            "géorgien, géorgienne, géorgiens, géorgiennes, Géorgien, Géorgienne, "
            "Géorgiens, Géorgiennes, georgiano",
    ),
    Country(
        "IND", "IN", "Q668", "India",
        en="Indian+", de="indisch", de_dem="er:Inder", fr="indien", fr_g="l'",
        adj=A("indio", "indiano", "indyjski", "индийский", "індійський"),
        names={"en": "Republic of India, Bharat", "de": "Republik Indien, Indiens",
               "fr": "République de l'Inde"},
        cap="New Delhi/Neu-Delhi/New Delhi", met={"de": "New Delhi"},
    ),
    Country(
        "IDN", "ID", "Q252", "Indonesia",
        en="Indonesian+", de="indonesisch", de_dem="er:Indonesier", fr="indonésien",
        fr_g="l'",
        adj=A("indonesio", "indonesiano", "indonezyjski", "индонезийский",
              "індонезійський"),
        names={"en": "Republic of Indonesia", "de": "Republik Indonesien, Indonesiens",
               "fr": "République d'Indonésie"},
        cap="Jakarta/Jakarta/Jakarta", met={"de": "Djakarta", "fr": "Djakarta"},
    ),
    Country(
        "IRN", "IR", "Q794", "Iran",
        en="Iranian+, Persian", de="iranisch", de_dem="er:Iraner", fr="iranien", fr_g="l'",
        de_g="m",
        adj=A("iraní", "iraniano", "irański", "иранский", "іранський"),
        names={"en": "Islamic Republic of Iran, the Islamic Republic, Persia",
               "de": "Islamische Republik Iran, die Islamische Republik, "
                     "der Islamischen Republik, Irans",
               "fr": "République islamique d'Iran, la République islamique",
               "es": "República Islámica de Irán", "it": "Repubblica islamica dell'Iran",
               "pl": "Iranu, Iranowi, Iranem, Iranie",
               "ru": "Исламская Республика Иран, Ирана, Ирану, Ираном, Иране",
               "uk": "Ісламська Республіка Іран, Ірану, Іраном, Ірані"},
        cap="Tehran/Teheran/Téhéran", met={"en": "Teheran", "fr": "Teheran"},
        # "Persian": the language, the gulf, the empire. "The Islamic Republic" is also
        # in the official names of Afghanistan, Mauritania and Pakistan.
        amb="Persian, Persia, the Islamic Republic, die Islamische Republik, "
            "der Islamischen Republik, la République islamique",
    ),
    Country(
        "IRQ", "IQ", "Q796", "Iraq",
        en="Iraqi+", de="irakisch", de_dem="er:Iraker", fr="irakien", fr_g="l'", de_g="m",
        adj=A("iraquí", "iracheno", "iracki", "иракский", "іракський"),
        names={"en": "Republic of Iraq", "de": "Republik Irak, Iraks",
               "fr": "République d'Irak, Iraq, l'Iraq"},
        cap="Baghdad/Bagdad/Bagdad",
    ),
    Country(
        "ISR", "IL", "Q801", "Israel",
        en="Israeli+", de="israelisch", de_dem="Israeli, Israelis, Israelin, Israelinnen",
        fr="israélien",
        adj=A("israelí", "israeliano", "izraelski", "израильский", "ізраїльський"),
        names={"en": "State of Israel", "de": "Staat Israel, der Staat Israel",
               "fr": "État d'Israël, l'État d'Israël, Israel",
               "es": "Estado de Israel", "it": "Stato di Israele",
               "pl": "Izraela, Izraelowi, Izraelem, Izraelu",
               "ru": "Государство Израиль, Израиля, Израилю, Израилем, Израиле",
               "uk": "Держава Ізраїль, Ізраїлю, Ізраїлем, Ізраїлі"},
        # Israel's seat of government; its status is disputed and the city is also
        # a place in its own right, so it needs context.
        cap="Jerusalem/Jerusalem/Jérusalem",
        amb="Jerusalem, Jérusalem",
    ),
    Country(
        "JPN", "JP", "Q17", "Japan",
        en="Japanese", de="japanisch", de_dem="er:Japaner", fr="japonais", fr_g="le",
        adj=A("japonés", "giapponese", "japoński", "японский", "японський"),
        names={"de": "Japans", "ru": "Японии, Японию, Японией",
               "uk": "Японії, Японію, Японією", "pl": "Japonii, Japonię, Japonią"},
        cap="Tokyo/Tokio/Tokyo",
    ),
    Country(
        "JOR", "JO", "Q810", "Jordan",
        en="Jordanian+", de="jordanisch", de_dem="er:Jordanier", fr="jordanien", fr_g="la",
        adj=A("jordano", "giordano", "jordański", "иорданский", "йорданський"),
        names={"en": "Hashemite Kingdom of Jordan", "de": "Haschemitisches Königreich "
               "Jordanien, Jordaniens", "fr": "Royaume hachémite de Jordanie"},
        cap="Amman",
        amb="Jordan",  # a given name and the river
    ),
    Country(
        "KAZ", "KZ", "Q232", "Kazakhstan",
        en="Kazakh+, Kazakhstani+", de="kasachisch", de_dem="e:Kasach",
        fr="kazakh/kazakhe, kazakhstanais", fr_g="le",
        adj=A("kazajo", "kazako", "kazachski", "казахстанский", "казахстанський"),
        names={"en": "Republic of Kazakhstan", "de": "Republik Kasachstan, Kasachstans",
               "fr": "République du Kazakhstan"},
        cap="Astana",
    ),
    Country(
        "KWT", "KW", "Q817", "Kuwait",
        en="Kuwaiti+", de="kuwaitisch", de_dem="er:Kuwaiter", fr="koweïtien", fr_g="le",
        adj=A("kuwaití", "kuwaitiano"),
        names={"en": "State of Kuwait", "de": "Staat Kuwait", "fr": "État du Koweït, Koweit"},
        cap="Kuwait City",
    ),
    Country(
        "KGZ", "KG", "Q813", "Kyrgyzstan",
        en="Kyrgyz, Kyrgyzstani+", de="kirgisisch", de_dem="e:Kirgis", fr="kirghize, kirghiz",
        fr_g="le",
        names={"en": "Kyrgyz Republic", "de": "Kirgisische Republik, Kirgistan",
               "fr": "République kirghize, Kirghizistan"},
        cap="Bishkek/Bischkek/Bichkek",
    ),
    Country(
        "LAO", "LA", "Q819", "Laos",
        en="Lao, Laotian+", de="laotisch", de_dem="e:Laot", fr="laotien", fr_g="le",
        names={"en": "Lao People's Democratic Republic, Lao PDR",
               "de": "Demokratische Volksrepublik Laos",
               "fr": "République démocratique populaire lao"},
        cap="Vientiane",
    ),
    Country(
        "LBN", "LB", "Q822", "Lebanon",
        en="Lebanese", de="libanesisch", de_dem="e:Libanes", fr="libanais", fr_g="le",
        de_g="m",
        adj=A("libanés", "libanese", "libański", "ливанский", "ліванський"),
        names={"en": "the Lebanon, Lebanese Republic", "de": "Libanesische Republik",
               "fr": "République libanaise"},
        cap="Beirut/Beirut/Beyrouth",
    ),
    Country(
        "MYS", "MY", "Q833", "Malaysia",
        en="Malaysian+", de="malaysisch", de_dem="er:Malaysier", fr="malaisien", fr_g="la",
        adj=A("malasio", "malese", "malezyjski", "малайзийский", "малайзійський"),
        names={"de": "Malaysias"},
        cap="Kuala Lumpur", met={"en": "Putrajaya", "de": "Putrajaya", "fr": "Putrajaya"},
    ),
    Country(
        "MDV", "MV", "Q826", "Maldives",
        en="Maldivian+", de="maledivisch", fr="maldivien", fr_g="les", de_g="x",
        names={"en": "the Maldives, Republic of Maldives",
               "de": "die Malediven, der Malediven, den Malediven"},
        cap="Malé",
    ),
    Country(
        "MNG", "MN", "Q711", "Mongolia",
        en="Mongolian+", de="mongolisch", de_dem="e:Mongol", fr="mongol", fr_g="la",
        de_g="f",
        adj=A("mongol", "mongolo", "mongolski", "монгольский", "монгольський"),
        cap="Ulaanbaatar, Ulan Bator/Ulaanbaatar, Ulan Bator/Oulan-Bator",
    ),
    Country(
        "MMR", "MM", "Q836", "Myanmar",
        en="Burmese, Myanmar", de="myanmarisch, birmanisch", fr="birman", fr_g="le",
        adj=A("birmano", "birmano"),
        names={"en": "Republic of the Union of Myanmar",
               "de": "Birma, Burma, Birmas, Burmas",
               "fr": "la Birmanie, de la Birmanie"},
        cap="Naypyidaw, Naypyitaw/Naypyidaw/Naypyidaw",
    ),
    Country(
        "NPL", "NP", "Q837", "Nepal",
        en="Nepali+, Nepalese", de="nepalesisch", de_dem="e:Nepales", fr="népalais",
        fr_g="le",
        names={"de": "Nepals"},
        cap="Kathmandu/Kathmandu/Katmandou",
    ),
    Country(
        "PRK", "KP", "Q423", "North Korea",
        en="North Korean+, Korean+", de="nordkoreanisch, koreanisch",
        de_dem="er:Nordkoreaner, er:Koreaner", fr="nord-coréen, coréen", fr_g="la",
        adj=A("norcoreano", "nordcoreano", "północnokoreański", "северокорейский",
              "північнокорейський"),
        names={"en": "Democratic People's Republic of Korea, DPRK, Korea",
               "de": "Demokratische Volksrepublik Korea, Nordkoreas, Korea",
               "fr": "République populaire démocratique de Corée, RPDC, Corée",
               "ru": "Северная Корея", "uk": "КНДР"},
        cap="Pyongyang/Pjöngjang/Pyongyang",
        amb=_KOREA_SHARED,
    ),
    Country(
        "OMN", "OM", "Q842", "Oman",
        en="Omani+", de="omanisch", de_dem="er:Omaner", fr="omanais",
        adj=A("omaní", "omanita"),
        names={"en": "Sultanate of Oman", "de": "Sultanat Oman, Omans, der Oman",
               "fr": "Sultanat d'Oman"},
        cap="Muscat/Maskat/Mascate",
    ),
    Country(
        "PAK", "PK", "Q843", "Pakistan",
        en="Pakistani+", de="pakistanisch", de_dem="er:Pakistaner", fr="pakistanais",
        fr_g="le",
        adj=A("pakistaní", "pakistano", "pakistański", "пакистанский", "пакистанський"),
        names={"en": "Islamic Republic of Pakistan", "de": "Islamische Republik Pakistan, "
               "Pakistans", "fr": "République islamique du Pakistan"},
        cap="Islamabad",
    ),
    Country(
        "PHL", "PH", "Q928", "Philippines",
        en="Philippine, Filipino+, Filipina+", de="philippinisch",
        de_dem="er:Philippiner, Filipino, Filipinos",
        fr="philippin", fr_g="les", de_g="x",
        adj=A("filipino", "filippino", "filipiński", "филиппинский", "філіппінський"),
        names={"en": "the Philippines, Republic of the Philippines",
               "de": "die Philippinen, der Philippinen, den Philippinen"},
        cap="Manila/Manila/Manille",
    ),
    Country(
        "QAT", "QA", "Q846", "Qatar",
        en="Qatari+", de="katarisch", de_dem="er:Katarer", fr="qatari/qatarie, qatarien", fr_g="le",
        adj=A("catarí", "qatariota", "katarski", "катарский", "катарський"),
        names={"en": "State of Qatar", "de": "Staat Katar, Katars, Qatar",
               "fr": "État du Qatar"},
        cap="Doha",
    ),
    Country(
        "SAU", "SA", "Q851", "Saudi Arabia",
        en="Saudi+, Saudi Arabian+", de="saudi-arabisch, saudisch",
        de_dem="er:Saudi-Araber, Saudi, Saudis", fr="saoudien", fr_g="l'",
        adj=A("saudí", "saudita", "saudyjski", "саудовский", "саудівський"),
        names={"en": "Kingdom of Saudi Arabia",
               "de": "Königreich Saudi-Arabien, Saudiarabien",
               "fr": "Royaume d'Arabie saoudite"},
        cap="Riyadh/Riad/Riyad",
    ),
    Country(
        "SGP", "SG", "Q334", "Singapore",
        en="Singaporean+", de="singapurisch", de_dem="er:Singapurer", fr="singapourien",
        adj=A("singapurense", "singaporiano"),
        names={"en": "Republic of Singapore", "de": "Republik Singapur, Singapurs",
               "fr": "République de Singapour"},
    ),
    Country(
        "KOR", "KR", "Q884", "South Korea",
        en="South Korean+, Korean+", de="südkoreanisch, koreanisch",
        de_dem="er:Südkoreaner, er:Koreaner", fr="sud-coréen, coréen", fr_g="la",
        adj=A("surcoreano", "sudcoreano", "południowokoreański", "южнокорейский",
              "південнокорейський"),
        names={"en": "Republic of Korea, ROK, Korea",
               "de": "Republik Korea, Südkoreas, Korea",
               "fr": "République de Corée, Corée",
               "ru": "Южная Корея", "uk": "Республіка Корея"},
        cap="Seoul/Seoul/Séoul",
        amb=_KOREA_SHARED,
    ),
    Country(
        "LKA", "LK", "Q854", "Sri Lanka",
        en="Sri Lankan+", de="sri-lankisch", de_dem="er:Sri-Lanker", fr="sri-lankais",
        fr_g="le",
        names={"en": "Democratic Socialist Republic of Sri Lanka"},
        cap="Colombo", met={"en": "Sri Jayawardenepura Kotte"},
    ),
    Country(
        "SYR", "SY", "Q858", "Syria",
        en="Syrian+", de="syrisch", de_dem="er:Syrer", fr="syrien", fr_g="la",
        adj=A("sirio", "siriano", "syryjski", "сирийский", "сирійський"),
        names={"en": "Syrian Arab Republic", "de": "Arabische Republik Syrien, Syriens",
               "fr": "République arabe syrienne"},
        cap="Damascus/Damaskus/Damas",
    ),
    Country(
        "TJK", "TJ", "Q863", "Tajikistan",
        en="Tajik+, Tajikistani+", de="tadschikisch", de_dem="e:Tadschik",
        fr="tadjik/tadjike", fr_g="le",
        names={"en": "Republic of Tajikistan", "de": "Republik Tadschikistan",
               "fr": "République du Tadjikistan"},
        cap="Dushanbe/Duschanbe/Douchanbé",
    ),
    Country(
        "THA", "TH", "Q869", "Thailand",
        en="Thai+", de="thailändisch", de_dem="Thai, Thais, er:Thailänder",
        fr="thaïlandais", fr_g="la",
        adj=A("tailandés", "thailandese", "tajski", "тайский, таиландский", "тайський"),
        names={"en": "Kingdom of Thailand", "de": "Königreich Thailand, Thailands",
               "fr": "Royaume de Thaïlande"},
        cap="Bangkok",
    ),
    Country(
        "TLS", "TL", "Q574", "Timor-Leste",
        en="Timorese, East Timorese", de="osttimoresisch, timoresisch",
        fr="est-timorais, timorais", fr_g="le", de_g="x",
        names={"en": "East Timor, Democratic Republic of Timor-Leste",
               "de": "Osttimor, Osttimors", "fr": "Timor-Leste"},
        cap="Dili",
    ),
    Country(
        "TUR", "TR", "Q43", "Türkiye",
        en="Turkish, Turk+", de="türkisch", de_dem="e:Türk", fr="turc/turque", fr_g="la",
        de_g="f",
        adj=A("turco", "turco", "turecki", "турецкий", "турецький"),
        names={"en": "Turkey, Republic of Türkiye, Republic of Turkey",
               "de": "Türkiye, Republik Türkei",
               "fr": "Türkiye, République de Turquie",
               "pl": "Turcji, Turcję, Turcją",
               "ru": "Турции, Турцию, Турцией",
               "uk": "Туреччини, Туреччині, Туреччину, Туреччиною"},
        cap="Ankara",
    ),
    Country(
        "TKM", "TM", "Q874", "Turkmenistan",
        en="Turkmen, Turkmenistani+", de="turkmenisch", de_dem="e:Turkmen",
        fr="turkmène", fr_g="le",
        names={"de": "Turkmenistans"},
        cap="Ashgabat/Aschgabat/Achgabat",
    ),
    Country(
        "ARE", "AE", "Q878", "United Arab Emirates",
        en="Emirati+", de="emiratisch", fr="émirien", fr_g="les",
        de_g="x",
        adj=A("emiratí", "emiratino", "emiracki"),
        names={"en": "the United Arab Emirates, UAE, the UAE, U.A.E.",
               "de": "VAE, die Vereinigten Arabischen Emirate, "
                     "der Vereinigten Arabischen Emirate, "
                     "den Vereinigten Arabischen Emiraten, Emirate",
               "fr": "EAU, Émirats", "es": "EAU", "it": "EAU", "pl": "ZEA",
               "ru": "Объединённые Арабские Эмираты", "uk": "ОАЕ"},
        cap="Abu Dhabi/Abu Dhabi/Abou Dabi", met={"fr": "Abu Dhabi"},
    ),
    Country(
        "UZB", "UZ", "Q265", "Uzbekistan",
        en="Uzbek+, Uzbekistani+", de="usbekisch", de_dem="e:Usbek",
        fr="ouzbek/ouzbèke, ouzbèke", fr_g="l'",
        names={"en": "Republic of Uzbekistan", "de": "Republik Usbekistan, Usbekistans",
               "fr": "République d'Ouzbékistan"},
        cap="Tashkent/Taschkent/Tachkent",
    ),
    Country(
        "VNM", "VN", "Q881", "Vietnam",
        en="Vietnamese", de="vietnamesisch", de_dem="e:Vietnames", fr="vietnamien",
        fr_g="le",
        adj=A("vietnamita", "vietnamita", "wietnamski", "вьетнамский", "вʼєтнамський"),
        names={"en": "Viet Nam, Socialist Republic of Vietnam",
               "de": "Sozialistische Republik Vietnam, Vietnams",
               "fr": "Vietnam, le Vietnam, du Vietnam, au Vietnam, "
                     "République socialiste du Viêt Nam"},
        cap="Hanoi/Hanoi/Hanoï",
    ),
    Country(
        "YEM", "YE", "Q805", "Yemen",
        en="Yemeni+", de="jemenitisch", de_dem="e:Jemenit", fr="yéménite", fr_g="le",
        de_g="m",
        adj=A("yemení", "yemenita", "jemeński", "йеменский", "єменський"),
        names={"en": "Republic of Yemen", "de": "Republik Jemen, Jemens",
               "fr": "République du Yémen"},
        cap="Sanaa, Sana'a/Sanaa/Sanaa",
    ),
    Country(
        "PSE", "PS", "Q219060", "Palestine",
        en="Palestinian+", de="palästinensisch", de_dem="er:Palästinenser",
        fr="palestinien", fr_g="les", de_g="x", un="observer",
        adj=A("palestino", "palestinese", "palestyński", "палестинский", "палестинський"),
        names={"en": "State of Palestine, Palestinian territories, "
                     "occupied Palestinian territories",
               "de": "Palästina, Palästinas, Staat Palästina, Palästinensergebiete",
               "fr": "Palestine, la Palestine, État de Palestine",
               "es": "Palestina, Estado de Palestina", "it": "Palestina, Stato di Palestina",
               "pl": "Palestyna", "ru": "Палестина, Государство Палестина",
               "uk": "Палестина, Держава Палестина"},
        cap="Ramallah",
    ),
    Country(
        "TWN", "TW", "Q865", "Taiwan",
        en="Taiwanese", de="taiwanisch", de_dem="er:Taiwaner", fr="taïwanais, taiwanais",
        un="",
        adj=A("taiwanés", "taiwanese", "tajwański", "тайваньский", "тайванський"),
        names={"en": "Republic of China", "de": "Republik China, Taiwans",
               "fr": "Taiwan, République de Chine",
               "ru": "Китайская Республика", "uk": "Китайська Республіка"},
        cap="Taipei/Taipeh/Taipei",
    ),
]

# --- Africa -------------------------------------------------------------------------
# Both Congos are "Congo"/"Kongo" for short and share their adjectives.
_CONGO_SHARED = (
    "Congo, the Congo, Kongo, der Kongo, des Kongo, des Kongos, le Congo, du Congo, "
    "au Congo, Congolese, kongolesisch, kongolesische, kongolesischen, kongolesischer, "
    "kongolesisches, kongolesischem, Kongolese, Kongolesen, Kongolesin, Kongolesinnen, "
    "congolais, congolaise, congolaises, Congolais, Congolaise, Congolaises"
)

AFRICA = [
    Country(
        "DZA", "DZ", "Q262", "Algeria",
        en="Algerian+", de="algerisch", de_dem="er:Algerier", fr="algérien", fr_g="l'",
        adj=A("argelino", "algerino", "algierski", "алжирский", "алжирський"),
        names={"en": "People's Democratic Republic of Algeria",
               "de": "Demokratische Volksrepublik Algerien",
               "fr": "République algérienne démocratique et populaire"},
        cap="Algiers/Algier/Alger",
    ),
    Country(
        "AGO", "AO", "Q916", "Angola",
        en="Angolan+", de="angolanisch", de_dem="er:Angolaner", fr="angolais", fr_g="l'",
        names={"en": "Republic of Angola", "de": "Republik Angola",
               "fr": "République d'Angola"},
        cap="Luanda",
    ),
    Country(
        "BEN", "BJ", "Q962", "Benin",
        en="Beninese", de="beninisch", de_dem="er:Beniner", fr="béninois", fr_g="le",
        names={"en": "Republic of Benin", "de": "Republik Benin",
               "fr": "République du Bénin"},
        cap="Porto-Novo",
    ),
    Country(
        "BWA", "BW", "Q963", "Botswana",
        en="Botswanan+, Motswana, Batswana", de="botsuanisch", de_dem="er:Botsuaner",
        fr="botswanais", fr_g="le",
        names={"en": "Republic of Botswana", "de": "Botswana, Botswanas",
               "fr": "République du Botswana"},
        cap="Gaborone",
    ),
    Country(
        "BFA", "BF", "Q965", "Burkina Faso",
        en="Burkinabè, Burkinabe+", de="burkinisch", de_dem="er:Burkiner",
        fr="burkinabè/burkinabè, burkinabé/burkinabée", fr_g="le",
        names={"en": "Burkina", "fr": "Burkina"},
        cap="Ouagadougou",
    ),
    Country(
        "BDI", "BI", "Q967", "Burundi",
        en="Burundian+", de="burundisch", de_dem="er:Burundier", fr="burundais", fr_g="le",
        names={"en": "Republic of Burundi", "de": "Republik Burundi",
               "fr": "République du Burundi"},
        cap="Gitega",
    ),
    Country(
        "CPV", "CV", "Q1011", "Cape Verde",
        en="Cape Verdean+, Cabo Verdean+", de="kap-verdisch, cabo-verdisch",
        fr="cap-verdien", fr_g="le", de_g="x",
        names={"en": "Cabo Verde, Republic of Cabo Verde",
               "de": "Kap Verde, Kap Verdes, Kapverden", "fr": "Cabo Verde"},
        cap="Praia",
    ),
    Country(
        "CMR", "CM", "Q1009", "Cameroon",
        en="Cameroonian+", de="kamerunisch", de_dem="er:Kameruner", fr="camerounais",
        fr_g="le",
        names={"en": "Republic of Cameroon", "de": "Republik Kamerun",
               "fr": "République du Cameroun"},
        cap="Yaoundé, Yaounde/Jaunde, Yaoundé/Yaoundé",
    ),
    Country(
        "CAF", "CF", "Q929", "Central African Republic",
        en="Central African+", de="zentralafrikanisch", de_dem="er:Zentralafrikaner",
        fr="centrafricain", fr_g="la", de_g="x",
        names={"en": "the Central African Republic, CAR, Centrafrique",
               "de": "die Zentralafrikanische Republik, "
                     "der Zentralafrikanischen Republik",
               "fr": "Centrafrique, la Centrafrique, RCA"},
        cap="Bangui",
        amb="CAR, Central African, Central Africans",  # a word in headlines; the region
    ),
    Country(
        "TCD", "TD", "Q657", "Chad",
        en="Chadian+", de="tschadisch", de_dem="er:Tschader", fr="tchadien", fr_g="le",
        de_g="m",
        names={"en": "Republic of Chad", "de": "Republik Tschad",
               "fr": "République du Tchad"},
        cap="N'Djamena/N'Djamena/N'Djaména",
        amb="Chad",  # a given name
    ),
    Country(
        "COM", "KM", "Q970", "Comoros",
        en="Comorian+", de="komorisch", fr="comorien", fr_g="les", de_g="x",
        names={"en": "the Comoros, Union of the Comoros",
               "de": "die Komoren, der Komoren, den Komoren, Union der Komoren",
               "fr": "Union des Comores"},
        cap="Moroni",
    ),
    Country(
        "COG", "CG", "Q971", "Republic of the Congo",
        en="Congolese", de="kongolesisch", de_dem="e:Kongoles", fr="congolais", de_g="x",
        names={"en": "Republic of Congo, Congo-Brazzaville, Congo, the Congo",
               "de": "Republik Kongo, die Republik Kongo, der Republik Kongo, Kongo, "
                     "der Kongo, des Kongo, des Kongos",
               "fr": "République du Congo, Congo, le Congo, du Congo, au Congo",
               "es": "República del Congo", "it": "Repubblica del Congo",
               "pl": "Republika Konga", "ru": "Республика Конго, Конго-Браззавиль",
               "uk": "Республіка Конго, Конго-Браззавіль"},
        cap="Brazzaville",
        amb=_CONGO_SHARED,
    ),
    Country(
        "COD", "CD", "Q974", "Democratic Republic of the Congo",
        en="Congolese", de="kongolesisch", de_dem="e:Kongoles", fr="congolais", de_g="x",
        adj=A("congoleño", "congolese", "kongijski", "конголезский", "конголезький"),
        names={"en": "Democratic Republic of Congo, DR Congo, DRC, the DRC, "
                     "Congo-Kinshasa, Congo, the Congo",
               "de": "Demokratische Republik Kongo, die Demokratische Republik Kongo, "
                     "der Demokratischen Republik Kongo, DR Kongo, Kongo, der Kongo, "
                     "des Kongo, des Kongos",
               "fr": "République démocratique du Congo, la République démocratique du "
                     "Congo, RDC, la RDC, RD Congo, Congo, le Congo, du Congo, au Congo",
               "it": "Repubblica Democratica del Congo, RDC", "es": "RDC",
               "ru": "Демократическая Республика Конго, ДРК",
               "uk": "Демократична Республіка Конго, ДРК"},
        cap="Kinshasa",
        amb=_CONGO_SHARED + ", congoleño, congolese, kongijski, конголезский, конголезький",
    ),
    Country(
        "CIV", "CI", "Q1008", "Côte d'Ivoire",
        en="Ivorian+", de="ivorisch", de_dem="er:Ivorer", fr="ivoirien", fr_g="la",
        de_g="f",
        names={"en": "Ivory Coast, Cote d'Ivoire, Republic of Côte d'Ivoire",
               "de": "Elfenbeinküste, die Elfenbeinküste, der Elfenbeinküste",
               "fr": "Côte-d'Ivoire, Cote d'Ivoire",
               "es": "Costa de Marfil", "pl": "Wybrzeże Kości Słoniowej",
               "ru": "Кот-д'Ивуар", "uk": "Кот-д'Івуар"},
        cap="Yamoussoukro, Abidjan",
    ),
    Country(
        "DJI", "DJ", "Q977", "Djibouti",
        en="Djiboutian+", de="dschibutisch", de_dem="er:Dschibutier", fr="djiboutien",
        names={"en": "Republic of Djibouti", "de": "Republik Dschibuti",
               "fr": "République de Djibouti"},
    ),
    Country(
        "EGY", "EG", "Q79", "Egypt",
        en="Egyptian+", de="ägyptisch", de_dem="er:Ägypter", fr="égyptien", fr_g="l'",
        adj=A("egipcio", "egiziano", "egipski", "египетский", "єгипетський"),
        names={"en": "Arab Republic of Egypt", "de": "Arabische Republik Ägypten",
               "fr": "République arabe d'Égypte",
               "ru": "Египта, Египту, Египтом, Египте"},
        cap="Cairo/Kairo/Le Caire",
    ),
    Country(
        "GNQ", "GQ", "Q983", "Equatorial Guinea",
        en="Equatorial Guinean+, Equatoguinean+", de="äquatorialguineisch",
        fr="équato-guinéen", fr_g="la",
        names={"en": "Republic of Equatorial Guinea",
               "fr": "République de Guinée équatoriale"},
        cap="Malabo",
    ),
    Country(
        "ERI", "ER", "Q986", "Eritrea",
        en="Eritrean+", de="eritreisch", de_dem="er:Eritreer", fr="érythréen", fr_g="l'",
        names={"en": "State of Eritrea", "de": "Staat Eritrea", "fr": "État d'Érythrée"},
        cap="Asmara",
    ),
    Country(
        "SWZ", "SZ", "Q1050", "Eswatini",
        en="Swazi+, Emaswati", de="eswatinisch, swasiländisch", fr="swazi", fr_g="l'",
        names={"en": "Kingdom of Eswatini, eSwatini, Swaziland",
               "de": "Königreich Eswatini, Swasiland, Swasilands",
               "fr": "Royaume d'Eswatini, Swaziland"},
        cap="Mbabane",
    ),
    Country(
        "ETH", "ET", "Q115", "Ethiopia",
        en="Ethiopian+", de="äthiopisch", de_dem="er:Äthiopier", fr="éthiopien", fr_g="l'",
        adj=A("etíope", "etiope", "etiopski", "эфиопский", "ефіопський"),
        names={"en": "Federal Democratic Republic of Ethiopia",
               "de": "Demokratische Bundesrepublik Äthiopien",
               "fr": "République fédérale démocratique d'Éthiopie"},
        cap="Addis Ababa/Addis Abeba/Addis-Abeba",
    ),
    Country(
        "GAB", "GA", "Q1000", "Gabon",
        en="Gabonese", de="gabunisch", de_dem="er:Gabuner", fr="gabonais", fr_g="le",
        names={"en": "Gabonese Republic", "de": "Gabunische Republik",
               "fr": "République gabonaise"},
        cap="Libreville",
    ),
    Country(
        "GMB", "GM", "Q1005", "Gambia",
        en="Gambian+", de="gambisch", de_dem="er:Gambier", fr="gambien", fr_g="la",
        names={"en": "The Gambia, the Gambia, Republic of The Gambia",
               "de": "Republik Gambia", "fr": "République de Gambie"},
        cap="Banjul",
    ),
    Country(
        "GHA", "GH", "Q117", "Ghana",
        en="Ghanaian+", de="ghanaisch", de_dem="er:Ghanaer", fr="ghanéen", fr_g="le",
        names={"en": "Republic of Ghana", "de": "Republik Ghana",
               "fr": "République du Ghana"},
        cap="Accra",
    ),
    Country(
        "GIN", "GN", "Q1006", "Guinea",
        en="Guinean+", de="guineisch", de_dem="er:Guineer", fr="guinéen", fr_g="la",
        names={"en": "Republic of Guinea, Guinea-Conakry",
               "de": "Republik Guinea, Guinea-Conakry",
               "fr": "République de Guinée, Guinée-Conakry"},
        cap="Conakry",
    ),
    Country(
        "GNB", "GW", "Q1007", "Guinea-Bissau",
        en="Bissau-Guinean+", de="guinea-bissauisch", fr="bissau-guinéen", fr_g="la",
        names={"en": "Republic of Guinea-Bissau", "de": "Republik Guinea-Bissau",
               "fr": "République de Guinée-Bissau"},
        cap="Bissau",
    ),
    Country(
        "KEN", "KE", "Q114", "Kenya",
        en="Kenyan+", de="kenianisch", de_dem="er:Kenianer", fr="kényan, kenyan",
        fr_g="le",
        adj=A("keniano", "keniota", "kenijski", "кенийский", "кенійський"),
        names={"en": "Republic of Kenya", "de": "Republik Kenia",
               "fr": "République du Kenya"},
        cap="Nairobi",
    ),
    Country(
        "LSO", "LS", "Q1013", "Lesotho",
        en="Basotho, Mosotho", de="lesothisch", fr_g="le",
        names={"en": "Kingdom of Lesotho", "de": "Königreich Lesotho, Lesothos",
               "fr": "Royaume du Lesotho"},
        cap="Maseru",
    ),
    Country(
        "LBR", "LR", "Q1014", "Liberia",
        en="Liberian+", de="liberianisch", de_dem="er:Liberianer", fr="libérien",
        fr_g="le",
        names={"en": "Republic of Liberia", "de": "Republik Liberia",
               "fr": "République du Liberia, Libéria"},
        cap="Monrovia",
    ),
    Country(
        "LBY", "LY", "Q1016", "Libya",
        en="Libyan+", de="libysch", de_dem="er:Libyer", fr="libyen", fr_g="la",
        adj=A("libio", "libico", "libijski", "ливийский", "лівійський"),
        names={"en": "State of Libya", "de": "Staat Libyen", "fr": "État de Libye"},
        cap="Tripoli/Tripolis/Tripoli",
        amb="Tripoli",  # also Lebanon's second city
    ),
    Country(
        "MDG", "MG", "Q1019", "Madagascar",
        en="Malagasy", de="madagassisch", de_dem="e:Madagass", fr="malgache",
        names={"en": "Republic of Madagascar", "de": "Republik Madagaskar",
               "fr": "République de Madagascar"},
        cap="Antananarivo",
    ),
    Country(
        "MWI", "MW", "Q1020", "Malawi",
        en="Malawian+", de="malawisch", de_dem="er:Malawier", fr="malawien", fr_g="le",
        names={"en": "Republic of Malawi", "de": "Republik Malawi",
               "fr": "République du Malawi"},
        cap="Lilongwe",
    ),
    Country(
        "MLI", "ML", "Q912", "Mali",
        en="Malian+", de="malisch", de_dem="er:Malier", fr="malien", fr_g="le",
        adj=A("maliense", "maliano", "malijski", "малийский", "малійський"),
        names={"en": "Republic of Mali", "de": "Republik Mali", "fr": "République du Mali"},
        cap="Bamako",
    ),
    Country(
        "MRT", "MR", "Q1025", "Mauritania",
        en="Mauritanian+", de="mauretanisch", de_dem="er:Mauretanier", fr="mauritanien",
        fr_g="la",
        names={"en": "Islamic Republic of Mauritania",
               "de": "Islamische Republik Mauretanien",
               "fr": "République islamique de Mauritanie"},
        cap="Nouakchott",
    ),
    Country(
        "MUS", "MU", "Q1027", "Mauritius",
        en="Mauritian+", de="mauritisch", de_dem="er:Mauritier", fr="mauricien",
        names={"en": "Republic of Mauritius", "de": "Republik Mauritius",
               "fr": "l'île Maurice, île Maurice, République de Maurice"},
        cap="Port Louis/Port Louis/Port-Louis",
        amb="Maurice",  # a given name
    ),
    Country(
        "MAR", "MA", "Q1028", "Morocco",
        en="Moroccan+", de="marokkanisch", de_dem="er:Marokkaner", fr="marocain", fr_g="le",
        adj=A("marroquí", "marocchino", "marokański", "марокканский", "марокканський"),
        names={"en": "Kingdom of Morocco", "de": "Königreich Marokko",
               "fr": "Royaume du Maroc"},
        cap="Rabat",
    ),
    Country(
        "MOZ", "MZ", "Q1029", "Mozambique",
        en="Mozambican+", de="mosambikanisch", de_dem="er:Mosambikaner",
        fr="mozambicain", fr_g="le",
        names={"en": "Republic of Mozambique", "de": "Republik Mosambik",
               "fr": "République du Mozambique"},
        cap="Maputo",
    ),
    Country(
        "NAM", "NA", "Q1030", "Namibia",
        en="Namibian+", de="namibisch", de_dem="er:Namibier", fr="namibien", fr_g="la",
        names={"en": "Republic of Namibia", "de": "Republik Namibia",
               "fr": "République de Namibie"},
        cap="Windhoek/Windhuk, Windhoek/Windhoek",
    ),
    Country(
        "NER", "NE", "Q1032", "Niger",
        en="Nigerien+", de="nigrisch", de_dem="er:Nigrer", fr="nigérien", fr_g="le",
        de_g="m",
        adj=A("nigerino", "nigerino", "nigerski", "нигерский", "нігерський"),
        names={"en": "Republic of the Niger, Republic of Niger", "de": "Republik Niger",
               "fr": "République du Niger"},
        cap="Niamey",
    ),
    Country(
        "NGA", "NG", "Q1033", "Nigeria",
        en="Nigerian+", de="nigerianisch", de_dem="er:Nigerianer", fr="nigérian, nigerian",
        fr_g="le",
        adj=A("nigeriano", "nigeriano", "nigeryjski", "нигерийский", "нігерійський"),
        names={"en": "Federal Republic of Nigeria", "de": "Bundesrepublik Nigeria",
               "fr": "République fédérale du Nigeria, Nigéria"},
        cap="Abuja",
    ),
    Country(
        "RWA", "RW", "Q1037", "Rwanda",
        en="Rwandan+", de="ruandisch", de_dem="er:Ruander", fr="rwandais", fr_g="le",
        names={"en": "Republic of Rwanda", "de": "Republik Ruanda, Rwanda",
               "fr": "République du Rwanda"},
        cap="Kigali",
    ),
    Country(
        "STP", "ST", "Q1039", "São Tomé and Príncipe",
        en="São Toméan+, Santomean+", de="são-toméisch", fr="santoméen",
        names={"en": "Sao Tome and Principe", "fr": "São Tomé-et-Príncipe"},
    ),
    Country(
        "SEN", "SN", "Q1041", "Senegal",
        en="Senegalese", de="senegalesisch", de_dem="e:Senegales", fr="sénégalais",
        fr_g="le",
        names={"en": "Republic of Senegal", "de": "Republik Senegal",
               "fr": "République du Sénégal"},
        cap="Dakar",
    ),
    Country(
        "SYC", "SC", "Q1042", "Seychelles",
        en="Seychellois", de="seychellisch", fr="seychellois", fr_g="les", de_g="x",
        names={"en": "the Seychelles, Republic of Seychelles",
               "de": "die Seychellen, der Seychellen, den Seychellen"},
    ),
    Country(
        "SLE", "SL", "Q1044", "Sierra Leone",
        en="Sierra Leonean+", de="sierra-leonisch", fr="sierra-léonais", fr_g="la",
        names={"en": "Republic of Sierra Leone", "de": "Republik Sierra Leone"},
        cap="Freetown",
    ),
    Country(
        "SOM", "SO", "Q1045", "Somalia",
        en="Somali+, Somalian+", de="somalisch", de_dem="er:Somalier", fr="somalien",
        fr_g="la",
        adj=A("somalí", "somalo", "somalijski", "сомалийский", "сомалійський"),
        names={"en": "Federal Republic of Somalia", "de": "Bundesrepublik Somalia",
               "fr": "République fédérale de Somalie"},
        cap="Mogadishu/Mogadischu/Mogadiscio",
    ),
    Country(
        "ZAF", "ZA", "Q258", "South Africa",
        en="South African+", de="südafrikanisch", de_dem="er:Südafrikaner",
        fr="sud-africain", fr_g="l'",
        adj=A("sudafricano", "sudafricano", "południowoafrykański", "южноафриканский",
              "південноафриканський"),
        names={"en": "Republic of South Africa", "de": "Republik Südafrika",
               "fr": "République d'Afrique du Sud", "pl": "RPA", "ru": "ЮАР",
               "uk": "ПАР"},
        cap="Pretoria",
    ),
    Country(
        "SSD", "SS", "Q958", "South Sudan",
        en="South Sudanese", de="südsudanesisch", de_dem="e:Südsudanes",
        fr="sud-soudanais", fr_g="le", de_g="m",
        names={"en": "Republic of South Sudan", "de": "Republik Südsudan",
               "fr": "République du Soudan du Sud"},
        cap="Juba", met={"fr": "Djouba"},
    ),
    Country(
        "SDN", "SD", "Q1049", "Sudan",
        en="Sudanese", de="sudanesisch", de_dem="e:Sudanes", fr="soudanais", fr_g="le",
        de_g="m",
        adj=A("sudanés", "sudanese", "sudański", "суданский", "суданський"),
        names={"en": "the Sudan, Republic of the Sudan", "de": "Republik Sudan",
               "fr": "République du Soudan"},
        cap="Khartoum/Khartum/Khartoum", met={"en": "Port Sudan", "de": "Port Sudan",
                                              "fr": "Port-Soudan"},
    ),
    Country(
        "TZA", "TZ", "Q924", "Tanzania",
        en="Tanzanian+", de="tansanisch", de_dem="er:Tansanier", fr="tanzanien", fr_g="la",
        names={"en": "United Republic of Tanzania", "de": "Vereinigte Republik Tansania",
               "fr": "République unie de Tanzanie"},
        cap="Dodoma",
    ),
    Country(
        "TGO", "TG", "Q945", "Togo",
        en="Togolese", de="togoisch", de_dem="er:Togoer", fr="togolais", fr_g="le",
        names={"en": "Togolese Republic", "de": "Republik Togo",
               "fr": "République togolaise"},
        cap="Lomé",
    ),
    Country(
        "TUN", "TN", "Q948", "Tunisia",
        en="Tunisian+", de="tunesisch", de_dem="er:Tunesier", fr="tunisien", fr_g="la",
        adj=A("tunecino", "tunisino", "tunezyjski", "тунисский", "туніський"),
        names={"en": "Republic of Tunisia", "de": "Tunesische Republik",
               "fr": "République tunisienne"},
        cap="Tunis",
    ),
    Country(
        "UGA", "UG", "Q1036", "Uganda",
        en="Ugandan+", de="ugandisch", de_dem="er:Ugander", fr="ougandais", fr_g="l'",
        names={"en": "Republic of Uganda", "de": "Republik Uganda",
               "fr": "République de l'Ouganda"},
        cap="Kampala",
    ),
    Country(
        "ZMB", "ZM", "Q953", "Zambia",
        en="Zambian+", de="sambisch", de_dem="er:Sambier", fr="zambien", fr_g="la",
        names={"en": "Republic of Zambia", "de": "Republik Sambia",
               "fr": "République de Zambie"},
        cap="Lusaka",
    ),
    Country(
        "ZWE", "ZW", "Q954", "Zimbabwe",
        en="Zimbabwean+", de="simbabwisch", de_dem="er:Simbabwer", fr="zimbabwéen",
        fr_g="le",
        names={"en": "Republic of Zimbabwe", "de": "Republik Simbabwe, Zimbabwe",
               "fr": "République du Zimbabwe"},
        cap="Harare",
    ),
]

# --- The Americas -------------------------------------------------------------------
AMERICAS = [
    Country(
        "ATG", "AG", "Q781", "Antigua and Barbuda",
        en="Antiguan+, Barbudan+", de="antiguanisch", fr="antiguais",
        names={"en": "Antigua"},
    ),
    Country(
        "ARG", "AR", "Q414", "Argentina",
        en="Argentine+, Argentinian+", de="argentinisch", de_dem="er:Argentinier",
        fr="argentin", fr_g="l'",
        adj=A("argentino", "argentino", "argentyński", "аргентинский", "аргентинський"),
        names={"en": "Argentine Republic", "de": "Argentinische Republik",
               "fr": "République argentine"},
        cap="Buenos Aires", met={"en": "Casa Rosada", "de": "Casa Rosada", "fr": "Casa Rosada"},
    ),
    Country(
        "BHS", "BS", "Q778", "Bahamas",
        en="Bahamian+", de="bahamaisch", fr="bahaméen", fr_g="les", de_g="x",
        names={"en": "The Bahamas, the Bahamas, Commonwealth of The Bahamas",
               "de": "die Bahamas, der Bahamas, den Bahamas"},
        cap="Nassau",
        amb="Nassau",  # also a German town and former duchy
    ),
    Country(
        "BRB", "BB", "Q244", "Barbados",
        en="Barbadian+, Bajan+", de="barbadisch", fr="barbadien", fr_g="la",
        cap="Bridgetown",
    ),
    Country(
        "BLZ", "BZ", "Q242", "Belize",
        en="Belizean+", de="belizisch", fr="bélizien", fr_g="le",
        names={"fr": "Bélize"},
        cap="Belmopan",
    ),
    Country(
        "BOL", "BO", "Q750", "Bolivia",
        en="Bolivian+", de="bolivianisch", de_dem="er:Bolivianer", fr="bolivien", fr_g="la",
        adj=A("boliviano", "boliviano", "boliwijski", "боливийский", "болівійський"),
        names={"en": "Plurinational State of Bolivia",
               "de": "Plurinationaler Staat Bolivien",
               "fr": "État plurinational de Bolivie"},
        cap="La Paz",
        amb="La Paz",  # also a Mexican city
    ),
    Country(
        "BRA", "BR", "Q155", "Brazil",
        en="Brazilian+", de="brasilianisch", de_dem="er:Brasilianer", fr="brésilien",
        fr_g="le",
        adj=A("brasileño", "brasiliano", "brazylijski", "бразильский", "бразильський"),
        names={"en": "Federative Republic of Brazil",
               "de": "Föderative Republik Brasilien",
               "fr": "République fédérative du Brésil"},
        cap="Brasília, Brasilia",
        met={"en": "Planalto, Planalto Palace", "de": "Planalto", "fr": "Planalto"},
    ),
    Country(
        "CAN", "CA", "Q16", "Canada",
        en="Canadian+", de="kanadisch", de_dem="er:Kanadier", fr="canadien", fr_g="le",
        adj=A("canadiense", "canadese", "kanadyjski", "канадский", "канадський"),
        cap="Ottawa",
    ),
    Country(
        "CHL", "CL", "Q298", "Chile",
        en="Chilean+", de="chilenisch", de_dem="e:Chilen", fr="chilien", fr_g="le",
        adj=A("chileno", "cileno", "chilijski", "чилийский", "чилійський"),
        names={"en": "Republic of Chile", "de": "Republik Chile",
               "fr": "République du Chili"},
        cap="Santiago/Santiago de Chile, Santiago/Santiago, Santiago du Chili",
        met={"en": "La Moneda", "de": "La Moneda", "fr": "La Moneda"},
        amb="Santiago",  # a given name; cities in Spain, Cuba and the Dominican Republic
    ),
    Country(
        "COL", "CO", "Q739", "Colombia",
        en="Colombian+", de="kolumbianisch", de_dem="er:Kolumbianer", fr="colombien",
        fr_g="la",
        adj=A("colombiano", "colombiano", "kolumbijski", "колумбийский", "колумбійський"),
        names={"en": "Republic of Colombia", "de": "Republik Kolumbien",
               "fr": "République de Colombie"},
        cap="Bogotá, Bogota",
    ),
    Country(
        "CRI", "CR", "Q800", "Costa Rica",
        en="Costa Rican+", de="costa-ricanisch", de_dem="er:Costa-Ricaner",
        fr="costaricien, costaricain", fr_g="le",
        names={"en": "Republic of Costa Rica", "de": "Republik Costa Rica",
               "fr": "République du Costa Rica"},
        cap="San José",
        amb="San José",  # also a Californian city
    ),
    Country(
        "CUB", "CU", "Q241", "Cuba",
        en="Cuban+", de="kubanisch", de_dem="er:Kubaner", fr="cubain",
        adj=A("cubano", "cubano", "kubański", "кубинский", "кубинський"),
        names={"en": "Republic of Cuba", "de": "Republik Kuba",
               "fr": "République de Cuba"},
        cap="Havana/Havanna/La Havane",
    ),
    Country(
        "DMA", "DM", "Q784", "Dominica",
        en="Dominican+", de="dominicanisch", fr="dominiquais", fr_g="la",
        names={"en": "Commonwealth of Dominica", "de": "Commonwealth Dominica"},
        cap="Roseau",
        # "Dominican" without context is the Dominican Republic; "Dominique" is a name.
        amb="Dominican, Dominicans, Dominique, la Dominique, de la Dominique",
    ),
    Country(
        "DOM", "DO", "Q786", "Dominican Republic",
        en="Dominican+", de="dominikanisch", de_dem="er:Dominikaner", fr="dominicain",
        fr_g="la", de_g="x",
        names={"en": "the Dominican Republic",
               "de": "die Dominikanische Republik, der Dominikanischen Republik",
               "es": "Dominicana"},
        cap="Santo Domingo",
    ),
    Country(
        "ECU", "EC", "Q736", "Ecuador",
        en="Ecuadorian+, Ecuadorean+", de="ecuadorianisch", de_dem="er:Ecuadorianer",
        fr="équatorien", fr_g="l'",
        adj=A("ecuatoriano", "ecuadoriano", "ekwadorski", "эквадорский", "еквадорський"),
        names={"en": "Republic of Ecuador", "de": "Republik Ecuador",
               "fr": "République de l'Équateur, Ecuador"},
        cap="Quito",
    ),
    Country(
        "SLV", "SV", "Q792", "El Salvador",
        en="Salvadoran+, Salvadorean+", de="salvadorianisch", de_dem="er:Salvadorianer",
        fr="salvadorien", fr_g="le",
        names={"en": "Republic of El Salvador", "de": "Republik El Salvador",
               "fr": "El Salvador, République du Salvador"},
        cap="San Salvador",
    ),
    Country(
        "GRD", "GD", "Q769", "Grenada",
        en="Grenadian+", de="grenadisch", fr="grenadien", fr_g="la",
        amb="Grenade, la Grenade, de la Grenade",  # French for Granada and for a grenade
    ),
    Country(
        "GTM", "GT", "Q774", "Guatemala",
        en="Guatemalan+", de="guatemaltekisch", de_dem="e:Guatemaltek",
        fr="guatémaltèque", fr_g="le",
        names={"en": "Republic of Guatemala", "de": "Republik Guatemala",
               "fr": "République du Guatemala"},
        cap="Guatemala City/Guatemala-Stadt/Guatemala",
    ),
    Country(
        "GUY", "GY", "Q734", "Guyana",
        en="Guyanese", de="guyanisch", fr="guyanien", fr_g="le",
        names={"en": "Co-operative Republic of Guyana"},
        cap="Georgetown",
        amb="Georgetown",  # a Washington neighbourhood and university; a Malaysian city
    ),
    Country(
        "HTI", "HT", "Q790", "Haiti",
        en="Haitian+", de="haitianisch", de_dem="er:Haitianer", fr="haïtien",
        names={"en": "Republic of Haiti", "de": "Republik Haiti",
               "fr": "République d'Haïti, Haiti"},
        cap="Port-au-Prince",
    ),
    Country(
        "HND", "HN", "Q783", "Honduras",
        en="Honduran+", de="honduranisch", de_dem="er:Honduraner", fr="hondurien",
        fr_g="le",
        names={"en": "Republic of Honduras", "de": "Republik Honduras",
               "fr": "République du Honduras"},
        cap="Tegucigalpa",
    ),
    Country(
        "JAM", "JM", "Q766", "Jamaica",
        en="Jamaican+", de="jamaikanisch", de_dem="er:Jamaikaner", fr="jamaïcain",
        fr_g="la",
        cap="Kingston",
        amb="Kingston",  # Kingston upon Thames, Kingston in Ontario
    ),
    Country(
        "MEX", "MX", "Q96", "Mexico",
        en="Mexican+", de="mexikanisch", de_dem="er:Mexikaner", fr="mexicain", fr_g="le",
        adj=A("mexicano", "messicano", "meksykański", "мексиканский", "мексиканський"),
        names={"en": "United Mexican States", "de": "Vereinigte Mexikanische Staaten",
               "fr": "États-Unis mexicains", "es": "Estados Unidos Mexicanos, Méjico"},
        cap="Mexico City/Mexiko-Stadt/Mexico",
    ),
    Country(
        "NIC", "NI", "Q811", "Nicaragua",
        en="Nicaraguan+", de="nicaraguanisch", de_dem="er:Nicaraguaner",
        fr="nicaraguayen", fr_g="le",
        names={"en": "Republic of Nicaragua", "de": "Republik Nicaragua",
               "fr": "République du Nicaragua"},
        cap="Managua",
    ),
    Country(
        "PAN", "PA", "Q804", "Panama",
        en="Panamanian+", de="panamaisch", de_dem="er:Panamaer", fr="panaméen", fr_g="le",
        names={"en": "Republic of Panama", "de": "Republik Panama",
               "fr": "République du Panama"},
        cap="Panama City/Panama-Stadt/Panama",
        amb="Panama City",  # also a city in Florida
    ),
    Country(
        "PRY", "PY", "Q733", "Paraguay",
        en="Paraguayan+", de="paraguayisch", de_dem="er:Paraguayer", fr="paraguayen",
        fr_g="le",
        names={"en": "Republic of Paraguay", "de": "Republik Paraguay",
               "fr": "République du Paraguay"},
        cap="Asunción, Asuncion",
    ),
    Country(
        "PER", "PE", "Q419", "Peru",
        en="Peruvian+", de="peruanisch", de_dem="er:Peruaner", fr="péruvien", fr_g="le",
        adj=A("peruano", "peruviano", "peruwiański", "перуанский", "перуанський"),
        names={"en": "Republic of Peru", "de": "Republik Peru",
               "fr": "République du Pérou"},
        cap="Lima",
    ),
    Country(
        "KNA", "KN", "Q763", "Saint Kitts and Nevis",
        en="Kittitian+, Nevisian+",
        names={"en": "St Kitts and Nevis, St. Kitts and Nevis, "
                     "Federation of Saint Christopher and Nevis",
               "de": "Sankt Kitts und Nevis"},
        cap="Basseterre",
    ),
    Country(
        "LCA", "LC", "Q760", "Saint Lucia",
        en="Saint Lucian+, St Lucian+", de="lucianisch", fr="saint-lucien",
        names={"en": "St Lucia, St. Lucia", "de": "Sankt Lucia"},
        cap="Castries",
    ),
    Country(
        "VCT", "VC", "Q757", "Saint Vincent and the Grenadines",
        en="Vincentian+", de="vincentisch", de_g="x",
        names={"en": "St Vincent and the Grenadines, St. Vincent and the Grenadines, "
                     "Saint Vincent",
               "fr": "Saint-Vincent-et-les-Grenadines"},
        cap="Kingstown",
    ),
    Country(
        "SUR", "SR", "Q730", "Suriname",
        en="Surinamese", de="surinamisch", fr="surinamais", fr_g="le",
        names={"en": "Republic of Suriname, Surinam", "de": "Republik Suriname",
               "fr": "République du Suriname"},
        cap="Paramaribo",
    ),
    Country(
        "TTO", "TT", "Q754", "Trinidad and Tobago",
        en="Trinidadian+, Tobagonian+", de="trinidadisch", fr="trinidadien",
        names={"en": "Republic of Trinidad and Tobago, Trinidad",
               "fr": "Trinidad-et-Tobago"},
        cap="Port of Spain/Port of Spain/Port-d'Espagne",
    ),
    Country(
        "USA", "US", "Q30", "United States",
        en="American+", de="amerikanisch, US-amerikanisch",
        de_dem="er:Amerikaner, er:US-Amerikaner", fr="américain, états-unien, étasunien",
        fr_g="les", de_g="x",
        adj=A("estadounidense, norteamericano", "statunitense, americano", "amerykański",
              "американский", "американський"),
        names={"en": "the United States, United States of America, "
                     "the United States of America, US, U.S., the US, the U.S., USA, U.S.A., "
                     "America",
               "de": "USA, die USA, der USA, den USA, die Vereinigten Staaten, "
                     "der Vereinigten Staaten, den Vereinigten Staaten, "
                     "Vereinigte Staaten von Amerika, Amerika, Amerikas, US",
               "fr": "Etats-Unis, les Etats-Unis, des Etats-Unis, aux Etats-Unis, "
                     "États-Unis d'Amérique, USA, les USA, Amérique, l'Amérique",
               "es": "Estados Unidos de América, EE. UU., EE.UU., EEUU, USA",
               "it": "Stati Uniti d'America, USA, America",
               "pl": "USA, Stanów Zjednoczonych, Stanach Zjednoczonych, Ameryka",
               "ru": "Соединённые Штаты, Соединённые Штаты Америки, США, Америка",
               "uk": "Сполучені Штати Америки, США, Америка"},
        cap="Washington",
        met={"en": "the White House, White House, the Pentagon, Pentagon",
             "de": "Weißes Haus, das Weiße Haus, des Weißen Hauses, dem Weißen Haus, "
                   "Weißen Haus, Pentagon, das Pentagon",
             "fr": "la Maison-Blanche, Maison-Blanche, la Maison Blanche, Maison Blanche, "
                   "le Pentagone, Pentagone",
             "ru": "Вашингтон, Белый дом", "uk": "Вашингтон, Білий дім",
             "pl": "Waszyngton, Biały Dom"},
        # The continent, and part of "Latin America" or "South America".
        amb="America, Amerika, Amerikas, Amérique, l'Amérique, Ameryka, Америка",
    ),
    Country(
        "URY", "UY", "Q77", "Uruguay",
        en="Uruguayan+", de="uruguayisch", de_dem="er:Uruguayer", fr="uruguayen",
        fr_g="l'",
        names={"en": "Oriental Republic of Uruguay",
               "de": "Republik Östlich des Uruguay",
               "fr": "République orientale de l'Uruguay"},
        cap="Montevideo",
    ),
    Country(
        "VEN", "VE", "Q717", "Venezuela",
        en="Venezuelan+", de="venezolanisch", de_dem="er:Venezolaner", fr="vénézuélien",
        fr_g="le",
        adj=A("venezolano", "venezuelano", "wenezuelski", "венесуэльский",
              "венесуельський"),
        names={"en": "Bolivarian Republic of Venezuela",
               "de": "Bolivarische Republik Venezuela",
               "fr": "République bolivarienne du Venezuela, Vénézuéla"},
        cap="Caracas",
    ),
]

# --- Oceania ------------------------------------------------------------------------
_MICRONESIA_REGION = (
    "Micronesia, Micronesian, Micronesians, Mikronesien, Micronésie, la Micronésie, "
    "de la Micronésie, mikronesisch, mikronesische, mikronesischen, mikronesischer, "
    "mikronesisches, mikronesischem, micronésien, micronésienne, micronésiens, "
    "micronésiennes, Micronésien, Micronésienne, Micronésiens, Micronésiennes"
)

OCEANIA = [
    Country(
        "AUS", "AU", "Q408", "Australia",
        en="Australian+, Aussie+", de="australisch", de_dem="er:Australier",
        fr="australien", fr_g="l'",
        adj=A("australiano", "australiano", "australijski", "австралийский",
              "австралійський"),
        names={"en": "Commonwealth of Australia", "de": "Australiens"},
        cap="Canberra",
    ),
    Country(
        "FJI", "FJ", "Q712", "Fiji",
        en="Fijian+", de="fidschianisch", de_dem="er:Fidschianer", fr="fidjien",
        fr_g="les",
        names={"en": "Republic of Fiji", "de": "Republik Fidschi, Fidschi-Inseln",
               "fr": "Îles Fidji, République des Fidji"},
        cap="Suva",
    ),
    Country(
        "KIR", "KI", "Q710", "Kiribati",
        en="I-Kiribati", de="kiribatisch", fr="kiribatien",
        names={"en": "Republic of Kiribati", "de": "Republik Kiribati",
               "fr": "République de Kiribati"},
        cap="Tarawa, South Tarawa/Tarawa/Tarawa",
    ),
    Country(
        "MHL", "MH", "Q709", "Marshall Islands",
        en="Marshallese", de="marshallisch", fr="marshallais", fr_g="les", de_g="x",
        names={"en": "the Marshall Islands, Republic of the Marshall Islands",
               "de": "die Marshallinseln, der Marshallinseln, den Marshallinseln",
               "fr": "République des Îles Marshall"},
        cap="Majuro",
    ),
    Country(
        "FSM", "FM", "Q702", "Micronesia",
        en="Micronesian+", de="mikronesisch", fr="micronésien", fr_g="la",
        names={"en": "Federated States of Micronesia, the Federated States of Micronesia",
               "de": "Föderierte Staaten von Mikronesien",
               "fr": "États fédérés de Micronésie",
               "es": "Estados Federados de Micronesia",
               "it": "Stati Federati di Micronesia"},
        cap="Palikir",
        amb=_MICRONESIA_REGION,  # also the whole island region
    ),
    Country(
        "NRU", "NR", "Q697", "Nauru",
        en="Nauruan+", de="nauruisch", fr="nauruan",
        names={"en": "Republic of Nauru", "de": "Republik Nauru",
               "fr": "République de Nauru"},
    ),
    Country(
        "NZL", "NZ", "Q664", "New Zealand",
        en="New Zealand, New Zealander+, Kiwi+", de="neuseeländisch",
        de_dem="er:Neuseeländer", fr="néo-zélandais", fr_g="la",
        adj=A("neozelandés", "neozelandese", "nowozelandzki", "новозеландский",
              "новозеландський"),
        names={"en": "Aotearoa"},
        cap="Wellington",
        amb="Kiwi, Kiwis",  # the bird and the fruit
    ),
    Country(
        "PLW", "PW", "Q695", "Palau",
        en="Palauan+", de="palauisch",
        names={"en": "Republic of Palau", "de": "Republik Palau",
               "fr": "République des Palaos, Palau"},
        cap="Ngerulmud",
    ),
    Country(
        "PNG", "PG", "Q691", "Papua New Guinea",
        en="Papua New Guinean+", de="papua-neuguineisch", fr="papouan-néo-guinéen",
        fr_g="la",
        names={"en": "Independent State of Papua New Guinea, PNG",
               "ru": "Папуа-Новая Гвинея"},
        cap="Port Moresby",
    ),
    Country(
        "WSM", "WS", "Q683", "Samoa",
        en="Samoan+", de="samoanisch", fr="samoan",
        names={"en": "Independent State of Samoa", "de": "Unabhängiger Staat Samoa",
               "fr": "État indépendant des Samoa, les Samoa"},
        cap="Apia",
    ),
    Country(
        "SLB", "SB", "Q685", "Solomon Islands",
        en="Solomon Islander+", de="salomonisch", fr="salomonais", fr_g="les", de_g="x",
        names={"en": "the Solomon Islands",
               "de": "die Salomonen, der Salomonen, den Salomonen, Salomoninseln"},
        cap="Honiara",
    ),
    Country(
        "TON", "TO", "Q678", "Tonga",
        en="Tongan+", de="tongaisch", fr="tongien",
        names={"en": "Kingdom of Tonga", "de": "Königreich Tonga",
               "fr": "Royaume des Tonga, les Tonga"},
        cap="Nuku'alofa",
    ),
    Country(
        "TUV", "TV", "Q672", "Tuvalu",
        en="Tuvaluan+", de="tuvaluisch", fr="tuvaluan",
        cap="Funafuti",
    ),
    Country(
        "VUT", "VU", "Q686", "Vanuatu",
        en="Ni-Vanuatu, Vanuatuan+", de="vanuatuisch", fr="vanuatais", fr_g="le",
        names={"en": "Republic of Vanuatu", "de": "Republik Vanuatu",
               "fr": "République de Vanuatu"},
        cap="Port Vila/Port Vila/Port-Vila",
    ),
]

# --- States outside the UN ----------------------------------------------------------
OTHERS = [
    Country(
        "XKX", "XK", "Q1246", "Kosovo",
        en="Kosovar+, Kosovan+", de="kosovarisch", de_dem="e:Kosovar", fr="kosovar",
        fr_g="le", de_g="x", un="",
        adj=A("kosovar", "kosovaro", "kosowski", "косовский", "косовський"),
        names={"en": "Republic of Kosovo",
               "de": "das Kosovo, der Kosovo, des Kosovo, des Kosovos, dem Kosovo, "
                     "den Kosovo, Republik Kosovo",
               "fr": "République du Kosovo"},
        cap="Pristina, Prishtina/Pristina, Priština/Pristina",
    ),
]

# fmt: on

COUNTRIES = [*EUROPE, *ASIA, *AFRICA, *AMERICAS, *OCEANIA, *OTHERS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    # The babel version is part of the output: another CLDR release may name a
    # territory differently, and --check should say so rather than fail silently.
    header = HEADER + f"# Territory names from babel {babel.__version__}.\n"
    text = render((build_entry(c) for c in COUNTRIES), header)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale: run tools/build_countries.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(COUNTRIES)} entities to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
