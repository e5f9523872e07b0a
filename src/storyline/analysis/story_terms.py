"""Content words of a title and lead, for the story index's word similarity.

Words are case-folded, at least three letters, not digits, and not function words or reporting
verbs of the document's language: those are in every article and, early in a stream when idf
knows little, would make unrelated articles look alike. Everything else is left to idf.
Unknown languages get the union of the lists (harmless: the words are function words anywhere).
"""

from __future__ import annotations

import math
import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]{3,}")

_EN = """
about above according after again against ago all also among and any are because been
before being below between both but can could day days did does doing done during each
first for friday from further get had has have having her here herself him himself his
how into its itself just last let may monday more most mr mrs ms new next not now off
old once one only onto other our ours out over own per put said same saturday say says
second see she should some such sunday than that the their them themselves then there
these they third this those through thursday today told tomorrow too tuesday two under
until upon use very via was wednesday week weeks were what when where which while who
why will with within without would year years yesterday yet you your
"""

_DE = """
ab aber als am an auch auf aus bei beim bereits bis dabei damit dann daran darauf das
dass davon dazu dem den denn der des dich die dienstag dies diese diesem diesen dieser
dieses dir doch donnerstag dort durch ein eine einem einen einer eines er erklärte es
euch freitag für gegen gestern haben hat hatte heißt heute hier hieß ich ihr ihre ihrem
ihren ihres im ins ist jahr jahre jetzt kann können laut man mehr mich mir mit mittwoch
montag morgen muss müssen nach nicht noch nur ob oder sagt sagte samstag schon sehr sei
seien sein seine seinem seinen seiner seit sich sie sind so soll sollen sonntag tag tage
um und uns unter vom von vor wann war waren was weil wenn wer werden wie will wir wird
wo woche wochen wollen wurde wurden zu zuletzt zum zur zwischen über
"""

_FR = """
affirmé ainsi alors année années après aujourd aussi aux avait avant avec avoir car ce
ces cet cette chez comme dans de demain depuis dernier dernière des dimanche dit doit
donc dont du déclaré déjà elle elles encore entre est estimé et faire fait hier hui il
ils indiqué jeudi jour jours la le les leur leurs lors lui lundi ma mais mardi mercredi
mes moins mon même ne ni nos notre nous ont ou où par pas pendant peut plus pour
prochain prochaine qu que qui quoi sa samedi sans se selon semaine semaines sera serait
seront ses si son sont sous sur ta tes ton tous tout toute toutes très un une vendredi
vers vos votre vous étaient était été être
"""


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP: dict[str, frozenset[str]] = {"en": _wordset(_EN), "de": _wordset(_DE), "fr": _wordset(_FR)}
_ANY = frozenset().union(*_STOP.values())


def content_words(text: str, language: str | None) -> tuple[tuple[str, float], ...]:
    """(word, 1 + ln(count)) pairs sorted by word."""
    stop = _STOP.get(language or "", _ANY)
    counts = Counter(w for w in (m.casefold() for m in _WORD.findall(text)) if w not in stop)
    return tuple((w, 1.0 + math.log(n)) for w, n in sorted(counts.items()))
