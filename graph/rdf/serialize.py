"""Writing RDF: quads in one fixed order, serialised by Oxigraph (Turtle, TriG, N-Triples) or
here (JSON-LD), and files replaced atomically. :mod:`graph.rdf.export` builds on these.

>>> import pyoxigraph as ox
>>> q = ox.Quad(ox.NamedNode("https://schema.org/x"), ox.NamedNode("https://schema.org/name"), ox.Literal("X"))
>>> print(serialize_quads([q], "ttl").decode(), end="")  # doctest: +ELLIPSIS
@prefix cameo: <https://w3id.org/newsgraph/cameo/> .
...
<BLANKLINE>
schema:x schema:name "X" .
>>> print(serialize_quads([q], "nt").decode(), end="")
<https://schema.org/x> <https://schema.org/name> "X" .
"""
from __future__ import annotations

import json
from functools import cache

import pyoxigraph as ox
from rdflib import Dataset, Graph

from .namespaces import PREFIXES, RDF, XSD

__all__ = ["serialize_quads", "sorted_quads", "FORMATS"]

#: What :func:`serialize_quads` writes.
FORMATS = ("ttl", "trig", "nt", "jsonld")

_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
_PREFIX_OF = {ns: prefix for prefix, ns in _PREFIXES.items()}
_RDF_TYPE, _XSD_STRING = str(RDF.type), str(XSD.string)
_OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES}


def serialize_quads(quads: list[ox.Quad], fmt: str) -> bytes:
    """Sorted quads as ``ttl``, ``trig``, ``nt`` or ``jsonld``: Oxigraph writes the first three
    (rdflib's Turtle writer slows down quadratically with the number of documents), prefixes
    sorted; Turtle and N-Triples get the union of the graphs."""
    if fmt == "jsonld":
        return _jsonld(quads)
    if fmt == "trig":
        items = quads
    else:
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
        items = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    out = ox.serialize(items, format=_OX_FORMATS[fmt], prefixes=None if fmt == "nt" else _PREFIXES)
    return _sorted_lines(out) if fmt == "nt" else _sorted_prefixes(out)


def sorted_quads(data: Dataset | Graph) -> list[ox.Quad]:
    """Every quad of a dataset (or triple of a graph), in one fixed order."""
    kind = "nquads" if isinstance(data, Dataset) else "nt"
    fmt = ox.RdfFormat.N_QUADS if kind == "nquads" else ox.RdfFormat.N_TRIPLES
    quads = ox.parse(data.serialize(format=kind, encoding="utf-8"), format=fmt)
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _sorted_prefixes(data: bytes) -> bytes:
    """The @prefix lines Oxigraph writes in hash order, sorted."""
    lines = data.decode("utf-8").split("\n")
    n = next((i for i, line in enumerate(lines) if not line.startswith("@prefix ")), len(lines))
    return "\n".join(sorted(lines[:n]) + [""] * bool(n) + lines[n:]).encode("utf-8")


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted(set(line for line in data.decode("utf-8").splitlines() if line.strip()))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _jsonld(quads: list[ox.Quad]) -> bytes:
    """JSON-LD, compacted by hand with the standard prefixes as its context: one ``@graph``
    object per named graph, nodes and values in the order of the sorted quads."""
    graphs: dict[str, dict[str, dict]] = {}
    compact = cache(_compact)
    for q in quads:
        nodes = graphs.setdefault(str(q.graph_name), {})
        node = nodes.setdefault(str(q.subject), {"@id": _json_id(q.subject, compact)})
        if q.predicate.value == _RDF_TYPE:
            node.setdefault("@type", []).append(compact(q.object.value))
        else:
            node.setdefault(compact(q.predicate.value), []).append(_json_value(q.object, compact))
    listed = [{"@id": compact(name[1:-1]), "@graph": [_unwrap(n) for n in nodes.values()]}
              for name, nodes in graphs.items() if name.startswith("<")]
    listed += [_unwrap(n) for name, nodes in graphs.items() if not name.startswith("<") for n in nodes.values()]
    doc = {"@context": _PREFIXES, "@graph": listed}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _compact(iri: str) -> str:
    """``prefix:local`` for an IRI in a standard namespace (the longest that fits), else the IRI."""
    best = max((ns for ns in _PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None or iri[len(best):].startswith("//"):
        return iri
    return f"{_PREFIX_OF[best]}:{iri[len(best):]}"


def _json_id(term, compact) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact(term.value)


def _json_value(term, compact):
    if not isinstance(term, ox.Literal):
        return {"@id": _json_id(term, compact)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == _XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": compact(term.datatype.value)}


def _unwrap(node: dict) -> dict:
    return {k: v[0] if isinstance(v, list) and len(v) == 1 else v for k, v in node.items()}
