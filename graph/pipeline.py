"""One document's way through newsgraph: read → parse → extract → graph → outputs.

>>> from graph.model import Document
>>> a = analyse_text(Document("d1", "UN Secretary-General Ban Ki-moon said Tuesday that Ban "
...                                 "was alarmed.", published=dt.date(2016, 12, 13)))
>>> [e.label for e in a.entities]
['United Nations', 'Ban Ki-moon']
>>> [(t.text, t.value) for t in a.timexes]
[('Tuesday', '2016-12-13')]
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import networkx as nx
from spacy.language import Language
from spacy.tokens import Doc

from .documents import ReadError, read_documents
from .extract.entities import find_entities
from .extract.events import find_events
from .extract.relations import find_relations
from .extract.timexes import find_dateline, find_timexes
from .kg import build_graph
from .model import Analysis, Document, Mention
from .nlp import DEFAULT_MODEL, load_nlp, pipe

__all__ = ["analyse", "analyse_text", "analyse_documents", "BuildResult", "build", "write_outputs"]

#: The files a build writes into its output folder, besides the store.
OUTPUT_FILES = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.nt", "graph.html", "analyses.jsonl")


def analyse(doc: Doc, document: Document) -> Analysis:
    """Run every extractor over a parsed document.

    An extractor that fails on this document (a bug, not bad input) costs its layer of this
    document only: the layer is left empty and ``Analysis.warnings`` says so, and the build of
    the other documents goes on.
    """
    if document.published is None and (found := find_dateline(document.text)):
        document = dataclasses.replace(document, published=found[1])
    warnings: list[str] = []

    def attempt(layer: str, extract):
        try:
            return tuple(extract())
        except Exception as err:                 # noqa: BLE001 (reported, and only this layer lost)
            warnings.append(f"{document.id}: the {layer} extractor failed ({type(err).__name__}: {err}); "
                            f"no {layer} for this document")
            return ()

    sentences = tuple(Mention(s.start_char, s.end_char, s.text) for s in doc.sents)
    entities = attempt("entities", lambda: find_entities(doc))
    timexes = attempt("time expressions", lambda: find_timexes(doc, document.published))
    relations = attempt("relations", lambda: find_relations(doc, entities))
    events = attempt("events", lambda: find_events(doc, document, entities, timexes, relations=relations))
    return Analysis(document, sentences=sentences, entities=entities, timexes=timexes,
                    events=events, relations=relations, warnings=tuple(warnings))


def analyse_text(document: Document, nlp: Language | None = None) -> Analysis:
    """Parse and analyse one document (loads the default pipeline if none is given)."""
    nlp = nlp or load_nlp()
    return analyse(next(pipe(nlp, [document.text])), document)


def analyse_documents(documents: Iterable[Document], nlp: Language, *, n_process: int = 1,
                      progress: Callable[[Document], None] | None = None) -> Iterator[Analysis]:
    """Analyse documents in order, parsing them in batches."""
    docs = list(documents) if not isinstance(documents, list) else documents
    for document, parsed in zip(docs, pipe(nlp, (d.text for d in docs), n_process=n_process)):
        yield analyse(parsed, document)
        if progress:
            progress(document)


@dataclasses.dataclass
class BuildResult:
    """What a build made: the graph, the analyses, the files written and the problems met."""

    graph: nx.MultiDiGraph
    analyses: list[Analysis]
    outputs: dict[str, Path]
    problems: list[ReadError]

    @property
    def warnings(self) -> list[str]:
        """Layers of documents an extractor failed on (see :func:`analyse`)."""
        return [w for a in self.analyses for w in a.warnings]


def build(paths: Iterable[str | Path], out: str | Path | None = "out", *,
          date: dt.date | None = None, model: str = DEFAULT_MODEL, n_process: int = 1,
          progress: bool = False, on_problem: Callable[[ReadError], None] | None = None) -> BuildResult:
    """Read every document under ``paths``, analyse it, and write the outputs into ``out``
    (``None``: build in memory only). Unreadable inputs are reported, not fatal."""
    problems: list[ReadError] = []

    def report(problem: ReadError) -> None:
        problems.append(problem)
        if on_problem:
            on_problem(problem)

    documents = list(read_documents(list(paths), date=date, on_error=report))
    nlp = load_nlp(model)
    bar = _progress_bar(len(documents)) if progress else None
    analyses = list(analyse_documents(documents, nlp, n_process=n_process,
                                      progress=(lambda d: bar.update(1)) if bar else None))
    if bar:
        bar.close()
    G = build_graph(analyses)
    outputs = write_outputs(G, analyses, Path(out)) if out is not None and analyses else {}
    return BuildResult(G, analyses, outputs, problems)


def write_outputs(G: nx.MultiDiGraph, analyses: list[Analysis], out: Path) -> dict[str, Path]:
    """Write the exports, the page, the analyses and the store into ``out``; each file is
    replaced whole or not at all."""
    from .analyses_io import write_analyses
    from .rdf.export import to_dataset, write_exports
    from .rdf.serialize import sorted_quads
    from .rdf.store import write_store
    from .view.html import write_html

    out.mkdir(parents=True, exist_ok=True)
    quads = sorted_quads(to_dataset(G))          # the RDF, read once for the files and the store
    written = [*write_exports(quads, out).values(), write_html(G, out / "graph.html"),
               write_analyses(analyses, out / "analyses.jsonl"), write_store(quads, out / "store")]
    return {Path(p).name: Path(p) for p in written}


def _progress_bar(total: int):
    from tqdm import tqdm
    return tqdm(total=total, unit="doc", file=sys.stderr, disable=total < 2, leave=False)
