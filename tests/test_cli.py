"""The `newsgraph` command: each subcommand once, through `main` and through `python -m graph`."""
import subprocess
import sys

import pytest

from graph.cli import main

from .conftest import SEED


def test_timex_command(capsys):
    assert main(["timex", "Ban said late Monday that talks resume next week.", "--date", "2016-12-13"]) == 0
    lines = [ln.split("\t") for ln in capsys.readouterr().out.splitlines()]
    assert ["DATE", "2016-12-12", "late Monday"] in [ln[2:] for ln in lines]
    assert ["DATE", "2016-W51", "next week"] in [ln[2:] for ln in lines]


def test_query_list(capsys):
    assert main(["query", "--list"]) == 0
    names = {ln.split()[0] for ln in capsys.readouterr().out.splitlines()}
    assert {"entities", "timeline", "offices", "interactions", "events-in-range"} <= names


@pytest.mark.parametrize("argv, message", [
    (["query", "SELECT nonsense"], "newsgraph query:"),
    (["query", "--name", "no-such-query"], "no query named"),
    (["query", "--name", "timeline", "--param", "actor"], "NAME=VALUE"),
])
def test_query_errors_are_one_line(tmp_path, capsys, argv, message):
    store = tmp_path / "store"
    assert main(argv + ["--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert message in err


def test_missing_store_says_to_build_first(tmp_path, capsys):
    assert main(["query", "ASK {}", "--store", str(tmp_path / "none")]) == 2
    assert "newsgraph build" in capsys.readouterr().err


def test_date_overrides_the_publication_date(tmp_path, capsys):
    assert main(["build", str(SEED), "--out", str(tmp_path), "--date", "2017-01-02", "--quiet"]) == 0
    assert main(["query", "SELECT ?d WHERE { ?doc schema:datePublished ?d }", "--store",
                 str(tmp_path / "store"), "--format", "csv"]) == 0
    assert "2017-01-02" in capsys.readouterr().out


def test_python_dash_m_graph():
    done = subprocess.run([sys.executable, "-m", "graph", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and "newsgraph" in done.stdout


def test_bad_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(SEED), "--date", "13/12/2016"])
    assert exit_.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_an_extractor_failing_on_one_document_costs_that_layer_only(tmp_path, capsys, monkeypatch):
    """A bug that makes the event extractor fail on one document leaves that document's events
    empty, says so on one line naming the document, and builds everything else (exit 1)."""
    import graph.pipeline
    real = graph.pipeline.find_events

    def flaky(doc, document, *args, **kwargs):
        if document.id == "b":
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, document, *args, **kwargs)

    monkeypatch.setattr(graph.pipeline, "find_events", flaky)
    src = tmp_path / "docs.jsonl"
    src.write_text('{"id": "a", "text": "Turkey met Russia in Ankara on Monday."}\n'
                   '{"id": "b", "text": "Iran met Syria in Damascus on Monday."}\n', encoding="utf-8")
    code = main(["build", str(src), "--out", str(tmp_path / "out"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "b: the events extractor failed (RecursionError" in err
    text = (tmp_path / "out" / "graph.nt").read_text(encoding="utf-8")
    assert "Damascus" in text and "Ankara" in text          # both documents are in the graph
