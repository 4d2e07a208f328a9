"""Fixtures for the view tests: small hand-built graphs."""
from __future__ import annotations

import pytest
from .view_graphs import hostile_analysis, other_analysis, seed_analysis

from graph.kg import build_graph


@pytest.fixture
def seed_graph():
    return build_graph([seed_analysis(), other_analysis()])


@pytest.fixture
def hostile_graph():
    return build_graph([hostile_analysis()])
