from __future__ import annotations

from storyline.document import Document, Published
from storyline.ingest.dedup import NUM_PERM, band_keys, signature, similarity
from storyline.store import Store

WIRE = (
    "The foreign ministers of the Northern Concord agreed on Friday to draw up plans for a "
    "multinational force that would monitor the ceasefire line in the Lissar Valley. Aurevia, "
    "which proposed the mission, said it would contribute 3,000 troops, while Estmark, Valdoria "
    "and Quellan declined to send soldiers. Belmora said it was still studying the request and "
    "would decide after consulting parliament. Officials said the alliance hoped to have a "
    "mandate from the United Assembly before the end of April, but diplomats cautioned that "
    "several members remained sceptical about the size and cost of the mission."
)
REWRITE_A = "Concord moves ahead on Lissar force\n\nSELMONT (Meridian) — " + WIRE
REWRITE_B = (
    "Ministers back monitoring plan\n\n" + WIRE + "\n\nThe Northgate Times contributed reporting."
)
OTHER = (
    "Drovenia's chancellor told parliament on Wednesday that no Drovenian soldiers would be "
    "sent to the Lissar Valley, whatever the alliance decided. Opposition leaders accused her of "
    "abandoning partners at a critical moment, and the defence committee scheduled a hearing on "
    "the country's obligations under the treaty for the following week."
)


def test_signatures_are_stable_and_sized() -> None:
    assert signature(WIRE) == signature(WIRE)
    assert len(signature(WIRE)) == NUM_PERM and len(band_keys(signature(WIRE))) == 30


def test_rewrites_of_one_wire_story_are_similar_and_other_stories_are_not() -> None:
    assert similarity(signature(REWRITE_A), signature(REWRITE_B)) > 0.7
    assert similarity(signature(WIRE), signature(OTHER)) < 0.1


def _doc(text: str, source: str, outlet: str, day: str) -> Document:
    return Document.from_raw(
        text, source, text=text, outlet=outlet, published=Published(day, "day", "metadata")
    )


def test_store_groups_wire_copies_and_marks_the_earliest_as_first_report(store: Store) -> None:
    late = _doc(REWRITE_B, "nt.txt", "Northgate Times", "2026-03-21")
    early = _doc(REWRITE_A, "mw.txt", "Meridian Wire", "2026-03-20")
    other = _doc(OTHER, "hc.txt", "The Harbour Chronicle", "2026-03-20")
    for doc in (late, other, early):  # ingest order differs from publication order
        store.write_document(doc, "k", signature(doc.text))
    groups = store.near_duplicate_groups()
    assert len(groups) == 1
    [members] = groups.values()
    assert [m for m, _ in members] == [early.id, late.id]
    # Each copy keeps its own outlet and date.
    stored = store.get(late.id)
    assert stored is not None and stored.outlet == "Northgate Times"
    assert stored.published.date == "2026-03-21"


def test_reingesting_does_not_duplicate_group_rows(store: Store) -> None:
    a = _doc(REWRITE_A, "mw.txt", "Meridian Wire", "2026-03-20")
    b = _doc(REWRITE_B, "nt.txt", "Northgate Times", "2026-03-21")
    for _ in range(2):
        for doc in (a, b):
            store.write_document(doc, "k", signature(doc.text))
    assert store.count("documents") == 2
    assert [len(m) for m in store.near_duplicate_groups().values()] == [2]
