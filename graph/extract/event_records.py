"""Event drafts, and how they become ``Event`` records: the same fact stated twice (a headline
and the body) is merged into one event with the mentions of both.

Two drafts state the same fact when they have the same CAMEO root, the same event word ("talks"),
the same participants (a headline's parse may swap agent and target), compatible dates, and
stand in different sentences; for violence, the same victims and no conflicting agent. Statements
(CAMEO 01) are never merged: each is a speech act of its own.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Token

from ..model import Document, Entity, Event, Mention, TimeExpression
from .doc_cache import sentence_of, text_of
from .event_triggers import Trigger, particle_of
from .timexes import timex_bounds

__all__ = ["Draft", "merge_drafts", "to_event", "unique", "sentence_of"]

_STATEMENT_ROOT = "01"
_AGENTLESS_ROOTS = {"18", "19", "20"}


@dataclass
class Draft:
    """An event before merging: roles as entity tuples, mentions as tokens."""

    trig: Trigger
    mentions: list[Token]
    agents: tuple[Entity, ...] = ()
    targets: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    timex: TimeExpression | None = None
    modality: str = "asserted"
    negated: bool = False
    lexical_root: str = ""                       # the root before modality recoded it
    negation_coded: bool = False                 # the code says the negation ("will not meet": 125)


def unique(items):
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def _bounds(d: Draft):
    return timex_bounds(d.timex.value) if d.timex is not None else None


def _same_fact(a: Draft, b: Draft, affiliations=dict) -> bool:
    """Headline and body: same root, same actors (some), compatible dates, other sentences.
    A person and the body the text ties them to are the same actor ("Turkey will intensify
    talks with Russia" and the minister's own "we will intensify our talks with Russia");
    ``affiliations()`` gives person key → keys of their bodies, and is asked only when needed."""
    if a.trig.root != b.trig.root or a.trig.root == _STATEMENT_ROOT:
        return False
    if a.trig.root in _AGENTLESS_ROOTS:          # the same violence: same victims, no other agent
        if not a.targets or _keys(a.targets) != _keys(b.targets) or _event_word(a) != _event_word(b):
            return False
        if bool(a.agents) != bool(b.agents) or a.agents and not _keys(a.agents) & _keys(b.agents):
            return False                         # an attack someone claimed is not one no one did
    elif not a.agents or _event_word(a) != _event_word(b) or not _same_actors(a, b, affiliations):
        return False
    if _sentence(a.trig.token) == _sentence(b.trig.token) or a.negated != b.negated:
        return False
    ba, bb = _bounds(a), _bounds(b)
    return ba is None or bb is None or ba == bb


def _sentence(tok: Token) -> Mention:
    """The sentence of a token, cut at line breaks: a headline or dateline stands alone even
    where the parser ran it into the next line."""
    sent, text = sentence_of(tok), text_of(tok.doc)
    start = max(sent.start_char, text.rfind("\n", 0, tok.idx) + 1)
    end = text.find("\n", tok.idx)
    end = sent.end_char if end < 0 else min(end, sent.end_char)
    return Mention(start, end, text[start:end])


def _keys(entities) -> set[str]:
    return {e.key for e in entities}


def _event_word(d: Draft) -> str:
    return (d.trig.noun or d.trig.token).lemma_.lower()


def _actor_keys(d: Draft) -> frozenset[str]:
    """Who takes part, whatever the role: a headline's parse may swap agent and target."""
    return frozenset(e.key for e in d.agents + d.targets)


def _same_actors(a: Draft, b: Draft, affiliations) -> bool:
    """The same participants, a person standing for their own body (never for another person)."""
    ka, kb = _actor_keys(a), _actor_keys(b)
    if ka == kb:
        return True
    if len(ka) != len(kb):
        return False
    aff = affiliations()
    alike = lambda x, y: x == y or y in aff.get(x, ()) or x in aff.get(y, ())
    return all(any(alike(x, y) for y in kb) for x in ka) and all(any(alike(x, y) for x in ka) for y in kb)


def _roles_of(group: list[Draft]) -> Draft:
    """The member whose roles the merged event keeps: the most common reading, and among
    equals the one read from the longest sentence (a body sentence rather than a headline)."""
    votes = Counter((d.agents, d.targets) for d in group)
    return max(group, key=lambda d: (votes[(d.agents, d.targets)], len(_sentence(d.trig.token).text)))


def merge_drafts(drafts: list[Draft], affiliations=dict) -> list[list[Draft]]:
    groups: list[list[Draft]] = []
    for d in drafts:
        for g in groups:
            if all(_same_fact(x, d, affiliations) for x in g):
                g.append(d)
                break
        else:
            groups.append([d])
    return groups


# ---------------------------------------------------------------------------- records

def _mention(tok: Token) -> Mention:
    return Mention(tok.idx, tok.idx + len(tok.text), tok.text)


def _label(d: Draft) -> str:
    """A short description: "Turkey intensify talks with Russia", "not attack", "said"."""
    trig = d.trig
    words = [trig.token.text]
    if part := particle_of(trig.token):
        words.append(part)
    if trig.noun is not None:
        words.append(trig.noun.text)
    agent = d.agents[0].label if d.agents else ""
    target = ""
    if d.targets:
        target = d.targets[0].label
        spans = [(m.start, m.end) for m in d.targets[0].mentions]
        for head in [trig.token] + ([trig.noun] if trig.noun is not None else []):
            for prep in (c for c in head.children if c.dep_ == "prep"):
                sub = list(prep.subtree)
                if any(s < sub[-1].idx + len(sub[-1]) and sub[0].idx < e for s, e in spans):
                    target = f"{prep.text} {target}"
                    break
    neg = "not " if d.negated else ""
    return " ".join(w for w in (agent, neg + " ".join(words), target) if w)


def to_event(group: list[Draft], document: Document) -> Event:
    """One event from drafts that state the same fact; its key is the document and the offset of
    its first mention, so the same text gives the same keys on every run."""
    first = group[0]
    mentions = tuple(sorted({_mention(t) for d in group for t in d.mentions}, key=lambda m: m.start))
    dated = next((d for d in group if d.timex is not None), None)
    timex = dated.timex if dated else None
    begin, end = (timex_bounds(timex.value) or (None, None)) if timex else (None, None)
    # the most specific code; of equally specific ones, the first stated (never set order,
    # which changes with the hash seed from run to run)
    codes = sorted((d.trig.code for d in sorted(group, key=lambda d: d.mentions[0].i)), key=len, reverse=True)
    modality = next((d.modality for d in group if d.modality != "asserted"), "asserted") \
        if all(d.modality != "asserted" for d in group) else "asserted"
    places = tuple(unique(e.key for d in group for e in d.places))
    roles = _roles_of(group)
    sent = _sentence(first.trig.token)
    return Event(key=f"{document.id}/{mentions[0].start}", label=_label(roles), cameo=codes[0],
                 mentions=mentions, agents=tuple(e.key for e in roles.agents),
                 targets=tuple(e.key for e in roles.targets), places=places, timex=timex,
                 begin=begin, end=end, modality=modality,
                 negated=first.negated and not first.negation_coded,
                 sentence=sent)
