"""When does a capital or seat of government stand for its government?

"Selmont said", "Berlin lehnt ab", "Paris a refusé", "a reaction from Moscow", "selon
Castelbrun", "Moscow's position", "embarrassing Washington": the city acts, speaks or is acted
upon, so it means the country's government. "in Selmont", "à Hallstedt", a dateline
("SELMONT, March 16") or part of another name ("Zelmir Today") is a place, which the entity
layer does not annotate (the demo gold's convention: capitals as places are not mentions).
"""

from __future__ import annotations

from bisect import bisect_left

from storyline.annotate.entity_text import Token, words
from storyline.document import EntityMention

# Prepositions that make a city a place ("in Selmont", "nach Berlin", "à Paris").
_PLACE_PREP = words(
    """in at to near into onto from outside inside across around within via through toward towards
    nach im bei aus von vor hinter neben durch ab um à en dans vers depuis près chez de du par
    sur"""
)
# Prepositions that put a government in a relation with someone: "talks with Moscow".
_ACTOR_PREP = words("""with against between mit gegen zwischen avec contre entre""")
# Words that introduce a source: "according to Castelbrun", "selon Paris", "laut Berlin".
_SOURCE = words("""according selon laut d'après zufolge""")
# Nouns of saying/deciding that make "X from/of/de <city>" the government's act.
_ACTOR_NOUNS = words(
    """reaction response request demand pressure criticism warning offer proposal message signal
    statement word comment denial decision position answer objection approval refusal reaktion
    antwort anfrage forderung druck kritik warnung angebot vorschlag signal erklärung
    entscheidung haltung position absage zusage zustimmung ablehnung réaction réponse demande
    pression critique avertissement offre proposition message signal déclaration décision
    position refus accord feu"""
)
# Verbs of movement: "visited Moscow" is a trip, not the government.
_MOTION = words(
    """visited visit visiting visits reached reach reaching left leave leaving leaves toured flew
    travelled traveled arrived returned besuchte besucht besuchen verließ erreichte erreicht
    visité visite visitera quitté rejoint gagné"""
)
# Lower-case words that follow a place name without being its verb.
_FUNCTION = words(
    """and or on in at for with to of the an by from as last this next that which where near after
    before during since until but nor so yet today tomorrow yesterday time region area city
    airport und oder am im in an auf für mit zu von vom bei nach als wie sowie der die das den
    dem des ein eine zum zur über seit bis gegen ohne um unter vor hinter neben zwischen durch
    statt während heute morgen gestern et ou le la les de du des à au aux en dans pour par sur
    avec sans sous vers chez où que ce cette depuis entre contre mais donc car ni puis lundi
    mardi mercredi jeudi vendredi samedi dimanche hier demain aujourd'hui"""
)
_QUOTES = "«»\"“”„‘’'"
_ARTICLES = words("the le la les l' l’ der die das dem den des")


def _word_before(tokens: list[Token], i: int) -> tuple[int, Token | None]:
    """The nearest word token before index ``i``, looking through quote marks and articles
    ("à l'Élysée", "selon le Kremlin", "in the Kremlin")."""
    j = i - 1
    while j >= 0 and (tokens[j].text in _QUOTES or tokens[j].text.lower() in _ARTICLES):
        j -= 1
    return (j, tokens[j]) if j >= 0 else (j, None)


def _at_line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _sentence_initial(text: str, tokens: list[Token], j: int) -> bool:
    if j <= 0 or tokens[j - 1].text in '.!?:»«"“”„—–-':
        return True
    return "\n" in text[tokens[j - 1].end : tokens[j].start]


def governs(
    text: str, tokens: list[Token], mention: EntityMention, starts: list[int] | None = None
) -> bool:
    """Whether a capital / seat-of-government mention stands for the government here.
    ``starts`` are the tokens' start offsets, when the caller has them."""
    starts = [t.start for t in tokens] if starts is None else starts
    i = bisect_left(starts, mention.start)
    k = bisect_left(starts, mention.end)
    nxt = tokens[k] if k < len(tokens) else None
    # Part of a longer name ("Zelmir Today", "Radio Moscow")?
    if nxt and nxt.is_cap and nxt.is_word and text[mention.end : nxt.start] == " ":
        return False
    j, prev = _word_before(tokens, i)
    if (
        prev
        and prev.is_cap
        and prev.is_word
        and text[prev.end : mention.start] == " "
        and not _sentence_initial(text, tokens, j)
        and prev.text.lower() not in _SOURCE
    ):
        return False
    # A dateline: "SELMONT, March 16 (MERIDIAN) -", "Hallstedt. Kanzlerin …", "Zelmir (kpa) –".
    if _at_line_start(text, mention.start):
        rest = text[mention.end : mention.end + 3]
        if rest[:1] in (",", "(", ".") or rest.startswith((" (", " -", " –", " —")):
            return False
    if mention.text.isupper() and len(mention.text) > 3:
        return False  # an all-caps dateline city
    if text[mention.end : mention.end + 2] in ("'s", "’s"):
        return True  # "Moscow's position"
    if prev is not None:
        low = prev.text.lower()
        if low in _SOURCE or (low == "to" and j > 0 and tokens[j - 1].text.lower() == "according"):
            return True
        if low in _ACTOR_PREP:
            return True
        if low in _PLACE_PREP:
            _, before = _word_before(tokens, j)
            if before is not None and before.text.lower() in _ACTOR_NOUNS:
                return True  # "a reaction from Zelmir", "la demande de Selmont"
            # German V2: "Aus Zelmir gab es keine Reaktion" (sentence-initial "aus" + verb)
            return bool(
                low == "aus" and _sentence_initial(text, tokens, j) and nxt and nxt.text.islower()
            )
    # The next word: a verb or auxiliary ("Selmont said", "Berlin lehnt ab", "Zelmir n'a pas").
    m = k
    while m < len(tokens) and tokens[m].text in _QUOTES:
        m += 1
    if m < len(tokens):
        word = tokens[m].text
        if word[:1].islower() and word.lower() not in _FUNCTION:
            return True
    # The object of a verb: "to avoid embarrassing Selmont", "moves Castelbrun closer".
    if prev is not None and prev.is_word and prev.text[:1].islower():
        low = prev.text.lower()
        return low not in _FUNCTION and low not in _MOTION and low not in _PLACE_PREP
    return False
