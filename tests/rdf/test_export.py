"""The RDF export against the contract (../shared/contract/RDF-CONTRACT.md), as ASK queries over
every serialisation, plus stable IRIs, round trips, atomic writes and awkward text."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from .rdf_sample import TEXT1, TEXT3, analyses, span
from graph.cameo import cameo_codes
from graph.kg import build_graph
from graph.rdf import export
from graph.rdf.export import (EXPORT_FILES, read_jsonld, read_ntriples, read_trig, read_turtle, to_dataset,
                              union_graph, write_exports, write_ntriples, write_trig, write_turtle)
from graph.rdf.iris import VOCABULARY_GRAPH, doc_iri
from graph.rdf.namespaces import ID, NIF, PREFIXES, RDF, SDO

SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"


@pytest.fixture(scope="module")
def out(kg, tmp_path_factory) -> dict[str, Path]:
    return write_exports(kg, tmp_path_factory.mktemp("export"))


def load(path: Path) -> Dataset:
    """A file as the scorer loads it: a Dataset whose default graph is the union."""
    ds = Dataset(default_union=True)
    ds.parse(path, format={".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".nt": "nt"}[path.suffix])
    return ds


@pytest.fixture(scope="module", params=sorted(EXPORT_FILES))
def loaded(request, out) -> Dataset:
    return load(out[request.param])


def ask(g: Graph, q: str) -> bool:
    return bool(g.query(q, initNs=PREFIXES).askAnswer)


# -------------------------------------------------------------- the contract, as ASK queries

CONTRACT = [
    ("document", """ASK { ?d a schema:NewsArticle, nif:Context ; schema:identifier "000_test" ;
        nif:isString ?text ; schema:datePublished "2016-12-13"^^xsd:date ;
        schema:headline "Turkey to intensify talks with Russia" ; schema:url ?url ;
        ng:sourcePath "seeds/000_test.txt" }"""),
    ("country", """ASK { ?e a schema:Country ; rdfs:label "Turkey"@en ; schema:alternateName "Turkish"@en ;
        owl:sameAs wd:Q43 }"""),
    ("person", """ASK { ?e a schema:Person ; rdfs:label "Mevlut Cavusoglu"@en ;
        schema:alternateName "Cavusoglu"@en }"""),
    ("ngo, one node for two names", """ASK { ?e a schema:NGO ;
        rdfs:label "International Committee of the Red Cross"@en ; schema:alternateName "ICRC"@en .
        ?m1 itsrdf:taIdentRef ?e ; nif:anchorOf "ICRC" . ?m2 itsrdf:taIdentRef ?e ;
        nif:anchorOf "International Committee of the Red Cross" }"""),
    ("mention", """ASK { ?m a nif:Phrase ; nif:referenceContext ?d ; nif:beginIndex ?b ; nif:endIndex ?e ;
        nif:anchorOf "Mevlut Cavusoglu" ; itsrdf:taIdentRef ?p . ?d schema:identifier "000_test" .
        FILTER(?b = 58 && ?e = 74 && datatype(?b) = xsd:nonNegativeInteger
               && datatype(?e) = xsd:nonNegativeInteger) }"""),
    ("mention sentence", """ASK { ?m nif:anchorOf "Ankara" ; ng:sentence ?s . ?s a nif:Sentence ;
        nif:beginIndex ?b . FILTER(?b = 92) }"""),
    ("timex", """ASK { ?t a ng:TimeExpression, nif:Phrase ; nif:referenceContext ?d ; nif:anchorOf "Tuesday" ;
        nif:beginIndex ?b ; nif:endIndex ?e ; ng:timexType "DATE" ; ng:timexValue "2016-12-13" .
        FILTER(?b = 83 && ?e = 90) }"""),
    ("timex mod", """ASK { ?t a ng:TimeExpression ; ng:timexValue "PRESENT_REF" ; ng:timexMod "APPROX" }"""),
    ("event, every property", """ASK {
        ?ev a sem:Event ; rdfs:label "Turkey intensifies talks with Russia" ; ng:cameoCode "036" ;
            sem:eventType ?type ; ng:agent ?turkey, ?cavusoglu ; ng:target ?russia ;
            sem:hasActor ?turkey, ?cavusoglu, ?russia ;
            sem:hasBeginTimeStamp "2016-12-13"^^xsd:date ; sem:hasEndTimeStamp "2016-12-13"^^xsd:date ;
            ng:timex ?t ; ng:modality "planned" ; ng:negated false ; prov:wasDerivedFrom ?d ; ng:mention ?em .
        ?type a skos:Concept ; skos:notation "036" ; skos:inScheme ?scheme ; skos:broader ?root .
        ?root skos:notation "03" ; skos:prefLabel "Express intent to cooperate"@en .
        ?scheme a skos:ConceptScheme .
        ?em a ng:EventMention, nif:Phrase ; nif:referenceContext ?d ; nif:anchorOf "intensify" ;
            nif:beginIndex ?b ; nif:endIndex ?e ; ng:sentence ?s .
        ?t ng:timexValue "2016-12-13" .
        ?turkey rdfs:label "Turkey"@en . ?cavusoglu rdfs:label "Mevlut Cavusoglu"@en .
        ?russia rdfs:label "Russia"@en . ?d schema:identifier "000_test" . FILTER(?b = 12 && ?e = 21) }"""),
    ("event place and week", """ASK { ?ev ng:cameoCode "040" ; sem:hasPlace ?p ;
        sem:hasBeginTimeStamp "2016-12-12"^^xsd:date ; sem:hasEndTimeStamp "2016-12-18"^^xsd:date .
        ?p rdfs:label "Moscow"@en }"""),
    ("undated event has no timestamp", """ASK { ?ev ng:cameoCode "051" ; ng:mention ?m .
        FILTER NOT EXISTS { ?ev sem:hasBeginTimeStamp ?x } FILTER NOT EXISTS { ?ev sem:hasEndTimeStamp ?y } }"""),
    ("jobTitle and affiliation", """ASK { ?p rdfs:label "Mevlut Cavusoglu"@en ; schema:jobTitle "Foreign Minister" ;
        schema:affiliation ?t . ?t rdfs:label "Turkey"@en }"""),
    ("containedInPlace", """ASK { ?a rdfs:label "Ankara"@en ; a schema:City ; schema:containedInPlace ?t .
        ?t rdfs:label "Turkey"@en }"""),
    ("location", """ASK { ?o rdfs:label "International Committee of the Red Cross"@en ; schema:location ?a .
        ?a rdfs:label "Ankara"@en }"""),
    ("ng classes declared", """ASK { ng:ArmedGroup rdfs:subClassOf schema:Organization .
        ng:TimeExpression rdfs:subClassOf nif:Phrase . ng:EventMention rdfs:subClassOf nif:Phrase .
        schema:Country rdfs:subClassOf schema:Place . schema:NGO rdfs:subClassOf schema:Organization }"""),
]

NEVER = [
    ("two types on one entity", """ASK { ?m itsrdf:taIdentRef ?e . ?e a ?c1, ?c2 . FILTER(?c1 != ?c2) }"""),
    ("two labels on one entity", """ASK { ?m itsrdf:taIdentRef ?e . ?e rdfs:label ?a, ?b . FILTER(?a != ?b) }"""),
    ("an offset that misses its text", """ASK { ?m nif:referenceContext ?d ; nif:beginIndex ?b ;
        nif:endIndex ?e ; nif:anchorOf ?a . ?d nif:isString ?s .
        FILTER(SUBSTR(?s, ?b + 1, ?e - ?b) != ?a) }"""),
    ("an event without a mention", """ASK { ?ev a sem:Event . FILTER NOT EXISTS { ?ev ng:mention ?m } }"""),
    ("an actor that is not an entity", """ASK { ?ev sem:hasActor ?a . FILTER NOT EXISTS { ?a rdfs:label ?l } }"""),
]


@pytest.mark.parametrize("name, q", CONTRACT, ids=[c[0] for c in CONTRACT])
def test_contract_holds(loaded, name, q):
    assert ask(loaded, q), name


@pytest.mark.parametrize("name, q", NEVER, ids=[c[0] for c in NEVER])
def test_contract_never_broken(loaded, name, q):
    assert not ask(loaded, q), name


def test_every_offset_indexes_the_text(loaded):
    texts = {d: str(loaded.value(d, NIF.isString)) for d in loaded.subjects(RDF.type, NIF.Context)}
    spans = 0
    for m, d in loaded.subject_objects(NIF.referenceContext):
        b, e = int(loaded.value(m, NIF.beginIndex)), int(loaded.value(m, NIF.endIndex))
        assert texts[d][b:e] == str(loaded.value(m, NIF.anchorOf)), m
        spans += 1
    assert spans > 20


def test_every_cameo_code_is_a_concept(loaded):
    n = len(loaded.query("SELECT DISTINCT ?c WHERE { ?c a skos:Concept ; skos:inScheme cameo:scheme }",
                         initNs=PREFIXES))
    assert n == len(cameo_codes())


# -------------------------------------------------------------- named graphs

def test_one_named_graph_per_document_and_nothing_in_the_default_graph(kg):
    ds = to_dataset(kg)
    names = sorted(str(g.identifier) for g in ds.graphs() if len(g))
    docs = [doc_iri(a.document.id) for a in analyses()]
    assert names == sorted([str(d) for d in docs] + [str(VOCABULARY_GRAPH)])
    assert len(ds.default_graph) == 0
    for d in docs:
        assert (d, RDF.type, NIF.Context) in ds.graph(d)


def test_each_document_graph_stands_alone(kg):
    ds = to_dataset(kg)
    for a in analyses():
        d = doc_iri(a.document.id)
        g = ds.graph(d)
        assert set(g.objects(None, NIF.referenceContext)) == {d}
        assert set(g.objects(None, URIRef(str(PREFIXES["prov"]) + "wasDerivedFrom"))) <= {d}
        for e in set(g.objects(None, URIRef(str(PREFIXES["itsrdf"]) + "taIdentRef"))):
            assert g.value(e, RDF.type) is not None and g.value(e, URIRef(str(PREFIXES["rdfs"]) + "label"))


def test_vocabulary_graph_holds_no_instance(kg):
    g = to_dataset(kg).graph(VOCABULARY_GRAPH)
    assert not [s for s in g.subjects() if str(s).startswith(str(ID))]


def test_graph_clause_tells_the_document(out):
    ds = read_trig(out["trig"])
    rows = ds.query("""SELECT ?id WHERE { GRAPH ?g { ?m nif:anchorOf "Turkish" } ?g schema:identifier ?id }""",
                    initNs=PREFIXES)
    assert [str(r[0]) for r in rows] == ["001_test"]


# -------------------------------------------------------------- stable IRIs and bytes

def test_same_input_same_bytes(tmp_path):
    a = write_ntriples(build_graph(analyses()), tmp_path / "a.nt").read_bytes()
    b = write_ntriples(build_graph(analyses()), tmp_path / "b.nt").read_bytes()
    assert a == b
    lines = a.decode().splitlines()
    assert lines == sorted(lines)


@pytest.mark.parametrize("fmt", sorted(EXPORT_FILES))
def test_same_bytes_in_another_process(out, tmp_path, fmt):
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from tests.rdf.rdf_sample import analyses; "
            "from graph.kg import build_graph; from graph.rdf.export import write_exports; "
            "write_exports(build_graph(analyses()), sys.argv[2])")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run([sys.executable, "-c", code, str(Path(__file__).parents[2]), str(tmp_path)], check=True, env=env)
    assert (tmp_path / EXPORT_FILES[fmt]).read_bytes() == out[fmt].read_bytes()


def test_no_blank_nodes_and_quoted_iris(kg):
    g = union_graph(kg)
    assert not [t for t in g if any(isinstance(x, BNode) for x in t)]
    assert str(doc_iri("odd/id with space#1")).endswith("/doc/odd%2Fid%20with%20space%231")
    assert (doc_iri("odd/id with space#1"), RDF.type, NIF.Context) in g


# -------------------------------------------------------------- round trips

def _graphs(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


@pytest.mark.parametrize("reader, key", [(read_trig, "trig"), (read_jsonld, "jsonld")])
def test_named_graphs_round_trip(kg, out, reader, key):
    want, got = _graphs(to_dataset(kg)), _graphs(reader(out[key]))
    assert sorted(want) == sorted(got)
    for name in want:
        assert isomorphic(want[name], got[name]), name


@pytest.mark.parametrize("reader, key", [(read_turtle, "ttl"), (read_ntriples, "nt")])
def test_union_round_trips(kg, out, reader, key):
    assert isomorphic(reader(out[key]), union_graph(kg))


def test_writers_take_a_dataset(kg, tmp_path):
    ds = to_dataset(kg)
    assert isomorphic(read_turtle(write_turtle(ds, tmp_path / "g.ttl")), union_graph(kg))
    assert len(read_trig(write_trig(ds, tmp_path / "g.trig"))) == len(ds)


def test_turtle_binds_the_standard_prefixes(out):
    head = out["ttl"].read_text(encoding="utf-8").split("\n\n")[0]
    for prefix in ("ng", "sem", "schema", "nif", "itsrdf", "prov", "skos", "owl", "rdfs", "xsd", "wd"):
        assert f"@prefix {prefix}: <{PREFIXES[prefix]}>" in head


def test_unknown_format_is_refused(kg, tmp_path):
    with pytest.raises(ValueError, match="unknown export formats"):
        write_exports(kg, tmp_path, formats=("ttl", "rdfxml"))


# -------------------------------------------------------------- awkward text survives

@pytest.mark.parametrize("key", sorted(EXPORT_FILES))
def test_quotes_newlines_unicode_and_markup_survive(out, key):
    ds = load(out[key])
    d = doc_iri("odd/id with space#1")
    assert str(ds.value(d, NIF.isString)) == TEXT3
    assert str(ds.value(d, SDO.headline)) == 'A "quoted" <b>title</b>\nwith a newline'
    assert str(ds.value(doc_iri("000_test"), NIF.isString)) == TEXT1
    assert ds.value(d, SDO.identifier) == Literal("odd/id with space#1")


# -------------------------------------------------------------- atomic writes

def test_a_failing_serialiser_leaves_the_old_file(kg, tmp_path, monkeypatch):
    path = write_turtle(kg, tmp_path / "graph.ttl")
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("serialiser failed")

    monkeypatch.setattr(export, "serialize_quads", boom)
    with pytest.raises(RuntimeError, match="serialiser failed"):
        write_turtle(kg, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_a_failing_rename_leaves_the_old_file_and_no_temp(kg, tmp_path, monkeypatch):
    path = write_ntriples(kg, tmp_path / "graph.nt")
    before = path.read_bytes()

    def refuse(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_ntriples(build_graph(analyses()[:1]), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt"]


# -------------------------------------------------------------- the scorer reads it

@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py not present")
@pytest.mark.parametrize("target", ["graph.trig", "graph.ttl", "."])
def test_scorer_gives_full_marks_on_a_hand_made_export(out, tmp_path, target):
    spec = importlib.util.spec_from_file_location("newsgraph_score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    (tmp_path / "input.txt").write_text(TEXT1, encoding="utf-8")
    tuesday = span(TEXT1, "Tuesday")
    gold = {
        "id": "000_test", "input": "input.txt", "dct": "2016-12-13",
        "entities": [{"label": "Turkey", "type": "Place"}, {"label": "Russia", "type": "Place"},
                     {"label": "Mevlut Cavusoglu", "type": "Person", "aliases": ["Cavusoglu"]},
                     {"label": "International Committee of the Red Cross", "type": "Organization",
                      "aliases": ["ICRC"]},
                     {"label": "Ankara", "type": "Place"}],
        "timexes": [{"start": tuesday.start, "end": tuesday.end, "text": "Tuesday", "type": "DATE",
                     "value": "2016-12-13"}],
        "events": [{"cameo": ["03"], "agent": ["Turkey", "Mevlut Cavusoglu"], "target": ["Russia"],
                    "date": "2016-12-13", "place": None, "text": "Turkey will intensify talks with Russia",
                    "anchor": [[0, 91]]}],
        "relations": [{"subject": "Mevlut Cavusoglu", "predicate": "jobTitle", "object": ["Foreign Minister"]},
                      {"subject": "Mevlut Cavusoglu", "predicate": "affiliation", "object": ["Turkey"]},
                      {"subject": "Ankara", "predicate": "containedInPlace", "object": ["Turkey"]},
                      {"subject": "International Committee of the Red Cross", "predicate": "location",
                       "object": ["Ankara"]}],
    }
    gold_file = tmp_path / "gold.json"
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    rdf = out["ttl"].parent / target
    score.main(["--rdf", str(rdf), "--gold", str(gold_file), "--json", str(tmp_path / "scores.json")])
    report = json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))
    for layer in ("entities", "timex_strict", "timex_value", "events", "events_full", "relations"):
        assert report["scores"][layer]["f1"] == 1.0, (layer, report["misses"])
    assert report["scores"]["event_dates"]["accuracy"] == 1.0
