"""The knowledge graph in memory: analyses of documents merged into one networkx graph.

Every later layer (RDF export, the HTML view, the notebook API) reads this graph and nothing
else. Its shape, a :class:`networkx.MultiDiGraph`:

========================  ===============================================================
node                      attributes
========================  ===============================================================
``doc/<id>``              ``kind="document"``, ``document`` (:class:`~graph.model.Document`),
                          ``sentences``, ``timexes`` (tuples of records)
``entity/<key>``          ``kind="entity"``, ``key``, ``label``, ``type``, ``subtype``,
                          ``aliases`` (sorted list), ``wikidata``, ``mentions`` (list of
                          ``(doc_id, Mention)``), ``titles`` (list of ``(title, doc_id)``),
                          ``sources`` (each document's :class:`~graph.model.Entity`, in the
                          order added: the names above are derived from them)
``event/<key>``           ``kind="event"``, ``doc_id``, ``event`` (:class:`~graph.model.Event`)
========================  ===============================================================

========================================  ==============================================
edge (key)                                attributes
========================================  ==============================================
entity → entity ``cooccurs``              ``weight``, ``sentences`` (list of
                                          ``(doc_id, Mention)``), stored once, from the
                                          smaller node id to the larger
entity → entity ``affiliation`` …         a relation: ``docs`` (sorted list of doc ids),
                                          ``evidence`` (list of ``(doc_id, Mention)``)
event → entity ``agent``/``target``/      (no attributes)
``place``
event → document ``reportedIn``           (no attributes)
========================================  ==============================================

>>> from graph.model import Analysis, Document, Entity, Mention
>>> doc = Document("d1", "Turkey and Russia met.")
>>> ents = (Entity("Q43", "Turkey", "Place", mentions=(Mention(0, 6, "Turkey"),)),
...         Entity("Q159", "Russia", "Place", mentions=(Mention(11, 17, "Russia"),)))
>>> G = build_graph([Analysis(doc, sentences=(Mention(0, 22, doc.text),), entities=ents)])
>>> G.edges["entity/Q159", "entity/Q43", "cooccurs"]["weight"]
1
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

import networkx as nx

from .model import Analysis, Document, Entity, Event, TimeExpression

__all__ = ["build_graph", "add_analysis", "doc_node", "entity_node", "event_node",
           "documents", "entities", "events", "RELATION_PREDICATES"]

#: Relations between entities, as edge keys (the object of jobTitle is a string: node attr).
RELATION_PREDICATES = ("affiliation", "containedInPlace", "location")


def doc_node(doc_id: str) -> str:
    return f"doc/{doc_id}"


def entity_node(key: str) -> str:
    return f"entity/{key}"


def event_node(key: str) -> str:
    return f"event/{key}"


def build_graph(analyses: Iterable[Analysis]) -> nx.MultiDiGraph:
    """Merge analyses into a new graph; the same entity key across documents is one node."""
    G = nx.MultiDiGraph()
    for analysis in analyses:
        add_analysis(G, analysis)
    return G


def add_analysis(G: nx.MultiDiGraph, analysis: Analysis) -> None:
    """Add one document's analysis to ``G`` (a document id seen before is replaced)."""
    doc = analysis.document
    if doc_node(doc.id) in G:
        remove_document(G, doc.id)
    G.add_node(doc_node(doc.id), kind="document", document=doc,
               sentences=analysis.sentences, timexes=analysis.timexes)
    for entity in analysis.entities:
        _add_entity(G, doc.id, entity)
    _add_cooccurrences(G, doc.id, analysis.sentences, analysis.entities)
    for event in analysis.events:
        _add_event(G, doc.id, event)
    for rel in analysis.relations:
        _add_relation(G, doc.id, rel)


def remove_document(G: nx.MultiDiGraph, doc_id: str) -> None:
    """Forget everything ``doc_id`` contributed; entities no other document mentions go too."""
    G.remove_node(doc_node(doc_id))
    for n in [n for n, d in G.nodes(data=True) if d["kind"] == "event" and d["doc_id"] == doc_id]:
        G.remove_node(n)
    for _, _, data in list(G.edges(data=True)):
        if "sentences" in data:
            data["sentences"] = [s for s in data["sentences"] if s[0] != doc_id]
            data["weight"] = len(data["sentences"])
        if "docs" in data:
            data["evidence"] = [e for e in data["evidence"] if e[0] != doc_id]
            data["docs"] = [d for d in data["docs"] if d != doc_id]
    G.remove_edges_from([(u, v, k) for u, v, k, d in G.edges(keys=True, data=True)
                         if d.get("weight") == 0 or d.get("docs") == []])
    for n, data in list(G.nodes(data=True)):
        if data["kind"] == "entity":
            data["mentions"] = [m for m in data["mentions"] if m[0] != doc_id]
            data["titles"] = [t for t in data["titles"] if t[1] != doc_id]
            data["sources"] = [s for s in data["sources"] if s[0] != doc_id]
            if not data["sources"]:
                G.remove_node(n)
            else:
                _derive_names(data)


def _add_entity(G: nx.MultiDiGraph, doc_id: str, e: Entity) -> None:
    n = entity_node(e.key)
    if n not in G:
        G.add_node(n, kind="entity", key=e.key, label=e.label, type=e.type, subtype=e.subtype,
                   aliases=[], wikidata=e.wikidata, mentions=[], titles=[], sources=[])
    data = G.nodes[n]
    data["sources"].append((doc_id, e))
    data["mentions"].extend((doc_id, m) for m in e.mentions)
    _derive_names(data)


def _derive_names(data: dict) -> None:
    """Label, aliases, subtype and QID of an entity node from what its documents said.

    The fullest label wins (the first seen among equally long ones); every other name is an alias.
    """
    seen = [e for _, e in data["sources"]]
    data["label"] = max(seen, key=lambda e: len(e.label)).label
    names = {name for e in seen for name in (e.label, *e.aliases)}
    data["aliases"] = sorted(names - {data["label"]})
    data["subtype"] = next((e.subtype for e in seen if e.subtype), None)
    data["wikidata"] = next((e.wikidata for e in seen if e.wikidata), None)


def _add_cooccurrences(G, doc_id: str, sentences, entities) -> None:
    starts = [s.start for s in sentences]
    by_sentence: dict[int, set[str]] = {}
    for e in entities:
        for m in e.mentions:
            i = _sentence_index(starts, m.start)
            if i is not None:
                by_sentence.setdefault(i, set()).add(entity_node(e.key))
    for i, nodes in sorted(by_sentence.items()):
        ordered = sorted(nodes)
        for a_i, a in enumerate(ordered):
            for b in ordered[a_i + 1:]:
                if not G.has_edge(a, b, "cooccurs"):
                    G.add_edge(a, b, "cooccurs", weight=0, sentences=[])
                data = G.edges[a, b, "cooccurs"]
                data["sentences"].append((doc_id, sentences[i]))
                data["weight"] = len(data["sentences"])


def _sentence_index(starts: list[int], offset: int) -> int | None:
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 else None


def _add_event(G, doc_id: str, ev: Event) -> None:
    n = event_node(ev.key)
    G.add_node(n, kind="event", doc_id=doc_id, event=ev)
    G.add_edge(n, doc_node(doc_id), "reportedIn")
    for role, keys in (("agent", ev.agents), ("target", ev.targets), ("place", ev.places)):
        for key in keys:
            if entity_node(key) in G:
                G.add_edge(n, entity_node(key), role)


def _add_relation(G, doc_id: str, rel) -> None:
    s = entity_node(rel.subject)
    if s not in G:
        return
    if rel.predicate == "jobTitle":
        if (rel.obj, doc_id) not in G.nodes[s]["titles"]:
            G.nodes[s]["titles"].append((rel.obj, doc_id))
        return
    o = entity_node(rel.obj)
    if o not in G or s == o:
        return
    if not G.has_edge(s, o, rel.predicate):
        G.add_edge(s, o, rel.predicate, docs=[], evidence=[])
    data = G.edges[s, o, rel.predicate]
    if doc_id not in data["docs"]:
        data["docs"].append(doc_id)
        data["docs"].sort()
    if rel.evidence is not None:
        data["evidence"].append((doc_id, rel.evidence))


def documents(G: nx.MultiDiGraph) -> Iterator[tuple[Document, tuple[TimeExpression, ...]]]:
    """Each document with its time expressions, ordered by id."""
    for n in sorted(n for n, d in G.nodes(data=True) if d["kind"] == "document"):
        yield G.nodes[n]["document"], G.nodes[n]["timexes"]


def entities(G: nx.MultiDiGraph) -> Iterator[tuple[str, dict]]:
    """(node, attributes) of every entity, ordered by node id."""
    for n in sorted(n for n, d in G.nodes(data=True) if d["kind"] == "entity"):
        yield n, G.nodes[n]


def events(G: nx.MultiDiGraph) -> Iterator[tuple[str, dict]]:
    """(node, attributes) of every event, ordered by node id."""
    for n in sorted(n for n, d in G.nodes(data=True) if d["kind"] == "event"):
        yield n, G.nodes[n]
