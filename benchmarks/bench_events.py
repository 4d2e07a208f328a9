"""Time entity and event extraction (and relations, where importable) against the spaCy parse.

    python benchmarks/bench_events.py [--limit 200] [--data ../shared/corpora/bbc-news.jsonl]

Parses N documents once with the default pipeline, then runs find_entities + find_events (and
find_relations) over the parsed docs (a few rounds, the best taken) and prints the times and the
ratio extraction / parse (target <= 0.25). No assertion on time.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc-news.jsonl")
    ap.add_argument("--limit", type=int, default=200, help="the first N documents (default 200)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)

    from graph.extract.entities import find_entities
    from graph.extract.event_lexicon import event_lexicon
    from graph.extract.events import find_events
    from graph.extract.timexes import find_timexes
    from graph.model import Document
    from graph.nlp import load_nlp, parse
    try:
        from graph.extract.relations import find_relations
    except ImportError:                       # not there yet: time the rest
        find_relations = None

    lines = args.data.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()][: args.limit]
    documents = [Document(r.get("id", str(n)), r["text"], title=r.get("title"),
                          published=dt.date.fromisoformat(r["published"]) if r.get("published") else None)
                 for n, r in enumerate(records)]
    nlp = load_nlp()
    event_lexicon()                           # resources are read once, outside the timing
    t0 = time.perf_counter()
    docs = parse(nlp, [d.text for d in documents])
    parse_time = time.perf_counter() - t0
    timexes = [tuple(find_timexes(doc, d.published)) for doc, d in zip(docs, documents)]

    times = {"entities": float("inf"), "events": float("inf"), "relations": float("inf")}
    counts = {}
    for _ in range(max(1, args.rounds)):
        t0 = time.perf_counter()
        entities = [tuple(find_entities(doc)) for doc in docs]
        t1 = time.perf_counter()
        events = [find_events(doc, d, ents, tx)
                  for doc, d, ents, tx in zip(docs, documents, entities, timexes)]
        t2 = time.perf_counter()
        relations = [find_relations(doc, ents) for doc, ents in zip(docs, entities)] \
            if find_relations else []
        t3 = time.perf_counter()
        for key, spent in (("entities", t1 - t0), ("events", t2 - t1), ("relations", t3 - t2)):
            times[key] = min(times[key], spent)
        counts = {"entities": sum(map(len, entities)), "events": sum(map(len, events)),
                  "relations": sum(map(len, relations))}
    if not find_relations:
        times["relations"] = 0.0
    chars = sum(len(d.text) for d in documents)
    print(f"documents {len(docs)}, characters {chars}, " +
          ", ".join(f"{k} {v}" for k, v in counts.items()))
    print(f"spaCy parse      {parse_time:8.3f} s")
    for key, spent in times.items():
        print(f"find_{key:<11} {spent:8.3f} s  (best of {args.rounds})")
    print(f"ratio events/parse {times['events'] / parse_time:.3f}")
    total = sum(times.values())
    print(f"ratio extraction (entities+events{'+relations' if find_relations else ''})/parse "
          f"{total / parse_time:.3f}  (target <= 0.25)")


if __name__ == "__main__":
    main()
