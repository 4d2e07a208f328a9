"""Positions for the network view: seeded, finite, spread out, fast enough for big graphs."""
from __future__ import annotations

import math
import time

import networkx as nx
import pytest

from graph.view.layout import SPACING, event_positions, node_positions


def named(G: nx.Graph) -> nx.Graph:
    return nx.relabel_nodes(G, {n: f"entity/n{n:04d}" for n in G})


@pytest.mark.parametrize("n", [12, 450])        # networkx spring_layout, then the numpy solver
def test_deterministic_and_finite(n):
    H = named(nx.connected_watts_strogatz_graph(n, 4, 0.2, seed=1))
    pos = node_positions(H)
    assert pos == node_positions(H)
    assert set(pos) == set(H)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert len(set(pos.values())) == n


def test_small_components_are_spread_and_packed_apart():
    H = nx.union(named(nx.complete_graph(6)), nx.relabel_nodes(nx.path_graph(3), lambda n: f"b{n}"))
    H.add_node("lonely")
    pos = node_positions(H)
    clique = [pos[f"entity/n{i:04d}"] for i in range(6)]
    closest = min(math.dist(p, q) for i, p in enumerate(clique) for q in clique[i + 1:])
    assert closest >= SPACING * 0.75
    right_of_clique = max(x for x, _ in clique)
    others = [pos["b0"], pos["b1"], pos["b2"], pos["lonely"]]
    assert all(x > right_of_clique or y > max(y for _, y in clique) for x, y in others)


def test_two_thousand_nodes_in_reasonable_time():
    H = named(nx.gnm_random_graph(2000, 10000, seed=2))
    t = time.process_time()
    pos = node_positions(H)
    assert len(pos) == 2000
    assert time.process_time() - t < 10          # ~1 s here; generous for slow CI machines


def test_events_share_a_centre_on_a_spiral():
    pos = event_positions([("e1", (0.0, 0.0)), ("e2", (0.0, 0.0)), ("e3", None)], (0.0, 500.0))
    assert pos["e1"] != pos["e2"]
    assert all(0 < math.dist(pos[e], (0, 0)) < SPACING * 2 for e in ("e1", "e2"))
    assert pos["e3"] == (0.0, 500.0)
