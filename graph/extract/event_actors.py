"""Who and where: the entities that fill an event's roles, read off the parse.

An ``ActorIndex`` maps tokens to the entities whose mentions cover them and resolves what a
noun phrase stands for: the entity named in it ("Turkish officials" → Turkey, "ICRC's head of
delegation, Marianne Gasser" → Marianne Gasser), a pronoun's antecedent (he/she → the last person,
it → the last organisation or country, they → the last group) or "the minister"-style reference
(the last person given that title).

>>> from graph.model import Entity, Mention
>>> from graph.nlp import load_nlp
>>> doc = load_nlp()("Mevlut Cavusoglu arrived. He met officials.")
>>> idx = ActorIndex(doc, (Entity("P/mc", "Mevlut Cavusoglu", "Person",
...                                mentions=(Mention(0, 16, "Mevlut Cavusoglu"),)),))
>>> [e.label for e in idx.actors(doc[4])]
['Mevlut Cavusoglu']
"""
from __future__ import annotations

import bisect
import functools

from spacy.tokens import Doc, Token

from ..model import Entity
from .entities import mention_spans
from .event_lexicon import NO_EVENT, event_lexicon
from .event_pronouns import (GROUP_PRONOUNS, PERSON_PRONOUNS, THING_PRONOUNS, antecedent_subjects, gender_words,
                             genders, pronoun_gender)
from .doc_cache import sentence_of
from .lexicon import read_table

__all__ = ["ActorIndex"]

_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod"}
_ROLE_PREPS = {"of", "for", "from"}
_PRONOUN_WINDOW = 3                  # sentences back for the nearest agreeing mention
_PRONOUN_CHAIN = 4                   # pronouns resolved through one another at most
_RELATIVE_TAGS = {"WP", "WDT"}
_REFLEXIVES = {"himself", "herself", "itself", "themselves"}
_SPEAKER_PRONOUNS = {"i", "me", "my", "we", "us", "our", "ourselves"}
_ACTOR_PLACES = {"Country"}
_SPEAKER_WINDOW = 250                # tokens: a few sentences back
_PLACE_CHAIN = {"of", "in", "at", "near"}


@functools.lru_cache(maxsize=None)
def _cues(kind: str) -> frozenset[str]:
    """The cue words of one kind of ``resources/en/events/cues.tsv``, from the event lexicon that
    has read them: nonstate ("Syrian opposition activists" are not Syria), agent_noun
    ("officials", "troops"), words ("Labour's plans"), patient_noun ("Rabin's murder"), quantity
    ("thousands of"), person ("a witness said ... he"), kin ("Elian's father")."""
    return event_lexicon().cue_words(kind)


def _not_the_state(head: Token) -> bool:
    """Whether a country named by a modifier of ``head`` does not act in it: the rebels, activists
    or militants of a country are not its government ("Palestinian militant groups")."""
    words = _cues("nonstate")
    return head.lemma_.lower() in words or head.lower_ in words or any(
        c.dep_ in ("amod", "compound") and c.lower_ in words for c in head.children)


@functools.lru_cache(maxsize=1)
def _acting_words() -> frozenset[str]:
    """Nouns that stand for whoever modifies them: those who act for a state or body, titles,
    armed or opposition groups ("Hezbollah guerrillas"), words and plans ("Labour's plans")."""
    return _cues("agent_noun") | _title_words() | _cues("nonstate") | _cues("words")


def _acts_for(head: Token, events: bool = True) -> bool:
    """Whether a noun phrase headed by ``head`` stands for the country, body or person that
    modifies it: "Turkish officials", "Israeli army bulldozers", "Putin's spokesman", "the Foreign
    Minister of Turkey" do; "American fishermen", "Cuban exiles", "NASA watchers", "Kopp's car",
    "people from the US" do not."""
    words = _acting_words()
    if any(t.lemma_.lower() in words or t.lower_ in words
           for t in [head] + [c for c in head.children if c.dep_ == "compound" and c.i < head.i]):
        return True
    lemma = head.lemma_.lower()                  # "Israel's attack killed ten": the attacker
    return events and head.pos_ == "NOUN" and lemma not in patient_nouns() and \
        event_lexicon().code(lemma, "", "NOUN") not in (None, NO_EVENT)


def patient_nouns() -> frozenset[str]:
    """Event nouns whose possessor undergoes them ("Rabin's murder", "Kopp's arrest")."""
    return _cues("patient_noun")


def _counts(head: Token) -> bool:
    return head.like_num or head.tag_ == "CD" or head.lemma_.lower() in _cues("quantity")


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns for a person or people that a pronoun may stand for without a name: titles, those
    who act for a body, relatives ("the official", "his father", "protesters")."""
    return _title_words() | _cues("agent_noun") | _cues("kin") | _cues("nonstate") | _cues("person") | \
        frozenset(gender_words())


def _is_kin(head: Token) -> bool:
    words = _cues("kin")
    return head.lemma_.lower() in words or head.lower_ in words or head.lower_.rsplit("-", 1)[-1] in words


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Words of the hand-written titles ("foreign", "minister", "envoy"): the words a person's
    title is made of before a name. Not the built ``titles.tsv``: its office nouns from the
    PETRARCH2 agents dictionary are whole phrases ("Minister in the Cabinet"), and their single
    words ("in", "city", "force", "court") are not title words on their own."""
    rows = read_table("en/curated_titles.tsv")
    return frozenset(w.lower() for r in rows if r["kind"] != "honorific" for w in r["title"].split())


class ActorIndex:
    """The entities of one document, indexed by token."""

    def __init__(self, doc: Doc, entities: tuple[Entity, ...] | list[Entity]):
        self.doc = doc
        self.by_token: dict[int, Entity] = {}
        starts: list[tuple[int, int, Entity]] = []
        for ent, span in mention_spans(doc, entities):
            for tok in span:
                self.by_token.setdefault(tok.i, ent)
            starts.append((span.start, span.end, ent))
        starts.sort(key=lambda s: s[0])
        self._mentions = starts
        self._starts = [s[0] for s in starts]
        self._titles = self._person_titles()
        self._genders = genders(doc, starts)
        self._relatives = self._named_relatives()
        self._resolving: set[int] = set()

    # ------------------------------------------------------------------ lookup

    def entity_at(self, tok: Token) -> Entity | None:
        return self.by_token.get(tok.i)

    def _person_titles(self) -> dict[str, set[str]]:
        """Title words seen right before or in apposition to each person's mentions."""
        titles = _title_words()
        out: dict[str, set[str]] = {}
        for start, end, ent in self._mentions:
            if ent.type != "Person":
                continue
            words = out.setdefault(ent.key, set())
            i = start - 1
            while i >= 0 and (self.doc[i].lower_ in titles or self.doc[i].dep_ == "compound"):
                words.add(self.doc[i].lower_)
                i -= 1
            head = self.doc[start:end].root
            for t in list(head.children) + [head.head]:
                if t.dep_ == "appos" or head.dep_ == "appos" and t is head.head:
                    words.add(t.lemma_.lower())
        return out

    def _named_relatives(self) -> dict[tuple[str, str], Entity]:
        """(someone's key, kin noun) → the person the text names so: "Elian's father, Juan Miguel
        Gonzalez" makes a later "Elian's father said" Juan Miguel Gonzalez's."""
        out: dict[tuple[str, str], Entity] = {}
        for tok in self.doc:
            if not _is_kin(tok):
                continue
            owner = next((e for c in tok.children if c.dep_ == "poss" and (e := self.entity_at(c))), None)
            named = next((e for c in tok.children if c.dep_ == "appos" and (e := self.entity_at(c))
                          and e.type == "Person"), None)
            if owner is not None and named is not None:
                out.setdefault((owner.key, tok.lemma_.lower()), named)
        return out

    def _before(self, tok: Token, accept, window: int | None = None) -> Entity | None:
        """The entity of the last mention before ``tok`` that ``accept`` takes (within ``window``
        sentences, if given)."""
        i = bisect.bisect_left(self._starts, tok.i)
        first = 0
        if window is not None:
            sent = sentence_of(tok)
            for _ in range(window):
                if sent.start == 0:
                    break
                sent = sentence_of(self.doc[sent.start - 1])
            first = sent.start
        for start, end, ent in reversed(self._mentions[:i]):
            if start < first:
                break
            if end <= tok.i and accept(ent):
                return ent
        return None

    # ------------------------------------------------------------------ resolution

    def resolve_pronoun(self, tok: Token, speaker: tuple[Entity, ...] = (), depth: int = 0) -> tuple[Entity, ...]:
        """The entity a pronoun stands for (see :mod:`graph.extract.event_pronouns`), or ()."""
        word = tok.lower_
        if word in _SPEAKER_PRONOUNS:
            return speaker
        if word in _REFLEXIVES:          # "the man exploded himself": the clause's own subject
            subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
            return self.actor(subj[0], speaker) if subj and subj[0].pos_ != "PRON" else ()
        if word in PERSON_PRONOUNS:
            kind = "person"
        elif word in THING_PRONOUNS or word in GROUP_PRONOUNS:
            kind = "group"
        else:
            return ()
        if tok.i in self._resolving or len(self._resolving) >= _PRONOUN_CHAIN:
            return ()                     # "the aides of his brother": his is inside the subject;
        self._resolving.add(tok.i)        # and a chain of pronouns ends a few sentences back
        try:
            return self._antecedent(tok, kind, speaker, depth)
        finally:
            self._resolving.discard(tok.i)

    def _antecedent(self, tok: Token, kind: str, speaker: tuple[Entity, ...], depth: int) -> tuple[Entity, ...]:
        accept = lambda e: self.agrees(tok, e)
        for subj in antecedent_subjects(tok):
            if subj.left_edge.i <= tok.i <= subj.right_edge.i:
                continue                  # the pronoun is part of that subject
            if subj.pos_ == "PRON":
                if depth < 2 and (subj.lower_ in PERSON_PRONOUNS) == (kind == "person") and \
                        pronoun_gender(subj) in (None, pronoun_gender(tok)):
                    return self.resolve_pronoun(subj, speaker, depth + 1)
                continue
            found = self.actor(subj, speaker, depth=1)
            if fit := [e for e in found if accept(e)]:
                return (fit[0],)
            if not found and self._same_kind(subj, tok, kind):
                return ()                 # "Protesters gathered. They wept.": no one named
        found = self._before(tok, accept, window=_PRONOUN_WINDOW)
        return (found,) if found else ()

    def agrees(self, pronoun: Token, ent: Entity) -> bool:
        """Whether ``ent`` can be what ``pronoun`` stands for (kind, and gender where known)."""
        if pronoun.lower_ in PERSON_PRONOUNS:
            g = self._genders.get(ent.key)
            return ent.type == "Person" and (g is None or g == pronoun_gender(pronoun))
        return ent.type == "Organization" or ent.subtype in _ACTOR_PLACES

    @staticmethod
    def _same_kind(subj: Token, pronoun: Token, kind: str) -> bool:
        """Whether an unnamed subject could be what the pronoun stands for: a person noun for
        he/she ("the official"), a plural for they ("protesters"), a singular thing for it."""
        if subj.pos_ not in ("NOUN", "PROPN"):
            return False
        lemma = subj.lemma_.lower()
        if kind == "person":
            return lemma in _person_nouns()
        if pronoun.lower_ in GROUP_PRONOUNS:
            return subj.tag_ in ("NNS", "NNPS") or lemma in _person_nouns()
        return subj.tag_ in ("NN", "NNP") and lemma not in _person_nouns()

    def last_speaker(self, tok: Token, speakers: dict[int, Entity], pronoun: Token | None = None) -> Entity | None:
        """For "he said": the last person who spoke before ``tok`` (token index → speaker) and
        agrees with the pronoun, if one is given ("she said" is not the last man who spoke)."""
        for i in sorted((i for i in speakers if i < tok.i and tok.i - i < _SPEAKER_WINDOW), reverse=True):
            if pronoun is None or self.agrees(pronoun, speakers[i]):
                return speakers[i]
        return None

    def resolve_title(self, tok: Token) -> Entity | None:
        """'the minister' → the last person called minister before it."""
        word = tok.lemma_.lower()
        if word not in _title_words() or not any(c.lower_ == "the" for c in tok.children):
            return None
        return self._before(tok, lambda e: e.type == "Person" and word in self._titles.get(e.key, ()))

    def actor(self, head: Token, speaker: tuple[Entity, ...] = (), *, places: bool = True,
              depth: int = 0, undergoer: bool = False) -> tuple[Entity, ...]:
        """The entity a noun phrase headed by ``head`` stands for (the most specific one).

        A country or body modifying a noun stands for it only where the noun acts for it
        ("Turkish officials"); an ``undergoer`` of violence or coercion is also the people of a
        country ("three US servicemen were killed", "arrested two Palestinian men")."""
        if (ent := self.entity_at(head)) is not None:
            return (ent,) if places or ent.type != "Place" or ent.subtype in _ACTOR_PLACES else ()
        if head.pos_ == "PRON" and head.tag_ in _RELATIVE_TAGS and head.head.dep_ == "relcl":
            return self.actor(head.head.head, speaker, places=places, depth=depth + 1)  # "Kim, who"
        if head.pos_ == "PRON":
            return self.resolve_pronoun(head, speaker)
        kids = list(head.children)
        for c in kids:
            if c.dep_ == "appos" and (ent := self.entity_at(c)) is not None and ent.type == "Person":
                return (ent,)
        if not any(self.entity_at(c) for c in _premodifiers(head)) and (ent := self.resolve_title(head)):
            return (ent,)                 # not "the Iraqi ambassador": Iraq's, whoever was ambassador
        if _is_kin(head):                     # "Elian's father", "his mother", "supporters of X":
            owner = next((e for c in kids if c.dep_ == "poss" and (e := self.entity_at(c))), None)
            named = self._relatives.get((owner.key, head.lemma_.lower())) if owner is not None else None
            return (named,) if named is not None else ()   # not X, but whom the text named so
        speaks = undergoer or _acts_for(head)
        for c in _premodifiers(head):
            if speaks and (ent := self.entity_at(c)) is not None:
                if ent.type != "Place" or ent.subtype in _ACTOR_PLACES and not _not_the_state(head):
                    more = [e for x in _conjuncts(c) if (e := self.entity_at(x)) is not None and e != ent]
                    return (ent, *more)           # "North Korean and US officials": both
        for c in kids:
            if c.dep_ == "appos" and depth < 2 and (found := self.actor(c, speaker, depth=depth + 1)):
                return found
        if _acts_for(head) and not _acts_for(head, events=False):   # an event noun: "the attack by
            for c in kids:                                            # Hamas", "a request by X"
                if c.dep_ == "prep" and c.lower_ == "by" and depth < 2:
                    if found := [e for p in c.children if p.dep_ == "pobj"
                                 for e in self.actor(p, speaker, places=False, depth=depth + 1)]:
                        return tuple(found)
        counted = _counts(head)               # "the bombing of US embassies" is not the US's
        for c in kids if undergoer or _acts_for(head, events=False) or counted else ():
            if c.dep_ == "prep" and c.lower_ in (_ROLE_PREPS if speaks else {"of"}) and depth < 2:
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = self.actor(p, speaker, places=False, depth=depth + 1, undergoer=undergoer)
                        if found:
                            return found
        for c in kids:
            if c.dep_ == "poss" and c.pos_ == "PRON":
                return self.resolve_pronoun(c, speaker)
        return ()

    def actors(self, head: Token, speaker: tuple[Entity, ...] = (), *,
               places: bool = False, undergoer: bool = False) -> tuple[Entity, ...]:
        """The entities of ``head`` and of the phrases conjoined with it."""
        out: list[Entity] = []
        for tok in [head] + _conjuncts(head):
            for ent in self.actor(tok, speaker, places=places, undergoer=undergoer):
                if ent not in out:
                    out.append(ent)
        return tuple(out)

    def place(self, head: Token, depth: int = 0) -> Entity | None:
        """The place a locative phrase's object names ("in rebel-held neighbourhoods of Aleppo",
        "the Syrian city of Aleppo", "a conference with his counterpart in Ankara")."""
        ent = self.entity_at(head)
        if ent is not None:
            return ent if ent.type == "Place" else None
        for c in head.children:
            if c.dep_ in ("compound", "appos") and (ent := self.entity_at(c)) is not None \
                    and ent.type == "Place" and ent.subtype not in _ACTOR_PLACES:
                return ent
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_CHAIN and depth < 3:
                for p in c.children:
                    if p.dep_ == "pobj" and (ent := self.place(p, depth + 1)) is not None:
                        return ent
        return None


def _premodifiers(head: Token) -> list[Token]:
    """The words before the head of its noun phrase, nearest first ("US-led security forces")."""
    out, todo = [], [c for c in head.children if c.dep_ in _MODIFIER_DEPS and c.i < head.i]
    while todo:
        c = todo.pop(0)
        out.append(c)
        todo.extend(x for x in c.children if x.dep_ in _MODIFIER_DEPS and x.i < c.i)
    return sorted(out, key=lambda t: -t.i)


def _conjuncts(tok: Token) -> list[Token]:
    out, todo = [], [c for c in tok.children if c.dep_ == "conj"]
    while todo:
        c = todo.pop(0)
        out.append(c)
        todo.extend(x for x in c.children if x.dep_ == "conj")
    return out
