"""The gazetteer: countries, capitals, regions, organisations and titles, with Wikidata QIDs.

The data are the TSV files under ``graph/resources/en/gazetteer/`` (and ``en/titles.tsv``), made
by ``scripts/build_gazetteer.py``; see the README there for columns, sources and licences.

>>> gaz = load_gazetteer()
>>> gaz.lookup("ICRC").name
'International Committee of the Red Cross'
>>> gaz.lookup("the U.N.'s").wikidata
'Q1065'
>>> gaz.lookup("Türkiye").name, gaz.lookup("UK").name
('Turkey', 'United Kingdom')
>>> gaz.lookup("us") is None and gaz.lookup("Who") is None
True
>>> gaz.demonym("Russians").name
'Russia'
>>> gaz.capital("Moscow").name
'Russia'
>>> city = gaz.city("Ankara"); (city.subtype, city.country)
('City', 'Turkey')
>>> ("Foreign Minister", "office") in gaz.titles()
True
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator

from .lexicon import read_table
from .names import strip_accents

__all__ = ["GazEntry", "Gazetteer", "load_gazetteer", "load_titles"]

_DIR = "en/gazetteer/"
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class GazEntry:
    """One place or organisation. ``country`` is set for cities and sub-national areas."""
    name: str
    type: str                       # "Place" or "Organization"
    subtype: str                    # Country, City, Continent, AdministrativeArea, Landform, BodyOfWater,
                                    # Place (a region), GovernmentOrganization, NGO, NewsMediaOrganization,
                                    # ArmedGroup, Organization (an IGO)
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    country: str | None = None
    iso3: str | None = None
    source: tuple[str, ...] = ()

    def surfaces(self) -> tuple[str, ...]:
        """The name, aliases and acronyms (not the demonyms)."""
        return (self.name, *self.aliases, *self.acronyms)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


def _clean(surface: str) -> str:
    """Without a leading "the", a trailing possessive and surplus spaces."""
    s = _SPACE.sub(" ", surface).strip()
    s = _POSSESSIVE.sub("", _THE.sub("", s)).strip()
    return s


def _fold(s: str) -> str:
    return strip_accents(s).casefold()


def _is_acronym(form: str) -> bool:
    """'UN', 'U.N.', 'USA', 'BBC': matched case-sensitively and without dots."""
    bare = form.replace(".", "")
    return " " not in bare and not any(c.islower() for c in bare) and sum(c.isupper() for c in bare) >= 2


class Gazetteer:
    """Look-ups by surface form. Build it with :func:`load_gazetteer`."""

    def __init__(self, entries: list[GazEntry], cities: list[GazEntry],
                 titles: tuple[tuple[str, str], ...]) -> None:
        self.entries = tuple(entries)
        self._titles = titles
        self._names: dict[str, GazEntry] = {}      # folded name or alias -> entry
        self._acronyms: dict[str, GazEntry] = {}   # dotless, case-sensitive
        self._demonyms: dict[str, set[GazEntry]] = {}
        self._capitals: dict[str, tuple[GazEntry, GazEntry]] = {}  # folded -> (country, city)
        for e in self.entries:                     # first entry wins: countries, organisations, places
            for form in e.surfaces():
                if e.type == "Organization" and form in e.acronyms or _is_acronym(form):
                    self._acronyms.setdefault(form.replace(".", ""), e)
                else:
                    self._names.setdefault(_fold(_clean(form)), e)
            for d in e.demonyms:
                self._demonyms.setdefault(_fold(d), set()).add(e)
        self.cities = tuple(cities)
        by_name = {e.name: e for e in self.entries if e.subtype == "Country"}
        for c in cities:
            for form in (c.name, *c.aliases):
                self._capitals.setdefault(_fold(_clean(form)), (by_name[c.country], c))

    def lookup(self, surface: str) -> GazEntry | None:
        """The country, organisation or place named ``surface`` (a name, alias or acronym).

        Acronyms are case-sensitive ("US", not "us") and dots do not count ("U.N." = "UN");
        other names are case-insensitive (also in capitals from four letters on: "TURKEY").
        A leading "the" and a trailing "'s" are ignored.

        >>> load_gazetteer().lookup("the Syrian Observatory for Human Rights").acronyms
        ('SOHR',)
        >>> load_gazetteer().lookup("Doctors Without Borders").name
        'Médecins Sans Frontières'
        """
        s = _clean(surface)
        if not s:
            return None
        if (e := self._acronyms.get(s.replace(".", ""))) is not None:
            return e
        if _is_acronym(s) and len(s.replace(".", "")) < 4:
            return None                            # "IT", "WHO" but no such acronym: no name either
        return self._names.get(_fold(s))

    def demonym(self, word: str) -> GazEntry | None:
        """The country or region whose demonym ``word`` is ("Turkish", "Turks", "European").

        Demonyms are capitalised: "turkish" is not one. A demonym of two countries ("Congolese")
        gives None.

        >>> load_gazetteer().demonym("Turkish").name
        'Turkey'
        """
        w = _clean(word)
        if not w[:1].isupper():
            return None
        found = self._demonyms.get(_fold(w))
        return next(iter(found)) if found and len(found) == 1 else None

    def capital(self, name: str) -> GazEntry | None:
        """The country whose capital is ``name``: "Moscow" -> Russia, "Kiev" -> Ukraine.

        >>> load_gazetteer().capital("Washington").name
        'United States'
        """
        hit = self._capitals.get(_fold(_clean(name)))
        return hit[0] if hit else None

    def city(self, name: str) -> GazEntry | None:
        """The capital city ``name`` itself (type Place, subtype City, ``country`` set).

        >>> load_gazetteer().city("Damascus").wikidata
        'Q3766'
        """
        hit = self._capitals.get(_fold(_clean(name)))
        return hit[1] if hit else None

    def titles(self) -> tuple[tuple[str, str], ...]:
        """(title, kind) pairs: kind is "honorific", "office" or "role"."""
        return self._titles

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Every (surface, kind) to look for in text; kind is "name", "acronym", "demonym" or
        "capital"."""
        for e in self.entries:
            for form in e.surfaces():
                yield form, ("acronym" if form in e.acronyms or _is_acronym(form) else "name")
            for d in e.demonyms:
                yield d, "demonym"
        for c in self.cities:
            for form in (c.name, *c.aliases):
                yield form, "capital"

    def matches(self, doc) -> list:
        """Spans of ``doc`` (a spaCy Doc) that are gazetteer names, acronyms, demonyms or
        capitals: the longest at each place, without overlaps. Acronyms must match in case; other
        forms must start with a capital letter or digit. A form right after "New" is no match
        ("New Mexico", "New Jersey", "New England").
        """
        index = _token_index(self)
        keys = [t.text.replace(".", "").lower() for t in doc]
        spans, i = [], 0
        while i < len(doc):
            best = 0
            for toks, exact in index.get(keys[i], ()) if i == 0 or doc[i - 1].text != "New" else ():
                n = len(toks)
                if n <= best or tuple(keys[i:i + n]) != toks:
                    continue
                words = doc[i:i + n]
                if exact:
                    if tuple(t.text.replace(".", "") for t in words) != exact:
                        continue
                elif not (words[0].text[:1].isupper() or words[0].text[:1].isdigit()):
                    continue
                best = n
            if best:
                spans.append(doc[i:i + best])
                i += best
            else:
                i += 1
        return spans


@functools.lru_cache(maxsize=4)
def _token_index(gaz: Gazetteer) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...] | None]]]:
    """First token -> [(lower-cased tokens, exact tokens for acronyms or None)], longest first."""
    import spacy
    tokenizer = spacy.blank("en").tokenizer
    index: dict[str, set] = {}
    for form, kind in gaz.surface_forms():
        toks = [t.text.replace(".", "") for t in tokenizer(form)]
        toks = [t for t in toks if t]
        if not toks:
            continue
        exact = tuple(toks) if kind == "acronym" else None
        index.setdefault(toks[0].lower(), set()).add((tuple(t.lower() for t in toks), exact))
    return {k: sorted(v, key=lambda p: -len(p[0])) for k, v in index.items()}


@functools.lru_cache(maxsize=1)
def load_titles() -> tuple[tuple[str, str], ...]:
    """(title, kind) from ``en/titles.tsv``, in their usual capitalisation.

    >>> ("Sheikh", "honorific") in load_titles()
    True
    """
    return tuple((r["title"], r["kind"]) for r in read_table("en/titles.tsv"))


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, read once from the package's resources."""
    entries, cities = [], []
    for r in read_table(_DIR + "countries.tsv"):
        aliases = _split(r["aliases"])
        country = GazEntry(
            name=r["name"], type="Place", subtype="Country", wikidata=r["wikidata"] or None,
            aliases=tuple(a for a in aliases if not _is_acronym(a)),
            acronyms=tuple(a for a in aliases if _is_acronym(a)), demonyms=_split(r["demonyms"]),
            capital=r["capital"] or None, iso3=r["iso3"] or None, source=_split(r["source"]))
        entries.append(country)
        if r["capital"] and r["capital_lookup"] == "yes":
            cities.append(GazEntry(
                name=r["capital"], type="Place", subtype="City", wikidata=r["capital_wikidata"] or None,
                aliases=_split(r["capital_aliases"]), country=r["name"], source=_split(r["source"])))
    for r in read_table(_DIR + "organisations.tsv"):
        entries.append(GazEntry(
            name=r["name"], type="Organization", subtype=r["subtype"], wikidata=r["wikidata"] or None,
            aliases=_split(r["aliases"]), acronyms=_split(r["acronyms"]), source=_split(r["source"])))
    for r in read_table(_DIR + "places.tsv"):
        entries.append(GazEntry(
            name=r["name"], type="Place", subtype=r["type"], wikidata=r["wikidata"] or None,
            aliases=_split(r["aliases"]), demonyms=_split(r["demonyms"]), country=r["country"] or None,
            source=_split(r["source"])))
    return Gazetteer(entries, cities, load_titles())
