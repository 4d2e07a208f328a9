"""Discourse: what ties the events of several clauses and sentences together.

- One statement told over several sentences is one speech act: a report whose speaker is only
  a pronoun ("..., he said") or that only adds to what was said ("he added", "added Kim")
  continues the statement of the sentence before it when that sentence reports the same
  speaker: the quote goes on, the speech act is the one already counted. Its mention joins
  that statement's event; what the quote reports stays an event of its own.
- A reported "must"/"should be done" is a demand (CAMEO 10) even with no event word in it.
- Who claims responsibility (CAMEO 015) for an attack is its agent.
- The writer's own conjectures ("could backfire") are no events.
- Persons and the bodies the text affiliates them with (for merging one fact stated twice).

>>> from graph.model import Entity, Mention
>>> from graph.nlp import load_nlp
>>> from graph.extract.events import find_events
>>> from graph.model import Document
>>> text = '"We will act," Ban Ki-moon said. "We are ready," he added.'
>>> ban = Entity("P/b", "Ban Ki-moon", "Person", mentions=(Mention(15, 26, "Ban Ki-moon"),))
>>> evs = find_events(load_nlp()(text), Document("d", text), (ban,), ())
>>> [[m.text for m in e.mentions] for e in evs if e.cameo.startswith("01")]
[['said', 'added']]
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .event_context import clause_of, report_of
from .event_lexicon import EventLexicon
from .doc_cache import sentence_of
from .event_records import Draft

__all__ = ["affiliations_of", "continue_statements", "credit_claims", "read_demands", "speculative"]

_STATEMENT_ROOT = "01"
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_REPORTED_DEPS = {"ccomp", "parataxis"}
_VIOLENT_ROOTS = {"18", "19", "20"}
_CLAIM_OF_RESPONSIBILITY = "015"
#: "should" also forecasts ("investment should continue to grow"); with no event in its clause
#: it makes a demand only in the passive ("an assessment should be made").
_EPISTEMIC_TOO = {"should"}


def _continues(d: Draft, lex: EventLexicon) -> bool:
    """'he said', 'it said', 'he added', 'added Kim': a report that adds no new speaker."""
    verb = d.trig.token
    if d.trig.root != _STATEMENT_ROOT or d.negated or not d.agents or verb.pos_ not in ("VERB", "AUX"):
        return False
    if lex.cue(verb.lemma_.lower(), "continuing") is not None:
        return True
    pronouns = lex.cue_words("continuing_subject")
    return any(c.dep_ in _SUBJECT_DEPS and c.lower_ in pronouns for c in verb.children)


def _previous_sentence_start(tok: Token) -> int | None:
    sent = sentence_of(tok)
    return sentence_of(tok.doc[sent.start - 1]).start if sent.start > 0 else None


def continue_statements(drafts: list[Draft], report_tokens: set[int], lex: EventLexicon) -> list[Draft]:
    """Fold each continuing report into the statement of the same speaker in the sentence
    before it (``report_tokens``: the tokens of report verbs)."""
    out: list[Draft] = []
    by_sentence: dict[int, list[Draft]] = {}
    for d in sorted(drafts, key=lambda d: d.mentions[0].i):
        host = None
        if _continues(d, lex) and (prev := _previous_sentence_start(d.trig.token)) is not None:
            host = next((p for p in by_sentence.get(prev, ()) if set(p.agents) == set(d.agents)), None)
        if host is not None:
            host.mentions.extend(d.mentions)
            if host.timex is None:
                host.timex = d.timex
        else:
            out.append(d)
            host = d
        if any(m.i in report_tokens for m in d.mentions):
            by_sentence.setdefault(sentence_of(d.trig.token).start, []).append(host)
    return out


def read_demands(drafts: list[Draft], by_token: dict, lex: EventLexicon) -> None:
    """'X told Yonhap that food aid must be realized': a statement whose reported clause says
    what must happen, or should be done, is a demand (CAMEO 10), even where that clause names no
    event of its own (a clause that does is read with its event, in ``events._read_reports``)."""
    for d in drafts:
        verb = d.trig.token
        if d.trig.root != _STATEMENT_ROOT or d.lexical_root != _STATEMENT_ROOT:
            continue
        for clause in verb.children:
            if clause.dep_ not in _REPORTED_DEPS or clause.pos_ not in ("VERB", "AUX") or \
                    clause.i in by_token:
                continue
            passive = any(a.dep_ == "auxpass" for a in clause.children)
            code = next((c for a in clause.children if a.dep_ == "aux" and (c := lex.cue(a.lower_, "deontic"))
                         and (passive or a.lower_ not in _EPISTEMIC_TOO)), None)
            if code is not None and not any(a.dep_ == "neg" for a in clause.children):
                d.trig.code = code
                break


def affiliations_of(doc: Doc, entities, relations):
    """A function giving person key → keys of the bodies the text affiliates them with."""
    cache: dict[str, dict[str, set[str]]] = {}

    def get() -> dict[str, set[str]]:
        if "aff" not in cache:
            rels = relations
            if rels is None:
                from .relations import find_relations
                rels = find_relations(doc, entities)
            aff: dict[str, set[str]] = {}
            for r in rels:
                if r.predicate == "affiliation":
                    aff.setdefault(r.subject, set()).add(r.obj)
            cache["aff"] = aff
        return cache["aff"]
    return get



def speculative(d: Draft, by_token: dict, lex: EventLexicon) -> bool:
    """What the writer only says may happen ("a cessation of attacks could backfire", "which the
    Palestinians hope might ease sanctions"): a clause with a modal of possibility that no one is
    reported to have said. CAMEO codes what actors do or say, not the writer's conjectures."""
    verb = clause_of(d.trig)
    if not any(c.dep_ == "aux" and lex.cue(c.lower_, "modal") == "possible" for c in verb.children):
        return False
    return report_of(d.trig, by_token) is None and verb.dep_ not in _REPORTED_DEPS


def credit_claims(drafts: list[Draft]) -> None:
    """'Rockets hit Israel. Hamas claimed responsibility.': who claims an attack is its agent,
    where the attack, in that sentence or the one before, has none."""
    for claim in drafts:
        if claim.trig.code != _CLAIM_OF_RESPONSIBILITY or not claim.agents:
            continue
        sent = sentence_of(claim.trig.token)
        prev = _previous_sentence_start(claim.trig.token)
        for d in reversed([d for d in drafts if d.mentions[0].i < claim.trig.token.i]):
            start = sentence_of(d.trig.token).start
            if start != sent.start and start != prev:
                break
            if d.trig.root in _VIOLENT_ROOTS and not d.agents:
                d.agents = claim.agents
                break
