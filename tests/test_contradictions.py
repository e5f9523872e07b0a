"""Contradictions: conflicting figures, stance changes and conflicting attributions."""

from __future__ import annotations

from storyline.analysis.contradictions import (
    find_contradictions,
    interval,
)
from test_positions_support import analyse

NAMES = {"country:XKH": "Korsholm", "country:XVS": "Vestria", "country:XBM": "Brenmark"}


def test_interval_reads_each_qualifier() -> None:
    assert interval(12000, None, None, "exact") == (12000, 12000)
    assert interval(15000, None, None, "about") == (15000, 15000)
    assert interval(None, None, 25000, "up_to") == (25000, 25000)
    assert interval(None, 2000, 9000, "vague") == (2000, 9000)
    assert interval(None, None, None, "exact") is None


def test_figures_for_one_quantity_that_disagree() -> None:
    docs = [
        analyse("The Vestrian plan puts the patrol force at 30 ships.", outlet="Post"),
        analyse("Korsholm officials speak of a patrol force of up to 60 ships.", outlet="Herald"),
        analyse("Brenmark said the patrol force would have about 31 ships.", outlet="Mail"),
        analyse("Dozens of ships would form the patrol force, a council source said.",
                outlet="Wire"),
    ]  # fmt: skip
    (c,) = [c for c in find_contradictions(docs, NAMES) if c["kind"] == "figure"]
    assert (c["measures"], c["unit"]) == ("force_size", "ships")
    assert c["values"] == [30.0, 60.0]  # 30 and "about 31" agree within the tolerance
    assert len(c["figures"]) == 4  # the vague "dozens" is listed, not a cluster of its own
    assert "up to 60 ships (Korsholm)" in c["explanation"]
    assert c["id"].startswith("c-")


def test_agreeing_figures_are_no_contradiction() -> None:
    docs = [
        analyse("The patrol force will have 30 ships, Vestria said."),
        analyse("Korsholm said the patrol force would have about 31 ships."),
    ]
    assert [c for c in find_contradictions(docs) if c["kind"] == "figure"] == []


def test_several_values_in_one_article_are_no_contradiction() -> None:
    docs = [
        analyse(
            "The Vestrian plan puts the patrol force at 30 ships. A second plan, for the "
            "northern banks, puts the patrol force at 60 ships.",
            outlet="Post",
        )
    ]
    assert [c for c in find_contradictions(docs, NAMES) if c["kind"] == "figure"] == []


def test_stance_change_of_an_actor() -> None:
    docs = [
        analyse("Korsholm rejects the quota cut.", published="2026-03-02"),
        analyse("Korsholm now supports the quota cut.", published="2026-04-10"),
        analyse("Korsholm still supports the quota cut.", published="2026-04-12"),
    ]
    (c,) = [c for c in find_contradictions(docs, NAMES) if c["kind"] == "stance_change"]
    assert c["actor"] == "country:XKH"
    assert (c["from"]["stance"], c["from"]["date"]) == ("oppose", "2026-03-02")
    assert (c["to"]["stance"], c["to"]["date"]) == ("support", "2026-04-10")
    assert c["explanation"] == "Korsholm changed from oppose (2026-03-02) to support (2026-04-10)."


def test_refinement_is_no_stance_change() -> None:
    docs = [
        analyse("Brenmark has not made up its mind on the quota.", published="2026-03-02"),
        analyse("Brenmark will send ships to police the quota only if the council pays.",
                published="2026-04-01"),
        analyse("Brenmark will send three ships to enforce the quota.", published="2026-04-15"),
    ]  # fmt: skip
    assert [c for c in find_contradictions(docs) if c["kind"] == "stance_change"] == []


def test_two_sources_attribute_opposite_commitments() -> None:
    docs = [
        analyse("Vestria will send two patrol ships to enforce the quota.",
                published="2026-04-15", outlet="Saltmere Post"),
        analyse("Vestria has quietly withdrawn its offer of two patrol ships for the quota "
                "patrols, the newspaper claimed.", published="2026-04-20", outlet="Korsholm Today"),
    ]  # fmt: skip
    (c,) = [c for c in find_contradictions(docs, NAMES) if c["kind"] == "attribution_conflict"]
    assert c["actor"] == "country:XVS"
    assert c["period"] == ["2026-04-15", "2026-04-20"]
    commitments = {(x["commitment"], x["certainty"]) for x in c["claims"]}
    assert commitments == {("pledged", "asserted"), ("declined", "alleged")}
    assert "Korsholm Today" in c["explanation"] and "Saltmere Post" in c["explanation"]


def test_claims_far_apart_are_no_attribution_conflict() -> None:
    docs = [
        analyse("Vestria will send two patrol ships to enforce the quota.",
                published="2026-01-05", outlet="Saltmere Post"),
        analyse("Vestria has quietly withdrawn its offer of two patrol ships for the quota "
                "patrols, the newspaper claimed.", published="2026-04-20", outlet="Korsholm Today"),
    ]  # fmt: skip
    assert [c for c in find_contradictions(docs) if c["kind"] == "attribution_conflict"] == []
