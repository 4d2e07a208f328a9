/* newsgraph page script.
 *
 * Reads the data block (JSON), draws the network with vis-network and the timeline as SVG,
 * and fills the details panel. Every piece of data reaches the page through textContent,
 * DOM nodes or SVG text nodes; innerHTML is never used. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("newsgraph-data").textContent);
  var SVG_NS = "http://www.w3.org/2000/svg";
  var WIKIDATA = /^https:\/\/www\.wikidata\.org\/wiki\/Q\d+$/;
  var QID = /^Q\d+$/;
  var MAX_SENTENCES = 8;
  var MAX_LIST = 200;
  var DEFAULT_LANES = 5;
  var DAY = 86400000;

  var byId = {};
  DATA.entities.forEach(function (e) { byId[e.id] = e; e.kind = "entity"; });
  DATA.events.forEach(function (e) { byId[e.id] = e; e.kind = "event"; });
  var docs = {};
  DATA.documents.forEach(function (d) { docs[d.id] = d; });
  var quadColour = {};
  DATA.legend.quads.forEach(function (q) { quadColour[q[0]] = q[1]; });
  var rootName = {};
  DATA.cameoRoots.forEach(function (r) { rootName[r[0]] = r[1]; });

  // ---- small DOM helpers (text only) --------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function $(id) { return document.getElementById(id); }
  function label(id) { var x = byId[id]; return x ? x.label : id; }
  function cameoText(code, name) { return name ? code + " " + name : code; }
  function dateText(ev) {
    if (!ev.begin) return "undated";
    return ev.end && ev.end !== ev.begin ? ev.begin + " – " + ev.end : ev.begin;
  }
  function linkTo(id, text) {
    var b = el("button", "linkish", text === undefined ? label(id) : text);
    b.type = "button";
    b.setAttribute("data-target", id);
    b.addEventListener("click", function () { select(id, { focus: true }); });
    return b;
  }
  function wikidataLink(qid) {
    if (!qid || !QID.test(qid)) return null;
    var url = "https://www.wikidata.org/wiki/" + qid;
    if (!WIKIDATA.test(url)) return null;
    var a = el("a", "", qid);
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  // ---- header --------------------------------------------------------------------------------
  ["documents", "entities", "events"].forEach(function (k) {
    var node = $("count-" + k);
    node.textContent = DATA.counts[k].toLocaleString("en");
    node.setAttribute("data-count", String(DATA.counts[k]));
  });

  // ---- filters -------------------------------------------------------------------------------
  var state = { types: {}, events: DATA.network.eventsShown, roots: {}, from: "", to: "",
    lanes: [], view: "network" };
  var typeCounts = {};
  DATA.entities.forEach(function (e) { typeCounts[e.type] = (typeCounts[e.type] || 0) + 1; });
  var rootCounts = {};
  DATA.events.forEach(function (e) { rootCounts[e.root] = (rootCounts[e.root] || 0) + 1; });

  function check(container, value, text, count, icon, onChange) {
    var lab = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = value;
    box.addEventListener("change", function () { onChange(box.checked); });
    lab.appendChild(box);
    if (icon) lab.appendChild(icon);
    lab.appendChild(el("span", "", text));
    if (count !== undefined) lab.appendChild(el("span", "n", count));
    container.appendChild(lab);
    return box;
  }
  function swatch(colour, shape) {
    var s = el("span", "swatch" + (shape ? " " + shape : ""));
    if (shape && shape.indexOf("line") === 0) s.style.borderTopColor = colour;
    else s.style.background = colour;
    return s;
  }

  var typeBox = $("filter-types");
  DATA.legend.types.forEach(function (t) {
    state.types[t.type] = true;
    check(typeBox, t.type, t.type, typeCounts[t.type] || 0, swatch(t.colour), function (on) {
      state.types[t.type] = on; applyFilters();
    }).setAttribute("data-type", t.type);
  });
  var eventsBox = check(typeBox, "events", "Events", DATA.events.length, swatch("#8a94a3", "diamond"),
    function (on) { state.events = on; applyFilters(); });
  eventsBox.setAttribute("data-type", "events");
  eventsBox.checked = state.events;

  var rootBox = $("filter-roots");
  var rootChecks = [];
  DATA.cameoRoots.forEach(function (r) {
    state.roots[r[0]] = true;
    var box = check(rootBox, r[0], cameoText(r[0], r[1]), rootCounts[r[0]] || 0,
      swatch(quadColour[r[2]] || "#95a5a6", "diamond"), function (on) {
        state.roots[r[0]] = on; applyFilters();
      });
    box.setAttribute("data-root", r[0]);
    rootChecks.push(box);
  });
  function setAllRoots(on) {
    rootChecks.forEach(function (b) { b.checked = on; state.roots[b.value] = on; });
    applyFilters();
  }
  $("roots-all").addEventListener("click", function () { setAllRoots(true); });
  $("roots-none").addEventListener("click", function () { setAllRoots(false); });

  var dated = DATA.events.filter(function (e) { return e.begin; });
  var minDate = dated.reduce(function (m, e) { return !m || e.begin < m ? e.begin : m; }, "");
  var maxDate = dated.reduce(function (m, e) { return !m || e.end > m ? e.end : m; }, "");
  ["date-from", "date-to"].forEach(function (id) {
    var input = $(id);
    if (minDate) { input.min = minDate; input.max = maxDate; }
    input.addEventListener("change", function () {
      state.from = $("date-from").value; state.to = $("date-to").value; applyFilters();
    });
  });

  function eventVisible(ev) {
    if (!state.roots[ev.root]) return false;
    if (ev.begin && state.from && ev.end < state.from) return false;
    if (ev.begin && state.to && ev.begin > state.to) return false;
    return true;
  }
  function nodeVisible(id) {
    var x = byId[id];
    if (!x) return true;
    return x.kind === "event" ? state.events && eventVisible(x) : !!state.types[x.type];
  }

  // ---- legend --------------------------------------------------------------------------------
  (function legend() {
    var box = $("legend");
    function row(sw, text, cls) {
      var r = el("div", "row" + (cls ? " " + cls : ""));
      r.appendChild(sw); r.appendChild(el("span", "", text)); box.appendChild(r);
    }
    DATA.legend.types.forEach(function (t) {
      row(swatch(t.colour), t.type);
      t.subtypes.forEach(function (s) { row(swatch(s[1]), s[0], "sub"); });
    });
    if (DATA.legend.quads.length) box.appendChild(el("div", "group", "Events (diamonds), by CAMEO class"));
    DATA.legend.quads.forEach(function (q) { row(swatch(q[1], "diamond"), q[0]); });
    box.appendChild(el("div", "group", "Lines"));
    row(swatch("#b8c2cc", "line"), "named in the same sentence (thicker: more often)");
    row(swatch("#5f6b7a", "line"), "agent → event → target");
    row(swatch("#9fb5a8", "line dashed"), "event place");
    row(swatch("#a17fc0", "line dashed"), "affiliation, location, part of");
    box.appendChild(el("div", "group", "Node size: number of mentions"));
  })();

  // ---- network -------------------------------------------------------------------------------
  function tooltip(id) {
    var x = byId[id];
    var box = el("div");
    if (!x) { box.appendChild(el("div", "tip-title", id)); return box; }
    box.appendChild(el("div", "tip-title", x.label));
    if (x.kind === "entity") {
      box.appendChild(el("div", "tip-meta", (x.subtype ? x.type + " · " + x.subtype : x.type) +
        " · " + x.mentions + (x.mentions === 1 ? " mention" : " mentions")));
      if (x.titles.length) box.appendChild(el("div", "", x.titles[0][0]));
    } else {
      box.appendChild(el("div", "tip-meta", cameoText(x.cameo, x.cameoName)));
      box.appendChild(el("div", "tip-meta", dateText(x)));
    }
    return box;
  }
  // A big graph opens with its entities only; its events join the network when asked for.
  var entityNodes = [], eventNodes = [], entityEdges = [], eventEdges = [];
  DATA.network.nodes.forEach(function (n) {
    (byId[n.id] && byId[n.id].kind === "event" ? eventNodes : entityNodes).push(n);
  });
  DATA.network.edges.forEach(function (e) {
    (byId[e.from] && byId[e.from].kind === "event" || byId[e.to] && byId[e.to].kind === "event" ?
      eventEdges : entityEdges).push(e);
  });
  var hidden = {};
  function prepared(list) {
    return list.map(function (n) {
      var copy = Object.assign({}, n);
      copy.title = tooltip(n.id);
      hidden[n.id] = !nodeVisible(n.id);
      if (hidden[n.id]) copy.hidden = true;
      return copy;
    });
  }
  function edgeState(list) {
    return list.map(function (e) {
      var copy = Object.assign({}, e);
      copy.hidden = !!(hidden[e.from] || hidden[e.to]);
      return copy;
    });
  }
  var eventsLoaded = state.events;
  var nodes = new vis.DataSet(prepared(eventsLoaded ? entityNodes.concat(eventNodes) : entityNodes));
  var edges = new vis.DataSet(edgeState(eventsLoaded ? entityEdges.concat(eventEdges) : entityEdges));
  var network = new vis.Network($("network"), { nodes: nodes, edges: edges }, DATA.network.options);
  network.fit({ maxZoomLevel: 1.5 });       // a small graph fills the view (vis stops at 1)
  network.once("afterDrawing", function () {
    window.newsgraphReadyAt = performance.now();
    window.newsgraphReady = true;
    document.body.setAttribute("data-ready", "true");
  });
  network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0], { fromNetwork: true });
  });
  function status() {
    $("network-status").textContent = !DATA.network.nodes.length ? "The graph is empty." :
      (eventsLoaded ? "" : DATA.events.length.toLocaleString("en") +
        " events are not drawn, to keep this big graph quick: tick Events to draw them. ") +
      "Drag to pan, scroll to zoom, click a node for details.";
  }
  status();

  function applyNetworkFilters() {
    if (state.events && !eventsLoaded) {
      eventsLoaded = true;
      nodes.add(prepared(eventNodes));
      edges.add(edgeState(eventEdges));
      status();
    }
    var loaded = eventsLoaded ? DATA.network.nodes : entityNodes;
    var nodeUpdates = [];
    loaded.forEach(function (n) {
      var hide = !nodeVisible(n.id);
      if (!!hidden[n.id] !== hide) { hidden[n.id] = hide; nodeUpdates.push({ id: n.id, hidden: hide }); }
    });
    if (!nodeUpdates.length) return;
    nodes.update(nodeUpdates);
    edges.update(edgeState(eventsLoaded ? DATA.network.edges : entityEdges).map(function (e) {
      return { id: e.id, hidden: e.hidden };
    }));
  }

  // ---- details panel ---------------------------------------------------------------------------
  var details = $("details");
  var current = null;

  function section(title, body) {
    details.appendChild(el("h3", "", title));
    details.appendChild(body);
    return body;
  }
  function sentenceList(indices, cls) {
    var box = el("div", cls || "sentences");
    function add(i) {
      var row = DATA.sentences[i];
      var p = el("p", "sentence", row[2]);
      var src = el("span", "src", "— " + row[0] + (docs[row[0]] && docs[row[0]].title ? ": " + docs[row[0]].title : ""));
      src.setAttribute("data-doc", row[0]);
      p.appendChild(src);
      box.appendChild(p);
    }
    indices.slice(0, MAX_SENTENCES).forEach(add);
    if (indices.length > MAX_SENTENCES) {
      var more = el("button", "linkish more", "Show all " + indices.length + " sentences");
      more.type = "button";
      more.addEventListener("click", function () {
        more.remove();
        indices.slice(MAX_SENTENCES).forEach(add);
      });
      box.appendChild(more);
    }
    return box;
  }
  function eventRow(ev, role) {
    var li = el("li");
    var dot = el("span", "dot");
    dot.style.background = quadColour[ev.quad] || "#95a5a6";
    li.appendChild(dot);
    li.appendChild(el("span", "muted", (ev.begin ? ev.begin : "undated") + " "));
    li.appendChild(linkTo(ev.id, ev.label));
    if (role) li.appendChild(el("span", "tag", role));
    li.appendChild(el("span", "tag", ev.cameo));
    return li;
  }
  function byDate(a, b) {
    var x = a.begin || "9999", y = b.begin || "9999";
    return x < y ? -1 : x > y ? 1 : (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }
  var PREDICATES = { affiliation: ["member of / works for", "has member"],
    containedInPlace: ["is in", "contains"], location: ["located in", "location of"] };

  function pairs(dl) {            // pair(term, text or node) adds a row to the list dl
    return function (term, value) {
      dl.appendChild(el("dt", "", term));
      var dd = el("dd");
      if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
      dl.appendChild(dd);
      return dd;
    };
  }

  function showEntity(e) {
    var h = el("h2", "", e.label);
    h.id = "details-title";
    details.appendChild(h);
    details.appendChild(el("p", "subtitle", e.subtype ? e.type + " · " + e.subtype : e.type));
    var dl = el("dl"), pair = pairs(dl);
    if (e.aliases.length) pair("Also", e.aliases.join(" · ")).id = "details-aliases";
    var link = wikidataLink(e.wikidata);
    if (link) pair("Wikidata", link).id = "details-wikidata";
    pair("Mentions", e.mentions + " in " + e.docs.length + (e.docs.length === 1 ? " document" : " documents"));
    details.appendChild(dl);
    if (e.titles.length) {
      var offices = section("Offices", el("ul", "details-offices"));
      offices.id = "details-offices";
      e.titles.forEach(function (t) {
        var li = el("li", "", t[0]);
        li.appendChild(el("span", "tag", t[1]));
        offices.appendChild(li);
      });
    }
    if (e.relations.length) {
      var rels = section("Relations", el("ul"));
      rels.id = "details-relations";
      e.relations.forEach(function (r) {
        var words = PREDICATES[r[0]] || [r[0], r[0] + " of"];
        var li = el("li", "", (r[1] === "out" ? words[0] : words[1]) + " ");
        li.appendChild(linkTo(r[2]));
        li.appendChild(el("span", "tag", r[3].join(", ")));
        rels.appendChild(li);
      });
    }
    if (e.events.length) {
      var evs = e.events.map(function (p) { return { ev: byId[p[0]], role: p[1] }; })
        .filter(function (x) { return x.ev; })
        .sort(function (a, b) { return byDate(a.ev, b.ev); });
      var list = section("Events (" + evs.length + ")", el("ul", "event-list"));
      list.id = "details-events";
      evs.slice(0, MAX_LIST).forEach(function (x) { list.appendChild(eventRow(x.ev, x.role)); });
    }
    if (e.sentences.length) section("Sources", sentenceList(e.sentences)).id = "details-sentences";
  }

  function showEvent(ev) {
    var h = el("h2", "", ev.label);
    h.id = "details-title";
    details.appendChild(h);
    details.appendChild(el("p", "subtitle", "Event"));
    var dl = el("dl"), pair = pairs(dl);
    pair("Type", cameoText(ev.cameo, ev.cameoName)).id = "details-cameo";
    if (ev.rootName && ev.root !== ev.cameo) pair("Class", cameoText(ev.root, ev.rootName));
    pair("Date", dateText(ev)).id = "details-date";
    if (ev.timex) pair("Said as", "“" + ev.timex[0] + "” (" + ev.timex[1] + ")");
    pair("Modality", ev.modality + (ev.negated ? ", negated" : "")).id = "details-modality";
    [["Agent", ev.agents], ["Target", ev.targets], ["Place", ev.places]].forEach(function (p) {
      if (!p[1].length) return;
      var dd = pair(p[0], "");
      p[1].forEach(function (id, i) { if (i) dd.appendChild(document.createTextNode(", ")); dd.appendChild(linkTo(id)); });
    });
    var d = docs[ev.doc];
    pair("Document", ev.doc + (d && d.title ? ": " + d.title : "") + (d && d.published ? " (" + d.published + ")" : ""));
    details.appendChild(dl);
    if (ev.sentence !== null && ev.sentence !== undefined) {
      section("Source", sentenceList([ev.sentence])).id = "details-sentences";
    }
  }

  function select(id, opts) {
    opts = opts || {};
    var x = byId[id];
    if (!x) return;
    current = id;
    clear(details);
    details.setAttribute("data-node", id);
    details.setAttribute("data-kind", x.kind);
    if (x.kind === "entity") showEntity(x); else showEvent(x);
    details.scrollTop = 0;
    if (!opts.fromNetwork && nodes.get(id)) {
      network.selectNodes([id]);
      if (opts.focus && state.view === "network") {
        network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400 } });
      }
    }
    markTimelineSelection();
  }

  function showOverview() {
    details.appendChild(el("p", "placeholder",
      "Select an actor, a place or an event to see what the articles say about it."));
    var top = DATA.entities.slice().sort(function (a, b) {
      return b.mentions - a.mentions || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    }).slice(0, 12);
    if (top.length) {
      var list = section("Most mentioned", el("ul", "plain"));
      list.id = "overview-top";
      top.forEach(function (e) {
        var li = el("li");
        var c = DATA.legend.types.filter(function (t) { return t.type === e.type; })[0];
        var dot = el("span", "dot");
        dot.style.background = c ? c.colour : "#7f8c8d";
        li.appendChild(dot);
        li.appendChild(linkTo(e.id));
        li.appendChild(el("span", "tag", e.mentions));
        list.appendChild(li);
      });
    }
    if (DATA.documents.length) {
      var docsList = section("Documents (" + DATA.documents.length + ")", el("ul", "plain"));
      DATA.documents.slice(0, MAX_LIST).forEach(function (d) {
        var li = el("li", "", d.title || d.id);
        if (d.published) li.appendChild(el("span", "tag", d.published));
        docsList.appendChild(li);
      });
    }
  }
  clear(details);
  showOverview();

  // ---- search --------------------------------------------------------------------------------
  var searchIndex = DATA.entities.map(function (e) {
    return { e: e, names: [e.label].concat(e.aliases).map(function (s) { return s.toLowerCase(); }) };
  });
  function search(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    searchIndex.forEach(function (s) {
      var best = -1;
      s.names.forEach(function (n, i) {
        var at = n.indexOf(q);
        if (at < 0) return;
        var score = (at === 0 ? 0 : 2) + (i === 0 ? 0 : 1);
        if (best < 0 || score < best) best = score;
      });
      if (best >= 0) hits.push({ e: s.e, score: best });
    });
    hits.sort(function (a, b) {
      return a.score - b.score || b.e.mentions - a.e.mentions || (a.e.label < b.e.label ? -1 : 1);
    });
    return hits.slice(0, 20).map(function (h) { return h.e; });
  }
  var results = $("search-results");
  function pick(e) {
    results.hidden = true;
    $("search").value = e.label;
    if (state.view !== "network") showView("network");
    select(e.id, { focus: true });
  }
  $("search").addEventListener("input", function () {
    clear(results);
    var hits = search(this.value);
    results.hidden = !hits.length;
    hits.forEach(function (e) {
      var li = el("li");
      var b = el("button");
      b.type = "button";
      b.setAttribute("data-target", e.id);
      var c = DATA.legend.types.filter(function (t) { return t.type === e.type; })[0];
      b.appendChild(swatch(c ? c.colour : "#7f8c8d"));
      b.appendChild(el("span", "", e.label));
      var q = $("search").value.trim().toLowerCase();
      var alias = e.aliases.filter(function (a) { return a.toLowerCase().indexOf(q) >= 0; })[0];
      if (alias && e.label.toLowerCase().indexOf(q) < 0) b.appendChild(el("span", "alias", alias));
      b.addEventListener("click", function () { pick(e); });
      li.appendChild(b);
      results.appendChild(li);
    });
  });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var hits = search(this.value); if (hits.length) pick(hits[0]); }
    if (ev.key === "Escape") { results.hidden = true; }
  });

  // ---- timeline ------------------------------------------------------------------------------
  // actors: who acts or is acted on first, then places of events
  function acting(e) { return e.events.filter(function (p) { return p[1] !== "place"; }).length; }
  var actors = DATA.entities.filter(function (e) { return e.events.length; }).sort(function (a, b) {
    return acting(b) - acting(a) || b.events.length - a.events.length ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  });
  state.lanes = actors.filter(acting).slice(0, DEFAULT_LANES).map(function (e) { return e.id; });
  var laneBox = $("lane-choices");
  actors.forEach(function (e) {
    var box = check(laneBox, e.id, e.label, e.events.length, null, function (on) {
      state.lanes = state.lanes.filter(function (id) { return id !== e.id; });
      if (on) state.lanes.push(e.id);
      drawTimeline();
    });
    box.checked = state.lanes.indexOf(e.id) >= 0;
    box.setAttribute("data-actor", e.id);
  });
  $("lane-filter").addEventListener("input", function () {
    var q = this.value.trim().toLowerCase();
    Array.prototype.forEach.call(laneBox.children, function (lab) {
      lab.hidden = q && lab.textContent.toLowerCase().indexOf(q) < 0;
    });
  });

  function parseDay(s) { return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)); }
  function isoDay(t) { return new Date(t).toISOString().slice(0, 10); }
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function ticks(t0, t1, maxTicks) {
    var span = (t1 - t0) / DAY, out = [], d, step;
    var dayTicks = [1, 2, 7, 14];
    for (var i = 0; i < dayTicks.length; i++) {
      if (span / dayTicks[i] <= maxTicks) {
        step = dayTicks[i];
        for (d = t0; d <= t1; d += step * DAY) {
          var dt = new Date(d);
          out.push({ t: d, text: dt.getUTCDate() + " " + MONTHS[dt.getUTCMonth()] +
            (out.length ? "" : " " + dt.getUTCFullYear()) });
        }
        return out;
      }
    }
    var months = [1, 3, 6, 12, 24, 60];
    for (i = 0; i < months.length; i++) { step = months[i]; if (span / (30.44 * step) <= maxTicks) break; }
    var start = new Date(t0);
    var y = start.getUTCFullYear(), m = start.getUTCMonth();
    m = Math.ceil(m / Math.min(step, 12)) * Math.min(step, 12);
    for (;;) {
      d = Date.UTC(y + Math.floor(m / 12), m % 12, 1);
      if (d > t1) break;
      if (d >= t0) {
        var when = new Date(d);
        out.push({ t: d, text: step >= 12 ? String(when.getUTCFullYear()) :
          MONTHS[when.getUTCMonth()] + " " + when.getUTCFullYear() });
      }
      m += step;
    }
    return out;
  }

  function drawTimeline() {
    if (state.view !== "timeline") return;
    var box = $("timeline");
    clear(box);
    var visible = DATA.events.filter(eventVisible);
    var withDate = visible.filter(function (e) { return e.begin; });
    var undated = visible.filter(function (e) { return !e.begin; });
    var lanes = [{ id: null, label: "All events", events: withDate, role: {} }];
    state.lanes.forEach(function (id) {
      var a = byId[id];
      if (!a || !state.types[a.type]) return;
      var role = {};
      a.events.forEach(function (p) { role[p[0]] = role[p[0]] || p[1]; });
      lanes.push({ id: id, label: a.label, role: role,
        events: withDate.filter(function (e) { return role[e.id]; }) });
    });
    var t0, t1;
    if (withDate.length) {
      t0 = parseDay(state.from || withDate.reduce(function (m, e) { return e.begin < m ? e.begin : m; }, withDate[0].begin));
      t1 = parseDay(state.to || withDate.reduce(function (m, e) { return e.end > m ? e.end : m; }, withDate[0].end)) + DAY;
      if (t1 - t0 < 4 * DAY) { t0 -= 2 * DAY; t1 += 2 * DAY; }
    }
    var width = Math.max(640, box.clientWidth - 2), left = 170, right = 24, top = 30;
    var x = function (t) { return left + (t - t0) / (t1 - t0) * (width - left - right); };
    var r = withDate.length ? Math.max(2.5, Math.min(5.5, (x(t0 + DAY) - x(t0)) / 2)) : 5.5;
    var rowH = 2 * r + 4, maxRows = r < 4 ? 12 : 8;
    var y = top, laneGeom = [];
    lanes.forEach(function (lane) {
      var rows = [];
      var items = lane.events.slice().sort(byDate).map(function (e) {
        var range = e.end !== e.begin;       // a day is a dot in its middle, a span a bar
        var x1 = range ? x(parseDay(e.begin)) : x(parseDay(e.begin) + DAY / 2);
        var x2 = range ? Math.max(x1, x(parseDay(e.end) + DAY) - 1) : x1;
        var row = 0;
        while (row < rows.length && rows[row] > x1 - r - 1 && row < maxRows - 1) row++;
        rows[row] = Math.max(rows[row] || 0, x2 + r);
        return { e: e, x1: x1, x2: x2, row: row, range: range };
      });
      var h = Math.max(1, rows.length) * rowH + 18;
      laneGeom.push({ lane: lane, y: y, h: h, items: items });
      y += h;
    });
    var root = svg("svg", { width: width, height: y + 8, role: "img", "aria-label": "Timeline of events", id: "timeline-svg" });
    laneGeom.forEach(function (g, i) {
      root.appendChild(svg("rect", { "class": "lane-bg" + (i % 2 ? " alt" : ""), x: 0, y: g.y, width: width, height: g.h }));
    });
    if (withDate.length) {
      ticks(t0, t1, Math.max(2, Math.floor((width - left - right) / 80))).forEach(function (tk) {
        var grp = svg("g", { "class": "tick", "data-date": isoDay(tk.t) });
        var tx = x(tk.t);
        grp.setAttribute("data-x", tx.toFixed(1));
        grp.appendChild(svg("line", { x1: tx, x2: tx, y1: top - 6, y2: y }));
        if (tx + 7 * tk.text.length < width) grp.appendChild(svg("text", { x: tx + 3, y: top - 10 }, tk.text));
        root.appendChild(grp);
      });
    }
    laneGeom.forEach(function (g) {
      var text = svg("text", { "class": "lane-label" + (g.lane.id ? "" : " all"), x: 10, y: g.y + 18 },
        g.lane.label.length > 24 ? g.lane.label.slice(0, 23) + "…" : g.lane.label);
      text.appendChild(svg("title", {}, g.lane.label + " (" + g.lane.events.length + ")"));
      if (g.lane.id) text.setAttribute("data-actor", g.lane.id);
      root.appendChild(text);
      g.items.forEach(function (it) {
        var e = it.e, cy = g.y + 9 + rowH / 2 + it.row * rowH;
        var role = g.lane.role[e.id] || "";
        var colour = quadColour[e.quad] || "#95a5a6";
        var mark = it.range ?
          svg("rect", { x: it.x1, y: cy - r, width: Math.max(2 * r, it.x2 - it.x1), height: 2 * r, rx: r }) :
          svg("circle", { cx: it.x1, cy: cy, r: r });
        mark.setAttribute("class", "mark" + (role ? " " + role : ""));
        mark.style.fill = colour;
        if (role === "target") { mark.style.fill = "#ffffff"; mark.style.stroke = colour; }
        mark.setAttribute("data-event", e.id);
        mark.setAttribute("data-begin", e.begin);
        mark.setAttribute("data-x", it.x1.toFixed(1));
        if (g.lane.id) mark.setAttribute("data-lane", g.lane.id);
        mark.appendChild(svg("title", {}, dateText(e) + " — " + e.label + " (" +
          cameoText(e.cameo, e.cameoName) + ")" + (role ? " · " + role : "")));
        mark.setAttribute("tabindex", "0");
        mark.setAttribute("role", "button");
        mark.setAttribute("aria-label", dateText(e) + ": " + e.label);
        mark.addEventListener("click", function () { select(e.id); });
        mark.addEventListener("keydown", function (ev) {
          if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(e.id); }
        });
        root.appendChild(mark);
      });
    });
    box.appendChild(root);
    $("timeline-summary").textContent = withDate.length + " dated events" +
      (withDate.length ? ", " + isoDay(t0) + " to " + isoDay(t1 - DAY) : "");
    var list = $("undated-list");
    clear(list);
    $("undated-count").textContent = "(" + undated.length + ")";
    undated.slice(0, MAX_LIST).forEach(function (e) {
      var li = eventRow(e);
      li.setAttribute("data-event", e.id);
      var agents = e.agents.concat(e.targets).map(label).join(", ");
      if (agents) li.appendChild(el("span", "muted", " " + agents));
      list.appendChild(li);
    });
    if (undated.length > MAX_LIST) {
      list.appendChild(el("li", "muted", "… and " + (undated.length - MAX_LIST) + " more"));
    }
    markTimelineSelection();
  }
  function markTimelineSelection() {
    var marks = document.querySelectorAll("#timeline .mark");
    Array.prototype.forEach.call(marks, function (m) {
      m.classList.toggle("selected", m.getAttribute("data-event") === current);
    });
  }

  // ---- views ---------------------------------------------------------------------------------
  function showView(name) {
    state.view = name;
    ["network", "timeline"].forEach(function (v) {
      $("view-" + v).hidden = v !== name;
      $("tab-" + v).setAttribute("aria-selected", String(v === name));
    });
    document.body.setAttribute("data-view", name);
    if (name === "timeline") drawTimeline(); else network.redraw();
  }
  $("tab-network").addEventListener("click", function () { showView("network"); });
  $("tab-timeline").addEventListener("click", function () { showView("timeline"); });
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(drawTimeline, 150);
  });

  function applyFilters() {
    applyNetworkFilters();
    drawTimeline();
  }

  window.network = network;
  window.newsgraph = { network: network, nodes: nodes, edges: edges, data: DATA,
    select: select, showView: showView, search: search };
  document.body.setAttribute("data-view", "network");
})();
