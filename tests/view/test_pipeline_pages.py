"""Pages the real pipeline builds, in headless Chromium: the seed article, and an article full
of markup and script payloads in its text, names and titles."""
from __future__ import annotations

import pytest

from graph.pipeline import build

from ..conftest import SEED
from .test_browser import ARTIFACTS, LOCAL_SCHEMES, Opened, browser, click_node  # noqa: F401

pytestmark = pytest.mark.browser

PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "javascript:alert(3)",
            '<a href="javascript:alert(4)">x</a>']


def _open(browser, path) -> Opened:  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 860})
    page = context.new_page()
    opened = Opened(page)
    context.on("request", lambda r: opened.requests.append(r.url))
    page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(LOCAL_SCHEMES) else route.abort())
    page.goto(path.as_uri())
    page.wait_for_selector('body[data-ready="true"]', state="attached")
    return opened


@pytest.fixture(scope="module")
def seed_page(browser, tmp_path_factory):  # noqa: F811
    out = tmp_path_factory.mktemp("seed-page")
    result = build([SEED], out)
    return result, _open(browser, out / "graph.html")


def test_seed_page_is_offline_and_counts_what_was_built(seed_page):
    result, opened = seed_page
    kinds = [d["kind"] for _, d in result.graph.nodes(data=True)]
    for kind, name in (("entity", "entities"), ("event", "events"), ("document", "documents")):
        assert opened.page.locator(f"#count-{name}").get_attribute("data-count") == str(kinds.count(kind))
    assert kinds.count("entity") >= 15 and kinds.count("event") >= 15
    assert opened.js("newsgraph.nodes.length") >= kinds.count("entity")
    assert opened.remote() == [] and opened.errors == [] and opened.dialogs == []


def test_clicking_cavusoglu_shows_his_office_and_a_source_sentence(seed_page):
    _, opened = seed_page
    node = next(e["id"] for e in opened.js("newsgraph.data.entities") if e["label"] == "Mevlut Cavusoglu")
    click_node(opened, node)
    assert opened.page.inner_text("#details-title") == "Mevlut Cavusoglu"
    assert "Foreign Minister" in opened.page.inner_text("#details-offices")
    assert "Cavusoglu said" in opened.page.inner_text("#details-sentences")
    opened.shot("seed-network.png")


def test_timeline_shows_the_icrc_appeal_on_the_13th(seed_page):
    result, opened = seed_page
    appeals = [n for n, d in result.graph.nodes(data=True) if d["kind"] == "event"
               and d["event"].cameo.startswith("02") and str(d["event"].begin) == "2016-12-13"
               and any("International Committee" in result.graph.nodes[v].get("label", "")
                       for _, v, k in result.graph.out_edges(n, keys=True) if k == "agent")]
    assert appeals, "the pipeline found no ICRC appeal dated 2016-12-13"
    opened.page.click("#tab-timeline")
    mark = opened.page.locator(f"#timeline .mark[data-event='{appeals[0]}']:not([data-lane])")
    assert mark.count() == 1 and mark.get_attribute("data-begin") == "2016-12-13"
    mark.click()
    assert opened.page.inner_text("#details-date") == "2016-12-13"
    assert "International Committee of the Red Cross" in opened.page.inner_text("#details")
    opened.shot("seed-timeline.png")
    opened.page.click("#tab-network")


def test_an_article_full_of_payloads_is_shown_as_text(browser, tmp_path):  # noqa: F811
    body = (f"{PAYLOADS[0]} Minister\n\n13 December, 2016\n\n"
            f"Foreign Minister Ahmet Yilmaz said on Tuesday that Turkey would talk to Russia about "
            f"\"{PAYLOADS[1]}\". The {PAYLOADS[2]} Committee said {PAYLOADS[3]} on Monday.\n")
    (tmp_path / "hostile.txt").write_text(body, encoding="utf-8")
    build([tmp_path / "hostile.txt"], tmp_path / "out")
    page_text = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in page_text      # markup only ever inside the escaped JSON
    opened = _open(browser, tmp_path / "out" / "graph.html")
    shown = opened.js("document.body.innerText")  # the panel lists the documents by headline
    assert f"{PAYLOADS[0]} Minister" in shown
    person = next(e["id"] for e in opened.js("newsgraph.data.entities") if e["type"] == "Person")
    click_node(opened, person)
    sentences = opened.page.inner_text("#details-sentences")
    assert PAYLOADS[1] in sentences
    opened.shot("pipeline-hostile.png")
    assert opened.dialogs == [] and opened.errors == [] and opened.remote() == []
    assert opened.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert opened.js("document.scripts.length") == 3
