"""The library API notebooks and the CLI share: build or load a graph, then explore it.

>>> kg = KnowledgeGraph.build(["seeds/"], out=None)            # doctest: +SKIP
>>> kg.entities().head()                                       # doctest: +SKIP
>>> kg.query("SELECT ?label WHERE { ?e a schema:Person ; rdfs:label ?label }")  # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from .kg import build_graph, entities, events
from .model import Analysis

__all__ = ["KnowledgeGraph", "build", "load"]


class KnowledgeGraph:
    """A built graph: the networkx graph, the analyses behind it, and SPARQL over its RDF.

    ``KnowledgeGraph.build(paths, out=...)`` analyses articles; ``KnowledgeGraph.load(out)``
    opens what a build wrote. In Jupyter the object shows itself as the interactive view.
    """

    def __init__(self, analyses: list[Analysis], *, out: Path | None = None, graph=None):
        self.analyses = list(analyses)
        self.out = Path(out) if out is not None else None
        self.graph: nx.MultiDiGraph = graph if graph is not None else build_graph(self.analyses)
        self._store = None

    # ------------------------------------------------------------------ building and loading
    @classmethod
    def build(cls, paths: Iterable[str | Path], out: str | Path | None = "out", **options):
        """Analyse the articles under ``paths`` (see :func:`graph.pipeline.build`)."""
        from .pipeline import build as run_build
        result = run_build(list(paths), out, **options)
        kg = cls(result.analyses, out=Path(out) if out is not None else None, graph=result.graph)
        kg.problems = result.problems
        return kg

    @classmethod
    def load(cls, out: str | Path = "out"):
        """Open the outputs of an earlier build (``analyses.jsonl`` and the store)."""
        from .analyses_io import read_analyses
        path = Path(out) / "analyses.jsonl"
        if not path.exists():
            raise FileNotFoundError(f"no build in {out}: run `newsgraph build … --out {out}` first")
        return cls(read_analyses(path), out=Path(out))

    # ------------------------------------------------------------------ tables
    def entities(self):
        """A DataFrame of entities: label, type, subtype, mentions, documents, wikidata."""
        import pandas as pd
        rows = [{"label": d["label"], "type": d["type"], "subtype": d["subtype"],
                 "mentions": len(d["mentions"]), "documents": len({m[0] for m in d["mentions"]}),
                 "aliases": ", ".join(d["aliases"]), "wikidata": d["wikidata"], "node": n}
                for n, d in entities(self.graph)]
        df = pd.DataFrame(rows, columns=["label", "type", "subtype", "mentions", "documents",
                                         "aliases", "wikidata", "node"])
        return df.sort_values(["mentions", "label"], ascending=[False, True], ignore_index=True)

    def events(self):
        """A DataFrame of events: date bounds, CAMEO code, label, agent, target, place, modality."""
        import pandas as pd
        names = {n: d.get("label") for n, d in entities(self.graph)}
        rows = []
        for n, d in events(self.graph):
            ev = d["event"]
            role = lambda r: "; ".join(sorted(names.get(v, v) for _, v, k in self.graph.out_edges(n, keys=True) if k == r))
            rows.append({"begin": ev.begin, "end": ev.end, "cameo": ev.cameo, "label": ev.label,
                         "agent": role("agent"), "target": role("target"), "place": role("place"),
                         "modality": ev.modality, "negated": ev.negated, "document": d["doc_id"],
                         "sentence": ev.sentence.text if ev.sentence else None, "node": n})
        df = pd.DataFrame(rows, columns=["begin", "end", "cameo", "label", "agent", "target", "place",
                                         "modality", "negated", "document", "sentence", "node"])
        return df.sort_values(["begin", "document", "node"], na_position="last", ignore_index=True)

    def central_actors(self, n: int = 10):
        """The ``n`` most central entities by weighted degree over co-occurrences and events."""
        import pandas as pd
        H = nx.Graph()
        for u, v, k, d in self.graph.edges(keys=True, data=True):
            if k == "cooccurs" or k in ("agent", "target"):
                w = d.get("weight", 1)
                H.add_edge(u, v, weight=H.get_edge_data(u, v, {"weight": 0})["weight"] + w)
        cent = nx.degree_centrality(H) if H else {}
        rows = [{"label": self.graph.nodes[x]["label"], "type": self.graph.nodes[x]["type"],
                 "centrality": round(c, 4), "mentions": len(self.graph.nodes[x]["mentions"])}
                for x, c in cent.items() if self.graph.nodes[x].get("kind") == "entity"]
        df = pd.DataFrame(rows, columns=["label", "type", "centrality", "mentions"])
        return df.sort_values(["centrality", "mentions", "label"], ascending=[False, False, True],
                              ignore_index=True).head(n)

    # ------------------------------------------------------------------ SPARQL
    def query(self, sparql: str):
        """Run SPARQL (SELECT into a DataFrame, ASK into a bool) over the graph's RDF."""
        import pandas as pd
        from .rdf.store import query
        result = query(self._open_store(), sparql)
        if isinstance(result, bool):
            return result
        return pd.DataFrame(result.rows, columns=result.columns)

    def _open_store(self):
        if self._store is None:
            from .rdf.export import to_dataset
            from .rdf.store import open_store, memory_store
            store_path = self.out / "store" if self.out else None
            self._store = open_store(store_path) if store_path and store_path.exists() \
                else memory_store(to_dataset(self.graph))
        return self._store

    # ------------------------------------------------------------------ views
    def html(self, *, title: str = "newsgraph") -> str:
        """The self-contained interactive page, as a string."""
        from .view.html import render_html
        return render_html(self.graph, title=title)

    def show(self, *, height: int = 720):
        """Show the interactive view inline in Jupyter (sandboxed in an iframe)."""
        from IPython.display import HTML
        return HTML(_iframe(self.html(), height))

    def _repr_html_(self) -> str:
        return _iframe(self.html(), 720)

    def timeline(self, actor: str, ax=None):
        """Plot the events in which ``actor`` (a label or alias) takes part on a date axis."""
        import matplotlib.pyplot as plt
        df = self.events()
        mask = df["agent"].str.contains(actor, regex=False) | df["target"].str.contains(actor, regex=False)
        df = df[mask & df["begin"].notna()]
        if ax is None:
            _, ax = plt.subplots(figsize=(9, max(2.5, 0.35 * len(df) + 1)))
        for i, row in enumerate(df.itertuples()):
            ax.plot([row.begin, row.end + dt.timedelta(days=1)], [i, i], lw=6, solid_capstyle="butt")
            ax.annotate(f"{row.cameo} {row.label}", (row.begin, i), xytext=(4, 6),
                        textcoords="offset points", fontsize=8)
        ax.set_yticks([])
        ax.set_title(f"Events of {actor}" + ("" if len(df) else " (none dated)"))
        ax.figure.autofmt_xdate()
        return ax


def _iframe(page: str, height: int) -> str:
    import html
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{height}px;'
            f'border:1px solid #ddd" sandbox="allow-scripts"></iframe>')


def build(paths: Iterable[str | Path], out: str | Path | None = "out", **options) -> KnowledgeGraph:
    """Analyse the articles under ``paths`` and write the outputs into ``out``."""
    return KnowledgeGraph.build(paths, out, **options)


def load(out: str | Path = "out") -> KnowledgeGraph:
    """Open the outputs of an earlier build."""
    return KnowledgeGraph.load(out)
