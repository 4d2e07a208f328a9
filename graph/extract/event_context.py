"""When, and how sure: the time expression, modality and polarity of event triggers.

- Time: a time expression belongs to the first trigger above it in the parse (so a date inside
  a reported clause dates that clause's event, not the report); one in a clause with no event
  dates the events of its "as/when/while" clauses; an event with none takes the date of the
  report it is the content of ("said Tuesday"); one in an "as/when/while" clause with no event
  dates the clause it modifies. Nothing is guessed from the publication date.
- Modality: asserted, planned ("will", "to", "plan to", "step up"), possible ("may", "possible
  talks"), claimed ("claimed", "alleged"), denied ("X denied ..."); negation from "not", "never",
  "no". The cue words are data (``resources/en/events/cues.tsv``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import TimeExpression
from .doc_cache import text_of
from .event_lexicon import EventLexicon
from .event_triggers import Trigger, particle_of

__all__ = ["clause_of", "assign_times", "modality_of", "is_negated", "report_of"]

_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "parataxis"}
_NOUN_MODIFIER_DEPS = {"poss", "compound", "amod", "nmod"}   # "last Friday's bombings"
_REPORT_DEPS = {"ccomp", "parataxis", "conj", "xcomp", "advcl"}
_SIMULTANEOUS = {"as", "when", "while"}
_AUX_DEPS = {"aux", "auxpass"}
_HEADLINE_DEPS = {"ROOT", "relcl", "acl"}
_GOVERNED_DEPS = {"xcomp", "ccomp", "acomp", "advcl", "pcomp", "pobj", "prep"}
_MODALITY_RANK = {"asserted": 0, "planned": 1, "possible": 2, "claimed": 3, "denied": 4}


def clause_of(trig: Trigger) -> Token:
    """The verb whose clause states the event: the trigger verb, or the verb a lone event noun
    is an argument of ("sit down for talks")."""
    tok = trig.token
    hops = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and hops < 6:
        tok = tok.head
        hops += 1
    return tok if tok.pos_ in ("VERB", "AUX") else trig.token


def _timex_root(doc: Doc, t: TimeExpression) -> Token | None:
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def assign_times(doc: Doc, triggers: list[Trigger], timexes, bounds) -> dict[int, TimeExpression]:
    """Trigger index (in ``triggers``) → its own time expression."""
    owner: dict[int, int] = {}
    own = {t.i for trig in triggers for t in (trig.token, trig.noun) if t is not None}
    for n, trig in enumerate(triggers):
        for tok in trig.tokens:
            owner.setdefault(tok.i, n)
    out: dict[int, TimeExpression] = {}
    for t in timexes:
        if bounds(t.value) is None or (root := _timex_root(doc, t)) is None:
            continue
        tok, hit = root, None
        while tok.head.i != tok.i:
            below, tok = tok, tok.head
            if tok.pos_ in ("NOUN", "PROPN") and below.dep_ in _NOUN_MODIFIER_DEPS and \
                    (tok.i not in owner or tok.i not in own):
                break                            # "probing last Friday's bombings": the bombings' time
            if tok.i in owner:
                hit = owner[tok.i]
                break
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS | {"ROOT"}:
                if _while_clause(tok) and not _simultaneous(tok, owner, triggers):
                    continue                     # "X said, as a warning came on Sunday": X's time
                for n in _simultaneous(tok, owner, triggers):
                    out.setdefault(n, t)
                break
        if hit is not None and not _line_break_between(doc, root, triggers[hit].token):
            out.setdefault(hit, t)
    return out


def _line_break_between(doc: Doc, a: Token, b: Token) -> bool:
    """A headline, dateline or caption line never dates the line below it."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" in text_of(doc)[lo:hi]


def _while_clause(verb: Token) -> bool:
    """An 'as/when/while' clause: it happens at the time of the clause it modifies."""
    return verb.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in _SIMULTANEOUS
                                        for m in verb.children)


def _simultaneous(verb: Token, owner: dict[int, int], triggers: list[Trigger]) -> list[int]:
    """The events a clause that states no event itself holds: its event nouns ("Asked about
    possible talks on Wednesday") and its 'as/when/while' clauses."""
    out = [n for n, trig in enumerate(triggers) if trig.token.pos_ == "NOUN" and
           clause_of(trig).i == verb.i][:1]
    for c in verb.children:
        if c.dep_ == "advcl" and c.i in owner and \
                any(m.dep_ == "mark" and m.lower_ in _SIMULTANEOUS for m in c.children):
            out.append(owner[c.i])
    return out


def report_of(trig: Trigger, by_token: dict[int, Trigger]) -> Trigger | None:
    """The statement event whose content this event is ("X will act, Y said"), if any."""
    tok = clause_of(trig)
    hops = 0
    while tok.dep_ in _REPORT_DEPS and hops < 3:
        tok = tok.head
        hops += 1
        host = by_token.get(tok.i)
        if host is not None:
            return host if host.root == "01" else None
    return None


def modality_of(trig: Trigger, lex: EventLexicon) -> str:
    """asserted, planned, possible, claimed or denied (the strongest cue wins)."""
    verb = clause_of(trig)
    found = ["asserted"]
    heads = [verb] + ([trig.token] if trig.token.i != verb.i else [])
    for h in heads:
        for c in h.children:
            if c.dep_ in _AUX_DEPS and (v := lex.cue(c.lower_, "modal")):
                if c.tag_ != "TO" or h.dep_ in _HEADLINE_DEPS:     # "Turkey to step up talks"
                    found.append(v)
    support = f"{verb.lemma_.lower()} {particle_of(verb)}".strip()
    if trig.noun is not None and (v := lex.cue(support, "support")):
        found.append(v)
    for noun in (trig.noun, trig.token if trig.token.pos_ == "NOUN" else None):
        if noun is not None and noun.dep_ == "pobj" and (v := lex.cue(noun.head.lower_, "goal_prep")):
            found.append(v)                      # "our efforts continue for a ceasefire"
        if noun is not None:
            for c in noun.children:
                if c.dep_ == "amod" and (v := lex.cue(c.lower_, "qualifier")):
                    found.append(v)
    tok, hops, reported = verb, 0, False
    if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.i < verb.i for c in verb.head.children):
        found.append("planned")                  # "persuade Syria to attack": Syria has not yet
    while tok.dep_ in _GOVERNED_DEPS and hops < 4:
        reported = reported or tok.dep_ == "ccomp"
        tok, hops = tok.head, hops + 1
        if not reported:                         # "would be to launch an invasion", "could ... by
            found.extend(v for c in tok.children  # attacking Jordan": the modal governs it too
                         if c.dep_ in _AUX_DEPS and c.tag_ == "MD" and (v := lex.cue(c.lower_, "modal")))
            if lex.cue(tok.lemma_.lower(), "ability") is not None:
                found.append("possible")         # "capable of deploying 300,000 troops"
        cue = next((v for kind in ("deny", "claim", "intent")
                    if (v := lex.cue(tok.lemma_.lower(), kind)) is not None), None)
        if cue is not None:
            found.append(cue)
            break
    return max(found, key=_MODALITY_RANK.__getitem__)


def is_negated(trig: Trigger, lex: EventLexicon) -> bool:
    neg = lex.cue_words("negation")
    verb = clause_of(trig)
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if any(c.dep_ in ("preconj", "det") and c.lower_ in ("neither", "no") for c in subj.children):
            return True                          # "Neither Blair nor Brown would say"
    for h in {verb, trig.token, trig.noun} - {None}:
        for c in h.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in neg) or \
                    (c.dep_ in ("advmod", "neg") and c.lower_ in neg):
                return True
    return False
