"""Read news articles from files and folders into :class:`~graph.model.Document` records.

One reader per file type (see ``READERS``): ``.txt`` (plain text or a news page saved as text),
``.jsonl`` (one record a line), ``.json`` (a record, a list of them, or ``{"documents": [...]}``)
and ``.html``/``.htm`` (a saved news page, read with trafilatura; nothing is ever fetched).

``Document.text`` is always a verbatim substring of the input, so character offsets into it
hold: for a ``.txt`` it is the whole file, for a record its ``"text"``, for a page the article
text trafilatura extracted. Files are decoded as UTF-8 exactly like ``Path.read_text(encoding=
"utf-8")`` does (universal newlines: ``\\r\\n`` and ``\\r`` become ``\\n``), except that a
leading UTF-8 byte-order mark is dropped. Other encodings are refused, never guessed (a page
that declares its charset in a ``<meta>`` tag is decoded with that charset).

Problems never stop the run: each one is a :class:`ReadError` handed to ``on_error``.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "talks.txt").write_text("Talks resume in Geneva\\n\\nThe talks resumed.\\n")
>>> record = '{"id": 7, "text": "Rain.", "published": "2016-12-13"}'
>>> _ = (folder / "feed.jsonl").write_text(record + "\\n{}\\n")
>>> problems = []
>>> [(d.id, d.title, d.published) for d in read_documents([folder], on_error=problems.append)]
[('7', None, datetime.date(2016, 12, 13)), ('talks', 'Talks resume in Geneva', None)]
>>> print(problems[0].message)
record has no "text"
"""
from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from graph.model import Document
from graph.read.formats import READERS
from graph.read.header import Header, read_header
from graph.read.text import OnError, ReadError, reason

__all__ = ["read_documents", "ReadError", "Header", "read_header", "READERS"]


def read_documents(paths: Iterable[str | os.PathLike], *, date: dt.date | None = None,
                   on_error: OnError | None = None) -> Iterator[Document]:
    """Yield the documents in ``paths`` (files, or folders searched recursively).

    Paths are taken in the order given, a folder's files in sorted path order; a file named
    twice is read once. ``date`` overrides every document's publication date. Each problem is
    passed to ``on_error`` and the run goes on; with ``on_error=None`` it is raised. A record
    whose id was already produced is reported and skipped.
    """
    report: OnError = on_error if on_error is not None else _raise
    files = _collect([Path(p) for p in paths], report)
    seen: set[str] = set()
    for path, name in _file_ids(files).items():
        for line, doc in READERS[path.suffix.lower()](path, name, report):
            if doc.id in seen:
                report(ReadError(path, line, f"duplicate id {doc.id!r}; record skipped"))
                continue
            seen.add(doc.id)
            yield doc if date is None else replace(doc, published=date)


def _raise(problem: ReadError) -> None:
    raise problem


# --- finding the files -------------------------------------------------------------------------

def _collect(paths: list[Path], report: OnError) -> list[Path]:
    files: dict[str, Path] = {}           # real path -> path as the user spelled it
    for path in paths:
        try:
            is_dir = path.is_dir()
            path.stat()
        except FileNotFoundError:
            report(ReadError(path, None, "no such file or folder"))
            continue
        except OSError as err:
            report(ReadError(path, None, f"cannot read ({reason(err)})"))
            continue
        if is_dir:
            found = _walk(path, report)
        elif path.suffix.lower() in READERS:
            found = [path]
        else:
            kinds = ", ".join(sorted(READERS))
            report(ReadError(path, None, f"unsupported file type {path.suffix or '(none)'!r} "
                                         f"(expected {kinds})"))
            continue
        for file in found:
            files.setdefault(os.path.realpath(file), file)
    return list(files.values())


def _walk(folder: Path, report: OnError) -> list[Path]:
    """The readable files under ``folder`` (hidden files and folders skipped), sorted."""
    def problem(err: OSError) -> None:
        report(ReadError(err.filename or folder, None, f"cannot read folder ({reason(err)})"))

    found = []
    for top, dirs, names in os.walk(folder, onerror=problem):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(top, n) for n in names
                  if not n.startswith(".") and Path(n).suffix.lower() in READERS]
    return sorted(found, key=lambda f: f.relative_to(folder).parts)


def _file_ids(files: list[Path]) -> dict[Path, str]:
    """Each file's name for ids: its stem, or, when stems clash, its path relative to the
    common folder of all inputs (without extension, or with it if that still clashes)."""
    ids = {f: f.stem for f in files}
    by_stem = defaultdict(list)
    for f in files:
        by_stem[f.stem].append(f)
    clashing = [f for group in by_stem.values() if len(group) > 1 for f in group]
    if clashing:
        root = os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in files])
        relative = {f: Path(os.path.relpath(os.path.abspath(f), root)) for f in clashing}
        ids.update({f: rel.with_suffix("").as_posix() for f, rel in relative.items()})
        counts = Counter(ids[f] for f in clashing)
        ids.update({f: rel.as_posix() for f, rel in relative.items() if counts[ids[f]] > 1})
    return ids
