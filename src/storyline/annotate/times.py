"""The ``times`` component: temporal expressions resolved against the publication date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from storyline.annotate.timex import find_times
from storyline.config import Config
from storyline.document import Document


def reference_date(doc: Document) -> date | None:
    """The date relative expressions are resolved against: the publication date, if known.

    An estimated date (from dates the text mentions) is not used: resolving the text's own
    relative dates against a guess derived from them would be circular.
    """
    published = doc.published
    if not published.date or published.method == "estimated":
        return None
    try:
        return date.fromisoformat(published.date[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Times:
    name: str = "times"
    requires: frozenset[str] = frozenset({"text", "language"})
    assigns: frozenset[str] = frozenset({"times"})

    def __call__(self, doc: Document) -> Document:
        found = find_times(doc.text, doc.language or "en", reference_date(doc))
        return doc.with_(times=tuple(found))


def make_times(settings: Config, config: Config) -> Times:
    return Times()
