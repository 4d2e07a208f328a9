"""Events: who did what to whom, where and when, coded in CAMEO.

``find_events`` reads the triggers of a parsed document (``event_triggers``), fills their roles
from the parse and the entities (``event_actors``), dates them and weighs their modality
(``event_context``), and merges the same fact stated twice (headline and body) into one event
with both mentions.

- agent: the subject (the ``by`` phrase of a passive; ``from``/possessive/demonym of an event
  noun); target: an actor object ("talks with Russia", "appeal to the regime", a direct object);
  place: a Place in a locative phrase of the clause or the noun ("in Aleppo");
- reported speech: "X said ..." is a statement (CAMEO 01) by X, and what X reports is an event
  of its own, dated by its own time expression or else by the report's;
- first-person pronouns in a report stand for the speaker;
- "..., he said" / "he added" after a statement of the same speaker goes on with it, and one
  fact stated by a person and by the body they speak for is one event (``event_discourse``);
- no event: a consultation (CAMEO 04) without a counterpart, a conjecture of the writer ("could
  backfire"), a gerund naming a topic ("talks on restricting exports").

>>> import datetime as dt
>>> from graph.model import Document, Entity, Mention
>>> from graph.nlp import load_nlp
>>> text = "Turkey will intensify talks with Russia, Cavusoglu said."
>>> ents = (Entity("Q43", "Turkey", "Place", "Country", mentions=(Mention(0, 6, "Turkey"),)),
...         Entity("Q159", "Russia", "Place", "Country", mentions=(Mention(33, 39, "Russia"),)),
...         Entity("P/c", "Cavusoglu", "Person", mentions=(Mention(41, 50, "Cavusoglu"),)))
>>> evs = find_events(load_nlp()(text), Document("d", text), ents, ())
>>> [(e.cameo, e.agents, e.targets, e.modality) for e in evs]
[('036', ('Q43',), ('Q159',), 'planned'), ('010', ('P/c',), (), 'asserted')]
"""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..model import Document, Entity, Event, TimeExpression
from .event_actors import ActorIndex, patient_nouns
from .event_discourse import affiliations_of, continue_statements, credit_claims, read_demands, speculative
from .event_context import assign_times, clause_of, is_negated, modality_of, report_of
from .event_filters import has_counterpart, has_object, has_participants, is_informative
from .event_lexicon import EventLexicon, event_lexicon
from .doc_cache import sentence_of, text_of
from .event_records import Draft, merge_drafts, to_event, unique
from .event_triggers import Trigger, find_triggers
from .timexes import timex_bounds

__all__ = ["find_events", "EventExtractor", "make_event_extractor"]

_SUBJECT_DEPS = {"nsubj", "csubj"}
_PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
_OBJECT_DEPS = {"dobj", "dative", "iobj"}
_INHERIT_DEPS = {"xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "dobj", "acl", "acomp"}
_NOUN_AGENT_DEPS = {"poss", "amod", "compound"}
_STATEMENT_ROOT = "01"
_STATEMENT = "010"
_REPORTED_DEPS = {"ccomp", "parataxis"}
_ACTOR_PLACES = {"Country"}
_SPEAKING_PRONOUNS = {"he", "she"}
_SPEECH_ACT_ROOTS = {"02", "10", "11", "12", "13"}
_INTENT_ROOT = "03"
_CONSULT_ROOT = "04"
_THREAT_ROOT = "13"
_VIOLENT_ROOTS = {"17", "18", "19", "20"}
_MEET_INTENT = "036"
_SHARED = "shared"                                 # "talks between X and Y": X is the agent


def find_events(doc: Doc, document: Document, entities: tuple[Entity, ...],
                timexes: tuple[TimeExpression, ...], relations=None) -> list[Event]:
    """The events stated in ``doc``, in order of their first mention. ``relations`` (those of
    ``graph.extract.relations.find_relations``) tie persons to their bodies; where they are not
    given, they are read from the text, and only if two drafts need them."""
    lex = event_lexicon()
    triggers = find_triggers(doc, lex)
    by_token = {tok.i: t for t in triggers for tok in [t.token] + ([t.noun] if t.noun else [])}
    by_trigger = _draft_all(triggers, by_token, ActorIndex(doc, entities), lex)
    drafts = [by_trigger[id(t)] for t in triggers
              if has_participants(by_trigger[id(t)]) and has_object(by_trigger[id(t)], lex)]
    times = assign_times(doc, [d.trig for d in drafts], timexes, timex_bounds)
    for n, d in enumerate(drafts):
        d.timex = times.get(n)
    drafts = [d for d in drafts if is_informative(d)]
    all_times = assign_times(doc, triggers, timexes, timex_bounds)     # reports without actors
    report_times = {id(t): all_times.get(n) for n, t in enumerate(triggers)}
    drafts = _read_reports(doc, drafts, triggers, by_token, by_trigger, report_times, lex)
    drafts = [d for d in drafts if has_counterpart(d) and not speculative(d, by_token, lex)]
    credit_claims(drafts)
    read_demands(drafts, by_token, lex)
    report_tokens = {t.token.i for t in triggers if by_trigger[id(t)].lexical_root == _STATEMENT_ROOT}
    drafts = continue_statements(drafts, report_tokens, lex)
    for d in drafts:
        if d.timex is None and d.trig.root == _STATEMENT_ROOT:
            d.timex = _speech_time(d, timexes, lex)
    drafts.sort(key=lambda d: d.mentions[0].i)
    return [to_event(g, document) for g in merge_drafts(drafts, affiliations_of(doc, entities, relations))]


def _draft_all(triggers: list[Trigger], by_token, idx: ActorIndex, lex: EventLexicon) -> dict:
    """A draft for every trigger (statements first, so that quotes know their speaker):
    roles, places, modality, polarity, and the code they make."""
    speakers: dict[int, tuple[Entity, ...]] = {}
    person_speakers: dict[int, Entity] = {}
    by_trigger: dict[int, Draft] = {}
    for trig in sorted(triggers, key=lambda t: t.root != _STATEMENT_ROOT):
        speaker = _speaker(trig, by_token, by_trigger, speakers)
        d = Draft(trig, [trig.token] + ([trig.noun] if trig.noun is not None else []))
        d.agents, d.targets = _roles(trig, idx, lex, speaker)
        if trig.root == _STATEMENT_ROOT:
            _said_by_last_speaker(d, idx, person_speakers)
            if d.agents:
                speakers[sentence_of(trig.token).start] = d.agents
        if (trig.root == _CONSULT_ROOT or trig.code == _MEET_INTENT) and len(d.agents) > 1 and not d.targets:
            d.agents, d.targets = d.agents[:1], d.agents[1:]   # "X and Y officials met": each other
        d.places = _places(trig, idx, lex)
        if trig.bare and not d.targets and lex.cue(trig.token.lemma_.lower(), "says") is not None and \
                any(c.dep_ in _REPORTED_DEPS for c in trig.token.children):
            trig.code = _STATEMENT       # "officials claim they see signs": what they say
        d.modality, d.negated = modality_of(trig, lex), is_negated(trig, lex)
        d.lexical_root = trig.root
        recoded = lex.recode(trig.code, d.modality, d.negated)
        d.negation_coded = d.negated and recoded != trig.code     # a rejection happened: not negated
        trig.code = recoded
        by_trigger[id(trig)] = d
    return by_trigger


def _read_reports(doc: Doc, drafts: list[Draft], triggers, by_token, by_trigger, report_times,
                  lex: EventLexicon) -> list[Draft]:
    """Date reported events by their report, and fold what is one speech act into one event:
    a statement inside a statement, a demand ("X said China should join"), and the speaker's
    own appeal, threat or intent ("'we appeal to the parties,' said X")."""
    folded: set[int] = set()
    reports = [t for t in triggers if t.root == _STATEMENT_ROOT]
    for d in drafts:
        rep = report_of(d.trig, by_token)
        if rep is None or "\n" in text_of(doc)[_span_chars(rep.token, d.trig.token)]:
            rep = _report_on_line(d.trig, reports)
            if rep is not None and d.timex is None:
                d.timex = by_trigger[id(rep)].timex or report_times.get(id(rep))
            continue
        said = by_trigger[id(rep)]
        if d.timex is None:
            d.timex = said.timex or report_times.get(id(rep))
        clause = clause_of(d.trig)
        if clause.dep_ not in _REPORTED_DEPS or clause.head.i != rep.token.i:
            continue
        if said.trig.root == _STATEMENT_ROOT and (code := _deontic(clause, lex)):
            said.trig.code = code        # "X said China should join the talks": X demands it
            said.targets = tuple(unique(list(said.targets) + list(d.agents)))
            folded.add(id(d))
            said.mentions.append(d.trig.token)
        elif d.trig.root == _STATEMENT_ROOT:
            folded.add(id(d))            # "Ban said the UN underlines ...": one statement
            said.mentions.append(d.trig.token)
        elif d.agents and set(d.agents) <= set(said.agents) and _speech_act(d):
            folded.add(id(said))         # "we appeal to the parties," said X: X's appeal
            d.mentions.append(rep.token)
    return [d for d in drafts if id(d) not in folded]


# ---------------------------------------------------------------------------- roles

def _speaker(trig: Trigger, by_token, by_trigger, speakers) -> tuple[Entity, ...]:
    """Who speaks in the trigger's sentence: the agent of the report it belongs to."""
    rep = report_of(trig, by_token)
    if rep is not None and id(rep) in by_trigger:
        return by_trigger[id(rep)].agents
    return speakers.get(sentence_of(trig.token).start, ())


def _roles(trig: Trigger, idx: ActorIndex, lex: EventLexicon,
           speaker: tuple[Entity, ...]) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    agents: list[Entity] = []
    targets: list[Entity] = []
    target_preps = lex.cue_words("target_prep")
    agent_preps = lex.cue_words("agent_prep")
    verb = trig.token if trig.token.pos_ in ("VERB", "AUX") else None
    if verb is not None:
        undergo = lex.cue(verb.lemma_.lower(), "undergo") is not None
        _verb_roles(verb, idx, speaker, agents, targets, target_preps,
                    quoting=lex.cue(verb.lemma_.lower(), "quoting") is not None,
                    violent=trig.root in _VIOLENT_ROOTS, subject_undergoes=undergo)
        if trig.content is not None and not targets:    # "wants to destroy the army": whom it threatens
            _verb_roles(trig.content, idx, speaker, [], targets, target_preps,
                        violent=trig.root == _THREAT_ROOT)
        if undergo:
            agents, targets = [], agents + targets   # "the ambassador died": who dies is no agent
    for noun in [t for t in (trig.noun, trig.token if verb is None else None) if t is not None]:
        for c in noun.children:
            if c.dep_ in _NOUN_AGENT_DEPS:
                found = idx.actors(c, speaker)
                if found and c.dep_ in ("poss", "compound") and noun.lemma_.lower() in patient_nouns():
                    targets.extend(found)             # "Rabin's murder": Rabin undergoes it
                elif found and c.dep_ == "compound" and (agents or verb is not None):
                    targets.extend(found)
                elif found and not agents:
                    agents.extend(found)
            elif c.dep_ == "prep" and c.lower_ == "of" and noun.lemma_.lower() in patient_nouns():
                targets.extend(_pobj_actors(c, idx, speaker))    # "the killing of Dr. Slepian"
            elif c.dep_ == "prep" and c.lower_ in agent_preps and not agents:
                agents.extend(_pobj_actors(c, idx, speaker))
            elif c.dep_ == "prep" and c.lower_ in target_preps:
                found = _pobj_actors(c, idx, speaker)
                if lex.cue(c.lower_, "target_prep") == _SHARED and not agents and found:
                    agents.append(found[0])
                    found = found[1:]
                targets.extend(found)
        if not agents and verb is None and not (noun.dep_ == "pobj" and
                                                lex.cue(noun.head.lower_, "adjunct_prep") is not None):
            inherited = _inherited_subject(noun, idx, speaker)  # not "before the killing, Schumer ..."
            if lex.cue(noun.head.lemma_.lower(), "receives") is not None:
                targets.extend(inherited)        # "the FBI received threats": the FBI is threatened
            else:
                agents.extend(inherited)
    agents = unique(agents)
    targets = [t for t in unique(targets) if t not in agents]
    return tuple(agents), tuple(targets)


def _verb_roles(verb: Token, idx, speaker, agents: list, targets: list, target_preps,
                quoting: bool = False, violent: bool = False, subject_undergoes: bool = False) -> None:
    """Agents and targets from a verb's arguments. Who undergoes violence or coercion
    (``violent``), or a verb that happens to its subject (``subject_undergoes``, "died"), may be
    the people of a country ("three US servicemen were killed"), not only those acting for it."""
    passive = any(c.dep_ in _PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)
    for c in verb.children:
        if c.dep_ in _SUBJECT_DEPS:
            agents.extend(idx.actors(c, speaker, undergoer=subject_undergoes))
        elif c.dep_ in _PASSIVE_SUBJECT_DEPS:
            targets.extend(idx.actors(c, speaker, undergoer=violent))
        elif c.dep_ == "dative" and c.pos_ == "ADP":
            targets.extend(_pobj_actors(c, idx, speaker))    # "gave weapons to Syria"
        elif c.dep_ in _OBJECT_DEPS and not passive:
            targets.extend(idx.actors(c, speaker, undergoer=violent))
        elif c.dep_ == "agent":
            agents.extend(_pobj_actors(c, idx, speaker))
        elif c.dep_ == "prep" and c.lower_ in target_preps:
            targets.extend(_pobj_actors(c, idx, speaker))
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        targets.extend(idx.actors(verb.head, speaker, undergoer=violent))
    if quoting and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children) and targets:
        agents[:], targets[:] = targets[:], agents[:]       # "Yonhap quoted Han as saying ..."
    has_subject = any(c.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS for c in verb.children)
    if not has_subject and not passive and verb.dep_ in ("relcl", "acl") and verb.tag_ != "VBN":
        agents.extend(idx.actors(verb.head, speaker))     # headline: "Turkey to step up talks"
    elif not has_subject and not passive:
        agents.extend(_inherited_subject(verb, idx, speaker))
    elif not has_subject and verb.dep_ == "xcomp":          # "Aleppo continues to be bombed"
        targets.extend(e for s in verb.head.children if s.dep_ in _SUBJECT_DEPS
                       for e in idx.actors(s, speaker, undergoer=violent))


def _said_by_last_speaker(d: Draft, idx: ActorIndex, person_speakers: dict[int, Entity]) -> None:
    """'"...," he said': he is the last person who spoke, not the last person named (who may
    be named inside the quote)."""
    verb = d.trig.token
    subj = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subj is not None and subj.lower_ in _SPEAKING_PRONOUNS:
        if (who := idx.last_speaker(verb, person_speakers, subj)) is not None:
            d.agents = (who,)
    if d.agents and d.agents[0].type == "Person":
        person_speakers[verb.i] = d.agents[0]


def _pobj_actors(prep: Token, idx: ActorIndex, speaker) -> list[Entity]:
    out = []
    for p in prep.children:
        if p.dep_ == "pobj":
            out.extend(idx.actors(p, speaker))
    return out


def _inherited_subject(tok: Token, idx: ActorIndex, speaker) -> list[Entity]:
    """The subject of the clause above ("wanted to take part", "Asked about talks, X said"); for
    an infinitive after an object, that object ("persuade Syria to attack Israel": Syria)."""
    hops = 0
    while tok.dep_ in _INHERIT_DEPS and hops < 6:
        below, tok = tok, tok.head
        hops += 1
        if tok.pos_ in ("NOUN", "PROPN") and below.dep_ == "prep":
            return []                            # "denied responsibility for the attack": not Iraq's attack
        if below.dep_ == "xcomp" and tok.pos_ == "VERB" and \
                (obj := [c for c in tok.children if c.dep_ == "dobj" and c.i < below.i]):
            return [e for o in obj for e in idx.actors(o, speaker)]
        if tok.pos_ in ("VERB", "AUX"):
            subj = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS and c.lower_ != "it"]
            if not subj and tok.tag_ == "VBN":               # "Bush is scheduled to visit"
                subj = [c for c in tok.children if c.dep_ in _PASSIVE_SUBJECT_DEPS]
            if subj:
                return [e for s in subj for e in idx.actors(s, speaker)]
    return []


def _places(trig: Trigger, idx: ActorIndex, lex: EventLexicon) -> tuple[Entity, ...]:
    place_preps = lex.cue_words("place_prep")
    out: list[Entity] = []
    heads = [clause_of(trig)] + trig.tokens
    heads += _undergoers(trig) + [p for h in heads for c in h.children if c.dep_ == "prep"
                                  and c.lower_ not in place_preps for p in c.children if p.dep_ == "pobj"]
    for tok in _undergoers(trig):                # "shelled Aleppo", "Aleppo was bombed"
        if (ent := idx.entity_at(tok)) is not None and ent.type == "Place" and \
                ent.subtype not in _ACTOR_PLACES:
            out.append(ent)
    for h in unique(heads):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in place_preps:
                for p in c.children:
                    if p.dep_ == "pobj" and (ent := idx.place(p)) is not None:
                        out.append(ent)
            elif c.dep_ == "compound" and h.pos_ == "NOUN" and (ent := idx.entity_at(c)) is not None \
                    and ent.type == "Place" and ent.subtype != "Country":
                out.append(ent)
    return tuple(unique(out))


def _span_chars(a: Token, b: Token) -> slice:
    lo, hi = sorted((a.idx, b.idx))
    return slice(lo, hi)


def _report_on_line(trig: Trigger, reports: list[Trigger]) -> Trigger | None:
    """Where the parser ran a headline or caption into the next line, the tree no longer links
    "Turkey will intensify talks ..., Cavusoglu said Tuesday": take the report that closes the
    event's line after a comma."""
    tok, text = trig.token, text_of(trig.token.doc)
    sent = sentence_of(tok)
    if "\n" not in sent.text:
        return None
    after = [r for r in reports if sent.start <= r.token.i < sent.end and r.token.i > tok.i]
    for r in sorted(after, key=lambda r: r.token.i):
        between = text[tok.idx:r.token.idx]
        return r if "\n" not in between and "," in between else None
    return None


def _deontic(verb: Token, lex: EventLexicon) -> str | None:
    """The demand code a reported clause makes with "should" or "must", if it does."""
    return next((code for c in verb.children if c.dep_ == "aux"
                 and (code := lex.cue(c.lower_, "deontic"))), None)


def _speech_time(d: Draft, timexes, lex: EventLexicon) -> TimeExpression | None:
    """'"Today ... we will act," he said': a deictic "today" in the quote dates the saying."""
    sent = sentence_of(d.trig.token)
    words = lex.cue_words("speech_time")
    return next((t for t in timexes if sent.start_char <= t.start < sent.end_char
                 and t.text.lower() in words and timex_bounds(t.value)), None)


def _speech_act(d: Draft) -> bool:
    """Whether an event the speaker reports of themselves is what their words do: an appeal,
    demand, criticism, rejection, threat or a stated intent ("it wanted to take part")."""
    return d.trig.root in _SPEECH_ACT_ROOTS or d.lexical_root == _INTENT_ROOT


def _undergoers(trig: Trigger) -> list[Token]:
    """The direct object, passive subject, or (for "X continues to be bombed") raised subject."""
    verb = trig.token
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    out = [c for c in verb.children if c.dep_ in _OBJECT_DEPS | _PASSIVE_SUBJECT_DEPS]
    if verb.dep_ == "xcomp" and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        out += [c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS]
    return out


# ---------------------------------------------------------------------------- spaCy

for _name in ("entities", "timexes", "dct", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _as_date(v) -> dt.date | None:
    if v is None or (isinstance(v, dt.date) and not isinstance(v, dt.datetime)):
        return v
    if isinstance(v, dt.datetime):
        return v.date()
    return dt.date.fromisoformat(str(v)[:10])


class EventExtractor:
    """Pipeline component: reads ``doc._.entities``, ``doc._.timexes`` and ``doc._.dct``,
    writes ``doc._.events``; it only wraps :func:`find_events`."""

    def __init__(self, nlp: Language, name: str = "newsgraph_events"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        dct = _as_date(doc._.dct)
        document = Document(id=self.name, text=doc.text, published=dct)
        doc._.events = find_events(doc, document, tuple(doc._.entities or ()),
                                   tuple(doc._.timexes or ()))
        return doc


@Language.factory("newsgraph_events", assigns=["doc._.events"])
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp, name)
