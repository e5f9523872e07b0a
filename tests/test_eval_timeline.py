"""SemEval-2015 Task 4 timeline scoring (temporal awareness) and the rule-based system."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.eval import timeline as timeline_eval
from storyline.eval.timeline_score import (
    Counts,
    format_timeline,
    micro,
    parse_timeline,
    reduce,
    relations,
    score_timeline,
)
from storyline.eval.timeline_system import (
    aliases,
    build_timelines,
    learn_event_words,
    read_cat,
)

GOLD = """Norland Rail
0\tXXXX-XX-XX\t7-4-owned
1\t2010-XX-XX\t7-2-founded
2\t2012-05-03\t7-3-bought\t8-2-purchase
2\t2012-05-03\t8-3-said
3\t2013-01-10\t9-1-sold
"""


def test_parse_and_format_round_trip() -> None:
    timeline = parse_timeline(GOLD)
    assert timeline.entity == "Norland Rail"
    assert [r.position for r in timeline.rows] == [0, 1, 2, 2, 3]
    assert timeline.rows[2].events == ("7-3-bought", "8-2-purchase")
    assert parse_timeline(format_timeline(timeline)) == timeline


def test_relations_follow_the_task_transformation() -> None:
    triples = relations(parse_timeline(GOLD))
    # Position 0 is left out; every event is SIMULTANEOUS with its anchor.
    assert not any("7-4-owned" in t[:2] for t in triples)
    assert ("7-2-founded", "TIMEX:2010-XX-XX", "SIMULTANEOUS") in triples
    assert ("7-3-bought", "8-2-purchase", "SIMULTANEOUS") in triples  # corefer: one row
    assert ("7-3-bought", "8-3-said", "SIMULTANEOUS") in triples  # same position
    assert ("7-2-founded", "7-3-bought", "BEFORE") in triples
    assert ("7-3-bought", "9-1-sold", "BEFORE") in triples
    ordering_only = relations(parse_timeline(GOLD), anchors=False)
    assert not any(t[1].startswith("TIMEX:") for t in ordering_only)


def test_reduction_drops_what_the_closure_already_says() -> None:
    kept, graph = reduce(
        [
            ("a", "b", "BEFORE"),
            ("b", "c", "BEFORE"),
            ("a", "c", "BEFORE"),
            ("c", "d", "SIMULTANEOUS"),
        ]
    )
    assert ("a", "c", "BEFORE") not in kept and len(kept) == 3
    assert graph.entails("a", "d", "BEFORE") and not graph.entails("d", "a", "BEFORE")


def test_perfect_partial_and_wrong_systems() -> None:
    gold = parse_timeline(GOLD)
    same = score_timeline(gold, gold)
    assert same.precision_matched == same.system_total == same.recall_matched == same.gold_total
    assert micro(same) == (100.0, 100.0, 100.0)

    partial = parse_timeline("Norland Rail\n1\t2012-05-03\t7-3-bought\n2\t2013-01-10\t9-1-sold\n")
    counts = score_timeline(gold, partial)
    assert counts.precision_matched == counts.system_total == 3  # 2 anchors + 1 BEFORE, all true
    assert 0 < counts.recall_matched < counts.gold_total

    wrong = parse_timeline("Norland Rail\n1\t2012-05-03\t9-1-sold\n2\t2013-01-10\t7-3-bought\n")
    counts = score_timeline(gold, wrong)
    assert counts.precision_matched == 0  # wrong anchors and the reverse order

    missing = score_timeline(gold, None)
    assert missing.system_total == 0 and missing.gold_total == same.gold_total


def test_micro_average_sums_counts_before_dividing() -> None:
    total = Counts(1, 2, 1, 4) + Counts(3, 3, 1, 1)
    p, r, f = micro(total)
    assert (round(p, 2), round(r, 2)) == (80.0, 40.0)
    assert round(f, 2) == 53.33
    assert micro(Counts()) == (0.0, 0.0, 0.0)


def test_aliases_are_generic_and_avoid_other_targets() -> None:
    targets = [
        "Norland Motors",
        "Norland Motors creditors",
        "Pia Lund",
        "Vega 3X",
        "Vega 4",
        "Tolsa 300 index",
    ]
    assert ("NM",) in aliases("Norland Motors", targets)
    assert ("Norland", "Motors") in aliases("Norland Motors", targets)
    assert ("NM",) not in aliases("Norland Motors creditors", targets)
    assert ("Lund",) in aliases("Pia Lund", targets)
    assert ("Vega",) not in aliases("Vega 4", targets)  # "Vega" starts "Vega 3X" too
    assert ("Tolsa",) in aliases("Tolsa 300 index", targets)


CAT = """<?xml version="1.0" ?><Document doc_id="{doc}" doc_name="x">
{tokens}
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2012-05-04"/>
{events}
</Markables>
</Document>
"""


def write_cat(path: Path, doc: str, sentences: list[str], events: list[str] = ()) -> Path:
    tokens, tid, marked = [], 0, []
    for number, sentence in enumerate(sentences):
        for word in sentence.split():
            tid += 1
            tokens.append(
                f'<token number="{tid - 1}" sentence="{number}" t_id="{tid}">{word}</token>'
            )
            if word in events:
                marked.append(
                    f'<EVENT_MENTION m_id="{tid + 100}">'
                    f'<token_anchor t_id="{tid}"/></EVENT_MENTION>'
                )
    path.write_text(CAT.format(doc=doc, tokens="\n".join(tokens), events="\n".join(marked)))
    return path


def test_system_finds_anchors_and_orders_events(tmp_path: Path) -> None:
    doc = read_cat(
        write_cat(
            tmp_path / "7.xml",
            "7",
            [
                "Norland Rail buys ferry line",
                "May 4 , 2012",
                "Norland Rail bought the ferry line on Thursday .",
                "In 2010 , Norland Rail was founded by two engineers .",
            ],
            events=["bought", "founded"],
        )
    )
    assert doc.dct == date(2012, 5, 4) and doc.doc_id == "7"
    learned = learn_event_words([doc])  # single occurrences: too few to learn from
    timelines = build_timelines([doc], ["Norland Rail"], learned)
    rows = timelines["Norland Rail"].rows
    found = {(r.anchor, r.events[0]) for r in rows}
    assert ("2012-05-03", "7-2-bought") in found
    assert ("2010-XX-XX", "7-3-founded") in found
    position = {r.events[0]: r.position for r in rows}
    assert position["7-3-founded"] < position["7-2-bought"]


@pytest.mark.data
def test_semeval_timeline_eval_runs(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not (data_dir / "semeval2015-timeline").is_dir():
        pytest.skip("semeval2015-timeline not available")
    assert timeline_eval.main(["--data", str(data_dir)]) == 0
    out = capsys.readouterr().out
    last = next(line for line in out.splitlines() if line.startswith("all")).split()
    assert int(last[1]) == 39  # every gold timeline file of the three corpora is scored
    assert float(last[4]) > 7.85  # above the best official track-A run
