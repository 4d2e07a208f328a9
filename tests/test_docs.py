"""The docs tell the truth: the README's commands, the CI script, command help, the ontology."""
import re

import pytest

from graph.cli import make_parser

from .conftest import ROOT


def _readme_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)[:2]


def test_readme_opens_with_the_two_commands():
    setup_and_run, setup_and_test = _readme_commands()
    assert "newsgraph build seeds/" in setup_and_run and "pip install -e ." in setup_and_run
    assert "pytest" in setup_and_test and ".[test]" in setup_and_test


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _readme_commands()[1] in ci.splitlines()


@pytest.mark.parametrize("command", ["build", "query", "timex"])
def test_every_command_has_help_with_an_example(command):
    sub = make_parser()._subparsers._group_actions[0].choices[command]
    assert sub.description and "Example:" in sub.description
    assert f"newsgraph {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_ontology_documents_every_term_we_write():
    from graph.rdf.namespaces import NG
    doc = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    for term in NG.__annotations__:
        assert f"ng:{term}" in doc, f"ng:{term} is not in docs/ontology.md"
