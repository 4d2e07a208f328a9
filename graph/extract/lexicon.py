"""Read the data files under ``graph/resources/`` once.

Every table is a TSV file: ``#`` lines are comments (format, provenance), the first other line
is the header, each further line a row.

>>> rows = read_table("en/entities/state_nouns.tsv")
>>> rows[0]["noun"], rows[0]["kind"]
('government', 'government')
"""
from __future__ import annotations

import functools
from importlib.resources import files

__all__ = ["read_table", "resource_text"]


def resource_text(name: str) -> str:
    """The text of ``graph/resources/<name>``."""
    return (files("graph") / "resources" / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the TSV ``graph/resources/<name>`` as dicts keyed by its header."""
    lines = [ln for ln in resource_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) > len(header):
            raise ValueError(f"{name}: row {n} has {len(cells)} cells, the header {len(header)}")
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return tuple(rows)
