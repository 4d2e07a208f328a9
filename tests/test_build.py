"""`newsgraph build` end to end: outputs, bad input, stable IRIs, long documents, quality."""
import json
import os
import subprocess
import sys

import pytest

from graph.cli import main
from graph.pipeline import OUTPUT_FILES, build

from .conftest import ROOT, SEED, shared_or_skip


def test_seed_build_writes_every_output(seed_build):
    result, out = seed_build
    for name in OUTPUT_FILES:
        assert (out / name).stat().st_size > 0, name
    assert (out / "store").is_dir()
    assert not result.problems
    assert [a.document.id for a in result.analyses] == ["000_bd2955b50dc75ab2"]
    doc = result.analyses[0].document
    assert doc.title == "Turkey to step up Russia talks on Aleppo ceasefire"
    assert str(doc.published) == "2016-12-13"


def test_two_builds_give_the_same_triples(seed_build, tmp_path):
    _, first = seed_build
    build([ROOT / "seeds"], tmp_path)
    assert (tmp_path / "graph.nt").read_text() == (first / "graph.nt").read_text()


def test_builds_in_processes_with_other_hash_seeds_agree(tmp_path):
    """Same input, same triples on every run: nothing may depend on set or dict-of-hash order."""
    inputs = [str(SEED)]
    dev = SEED.parents[2] / "shared" / "gold" / "dev-articles.jsonl"
    inputs += [str(dev)] if dev.exists() else []
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "graph", "build", *inputs, "--out", str(out), "--quiet"],
                       check=True, env=env, capture_output=True)
        outputs.append((out / "graph.nt").read_bytes())
    assert outputs[0] == outputs[1]


def test_cli_build_and_query(tmp_path, capsys):
    assert main(["build", str(SEED), "--out", str(tmp_path), "--quiet"]) == 0
    assert main(["query", "SELECT ?l WHERE { ?e a schema:Person ; rdfs:label ?l } ORDER BY ?l",
                 "--store", str(tmp_path / "store"), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "Mevlut Cavusoglu" in out and "Ban Ki-moon" in out


BAD_INPUTS = [
    ("empty.txt", b""),
    ("binary.txt", b"\x00\x01\x02\xff\xfe binary"),
    ("latin1.txt", "Caf\u00e9 in Z\u00fcrich said on Monday.".encode("latin-1")),
    ("broken.jsonl", b'{"id": "ok", "text": "Turkey said on Monday it would talk."}\n{not json\n'),
    ("notext.jsonl", b'{"id": "x", "title": "no text here"}\n'),
]


@pytest.mark.parametrize("name, content", BAD_INPUTS)
def test_bad_input_is_named_and_skipped(tmp_path, capsys, name, content):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(content)
    (tmp_path / "in" / "good.txt").write_text("Turkey said on Monday that it would talk to Russia.\n")
    status = main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"])
    err = capsys.readouterr().err
    assert status == 1
    assert name in err
    assert len([ln for ln in err.splitlines() if name in ln]) == 1
    analyses = (tmp_path / "out" / "analyses.jsonl").read_text()
    assert '"id": "good"' in analyses


def test_unreadable_path_and_nothing_readable(tmp_path, capsys):
    assert main(["build", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o"), "--quiet"]) == 2
    assert "missing.txt" in capsys.readouterr().err
    assert not (tmp_path / "o" / "graph.ttl").exists()


def test_failed_write_keeps_the_previous_output(tmp_path, monkeypatch):
    build([SEED], tmp_path)
    before = (tmp_path / "graph.ttl").read_bytes()
    import graph.rdf.export as export

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(export.rdflib.Dataset, "serialize", boom)
    with pytest.raises(RuntimeError):
        build([SEED], tmp_path)
    assert (tmp_path / "graph.ttl").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_long_document_is_parsed_in_pieces(nlp, tmp_path):
    from graph.pipeline import analyse_documents
    from graph.model import Document
    text = SEED.read_text(encoding="utf-8")
    old = nlp.max_length
    nlp.max_length = 400
    try:
        (a,) = analyse_documents([Document("long", text)], nlp)
    finally:
        nlp.max_length = old
    assert a.document.text == text
    assert "Mevlut Cavusoglu" in {e.label for e in a.entities}
    assert a.sentences[-1].end <= len(text)


def _score(rdf, gold) -> dict:
    score = shared_or_skip("eval", "score.py")
    with_json = rdf.parent / "scores.json"
    subprocess.run([sys.executable, str(score), "--rdf", str(rdf), "--gold", str(gold),
                    "--json", str(with_json)], check=True, capture_output=True)
    return json.loads(with_json.read_text())["scores"]


@pytest.fixture(scope="module")
def gold_build(tmp_path_factory):
    dev = shared_or_skip("gold", "dev-articles.jsonl")
    out = tmp_path_factory.mktemp("gold-build")
    build([SEED, dev], out)
    return out


def test_entity_quality_on_the_seed(gold_build):
    scores = _score(gold_build / "graph.ttl", shared_or_skip("gold", "000_bd2955b50dc75ab2.json"))
    assert scores["entities"]["f1"] >= 0.95, scores["entities"]


def test_entity_quality_on_the_four_gold_articles(gold_build):
    scores = _score(gold_build / "graph.ttl", shared_or_skip("gold"))
    assert scores["entities"]["f1"] >= 0.85, scores["entities"]


def test_time_expressions_on_the_four_gold_articles(gold_build):
    scores = _score(gold_build / "graph.ttl", shared_or_skip("gold"))
    assert scores["timex_value"]["f1"] >= 0.95, scores["timex_value"]


def test_events_and_relations_on_the_seed(gold_build):
    scores = _score(gold_build / "graph.ttl", shared_or_skip("gold", "000_bd2955b50dc75ab2.json"))
    assert scores["events"]["f1"] >= 0.85, scores["events"]
    assert scores["event_dates"]["accuracy"] >= 0.90, scores["event_dates"]
    assert scores["relations"]["f1"] >= 0.90, scores["relations"]


def test_events_and_relations_on_the_four_gold_articles(gold_build):
    scores = _score(gold_build / "graph.ttl", shared_or_skip("gold"))
    assert scores["events"]["f1"] >= 0.65, scores["events"]
    assert scores["relations"]["f1"] >= 0.75, scores["relations"]


@pytest.mark.slow
def test_time_expressions_on_timebank(tmp_path):
    """TimeBank + AQUAINT (256 documents): the level reached, so a regression fails. The
    issue's bar is value F1 0.85; HeidelTime 2.2.1 scores 0.778 with this scorer."""
    corpus = shared_or_skip("data", "timebank", "timebank.jsonl")
    build([corpus], tmp_path)
    scores = _score(tmp_path / "graph.ttl", shared_or_skip("data", "timebank", "gold"))
    assert scores["timex_relaxed"]["f1"] >= 0.93, scores["timex_relaxed"]
    assert scores["timex_value"]["f1"] >= 0.81, scores["timex_value"]
