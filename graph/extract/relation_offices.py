"""People's offices: ``jobTitle`` and ``affiliation``.

A title phrase (``relation_titles``) before a name, in an apposition on either side of it or in a
relative clause after it gives the person's title and, where it names one, its owner. Where the
title names no owner, only what the text supports: a state owner shared by coordinated titles,
the country a state official reports on, a definite description naming the country.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from ..model import Entity
from . import relation_lexicon as lex
from .relation_index import (DETERMINERS, POSSESSIVE, Collector, Index, Ment, is_owner, known_body,
                             noun_phrase_end, np_head)
from .relation_titles import TitleNP, match_title, np_owner, parse_title_np

__all__ = ["office_relations"]

_RELATIVE_FILLERS = {"also", "currently", "now", "still", "himself", "herself"}
_COPULAS = {"be"}
_ACTING = {"acting", "interim", "new"}
_WINDOW = 15      # how far before a name a title phrase may start, in tokens


def office_relations(doc: Doc, ix: Index, out: Collector) -> None:
    """Add the titles people hold and whom they hold them for."""
    offices = _person_offices(doc, ix, out)
    _shared_owners(doc, ix, offices, out)
    _reported_speech(doc, ix, offices, out)
    _definite_descriptions(doc, ix, offices, out)


@dataclass
class _Office:
    person: Entity
    np: TitleNP
    name_start: int
    name_end: int
    before: bool                 # the title stands before the name


def _is_person(m: Ment, titled: bool) -> bool:
    """People, and unresolved names that a title stands right before ("Mayor Eli Moyal")."""
    e = m.entity
    return e.type == "Person" or (titled and e.type == "Organization" and e.wikidata is None
                                  and not e.key.startswith("gov/") and m.end - m.start > 1)


def _name_start(doc: Doc, ix: Index, m: Ment) -> int:
    """Where the name proper begins, past a title the mention kept ("Governor Mohammad Daud")."""
    end = match_title(ix, m.start, m.end - 1, False)
    return end if end < m.end else m.start


def _person_offices(doc: Doc, ix: Index, out: Collector) -> list[_Office]:
    offices: list[_Office] = []
    for m in ix.mentions:
        if not _is_person(m, True):
            continue
        sent = ix.sent(m.start)
        s = _name_start(doc, ix, m)
        found: list[_Office] = []
        # a title before the name, or an apposition before it and a comma
        best = None
        if s > m.start:
            best = parse_title_np(doc, m.start, s, ix, plain=False)
            best = best if best is not None and best.end == s else None
        left = _skip_honorifics(doc, m.start, sent.start)     # "Supreme Leader Ayatollah Ali …"
        comma = left - 1 > sent.start and doc[left - 1].text == ","
        for i in range(left - 1, max(sent.start, left - _WINDOW) - 1, -1):
            np = parse_title_np(doc, i, left, ix, plain=False)
            if np is not None and np.end == left and _title_ends_np(doc, np):
                if _np_starts_at(doc, i, ix, sent.start) or doc[i - 1].lower_ in DETERMINERS:
                    best = np
            elif comma and _np_starts_at(doc, i, ix, sent.start):
                np = parse_title_np(doc, i, left - 1, ix, plain=True)
                if np is not None and np.end == left - 1:
                    best = np
        if best is not None and m.entity.type != "Person" and \
                (not best.title[:1].isupper() or best.end != left or doc[left - 1].is_punct):
            best = None                      # an unresolved name counts as a person only here
        if best is not None:
            if best.end in (left, m.start, s):
                np = best
                # "Prime Minister Ismail Haneya of Hamas"
                if np.owner is None and (after := ix.after_preposition(m.end, sent.end, ("of",))) \
                        and is_owner(after.entity):
                    np.owner, np.owner_is_state = after.entity, after.entity.type == "Place"
            found.append(_Office(m.entity, best, m.start, m.end, True))
        if (np := _after_name(doc, m, ix, sent.end)) is not None:
            found.append(_Office(m.entity, np, m.start, m.end, False))
        elif m.entity.type == "Person" and not found:
            # "Ismail Haneya of Hamas", "James Zogby of the Arab American Institute"
            after = ix.after_preposition(m.end, sent.end, ("of",))
            if after is not None and (_is_body(after.entity) or after.entity.subtype == "Country"):
                out.add(m.entity, "affiliation", after.entity.key, m.start)
            # "NPR's Elaine Corey", "Iraq's Saddam Hussein"
            owner = ix.at_end.get(m.start - 1) if m.start > 0 and doc[m.start - 1].lower_ in POSSESSIVE else None
            if owner is not None and (_is_body(owner.entity) or owner.entity.subtype == "Country"):
                out.add(m.entity, "affiliation", owner.entity.key, m.start)
        for office in found:
            if office.np.past:
                continue
            out.add(office.person, "jobTitle", office.np.title, office.name_start)
            if office.np.owner is not None and office.np.owner.key != office.person.key:
                out.add(office.person, "affiliation", office.np.owner.key, office.name_start)
            offices.append(office)
    return offices


def _is_body(e: Entity) -> bool:
    """A known organisation, or a name the text makes one ("the Arab American Institute", "NPR")."""
    return e.type == "Organization" and (known_body(e) or e.label.isupper()
                                         or any(w.lower() in lex.org_nouns() for w in e.label.split()))


def _title_ends_np(doc: Doc, np: TitleNP) -> bool:
    """A title right before a name has no complement after it ("a special adviser to
    Chancellor Gordon Brown" is not Brown's title)."""
    return doc[np.title_start:].start_char + len(np.title) == doc[np.end - 1].idx + len(doc[np.end - 1])


def _skip_honorifics(doc: Doc, i: int, sent_start: int) -> int:
    """Move left from a name's first token over honorifics ("Ayatollah", "Dr.")."""
    keys = lex.honorific_keys()
    moved = True
    while moved:
        moved = False
        for n in (2, 1):
            if i - n >= sent_start and lex.title_key(doc[i - n:i].text) in keys:
                i -= n
                moved = True
                break
    return i


def _skip_honorifics_right(doc: Doc, i: int, limit: int) -> int:
    """Move right over honorifics ("Dr.", "Sir") to where a name would begin."""
    keys = lex.honorific_keys()
    while i < limit and lex.title_key(doc[i].text) in keys:
        i += 1
    return i


def _np_starts_at(doc: Doc, i: int, ix: Index, sent_start: int) -> bool:
    """Whether a noun phrase can begin at ``i``: nothing nominal right before it."""
    if i == sent_start:
        return True
    prev = doc[i - 1]
    if prev.lower_ in POSSESSIVE:           # "Erdogan's spokesman": a person's, not his office
        owner = ix.entity_at(i - 2) if i >= 2 else None
        return owner is not None and owner.type == "Person"
    return i - 1 not in ix.cover and prev.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM")


def _after_name(doc: Doc, m: Ment, ix: Index, limit: int) -> TitleNP | None:
    """An office stated after the name: ", a rebel spokesman", ", who heads Y", " who is the
    head of Y"."""
    k = m.end
    if k < limit and doc[k].lower_ in POSSESSIVE:
        k += 1
    comma = k < limit and doc[k].text == ","
    if comma:
        k += 1
    if k >= limit:
        return None
    if doc[k].lower_ in ("who", "that"):
        k += 1
        while k < limit and doc[k].lower_ in _RELATIVE_FILLERS:
            k += 1
        if k >= limit:
            return None
        verb = doc[k]
        if verb.lemma_.lower() in _COPULAS:
            k += 1
            while k < limit and doc[k].lower_ in _RELATIVE_FILLERS:
                k += 1
            return parse_title_np(doc, k, limit, ix, plain=True)
        title = lex.head_verbs().get(verb.lemma_.lower())
        if title and verb.pos_ in ("VERB", "AUX") and verb.tag_ != "VBG":
            obj_end = noun_phrase_end(doc, k + 1, limit, ix)
            owner, is_head = np_owner(doc, k + 1, obj_end, ix)
            head = np_head(doc, k + 1, obj_end, ix) if obj_end > k + 1 else k
            # "who heads the Syrian Observatory", "who heads the Russian foreign ministry" (not
            # "who directed American Pie")
            if owner is not None and (is_head or doc[head].is_lower):
                return TitleNP(k, obj_end, title, k, owner, owner.type == "Place", False)
        return None
    if not comma:
        return None
    np = parse_title_np(doc, k, limit, ix, plain=True)
    if np is None:
        return None
    nxt = ix.at_start.get(_skip_honorifics_right(doc, np.end, limit))
    if nxt is not None and nxt.entity.type == "Person":
        return None                          # ", NME editor Conor McNicholas": the next one's title
    return np


def _shared_owners(doc: Doc, ix: Index, offices: list[_Office], out: Collector) -> None:
    """"U.S. President George W. Bush and Secretary of State Condoleezza Rice": a state owner in
    front of the first of two coordinated titled names covers the second."""
    by_end = {o.name_end: o for o in offices if o.before}
    for o in offices:
        if not o.before or o.np.owner is not None or o.np.past:
            continue
        i = o.np.start
        if i < 2 or doc[i - 1].lower_ != "and":
            continue
        first = by_end.get(i - 1)
        if first is None or first.np.owner is None or not first.np.owner_is_state:
            continue
        if _is_state_office(o.np.title) and not out.has(o.person, "affiliation"):
            out.add(o.person, "affiliation", first.np.owner.key, o.name_start)


def _is_state_office(title: str) -> bool:
    words = lex.title_key(title).replace("-", " ").split()
    return any(w in lex.state_office_words() for w in words)


def _reported_speech(doc: Doc, ix: Index, offices: list[_Office], out: Collector) -> None:
    """"Turkey will intensify talks …, Foreign Minister Mevlut Cavusoglu said": a state official
    with no stated owner reports what a country does."""
    titled = {o.person.key for o in offices if _is_state_office(o.np.title)}
    starts = {o.name_start: o.np.start for o in offices if o.before}
    speech = lex.speech_verbs()
    for m in ix.mentions:
        if m.entity.key not in titled or out.has(m.entity, "affiliation"):
            continue
        start, sent = starts.get(m.start, m.start), ix.sent(m.start)
        if m.end < sent.end and doc[m.end].lemma_.lower() in speech and start - 1 > sent.start \
                and doc[start - 1].text == ",":
            comma = start - 1                                  # "…, Minister X said"
        elif start - 2 > sent.start and doc[start - 1].lemma_.lower() in speech \
                and doc[start - 2].text == ",":
            comma = start - 2                                  # "…, said Minister X"
        else:
            continue
        first = comma
        while first > sent.start and "\n" not in doc[first - 1].text:
            first -= 1
        for tok in doc[first:comma]:
            e = ix.entity_at(tok.i)
            if tok.dep_ in ("nsubj", "nsubjpass") and e is not None and e.type == "Place" \
                    and e.subtype == "Country" and first <= tok.head.i < comma:
                out.add(m.entity, "affiliation", e.key, m.start)
                break


def _definite_descriptions(doc: Doc, ix: Index, offices: list[_Office], out: Collector) -> None:
    """"President Hamid Karzai … the beleaguered Afghan leader": a definite description with a
    country names the country of the one person holding such an office."""
    affiliated = {r.subject: r.obj for _, r in out.found if r.predicate == "affiliation"}
    titles_of: dict[str, set[str]] = defaultdict(set)
    people: dict[str, Entity] = {}
    for o in offices:
        words = lex.title_key(o.np.title).split()
        if words and words[0] in _ACTING:
            words = words[1:]
        titles_of[o.person.key].add(" ".join(words))
        people[o.person.key] = o.person
    if all(p in affiliated for p in people):
        return
    for i, word in enumerate(ix.lower):
        for words, titles in lex.leader_nouns().items():
            n = len(words)
            if word != words[0] or tuple(ix.lower[i:i + n]) != words:
                continue
            nxt = i + n + (i + n < len(doc) and doc[i + n].text == ",")
            if nxt in ix.at_start:
                continue                     # beside a name it is a title, read above
            country = _described_country(doc, ix, i)
            if country is None:
                continue
            holders = [p for p, ts in titles_of.items() if ts & titles]
            if any(affiliated.get(p) == country.key for p in holders):
                continue
            free = [p for p in holders if p not in affiliated]
            if len(free) == 1:
                out.add(people[free[0]], "affiliation", country.key, i)
                affiliated[free[0]] = country.key


def _described_country(doc: Doc, ix: Index, i: int) -> Entity | None:
    """The country in "the [adjectives] <demonym> [adjectives]" right before token ``i``."""
    country = None
    for k in range(i - 1, max(ix.sent(i).start, i - 5) - 1, -1):
        e = ix.entity_at(k)
        if e is not None and e.type == "Place" and e.subtype == "Country":
            country = e
        elif ix.lower[k] == "the":
            return country
        elif e is not None or doc[k].pos_ not in ("ADJ", "ADV"):
            return None
    return None
