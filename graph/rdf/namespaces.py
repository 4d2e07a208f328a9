"""Every vocabulary newsgraph writes, in one place: no IRI strings anywhere else in the code.

The terms fixed by the RDF contract (``docs/ontology.md``) are declared with ``_fail = True``,
so a typo raises at once instead of minting a new IRI:

>>> NG.timexValue
rdflib.term.URIRef('https://w3id.org/newsgraph/ns#timexValue')
>>> NG.timexVal
Traceback (most recent call last):
...
AttributeError: term 'timexVal' not in namespace 'https://w3id.org/newsgraph/ns#'
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD, DefinedNamespace
from rdflib.term import URIRef

__all__ = ["NG", "SEM", "NIF", "ITSRDF", "WD", "CAMEO", "ID",
           "OWL", "PROV", "RDF", "RDFS", "SDO", "SKOS", "TIME", "XSD", "PREFIXES"]


class NG(DefinedNamespace):
    """newsgraph's own terms."""

    _NS = Namespace("https://w3id.org/newsgraph/ns#")
    _fail = True

    # classes
    TimeExpression: URIRef   # a TIMEX3 time expression found in a document (a nif:Phrase)
    ArmedGroup: URIRef       # an armed non-state group (subclass of schema:Organization)
    EventMention: URIRef     # the place a text states an event: its trigger word(s)
    CameoScheme: URIRef      # the skos:ConceptScheme of CAMEO event types
    # time expressions
    timexType: URIRef        # DATE, TIME, DURATION or SET
    timexValue: URIRef       # the TIMEX3 value, e.g. 2016-12-12, 2016-W49, P1D, PAST_REF
    timexMod: URIRef         # the TIMEX3 mod, e.g. START, MID, END, APPROX
    # events
    cameoCode: URIRef        # the CAMEO event code, e.g. "036"
    agent: URIRef            # who did it (also stated as sem:hasActor)
    target: URIRef           # to whom (also stated as sem:hasActor)
    mention: URIRef          # an ng:EventMention of the event
    modality: URIRef         # asserted, planned, possible, claimed or denied
    negated: URIRef          # true where the text says it did not happen
    timex: URIRef            # the ng:TimeExpression that dates the event
    sentence: URIRef         # the sentence (a nif:Sentence) a mention or fact was read in
    # documents
    sourcePath: URIRef       # where a document was read from (a path, or path:line)


SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
WD = Namespace("http://www.wikidata.org/entity/")

#: The CAMEO concept scheme: ``CAMEO["036"]``, the scheme itself is ``CAMEO.scheme``.
CAMEO = Namespace("https://w3id.org/newsgraph/cameo/")
#: Where instance IRIs live (documents, entities, events): see graph.rdf.export.
ID = Namespace("https://w3id.org/newsgraph/id/")

#: Prefixes bound on every exported graph and offered to every query.
PREFIXES = {
    "ng": NG._NS, "sem": SEM, "schema": SDO, "nif": NIF, "itsrdf": ITSRDF, "prov": PROV,
    "time": TIME, "skos": SKOS, "owl": OWL, "rdfs": RDFS, "rdf": RDF, "xsd": XSD, "wd": WD,
    "cameo": CAMEO,
}
