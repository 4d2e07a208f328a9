"""Which drafts state events: the filters ``find_events`` applies to what the triggers and roles
gave (an actor, a counterpart for a consultation, an object for a verb that acts on someone,
something to say about violence). Their cases are tables in ``tests/extract/test_events.py``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .event_context import clause_of
from .event_lexicon import EventLexicon, event_lexicon
from .event_records import Draft

__all__ = ["has_counterpart", "has_object", "is_informative", "has_participants"]

_SUBJECT_DEPS = {"nsubj", "csubj"}
_STATEMENT_ROOT = "01"
_CONSULT_ROOT = "04"
_AGENTLESS_ROOTS = {"18", "19", "20"}
_VISIT_CODES = {"042", "043"}


def has_counterpart(d: Draft) -> bool:
    """A consultation with no counterpart ("he discussed the issue", "the leader attended") is
    no event: CAMEO 04 is dyadic, it needs someone consulted, or parties consulting each other
    ("Merkel and Macron discussed", "EU finance ministers meet on Thursday")."""
    if d.trig.root != _CONSULT_ROOT or d.targets or len(d.agents) > 1:
        return True
    if d.trig.code in _VISIT_CODES:              # a visit is always to someone ("troops rushed to")
        return False
    verb, hops = clause_of(d.trig), 0
    while not any(c.dep_ in _SUBJECT_DEPS for c in verb.children) and \
            verb.dep_ in ("xcomp", "advcl", "conj") and hops < 3:
        verb, hops = verb.head, hops + 1
    return any(c.dep_ in _SUBJECT_DEPS and c.tag_ in ("NNS", "NNPS") for c in verb.children)


def has_object(d: Draft, lex: EventLexicon) -> bool:
    """A verb that codes an event only as something done to someone ("gave", "helped", "called")
    needs a named target when no pattern of its object coded it: "he gave no indication", "dawn
    broke", "helped hang a poster" are no events, "Iran gave Syria weapons" is."""
    return bool(d.targets) or not d.trig.bare or lex.cue(d.trig.token.lemma_.lower(), "dyadic") is None


def is_informative(d: Draft) -> bool:
    """Violence with no one, nowhere and no time ("those killed") says nothing to keep."""
    return d.trig.root not in _AGENTLESS_ROOTS or bool(d.agents or d.targets or d.places or d.timex)


def has_participants(d: Draft) -> bool:
    """An event needs an actor, unless it is violence (people "were killed") or a statement by
    someone the text names with a noun ("six western powers said")."""
    root = d.trig.root
    if d.agents or root in _AGENTLESS_ROOTS:
        return True
    return root == _STATEMENT_ROOT and any(
        c.dep_ in _SUBJECT_DEPS and _counted_group(c) for c in d.trig.token.children)


def _counted_group(tok: Token) -> bool:
    """'six western powers', 'several activists': unnamed sources that the text counts."""
    return tok.tag_ == "NNS" and any(c.dep_ == "nummod" or c.tag_ == "CD" or c.lower_ in event_lexicon().cue_words("group")
                                     for c in tok.children)
