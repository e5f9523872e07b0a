"""Inflected variants derived from the knowledge base's base forms.

The KB lists the forms its authors thought of; news text declines names the KB never spelt out:
German genitives ("Frankreichs", "Selenskyjs", "des Weißen Hauses"), German and French adjective
endings when only some are listed, English demonym plurals, and Slavic case endings on surnames
("Zełenskiego", "Ławrowa", "Путина"). The gazetteer adds these as *derived* forms: an explicit
form of any entity always wins over a derived one, so a derivation can never steal a real name
(derived "Lao"+"s" loses to the listed "Laos").
"""

from __future__ import annotations

import re

_SIBILANT_END = ("s", "ß", "x", "z")
_DE_ADJ = re.compile(r"^(?P<base>.+sch)(?:e|en|er|es|em)?$")
_DE_ENDINGS = ("", "e", "en", "er", "es", "em")
_SLAVIC_LANGS = frozenset({"pl", "cs", "sk", "hr", "sl", "sr", "bs", "ru", "uk", "be", "bg"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _is_name_like(form: str) -> bool:
    """Capitalised, not an acronym, Latin script, ending in a letter."""
    return (
        form[:1].isupper()
        and not form.replace(".", "").isupper()
        and form[-1:].isalpha()
        and not _CYRILLIC.search(form)
    )


def german_genitive(form: str) -> list[str]:
    """'Frankreich' -> 'Frankreichs'; 'Weißen Haus' -> 'Weißen Hauses'.

    Names ending in a sibilant take an apostrophe in German ("Morwitz'"), which the matcher
    already accepts because an apostrophe ends a word; only nouns among them ("Haus") take -es.
    """
    if not _is_name_like(form):
        return []
    if form.endswith(_SIBILANT_END):
        return [form + "es"]
    return [form + "s"]


def german_adjective(form: str) -> list[str]:
    """Every strong/weak ending of a German '-sch' adjective from any one of them."""
    if not form[:1].islower():
        return []
    m = _DE_ADJ.match(form)
    if not m:
        return []
    return [m["base"] + ending for ending in _DE_ENDINGS]


def german_demonym(form: str) -> list[str]:
    """Dative plural and feminine forms of a German demonym noun ('Norweger' -> 'Norwegern')."""
    if not form[:1].isupper() or form.isupper():
        return []
    if form.endswith("er"):
        return [form + "n", form + "in", form + "innen"]
    if form.endswith("e"):
        return [form + "n", form[:-1] + "in", form[:-1] + "innen"]
    return []


def french_adjective(form: str) -> list[str]:
    """Gender and number of a French adjective from its masculine singular (or any -e form)."""
    if not form[:1].islower() or " " in form:
        return []
    if form.endswith(("ais", "ois", "is")):  # singular = plural in the masculine
        return [form + "e", form + "es"]
    if form.endswith("e"):
        return [form + "s"]
    if form.endswith("s") or form.endswith("x"):
        return []
    if form.endswith(("ien", "éen", "on")):  # the consonant doubles: ukrainien -> ukrainienne
        return [form + "s", form + "ne", form + "nes"]
    return [form + "s", form + "e", form + "es"]


def english_demonym(form: str) -> list[str]:
    """'Aurevian' -> 'Aurevians', 'Israeli' -> 'Israelis'; '-ese', '-ish', '-ch' stay as is."""
    if not form[:1].isupper() or form.isupper():
        return []
    if form.endswith(("an", "i")):
        return [form + "s"]
    return []


def slavic_surname(form: str) -> list[str]:
    """Case endings on the last word of a person's name in Polish or Russian/Ukrainian.

    Only the regular, frequent patterns: adjectival surnames (-ski/-cki, -ий/-ый), feminine
    -ska, and consonant stems (Tusk, Ławrow, Путин). Irregular alternations are left out.
    """
    head, _, last = form.rpartition(" ")
    prefix = head + " " if head else ""
    if len(last) < 3 or not last[:1].isupper():
        return []
    out: list[str]
    if _CYRILLIC.search(last):
        if last.endswith(("ий", "ый")):
            out = [last[:-2] + e for e in ("ого", "ому", "им", "ім", "ом")]
        elif last[-1] in "бвгджзйклмнпрстфхцчшщ":
            instrumental = "ым" if last.endswith(("ов", "ев", "ёв", "ин", "ын")) else "ом"
            out = [last + e for e in ("а", "у", instrumental, "е")]
        else:
            out = []
    elif last.endswith(("ski", "cki", "dzki")):
        out = [last + "ego", last + "emu", last + "m"]
    elif last.endswith(("ska", "cka")):
        out = [last[:-1] + "iej", last[:-1] + "ą"]
    elif last.endswith("a"):
        out = [last[:-1] + e for e in ("y", "ę", "ą")]
    elif last[-1].isalpha() and last[-1].lower() not in "aeiouyąęó":
        out = [last + e for e in ("a", "owi", "em", "ie", "u")]
    else:
        out = []
    return [prefix + o for o in out]


def derived_forms(form: str, kind: str, lang: str, entity_type: str) -> list[str]:
    """Variants of one KB form that the text may use although the KB does not list them."""
    out: list[str] = []
    if kind in ("names", "metonyms"):
        out += german_genitive(form)
        if entity_type == "person" and lang in _SLAVIC_LANGS:
            out += slavic_surname(form)
    elif kind == "adjectives":
        if lang == "de":
            out += german_adjective(form) + german_demonym(form)
        elif lang == "fr":
            out += french_adjective(form)
        elif lang == "en":
            out += english_demonym(form)
    return [f for f in dict.fromkeys(out) if f != form]
