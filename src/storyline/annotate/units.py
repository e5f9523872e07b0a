"""The counted unit next to a number, the same name in every language.

"800 soldiers", "800 Soldaten", "800 soldats" and "800 Bundeswehrsoldaten" all count
``troops``; "€40 million", "40 Mio. Euro" and "40 millions d'euros" are ``money:EUR``.
``find_figures`` pairs every number from ``find_numbers`` with its unit and keeps those
that count something we know: a number without a unit ("on day 3") is no figure.

Where the unit is looked for, in this order:

1. a currency sign inside the number's own span ("up to €40 million") or right before it;
2. right after the number: a sign ("27%", "94.000 $"), a hyphenated unit ("12,000-strong"),
   or a unit noun up to two modifiers away ("800 Belmoran soldiers", "150 zusätzliche
   Soldaten"), across the French "de"/"d'" ("40 millions d'euros") and the English "of"
   after "thousands"/"millions";
3. before it, for a handful of force nouns ("a force of 12,000", "une force de 12 000").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.annotate.numbers import NumberMatch, find_numbers
from storyline.document import Figure


@dataclass(frozen=True, slots=True)
class UnitMatch:
    start: int
    end: int
    text: str
    unit: str


def _lang(language: str) -> str:
    code = (language or "en")[:2].casefold()
    return code if code in ("en", "de", "fr") else "en"


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# --- currencies -------------------------------------------------------------------------------

_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH", "₿": "BTC"}
# A bare "$" is taken for the US dollar: the common reading in international news.
_DOLLAR_PREFIXES = {
    "us": "USD", "u.s.": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "cad": "CAD",
    "a": "AUD", "au": "AUD", "aud": "AUD", "hk": "HKD", "hkd": "HKD", "nz": "NZD",
    "nzd": "NZD", "mex": "MXN", "mx": "MXN", "mxn": "MXN", "r": "BRL",
}  # fmt: skip
_CODES = _words(
    "EUR USD GBP CHF JPY CNY RUB UAH CAD AUD HKD NZD SEK NOK DKK PLN CZK HUF TRY INR BRL MXN BTC"
)
# Lower-case codes that are no words in any of our languages ("try", "cad" are).
_LOWER_CODES = frozenset({"usd", "eur", "gbp", "chf", "jpy", "cny", "rmb", "rub", "uah"})
_CODE_ALIASES = {"RMB": "CNY"}
# "C$", "A$", "R$" glued and upper case only: "a $5 fee" is no Australian money.
_SIGN_RE = (
    r"(?:(?<![\w.])(?P<pre>(?i:US|U\.S\.|USD|CA|CAD|AU|AUD|HK|HKD|NZ|NZD|MEX|MX|MXN) ?"
    r"|[CAR](?=\$)))?\$|[€£¥₽₴₿]"
)
_CODE_RE = "|".join(sorted(_CODES | set(_CODE_ALIASES)))
_MONEY_MARK = re.compile(rf"(?P<sign>{_SIGN_RE})|\b(?P<code>{_CODE_RE})\b")
_MONEY_BEFORE = re.compile(rf"(?:(?P<sign>{_SIGN_RE})|\b(?P<code>{_CODE_RE}))[\s\u00a0]?$")
_SIGN_AFTER = re.compile(rf"[\s\u00a0]?(?P<sign>{_SIGN_RE}|%|‰)")


def _money(mark: re.Match[str]) -> str:
    prefix = mark.group("pre")
    if prefix:
        return "money:" + _DOLLAR_PREFIXES[prefix.strip().casefold()]
    if mark.group("sign"):
        return "money:" + _SIGNS[mark.group("sign")[-1]]
    return "money:" + _code(mark.group("code"))


def _code(word: str) -> str:
    upper = word.upper()
    return _CODE_ALIASES.get(upper, upper)


def _currency_code(word: str) -> str | None:
    """ISO code for "USD" / "usd" written as a unit word, else None."""
    if word.isupper() and (word in _CODES or word in _CODE_ALIASES):
        return _code(word)
    if word in _LOWER_CODES:
        return _code(word)
    return None


# --- nouns ------------------------------------------------------------------------------------

# unit: the words (casefolded) that name it, one line per unit.
_LEXICON = {
    "en": """
        troops: troops soldiers soldier personnel engineers medics peacekeepers servicemen
                servicemembers marines paratroopers sappers
        countries: countries country nations nation states
        aircraft: jets jet planes plane aircraft warplanes helicopters bombers
        ships: ships ship vessels vessel frigates frigate warships destroyers corvettes
               submarines
        km: km kms kilometres kilometers kilometre kilometer
        miles: miles mile
        people: people persons civilians residents inhabitants refugees men women children
                protesters demonstrators
        percent: percent
        money:EUR: euros euro
        money:USD: dollars dollar
        money:GBP: pounds pound sterling
        money:JPY: yen
        money:CNY: yuan renminbi
        money:RUB: roubles rubles rouble ruble
        money:UAH: hryvnias hryvnia
    """,
    "de": """
        troops: soldaten soldat soldatinnen soldatin truppen kräfte einsatzkräfte
                spezialkräfte streitkräfte mann sanitäter pioniere blauhelme fallschirmjäger
        countries: länder land staaten nationen
        aircraft: flugzeuge flugzeug jets jet kampfjets hubschrauber bomber eurofighter
        ships: schiffe schiff fregatten fregatte korvetten zerstörer u-boote
        km: km kilometer kilometern
        miles: meilen
        people: menschen personen zivilisten einwohner flüchtlinge demonstranten
        percent: prozent
        money:EUR: euro
        money:USD: dollar us-dollar
        money:GBP: pfund
        money:CHF: franken
        money:JPY: yen
        money:CNY: yuan
        money:RUB: rubel
        money:UAH: griwna hrywnja
    """,
    "fr": """
        troops: soldats soldat militaires hommes troupes parachutistes légionnaires ingénieurs
        countries: pays états etats nations
        aircraft: avions avion chasseurs hélicoptères helicopteres bombardiers
        ships: navires navire frégates frégate fregates corvettes destroyers sous-marins
        km: km kilomètres kilomètre kilometres
        miles: milles
        people: personnes civils habitants réfugiés manifestants
        percent: pourcent pourcents
        money:EUR: euros euro
        money:USD: dollars dollar
        money:GBP: livres livre
        money:JPY: yens yen
        money:CNY: yuans yuan
        money:RUB: roubles rouble
    """,
}


def _read_lexicon(table: str) -> dict[str, str]:
    nouns: dict[str, str] = {}
    unit = ""
    for line in table.strip().splitlines():
        head, sep, rest = line.strip().rpartition(": ")
        if sep:
            unit = head
        for word in (rest if sep else line).split():
            nouns[word] = unit
    return nouns


_NOUNS = {lang: _read_lexicon(table) for lang, table in _LEXICON.items()}
# Several-word units; tried before single nouns so "Canadian dollars" is not USD.
_PHRASES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (r"heads\s+of\s+state(?:\s+and\s+(?:of\s+)?government)?", "heads_of_state"),
        (r"per\s+cent", "percent"),
        (r"service\s+members", "troops"),
        (r"(?:US|U\.S\.)\s+dollars?", "money:USD"),
        (r"canadian\s+dollars?", "money:CAD"),
        (r"australian\s+dollars?", "money:AUD"),
        (r"hong\s+kong\s+dollars?", "money:HKD"),
        (r"swiss\s+francs?", "money:CHF"),
        (r"pounds?\s+sterling", "money:GBP"),
    ],
    "de": [
        (r"staats-\s+und\s+regierungschef(?:s|innen)?", "heads_of_state"),
        (r"staatschef(?:s|innen)?", "heads_of_state"),
        (r"kanadische[n]?\s+dollar", "money:CAD"),
        (r"australische[n]?\s+dollar", "money:AUD"),
        (r"schweizer\s+franken", "money:CHF"),
        (r"pfund\s+sterling", "money:GBP"),
    ],
    "fr": [
        (r"chefs?\s+d['’](?:é|e)tat(?:\s+et\s+de\s+gouvernement)?", "heads_of_state"),
        (r"casques\s+bleus", "troops"),
        (r"pour\s+cent", "percent"),
        (r"dollars?\s+(?:canadiens?|CAD)", "money:CAD"),
        (r"dollars?\s+australiens?", "money:AUD"),
        (r"dollars?\s+(?:américains?|US)", "money:USD"),
        (r"francs?\s+suisses?", "money:CHF"),
        (r"livres?\s+sterling", "money:GBP"),
        (r"bâtiments\s+de\s+guerre", "ships"),
        (r"avions\s+de\s+(?:chasse|combat)", "aircraft"),
    ],
}
_PHRASE_RE = {
    lang: [(re.compile(rf"{src}\b", re.IGNORECASE), unit) for src, unit in rules]
    for lang, rules in _PHRASES.items()
}
# German compounds are read by their last part: "Bundeswehrsoldaten", "EU-Staaten".
_DE_SUFFIXES = (
    ("soldatinnen", "troops"), ("soldaten", "troops"), ("truppen", "troops"),
    ("flugzeuge", "aircraft"), ("jets", "aircraft"), ("hubschrauber", "aircraft"),
    ("schiffe", "ships"), ("fregatten", "ships"), ("korvetten", "ships"),
    ("staaten", "countries"), ("länder", "countries"),
)  # fmt: skip
# "-kräfte" is left out on purpose: Arbeitskräfte, Lehrkräfte and Fachkräfte are no troops.
_DE_NOT_UNITS = frozenset({"bundesländer", "bundesstaaten", "entwicklungsländer"})


# Words a unit may hide behind ("800 Belmoran soldiers", "150 zusätzliche Soldaten") are
# any words except these, which end the search. Magnitude words are among them: one left
# after a number was not read as part of it and must not be skipped on to a unit.
_MAGNITUDES = _words(
    "hundred hundreds thousand thousands million millions billion billions hundert tausend "
    "millionen milliarde milliarden mio mrd cent cents mille milliers milliard milliards"
)
_STOP = {
    "en": _words(
        "the a an and or but to in on at for from by with as was were is are be been will "
        "would could should may might must has have had that which who whom this these those "
        "it its their his her our your than into per said says of over under while when "
        "where if"
    ),
    "de": _words(
        "der die das den dem des und oder aber zu in im an am auf aus bei mit nach von vom "
        "für gegen um über unter sind ist war waren wird werden wurde wurden hat haben hatte "
        "soll sollen sollten könnten als wie nicht auch noch bis pro je"
    ),
    "fr": _words(
        "le la les l un une des du et ou mais à au aux en dans pour par sur sous avec sans "
        "est sont était étaient sera seront a ont avait qui que qu se ne pas plus selon "
        "entre contre"
    ),
}
_MAX_MODIFIERS = 2
_WORD = re.compile(r"(?P<gap>[\s\u00a0]*)(?P<w>[^\W\d_]+(?:[-'’][^\W\d_]+)*-?)")
_PLURAL_AMOUNT = re.compile(r"(?:thousands|hundreds|millions|billions|dozens)$", re.IGNORECASE)
_QUOTE_CLOSE = re.compile(r"[\"”»’']")
_HYPHEN_UNIT = re.compile(r"-(?P<w>[^\W\d_]+)")
_FORCE_BEFORE = {
    "en": re.compile(r"\b(?P<w>force|contingent|deployment)\s+of\s+$", re.IGNORECASE),
    "de": re.compile(
        r"\b(?P<w>\w*(?:truppe|streitmacht|kontingent))\s+(?:von|mit|aus)\s+$", re.IGNORECASE
    ),
    "fr": re.compile(r"\b(?P<w>force|contingent)\s+(?:de\s+|d['’])$", re.IGNORECASE),
}


_STOP = {lang: words | _MAGNITUDES for lang, words in _STOP.items()}


def _noun_unit(word: str, lang: str) -> str | None:
    low = word.casefold().rstrip("-")
    unit = _NOUNS[lang].get(low)
    if unit is not None or lang != "de" or low in _DE_NOT_UNITS:
        return unit
    for suffix, suffix_unit in _DE_SUFFIXES:
        if low.endswith(suffix):
            return suffix_unit
    return None


def _money_code(word: str) -> str | None:
    code = _currency_code(word)
    return None if code is None else "money:" + code


def _unit_after(text: str, number: NumberMatch, lang: str) -> UnitMatch | None:
    pos = number.end
    sign = _SIGN_AFTER.match(text, pos)
    if sign is not None:
        s = sign.group("sign")
        unit = {"%": "percent", "‰": "permille"}.get(s) or _money(sign)
        return UnitMatch(sign.start("sign"), sign.end("sign"), s, unit)
    hyphen = _HYPHEN_UNIT.match(text, pos)
    if hyphen is not None:  # "12,000-strong", "240-kilometre", "siebenhundert-Euro"
        word = hyphen.group("w")
        named = "troops" if word.casefold() in ("strong", "troop") else _noun_unit(word, lang)
        if named is not None:
            return UnitMatch(hyphen.start("w"), hyphen.end("w"), word, named)
    quote = _QUOTE_CLOSE.match(text, pos)
    if quote is not None:  # officials speak of "up to 25,000" troops
        pos = quote.end()
    modifiers = 0
    bridge_of = lang == "en" and bool(_PLURAL_AMOUNT.search(number.text))
    while modifiers <= _MAX_MODIFIERS:
        m = _WORD.match(text, pos)
        if m is None or "\n\n" in m.group("gap") or (pos > number.end and not m.group("gap")):
            return None
        start, word = m.start("w"), m.group("w")
        for rx, phrase_unit in _PHRASE_RE[lang]:
            phrase = rx.match(text, start)
            if phrase is not None:
                return UnitMatch(start, phrase.end(), phrase.group(), phrase_unit)
        low = word.casefold()
        if lang == "fr" and low[:2] in ("d'", "d’"):  # "d'euros": the unit follows the elision
            start, word, low = start + 2, word[2:], low[2:]
        noun_unit = _noun_unit(word, lang) or _money_code(word)
        if noun_unit is not None:
            word = word.rstrip("-")
            return UnitMatch(start, start + len(word), word, noun_unit)
        bridge = (lang == "fr" and low in ("de", "d")) or (bridge_of and low == "of")
        if low in _STOP[lang] and not bridge:
            return None
        if not bridge:
            modifiers += 1
        pos = m.end()
        if bridge and (sign := _SIGN_AFTER.match(text, pos)) is not None:  # "millions de $"
            unit = {"%": "percent", "‰": "permille"}.get(sign.group("sign")) or _money(sign)
            return UnitMatch(sign.start("sign"), sign.end("sign"), sign.group("sign"), unit)
    return None


def find_unit(text: str, number: NumberMatch, language: str) -> UnitMatch | None:
    """The unit counted by ``number`` in ``text``, or None when it counts nothing we know."""
    lang = _lang(language)
    inside = _MONEY_MARK.search(number.text)
    if inside is not None:
        return UnitMatch(
            number.start + inside.start(),
            number.start + inside.end(),
            inside.group(),
            _money(inside),
        )
    before = _MONEY_BEFORE.search(text[max(0, number.start - 6) : number.start])
    if before is not None:
        offset = number.start - len(before.string) + before.start()
        mark = before.group("sign") or before.group("code")
        return UnitMatch(offset, offset + len(mark), mark, _money(before))
    after = _unit_after(text, number, lang)
    if after is not None:
        return after
    force = _FORCE_BEFORE[lang].search(text[max(0, number.start - 40) : number.start])
    if force is not None:
        offset = number.start - len(force.string) + force.start("w")
        return UnitMatch(offset, offset + len(force.group("w")), force.group("w"), "troops")
    return None


def find_figures(text: str, language: str) -> list[Figure]:
    """Numbers that count something, with their unit; claimant and measure are left open."""
    figures: list[Figure] = []
    for number in find_numbers(text, language):
        unit = find_unit(text, number, language)
        if unit is None:
            continue
        start, end = min(number.start, unit.start), max(number.end, unit.end)
        if figures and start < figures[-1].end:
            continue  # a unit before this number already belongs to the previous figure
        figures.append(
            Figure(
                start=start,
                end=end,
                text=text[start:end],
                value=number.value,
                min=number.min,
                max=number.max,
                qualifier=number.qualifier,
                unit=unit.unit,
            )
        )
    return figures
