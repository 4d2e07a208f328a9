"""How long the HTML view takes to build in Python and to open in headless Chromium.

    python benchmarks/bench_view.py                      # 200 BBC articles, built by the pipeline
    python benchmarks/bench_view.py --synthetic          # a synthetic graph shaped like 200 articles
    python benchmarks/bench_view.py --articles 50
    python benchmarks/bench_view.py --graph-from G.pickle # a pickled graph.kg graph
    python benchmarks/bench_view.py --graph-hook mymod:make_graph

By default the graph is built from the first 200 articles of ../shared/corpora/bbc-news.jsonl
(the pipeline's time is printed apart and not counted). The synthetic graph is shaped like 200 news articles: about 2,000 entities, 3,000 events and
10,000 co-occurrence edges. The browser time runs from navigation to the moment the page sets
``window.newsgraphReady`` (the network's first ``afterDrawing``; physics is off, so the
drawing is final), then the positions are read twice, 0.5 s apart, to confirm nothing moves.
No assertions: the target is under 5 s in all; numbers are printed (and written with --json).
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import pickle
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.kg import build_graph  # noqa: E402
from graph.model import Analysis, Document, Entity, Event, Mention, Relation  # noqa: E402
from graph.view import render_html  # noqa: E402
from graph.view.data import page_data  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SUBTYPES = {"Person": [None, None, None],
            "Organization": ["GovernmentOrganization", "NGO", "ArmedGroup", "Company"],
            "Place": ["Country", "City", "Region"]}
CAMEO = ["010", "013", "020", "030", "036", "040", "042", "043", "046", "051", "057", "061", "071",
         "080", "090", "100", "111", "112", "120", "130", "138", "140", "150", "160", "173", "180",
         "183", "190", "193", "195", "200"]
VERBS = ["met", "criticised", "visited", "warned", "praised", "accused", "called on", "attacked"]


def synthetic_graph(articles: int = 200, seed: int = 1):
    """A graph shaped like ``articles`` news articles (10 own entities each, plus popular ones)."""
    rng = random.Random(seed)
    n_entities = articles * 10
    pool = []
    for i in range(n_entities):
        etype = rng.choices(["Person", "Organization", "Place"], [4, 3, 3])[0]
        pool.append((f"E{i}", f"{etype[:3]} {_name(rng)} {i}", etype, rng.choice(SUBTYPES[etype])))
    popular = pool[:150]
    weights = [1 / (i + 1) ** 0.8 for i in range(len(popular))]
    analyses = []
    for a in range(articles):
        own = pool[150 + a * 10 - (a * 10 // (n_entities - 150)) * (n_entities - 150):][:10] or pool[-10:]
        chosen = {e[0]: e for e in own}
        while len(chosen) < 18:
            e = rng.choices(popular, weights)[0]
            chosen[e[0]] = e
        ents = list(chosen.values())
        published = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(366))
        text, sents, mentions, sentence_of = "", [], {e[0]: [] for e in ents}, {}
        for s in range(30):
            members = rng.sample(ents, rng.randint(2, 4))
            start = len(text)
            parts = []
            for j, e in enumerate(members):
                if j:
                    text += " and " if j < len(members) - 1 else f" {rng.choice(VERBS)} "
                mentions[e[0]].append(Mention(len(text), len(text) + len(e[1]), e[1]))
                sentence_of.setdefault(e[0], s)
                text += e[1]
                parts.append(e)
            text += " on Tuesday."
            sents.append(Mention(start, len(text), text[start:]))
            text += " "
        text = text.rstrip()
        doc = Document(f"a{a:03d}", text, title=f"Article {a}", published=published)
        entities = tuple(Entity(k, lab, t, subtype=st, mentions=tuple(mentions[k]),
                                wikidata=f"Q{1000 + int(k[1:])}" if int(k[1:]) % 3 == 0 else None)
                         for k, lab, t, st in ents if mentions[k])
        keys = [e.key for e in entities]
        places = [e.key for e in entities if e.type == "Place"] or keys
        actors = [e.key for e in entities if e.type != "Place"] or keys
        events = []
        for v in range(15):
            agent, target = rng.sample(actors, 2) if len(actors) > 1 else (actors[0], actors[0])
            dated = rng.random() > 0.2
            day = published - dt.timedelta(days=rng.randrange(4)) if dated else None
            s = sents[sentence_of.get(agent, 0)]
            events.append(Event(f"a{a:03d}-e{v}", rng.choice(VERBS), rng.choice(CAMEO), (s,),
                                agents=(agent,), targets=(target,), places=(rng.choice(places),),
                                begin=day, end=day, sentence=s))
        rels = [Relation(k, "jobTitle", "Minister of Things") for k in actors[:2]]
        analyses.append(Analysis(doc, sentences=tuple(sents), entities=entities, events=tuple(events),
                                 relations=tuple(rels)))
    return build_graph(analyses)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)).title()


def load_graph(args):
    if args.graph_from:
        with open(args.graph_from, "rb") as fh:
            return pickle.load(fh)
    if args.graph_hook:
        module, _, func = args.graph_hook.partition(":")
        return getattr(importlib.import_module(module), func)()
    if args.synthetic or not args.corpus.exists():
        return synthetic_graph(args.articles)
    return corpus_graph(args.corpus, args.articles)


def corpus_graph(corpus: Path, articles: int):
    """The graph of the first ``articles`` records of a JSONL corpus, built by the pipeline."""
    import itertools
    from graph.pipeline import build
    subset = Path(tempfile.mkdtemp(prefix="bench-view-")) / "corpus.jsonl"
    with open(corpus, encoding="utf-8") as f:
        subset.write_text("".join(itertools.islice(f, articles)), encoding="utf-8")
    t = time.perf_counter()
    G = build([subset], None).graph
    print(f"{'pipeline_s':>28}: {time.perf_counter() - t:.1f}  ({articles} articles of {corpus.name})")
    return G


def open_in_chromium(path: Path, screenshot: Path | None) -> dict:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        remote = []
        page.on("request", lambda r: r.url.startswith(("file:", "data:", "about:"))
                or remote.append(r.url))
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        t0 = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=120_000)
        wall = time.perf_counter() - t0
        in_page = page.evaluate("window.newsgraphReadyAt")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        before = page.evaluate("JSON.stringify(network.getPositions())")
        page.wait_for_timeout(500)
        still = before == page.evaluate("JSON.stringify(network.getPositions())")
        drawn = page.evaluate("network.body.nodeIndices.length")
        if screenshot:
            page.screenshot(path=str(screenshot))
        events_on = None
        if not page.is_checked("#filter-types input[data-type='events']"):
            t1 = time.perf_counter()
            page.check("#filter-types input[data-type='events']")     # returns once drawn
            page.evaluate("new Promise(r => { network.once('afterDrawing', r); network.redraw(); })")
            events_on = round(time.perf_counter() - t1, 3)
        t1 = time.perf_counter()
        page.click("#tab-timeline")
        page.wait_for_selector("#timeline-svg")
        timeline = time.perf_counter() - t1
        if screenshot:
            page.screenshot(path=str(screenshot.with_name(screenshot.stem + "-timeline.png")))
        browser.close()
    return {"browser_ready_s": round(wall, 3), "ready_since_navigation_ms": round(in_page or 0),
            # main-thread busy time up to ready: less sensitive to other load on the machine
            "browser_main_thread_busy_s": round(metrics.get("TaskDuration", 0), 3),
            "browser_script_s": round(metrics.get("ScriptDuration", 0), 3),
            "still": still, "nodes_drawn": drawn, "events_drawn_on_request_s": events_on,
            "timeline_s": round(timeline, 3),
            "remote_requests": remote}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared"
                    / "corpora" / "bbc-news.jsonl", help="JSONL articles to build the graph from "
                    "(default: ../shared/corpora/bbc-news.jsonl)")
    ap.add_argument("--synthetic", action="store_true",
                    help="a synthetic graph shaped like --articles articles instead of a corpus")
    ap.add_argument("--graph-from", metavar="PATH.pickle")
    ap.add_argument("--graph-hook", metavar="MODULE:FUNCTION")
    ap.add_argument("--out", type=Path, help="keep the page here (default: a temporary file)")
    ap.add_argument("--screenshot", type=Path)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    args = ap.parse_args(argv)

    G = load_graph(args)
    kinds = [d["kind"] for _, d in G.nodes(data=True)]
    stats = {"documents": kinds.count("document"), "entities": kinds.count("entity"),
             "events": kinds.count("event"),
             "cooccurs_edges": sum(1 for *_, k in G.edges(keys=True) if k == "cooccurs")}
    t = time.perf_counter()
    page_data(G)
    stats["data_and_layout_s"] = round(time.perf_counter() - t, 3)
    t, cpu = time.perf_counter(), time.process_time()
    page = render_html(G, title="newsgraph benchmark")
    stats["render_html_s"] = round(time.perf_counter() - t, 3)
    stats["render_html_cpu_s"] = round(time.process_time() - cpu, 3)
    stats["page_mb"] = round(len(page.encode()) / 1e6, 2)
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-view-")) / "view.html"
    out.write_text(page, encoding="utf-8")
    if not args.no_browser and Path(CHROMIUM).exists():
        stats.update(open_in_chromium(out.resolve(), args.screenshot))
        stats["total_s"] = round(stats["render_html_s"] + stats["browser_ready_s"], 3)
    for k, v in stats.items():
        print(f"{k:>28}: {v}")
    if args.json:
        args.json.write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
