"""The ``newsgraph`` command: thin commands over the library API.

Exit status: 0 when everything went well, 1 when some input was skipped (each problem is one
line on stderr naming the file and line) or an extractor failed on a document (one line naming the
document and the layer left empty), 2 when nothing could be done.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_SKIPPED, EXIT_FAILED = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def cmd_build(args) -> int:
    """Build the graph from news files.

    Example: newsgraph build seeds/ --out out
    """
    from .nlp import ModelNotFound
    from .pipeline import build

    def problem(err):
        print(f"newsgraph: skipped {err}", file=sys.stderr)

    try:
        result = build(args.paths, args.out, date=args.date, model=args.model,
                       n_process=args.jobs, progress=not args.quiet, on_problem=problem)
    except ModelNotFound as err:
        print(f"newsgraph: {err}", file=sys.stderr)
        return EXIT_FAILED
    n_docs = len(result.analyses)
    if not n_docs:
        print("newsgraph: no document could be read; nothing written", file=sys.stderr)
        return EXIT_FAILED
    for warning in result.warnings:
        print(f"newsgraph: {warning}", file=sys.stderr)
    if not args.quiet:
        n_ent = sum(1 for _, d in result.graph.nodes(data=True) if d["kind"] == "entity")
        n_ev = sum(1 for _, d in result.graph.nodes(data=True) if d["kind"] == "event")
        print(f"{n_docs} document(s), {n_ent} entities, {n_ev} events → {args.out}/"
              f" ({', '.join(sorted(result.outputs))})")
        if result.problems:
            print(f"{len(result.problems)} input(s) skipped: see the lines above", file=sys.stderr)
    return EXIT_SKIPPED if result.problems or result.warnings else EXIT_OK


def cmd_query(args) -> int:
    """Run SPARQL against a built store and print the answer.

    Example: newsgraph query 'SELECT ?label WHERE { ?e rdfs:label ?label }' --format csv
    """
    from .queries import list_queries, load_query
    from .rdf.store import QueryError, StoreNotFound, open_store, query, to_csv, to_json, to_table

    if args.list:
        for name, description in sorted(list_queries().items()):
            print(f"{name:20} {description}")
        return EXIT_OK
    bad = [p for p in args.param if "=" not in p]
    if bad:
        print(f"newsgraph query: --param wants NAME=VALUE, not {bad[0]!r}", file=sys.stderr)
        return EXIT_FAILED
    params = dict(p.split("=", 1) for p in args.param)
    if args.name:
        try:
            sparql = load_query(args.name, **params)
        except (KeyError, ValueError) as err:
            msg = err.args[0] if err.args else err
            print(f"newsgraph query: {msg} (see newsgraph query --list)", file=sys.stderr)
            return EXIT_FAILED
    elif args.file:
        try:
            sparql = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            print(f"newsgraph query: cannot read {args.file}: {err}", file=sys.stderr)
            return EXIT_FAILED
    elif args.sparql:
        sparql = args.sparql
    else:
        print("newsgraph query: give a query, --file F, --name N or --list", file=sys.stderr)
        return EXIT_FAILED
    try:
        store = open_store(Path(args.store))
        result = query(store, sparql)
    except (QueryError, StoreNotFound) as err:
        print(f"newsgraph query: {err}", file=sys.stderr)
        return EXIT_FAILED
    formatter = {"table": to_table, "csv": to_csv, "json": to_json}[args.format]
    text = formatter(result)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def cmd_timex(args) -> int:
    """Print the time expressions found in a text.

    Example: newsgraph timex "Ban said late Monday that talks resume next week" --date 2016-12-13
    """
    from .extract.timexes import tag_text
    from .nlp import load_nlp

    text = args.text if args.text != "-" else sys.stdin.read()
    for t in tag_text(text, args.date, load_nlp(args.model)):
        print(f"{t.start}\t{t.end}\t{t.type}\t{t.value}\t{t.text}")
    return EXIT_OK


def make_parser() -> argparse.ArgumentParser:
    from .nlp import DEFAULT_MODEL

    ap = argparse.ArgumentParser(prog="newsgraph", description="Turn news articles into an "
                                 "event-timeline knowledge graph.")
    ap.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the graph from news files", description=cmd_build.__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("paths", nargs="+", help=".txt, .jsonl, .json or .html files, or folders of them")
    b.add_argument("--out", default="out", help="output folder (default: out)")
    b.add_argument("--date", type=_date, help="publication date for every input (YYYY-MM-DD)")
    b.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline (default: {DEFAULT_MODEL})")
    b.add_argument("--jobs", type=int, default=1, help="parser processes (default: 1)")
    b.add_argument("--quiet", action="store_true", help="no progress or summary")
    b.set_defaults(func=cmd_build)

    q = sub.add_parser("query", help="run SPARQL against a built store", description=cmd_query.__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("sparql", nargs="?", help="the query text")
    q.add_argument("--file", help="read the query from this .rq file")
    q.add_argument("--name", help="run a named query (see --list)")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a value for a named query's $NAME parameter")
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.add_argument("--store", default="out/store", help="the store folder (default: out/store)")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.set_defaults(func=cmd_query)

    t = sub.add_parser("timex", help="tag time expressions in a text", description=cmd_timex.__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    t.add_argument("text", help="the text, or - for standard input")
    t.add_argument("--date", type=_date, help="the publication date it is relative to")
    t.add_argument("--model", default=DEFAULT_MODEL)
    t.set_defaults(func=cmd_timex)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
