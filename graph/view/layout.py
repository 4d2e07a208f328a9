"""Node positions for the network view, computed once in Python so the page opens still.

Nodes are laid out by a force-directed (Fruchterman-Reingold) pass over the co-occurrence
graph, one connected component at a time; the components are then packed in rows, largest
first. In a small graph events take part in the force pass; in a big one they do not: each
sits on a small spiral around the centre of the entities it involves, so 3,000 events cost
almost nothing.

Everything is seeded and ordered, so the same graph always gets the same positions. Small
components use :func:`networkx.spring_layout`; big ones a numpy version of the same forces whose
repulsion is estimated from a seeded sample of nodes, which keeps a 2,000-node component to
about a second (networkx's own solver needs scipy beyond 500 nodes and is ~10x slower here).

>>> import networkx as nx
>>> H = nx.Graph([("a", "b"), ("b", "c")])
>>> pos = node_positions(H)
>>> sorted(pos) == ["a", "b", "c"] and pos == node_positions(H)
True
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["node_positions", "event_positions"]

#: Pixels between neighbouring nodes, roughly.
SPACING = 70.0
#: Components up to this size go through networkx.spring_layout.
_NX_LIMIT = 300
#: Repulsion in big components is estimated from this many sampled nodes per iteration.
_SAMPLE = 600


def node_positions(H: nx.Graph, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Pixel positions for the nodes of ``H`` (an undirected graph with ``weight`` edges)."""
    comps = sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0]))
    boxes = [_component(H, c, seed) for c in comps]
    return _pack(boxes)


def event_positions(centres: list[tuple[str, tuple[float, float] | None]],
                    free_origin: tuple[float, float]) -> dict[str, tuple[float, float]]:
    """Place events near a centre each (the mean position of their entities), spreading those
    that share a centre on a spiral; events with no centre go on a grid from ``free_origin``."""
    pos: dict[str, tuple[float, float]] = {}
    seen: dict[tuple[float, float], int] = {}
    free = 0
    cols = max(1, int(math.sqrt(sum(1 for _, c in centres if c is None))))
    for key, centre in centres:
        if centre is None:
            pos[key] = (free_origin[0] + (free % cols) * SPACING,
                        free_origin[1] + (free // cols) * SPACING * 0.6)
            free += 1
            continue
        slot = (round(centre[0]), round(centre[1]))
        i = seen.get(slot, 0)
        seen[slot] = i + 1
        angle = 2.4 * (i + 1)                      # golden-angle spiral
        radius = SPACING * (0.45 + 0.22 * math.sqrt(i))
        pos[key] = (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))
    return pos


def _component(H: nx.Graph, nodes: list[str], seed: int) -> dict[str, tuple[float, float]]:
    """Positions of one connected component (its ``nodes``, sorted) of ``H``."""
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n == 2:
        return {nodes[0]: (0.0, 0.0), nodes[1]: (SPACING * 1.4, 0.0)}
    index = {v: i for i, v in enumerate(nodes)}
    edges = sorted((index[u], index[v], _w(d)) for u in nodes for v, d in H.adj[u].items()
                   if index[u] < index[v])
    if n <= _NX_LIMIT:
        F = nx.Graph()
        F.add_nodes_from(range(n))
        F.add_weighted_edges_from(edges)
        raw = nx.spring_layout(F, seed=seed, iterations=80 if n < 100 else 50)
        xy = np.array([raw[i] for i in range(n)], dtype=float)
    else:
        xy = _force(n, edges, seed, iterations=60 if n < 1000 else 45)
    xy -= xy.mean(axis=0)
    spread = np.sqrt((xy ** 2).sum(axis=1)).max() or 1.0
    # the area grows with the number of nodes; big components have dense cores: more room
    xy *= SPACING * (1.1 if n <= _NX_LIMIT else 1.6) * math.sqrt(n) / spread
    if n <= _NX_LIMIT:
        _separate(xy, SPACING * 0.8)
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, xy)}


def _separate(xy: np.ndarray, gap: float, rounds: int = 30) -> None:
    """Push apart, in place, nodes closer than ``gap`` (so labels and dots do not overlap)."""
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((delta ** 2).sum(axis=2))
        np.fill_diagonal(dist, gap * 2)
        short = dist < gap
        if not short.any():
            return
        push = np.where(short, (gap - dist) / (2 * np.maximum(dist, 1e-6)), 0.0)
        xy += (delta * push[:, :, None]).sum(axis=1)


def _w(data: dict) -> float:
    return 1.0 + math.log(max(1, data.get("weight", 1)))


def _force(n: int, edges: list[tuple[int, int, float]], seed: int,
           iterations: int = 60) -> np.ndarray:
    """Fruchterman-Reingold in numpy with sampled repulsion; unit square scale."""
    rng = np.random.default_rng(seed)
    x, y = rng.random(n).astype(np.float32), rng.random(n).astype(np.float32)
    src = np.array([e[0] for e in edges], dtype=np.int64)
    dst = np.array([e[1] for e in edges], dtype=np.int64)
    w = np.array([e[2] for e in edges], dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))
    temp = 0.1
    cool = temp / (iterations + 1)
    for _ in range(iterations):
        if n > _SAMPLE:
            sample = np.sort(rng.choice(n, _SAMPLE, replace=False))
            scale = np.float32(n / _SAMPLE)
        else:
            sample, scale = np.arange(n), np.float32(1.0)
        dx = x[:, None] - x[None, sample]
        dy = y[:, None] - y[None, sample]
        force = dx * dx
        force += dy * dy
        np.maximum(force, 1e-6, out=force)
        np.divide(k * k * scale, force, out=force)          # repulsion k²/d, along (dx, dy)/d
        fx = (dx * force).sum(axis=1)
        fy = (dy * force).sum(axis=1)
        ex, ey = x[src] - x[dst], y[src] - y[dst]
        pull = np.sqrt(ex * ex + ey * ey) * w / k           # attraction d²/k, along (ex, ey)/d
        np.add.at(fx, src, -ex * pull)
        np.add.at(fx, dst, ex * pull)
        np.add.at(fy, src, -ey * pull)
        np.add.at(fy, dst, ey * pull)
        length = np.sqrt(fx * fx + fy * fy) + np.float32(1e-9)
        step = np.minimum(length, np.float32(temp)) / length
        x += fx * step
        y += fy * step
        temp -= cool
    return np.stack([x, y], axis=1).astype(float)


def _pack(boxes: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Shelf-pack components (largest first) in rows. A component holding most of the graph
    stands alone on the left and the rest are packed in a block to its right, so the whole is
    about as wide as a screen is, rather than one tall shape above a thin strip."""
    sized = []
    for pos in boxes:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        sized.append((pos, min(xs), min(ys), max(xs) - min(xs) + SPACING, max(ys) - min(ys) + SPACING))
    out: dict[str, tuple[float, float]] = {}
    area = sum(w * h for *_, w, h in sized)
    origin = 0.0
    if len(sized) > 1 and sized[0][3] * sized[0][4] > area / 2:
        main, sized = sized[0], sized[1:]
        _shelves([main], main[3], 0.0, out)
        origin = main[3]
        area -= main[3] * main[4]
    if sized:
        width = max([w for *_, w, _ in sized] + [math.sqrt(area) * (1.0 if origin else 1.3)])
        _shelves(sized, width, origin, out)
    return out


def _shelves(sized: list, row_width: float, left: float, out: dict) -> None:
    x = y = row_h = 0.0
    for pos, x0, y0, w, h in sized:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for v, (px, py) in pos.items():
            out[v] = (round(px - x0 + x + left, 1), round(py - y0 + y, 1))
        x += w
        row_h = max(row_h, h)
