"""The CAMEO event codebook: code -> name and root, read once from ``resources/en/cameo/codes.tsv``.

The table is built from the CAMEO 0.7b5 codebook (MIT, (c) 2014 Philip Schrodt) by
``scripts/build_cameo_codes.py``; it holds the twenty roots ("01" … "20") and every code under them.

>>> cameo_name("036")
'Express intent to meet or negotiate'
>>> cameo_root("036"), cameo_name(cameo_root("036"))
('03', 'Express intent to cooperate')
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import NamedTuple

__all__ = ["CameoCode", "cameo_codes", "cameo_name", "cameo_root", "cameo_roots"]

_RESOURCE = "resources/en/cameo/codes.tsv"


class CameoCode(NamedTuple):
    code: str
    name: str
    root: str


@cache
def _table() -> dict[str, CameoCode]:
    text = (files("graph") / _RESOURCE).read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    header, body = rows[0].split("\t"), rows[1:]
    if header != ["code", "name", "root"]:
        raise ValueError(f"{_RESOURCE}: unexpected header {header}")
    return {code: CameoCode(code, name, root) for code, name, root in (r.split("\t") for r in body)}


def cameo_codes() -> dict[str, CameoCode]:
    """Every code, in code order, as ``code -> CameoCode(code, name, root)`` (a fresh dict).

    >>> codes = cameo_codes()
    >>> len(codes) > 300, codes["19"].name
    (True, 'Fight')
    """
    return dict(_table())


def cameo_roots() -> dict[str, str]:
    """The twenty root codes and their names.

    >>> list(cameo_roots().items())[:2]
    [('01', 'Make public statement'), ('02', 'Appeal')]
    """
    return {c.code: c.name for c in _table().values() if c.code == c.root}


def cameo_root(code: str) -> str:
    """The two-digit root of a code; a known code or not, its first two digits.

    >>> cameo_root("0311"), cameo_root("19"), cameo_root("7")
    ('03', '19', '07')
    """
    code = str(code).strip()
    if code in _table():
        return _table()[code].root
    return code[:2] if len(code) >= 2 else code.zfill(2)


def cameo_name(code: str) -> str:
    """The codebook's name of a code; an unknown code gets its root's name, else ``""``.

    >>> cameo_name("0311")
    'Express intent to cooperate economically'
    >>> cameo_name("999")
    ''
    """
    code = str(code).strip()
    entry = _table().get(code) or _table().get(cameo_root(code))
    return entry.name if entry else ""
