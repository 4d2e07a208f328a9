"""Files as bytes and bytes as text, and the :class:`ReadError` every problem becomes.

Text is decoded as UTF-8 exactly like ``Path.read_text(encoding="utf-8")`` does (universal
newlines: ``\\r\\n`` and ``\\r`` become ``\\n``), except that a leading byte-order mark is
dropped. Other encodings are refused, never guessed; only a page that declares its charset in a
``<meta>`` tag is decoded with it.

>>> decode("Caf\\u00e9\\r\\nbar".encode("utf-8"))
'Café\\nbar'
>>> try:
...     decode(b"Caf\\xe9")
... except Undecodable as err:
...     print(err)
not UTF-8 text (byte 0xe9 at byte offset 3 cannot be decoded); re-save it as UTF-8
"""
from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from pathlib import Path

__all__ = ["ReadError", "OnError", "Undecodable", "reason", "read_bytes", "bytes_problem",
           "decode", "read_text"]

_BOM = "\ufeff"
_CONTROLS = bytes(c for c in range(32) if c not in b"\t\n\r\f\v\x1b")   # rare in text


class ReadError(Exception):
    """One problem with one input: ``str()`` reads ``path:line: message`` (``path: message``
    when no line applies).

    >>> str(ReadError("seeds/bad.jsonl", 3, "not valid JSON (Expecting value)"))
    'seeds/bad.jsonl:3: not valid JSON (Expecting value)'
    """

    def __init__(self, path: str | os.PathLike, line: int | None, message: str):
        self.path, self.line, self.message = Path(path), line, message
        where = f"{self.path}:{line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        return type(self), (self.path, self.line, self.message)


#: What receives each problem (``read_documents``' ``on_error``).
OnError = Callable[[ReadError], object]


def reason(err: OSError) -> str:
    """A short reason for an operating-system error."""
    return "permission denied" if isinstance(err, PermissionError) else (err.strerror or str(err))


def read_bytes(path: Path, report: OnError) -> bytes | None:
    """The file's bytes, or None after reporting why they cannot be read."""
    try:
        return path.read_bytes()
    except OSError as err:
        report(ReadError(path, None, f"cannot read ({reason(err)})"))
        return None


def bytes_problem(data: bytes) -> str | None:
    """Why ``data`` cannot be a text file at all (empty, UTF-16, binary), or None."""
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        return "empty file"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "not UTF-8 text (it starts with a UTF-16 byte-order mark); re-save it as UTF-8"
    controls = len(data) - len(data.translate(None, _CONTROLS))
    if b"\0" in data or controls > len(data) // 20:
        return "binary file, not text"
    return None


class Undecodable(ValueError):
    """Bytes that are not text in the expected encoding, with the offset of the first bad one."""

    def __init__(self, encoding: str, byte: int, offset: int):
        self.offset = offset
        super().__init__(f"not {encoding.upper()} text (byte 0x{byte:02x} at byte offset "
                         f"{offset} cannot be decoded); re-save it as UTF-8")


def decode(data: bytes, offset: int = 0, encoding: str = "utf-8") -> str:
    """``data`` as text with universal newlines; :class:`Undecodable` names the first bad
    byte by its offset (``offset`` is where ``data`` starts in its file)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise Undecodable(encoding, data[err.start], offset + err.start) from None
    return text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, report: OnError, encoding: str | None = "utf-8") -> str | None:
    """The file's text, or None after reporting why not. ``encoding=None``: an HTML page's
    declared charset, else UTF-8."""
    data = read_bytes(path, report)
    if data is None:
        return None
    if problem := bytes_problem(data):
        report(ReadError(path, None, problem))
        return None
    try:
        text = decode(data, encoding=encoding or _declared_charset(data))
    except Undecodable as err:
        report(ReadError(path, data.count(b"\n", 0, err.offset) + 1, str(err)))
        return None
    except LookupError as err:
        report(ReadError(path, None, f"{err} (declared in the page)"))
        return None
    if not text.strip():
        report(ReadError(path, None, "empty file"))
        return None
    return text


def _declared_charset(data: bytes) -> str:
    """UTF-8 if ``data`` is UTF-8 or declares no charset, else the page's declared charset."""
    found = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", data[:4096], re.I)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return codecs.lookup(found[1].decode("ascii")).name if found else "utf-8"
    return "utf-8"
