from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.report.export import check_export
from storyline.store import open_store

SCHEMA = Path(__file__).resolve().parents[1] / "src/storyline/report/storyline-1.schema.json"

ARTICLES = {
    "ministers.txt": (
        "Ministers split over harbour security plan\n\n"
        "BRENNHAVEN — The coastal states of the Varga Sea could not agree on Tuesday on a joint\n"
        "patrol of the harbour approaches, officials said after a four-hour meeting.\n"
        "“We need more time,” the chair of the meeting told reporters. A second round of talks\n"
        "is planned for next month.\n"
    ),
    "hafen.txt": (
        "Streit über Hafenschutz\n\n"
        "Die Küstenstaaten konnten sich am Dienstag nicht auf eine gemeinsame Patrouille einigen.\n"
        "„Wir brauchen mehr Zeit“, sagte die Vorsitzende nach dem Treffen. Eine zweite Runde\n"
        "soll im nächsten Monat stattfinden, hieß es aus Delegationskreisen.\n"
    ),
    "port.txt": (
        "Désaccord sur la sécurité du port\n\n"
        "Les États côtiers ne sont pas parvenus mardi à s'entendre sur une patrouille commune,\n"
        "a-t-on appris de source diplomatique. « Il nous faut plus de temps », a déclaré la\n"
        "présidente de la réunion. Un nouveau cycle de discussions est prévu le mois prochain.\n"
    ),
}


def write_corpus(folder: Path, extra_bad: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    if extra_bad:
        (folder / "photo.txt").write_bytes(bytes(range(256)) * 20)
        (folder / "empty.txt").write_text("")
        latin1 = "Débat sur la sécurité du port : le maire a déclaré vouloir une patrouille."
        (folder / "latin1.txt").write_bytes(latin1.encode("latin-1"))
    return folder


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_run_on_unseen_text_folder_writes_valid_storyline_json(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    code, output = invoke("run", str(corpus), "--out", str(out))
    assert code == 3, output  # finished, but two items failed
    assert "2 failed" in output
    data = json.loads((out / "storyline.json").read_text(encoding="utf-8"))
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))
    check_export(data)
    assert len(data["documents"]) == 4  # three articles + the latin-1 one, decoded
    langs = {Path(d["source"]).name: d["language"] for d in data["documents"]}
    assert langs == {"ministers.txt": "en", "hafen.txt": "de", "port.txt": "fr", "latin1.txt": "fr"}
    assert (out / "report.html").read_text().startswith("<!doctype html>")
    with open_store(out / "storyline.db") as store:
        reasons = {Path(f.source).name: f.reason for f in store.failures()}
    assert set(reasons) == {"photo.txt", "empty.txt"}
    assert "binary" in reasons["photo.txt"] and "empty" in reasons["empty.txt"]


def test_reingesting_adds_nothing(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", extra_bad=False)
    db = str(tmp_path / "s.db")
    assert invoke("--db", db, "ingest", str(corpus))[0] == 0
    code, output = invoke("--db", db, "ingest", str(corpus))
    assert code == 0
    assert "0 new, 0 updated, 0 new source of a known text, 3 unchanged" in output
    with open_store(db) as store:
        assert store.count() == 3 and store.count("document_sources") == 3


def test_analyze_is_incremental(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", extra_bad=False)
    db = str(tmp_path / "s.db")
    invoke("--db", db, "ingest", str(corpus))
    assert "Analysed: 3 documents (0 already" in invoke("--db", db, "analyze")[1]
    assert "Analysed: 0 documents (3 already" in invoke("--db", db, "analyze")[1]


def test_export_formats(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", extra_bad=False)
    db = str(tmp_path / "s.db")
    invoke("--db", db, "-q", "run", str(corpus), "--out", str(tmp_path / "o"))
    assert (
        invoke("--db", db, "export", "--format", "jsonl", "--out", str(tmp_path / "x.jsonl"))[0]
        == 0
    )
    lines = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text().splitlines()]
    assert lines[0] == {"type": "schema", "schema": "storyline/1"}
    assert sum(1 for r in lines if r["type"] == "documents") == 3
    assert invoke("--db", db, "export", "--format", "csv", "--out", str(tmp_path / "csv"))[0] == 0
    with (tmp_path / "csv" / "documents.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["language"] for r in rows) == ["de", "en", "fr"]
    code, output = invoke("--db", db, "export")
    assert code == 0 and json.loads(output)["schema"] == "storyline/1"
    code, output = invoke("--db", db, "report", "--format", "md", "--out", str(tmp_path / "md"))
    assert code == 0 and (tmp_path / "md" / "report.md").read_text().startswith("# storyline")


def test_search_command(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", extra_bad=False)
    db = str(tmp_path / "s.db")
    invoke("--db", db, "ingest", str(corpus))
    code, output = invoke("--db", db, "search", "Patrouille")
    assert code == 0 and "Streit über Hafenschutz" in output and "[Patrouille]" in output


def test_errors_are_one_line_with_nonzero_exit(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline\n")
    result = CliRunner().invoke(cli, ["--config", str(bad), "ingest", "x"])
    assert result.exit_code == 1
    assert (
        result.output.strip().startswith("error:") and len(result.output.strip().splitlines()) == 1
    )


@pytest.mark.parametrize(
    "command",
    ["ingest", "analyze", "report", "export", "run", "demo", "search", "failures", "eval"],
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, output = invoke(command, "--help")
    assert code == 0 and "Example" in output and "storyline " in output


def _snapshot(db: Path) -> tuple[list[tuple[str, str, str | None]], list[tuple[str, str]]]:
    with open_store(db) as store:
        docs = sorted((d.id, d.text, d.title) for d in store.documents(False))
        sources = sorted(
            (r[0], r[1]) for r in store.backend.query("SELECT doc_id, source FROM document_sources")
        )
    return docs, sources


def test_killed_ingest_resumes_to_the_same_store_as_one_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(400):
        (corpus / f"a{i:04}.txt").write_text(
            f"Report number {i} on the harbour talks\n\nDelegates met for round {i} of the talks "
            f"on Tuesday and agreed on {i % 7 + 2} points, officials said.\n",
            encoding="utf-8",
        )
    killed = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "storyline", "--db", str(killed), "-q", "ingest", str(corpus)]
    proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if killed.exists():
            with open_store(killed) as store:
                if store.count() >= 20:
                    break
        time.sleep(0.05)
    was_running = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if was_running:
        with open_store(killed) as store:
            assert 20 <= store.count() < 400  # really killed part-way
    subprocess.run(cmd, check=True)
    clean = tmp_path / "clean.db"
    subprocess.run(
        [sys.executable, "-m", "storyline", "--db", str(clean), "-q", "ingest", str(corpus)],
        check=True,
    )
    assert _snapshot(killed) == _snapshot(clean)
    assert len(_snapshot(clean)[0]) == 400


def test_suggested_topic_is_kept_so_new_documents_do_not_reanalyse_old_ones(
    tmp_path: Path,
) -> None:
    from storyline.eval.demo_gold import CORPUS, demo_config
    from storyline.jobs import analyze, ingest

    config = demo_config()
    config["topics"] = []  # no --topics: the top suggestion is used
    with open_store(tmp_path / "s.db") as store:
        ingest([CORPUS / "en"], store, config)
        first = analyze(store, config)
        assert first.suggested_topic and first.analyzed == 9
        ingest([CORPUS / "de"], store, config)
        second = analyze(store, config)
    assert second.suggested_topic == first.suggested_topic
    assert (second.analyzed, second.skipped) == (9, 9)  # only the new German articles
