"""The knowledge graph as RDF: one named graph per document, and the W3C serialisations.

:func:`to_dataset` turns the networkx graph of :mod:`graph.kg` into an :class:`rdflib.Dataset`
with the vocabulary of ``docs/ontology.md`` (which the RDF contract fixes in part). Each
document's graph, named by the document's IRI, holds everything the document says: the
document itself, its sentences, entity mentions and time expressions, the description of every
entity it refers to, its events and its relations. One more graph holds the vocabulary (the
CAMEO scheme, ng's classes). Their union is the graph the contract describes.

Every ``write_*`` takes the networkx graph or a Dataset, serialises it in memory and then
replaces the file atomically, so a failure leaves the previous file; every output is the same,
byte for byte, for the same input.

>>> import tempfile
>>> from pathlib import Path
>>> from graph.kg import build_graph
>>> from graph.model import Analysis, Document, Entity, Mention
>>> doc = Document("d1", "Turkey protested.")
>>> G = build_graph([Analysis(doc, entities=(
...     Entity("Q43", "Turkey", "Place", "Country", mentions=(Mention(0, 6, "Turkey"),), wikidata="Q43"),))])
>>> ds = to_dataset(G)
>>> sorted(str(g.identifier).rsplit("/", 1)[-1] for g in ds.graphs() if len(g))
['d1', 'vocabulary']
>>> out = write_exports(G, Path(tempfile.mkdtemp()))
>>> sorted(out)
['jsonld', 'nt', 'trig', 'ttl']
>>> len(read_trig(out["trig"]).graph(doc_iri("d1")))
15
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from collections import defaultdict
from pathlib import Path

import networkx as nx
import rdflib
from rdflib import Dataset, Graph, Literal
from rdflib.term import URIRef

from ..kg import doc_node, documents, entities, events
from ..model import Document, Mention, TimeExpression
from .iris import (VOCABULARY_GRAPH, cameo_iri, doc_iri, entity_iri, event_iri, span_iri, timex_iri,
                   wikidata_iri)
from .namespaces import ITSRDF, NG, NIF, OWL, PREFIXES, PROV, RDF, RDFS, SDO, SEM, XSD
from ..files import atomic_write
from .serialize import serialize_quads, sorted_quads
from .vocab import add_vocabulary, entity_class

__all__ = ["to_dataset", "union_graph", "write_turtle", "read_turtle", "write_trig", "read_trig",
           "write_jsonld", "read_jsonld", "write_ntriples", "read_ntriples", "write_exports",
           "EXPORT_FILES"]

#: What :func:`write_exports` writes: format key -> file name.
EXPORT_FILES = {"ttl": "graph.ttl", "trig": "graph.trig", "jsonld": "graph.jsonld", "nt": "graph.nt"}

#: Relation edge keys of graph.kg -> schema.org properties (jobTitle is an entity attribute).
_RELATIONS = {"affiliation": SDO.affiliation, "containedInPlace": SDO.containedInPlace,
              "location": SDO.location}
_ROLES = {"agent": NG.agent, "target": NG.target, "place": SEM.hasPlace}
_SAFE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|\\^`]+")


# ---------------------------------------------------------------- building

def to_dataset(G: nx.MultiDiGraph) -> Dataset:
    """The RDF of a knowledge graph: a graph per document plus the vocabulary graph.

    >>> from graph.kg import build_graph
    >>> from graph.model import Analysis, Document
    >>> ds = to_dataset(build_graph([Analysis(Document("d1", "Hello."))]))
    >>> ds.graph(doc_iri("d1")).value(doc_iri("d1"), NIF.isString)
    rdflib.term.Literal('Hello.')
    """
    ds = rdflib.Dataset()
    _bind(ds)
    add_vocabulary(ds.graph(VOCABULARY_GRAPH))
    said = _index_by_document(G)
    for doc, timexes in documents(G):
        g = ds.graph(doc_iri(doc.id))
        _Writer(G, g, doc, G.nodes[doc_node(doc.id)]["sentences"]).write(timexes, said[doc.id])
    return ds


def union_graph(data: nx.MultiDiGraph | Dataset | Graph) -> Graph:
    """Every triple of every graph (documents and vocabulary) in one graph, prefixes bound.

    >>> from graph.kg import build_graph; from graph.model import Analysis, Document
    >>> g = union_graph(build_graph([Analysis(Document("d1", "Hi."))]))
    >>> (doc_iri("d1"), SDO.identifier, Literal("d1")) in g
    True
    """
    if isinstance(data, Graph) and not isinstance(data, Dataset):
        return data
    ds = _as_dataset(data)
    g = Graph()
    _bind(g)
    for quad in ds.quads((None, None, None, None)):
        g.add(quad[:3])
    return g


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def _as_dataset(data: nx.MultiDiGraph | Dataset) -> Dataset:
    return data if isinstance(data, Dataset) else to_dataset(data)


def _as_rdf(data: nx.MultiDiGraph | Dataset | Graph) -> Dataset | Graph:
    return data if isinstance(data, Graph) else to_dataset(data)


def _index_by_document(G: nx.MultiDiGraph) -> dict[str, dict[str, list]]:
    """doc id -> {"mentions": [(entity node, Mention)], "titles": [(entity node, title)],
    "relations": [(subject node, predicate key, object node)], "events": [event node]}."""
    said: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for n, data in entities(G):
        for doc_id, m in data["mentions"]:
            said[doc_id]["mentions"].append((n, m))
        for title, doc_id in data["titles"]:
            said[doc_id]["titles"].append((n, title))
    for s, o, key, data in G.edges(keys=True, data=True):
        if key in _RELATIONS:
            for doc_id in data["docs"]:
                said[doc_id]["relations"].append((s, key, o))
    for n, data in events(G):
        said[data["doc_id"]]["events"].append(n)
    return said


class _Writer:
    """Writes one document's graph; every iteration is sorted, so the output is stable."""

    def __init__(self, G: nx.MultiDiGraph, g: Graph, doc: Document, sentences: tuple[Mention, ...]):
        self.G, self.g, self.doc, self.iri = G, g, doc, doc_iri(doc.id)
        self.sentences = sorted(sentences, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.sentences]
        self.entities: set[str] = set()

    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    def write(self, timexes, said: dict[str, list]) -> None:
        self.document()
        for s in self.sentences:
            self.span(s, NIF.Sentence)
        for n, m in sorted(said["mentions"], key=lambda x: (x[1].start, x[1].end, x[0])):
            phrase = self.span(m, NIF.Phrase, sentence=True)
            self.add(phrase, ITSRDF.taIdentRef, self.entity(n))
        for t in sorted(timexes, key=lambda t: (t.start, t.end)):
            self.timex(t)
        for n in sorted(said["events"]):
            self.event(n)
        for n, title in sorted(said["titles"]):
            self.add(self.entity(n), SDO.jobTitle, Literal(title))
        for s, key, o in sorted(said["relations"]):
            self.add(self.entity(s), _RELATIONS[key], self.entity(o))
        for n in sorted(self.entities):
            self.describe(n)

    def document(self) -> None:
        d, doc = self.iri, self.doc
        self.add(d, RDF.type, SDO.NewsArticle)
        self.add(d, RDF.type, NIF.Context)
        self.add(d, SDO.identifier, Literal(doc.id))
        self.add(d, NIF.isString, Literal(doc.text))
        self.add(d, NIF.beginIndex, _index(0))
        self.add(d, NIF.endIndex, _index(len(doc.text)))
        if doc.published is not None:
            self.add(d, SDO.datePublished, _date(doc.published))
        if doc.title:
            self.add(d, SDO.headline, Literal(doc.title))
        if doc.url:
            url = URIRef(doc.url) if _SAFE_URL.fullmatch(doc.url) else Literal(doc.url, datatype=XSD.anyURI)
            self.add(d, SDO.url, url)
        if doc.source:
            self.add(d, NG.sourcePath, Literal(doc.source))

    def span(self, m: Mention, cls: URIRef, *, sentence: bool = False, iri: URIRef | None = None) -> URIRef:
        """A NIF string of the document: typed, placed, its text, and its sentence."""
        node = iri or span_iri(self.iri, m.start, m.end)
        self.add(node, RDF.type, cls)
        self.add(node, NIF.referenceContext, self.iri)
        self.add(node, NIF.beginIndex, _index(m.start))
        self.add(node, NIF.endIndex, _index(m.end))
        self.add(node, NIF.anchorOf, Literal(m.text))
        if sentence and (s := self.sentence_of(m)) is not None:
            self.add(node, NG.sentence, s)
        return node

    def sentence_of(self, m: Mention) -> URIRef | None:
        i = bisect.bisect_right(self.starts, m.start) - 1
        if i >= 0 and m.end <= self.sentences[i].end:
            return span_iri(self.iri, self.sentences[i].start, self.sentences[i].end)
        return None

    def timex(self, t: TimeExpression) -> URIRef:
        node = self.span(Mention(t.start, t.end, t.text), NG.TimeExpression, sentence=True,
                         iri=timex_iri(self.iri, t.start, t.end))
        self.add(node, RDF.type, NIF.Phrase)
        self.add(node, NG.timexType, Literal(t.type))
        self.add(node, NG.timexValue, Literal(t.value))
        if t.mod:
            self.add(node, NG.timexMod, Literal(t.mod))
        return node

    def entity(self, n: str) -> URIRef:
        self.entities.add(n)
        return entity_iri(self.G.nodes[n]["key"])

    def describe(self, n: str) -> None:
        """What the graph knows of an entity, repeated in every document graph that refers to it."""
        data = self.G.nodes[n]
        e = entity_iri(data["key"])
        self.add(e, RDF.type, entity_class(data["type"], data["subtype"]))
        self.add(e, RDFS.label, Literal(data["label"], lang="en"))
        for alias in sorted(data["aliases"]):
            self.add(e, SDO.alternateName, Literal(alias, lang="en"))
        if (wd := wikidata_iri(data["wikidata"])) is not None:
            self.add(e, OWL.sameAs, wd)

    def event(self, n: str) -> None:
        ev = self.G.nodes[n]["event"]
        node = event_iri(ev.key)
        self.add(node, RDF.type, SEM.Event)
        self.add(node, RDFS.label, Literal(ev.label))
        if ev.cameo:
            self.add(node, NG.cameoCode, Literal(ev.cameo))
            self.add(node, SEM.eventType, cameo_iri(ev.cameo))
        self.add(node, NG.modality, Literal(ev.modality))
        self.add(node, NG.negated, Literal(bool(ev.negated)))
        self.add(node, PROV.wasDerivedFrom, self.iri)
        for _, target, role in sorted(self.G.out_edges(n, keys=True)):
            if role in _ROLES:
                who = self.entity(target)
                self.add(node, _ROLES[role], who)
                if role != "place":
                    self.add(node, SEM.hasActor, who)
        if ev.begin is not None:
            self.add(node, SEM.hasBeginTimeStamp, _date(ev.begin))
        if ev.end is not None:
            self.add(node, SEM.hasEndTimeStamp, _date(ev.end))
        if ev.timex is not None:
            self.add(node, NG.timex, self.timex(ev.timex))
        if ev.sentence is not None:
            self.span(ev.sentence, NIF.Sentence)
        for m in sorted(ev.mentions, key=lambda m: (m.start, m.end)):
            s = ev.sentence
            inside = s is not None and s.start <= m.start and m.end <= s.end
            em = self.span(m, NG.EventMention, sentence=not inside)
            self.add(em, RDF.type, NIF.Phrase)
            if inside:
                self.add(em, NG.sentence, span_iri(self.iri, s.start, s.end))
            self.add(node, NG.mention, em)


def _index(i: int) -> Literal:
    return Literal(int(i), datatype=XSD.nonNegativeInteger)


def _date(d: dt.date) -> Literal:
    """An xsd:date; a datetime gives its day."""
    return Literal(dt.date(d.year, d.month, d.day).isoformat(), datatype=XSD.date)


# ---------------------------------------------------------------- writing and reading

def write_turtle(data: nx.MultiDiGraph | Dataset | Graph, path: str | os.PathLike) -> Path:
    """Write the union of all graphs as Turtle (its default graph), prefixes bound.

    >>> import tempfile; from graph.kg import build_graph; from graph.model import Analysis, Document
    >>> p = write_turtle(build_graph([Analysis(Document("d1", "Hi."))]), Path(tempfile.mkdtemp()) / "g.ttl")
    >>> (doc_iri("d1"), NIF.isString, Literal("Hi.")) in read_turtle(p)
    True
    """
    return atomic_write(path, serialize_quads(sorted_quads(_as_rdf(data)), "ttl"))


def read_turtle(path: str | os.PathLike) -> Graph:
    """A Turtle file as a graph."""
    return Graph().parse(str(path), format="turtle")


def write_trig(data: nx.MultiDiGraph | Dataset, path: str | os.PathLike) -> Path:
    """Write every named graph as TriG: the graphs in IRI order, each one sorted.

    >>> import tempfile; from graph.kg import build_graph; from graph.model import Analysis, Document
    >>> p = write_trig(build_graph([Analysis(Document("d1", "Hi."))]), Path(tempfile.mkdtemp()) / "g.trig")
    >>> doc_iri("d1") in {g.identifier for g in read_trig(p).graphs()}
    True
    """
    return atomic_write(path, serialize_quads(sorted_quads(_as_dataset(data)), "trig"))


def read_trig(path: str | os.PathLike) -> Dataset:
    """A TriG file as a Dataset, its named graphs kept; its default graph is their union, as the
    contract describes it and as the store and the scorer see it."""
    ds = rdflib.Dataset(default_union=True)
    ds.parse(str(path), format="trig")
    return ds


def write_jsonld(data: nx.MultiDiGraph | Dataset, path: str | os.PathLike) -> Path:
    """Write every named graph as JSON-LD: one ``@graph`` object per named graph, its nodes and
    their values in sorted order, IRIs compacted with the standard prefixes.

    >>> import tempfile; from graph.kg import build_graph; from graph.model import Analysis, Document
    >>> p = write_jsonld(build_graph([Analysis(Document("d1", "Hi."))]), Path(tempfile.mkdtemp()) / "g.jsonld")
    >>> len(read_jsonld(p).graph(doc_iri("d1")))
    6
    """
    return atomic_write(path, serialize_quads(sorted_quads(_as_dataset(data)), "jsonld"))


def read_jsonld(path: str | os.PathLike) -> Dataset:
    """A JSON-LD file as a Dataset, its named graphs kept; its default graph is their union."""
    ds = rdflib.Dataset(default_union=True)
    ds.parse(str(path), format="json-ld")
    return ds


def write_ntriples(data: nx.MultiDiGraph | Dataset | Graph, path: str | os.PathLike) -> Path:
    """Write the union of all graphs as N-Triples, one triple a line, lines sorted.

    >>> import tempfile; from graph.kg import build_graph; from graph.model import Analysis, Document
    >>> p = write_ntriples(build_graph([Analysis(Document("d1", "Hi."))]), Path(tempfile.mkdtemp()) / "g.nt")
    >>> (doc_iri("d1"), NIF.isString, Literal("Hi.")) in read_ntriples(p)
    True
    """
    return atomic_write(path, serialize_quads(sorted_quads(_as_rdf(data)), "nt"))


def read_ntriples(path: str | os.PathLike) -> Graph:
    """An N-Triples file as a graph."""
    return Graph().parse(str(path), format="nt")


def write_exports(G: nx.MultiDiGraph | Dataset | list, out_dir: str | os.PathLike, *,
                  formats: tuple[str, ...] = tuple(EXPORT_FILES)) -> dict[str, Path]:
    """Write ``graph.ttl``, ``graph.trig``, ``graph.jsonld`` and ``graph.nt`` into ``out_dir``
    (or only ``formats``) and return format key -> path. ``G`` may also be the dataset's
    :func:`~graph.rdf.serialize.sorted_quads`, read once for the store as well."""
    unknown = set(formats) - set(EXPORT_FILES)
    if unknown:
        raise ValueError(f"unknown export formats {sorted(unknown)}; known: {sorted(EXPORT_FILES)}")
    quads = G if isinstance(G, list) else sorted_quads(_as_dataset(G))   # read once, written four ways
    out = Path(out_dir)
    return {key: atomic_write(out / EXPORT_FILES[key], serialize_quads(quads, key)) for key in formats}
