"""The page as text: self-contained, no live markup from data, deterministic."""
from __future__ import annotations

import json
import re
import sys

import pytest
from .view_graphs import HOSTILE, PAYLOADS

from graph.kg import build_graph
from graph.view import render_html, write_html
from graph.view.html import script_json

DATA_BLOCK = re.compile(r'<script type="application/json" id="newsgraph-data">(.*?)</script>', re.S)
#: A resource the browser would fetch on its own from the network.
REMOTE = [
    re.compile(r"""\bsrc\s*=\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""<(?:link|script|img|iframe|source|embed|object)\b[^>]*"""
               r"""\b(?:href|src|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""url\(\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"@import", re.I),
]


def split(page: str) -> tuple[str, str]:
    """(the page without the data block, the data block's text)."""
    m = DATA_BLOCK.search(page)
    assert m, "no data block"
    return page[:m.start(1)] + page[m.end(1):], m.group(1)


def script_tags(page: str) -> int:
    """How many script elements the page has (their bodies can never close them early)."""
    assert page.count("</script>") == len(re.findall(r"</script", page, re.I))
    bare = re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", page, flags=re.S)
    assert bare.count("<script") == page.count("</script>")
    return page.count("</script>")


def data_of(page: str) -> dict:
    return json.loads(split(page)[1])


def test_renders_the_seed_graph(seed_graph):
    page = render_html(seed_graph, title="Seed")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Seed</title>" in page
    data = data_of(page)
    assert data["counts"] == {"documents": 2, "entities": 7, "events": 4}
    assert {"count-documents", "count-entities", "count-events"} <= set(re.findall(r'id="([\w-]+)"', page))


def test_details_data(seed_graph):
    data = data_of(render_html(seed_graph))
    ents = {e["id"]: e for e in data["entities"]}
    erdogan = ents["entity/Q39723"]
    assert erdogan["titles"] == [["President", "seed"]]
    assert erdogan["aliases"] == ["Erdogan"]
    assert ["affiliation", "out", "entity/Q43", ["seed"]] in erdogan["relations"]
    assert ["event/seed-e1", "agent"] in erdogan["events"]
    texts = [data["sentences"][i][2] for i in erdogan["sentences"]]
    assert texts[0].startswith("Turkish President Recep Tayyip Erdogan met")
    assert all(data["sentences"][i][0] == "seed" for i in erdogan["sentences"])
    turkey = ents["entity/Q43"]
    assert {data["sentences"][i][0] for i in turkey["sentences"]} == {"seed", "second"}
    ev = {e["id"]: e for e in data["events"]}["event/seed-e1"]
    assert (ev["cameo"], ev["root"], ev["begin"], ev["modality"]) == ("036", "03", "2016-12-13", "asserted")
    assert ev["agents"] == ["entity/Q39723"] and ev["places"] == ["entity/Q3640"]
    assert data["sentences"][ev["sentence"]][2].endswith("on 13 December 2016.")


def test_cameo_names_when_the_codebook_is_there(seed_graph):
    cameo = pytest.importorskip("graph.cameo")
    ev = {e["id"]: e for e in data_of(render_html(seed_graph))["events"]}["event/seed-e1"]
    assert ev["cameoName"] == cameo.cameo_name("036") != ""


def test_without_the_cameo_codebook(monkeypatch, seed_graph):
    import graph
    monkeypatch.setitem(sys.modules, "graph.cameo", None)      # import fails: codes alone
    monkeypatch.delattr(graph, "cameo", raising=False)
    ev = {e["id"]: e for e in data_of(render_html(seed_graph))["events"]}["event/seed-e1"]
    assert (ev["cameo"], ev["cameoName"], ev["root"], ev["rootName"]) == ("036", "", "03", "")


def test_network_nodes_are_placed_and_still(seed_graph):
    net = data_of(render_html(seed_graph))["network"]
    assert net["options"]["physics"]["enabled"] is False
    ids = {n["id"] for n in net["nodes"]}
    assert {"entity/Q43", "event/seed-e1"} <= ids
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in net["nodes"])
    shapes = {n["id"]: n["shape"] for n in net["nodes"]}
    assert shapes["entity/Q43"] == "dot" and shapes["event/seed-e1"] == "diamond"
    groups = {n["id"]: n["group"] for n in net["nodes"]}
    assert groups["entity/Q43"] == "Place/Country" and groups["entity/Q39723"] == "Person/"
    assert set(groups.values()) <= set(net["options"]["groups"])
    assert len({(n["x"], n["y"]) for n in net["nodes"]}) == len(net["nodes"])
    sizes = {n["id"]: n["size"] for n in net["nodes"]}
    assert sizes["entity/Q43"] > sizes["entity/Q3640"]        # 3 mentions against 1
    edges = {(e["from"], e["to"]): e for e in net["edges"]}
    cooc = edges["entity/Q159", "entity/Q43"]
    assert cooc["width"] > 1 and "arrows" not in cooc
    assert edges["entity/Q39723", "event/seed-e1"]["arrows"]["to"]["enabled"]   # agent → event
    assert ("event/seed-e1", "entity/Q159") in edges                            # event → target
    assert any(e.get("dashes") for e in net["edges"]                            # affiliation
               if (e["from"], e["to"]) == ("entity/Q39723", "entity/Q43"))
    assert len({e["id"] for e in net["edges"]}) == len(net["edges"])


@pytest.mark.parametrize("which", ["seed_graph", "hostile_graph"])
def test_no_remote_resources(which, request):
    page = render_html(request.getfixturevalue(which))
    for pattern in REMOTE:
        assert not pattern.search(page), pattern.pattern
    assert "bootstrap" not in page.lower()


def test_content_security_policy_pins_the_scripts(seed_graph):
    page = render_html(seed_graph)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2 and csp.count("'sha256-") == 2


def test_hostile_text_stays_data(hostile_graph):
    page = render_html(hostile_graph)
    markup, block = split(page)
    for payload in PAYLOADS:                   # "</script>" is counted below: ours only
        assert payload == "</script>" or payload not in markup, payload
    assert not re.search(r"[<>&\u2028\u2029]", block)
    assert script_tags(page) == 3           # the data block, vis-network's and ours
    data = json.loads(block)                                       # and the text is intact
    person = next(e for e in data["entities"] if e["type"] == "Person")
    assert person["label"] == HOSTILE and person["titles"] == [[HOSTILE, f"doc-{HOSTILE}"]]
    assert data["documents"][0]["title"] == HOSTILE


def test_hostile_title_is_escaped(hostile_graph):
    markup, _ = split(render_html(hostile_graph, title=HOSTILE))
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
    assert markup.count(escaped) == 2                              # <title> and <h1>
    for payload in PAYLOADS[:2] + PAYLOADS[3:4]:
        assert payload not in markup, payload
    assert script_tags(markup) == 3


def test_script_json_escapes_what_could_end_a_script():
    text = script_json({"k": "</script><!-- & \u2028\u2029 é"})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"k": "</script><!-- & \u2028\u2029 é"}


def test_deterministic(seed_graph, hostile_graph):
    assert render_html(seed_graph) == render_html(seed_graph)
    from .view_graphs import other_analysis, seed_analysis
    assert render_html(build_graph([seed_analysis(), other_analysis()])) == render_html(seed_graph)
    assert render_html(hostile_graph) == render_html(hostile_graph)


def test_empty_graph_renders():
    data = data_of(render_html(build_graph([])))
    assert data["counts"] == {"documents": 0, "entities": 0, "events": 0}
    assert data["network"]["nodes"] == []


def test_write_html_is_atomic(tmp_path, seed_graph):
    out = write_html(seed_graph, tmp_path / "graph.html", title="Seed")
    assert out.read_text(encoding="utf-8") == render_html(seed_graph, title="Seed")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_page_script_never_writes_markup():
    from importlib.resources import files
    script = (files("graph") / "view/assets/page.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "Function(", "setAttribute(\"href", "setAttribute(\"style", "setAttribute(\"on"):
        assert sink not in code, sink
    assert code.count(".href =") == 1 and "WIKIDATA.test(url)" in code
