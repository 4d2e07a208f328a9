"""What the page shows, assembled from the knowledge graph as plain JSON-ready data.

:func:`page_data` reads the graph of :mod:`graph.kg` and returns one dict: the header counts,
the documents, a table of source sentences (each stored once, referred to by index), the
entities and events with everything the details panel, filters and timeline need, and the
vis-network nodes/edges/options assembled with pyvis. Nothing here is HTML: the page builds its
DOM from this data with ``textContent``, so names and article text are never markup.

Every list is sorted and the layout seeded, so the same graph gives the same data.
"""
from __future__ import annotations

import bisect
import datetime as dt
import json
import math

import networkx as nx
from pyvis.network import Network

from ..kg import RELATION_PREDICATES
from ..model import ENTITY_TYPES, Event, Mention
from .layout import SPACING, event_positions, node_positions

__all__ = ["page_data", "TYPE_COLOURS", "QUAD_CLASSES"]

#: Base colour and subtype shades of each entity type (subtypes take shades in name order).
TYPE_COLOURS = {
    "Person": ("#2f6db5", ("#1c4a85", "#5d93d6", "#8db5e8", "#123461")),
    "Organization": ("#8e44ad", ("#6a2c86", "#b27ccb", "#d0a9e0", "#45195a")),
    "Place": ("#2e8b57", ("#1d6a40", "#58b27f", "#92d3ad", "#0f4a2a")),
}
_OTHER_COLOUR = "#7f8c8d"
#: CAMEO quad classes by root, with their colours.
QUAD_CLASSES = (
    ("Verbal cooperation", range(1, 6), "#3aa6a0"),
    ("Material cooperation", range(6, 10), "#2c7fb8"),
    ("Verbal conflict", range(10, 15), "#f28e2b"),
    ("Material conflict", range(15, 21), "#d62728"),
)
_UNKNOWN_QUAD = ("Other", "#95a5a6")
_ROLES = ("agent", "target", "place")
_ARROW = {"to": {"enabled": True, "scaleFactor": 0.5}}
_NO_ARROW = {"to": {"enabled": False}}
_ROLE_EDGES = {
    "agent": {"color": {"color": "#5f6b7a"}, "arrows": _ARROW},
    "target": {"color": {"color": "#5f6b7a"}, "arrows": _ARROW},
    "place": {"color": {"color": "#9fb5a8"}, "dashes": [4, 4], "arrows": _NO_ARROW},
}
_EVENT_FONT = {"size": 11, "color": "#4a5260"}
_BIG = 600          # above this many nodes, edges are hidden while dragging/zooming
_SMALL = 300        # up to this many nodes, events take part in the force layout
_EVENTS_DRAWN = 1500  # above this many nodes, the page draws events only when asked to


def page_data(G: nx.MultiDiGraph) -> dict:
    """Everything the page needs, from the graph ``G`` (see :mod:`graph.kg`)."""
    kinds: dict[str, list[str]] = {"document": [], "entity": [], "event": []}
    for n, d in G.nodes(data=True):
        kinds.setdefault(d["kind"], []).append(n)
    doc_nodes, ent_nodes, ev_nodes = (sorted(kinds[k]) for k in ("document", "entity", "event"))
    cameo = _Cameo()
    sentences = _Sentences(G)
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: e[:3])      # one pass, in order
    touching: dict[str, list] = {n: [] for n in ent_nodes}
    for u, v, key, d in edges:
        if u in touching:
            touching[u].append(("out", v, key, d))
        if v in touching:
            touching[v].append(("in", u, key, d))
    entities = [_entity(G.nodes[n], n, touching[n], sentences) for n in ent_nodes]
    events = [_event(G, n, sentences, cameo) for n in ev_nodes]
    shades = _shades(entities)
    roots = sorted({e["root"] for e in events})
    return {
        "counts": {"documents": len(doc_nodes), "entities": len(ent_nodes), "events": len(ev_nodes)},
        "documents": [_document(G.nodes[n]["document"]) for n in doc_nodes],
        "sentences": sentences.table,
        "entities": entities,
        "events": events,
        "cameoRoots": [[r, cameo.name(r), _quad(r)[0]] for r in roots],
        "legend": _legend(shades, events),
        "network": _network(edges, entities, events, shades),
    }


# -- records -----------------------------------------------------------------------------------

class _Sentences:
    """Source sentences stored once: ``table`` rows are ``[doc_id, start, text]``."""

    def __init__(self, G: nx.MultiDiGraph):
        self.table: list[list] = []
        self._index: dict[tuple[str, int, int], int] = {}
        self._docs = {d["document"].id: d["sentences"]
                      for _, d in G.nodes(data=True) if d["kind"] == "document"}
        self._starts = {k: [s.start for s in v] for k, v in self._docs.items()}

    def ref(self, doc_id: str, s: Mention) -> int:
        key = (doc_id, s.start, s.end)
        if key not in self._index:
            self._index[key] = len(self.table)
            self.table.append([doc_id, s.start, s.text])
        return self._index[key]

    def containing(self, doc_id: str, offset: int) -> Mention | None:
        starts = self._starts.get(doc_id, [])
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return None
        s = self._docs[doc_id][i]
        return s if offset < s.end else None


def _document(doc) -> dict:
    return {"id": doc.id, "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None}


def _entity(d: dict, n: str, touching: list, sentences: _Sentences) -> dict:
    """An entity node ``n`` with attributes ``d`` and its edges ``(direction, other, key, data)``."""
    cooc, relations, roles = {}, [], []
    for direction, other, key, e in touching:
        if key == "cooccurs":
            for doc_id, s in e["sentences"]:
                cooc[(doc_id, s.start, s.end)] = s
        elif key in RELATION_PREDICATES:
            relations.append([key, direction, other, list(e.get("docs", []))])
        elif key in _ROLES and direction == "in":
            roles.append([other, key])
    refs, found = [], set()          # sentences of its mentions, then any co-occurrence adds
    for doc_id, m in sorted(d["mentions"], key=lambda x: (x[0], x[1].start)):
        s = sentences.containing(doc_id, m.start)
        if s is not None:
            found.add((doc_id, s.start, s.end))
            refs.append(sentences.ref(doc_id, s))
    for key in sorted(cooc):
        if key not in found:
            refs.append(sentences.ref(key[0], cooc[key]))
    titles = sorted({(t, doc) for t, doc in d.get("titles", [])})
    return {
        "id": n, "key": d["key"], "label": d["label"], "type": d["type"],
        "subtype": d.get("subtype"), "aliases": list(d.get("aliases", [])),
        "wikidata": d.get("wikidata"),
        "titles": [list(t) for t in titles],
        "mentions": len(d["mentions"]),
        "docs": sorted({doc_id for doc_id, _ in d["mentions"]}),
        "relations": sorted(relations),
        "events": sorted(roles),
        "sentences": list(dict.fromkeys(refs)),
    }


def _event(G: nx.MultiDiGraph, n: str, sentences: _Sentences, cameo: _Cameo) -> dict:
    ev: Event = G.nodes[n]["event"]
    doc_id = G.nodes[n]["doc_id"]
    roles = {r: sorted(v for v, keys in G.succ[n].items() if r in keys) for r in _ROLES}
    code = str(ev.cameo or "")
    root = cameo.root(code)
    return {
        "id": n, "label": ev.label, "cameo": code, "cameoName": cameo.name(code),
        "root": root, "rootName": cameo.name(root), "quad": _quad(root)[0],
        "begin": _iso(ev.begin), "end": _iso(ev.end or ev.begin),
        "timex": [ev.timex.text, ev.timex.value] if ev.timex else None,
        "modality": ev.modality, "negated": bool(ev.negated),
        "agents": roles["agent"], "targets": roles["target"], "places": roles["place"],
        "doc": doc_id,
        "sentence": sentences.ref(doc_id, ev.sentence) if ev.sentence else None,
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


class _Cameo:
    """CAMEO names and roots from :mod:`graph.cameo` when it is there; else codes alone."""

    def __init__(self):
        try:
            from .. import cameo
        except ImportError:
            cameo = None
        self._module = cameo

    def name(self, code: str) -> str:
        if self._module is None or not code:
            return ""
        try:
            return self._module.cameo_name(code) or ""
        except (KeyError, ValueError, LookupError):
            return ""

    def root(self, code: str) -> str:
        if not code:
            return "??"
        if self._module is not None:
            return self._module.cameo_root(code)
        return code[:2] if len(code) >= 2 else code.zfill(2)


def _quad(root: str) -> tuple[str, str]:
    num = int(root) if root.isdigit() else 0
    for name, span, colour in QUAD_CLASSES:
        if num in span:
            return name, colour
    return _UNKNOWN_QUAD


# -- colours and legend ------------------------------------------------------------------------

def _shades(entities: list[dict]) -> dict[tuple[str, str | None], str]:
    """Colour of each (type, subtype) present: the base colour, or a shade per subtype."""
    out = {}
    for etype in sorted({e["type"] for e in entities}):
        base, shades = TYPE_COLOURS.get(etype, (_OTHER_COLOUR, (_OTHER_COLOUR,)))
        out[(etype, None)] = base
        subs = sorted({e["subtype"] for e in entities if e["type"] == etype and e["subtype"]})
        for i, sub in enumerate(subs):
            out[(etype, sub)] = shades[i % len(shades)]
    return out


def _legend(shades: dict, events: list[dict]) -> dict:
    types = []
    for etype in sorted({t for t, _ in shades}, key=lambda t: (t not in ENTITY_TYPES, t)):
        subs = [[s, c] for (t, s), c in sorted(shades.items(), key=lambda x: (x[0][0], x[0][1] or ""))
                if t == etype and s]
        types.append({"type": etype, "colour": shades[(etype, None)], "subtypes": subs})
    quads = sorted({e["quad"] for e in events})
    colours = {name: colour for name, _, colour in QUAD_CLASSES}
    colours[_UNKNOWN_QUAD[0]] = _UNKNOWN_QUAD[1]
    return {"types": types, "quads": [[q, colours[q]] for q in
                                      sorted(quads, key=lambda q: list(colours).index(q))]}


# -- the vis-network part, through pyvis --------------------------------------------------------

class _IdList(list):
    """pyvis keeps node ids in a list and tests membership for every node and edge added;
    a set beside it keeps that O(1) for graphs of thousands of nodes."""

    def __init__(self):
        super().__init__()
        self._set: set = set()

    def append(self, item) -> None:
        super().append(item)
        self._set.add(item)

    def __contains__(self, item) -> bool:
        return item in self._set


def _network(edges: list, entities: list[dict], events: list[dict], shades: dict) -> dict:
    ids = {e["id"] for e in entities}
    H = nx.Graph()
    H.add_nodes_from(sorted(ids))
    for u, v, key, d in edges:
        if key == "cooccurs" and u in ids and v in ids:
            H.add_edge(u, v, weight=d["weight"])
    for ev in events:                                  # who acts on whom pulls them together
        for a in ev["agents"]:
            for t in ev["targets"]:
                if a != t and not H.has_edge(a, t):
                    H.add_edge(a, t, weight=1)
    small = len(entities) + len(events) <= _SMALL
    if small:
        for ev in events:
            H.add_node(ev["id"])
            for m in ev["agents"] + ev["targets"] + ev["places"]:
                if m in ids:
                    H.add_edge(ev["id"], m, weight=1)
    pos = node_positions(H)
    if not small:
        bottom = max((y for _, y in pos.values()), default=0.0) + SPACING * 1.5
        centres = []
        for ev in events:
            members = [pos[m] for m in ev["agents"] + ev["targets"] + ev["places"] if m in pos]
            centre = None
            if members:
                centre = (sum(p[0] for p in members) / len(members),
                          sum(p[1] for p in members) / len(members))
            centres.append((ev["id"], centre))
        pos.update(event_positions(centres, (0.0, bottom)))

    net = Network(directed=True, cdn_resources="in_line")
    net.node_ids = _IdList()
    groups = {}                        # node styles by group: one each, not one per node
    for (etype, sub), colour in shades.items():
        groups[f"{etype}/{sub or ''}"] = _group("dot", colour)
    for ev in events:
        groups.setdefault(f"event/{ev['quad']}", _group("diamond", _quad(ev["root"])[1], font=_EVENT_FONT))
    for e in entities:
        x, y = pos[e["id"]]
        group = f"{e['type']}/{e['subtype'] or ''}"
        net.add_node(e["id"], label=e["label"], shape="dot", group=group, x=x, y=y,
                     size=round(9 + 4.5 * math.log2(max(1, e["mentions"])), 1))
    for ev in events:
        x, y = pos[ev["id"]]
        net.add_node(ev["id"], label=_short(ev["label"]), shape="diamond", group=f"event/{ev['quad']}",
                     x=x, y=y, size=8)
    counter = {"c": 0, "r": 0, "e": 0}

    def next_id(kind: str) -> str:
        counter[kind] += 1
        return f"{kind}{counter[kind]}"
    for u, v, key, d in edges:         # co-occurrence edges take the default edge style
        if key == "cooccurs" and u in ids and v in ids:
            width = round(1 + 1.6 * math.log(d["weight"]), 2)
            net.add_edge(u, v, id=next_id("c"), **({"width": width} if width != 1 else {}))
        elif key in RELATION_PREDICATES and u in ids and v in ids:
            net.add_edge(u, v, id=next_id("r"), width=1.5, dashes=[6, 3], arrows=_ARROW,
                         color={"color": "#a17fc0", "highlight": "#6a2c86"})
        elif key in _ROLES and v in ids:
            src, dst = (v, u) if key == "agent" else (u, v)      # agent → event → target
            net.add_edge(src, dst, id=next_id("e"), **_ROLE_EDGES[key])
    n = len(entities) + len(events)
    net.options = {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {"hover": n <= _BIG, "tooltipDelay": 200, "hideEdgesOnDrag": n > _BIG,
                        "hideEdgesOnZoom": n > _BIG, "multiselect": False},
        "nodes": {"borderWidth": 1.5, "borderWidthSelected": 3,
                  "font": {"size": 14, "face": "system-ui, -apple-system, Segoe UI, sans-serif",
                           "color": "#1d2433", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 7}},
                  "widthConstraint": {"maximum": 200}},
        "edges": {"smooth": False, "selectionWidth": 1.5, "hoverWidth": 0.5, "width": 1,
                  "arrows": _NO_ARROW,
                  "color": {"color": "#b8c2cc", "opacity": 0.7, "highlight": "#555555"}},
        "groups": groups,
    }
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    for e in edges:                    # a directed pyvis Network gives every edge an arrow;
        if e.get("arrows") == "to":    # co-occurrence has none (the default edge style)
            del e["arrows"]
    return {"nodes": nodes, "edges": edges, "options": json.loads(options),
            "eventsShown": n <= _EVENTS_DRAWN}


def _group(shape: str, colour: str, **extra) -> dict:
    return {"shape": shape, **extra,
            "color": {"background": colour, "border": "#ffffff",
                      "highlight": {"background": colour, "border": "#111111"},
                      "hover": {"background": colour, "border": "#111111"}}}


def _short(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"
