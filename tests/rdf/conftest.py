"""Fixtures of the RDF tests: the hand-made graph of rdf_sample.py."""
from __future__ import annotations

import pytest
from .rdf_sample import analyses

from graph.kg import build_graph


@pytest.fixture(scope="session")
def kg():
    return build_graph(analyses())
