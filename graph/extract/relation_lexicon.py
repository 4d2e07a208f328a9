"""The word lists the relation extractor reads, loaded once from ``graph/resources/en/``.

Titles come from the shared titles lexicon (``en/titles.tsv`` through the gazetteer's
``load_titles``; offices only: honorifics and roles such as "Witness" are no job titles);
everything else from ``en/relations/*.tsv``. ``country_of`` asks the gazetteer which country a
known place lies in.

>>> "deputy prime minister" in title_keys()
True
>>> place_levels()["province"], modifier_effects()["former"]
(2, 'past')
"""
from __future__ import annotations

import functools
import re

from .lexicon import read_table

__all__ = ["title_key", "title_keys", "title_first_words", "honorific_keys", "office_nouns", "org_nouns", "modifier_effects", "place_levels",
           "place_adjectives", "based_words", "head_verbs", "speech_verbs", "state_office_words",
           "leader_nouns", "country_of", "MAX_TITLE_TOKENS"]

#: The longest title, in spaCy tokens, looked for ("Chief of Staff of the Army" is 6).
MAX_TITLE_TOKENS = 7

_HYPHEN = re.compile(r"\s*([-–])\s*")


def title_key(text: str) -> str:
    """How titles are compared: lower case, single spaces, no space around hyphens.

    >>> title_key("Secretary - General"), title_key("UN  Envoy")
    ('secretary-general', 'un envoy')
    """
    return " ".join(_HYPHEN.sub(r"\1", text.lower()).split())


def _rel(name: str) -> tuple[dict[str, str], ...]:
    return read_table(f"en/relations/{name}.tsv")


def _titles() -> tuple[tuple[str, str], ...]:
    """(title, kind) pairs of the titles lexicon, through the gazetteer's loader."""
    from .gazetteer import load_titles
    return load_titles()


@functools.lru_cache(maxsize=1)
def title_keys() -> frozenset[str]:
    """Office titles of the titles lexicon, as ``title_key`` strings."""
    return frozenset(title_key(t) for t, kind in _titles() if kind == "office")


@functools.lru_cache(maxsize=1)
def title_first_words() -> frozenset[str]:
    """The lower-case first token of every title ("secretary" for "Secretary-General")."""
    return frozenset(re.split(r"[\s\-–]", k)[0] for k in title_keys())


@functools.lru_cache(maxsize=1)
def honorific_keys() -> frozenset[str]:
    """Honorifics ("Ayatollah", "Dr."), which may stand between a title and the name."""
    return frozenset(title_key(t) for t, kind in _titles() if kind == "honorific")


@functools.lru_cache(maxsize=1)
def _countries_of() -> dict[str, str]:
    from .gazetteer import load_gazetteer
    gaz = load_gazetteer()
    qid = {e.name: e.wikidata for e in gaz.entries if e.subtype == "Country" and e.wikidata}
    out = {}
    for e in (*gaz.entries, *gaz.cities):
        if e.wikidata and e.country and qid.get(e.country):
            out.setdefault(e.wikidata, qid[e.country])
    return out


def country_of(wikidata: str | None) -> str | None:
    """The Wikidata id of the country the gazetteer puts place ``wikidata`` in, if any."""
    return _countries_of().get(wikidata) if wikidata else None


@functools.lru_cache(maxsize=1)
def office_nouns() -> frozenset[str]:
    """Plain office nouns that head a title in an apposition ("head", "administrator")."""
    return frozenset(r["noun"].lower() for r in _rel("office_nouns"))


@functools.lru_cache(maxsize=1)
def org_nouns() -> frozenset[str]:
    """Words that make a name an organisation's ("Office", "Commission")."""
    return frozenset(r["noun"].lower() for r in _rel("org_nouns"))


@functools.lru_cache(maxsize=1)
def modifier_effects() -> dict[str, str]:
    """Words before a title: ``keep`` (part of it) or ``past`` (no longer held)."""
    return {r["word"].lower(): r["effect"] for r in _rel("title_modifiers")}


@functools.lru_cache(maxsize=1)
def place_levels() -> dict[str, int]:
    """Place head nouns and their size rank (1 settlement, 2 region, 3 country)."""
    return {r["noun"].lower(): int(r["level"]) for r in _rel("place_nouns")}


@functools.lru_cache(maxsize=1)
def place_adjectives() -> dict[str, int]:
    """Adjectives pointing back to the last place of a level ("the provincial capital")."""
    return {r["adjective"].lower(): int(r["level"]) for r in _rel("place_adjectives")}


@functools.lru_cache(maxsize=1)
def based_words() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in _rel("based_suffixes"))


@functools.lru_cache(maxsize=1)
def head_verbs() -> dict[str, str]:
    """Verb lemma → the title it states ("head" → "head", "lead" → "leader")."""
    return {r["verb"].lower(): r["title"] for r in _rel("head_verbs")}


@functools.lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return frozenset(r["verb"].lower() for r in _rel("speech_verbs"))


@functools.lru_cache(maxsize=1)
def state_office_words() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in _rel("state_offices"))


@functools.lru_cache(maxsize=1)
def leader_nouns() -> dict[tuple[str, ...], frozenset[str]]:
    """Description noun (as lower-case words) → the titles it can refer back to."""
    return {tuple(r["noun"].lower().split()): frozenset(t.strip() for t in r["titles"].split("|"))
            for r in _rel("leader_nouns")}
