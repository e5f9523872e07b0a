"""Which knowledge-base role a Wikidata office is, and what it is the office of.

An office ("Minister of Foreign Affairs of Ukraine") is mapped by walking it and its
``subclass of`` (P279) ancestors, nearest first, until one of them is recognised:

1. ``OFFICES``: specific offices whose QID we are certain of, with their jurisdiction;
2. ``CLASSES``: generic classes of office ("head of government", "minister of foreign
   affairs") whose QIDs we are certain of;
3. ``LABEL_ROLES``: patterns on the English label, for everything else.

What the office is of comes from the same walk: the first ``applies to jurisdiction``
(P1001) found, else the first ``country`` (P17). A statement's own qualifiers take precedence
over both (see ``wikidata.py``). Users extend ``OFFICES`` per import with ``extra``.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from storyline.kb.wikidata_read import Thing

# Specific offices. Only QIDs checked against independent sources belong here.
OFFICES: dict[str, tuple[tuple[str, ...], str]] = {
    # President of the United States: heads both the state and the government.
    "Q11696": (("head_of_state", "head_of_government"), "country:USA"),
}

# Generic classes of office that specific offices are subclasses of.
CLASSES: dict[str, tuple[str, ...]] = {
    "Q48352": ("head_of_state",),  # head of state
    "Q2285706": ("head_of_government",),  # head of government
    "Q14212": ("head_of_government",),  # prime minister
    "Q7330070": ("foreign_minister",),  # minister of foreign affairs
    # president: a country's president is its head of state (which is why US and similar
    # offices are listed above with both roles); an organisation's keeps the title.
    "Q30461": ("president",),
}

# A label naming a deputy, a junior or a shadow office is not the office itself.
_NOT_THE_OFFICE = re.compile(
    r"\b(?:deputy|vice|assistant|shadow|acting|junior|under-?secretary|minister of state)\b"
)
# Checked in order on the lower-cased English label; the first match wins, so the more
# specific patterns come first ("vice president" before "president").
LABEL_ROLES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), role)
    for pattern, role in (
        (r"\bvice[- ]president\b", "vice_president"),
        (
            r"\bforeign (?:affairs )?ministry spokes|\bstate department spokes",
            "foreign_ministry_spokesperson",
        ),
        (r"\bspokes(?:person|man|woman)\b|\bpress secretary\b", "spokesperson"),
        (
            r"\bprime minister\b|\bpremier\b|\bhead of government\b|\btaoiseach\b"
            r"|\bfederal chancellor\b|\bchancellor of (?:germany|austria)\b"
            r"|\bpresident of the (?:government|council of ministers)\b",
            "head_of_government",
        ),
        (
            r"\bhead of state\b|\bmonarch\b|\bsupreme leader\b"
            r"|\b(?:king|queen|emperor|emir|sultan) of\b",
            "head_of_state",
        ),
        (
            r"\bforeign (?:affairs )?(?:minister|secretary)\b|\bminister of external affairs\b"
            r"|\b(?:minister|secretary|ministry) (?:of|for) (?:europe and )?foreign\b"
            r"|\bsecretary of state for foreign\b|^united states secretary of state$",
            "foreign_minister",
        ),
        (
            r"\bdefen[cs]e (?:minister|secretary)\b|\bsecretary of defense\b"
            r"|\b(?:minister|secretary)(?: of state)? (?:of|for) (?:national )?defen[cs]e\b"
            r"|\bminister (?:of|for) (?:the )?armed forces\b",
            "defence_minister",
        ),
        (
            r"\bfinance minister\b|\bminister (?:of|for) finance\b|\bchancellor of the exchequer\b"
            r"|\bsecretary of the treasury\b",
            "finance_minister",
        ),
        (r"\bsecretary[- ]general\b", "secretary_general"),
        (r"\bhigh representative\b", "high_representative"),
        (r"\bhigh commissioner\b", "high_commissioner"),
        (r"\bdirector[- ]general\b", "director_general"),
        (r"\bmanaging director\b", "managing_director"),
        (r"\bpresident\b", "president"),
    )
)
# Real chains are short (office -> generic office -> "minister" -> "position"); climbing
# further only reaches abstract classes whose labels would match by accident.
MAX_DEPTH = 4


@dataclass(frozen=True)
class Office:
    roles: tuple[str, ...] = ()
    of_qid: str | None = None  # jurisdiction found on the office or its classes
    of_id: str | None = None  # jurisdiction given directly by OFFICES


def label_roles(label: str | None) -> tuple[str, ...]:
    if not label:
        return ()
    text = label.lower()
    vice = LABEL_ROLES[0]
    if vice[0].search(text):
        return (vice[1],)
    if _NOT_THE_OFFICE.search(text):
        return ()
    return next(((role,) for pattern, role in LABEL_ROLES[1:] if pattern.search(text)), ())


def _own_roles(
    qid: str, thing: Thing | None, extra: Mapping[str, tuple[str, ...]]
) -> tuple[str, ...]:
    if qid in extra:
        return extra[qid]
    if qid in OFFICES:
        return OFFICES[qid][0]
    if qid in CLASSES:
        return CLASSES[qid]
    labels = thing.labels if thing else {}
    return label_roles(labels.get("en") or labels.get("mul"))


def describe_office(
    qid: str, things: Mapping[str, Thing], extra: Mapping[str, tuple[str, ...]] | None = None
) -> Office:
    """The roles an office stands for and what it is of, from it and its ancestors."""
    extra = extra or {}
    roles: tuple[str, ...] = ()
    of_qid: str | None = None
    of_id = OFFICES[qid][1] if qid in OFFICES else None
    queue: deque[tuple[str, int]] = deque([(qid, 0)])
    seen = {qid}
    while queue and not (roles and (of_qid or of_id)):
        node, depth = queue.popleft()
        thing = things.get(node)
        roles = roles or _own_roles(node, thing, extra)
        if thing is not None and of_qid is None:
            of_qid = next(iter(thing.jurisdiction or thing.country), None)
        if thing is None or depth >= MAX_DEPTH:
            continue
        for parent in thing.subclass_of:
            if parent not in seen:
                seen.add(parent)
                queue.append((parent, depth + 1))
    return Office(roles=roles, of_qid=of_qid, of_id=of_id)
