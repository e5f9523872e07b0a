"""Run storyline on real news it has never seen: German Wikinews articles from SpkAtt-2023.

    .venv/bin/python benchmarks/real_articles_trial.py --match Kongo Bundeswehr Truppen \
        --topic "Should European soldiers be sent on the Congo mission?" --out /tmp/trial

The articles are rebuilt from the data set's tokens (a simple detokeniser: no space before
punctuation), written to a temporary folder with their publication date from the file name,
and run through ingest + analyze + report with the given topic. Nothing is copied into the
project; the data stays in ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from storyline.eval import dataset_dir

_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]“»])")
_NO_SPACE_AFTER = re.compile(r"([(\[„»]) ")


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def rebuild(path: Path) -> tuple[str, str, str]:
    """(title, date, text) of one SpkAtt file ("ID - Title (YYYY-MM-DD).json")."""
    m = re.match(r"\d+ - (?P<title>.+) \((?P<date>\d{4}-\d{2}-\d{2})\)\.json$", path.name)
    if not m:
        raise ValueError(path.name)
    data = json.loads(path.read_text(encoding="utf-8"))
    body = "\n\n".join(detokenise(s["Tokens"]) for s in data["Sentences"])
    return m["title"], m["date"], body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data")
    parser.add_argument("--match", nargs="+", required=True, help="words; a title must have one")
    parser.add_argument("--topic", required=True)
    parser.add_argument("--terms", nargs="*", default=["Soldaten", "Truppen", "Mission", "Einsatz"])
    parser.add_argument("--out", default="trial-out")
    args = parser.parse_args()
    root = dataset_dir(args.data, "spkatt2023-de-wikinews")
    files = sorted(p for p in root.rglob("*.json") if any(w in p.name for w in args.match))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for path in files:
            title, day, body = rebuild(path)
            record = {
                "title": title,
                "text": f"{title}\n\n{body}",
                "published": day,
                "outlet": "Wikinews",
                "language": "de",
            }
            (folder / f"{path.name.split(' ')[0]}.json").write_text(
                json.dumps(record, ensure_ascii=False), encoding="utf-8"
            )
        topics = Path(tmp) / "topics.toml"
        terms = ", ".join(json.dumps(t, ensure_ascii=False) for t in args.terms)
        topics.write_text(
            f'[[topic]]\nid = "trial"\nquestion = {json.dumps(args.topic)}\n'
            f"[topic.terms]\nde = [{terms}]\n",
            encoding="utf-8",
        )
        print(f"{len(files)} articles")
        command = [
            sys.executable,
            "-m",
            "storyline",
            "run",
            str(folder),
            "--out",
            args.out,
            "--topics",
            str(topics),
        ]
        return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
