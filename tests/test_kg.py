"""The in-memory graph: merging documents, and replacing one that was added before."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.kg import add_analysis, build_graph, entity_node
from graph.model import Analysis, Document, Entity, Event, Mention, Relation
from tests.view.view_graphs import other_analysis, seed_analysis


def _m(text: str, part: str) -> Mention:
    start = text.index(part)
    return Mention(start, start + len(part), part)


def second_version() -> Analysis:
    """The document "second" again, edited: another text, other entities, an event, a relation."""
    t = "President Vladimir Putin of Russia met Iran's Hassan Rouhani in Tehran."
    doc = Document("second", t, title="An edited article", published=dt.date(2016, 12, 21))
    putin = Entity("Q7747", "Vladimir Putin", "Person", aliases=("Putin",), mentions=(_m(t, "Vladimir Putin"),),
                   wikidata="Q7747")
    russia = Entity("Q159", "Russian Federation", "Place", subtype="Country", mentions=(_m(t, "Russia"),),
                    wikidata="Q159")
    iran = Entity("Q794", "Iran", "Place", subtype="Country", mentions=(_m(t, "Iran"),), wikidata="Q794")
    tehran = Entity("Q3616", "Tehran", "Place", subtype="City", mentions=(_m(t, "Tehran"),), wikidata="Q3616")
    sent = Mention(0, len(t), t)
    meet = Event("second-e9", "met", "036", (_m(t, "met"),), agents=("Q7747",), targets=("Q794",),
                 places=("Q3616",), sentence=sent)
    rels = (Relation("Q7747", "jobTitle", "President", _m(t, "President")),
            Relation("Q7747", "affiliation", "Q159", _m(t, "Russia")),
            Relation("Q3616", "containedInPlace", "Q794"))
    return Analysis(doc, sentences=(sent,), entities=(putin, russia, iran, tehran), events=(meet,),
                    relations=rels)


def shape(G) -> dict:
    """Everything a reader of the graph sees, in a comparable form."""
    def attrs(d):
        return {k: sorted(map(repr, v)) if isinstance(v, list) else repr(v)
                for k, v in d.items() if k != "sources"}
    return {"nodes": {n: attrs(d) for n, d in G.nodes(data=True)},
            "edges": sorted((u, v, k, repr(sorted(attrs(d).items()))) for u, v, k, d in G.edges(keys=True, data=True))}


@pytest.mark.parametrize("versions,final", [
    # the second document replaced by an edited version
    ([seed_analysis, other_analysis, second_version], [seed_analysis, second_version]),
    # replaced by itself: nothing changes
    ([seed_analysis, other_analysis, other_analysis], [seed_analysis, other_analysis]),
    # the edited version replaced by the first one again: the longer label it brought goes too
    ([seed_analysis, second_version, other_analysis], [seed_analysis, other_analysis]),
    # the seed replaced by a document that shares nothing with it
    ([seed_analysis, other_analysis, lambda: _renamed(second_version(), "seed")],
     [other_analysis, lambda: _renamed(second_version(), "seed")]),
])
def test_replacing_a_document_is_building_without_the_old_one(versions, final):
    G = build_graph([])
    for make in versions:
        add_analysis(G, make())
    assert shape(G) == shape(build_graph(make() for make in final))


def _renamed(a: Analysis, doc_id: str) -> Analysis:
    d = a.document
    return Analysis(Document(doc_id, d.text, d.title, d.published), sentences=a.sentences,
                    entities=a.entities, events=a.events, relations=a.relations)


def test_an_entity_only_the_replaced_document_mentions_is_gone():
    G = build_graph([seed_analysis(), other_analysis()])
    assert entity_node("Q649") in G                     # Moscow, only in "second"
    add_analysis(G, second_version())
    assert entity_node("Q649") not in G
    assert entity_node("Q3616") in G                    # Tehran, from the new version


def test_the_fullest_label_across_documents_wins_and_the_rest_are_aliases():
    G = build_graph([seed_analysis(), second_version()])
    russia = G.nodes[entity_node("Q159")]
    assert russia["label"] == "Russian Federation"
    assert russia["aliases"] == ["Russia"]
    assert {doc for doc, _ in russia["mentions"]} == {"seed", "second"}
