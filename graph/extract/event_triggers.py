"""Event triggers: the verbs and nouns that state an event, and their CAMEO codes.

A verb is coded by the most specific entry of the lexicon that fits its own phrase: a pattern on
its direct object ("take the city" → 192), on a prepositional phrase ("call for a ceasefire" →
020), a phrasal verb ("call off" → 160), then the verb alone ("say" → 010). An event noun
("talks", "ceasefire", "killings") is coded by the noun lexicon. Then:

- a support verb and its event noun are one event ("carry out killings", "step up talks": the noun
  gives the code, the verb the clause);
- a trigger that is only an argument of another one ("called for an immediate ceasefire", "talks
  for a ceasefire", "said in a statement") or the content of an appeal, demand, offer or threat
  ("urged all sides to spare civilians") is absorbed: it describes that event.

>>> from graph.nlp import load_nlp
>>> doc = load_nlp()("Kurtulmus called for an immediate ceasefire.")
>>> [(t.token.text, t.code, [a.text for a in t.absorbed]) for t in find_triggers(doc)]
[('called', '0256', ['ceasefire'])]
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .event_lexicon import NO_EVENT, EventLexicon, event_lexicon

__all__ = ["Trigger", "find_triggers", "particle_of"]

#: Dependencies through which a word stays a nominal argument of the word above it.
_NOMINAL_DEPS = {"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "compound", "appos", "nmod",
                 "poss", "npadvmod", "pcomp", "agent", "dative", "oprd", "conj", "cc", "amod"}
#: Dependencies of a clause that holds what an appeal, demand or offer asks for.
_CONTENT_DEPS = {"xcomp", "ccomp", "advcl"}
_OBJECT_DEPS = {"dobj", "nsubjpass"}
_REPORT_ROOT = "01"
_INTENT_ROOT = "03"
_THREAT_ROOT = "13"
_REJECT_ROOT = "12"
_FORCE_ROOTS = {"18", "19", "20"}
_MATERIAL_ROOTS = {"05", "06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20"}
_CRITICISM = "111"
_AIM_PREPS = {"on", "at", "against", "over"}
_DECLINE_COMMENT = "011"
_VERB_TAGS = {"VERB"}
_PURPOSE_MARKS = {"so"}
_SUBJECT_OR_AUX = {"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "expl"}


@dataclass(eq=False)
class Trigger:
    """One event trigger: ``token`` heads the clause (the verb, or the noun when alone)."""

    token: Token
    code: str
    noun: Token | None = None                    # the event noun of a support construction
    absorbed: list[Token] = field(default_factory=list)
    bare: bool = False                           # coded by the verb alone, no pattern matched
    content: Token | None = None                 # the act an appeal, threat or intent is about

    @property
    def tokens(self) -> list[Token]:
        return [self.token] + ([self.noun] if self.noun is not None else []) + self.absorbed

    @property
    def root(self) -> str:
        return self.code[:2]


def particle_of(tok: Token, lex: EventLexicon | None = None) -> str:
    """The verb's particle ("step up"); with a lexicon, also an adverb right after the verb that
    makes a listed phrasal verb ("pushed in")."""
    part = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    if not part and lex is not None:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.head.i == tok.i and nxt.dep_ == "advmod" and \
                lex.has_phrasal(_lemma(tok), nxt.lower_):
            part = nxt.lower_
    return part


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _verb_code(tok: Token, lex: EventLexicon) -> tuple[str | None, bool]:
    """The verb's code, and whether it is the bare verb's (no object, preposition or particle
    pattern matched)."""
    lemma, part = _lemma(tok), particle_of(tok, lex)
    objects = [c for c in tok.children if c.dep_ in ("dobj", "acomp", "oprd")]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        objects.append(tok.head)                 # "neighbourhoods captured on Monday"
    parts = (part, "") if part else ("",)
    for p in parts:
        for obj in objects:
            for form in (_lemma(obj), obj.lower_):
                if (c := lex.pattern_code(lemma, p, "", form)) is not None:
                    return c, False
    for p in parts:
        for prep in (c for c in tok.children if c.dep_ in ("prep", "agent")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for form in (_lemma(pobj), pobj.lower_):
                    if (c := lex.pattern_code(lemma, p, prep.lower_, form)) is not None:
                        return c, False
            if (c := lex.pattern_code(lemma, p, prep.lower_, "")) is not None:
                return c, False
    if part and lex.has_phrasal(lemma, part):
        return lex.code(lemma, part, "VERB"), False
    for p in parts:
        if (c := lex.pattern_code(lemma, p, "", "")) is not None:
            return c, False
    if any(c.dep_ == "oprd" for c in tok.children):
        return NO_EVENT, True                    # "calling Rabin a traitor": a naming, not an act
    return lex.code(lemma, "", "VERB"), True


def _noun_code(tok: Token, lex: EventLexicon) -> str | None:
    if tok.dep_ == "compound":
        return None                              # "aid convoy", "attack warning"
    return lex.code(_lemma(tok), "", "NOUN")


def _support_key(verb: Token) -> str:
    part = particle_of(verb)
    return f"{_lemma(verb)} {part}" if part else _lemma(verb)


def find_triggers(doc: Doc, lex: EventLexicon | None = None) -> list[Trigger]:
    """The event triggers of ``doc`` in text order, support constructions joined and arguments
    of other triggers absorbed."""
    lex = lex or event_lexicon()
    support = lex.cue_words("support")
    found: dict[int, Trigger] = {}
    for tok in doc:
        code, bare = None, False
        if tok.pos_ in _VERB_TAGS:
            code, bare = _verb_code(tok, lex)
        elif tok.pos_ == "NOUN":
            code = _noun_code(tok, lex)
        if bare and code and code[:2] == _REJECT_ROOT and _declines_comment(tok, lex):
            code = _DECLINE_COMMENT
        if code and code[:2] in _FORCE_ROOTS and _struggles(tok):
            code = NO_EVENT                      # "fought to keep the boy": an effort, not force
        if code and code != NO_EVENT and not _backgrounded(tok) and not _hypothetical(tok, lex) \
                and not _frame(tok, code, lex) and not _topic(tok, lex):
            found[tok.i] = Trigger(tok, code, bare=bare)
    # support verbs: "carry out killings", "step up talks", "held a meeting"
    for i, trig in list(found.items()):
        tok = trig.token
        if tok.pos_ != "NOUN" or tok.dep_ not in _OBJECT_DEPS:
            continue
        verb = tok.head
        if verb.pos_ in ("VERB", "AUX") and _support_key(verb) in support:
            own = found.pop(verb.i, None)
            code = own.code if own is not None and own.root == trig.root else trig.code
            found.pop(i)
            found[verb.i] = Trigger(verb, code, noun=tok)
    # "a ceasefire went into effect", "talks collapsed": the noun is the event, not the verb
    for i, trig in list(found.items()):
        verb = trig.token.head
        if trig.token.pos_ == "NOUN" and trig.token.dep_ == "nsubj" and verb.i in found and \
                trig.noun is None and not any(c.dep_ in _OBJECT_DEPS for c in verb.children):
            found.pop(verb.i)
    # force used on words, plans or policies is criticism: "an attack on the spending plans"
    for trig in found.values():
        if trig.root in _FORCE_ROOTS and _on_words(trig, lex):
            trig.code, trig.bare = _CRITICISM, False
    # absorption of arguments and of the content of appeals
    asks = lex.cue_words("asks")
    owner: dict[int, int] = {}
    for i, trig in sorted(found.items()):
        host = _same_act(trig, found)
        if host is None:
            host = _host(trig, found, asks)
        if host is not None:
            owner[i] = host
    for i, host in sorted(owner.items()):
        while host in owner:
            host = owner[host]
        h, content = found[host], found[i]
        infinitive = content.token.dep_ == "xcomp" and content.token.head.i == host and h.token.pos_ in _VERB_TAGS
        if h.root == _INTENT_ROOT and h.bare and not h.absorbed and infinitive and \
                not (content.bare and lex.cue(_lemma(content.token), "dyadic") is not None):
            h.code = _intended(h.code, content.code, lex)
        if infinitive and h.root in asks and h.content is None:
            h.content = content.token            # "threatened to attack Israel": whom it is aimed at
        h.absorbed.append(content.token)
        if content.noun is not None:
            h.absorbed.append(content.noun)
    # a material act something is done for is not done: "sent warships to block Iraqi exports",
    # "laws to kick out the squatters"; words are ("attended a conference to urge restraint"), and
    # one of the same kind is part of the act ("met to discuss")
    return [t for i, t in sorted(found.items())
            if i not in owner and not (t.root in _MATERIAL_ROOTS and _purpose(t.token))]


def _purpose(tok: Token) -> bool:
    """An infinitive of purpose: an adverbial clause "to ..." with no subject of its own, or one
    conjoined to such a clause."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.pos_ in _VERB_TAGS:
        tok = tok.head
    return tok.pos_ in _VERB_TAGS and tok.dep_ == "advcl" and \
        any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _struggles(tok: Token) -> bool:
    """A verb of force with an infinitive of purpose: "fought to keep the boy", "battling to save
    his job" is an effort; the infinitive, if it is an act, is the event."""
    return tok.pos_ in _VERB_TAGS and not any(c.dep_ == "dobj" for c in tok.children) and any(
        c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        for c in tok.children)                   # not "bombed Serbian positions to protect civilians"


def _on_words(trig: Trigger, lex: EventLexicon) -> bool:
    """Whether an act of force is aimed at words, plans or policies ("hit back at the proposals",
    "clashed with Brown over tax", "launched an attack on the plans")."""
    for head in (trig.token, trig.noun):
        if head is None:
            continue
        objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]   # "the plans were attacked"
        if head.dep_ == "acl" and head.tag_ in ("VBG", "VBN"):
            objects.append(head.head)            # "the controversy surrounding Blunkett"
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _AIM_PREPS):
            objects.extend(c for c in prep.children if c.dep_ == "pobj")
        if any(lex.cue(_lemma(o), "words") is not None for o in objects):
            return True
    return False


def _declines_comment(tok: Token, lex: EventLexicon) -> bool:
    """"declined to discuss details", "refused to identify himself": declining comment (011)."""
    return any(c.dep_ == "xcomp" and lex.cue(_lemma(c), "comment") is not None for c in tok.children)


def _intended(code: str, content: str, lex: EventLexicon) -> str:
    """What a bare intent ("wants to", "decided to") intends, coded as CAMEO does a planned act:
    "wants to meet" 036, "plans to release" 035, "wants to destroy the army" 138 (a threat)."""
    planned = lex.recode(content, "planned", False)
    return planned if planned != content and planned[:2] in (_INTENT_ROOT, _THREAT_ROOT) else code


def _backgrounded(tok: Token) -> bool:
    """A verb that states no event of its own: an adverbial passive participle ("Asked about
    the talks, he said"), a purpose clause ("so we can find a solution"), an infinitive
    completing a common noun ("the obligation to act") or a relative clause in the simple present
    describing its noun ("Hamas, which rejects Israel's existence")."""
    if tok.pos_ not in _VERB_TAGS:
        return False
    deps = {c.dep_ for c in tok.children}
    if tok.dep_ == "conj" and tok.head.i != tok.i and not deps & _SUBJECT_OR_AUX:
        return _backgrounded(tok.head)
    if tok.dep_ == "advcl" and tok.tag_ == "VBN" and not deps & _SUBJECT_OR_AUX:
        return True
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _PURPOSE_MARKS for c in tok.children):
        return True                              # "so we can find a solution": a goal
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ != "PROPN" and \
            any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and "nsubj" not in deps:
        return True
    if tok.dep_ == "relcl" and tok.tag_ in ("VBZ", "VBP") and not deps & {"aux", "auxpass", "neg"}:
        return True                              # "Lloyd's List, which monitors shipping": what it does
    return False


def _topic(tok: Token, lex: EventLexicon) -> bool:
    """An activity named as a topic or an aim, not as something done: a gerund after a topic
    preposition ("talks on restricting exports", "dedicated to destroying Israel"), or a purpose
    participle describing a noun ("a proposal aimed at replacing the armistice")."""
    if tok.pos_ not in _VERB_TAGS:
        return False
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and lex.cue(tok.head.lower_, "topic_prep") is not None:
        return not any(c.dep_ in ("nsubj", "poss") for c in tok.children)
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and lex.cue(_lemma(tok), "intent") is not None


def _hypothetical(tok: Token, lex: EventLexicon) -> bool:
    """A condition ("if the rebels withdraw", "only after Washington recognizes the North" under
    a modal clause) states no event; nor does a verb conjoined to one without a subject of its
    own ("only after Washington establishes ties and recognizes the North"), nor a noun in a
    condition ("if Iraq chooses a war of nerves")."""
    hops = 0
    while tok.pos_ not in _VERB_TAGS and tok.head.i != tok.i and hops < 4:
        tok, hops = tok.head, hops + 1          # a noun: the clause it is in
    while tok.dep_ == "conj" and tok.head.i != tok.i and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        tok = tok.head
    if tok.dep_ != "advcl":
        return False
    marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
    if any(lex.cue(m, "condition") is not None for m in marks):
        return True
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.head.children)
    return modal and any(lex.cue(m, "sequence") is not None for m in marks)


def _frame(tok: Token, code: str, lex: EventLexicon) -> bool:
    """A wish that is not itself an intent ("the Palestinians hope [it] might ease sanctions")
    frames the clause it governs; it is not an event of its own."""
    return code[:2] != _INTENT_ROOT and lex.cue(_lemma(tok), "intent") == "planned" and \
        any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)


def _same_act(trig: Trigger, found: dict[int, Trigger]) -> int | None:
    """A conjoined verb of the same kind without its own subject ("killed and wounded"), a
    purpose infinitive of the same kind ("met to discuss the crisis": what the meeting is for),
    or a reporting participle of a report ("said ..., adding that ...") is part of the event
    above."""
    tok = trig.token
    if tok.pos_ not in _VERB_TAGS or tok.head.i not in found or tok.head.i == tok.i:
        return None
    deps = {c.dep_ for c in tok.children}
    if deps & _SUBJECT_OR_AUX - {"aux"}:
        return None
    host = found[tok.head.i]
    if tok.dep_ == "conj" and host.root == trig.root:
        return host.token.i
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and trig.root == _REPORT_ROOT:
        return host.token.i
    if tok.dep_ in ("advcl", "xcomp") and host.root == trig.root and \
            any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return host.token.i
    return None


def _host(trig: Trigger, found: dict[int, Trigger], asks: frozenset[str]) -> int | None:
    """The trigger that ``trig`` is an argument of, or the content of, if any."""
    tok = trig.token
    nominal = tok.pos_ == "NOUN" or tok.dep_ in _NOMINAL_DEPS - {"conj", "cc", "amod"}
    clausal = 0
    while tok.head.i != tok.i:
        dep = tok.dep_
        if dep in _CONTENT_DEPS:
            clausal += 1
        elif dep not in _NOMINAL_DEPS:
            return None
        if dep == "conj" and tok.pos_ in _VERB_TAGS:
            return None
        tok = tok.head
        host = found.get(tok.i)
        if host is not None:
            if clausal == 0 and nominal and not (host.root == _REPORT_ROOT and dep in _OBJECT_DEPS):
                return tok.i                     # ("announced talks": the talks are reported)
            if clausal == 1 and host.root in asks:
                return tok.i
            return None
        if tok.pos_ in _VERB_TAGS | {"AUX"} and tok.dep_ not in _NOMINAL_DEPS:
            nominal = False                      # "sit down for talks": the clause of the noun
        if clausal > 1:
            return None
    return None
