"""The small, frozen records that flow through the pipeline.

Every extractor is a plain function over a spaCy ``Doc`` that returns some of these; they point
back into the analysed text by character offsets (Python ``str`` indices into
``Document.text``), so the RDF layer can state them as NIF phrases without reparsing anything.

>>> m = Mention(0, 6, "Turkey")
>>> Entity("Q43", "Turkey", "Place", subtype="Country", mentions=(m,)).mention_count
1
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = [
    "Document", "Mention", "Entity", "TimeExpression", "Event", "Relation", "Analysis",
    "ENTITY_TYPES",
]

#: The three top-level entity types of the contract (``schema:Person`` …).
ENTITY_TYPES = ("Person", "Organization", "Place")


@dataclass(frozen=True)
class Document:
    """One news article as read from a file or record.

    ``text`` is exactly what is analysed and exported as ``nif:isString``: a verbatim substring
    of the input. ``source`` says where it came from (a path, ``path:line`` for a record).
    """

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Mention:
    """A span of the document text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """One real-world person, organisation or place, with every mention of it in a document.

    ``key`` is stable across documents and runs (a Wikidata QID where the gazetteer knows the
    thing, else a slug of type and label), so the graph merges the same thing across articles.
    """

    key: str
    label: str
    type: str                       # one of ENTITY_TYPES
    subtype: str | None = None      # Country, City, GovernmentOrganization, NGO, ArmedGroup …
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    wikidata: str | None = None     # a QID such as "Q43"

    @property
    def mention_count(self) -> int:
        return len(self.mentions)


@dataclass(frozen=True)
class TimeExpression:
    """A TIMEX3: ``type`` is DATE, TIME, DURATION or SET; ``value`` its normalised value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None          # TimeML mod: START, MID, END, APPROX …


@dataclass(frozen=True)
class Event:
    """Who did what to whom, where and when, as stated in one document.

    ``agents``/``targets``/``places`` hold entity keys. ``begin``/``end`` are the inclusive
    bounds of ``timex`` (None when the text does not date the event).
    """

    key: str
    label: str
    cameo: str
    mentions: tuple[Mention, ...]
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    timex: TimeExpression | None = None
    begin: dt.date | None = None
    end: dt.date | None = None
    modality: str = "asserted"      # asserted, planned, possible, claimed, denied
    negated: bool = False
    sentence: Mention | None = None


@dataclass(frozen=True)
class Relation:
    """A fact between entities: ``predicate`` is jobTitle, affiliation, containedInPlace or
    location. ``obj`` is an entity key, or the title string for jobTitle."""

    subject: str
    predicate: str
    obj: str
    evidence: Mention | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything the extractors found in one document."""

    document: Document
    sentences: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)
