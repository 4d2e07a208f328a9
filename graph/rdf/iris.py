"""Stable instance IRIs: the same input gives the same IRIs on every run and machine.

Every user-supplied part (document ids, entity and event keys) is percent-encoded with
``urllib.parse.quote(..., safe="")``, so no id can break out of its path segment:

>>> doc_iri("000_bd2955b50dc75ab2")
rdflib.term.URIRef('https://w3id.org/newsgraph/id/doc/000_bd2955b50dc75ab2')
>>> span_iri(doc_iri("a/b c"), 463, 479)
rdflib.term.URIRef('https://w3id.org/newsgraph/id/doc/a%2Fb%20c#char=463,479')
>>> entity_iri("Q43"), event_iri("d1:036:318")
(rdflib.term.URIRef('https://w3id.org/newsgraph/id/entity/Q43'), rdflib.term.URIRef('https://w3id.org/newsgraph/id/event/d1%3A036%3A318'))
"""
from __future__ import annotations

from urllib.parse import quote

from rdflib.term import URIRef

from .namespaces import CAMEO, ID, WD

__all__ = ["VOCABULARY_GRAPH", "doc_iri", "entity_iri", "event_iri", "span_iri", "timex_iri",
           "cameo_iri", "wikidata_iri"]

#: The named graph holding the vocabulary: the CAMEO scheme and ng's own classes and properties.
VOCABULARY_GRAPH = ID["vocabulary"]


def _part(value: str) -> str:
    return quote(str(value), safe="")


def doc_iri(doc_id: str) -> URIRef:
    """A document (a ``schema:NewsArticle, nif:Context``); also the name of its graph."""
    return ID["doc/" + _part(doc_id)]


def entity_iri(key: str) -> URIRef:
    """An entity, by its key (a Wikidata QID where known): one node across all documents."""
    return ID["entity/" + _part(key)]


def event_iri(key: str) -> URIRef:
    """An event, by its key."""
    return ID["event/" + _part(key)]


def span_iri(doc: URIRef, start: int, end: int) -> URIRef:
    """A span of a document's text, NIF style (RFC 5147 ``char=``): a sentence, an entity
    mention or an event mention. The same span is the same node."""
    return URIRef(f"{doc}#char={int(start)},{int(end)}")


def timex_iri(doc: URIRef, start: int, end: int) -> URIRef:
    """A time expression of a document, by its span.

    >>> timex_iri(doc_iri("d1"), 0, 7)
    rdflib.term.URIRef('https://w3id.org/newsgraph/id/doc/d1#timex=0,7')
    """
    return URIRef(f"{doc}#timex={int(start)},{int(end)}")


def cameo_iri(code: str) -> URIRef:
    """The ``skos:Concept`` of a CAMEO code.

    >>> cameo_iri("036")
    rdflib.term.URIRef('https://w3id.org/newsgraph/cameo/036')
    """
    return CAMEO[_part(str(code).strip())]


def wikidata_iri(qid: str | None) -> URIRef | None:
    """``wd:Q…`` for a QID (or a Wikidata entity IRI); None for anything else.

    >>> wikidata_iri("Q43"), wikidata_iri("not a qid")
    (rdflib.term.URIRef('http://www.wikidata.org/entity/Q43'), None)
    """
    qid = str(qid or "").strip().rsplit("/", 1)[-1]
    if len(qid) > 1 and qid[0] == "Q" and qid[1:].isdigit():
        return WD[qid]
    return None
