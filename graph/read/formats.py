"""One reader per file type, and the table of readers by suffix.

A reader takes ``(path, name, report)``: ``name`` is the file's identifier (its stem, or its
relative path when stems clash) and ``report`` receives each :class:`ReadError`. It yields
``(line, document)`` pairs, ``line`` being the record's line in a JSON Lines file, else None.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from graph.model import Document
from graph.read.header import read_header
from graph.read.text import (OnError, ReadError, Undecodable, bytes_problem, decode, read_bytes,
                             read_text)

__all__ = ["READERS", "Item", "read_txt", "read_jsonl", "read_json", "read_html"]

Item = tuple[int | None, Document]      # (line of the record or None, document)


def read_txt(path: Path, name: str, report: OnError) -> Iterator[Item]:
    """A plain text file; a news-page header (see :func:`read_header`) gives title and date."""
    if (text := read_text(path, report)) is not None:
        title, published = read_header(text)
        yield None, Document(name, text, title, published, source=str(path))


def read_jsonl(path: Path, name: str, report: OnError) -> Iterator[Item]:
    """One JSON record a line; blank lines are skipped, a bad line does not spoil the others."""
    data = read_bytes(path, report)
    if data is None:
        return
    if problem := bytes_problem(data):
        report(ReadError(path, None, problem))
        return
    offset = 0
    for number, raw in enumerate(data.splitlines(keepends=True), 1):
        offset += len(raw)
        problem = _reporting(report, path, number)
        try:
            line = decode(raw, offset - len(raw))
        except Undecodable as err:
            problem(str(err))
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            problem(f"not valid JSON ({err.msg})")
            continue
        if doc := _record(value, f"{name}-{number}", f"{path}:{number}", problem):
            yield number, doc


def read_json(path: Path, name: str, report: OnError) -> Iterator[Item]:
    """One record, a list of records, or ``{"documents": [records]}``; records are numbered
    from 1 (``<name>-1`` is the id of a first record without one)."""
    if (text := read_text(path, report)) is None:
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        report(ReadError(path, err.lineno, f"not valid JSON ({err.msg})"))
        return
    if isinstance(value, dict) and "documents" in value:
        value = value["documents"]
        if not isinstance(value, list):
            report(ReadError(path, None, f'"documents" is not a list (got {_kind(value)})'))
            return
    elif not isinstance(value, list):
        if doc := _record(value, name, str(path), _reporting(report, path)):
            yield None, doc
        return
    if not value:
        report(ReadError(path, None, "no records"))
    for number, item in enumerate(value, 1):
        problem = _reporting(report, path, prefix=f"record {number}: ")
        if doc := _record(item, f"{name}-{number}", f"{path}#{number}", problem):
            yield None, doc


def read_html(path: Path, name: str, report: OnError) -> Iterator[Item]:
    """A saved news page: trafilatura extracts the article text without navigation and
    boilerplate, and the headline, publication date and canonical URL from its metadata."""
    if (html := read_text(path, report, encoding=None)) is None:
        return
    page = _extract(html)
    if page is None:
        report(ReadError(path, None, "no article text found"))
        return
    published = None
    if page.date:
        try:
            published = dt.date.fromisoformat(page.date[:10])
        except ValueError:
            report(ReadError(path, None, f"publication date {page.date!r} not understood"))
    yield None, Document(name, page.text, (page.title or "").strip() or None, published,
                         page.url or None, str(path))


def _extract(html: str):
    """trafilatura's extraction, or None when it holds no sentence (menus, link lists)."""
    import trafilatura      # slow to import; only pages need it

    dates = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
    page = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                       date_extraction_params=dates)
    return page if page is not None and _SENTENCE.search(page.text or "") else None


#: Five words or more ending with a full stop, a question or exclamation mark (maybe quoted).
_SENTENCE = re.compile(r"\w+(?:[^\S\n]+\S+){4,}?[.!?][\"'”’)]*(?:\s|$)")


#: The reader for each file suffix.
READERS: dict[str, Callable[[Path, str, OnError], Iterator[Item]]] = {
    ".txt": read_txt, ".jsonl": read_jsonl, ".json": read_json,
    ".html": read_html, ".htm": read_html,
}


# --- records -----------------------------------------------------------------------------------

def _reporting(report: OnError, path: Path, line: int | None = None,
               prefix: str = "") -> Callable[[str], None]:
    """A function reporting a message about ``path`` (at ``line``)."""
    return lambda message: report(ReadError(path, line, prefix + message))


class _Rejected(ValueError):
    """Why a record yields no document."""


def _record(value: object, default_id: str, source: str,
            problem: Callable[[str], object]) -> Document | None:
    """A record (``id``, ``text``, ``title``, ``published``, ``url``) as a Document, or None
    after reporting why not. A bad title, url or date is reported and left out."""
    try:
        return _document(value, default_id, source, problem)
    except _Rejected as why:
        problem(str(why))
        return None


def _document(value: object, default_id: str, source: str,
              problem: Callable[[str], object]) -> Document:
    if not isinstance(value, dict):
        raise _Rejected(f"record is not a JSON object (got {_kind(value)})")
    text = value.get("text")
    if text is None:
        raise _Rejected('record has no "text"')
    if not isinstance(text, str):
        raise _Rejected(f'"text" is not a string (got {_kind(text)})')
    if not text.strip():
        raise _Rejected('"text" is empty')
    ident = value.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    elif ident is not None and not isinstance(ident, str):
        raise _Rejected(f'"id" is not a string or a number (got {_kind(ident)})')
    fields = {}
    for key in ("title", "url"):
        field = value.get(key)
        if field is not None and not isinstance(field, str):
            problem(f'"{key}" is not a string (got {_kind(field)}); left out')
        fields[key] = field.strip() or None if isinstance(field, str) else None
    return Document((ident or "").strip() or default_id, text, fields["title"],
                    _published(value.get("published"), problem), fields["url"], source)


def _published(value: object, problem: Callable[[str], object]) -> dt.date | None:
    """An ISO date or datetime (the date as written, whatever the time zone)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        for parse in (dt.date.fromisoformat, lambda s: dt.datetime.fromisoformat(s).date()):
            try:
                return parse(value.strip())
            except ValueError:
                pass
    problem(f'"published" {json.dumps(value)} is not an ISO date; document kept without a date')
    return None


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
