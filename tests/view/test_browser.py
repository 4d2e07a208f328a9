"""The page in headless Chromium: offline, correct counts, details, timeline, hostile text.

Skipped when /usr/bin/chromium (or Playwright) is missing, unless NEWSGRAPH_REQUIRE_BROWSER=1
(as in CI), which turns the skip into a failure. Screenshots go to test-artifacts/.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graph.kg import build_graph
from graph.view import write_html

from .view_graphs import HOSTILE, hostile_analysis, other_analysis, seed_analysis

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LOCAL_SCHEMES = ("file:", "data:", "about:")


def _unavailable(why: str):
    if os.environ.get("NEWSGRAPH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{why}, and NEWSGRAPH_REQUIRE_BROWSER=1")
    pytest.skip(why)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    page: object
    requests: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def remote(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(LOCAL_SCHEMES)]

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name))

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)


@pytest.fixture
def open_page(browser, tmp_path):
    contexts = []

    def _open(G, *, title: str = "newsgraph") -> Opened:
        path = write_html(G, tmp_path / f"page{len(contexts)}.html", title=title)
        context = browser.new_context(viewport={"width": 1400, "height": 860})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)
        context.on("request", lambda r: opened.requests.append(r.url))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("websocket", lambda ws: opened.requests.append(ws.url))
        # anything that is not the file itself is recorded above and refused here
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(LOCAL_SCHEMES) else route.abort())
        page.goto(path.as_uri())
        page.wait_for_selector('body[data-ready="true"]', state="attached")
        return opened

    yield _open
    for c in contexts:
        c.close()


@pytest.fixture
def seed(open_page):
    return open_page(build_graph([seed_analysis(), other_analysis()]), title="Seed article")


def click_node(opened: Opened, node_id: str) -> None:
    """Click a node where vis-network draws it (its canvas position mapped to the page)."""
    xy = opened.js("""id => { const p = network.canvasToDOM(network.getPosition(id));
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""", node_id)
    opened.page.mouse.click(*xy)


def test_loads_nothing_from_the_network(seed):
    click_node(seed, "entity/Q39723")
    seed.page.click("#tab-timeline")
    seed.page.click("#tab-network")
    assert seed.requests and seed.requests[0].startswith("file:")
    assert seed.remote() == []
    assert seed.errors == []
    assert seed.js("window.newsgraphReady") is True
    assert seed.js("network.physics.physicsEnabled") is False


def test_counts_match_the_graph(seed):
    G = build_graph([seed_analysis(), other_analysis()])
    kinds = [d["kind"] for _, d in G.nodes(data=True)]
    for kind, name in (("document", "documents"), ("entity", "entities"), ("event", "events")):
        shown = seed.page.locator(f"#count-{name}")
        assert shown.get_attribute("data-count") == str(kinds.count(kind))
        assert shown.inner_text() == str(kinds.count(kind))


def test_clicking_a_person_shows_office_and_source(seed):
    click_node(seed, "entity/Q39723")
    details = seed.page.locator("#details")
    assert details.get_attribute("data-node") == "entity/Q39723"
    assert seed.page.inner_text("#details-title") == "Recep Tayyip Erdogan"
    assert "President" in seed.page.inner_text("#details-offices")
    sources = seed.page.inner_text("#details-sentences")
    assert "Turkish President Recep Tayyip Erdogan met Russian officials" in sources
    assert seed.page.locator("#details-sentences [data-doc='seed']").count() >= 1
    assert "Turkey" in seed.page.inner_text("#details-relations")
    assert "met" in seed.page.inner_text("#details-events")
    link = seed.page.locator("#details-wikidata a")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q39723"
    assert seed.js("network.getSelectedNodes()") == ["entity/Q39723"]
    seed.shot("view-network.png")


def test_search_by_alias_selects_and_focuses(seed):
    seed.page.fill("#search", "icrc")
    hit = seed.page.locator("#search-results button[data-target='entity/Q71']")
    assert hit.count() == 1
    hit.click()
    assert seed.page.locator("#details").get_attribute("data-node") == "entity/Q71"
    assert seed.js("network.getSelectedNodes()") == ["entity/Q71"]
    seed.page.fill("#search", "erdo")
    seed.page.press("#search", "Enter")
    assert seed.page.locator("#details").get_attribute("data-node") == "entity/Q39723"


def attributes(opened: Opened, selector: str, name: str) -> list:
    return opened.js("([s, n]) => Array.from(document.querySelectorAll(s)).map(e => e.getAttribute(n))",
                     [selector, name])


def _x_of_day(opened: Opened, day: dt.date) -> float:
    """Where the axis puts the middle of ``day``, from two of its labelled ticks."""
    ticks = opened.js("""Array.from(document.querySelectorAll('#timeline .tick'))
        .map(t => [t.getAttribute('data-date'), +t.getAttribute('data-x')])""")
    (d0, x0), (d1, x1) = ticks[0], ticks[-1]
    d0, d1 = dt.date.fromisoformat(d0), dt.date.fromisoformat(d1)
    per_day = (x1 - x0) / (d1 - d0).days
    return x0 + per_day * ((day - d0).days + 0.5)


def test_timeline_shows_an_event_on_its_date(seed):
    seed.page.click("#tab-timeline")
    mark = seed.page.locator("#timeline .mark[data-event='event/seed-e1']:not([data-lane])")
    assert mark.count() == 1 and mark.get_attribute("data-begin") == "2016-12-13"
    assert float(mark.get_attribute("cx")) == pytest.approx(_x_of_day(seed, dt.date(2016, 12, 13)), abs=1)
    # the lane of its agent has it too; the undated event is listed apart
    lanes = attributes(seed, "#timeline .mark[data-event='event/seed-e1']", "data-lane")
    assert "entity/Q159" in lanes                     # Russia, the target
    assert "work for a ceasefire" in seed.page.inner_text("#undated-list")
    mark.click()
    assert seed.page.locator("#details").get_attribute("data-node") == "event/seed-e1"
    assert seed.page.inner_text("#details-date") == "2016-12-13"
    assert seed.page.inner_text("#details-cameo").startswith("036")
    assert "Ankara" in seed.page.inner_text("#details")
    assert "on 13 December 2016." in seed.page.inner_text("#details-sentences")
    seed.shot("view-timeline.png")


def test_filters(seed):
    hidden = "id => !!newsgraph.nodes.get(id).hidden"
    seed.page.uncheck("#filter-types input[data-type='Place']")
    assert seed.js(hidden, "entity/Q43") and not seed.js(hidden, "entity/Q39723")
    seed.page.check("#filter-types input[data-type='Place']")
    assert not seed.js(hidden, "entity/Q43")
    seed.page.uncheck("#filter-roots input[data-root='03']")
    assert seed.js(hidden, "event/seed-e1") and not seed.js(hidden, "event/seed-e3")
    seed.page.click("#roots-all")
    seed.page.click("#tab-timeline")
    seed.page.fill("#date-from", "2016-12-15")
    seed.page.dispatch_event("#date-from", "change")
    marks = attributes(seed, "#timeline .mark:not([data-lane])", "data-event")
    assert marks == ["event/second-e1"]
    assert seed.js(hidden, "event/seed-e1") and not seed.js(hidden, "event/seed-e2")   # undated kept


def test_hostile_text_is_shown_as_text(open_page):
    opened = open_page(build_graph([hostile_analysis()]), title=HOSTILE)
    person = next(e["id"] for e in opened.js("newsgraph.data.entities") if e["type"] == "Person")
    click_node(opened, person)
    assert opened.js("document.getElementById('details-title').textContent") == HOSTILE
    assert opened.js("document.title") == HOSTILE
    shown = opened.page.inner_text("#details")
    for text in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", 'href="x"',
                 "javascript:alert(1)"):
        assert text in shown
    assert opened.page.locator("#details-wikidata").count() == 0          # not a QID: no link
    # hover: the tooltip is built from DOM nodes
    opened.page.mouse.move(0, 0)
    xy = opened.js("""id => { const p = network.canvasToDOM(network.getPosition(id));
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""", person)
    opened.page.mouse.move(*xy)
    opened.page.wait_for_selector("div.vis-tooltip", state="visible")
    assert "<img src=x onerror=alert(1)>" in opened.page.inner_text("div.vis-tooltip")
    opened.shot("hostile-network.png")
    opened.page.click("#tab-timeline")
    opened.page.locator("#timeline .mark:not([data-lane])").first.click()
    assert "<script>alert(1)</script>" in opened.page.inner_text("#details-title")
    assert "<script>alert(1)</script>" in opened.page.inner_text("#undated-list")
    opened.shot("hostile-timeline.png")
    opened.page.fill("#search", "<img")
    assert opened.page.locator("#search-results button").count() >= 1
    assert opened.dialogs == []
    assert opened.errors == []
    assert opened.remote() == []
    assert opened.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert opened.js("document.scripts.length") == 3
    assert all(h.startswith("https://www.wikidata.org/wiki/Q") for h in attributes(opened, "a", "href"))
