"""Whom "he", "she", "it" and "they" stand for, among the entities of a document.

Two cues, as in centering theory and the Hobbs baseline, both read off the parse:

- a pronoun continues a subject before it: the subjects (and their possessors) of its own
  sentence before it (its own clause's subject excepted, unless it is the subject: "Bush
  offered him a week" is not Bush), then those of the previous sentence; the first that agrees
  wins;
- it must agree: "he"/"she" with a person of that gender where the text says so ("Mrs.
  Albright", "King Hussein", "Har-Shefi, a 22-year-old woman", or the pronoun of a sentence that
  names only that person), "it"/"they" with a body or a country. A subject that agrees but names
  no one ("Protesters gathered. They wept.", "The official said ... He added") means the pronoun
  names no one either.

Failing both, the nearest agreeing mention of the last few sentences.

>>> from graph.model import Entity, Mention
>>> from graph.nlp import load_nlp
>>> from graph.extract.event_actors import ActorIndex
>>> doc = load_nlp()("Mr. Piernick met Ms. Albright. She praised the police.")
>>> idx = ActorIndex(doc, (Entity("P/p", "Piernick", "Person", mentions=(Mention(4, 12, "Piernick"),)),
...                        Entity("P/a", "Albright", "Person", mentions=(Mention(21, 29, "Albright"),))))
>>> [e.label for e in idx.resolve_pronoun(doc[6])]
['Albright']
"""
from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..model import Entity
from .doc_cache import sentence_of
from .lexicon import read_table

__all__ = ["PERSON_PRONOUNS", "THING_PRONOUNS", "GROUP_PRONOUNS", "genders", "pronoun_gender",
           "antecedent_subjects", "gender_words"]

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_SUBJECTS = {"nsubj", "nsubjpass"}


@functools.lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    """Word → "m" or "f" (``resources/en/entities/gender.tsv``)."""
    return {r["word"]: r["gender"] for r in read_table("en/entities/gender.tsv")}


def pronoun_gender(tok: Token) -> str | None:
    """"m" for he/him/his, "f" for she/her, else None."""
    w = tok.lower_
    return "m" if w in MALE_PRONOUNS else "f" if w in FEMALE_PRONOUNS else None


def genders(doc: Doc, mentions: list[tuple[int, int, Entity]]) -> dict[str, str]:
    """Entity key → "m" or "f" for the persons whose gender the text states.

    Evidence: an honorific or gendered title right before a mention, a gendered noun in apposition
    ("Har-Shefi, a 22-year-old woman"), and the pronouns of sentences that name that person and
    no other. The words are ``resources/en/entities/gender.tsv``; conflicting evidence gives none.
    """
    words = gender_words()
    votes: dict[str, Counter] = {}
    persons_in: dict[int, set[str]] = {}        # sentence start → persons named in it
    for start, end, ent in mentions:
        if ent.type != "Person":
            continue
        v = votes.setdefault(ent.key, Counter())
        i = start - 1
        while i >= 0 and start - i <= 3 and (doc[i].is_punct or doc[i].lower_ in words
                                              or doc[i].dep_ == "compound"):
            if doc[i].lower_ in words:
                v[words[doc[i].lower_]] += 2
            i -= 1
        for t in doc[start:end]:                 # "King Hussein" as one mention
            if t.lower_ in words and t.i < end - 1:
                v[words[t.lower_]] += 2
        head = doc[start:end].root
        for t in [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else []):
            if t.lemma_.lower() in words:
                v[words[t.lemma_.lower()]] += 2
        persons_in.setdefault(sentence_of(doc[start]).start, set()).add(ent.key)
    for sent in doc.sents:
        who = persons_in.get(sent.start, set())
        if len(who) == 1:
            said = Counter(g for t in sent if (g := pronoun_gender(t)))
            if len(said) == 1:
                votes[next(iter(who))].update(said)
    out = {}
    for key, v in votes.items():
        if v:
            (g, n), *rest = v.most_common()
            if not rest or n >= 2 * rest[0][1]:
                out[key] = g
    return out


def _subjects(sent: Span, before: int | None = None) -> list[Token]:
    """The subjects of a sentence in text order (those before token ``before``), each followed
    by its possessor ("Bush's chief objective in his meeting": Bush too)."""
    out = []
    for t in sent:
        if t.dep_ in _SUBJECTS and (before is None or t.i < before):
            out.append(t)
            out.extend(c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON")
    return out


def antecedent_subjects(tok: Token) -> list[Token]:
    """Subjects a pronoun may continue, most salient first: the earlier subjects of its sentence
    (the main clause's first), then those of the previous sentence."""
    sent = sentence_of(tok)
    own_clause = tok.head if tok.dep_ not in _SUBJECTS else None
    same = [s for s in _subjects(sent, tok.i) if s.head is not own_clause]
    prev: list[Token] = []
    i = sent.start - 1
    while i >= 0 and not prev:
        before = sentence_of(tok.doc[i])
        if any(not t.is_space for t in before):
            prev = _subjects(before)
            break
        i = before.start - 1
    return same + prev
