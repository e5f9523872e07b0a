"""The ``storyline`` command line: a thin layer over ``storyline.jobs`` and the store.

Exit codes: 0 success; 1 a fatal error (one line on stderr); 2 bad usage; 3 the job finished
but some input items failed (each is recorded with its reason: ``storyline failures``).
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from storyline import __version__
from storyline.config import Config, load_config
from storyline.errors import ConfigError, StorylineError
from storyline.store import Store, open_store

EXIT_FATAL, EXIT_PARTIAL = 1, 3


class Context:
    def __init__(self, db: str | None, config_path: str | None, quiet: bool) -> None:
        self.db = db
        self.config_path = config_path
        self.quiet = quiet

    def config(self, topics: str | None = None, overrides: Config | None = None) -> Config:
        config = load_config(self.config_path, overrides)
        if topics:
            config["topics"] = load_topics(topics)
        return config

    def store(self, config: Config, default: str | None = None) -> Store:
        return open_store(self.db or default or config["store"]["url"])

    def say(self, line: str = "") -> None:
        if not self.quiet:
            click.echo(line)


def load_topics(path: str | Path) -> list[dict[str, Any]]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read topics file {path}: {exc}") from None
    topics = data.get("topic", [])
    for t in topics:
        if "id" not in t or "question" not in t:
            raise ConfigError(f"{path}: every [[topic]] needs an id and a question")
    return list(topics)


@contextmanager
def progress_bar(ctx: Context, label: str) -> Iterator[Callable[[str], None] | None]:
    """A live counter on a terminal; nothing when quiet or when output is piped."""
    if ctx.quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True) as bar:
        task = bar.add_task(label)
        count = 0

        def tick(source: str) -> None:
            nonlocal count
            count += 1
            bar.update(task, description=f"{label} {count}: {Path(source).name[:60]}")

        yield tick


def _fatal(exc: StorylineError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(EXIT_FATAL)


class Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StorylineError as exc:
            _fatal(exc)


pass_ctx = click.make_pass_decorator(Context)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db", metavar="URL", help="SQLite file (default storyline.db) or postgresql://… URL."
)
@click.option(
    "--config",
    "config_path",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="TOML file merged over the shipped defaults.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bars or summaries.")
@click.version_option(__version__, prog_name="storyline")
@click.pass_context
def cli(click_ctx: click.Context, db: str | None, config_path: str | None, quiet: bool) -> None:
    """Turn multilingual news articles into a sourced, structured picture of a story.

    \b
    Example:
      storyline run articles/ --out storyline-out
    """
    click_ctx.obj = Context(db, config_path, quiet)


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options shared by ``ingest`` and ``run`` that say how inputs are found/fetched."""
    func = click.option(
        "--fetch-entries", is_flag=True, help="Fetch the page of feed entries with only a teaser."
    )(func)
    func = click.option(
        "--allow-private-network",
        is_flag=True,
        help="Let URLs reach loopback, private and link-local addresses (refused by default).",
    )(func)
    return click.option(
        "--manifest",
        "manifests",
        multiple=True,
        metavar="FILE",
        type=click.Path(dir_okay=False),
        help="CSV/JSONL rows of path or url plus outlet, published, language, title.",
    )(func)


def _options(manifests: tuple[str, ...], allow_private: bool, fetch_entries: bool) -> Any:
    from storyline.jobs import InputOptions

    return InputOptions(tuple(manifests), allow_private, fetch_entries)


def _ingest(
    ctx: Context, store: Store, config: Config, inputs: tuple[str, ...], options: Any = None
) -> int:
    from storyline.jobs import ingest

    with progress_bar(ctx, "ingesting") as tick:
        report = ingest(inputs, store, config, tick, options)
    s = report.statuses
    ctx.say(
        f"Ingested: {s['new']} new, {s['updated']} updated, {s['new_source']} new source "
        f"of a known text, {s['unchanged']} unchanged; {report.failed} failed."
    )
    for source, reason in report.failures[:10]:
        ctx.say(f"  failed: {reason if reason.startswith(source) else f'{source}: {reason}'}")
    if report.failed > 10:
        ctx.say(f"  … and {report.failed - 10} more (storyline failures)")
    return report.failed


def _analyze(ctx: Context, store: Store, config: Config, force: bool = False) -> int:
    from storyline.jobs import analyze

    with progress_bar(ctx, "analysing") as tick:
        report = analyze(store, config, tick, force=force)
    if report.suggested_topic:
        ctx.say(f"No --topics given; using the suggested topic: {report.suggested_topic}")
    ctx.say(
        f"Analysed: {report.analyzed} documents ({report.skipped} already up to date); "
        f"{len(report.failures)} failed."
    )
    return len(report.failures)


def _write_outputs(
    ctx: Context,
    store: Store,
    config: Config,
    out: Path,
    formats: tuple[str, ...] = ("html", "json"),
) -> dict[str, Any]:
    from storyline.report.export import build_export, write_json
    from storyline.report.render import write_report
    from storyline.report.summary import summarize, summary_lines

    data = build_export(store, config)
    failures = store.failures()
    for fmt in formats:
        if fmt == "json":
            path = write_json(data, out / "storyline.json")
        else:
            path = write_report(data, fmt, out / f"report.{fmt}", failures)
        ctx.say(f"Wrote {path}")
    for line in summary_lines(summarize(data, len(failures))):
        ctx.say(line)
    return data


@cli.command()
@click.argument("inputs", nargs=-1)
@input_options
@pass_ctx
def ingest(
    ctx: Context,
    inputs: tuple[str, ...],
    manifests: tuple[str, ...],
    allow_private_network: bool,
    fetch_entries: bool,
) -> None:
    """Read files, folders, URLs, feeds, web archives or stdin (-) into the store.

    \b
    Examples:
      storyline ingest articles/
      storyline --db postgresql://localhost/news ingest a.txt b.jsonl feed.xml crawl.warc.gz
      storyline ingest https://news.example/story urls.txt --manifest manifest.csv
      cat article.txt | storyline ingest -
    """
    if not inputs and not manifests:
        raise click.UsageError("give at least one input or --manifest FILE")
    config = ctx.config()
    options = _options(manifests, allow_private_network, fetch_entries)
    with ctx.store(config) as store:
        failed = _ingest(ctx, store, config, inputs, options)
    sys.exit(EXIT_PARTIAL if failed else 0)


@cli.command()
@click.option("--topics", metavar="FILE", help="Topics TOML ([[topic]] id, question, terms).")
@click.option("--force", is_flag=True, help="Re-analyse every document, not only new ones.")
@pass_ctx
def analyze(ctx: Context, topics: str | None, force: bool) -> None:
    """Annotate stored documents and rebuild the cross-document analysis.

    \b
    Example:
      storyline analyze --topics topics.toml
    """
    config = ctx.config(topics)
    with ctx.store(config) as store:
        failed = _analyze(ctx, store, config, force)
    sys.exit(EXIT_PARTIAL if failed else 0)


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["html", "md", "json"]), default="html", show_default=True
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default="storyline-out",
    show_default=True,
    help="Folder to write into.",
)
@pass_ctx
def report(ctx: Context, fmt: str, out: str) -> None:
    """Write the report (HTML, Markdown or the storyline/1 JSON) from the store.

    \b
    Example:
      storyline report --format md --out reports/
    """
    config = ctx.config()
    with ctx.store(config) as store:
        _write_outputs(ctx, store, config, Path(out), (fmt,))


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "csv"]),
    default="json",
    show_default=True,
)
@click.option(
    "--out",
    type=click.Path(),
    default="-",
    show_default=True,
    help="File (json, jsonl; '-' = stdout) or folder (csv).",
)
@pass_ctx
def export(ctx: Context, fmt: str, out: str) -> None:
    """Export everything as storyline/1 JSON, JSON Lines or a folder of CSV files.

    \b
    Examples:
      storyline export --format json --out story.json
      storyline export --format csv --out story-csv/
    """
    import json

    from storyline.report.export import build_export, write_csv, write_json, write_jsonl

    config = ctx.config()
    with ctx.store(config) as store:
        data = build_export(store, config)
    if fmt == "json" and out == "-":
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    if fmt == "csv" and out == "-":
        raise click.UsageError("--format csv writes a folder: give --out DIR")
    writer = {"json": write_json, "jsonl": write_jsonl, "csv": write_csv}[fmt]
    ctx.say(f"Wrote {writer(data, Path(out))}")


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", type=click.Path(file_okay=False), default="storyline-out", show_default=True)
@click.option("--topics", metavar="FILE", help="Topics TOML ([[topic]] id, question, terms).")
@input_options
@pass_ctx
def run(
    ctx: Context,
    inputs: tuple[str, ...],
    out: str,
    topics: str | None,
    manifests: tuple[str, ...],
    allow_private_network: bool,
    fetch_entries: bool,
) -> None:
    """Ingest, analyse and report in one go (report.html + storyline.json in --out).

    \b
    Example:
      storyline run articles/ --out storyline-out
    """
    config = ctx.config(topics)
    options = _options(manifests, allow_private_network, fetch_entries)
    with ctx.store(config, default=str(Path(out) / "storyline.db")) as store:
        failed = _ingest(ctx, store, config, inputs, options)
        failed += _analyze(ctx, store, config)
        _write_outputs(ctx, store, config, Path(out))
    sys.exit(EXIT_PARTIAL if failed else 0)


def demo_paths() -> tuple[Path, Path, Path]:
    from storyline.eval.demo_gold import CORPUS, KB, TOPICS

    return CORPUS, KB, TOPICS


@cli.command()
@click.option("--out", type=click.Path(file_okay=False), default="storyline-out", show_default=True)
@pass_ctx
def demo(ctx: Context, out: str) -> None:
    """Run the whole job on the shipped demo corpus (a fictional ceasefire-force debate).

    \b
    Example:
      storyline demo --out storyline-out
    """
    corpus, kb, topics = demo_paths()
    outlets = corpus.parent / "outlets.toml"
    overrides = {
        "components": {
            "entities": {"kb_files": [str(kb)]},
            "outlets": {"registry_files": [str(outlets)]},
        }
    }
    config = ctx.config(str(topics), overrides)
    with ctx.store(config, default=str(Path(out) / "storyline.db")) as store:
        failed = _ingest(ctx, store, config, (str(corpus),))
        failed += _analyze(ctx, store, config)
        _write_outputs(ctx, store, config, Path(out))
    sys.exit(EXIT_PARTIAL if failed else 0)


@cli.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@pass_ctx
def search(ctx: Context, query: str, limit: int) -> None:
    """Full-text search over stored documents.

    \b
    Example:
      storyline search "ceasefire monitors"
    """
    config = ctx.config()
    with ctx.store(config) as store:
        for doc_id, snippet in store.search(query, limit):
            doc = store.get(doc_id, with_annotations=False)
            title = (doc.title or doc.source) if doc else doc_id
            click.echo(f"{doc_id}  {title}\n    {snippet}")


@cli.command()
@pass_ctx
def failures(ctx: Context) -> None:
    """List input items that failed, with the reason.

    \b
    Example:
      storyline failures
    """
    config = ctx.config()
    with ctx.store(config) as store:
        for f in store.failures():
            click.echo(f"{f.stage}\t{f.source}\t{f.reason}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON.")
@pass_ctx
def stories(ctx: Context, as_json: bool) -> None:
    """List the stories (clusters of documents about one event, across languages).

    \b
    Example:
      storyline stories
    """
    import json

    config = ctx.config()
    with ctx.store(config) as store:
        found = store.analysis("stories") or []
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    if not found:
        click.echo("No stories yet: run storyline analyze first.", err=True)
    for s in found:
        title = next(iter(s["titles"].values()), "") if s["titles"] else ""
        span = f"{s['first'] or '?'} – {s['last'] or '?'}"
        langs = ",".join(s["languages"])
        click.echo(f"{s['id']}  {len(s['documents']):>4} docs  {langs:<9} {span:<25} {title}")


@cli.group()
def topics() -> None:
    """Topics: the questions at stake.

    \b
    Example:
      storyline topics suggest
    """


@topics.command(name="suggest")
@click.option("--limit", default=5, show_default=True)
@pass_ctx
def topics_suggest(ctx: Context, limit: int) -> None:
    """Propose topics from the stored documents (frequent proposal phrases and their actors),
    as TOML you can edit and pass to --topics.

    \b
    Example:
      storyline topics suggest > topics.toml
    """
    from storyline.jobs import suggested_topics

    config = ctx.config()
    with ctx.store(config) as store:
        found = suggested_topics(store, config, limit)
    if not found:
        click.echo("# no topic found: ingest some documents first", err=True)
    for t in found:
        click.echo(f"# score {t.get('score', 0):.2f}; actors: {', '.join(t.get('actors', [])[:6])}")
        click.echo("[[topic]]")
        click.echo(f"id = {_toml_str(t['id'])}")
        click.echo(f"question = {_toml_str(t['question'])}")
        click.echo("[topic.terms]")
        for lang, terms in sorted(t.get("terms", {}).items()):
            click.echo(f"{lang} = [{', '.join(_toml_str(x) for x in terms)}]")
        click.echo()


def _toml_str(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


@cli.group()
def kb() -> None:
    """Knowledge-base tools.

    \b
    Example:
      storyline kb import wikidata-people.json --out my-people.toml
    """


@kb.command(
    name="import",
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def kb_import(args: tuple[str, ...]) -> None:
    """Turn a Wikidata JSON dump or SPARQL JSON result into KB entries (TOML).

    \b
    Usage: storyline kb import PATH [--out FILE] [--lang en,de,fr] [--office QID=ROLE] [--kb FILE]
    Example:
      storyline kb import latest-people.json.gz --out people-overlay.toml
    Then list the file under [components.entities] kb_files in your config.
    """
    from storyline.kb.wikidata import main as import_main

    sys.exit(import_main(list(args)))


# `storyline eval NAME`: each module has main(argv) -> int and takes --data PATH.
EVALUATIONS = {
    "time": "storyline.eval.time",
    "timex": "storyline.eval.time_specs",
    "numbers": "storyline.eval.number_specs",
    "timeline": "storyline.eval.timeline",
    "quotes": "storyline.eval.quotes",
    "entities": "storyline.eval.entities",
    "positions": "storyline.eval.positions",
    "figures": "storyline.eval.figures",
    "stories": "storyline.eval.stories",
}


@cli.command(
    name="eval", context_settings={"ignore_unknown_options": True, "allow_extra_args": True}
)
@click.argument("name", type=click.Choice(sorted(EVALUATIONS)))
@click.option("--data", metavar="PATH", help="Shared data root or the data set's folder.")
@click.argument("options", nargs=-1, type=click.UNPROCESSED)
def evaluate(name: str, data: str | None, options: tuple[str, ...]) -> None:
    """Score a component against labelled data and print the table.

    Further options go to the evaluation (e.g. stories: --order sorted).

    \b
    Examples:
      storyline eval time --data ../shared/data
      storyline eval stories --data ../shared/data --order sorted
    """
    import importlib

    module = importlib.import_module(EVALUATIONS[name])
    sys.exit(module.main([*(["--data", data] if data else []), *options]))


def main() -> None:
    cli(prog_name="storyline")
