"""What the relation readers share: the entity mentions of a doc as token spans (``Index``), the
relations found so far (``Collector``), and simple noun phrases read off the parse.

The office readers (``relation_titles``, ``relation_offices``) and the place readers
(``relation_places``) all work on an ``Index`` and add what they read to one ``Collector``, which
keeps each relation once, with the sentence it was first read in.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc

from ..model import Entity, Mention, Relation
from . import relation_lexicon as lex
from .entities import mention_spans

__all__ = ["Ment", "Index", "Collector", "is_owner", "place_level", "noun_phrase_end", "np_head",
           "closing_paren", "DETERMINERS", "POSSESSIVE", "HYPHENS"]

_PREDICATE_ORDER = {"jobTitle": 0, "affiliation": 1, "containedInPlace": 2, "location": 3}
DETERMINERS = {"a", "an", "the"}
POSSESSIVE = {"'s", "’s", "'", "’"}
HYPHENS = {"-", "–"}
_NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"}
_PLACE_LEVELS = {"City": 1, "Town": 1, "Village": 1, "AdministrativeArea": 2, "Region": 2,
                 "Province": 2, "Country": 3, "Continent": 4}


# ---------------------------------------------------------------------------- mention index

class _Sent(NamedTuple):
    start: int
    end: int


@dataclass(frozen=True)
class Ment:
    """One entity mention as a token span of the doc."""

    entity: Entity
    start: int          # first token
    end: int            # one past the last token


class Index:
    """Which entity mention starts at, ends at or covers a token."""

    def __init__(self, doc: Doc, entities: Sequence[Entity]):
        self.doc = doc
        self.mentions: list[Ment] = []
        for e, span in mention_spans(doc, entities):
            if len(span):
                self.mentions.append(Ment(e, span.start, span.end))
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        nouns = lex.office_nouns()
        parts: list[str] = []
        self.lower: list[str] = []
        self.punct: list[bool] = []
        self.office: list[bool] = []
        self._bounds: list[tuple[int, int]] = []
        for t in doc:
            self.lower.append(t.lower_)
            self.punct.append(t.is_punct)
            self.office.append(t.lower_ in nouns or t.lemma_.lower() in nouns)
            self._bounds.append((t.idx, t.idx + len(t.text)))
            parts.append(t.text_with_ws)
        self.text = "".join(parts)
        self._sent: list[_Sent] = [None] * len(doc)         # type: ignore[list-item]
        for sent in doc.sents:
            bounds = _Sent(sent.start, sent.end)
            for i in range(sent.start, sent.end):
                self._sent[i] = bounds
        self._titles: dict[int, tuple[int, ...]] = {}
        self.at_start: dict[int, Ment] = {}
        self.at_end: dict[int, Ment] = {}
        self.cover: dict[int, Ment] = {}
        for m in self.mentions:
            self.at_start.setdefault(m.start, m)
            self.at_end.setdefault(m.end, m)
            for i in range(m.start, m.end):
                self.cover.setdefault(i, m)

    def title_ends(self, i: int) -> tuple[int, ...]:
        """Ends of the titles of the lexicon that start at token ``i``, longest first."""
        if i not in self._titles:
            ends: list[int] = []
            if i < len(self.lower) and self.lower[i] in lex.title_first_words():
                keys, text = lex.title_keys(), self.text
                for n in range(min(lex.MAX_TITLE_TOKENS, len(self.lower) - i), 0, -1):
                    if self.punct[i + n - 1]:
                        continue
                    if lex.title_key(text[self._bounds[i][0]:self._bounds[i + n - 1][1]]) in keys:
                        ends.append(i + n)
            self._titles[i] = tuple(ends)
        return self._titles[i]

    def sent(self, i: int) -> _Sent:
        """The sentence of token ``i`` as token bounds."""
        return self._sent[i]

    def entity_at(self, i: int) -> Entity | None:
        m = self.cover.get(i)
        return m.entity if m else None

    def after_preposition(self, i: int, limit: int, preps: tuple[str, ...]) -> Ment | None:
        """The mention right after a preposition of ``preps`` at token ``i`` and an optional
        "the", before ``limit`` ("of Hamas", "of the UN"); None when there is none."""
        if i + 1 < limit and self.lower[i] in preps:
            return self.at_start.get(i + 1 + (self.lower[i + 1] == "the"))
        return None


def is_owner(e: Entity | None) -> bool:
    """Whether an entity can be what a person is affiliated with."""
    return e is not None and e.type in ("Organization", "Place")


def known_body(e: Entity) -> bool:
    """Whether the gazetteer or the state resolution knows an organisation (not a bare name)."""
    return e.wikidata is not None or e.subtype is not None or e.key.startswith("gov/")


def place_level(e: Entity) -> int | None:
    """A place's size rank (None when not known)."""
    if e.type != "Place":
        return None
    if e.subtype in _PLACE_LEVELS:
        return _PLACE_LEVELS[e.subtype]
    words = e.label.lower().split()
    if len(words) > 1 and words[-1] in lex.place_levels():
        return lex.place_levels()[words[-1]]
    return None


# ---------------------------------------------------------------------------- noun phrases

def noun_phrase_end(doc: Doc, i: int, limit: int, ix: Index) -> int:
    """End of a simple noun phrase starting at ``i``: determiners, modifiers, names, a head."""
    j = i
    while j < limit:
        t = doc[j]
        if j in ix.cover:
            j = max(j + 1, ix.cover[j].end)
            continue
        if t.text in HYPHENS and j > i and j + 1 < limit and not doc[j + 1].is_punct:
            j += 1
            continue
        if t.text == "(" and j > i:
            close = closing_paren(doc, j, limit)
            if close is not None:
                j = close + 1
                continue
        if t.pos_ == "ADV" and j > i and j + 1 < limit and doc[j + 1].pos_ == "ADJ":
            j += 1                           # "Syria's third largest city"
            continue
        if t.tag_ == "VBN" and t.dep_ == "amod" and j + 1 < limit and doc[j + 1].pos_ != "ADP":
            j += 1                           # "the Britain-based Syrian Observatory"
            continue
        if t.pos_ in _NP_POS and not (t.pos_ == "PART" and t.lower_ not in POSSESSIVE) \
                and not (t.pos_ == "DET" and j > i and t.lower_ in DETERMINERS):
            j += 1
            continue
        break
    return j


def closing_paren(doc: Doc, i: int, limit: int) -> int | None:
    """The ")" closing the parenthesis opened at token ``i``, within five tokens and before
    ``limit``."""
    return next((k for k in range(i + 1, min(i + 6, limit)) if doc[k].text == ")"), None)


def np_head(doc: Doc, i: int, end: int, ix: Index) -> int:
    """The head of the noun phrase doc[i:end]: its last word, before a parenthesis."""
    k = end - 1
    while k > i and (doc[k].is_punct or doc[k].text == ")" or doc[k].lower_ in POSSESSIVE):
        if doc[k].text == ")":
            while k > i and doc[k].text != "(":
                k -= 1
        k -= 1
    return k


# ---------------------------------------------------------------------------- relations found

class Collector:
    """The relations found so far, each once, with the sentence it was first read in."""

    def __init__(self, doc: Doc, ix: Index):
        self.doc, self.ix = doc, ix
        self.found: list[tuple[int, Relation]] = []
        self.seen: set[tuple[str, str, str]] = set()

    def add(self, subject: Entity, predicate: str, obj: str, at: int) -> bool:
        key = (subject.key, predicate, obj.casefold() if predicate == "jobTitle" else obj)
        if key in self.seen or (predicate != "jobTitle" and obj == subject.key):
            return False
        self.seen.add(key)
        sent = self.doc[self.ix.sent(at).start:self.ix.sent(at).end]
        evidence = Mention(sent.start_char, sent.end_char, sent.text)
        self.found.append((self.doc[at].idx, Relation(subject.key, predicate, obj, evidence)))
        return True

    def has(self, subject: Entity, predicate: str) -> bool:
        return any(r.subject == subject.key and r.predicate == predicate for _, r in self.found)

    def relations(self) -> list[Relation]:
        order = sorted(self.found, key=lambda p: (p[0], _PREDICATE_ORDER[p[1].predicate]))
        return [r for _, r in order]
