"""The embedded SPARQL store: an Oxigraph database on disk, built from the exported dataset.

It holds every named graph of the export (one per document, and the vocabulary graph) and, as
its default graph, their union, written out when the store is built: a triple that several
documents state is one triple there, so queries without ``GRAPH`` see no duplicates (Oxigraph's
own union mode would repeat it once per graph). ``GRAPH ?g { … }`` tells which document said
what. The standard prefixes
(``ng:``, ``sem:``, ``schema:``, ``nif:`` … see :data:`~graph.rdf.namespaces.PREFIXES`) are
declared for every query; a query's own ``PREFIX`` lines win over them.

>>> import tempfile
>>> from pathlib import Path
>>> from graph.kg import build_graph
>>> from graph.model import Analysis, Document
>>> path = write_store(build_graph([Analysis(Document("d1", "Hello."))]), Path(tempfile.mkdtemp()) / "store")
>>> result = query(open_store(path), "SELECT ?id ?end WHERE { ?d schema:identifier ?id ; nif:endIndex ?end }")
>>> result.columns, result.rows
(('id', 'end'), [('d1', 6)])
>>> print(to_table(result))
id  end
--  ---
d1    6
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Dataset, Graph

from ..files import umask
from .export import to_dataset
from .namespaces import PREFIXES, XSD
from .serialize import sorted_quads

__all__ = ["QueryError", "StoreNotFound", "QueryResult", "write_store", "open_store", "memory_store",
           "query", "to_csv", "to_json", "to_table"]

_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
_INTEGERS = {str(XSD[t]) for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                   "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                   "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
_SPACE = re.compile(r"[\t\n\r\f\v]")
_MISSING = "no store at {path}: run `newsgraph build` first"


class QueryError(ValueError):
    """A query that does not parse or cannot run; the message is the SPARQL engine's."""


class StoreNotFound(FileNotFoundError):
    """There is no store at the path given: nothing has been built there yet."""


@dataclass(frozen=True)
class QueryResult:
    """The answer to a SELECT (or CONSTRUCT/DESCRIBE: columns subject, predicate, object).

    Values are Python values: ``str`` for IRIs and most literals (their lexical form), ``int``,
    ``float``, ``bool`` and :class:`datetime.date` for literals of those XSD types, ``None``
    where a variable is unbound.
    """

    columns: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def dicts(self) -> list[dict]:
        """The rows as ``{column: value}``.

        >>> QueryResult(("a",), [(1,)]).dicts()
        [{'a': 1}]
        """
        return [dict(zip(self.columns, row)) for row in self.rows]

    def to_csv(self) -> str:
        """:func:`to_csv` of this result."""
        return to_csv(self)

    def to_json(self) -> str:
        """:func:`to_json` of this result."""
        return to_json(self)

    def to_table(self, *, max_width: int = 60) -> str:
        """:func:`to_table` of this result."""
        return to_table(self, max_width=max_width)


# ---------------------------------------------------------------- building and opening

def _quads(data: nx.MultiDiGraph | Dataset | Graph | list[ox.Quad]) -> list[ox.Quad]:
    """Every quad of the named graphs, then each of their triples in the default graph (the
    store keeps one copy of a quad, so the default graph is their union as a set). ``data``
    may already be the quads (:func:`graph.rdf.serialize.sorted_quads`)."""
    if isinstance(data, nx.Graph):
        data = to_dataset(data)
    named = data if isinstance(data, list) else sorted_quads(data)
    return named + [ox.Quad(q.subject, q.predicate, q.object) for q in named
                    if not isinstance(q.graph_name, ox.DefaultGraph)]


def write_store(data: nx.MultiDiGraph | Dataset | Graph | list[ox.Quad], path: str | os.PathLike) -> Path:
    """Build a new store at ``path`` from a knowledge graph, an RDF dataset or its quads.

    The store is built in a temporary folder beside ``path`` and swapped in only once it is
    complete: a failed build leaves the previous store as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.new-"))
    try:
        os.chmod(new, 0o777 & ~umask())           # as mkdir would make it, not mkdtemp's 0700
        store = ox.Store(str(new))
        store.bulk_extend(_quads(data))
        store.flush()
        del store                                  # closes the database
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    old = None
    if path.exists():
        old = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.old-"))
        os.replace(path, old / "store")
    try:
        os.replace(new, path)
    except BaseException:
        if old is not None:
            os.replace(old / "store", path)
        shutil.rmtree(new, ignore_errors=True)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return path


def open_store(path: str | os.PathLike, *, read_only: bool = True) -> ox.Store:
    """Open the store at ``path`` (read-only unless asked otherwise).

    >>> open_store("/nonexistent/store")
    Traceback (most recent call last):
    ...
    graph.rdf.store.StoreNotFound: no store at /nonexistent/store: run `newsgraph build` first
    """
    path = Path(path)
    if not path.is_dir() or not any(path.iterdir()):
        raise StoreNotFound(_MISSING.format(path=path))
    return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))


def memory_store(data: nx.MultiDiGraph | Dataset | Graph) -> ox.Store:
    """A store in memory, laid out as :func:`write_store` lays it out on disk.

    >>> from graph.kg import build_graph
    >>> from graph.model import Analysis, Document
    >>> query(memory_store(build_graph([Analysis(Document("d1", "Hi."))])), 'ASK { ?d schema:identifier "d1" }')
    True
    """
    store = ox.Store()
    store.extend(_quads(data))
    return store


# ---------------------------------------------------------------- querying

def query(store: ox.Store | str | os.PathLike, sparql: str) -> QueryResult | bool:
    """Run a SPARQL query: a :class:`QueryResult`, or a ``bool`` for ASK.

    ``store`` is an open store or the path of one. Raises :class:`QueryError` with the
    parser's message when the query is not valid SPARQL.

    >>> s = ox.Store()
    >>> query(s, "ASK { ?s ?p ?o }")
    False
    >>> query(s, "SELECT ?x WHERE { BIND(xsd:date('2016-12-13') AS ?x) }").rows
    [(datetime.date(2016, 12, 13),)]
    >>> query(s, "SELECT ?x WHERE { ?x }")
    Traceback (most recent call last):
    ...
    graph.rdf.store.QueryError: error at 1:23: expected one of BIND, [_]
    """
    if not isinstance(store, ox.Store):
        store = open_store(store)
    try:
        answer = store.query(sparql, prefixes=_PREFIXES)
        if isinstance(answer, ox.QueryBoolean):
            return bool(answer)
        if isinstance(answer, ox.QueryTriples):
            rows = [tuple(_value(t) for t in (tr.subject, tr.predicate, tr.object)) for tr in answer]
            return QueryResult(("subject", "predicate", "object"), rows)
        columns = tuple(v.value for v in answer.variables)
        rows = [tuple(_value(solution[c]) for c in columns) for solution in answer]
        return QueryResult(columns, rows)
    except SyntaxError as e:
        raise QueryError(str(e)) from None


def _value(term):
    """A query answer's term as a Python value."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        kind, text = term.datatype.value, term.value
        try:
            if kind in _INTEGERS:
                return int(text)
            if kind in _FLOATS:
                return float(text)
            if kind == str(XSD.boolean):
                return text in ("true", "1")
            if kind == str(XSD.date):
                return dt.date.fromisoformat(text)
        except ValueError:
            return text
        return text
    return str(term)


# ---------------------------------------------------------------- formatting

def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def to_csv(result: QueryResult | bool) -> str:
    """The result as CSV with a header line (an ASK answer: ``boolean`` then true/false).

    >>> print(to_csv(QueryResult(("name", "n"), [("Ankara, Turkey", 2), (None, 0)])), end="")
    name,n
    "Ankara, Turkey",2
    ,0
    """
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    if isinstance(result, bool):
        w.writerows([["boolean"], [_text(result)]])
    else:
        w.writerow(result.columns)
        w.writerows([_text(v) for v in row] for row in result.rows)
    return out.getvalue()


def to_json(result: QueryResult | bool) -> str:
    """The result as a JSON array of row objects (an ASK answer: ``true``/``false``).

    >>> print(to_json(QueryResult(("d",), [(dt.date(2016, 12, 13),)])))
    [{"d": "2016-12-13"}]
    """
    if isinstance(result, bool):
        return json.dumps(result)
    return json.dumps(result.dicts(), ensure_ascii=False, default=_text)


def to_table(result: QueryResult | bool, *, max_width: int = 60) -> str:
    """The result as a plain-text table, columns aligned, numbers to the right, long cells cut.

    >>> print(to_table(QueryResult(("who", "n"), [("Turkey", 12), ("Russia", 3)])))
    who      n
    ------  --
    Turkey  12
    Russia   3
    """
    if isinstance(result, bool):
        return _text(result)
    cut = lambda s: s if len(s) <= max_width else s[:max_width - 1] + "…"
    cells = [[cut(_SPACE.sub(" ", _text(v))) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    numeric = [bool(result.rows) and all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool)
                                         for r in result.rows if r[i] is not None)
               for i in range(len(result.columns))]

    def line(values):
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)]
        return "  ".join(parts).rstrip()

    out = [line(result.columns), "  ".join("-" * w for w in widths)] + [line(r) for r in cells]
    return "\n".join(out)
