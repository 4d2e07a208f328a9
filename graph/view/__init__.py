"""The offline HTML view of the knowledge graph: :func:`render_html` and :func:`write_html`."""
from .html import render_html, write_html

__all__ = ["render_html", "write_html"]
