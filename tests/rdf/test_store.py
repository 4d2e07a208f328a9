"""The Oxigraph store: building and replacing it, querying it, formatting answers, named queries."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from .rdf_sample import analyses
from graph.kg import build_graph
from graph.queries import list_queries, load_query, query_help, query_parameters, sparql_literal
from graph.rdf import store as store_module
from graph.rdf.store import (QueryError, QueryResult, StoreNotFound, memory_store, open_store, query, to_csv, to_json,
                             to_table, write_store)


@pytest.fixture(scope="module")
def path(kg, tmp_path_factory):
    return write_store(kg, tmp_path_factory.mktemp("db") / "store")


@pytest.fixture(scope="module")
def db(path):
    return open_store(path)


def count(db) -> int:
    return query(db, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]


# -------------------------------------------------------------- querying

def test_select_gives_python_values(db):
    r = query(db, """SELECT ?id ?published ?end WHERE {
        ?d schema:identifier ?id ; schema:datePublished ?published ; nif:endIndex ?end } ORDER BY ?id""")
    assert r.columns == ("id", "published", "end")
    assert r.rows[0] == ("000_test", dt.date(2016, 12, 13), 170)
    assert len(r) == 2 and r.dicts()[1]["id"] == "001_test"


def test_booleans_and_unbound(db):
    r = query(db, """SELECT ?negated ?mod WHERE { ?e ng:cameoCode "036" ; ng:negated ?negated .
        OPTIONAL { ?e ng:timexMod ?mod } }""")
    assert r.rows == [(False, None)]


@pytest.mark.parametrize("q, expected", [
    ('ASK { ?e rdfs:label "Turkey"@en }', True),
    ('ASK { ?e rdfs:label "Atlantis"@en }', False),
    ('ASK { GRAPH ?g { ?d schema:identifier "001_test" } }', True),
])
def test_ask(db, q, expected):
    assert query(db, q) is expected


def test_default_graph_is_the_union_without_duplicates(db):
    # Turkey's label is stated in both documents' graphs, once in the union
    per_graph = query(db, 'SELECT ?g WHERE { GRAPH ?g { ?e rdfs:label "Turkey"@en } }')
    union = query(db, 'SELECT ?e WHERE { ?e rdfs:label "Turkey"@en }')
    assert len(per_graph) == 2 and len(union) == 1


def test_graph_clause_tells_the_document(db):
    r = query(db, """SELECT ?id WHERE { GRAPH ?g { ?m nif:anchorOf "Turkish" } ?g schema:identifier ?id }""")
    assert r.rows == [("001_test",)]


def test_a_query_own_prefix_wins(db):
    assert query(db, 'ASK { ?e schema:identifier "000_test" }') is True
    assert query(db, 'PREFIX schema: <http://schema.org/> ASK { ?e schema:identifier "000_test" }') is False


def test_construct_gives_triples(db):
    r = query(db, 'CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e rdfs:label ?l ; owl:sameAs wd:Q43 }')
    assert r.columns == ("subject", "predicate", "object") and len(r) == 1


@pytest.mark.parametrize("bad", ["SELECT ?x WHERE { ?x }", "SELECT * WHERE { ?s nope:p ?o }", "ASK {"])
def test_a_bad_query_raises_query_error_with_the_parser_message(db, bad):
    with pytest.raises(QueryError, match=r"error at \d+:\d+"):
        query(db, bad)


def test_query_takes_a_path(path):
    assert query(path, 'ASK { ?d schema:identifier "000_test" }') is True


def test_missing_store_says_what_to_do(tmp_path):
    with pytest.raises(StoreNotFound, match=r"no store at .*: run `newsgraph build` first"):
        open_store(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="newsgraph build"):
        query(tmp_path / "empty", "ASK {}")


# -------------------------------------------------------------- formatting

SMALL = QueryResult(("name", "n", "day"), [("Ankara, Turkey", 12, dt.date(2016, 12, 13)), ('say "hi"\n', 3, None)])


def test_csv():
    assert to_csv(SMALL) == 'name,n,day\n"Ankara, Turkey",12,2016-12-13\n"say ""hi""\n",3,\n'
    assert to_csv(True) == "boolean\ntrue\n"


def test_json():
    assert json.loads(to_json(SMALL)) == [{"name": "Ankara, Turkey", "n": 12, "day": "2016-12-13"},
                                          {"name": 'say "hi"\n', "n": 3, "day": None}]
    assert to_json(False) == "false"


def test_table():
    lines = to_table(SMALL).splitlines()
    assert lines[0] == "name             n  day"
    assert lines[1] == "--------------  --  ----------"
    assert lines[2] == "Ankara, Turkey  12  2016-12-13"
    assert lines[3] == 'say "hi"         3'
    assert to_table(QueryResult(("x",), [("y" * 100,)]), max_width=10).splitlines()[2] == "yyyyyyyyy…"
    assert to_table(True) == "true"


def test_result_methods_format_too():
    assert SMALL.to_csv() == to_csv(SMALL) and SMALL.to_json() == to_json(SMALL)
    assert SMALL.to_table(max_width=5) == to_table(SMALL, max_width=5)


def test_formats_on_a_real_answer(db):
    r = query(db, "SELECT ?id WHERE { ?d a nif:Context ; schema:identifier ?id } ORDER BY ?id")
    assert to_csv(r).splitlines() == ["id", "000_test", "001_test", "odd/id with space#1"]
    assert [row["id"] for row in json.loads(to_json(r))] == ["000_test", "001_test", "odd/id with space#1"]


# -------------------------------------------------------------- building and replacing

def test_memory_store_answers_as_the_disk_store(kg, db):
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    mem = memory_store(kg)
    assert query(mem, q).rows == query(db, q).rows
    assert query(mem, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == \
        query(db, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows


def test_replacing_a_store_swaps_in_the_new_one(kg, tmp_path):
    p = write_store(build_graph(analyses()[:1]), tmp_path / "store")
    small = count(open_store(p))
    write_store(kg, p)
    assert count(open_store(p)) > small
    assert sorted(x.name for x in tmp_path.iterdir()) == ["store"]


def test_a_failed_build_keeps_the_old_store(kg, tmp_path, monkeypatch):
    p = write_store(kg, tmp_path / "store")
    before = count(open_store(p))
    good = store_module._quads(build_graph(analyses()[:1]))

    def half_then_fail(data):
        yield from good[:10]
        raise RuntimeError("parser died")

    monkeypatch.setattr(store_module, "_quads", half_then_fail)
    with pytest.raises(RuntimeError, match="parser died"):
        write_store(build_graph(analyses()[:1]), p)
    assert count(open_store(p)) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["store"]


def test_a_failed_swap_keeps_the_old_store(kg, tmp_path, monkeypatch):
    p = write_store(kg, tmp_path / "store")
    before = count(open_store(p))
    real = store_module.os.replace

    def refuse_new(src, dst):
        if ".new-" in str(src):
            raise OSError("cannot rename")
        real(src, dst)

    monkeypatch.setattr(store_module.os, "replace", refuse_new)
    with pytest.raises(OSError, match="cannot rename"):
        write_store(build_graph(analyses()[:1]), p)
    assert count(open_store(p)) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["store"]


# -------------------------------------------------------------- named queries

NAMES = sorted(list_queries())


def test_the_promised_queries_exist():
    assert {"entities", "documents", "mentions-of", "timeline", "interactions", "events-in-range",
            "events-by-root", "offices", "timexes"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_named_query_runs_and_answers(db, name):
    r = query(db, load_query(name))
    assert isinstance(r, QueryResult) and len(r) > 0, name


@pytest.mark.parametrize("name", NAMES)
def test_every_named_query_is_documented(name):
    text = query_help(name)
    assert list_queries()[name] and "Example: newsgraph query --name " + name in text
    body = load_query(name)
    for param in query_parameters(name):       # $x and ?x are one variable in SPARQL
        assert not re.search(r"\?" + param + r"\b", body), (name, param)


@pytest.mark.parametrize("name, params, column, expected", [
    ("entities", {"class": "city"}, "label", ["Ankara", "Moscow", "Zürich"]),
    ("mentions-of", {"label": "turkish"}, "text", ["Turkey", "Turkish"]),
    ("timeline", {"actor": "Russia"}, "code", ["040", "036"]),
    ("interactions", {"roots": "04"}, "agent", ["Russia"]),
    ("events-in-range", {"from": "2016-12-13", "to": "2016-12-31"}, "event",
     ["Turkey intensifies talks with Russia"]),
    ("events-by-root", {}, "root", ["03", "04", "05"]),
    ("offices", {"who": "Cavusoglu"}, "jobTitle", ["Foreign Minister"]),
    ("timexes", {"id": "001_test"}, "value", ["2016-W50"]),
    ("documents", {}, "id", ["odd/id with space#1", "000_test", "001_test"]),
])
def test_named_query_answers(db, name, params, column, expected):
    r = query(db, load_query(name, **params))
    assert [row[column] for row in r.dicts()] == expected


@pytest.mark.parametrize("value", ['Turkey" ) } DROP ALL #', "back\\slash", "line\nbreak\r\t", "\\u0022",
                                   "Zürich 'single'", "\x01ctl", ""])
def test_parameters_are_literals_whatever_they_hold(db, value):
    r = query(db, f"SELECT ?v WHERE {{ BIND({sparql_literal(value)} AS ?v) }}")
    assert r.rows == [(value,)]
    assert isinstance(query(db, load_query("mentions-of", label=value or "nobody")), QueryResult)


def test_unknown_query_or_parameter():
    with pytest.raises(KeyError, match="no query named"):
        load_query("nope")
    with pytest.raises(ValueError, match="has no parameter colour"):
        load_query("entities", colour="red")
