"""Named SPARQL queries over the store: ``graph/queries/<name>.rq``.

Each file starts with ``#`` lines: a one-line description, more explanation, an ``Example:``
command line, and one ``# @param NAME "DEFAULT" help`` line per parameter. In the query, a
parameter is written ``$NAME``; :func:`load_query` replaces it by a SPARQL string literal (the
value given, else the default), escaped so that no value can change the query's structure.

>>> "entities" in list_queries()
True
>>> query_parameters("mentions-of")
{'label': ''}
>>> 'LCASE("Turkey")' in load_query("mentions-of", label="Turkey")
True
>>> sparql_literal('say "hi"\\n')
'"say \\\\"hi\\\\"\\\\n"'
"""
from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

__all__ = ["list_queries", "load_query", "query_parameters", "query_help", "sparql_literal"]

_PARAM_LINE = re.compile(r'^#\s*@param\s+(\w+)\s+"((?:[^"\\]|\\.)*)"\s*(.*)$')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _folder():
    return files(__name__)


@cache
def _text(name: str) -> str:
    path = _folder() / f"{name}.rq"
    if not name or "/" in name or not path.is_file():
        raise KeyError(f"no query named {name!r}; known: {', '.join(list_queries())}")
    return path.read_text(encoding="utf-8")


def _header(name: str) -> list[str]:
    lines = []
    for line in _text(name).splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def list_queries() -> dict[str, str]:
    """Every named query with the first line of its description, by name.

    >>> list_queries()["timeline"].startswith("Timeline of an actor")
    True
    """
    names = sorted(p.name[:-3] for p in _folder().iterdir() if p.name.endswith(".rq"))
    return {n: (_header(n) or ["#"])[0].lstrip("#").strip() for n in names}


def query_help(name: str) -> str:
    """The whole comment header of a query, without the ``#``.

    >>> query_help("events-by-root").splitlines()[-1]
    'Example: newsgraph query --name events-by-root'
    """
    return "\n".join(line[1:].strip() for line in _header(name))


def query_parameters(name: str) -> dict[str, str]:
    """A query's parameters and their defaults.

    >>> query_parameters("events-in-range")
    {'from': '', 'to': ''}
    """
    out = {}
    for line in _header(name):
        if m := _PARAM_LINE.match(line):
            out[m[1]] = re.sub(r"\\(.)", r"\1", m[2])
    return out


def sparql_literal(value: object) -> str:
    """``value`` as a SPARQL string literal that can hold anything.

    >>> print(sparql_literal('a "b" \\\\ c'))
    "a \\"b\\" \\\\ c"
    """
    text = "".join(_ESCAPES.get(c) or (f"\\u{ord(c):04X}" if ord(c) < 0x20 else c) for c in str(value))
    return f'"{text}"'


def load_query(name: str, **params: object) -> str:
    """The text of a named query, its ``$parameters`` replaced by string literals.

    Raises ``KeyError`` for an unknown query and ``ValueError`` for an unknown parameter.

    >>> print(load_query("timexes", id="d1").splitlines()[-3])
      FILTER("d1" = "" || ?document = "d1")
    """
    known = query_parameters(name)
    unknown = set(params) - set(known)
    if unknown:
        raise ValueError(f"query {name!r} has no parameter {', '.join(sorted(unknown))}; "
                         f"it takes: {', '.join(known) or 'none'}")
    values = {k: sparql_literal(params.get(k, default)) for k, default in known.items()}
    if not values:
        return _text(name)
    pattern = re.compile(r"\$(" + "|".join(map(re.escape, values)) + r")\b")
    lines = [line if line.lstrip().startswith("#") else pattern.sub(lambda m: values[m[1]], line)
             for line in _text(name).splitlines()]
    return "\n".join(lines) + "\n"
