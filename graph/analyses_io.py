"""Analyses on disk: one JSON object a line, so a built graph can be loaded again without
parsing the articles a second time.

>>> import tempfile, pathlib
>>> from graph.model import Analysis, Document, Entity, Mention
>>> a = Analysis(Document("d1", "Turkey."), entities=(Entity("Q43", "Turkey", "Place",
...              mentions=(Mention(0, 6, "Turkey"),)),))
>>> path = write_analyses([a], pathlib.Path(tempfile.mkdtemp()) / "analyses.jsonl")
>>> read_analyses(path) == [a]
True
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Iterable
from pathlib import Path

from . import model
from .files import atomic_write
from .model import Analysis

__all__ = ["write_analyses", "read_analyses", "analysis_to_dict", "analysis_from_dict"]

_FORMAT = "newsgraph-analysis/1"


def analysis_to_dict(analysis: Analysis) -> dict:
    """A JSON-ready dict of the analysis (dates as ISO strings)."""
    return {"format": _FORMAT, **_encode(analysis)}


def _encode(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def analysis_from_dict(data: dict) -> Analysis:
    """The inverse of :func:`analysis_to_dict`."""
    if data.get("format") != _FORMAT:
        raise ValueError(f"not a newsgraph analysis (format {data.get('format')!r})")
    return _decode(Analysis, {k: v for k, v in data.items() if k != "format"})


def _decode(tp, value):
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(inner[0], value)
    if origin is tuple:
        (inner, *_rest) = typing.get_args(tp)
        return tuple(_decode(inner, v) for v in value)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp, vars(model))
        return tp(**{f.name: _decode(hints[f.name], value[f.name])
                     for f in dataclasses.fields(tp) if f.name in value})
    if tp is dt.date:
        return dt.date.fromisoformat(value)
    return value


def write_analyses(analyses: Iterable[Analysis], path: Path) -> Path:
    """Write analyses as JSON Lines (atomically)."""
    lines = (json.dumps(analysis_to_dict(a), ensure_ascii=False, sort_keys=True) for a in analyses)
    return atomic_write(Path(path), "".join(line + "\n" for line in lines))


def read_analyses(path: Path) -> list[Analysis]:
    """Read analyses written by :func:`write_analyses`."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(analysis_from_dict(json.loads(line)))
                except (ValueError, KeyError, TypeError) as err:
                    raise ValueError(f"{path}:{n}: {err}") from err
    return out
