"""The vocabulary graph: the CAMEO concept scheme and the declarations of ng's own terms.

It is one named graph (:data:`~graph.rdf.iris.VOCABULARY_GRAPH`) beside the document graphs. It
also states which schema.org class each entity subtype maps to, and that class's place under
``schema:Person|Organization|Place``, so a reader that knows only the three top types (the
scorer, a plain RDFS reasoner) can still place every entity.

>>> entity_class("Place", "Country"), entity_class("Organization", "ArmedGroup")
(rdflib.term.URIRef('https://schema.org/Country'), rdflib.term.URIRef('https://w3id.org/newsgraph/ns#ArmedGroup'))
>>> entity_class("Organization", "PoliticalParty")      # not known here: the top type
rdflib.term.URIRef('https://schema.org/Organization')
>>> g = vocabulary_graph()
>>> (CAMEO_SCHEME, RDF.type, SKOS.ConceptScheme) in g
True
"""
from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.term import URIRef

from ..cameo import cameo_codes
from .iris import VOCABULARY_GRAPH, cameo_iri
from .namespaces import NG, NIF, OWL, PREFIXES, RDF, RDFS, SDO, SKOS, XSD

__all__ = ["CAMEO_SCHEME", "TOP_TYPES", "SUBTYPES", "entity_class", "vocabulary_graph", "add_vocabulary"]

#: The CAMEO ``skos:ConceptScheme``.
CAMEO_SCHEME = cameo_iri("scheme")

#: Entity type (graph.model.ENTITY_TYPES) -> schema.org class.
TOP_TYPES = {"Person": SDO.Person, "Organization": SDO.Organization, "Place": SDO.Place}

#: Entity subtype -> (class, its top type). The first nine are the ones the contract names.
SUBTYPES = {
    "Country": (SDO.Country, "Place"),
    "City": (SDO.City, "Place"),
    "AdministrativeArea": (SDO.AdministrativeArea, "Place"),
    "Continent": (SDO.Continent, "Place"),
    "Landform": (SDO.Landform, "Place"),
    "GovernmentOrganization": (SDO.GovernmentOrganization, "Organization"),
    "NGO": (SDO.NGO, "Organization"),
    "NewsMediaOrganization": (SDO.NewsMediaOrganization, "Organization"),
    "ArmedGroup": (NG.ArmedGroup, "Organization"),
    "State": (SDO.State, "Place"),
    "BodyOfWater": (SDO.BodyOfWater, "Place"),
    "Mountain": (SDO.Mountain, "Place"),
    "Corporation": (SDO.Corporation, "Organization"),
    "EducationalOrganization": (SDO.EducationalOrganization, "Organization"),
}

# ng's own terms: term -> (kind, label, comment, superclass or range)
_NG_TERMS = {
    NG.TimeExpression: (RDFS.Class, "time expression",
                        "A TIMEX3 time expression found in a document.", NIF.Phrase),
    NG.ArmedGroup: (RDFS.Class, "armed group", "An armed non-state group.", SDO.Organization),
    NG.EventMention: (RDFS.Class, "event mention",
                      "The place a text states an event: its trigger word(s).", NIF.Phrase),
    NG.CameoScheme: (RDFS.Class, "CAMEO scheme",
                     "The class of the skos:ConceptScheme of CAMEO event types.", SKOS.ConceptScheme),
    NG.timexType: (RDF.Property, "TIMEX3 type", "DATE, TIME, DURATION or SET.", XSD.string),
    NG.timexValue: (RDF.Property, "TIMEX3 value",
                    "The normalised TIMEX3 value, e.g. 2016-12-12, 2016-W49, P1D, PAST_REF.", XSD.string),
    NG.timexMod: (RDF.Property, "TIMEX3 mod", "The TIMEX3 mod, e.g. START, MID, END, APPROX.", XSD.string),
    NG.cameoCode: (RDF.Property, "CAMEO code", "The CAMEO event code, e.g. \"036\".", XSD.string),
    NG.agent: (RDF.Property, "agent", "Who did it (also stated as sem:hasActor).", None),
    NG.target: (RDF.Property, "target", "To whom it was done (also stated as sem:hasActor).", None),
    NG.mention: (RDF.Property, "mention", "An ng:EventMention of the event.", NG.EventMention),
    NG.modality: (RDF.Property, "modality",
                  "asserted, planned, possible, claimed or denied.", XSD.string),
    NG.negated: (RDF.Property, "negated", "True where the text says it did not happen.", XSD.boolean),
    NG.timex: (RDF.Property, "time expression", "The ng:TimeExpression that dates the event.",
               NG.TimeExpression),
    NG.sentence: (RDF.Property, "sentence", "The nif:Sentence a mention was read in.", NIF.Sentence),
    NG.sourcePath: (RDF.Property, "source path",
                    "Where a document was read from (a path, or path:line for a record).", XSD.string),
}


def entity_class(type_: str, subtype: str | None = None) -> URIRef:
    """The one class an entity gets: its subtype's where known and consistent, else its type's."""
    if subtype in SUBTYPES and SUBTYPES[subtype][1] == type_:
        return SUBTYPES[subtype][0]
    return TOP_TYPES.get(type_, SDO.Thing)


def add_vocabulary(g: Graph) -> Graph:
    """Add the vocabulary triples to ``g`` and return it."""
    g.add((CAMEO_SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((CAMEO_SCHEME, RDF.type, NG.CameoScheme))
    g.add((CAMEO_SCHEME, SKOS.prefLabel, Literal("CAMEO event codes (0.7b5)", lang="en")))
    g.add((CAMEO_SCHEME, RDFS.comment, Literal(
        "Conflict and Mediation Event Observations codebook, from CAMEO_codefile.txt of "
        "openeventdata/text_to_CAMEO, MIT License, (c) 2014 Philip Schrodt.", lang="en")))
    for code, entry in cameo_codes().items():
        c = cameo_iri(code)
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.notation, Literal(code)))
        g.add((c, SKOS.prefLabel, Literal(entry.name, lang="en")))
        g.add((c, SKOS.inScheme, CAMEO_SCHEME))
        if code == entry.root:
            g.add((c, SKOS.topConceptOf, CAMEO_SCHEME))
            g.add((CAMEO_SCHEME, SKOS.hasTopConcept, c))
        else:
            g.add((c, SKOS.broader, cameo_iri(entry.root)))
    for term, (kind, label, comment, other) in _NG_TERMS.items():
        g.add((term, RDF.type, OWL.Class if kind == RDFS.Class else kind))
        g.add((term, RDF.type, kind))
        g.add((term, RDFS.label, Literal(label, lang="en")))
        g.add((term, RDFS.comment, Literal(comment, lang="en")))
        g.add((term, RDFS.isDefinedBy, URIRef(str(NG._NS))))
        if other is not None:
            g.add((term, RDFS.subClassOf if kind == RDFS.Class else RDFS.range, other))
    for cls, top in SUBTYPES.values():
        g.add((cls, RDFS.subClassOf, TOP_TYPES[top]))
    return g


def vocabulary_graph() -> Graph:
    """The vocabulary as a new graph named :data:`~graph.rdf.iris.VOCABULARY_GRAPH`."""
    g = Graph(identifier=VOCABULARY_GRAPH)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, replace=True)
    return add_vocabulary(g)
