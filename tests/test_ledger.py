"""The ledger: dated position histories, pledges with their status, claimed quantities."""

from __future__ import annotations

from typing import Any

from storyline.analysis.build import item_id
from storyline.analysis.ledger import build_ledger, item_date
from storyline.document import Document
from test_positions_support import TOPIC, analyse

ARTICLES = [
    ("2026-03-02", "Korsholm rejects the quota cut. Vestria will send two patrol ships to "
                   "enforce the quota."),
    ("2026-04-01", "Brenmark would send ships to police the quota only if the council pays "
                   "for the fuel."),
    ("2026-04-10", "Korsholm now supports the quota cut and will send one patrol ship, "
                   "spokesman Lars Dahlvik said."),
    ("2026-04-15", "Brenmark will send three ships to enforce the quota."),
    ("2026-04-20", "Vestria has quietly withdrawn its offer of two patrol ships for the quota "
                   "patrols, the newspaper claimed."),
]  # fmt: skip


def corpus() -> list[Document]:
    return [analyse(text, published=day, outlet=f"Outlet {i}")
            for i, (day, text) in enumerate(ARTICLES)]  # fmt: skip


def ledger() -> dict[str, Any]:
    (result,) = build_ledger(corpus(), [TOPIC])
    assert isinstance(result, dict)
    return result


def actor(entry: dict[str, Any], actor_id: str) -> dict[str, Any]:
    return next(a for a in entry["actors"] if a["actor"] == actor_id)


def test_history_latest_position_and_change() -> None:
    korsholm = actor(ledger(), "country:XKH")
    states = [(h["date"], h["stance"], h["commitment"]) for h in korsholm["history"]]
    assert states == [("2026-03-02", "oppose", None), ("2026-04-10", "support", "pledged")]
    assert korsholm["latest"]["stance"] == "support"
    assert korsholm["latest"]["date"] == "2026-04-10"
    (change,) = korsholm["changes"]
    assert (change["from"]["stance"], change["to"]["stance"]) == ("oppose", "support")
    assert [h["changed"] for h in korsholm["history"]] == [False, True]
    assert korsholm["history"][1]["speakers"] == ["person:lars-dahlvik"]


def test_position_ids_point_into_the_export() -> None:
    docs = corpus()
    ids = {item_id("positions", d.id, p.start, p.end, p.actor) for d in docs for p in d.positions}
    referenced = {pid for a in ledger()["actors"] for h in a["history"] for pid in h["positions"]}
    assert referenced == ids


def test_pledge_status_over_time() -> None:
    pledges = {(p["actor"], p["category"]): p for p in ledger()["pledges"]}
    brenmark = pledges[("country:XBM", "personnel")]
    assert [h["status"] for h in brenmark["history"]] == ["proposed", "pledged"]
    assert brenmark["status"] == "pledged"
    assert brenmark["conditions"] == ["only if the council pays for the fuel"]
    assert [(a["value"], a["unit"]) for a in brenmark["amounts"]] == [(3.0, "ships")]
    assert brenmark["offer"] == ["maritime"]
    vestria = pledges[("country:XVS", "personnel")]
    assert [(h["status"], h["certainty"]) for h in vestria["history"]] == [
        ("pledged", "asserted"),
        ("withdrawn", "alleged"),
    ]
    assert vestria["status"] == "pledged"  # a withdrawal only alleged does not end the pledge


def test_quantities_group_claims_per_actor_pledge() -> None:
    quantities = {(q["measures"], q["unit"], q["actor"]): q for q in ledger()["quantities"]}
    vestria = quantities[("pledge", "ships", "country:XVS")]
    assert [c["text"] for c in vestria["claims"]] == ["two patrol ships", "two patrol ships"]
    assert {c["outlet"] for c in vestria["claims"]} == {"Outlet 0", "Outlet 4"}


def test_item_date_prefers_the_stated_time() -> None:
    doc = analyse("On 2 March, Korsholm had rejected the quota cut.", published="2026-04-20")
    (p,) = doc.positions
    assert item_date(doc, p.start, p.end, None) == "2026-03-02"
    assert item_date(doc, p.start, p.end, "2026-02-01") == "2026-02-01"
    assert item_date(doc, p.start, p.end, "2026-W17") == "2026-04-20"
    undated = analyse("Korsholm rejects the quota cut.", published="2026-04-20")
    (q,) = undated.positions
    assert item_date(undated, q.start, q.end, None) == "2026-04-20"


def test_topics_without_positions_have_an_empty_ledger() -> None:
    other = {"id": "herring", "question": "Herring?", "terms": {"en": ["herring"]}}
    ledgers = build_ledger(corpus(), [TOPIC, other])
    assert [entry["topic"] for entry in ledgers] == ["cod-quota", "herring"]
    assert ledgers[1]["actors"] == ledgers[1]["pledges"] == ledgers[1]["quantities"] == []
