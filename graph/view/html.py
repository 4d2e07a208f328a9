"""The knowledge graph as one self-contained, offline HTML page.

The page has a network view (vis-network, positions computed in Python, physics off), a
timeline of events by actor, a details panel, filters and a search box. It is one file: the
vis-network script and stylesheet bundled with pyvis, our own script and stylesheet, and the data
are all inline. It loads nothing from anywhere, so it opens the same offline, from an e-mail
attachment or a file share.

Safety, by construction:

* the data (names, titles, article text …) is embedded once, as JSON in a
  ``<script type="application/json">`` block with ``<``, ``>`` and ``&`` written as ``\\u003c``
  … (and every other non-ASCII character escaped), so no data can close the block or form markup;
* our script builds every bit of the DOM from that data with ``textContent`` and element nodes;
  hover tooltips are DOM elements, not HTML strings; a Wikidata link gets its ``href`` only when
  it matches ``^https://www\\.wikidata\\.org/wiki/Q\\d+$``;
* the page title is HTML-escaped; pyvis's own template (which inserts its heading unescaped and
  switches tooltips to ``innerHTML``) is not used, only pyvis's node/edge/option assembly;
* a Content-Security-Policy allows exactly the page's two inline scripts (by SHA-256), inline
  styles and ``data:`` images, and no connections: even injected markup could neither run
  script nor fetch anything.

>>> from graph.kg import build_graph
>>> page = render_html(build_graph([]), title="Empty <graph>")
>>> page.startswith("<!DOCTYPE html>") and "Empty &lt;graph&gt;" in page
True
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

import networkx as nx

from ..files import atomic_write
from .data import page_data

__all__ = ["render_html", "write_html", "script_json"]

_ASSETS = "view/assets"
_VIS = "templates/lib/vis-9.1.2"
_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                               "\u2028": "\\u2028", "\u2029": "\\u2029"})
_SLOT = re.compile(r"\{\{(\w+)\}\}")


def render_html(G: nx.MultiDiGraph, *, title: str = "newsgraph") -> str:
    """The page for the knowledge graph ``G`` (see :mod:`graph.kg`), as a string."""
    vis_js, vis_css = _vis_assets()
    app_js, app_css, template = (_asset(n) for n in ("page.js", "page.css", "page.html"))
    scripts = (vis_js, app_js)
    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_sha256(s) for s in scripts),
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    slots = {
        "title": html.escape(title, quote=True),
        "csp": csp,                     # our constants and base64 digests: no quote, no &
        "vis_css": vis_css,
        "page_css": app_css,
        "vis_js": vis_js,
        "page_js": app_js,
        "data": script_json(page_data(G)),
    }
    # one pass: text put into a slot is never searched for slots again
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, *, title: str = "newsgraph") -> Path:
    """Write the page for ``G`` to ``path`` atomically (a temporary file, then a rename)."""
    path = Path(path)
    return atomic_write(path, render_html(G, title=title))


def script_json(obj) -> str:
    """``obj`` as JSON that is safe inside a ``<script>`` element of an HTML page.

    >>> script_json({"a": "</script><b>&\\u2028é"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028\\\\u00e9"}'
    """
    text = json.dumps(obj, ensure_ascii=True, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)
    return text.translate(_JSON_ESCAPES)


def _sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def _asset(name: str) -> str:
    text = (files("graph") / _ASSETS / name).read_text(encoding="utf-8")
    return _checked(name, text)


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as bundled in the pyvis package."""
    lib = files("pyvis") / _VIS
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    return _checked("vis-network.min.js", js), _checked("vis-network.css", css)


def _checked(name: str, text: str) -> str:
    """Refuse an asset that could end its inline element early or fetch from the network."""
    low = text.lower()
    if name.endswith(".js") and ("</script" in low or "<!--" in low):
        raise ValueError(f"{name}: cannot be inlined (contains '</script' or '<!--')")
    if name.endswith(".css") and ("</style" in low or "@import" in low
                                  or re.search(r"url\(\s*['\"]?\s*(?!data:)[a-z]+:", low)):
        raise ValueError(f"{name}: cannot be inlined (closes <style> or loads a resource)")
    return text
