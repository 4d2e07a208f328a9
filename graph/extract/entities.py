"""Entities: mentions of people, organisations and places, resolved to one node per thing.

The extractor reads spaCy's named entities and the gazetteer's names, then decides what each
mention stands for:

- a short form joins the full name it shortens ("Cavusoglu" → "Mevlut Cavusoglu", "Ban" →
  "Ban Ki-moon"), an acronym its expansion ("ICRC"); titles, honorifics, a leading "the" and
  stray possessives are stripped ("Foreign Minister Mevlut Cavusoglu", "Kurtulmus'");
- the type is voted by all mentions together (spaCy tags "Cavusoglu" ORG once; a gazetteer
  entry wins; a full personal name outweighs its short forms; "in Aleppo" votes for a place);
- a demonym stands for its country ("Turkish officials" → Turkey), a capital for its state where
  it acts ("talks with Moscow") and for the city where it is a location ("in Ankara");
- a country's state apparatus ("the Syrian regime", "government forces", "the Syrian military")
  is one organisation, the government of that country.

>>> from graph.nlp import load_nlp
>>> doc = load_nlp()("Foreign Minister Mevlut Cavusoglu met ICRC staff. Cavusoglu said Turkish "
...                  "officials would act.")
>>> sorted((e.label, e.type) for e in find_entities(doc))
[('International Committee of the Red Cross', 'Organization'), ('Mevlut Cavusoglu', 'Person'), ('Turkey', 'Place')]
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..model import Entity, Mention
from .entity_mentions import LABEL_TYPES, Candidate, candidates, place_cues
from .gazetteer import GazEntry, load_gazetteer
from .names import initials, slug, surface_key

__all__ = ["find_entities", "mention_spans"]

_COMPASS = frozenset({"north", "south", "east", "west"})
_ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,7}$")
_GIVEN = "given:"                        # group key prefix of a name after "King", "Prince" ...


@dataclass
class _Cluster:
    cands: list[Candidate] = field(default_factory=list)
    entry: GazEntry | None = None
    state_of: GazEntry | None = None     # this cluster is the government of that country
    state_kinds: set = field(default_factory=set)



def mention_spans(doc: Doc, entities: Iterable[Entity]) -> Iterator[tuple[Entity, Span]]:
    """Each mention of each entity as a span of tokens of ``doc`` (widened to whole tokens),
    for the extractors that read roles off the parse."""
    for entity in entities:
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                yield entity, span


def find_entities(doc: Doc) -> list[Entity]:
    """The entities mentioned in ``doc``, each with all of its mentions, ordered by first mention."""
    gaz = load_gazetteer()
    return _to_entities(_cluster(candidates(doc, gaz), gaz))


# ---------------------------------------------------------------------------- clustering

def _cluster(cands: list[Candidate], gaz) -> list[_Cluster]:
    by_key: dict[str, _Cluster] = {}
    loose: list[Candidate] = []
    pending_states: list[Candidate] = []
    for c in cands:
        if c.kind == "state":
            if c.country is None:
                pending_states.append(c)
                continue
            cl = by_key.setdefault("state:" + c.country.name, _Cluster(state_of=c.country))
            cl.cands.append(c)
            cl.state_kinds.add(c.label)
        elif c.entry is not None:
            cl = by_key.setdefault("gaz:" + c.entry.name, _Cluster(entry=c.entry))
            cl.cands.append(c)
        else:
            loose.append(c)
    _attach_bare_states(pending_states, by_key)
    for n, cl in enumerate(_cluster_names(loose, gaz)):
        if (known := _compass_country(cl, by_key) or _expanded_acronym(cl, by_key)) is not None:
            known.cands.extend(cl.cands)
        else:
            by_key[f"name:{n}"] = cl
    return sorted(by_key.values(), key=lambda cl: min(c.start for c in cl.cands))


def _compass_country(cl: _Cluster, by_key: dict) -> _Cluster | None:
    """'the North' for North Korea: the one country in the text named '<that word> …'."""
    words = {surface_key(c.text) for c in cl.cands}
    if len(words) != 1 or (word := words.pop()) not in _COMPASS:
        return None
    hits = [c for k, c in by_key.items() if k.startswith("gaz:") and c.entry.subtype == "Country"
            and surface_key(c.entry.name).startswith(word + " ")]
    return hits[0] if len(hits) == 1 else None


def _expanded_acronym(cl: _Cluster, by_key: dict) -> _Cluster | None:
    """'PNA' for the gazetteer's Palestinian Authority when the text spelled out 'Palestinian
    National Authority': the one known cluster one of whose names has those initials."""
    texts = {c.text for c in cl.cands}
    if len(texts) != 1 or not _ACRONYM.match(acronym := texts.pop()):
        return None
    hits = [k for k, other in by_key.items() if k.startswith("gaz:")
            and any(_is_acronym_of(acronym, c.text) for c in other.cands)]
    return by_key[hits[0]] if len(hits) == 1 else None


def _attach_bare_states(pending: list[Candidate], by_key: dict) -> None:
    if not pending:
        return
    states = [cl for k, cl in by_key.items() if k.startswith("state:")]
    if len(states) == 1:
        target = states[0]
    else:
        countries = [cl for k, cl in by_key.items() if k.startswith("gaz:") and cl.entry.subtype == "Country"]
        if states or not countries:
            return                       # several governments, or none: say nothing
        top = max(countries, key=lambda cl: (len(cl.cands), -min(c.start for c in cl.cands)))
        target = by_key.setdefault("state:" + top.entry.name, _Cluster(state_of=top.entry))
    for c in pending:
        target.cands.append(c)
        target.state_kinds.add(c.label)


def _cluster_names(cands: list[Candidate], gaz=None) -> list[_Cluster]:
    """Group unresolved names: same surface, short forms of a longer name, acronyms (spelled out
    or in brackets after the name: "the Federal Bureau of Investigation (FBI)"), a body's name
    with its country before it ("U.S. Immigration and Naturalization Service"). A short form
    that fits two names ("Castro" after "Raul Castro" and "Fidel Castro", "Hussein" after "King
    Hussein" and "Saddam Hussein") goes, mention by mention, to the one named last before it."""
    groups: dict[str, _Cluster] = {}
    for c in cands:
        key = surface_key(c.text)
        if gaz is not None and (core := _without_country(c, gaz)):
            key = core                       # "U.S. Immigration ..." is "Immigration ..."
        groups.setdefault(_GIVEN + key if c.given_name else key, _Cluster()).cands.append(c)
    _join_bracketed_acronyms(cands, groups)
    # longest first, so "Cavusoglu" finds "Mevlut Cavusoglu"
    keys = sorted(groups, key=lambda k: (-len(k.split()), k))
    merged: dict[str, str] = {}
    shared: dict[str, list[str]] = {}
    for k in keys:
        words = k.removeprefix(_GIVEN).split()
        fits = [longer for longer in keys
                if longer != k and len(longer.split()) > len(words) and merged.get(longer, longer) == longer
                and (_shortens(words, longer.split(), groups[longer], given=k.startswith(_GIVEN))
                     or _is_acronym_of(groups[k].cands[0].text, groups[longer].cands[0].text)
                     or _is_acronym_of(groups[k].cands[0].text, longer))]   # "U.S. [F]ederal [B]ureau ..."
        if not k.startswith(_GIVEN) and _GIVEN + k in groups:
            fits.append(_GIVEN + k)                # "Hussein" after "King Hussein"
        if len(fits) == 1:
            merged[k] = fits[0]
        elif fits:
            shared[k] = fits
    for k, fits in shared.items():
        for c in groups[k].cands:
            groups[_last_named(c, fits, groups)].cands.append(c)
    for k in keys:
        target = k
        while target in merged:
            target = merged[target]
        if target != k:
            groups[target].cands.extend(groups[k].cands)
    return [groups[k] for k in keys if k not in merged and k not in shared]


def _without_country(c: Candidate, gaz) -> str | None:
    """The key of an organisation's name without the country that leads it ("U.S. Federal Bureau
    of Investigation" → "federal bureau of investigation"), or None."""
    words = c.text.split()
    if c.label not in ("ORG", None) or len(words) < 3:
        return None
    first = gaz.lookup(words[0]) or gaz.demonym(words[0])
    if first is None or first.subtype != "Country" or not words[1][:1].isupper():
        return None
    return surface_key(" ".join(words[1:]))


def _join_bracketed_acronyms(cands: list[Candidate], groups: dict[str, _Cluster]) -> None:
    """'... Investigation (FBI)': the acronym in brackets right after a name is that name's."""
    key_of = {id(c): k for k, g in groups.items() for c in g.cands}
    by_end = {c.end: c for c in cands}
    for c in cands:
        if not _ACRONYM.match(c.text):
            continue
        name = by_end.get(c.start - 2)
        if name is None or name is c or key_of[id(name)] == key_of[id(c)]:
            continue
        src, dst = key_of[id(c)], key_of[id(name)]
        if src in groups and dst in groups and all(_ACRONYM.match(x.text) for x in groups[src].cands):
            groups[dst].cands.extend(groups.pop(src).cands)
            key_of.update({id(x): dst for x in groups[dst].cands})


def _last_named(c: Candidate, keys: list[str], groups: dict[str, _Cluster]) -> str:
    """Of the names in ``keys``, the one mentioned last before ``c`` (else the first one after)."""
    def last_before(k):
        starts = [x.start for x in groups[k].cands if x.start < c.start]
        return max(starts) if starts else -1 - min(x.start for x in groups[k].cands)
    return max(keys, key=last_before)


def _shortens(words: list[str], longer: list[str], cluster: _Cluster, given: bool = False) -> bool:
    """'cavusoglu' shortens 'mevlut cavusoglu'; 'ban' shortens 'ban ki moon'; 'helmand'
    shortens 'helmand province'; a given name ('King Hussein') only a name it begins."""
    n = len(words)
    if longer[:n] == words and len(longer) == n + 1 and longer[-1] in place_cues()[1]:
        return True
    if not any((c.label == "PERSON" or c.person_cue or c.after_title) and c.tokens > 1 for c in cluster.cands):
        return False                     # only a full personal name has short forms
    return longer[:n] == words or not given and longer[-n:] == words


def _is_acronym_of(short: str, long: str) -> bool:
    return bool(_ACRONYM.match(short)) and short.replace(".", "") == initials(long)


# ---------------------------------------------------------------------------- entities

def _cluster_type(cl: _Cluster) -> tuple[str, str | None]:
    if cl.state_of is not None:
        return "Organization", "GovernmentOrganization"
    if cl.entry is not None:
        return cl.entry.type, cl.entry.subtype
    votes: Counter = Counter()
    for c in cl.cands:
        weight = c.tokens ** 2
        if t := LABEL_TYPES.get(c.label or ""):
            votes[t] += weight
        if c.place_cue:
            votes["Place"] += 1.5 * weight
        if c.after_title or c.person_cue:
            votes["Person"] += 2 * weight
    if not votes:
        return "Organization", None
    return max(sorted(votes), key=lambda t: votes[t]), None


def _cluster_label(cl: _Cluster, etype: str) -> str:
    if cl.state_of is not None:
        demonym = next((c.text.split()[0] for c in cl.cands if c.country is not None), None)
        demonym = demonym if demonym and _is_demonym_of(demonym, cl.state_of) else \
            (cl.state_of.demonyms[0] if cl.state_of.demonyms else cl.state_of.name)
        noun = "government" if "government" in cl.state_kinds or not cl.state_kinds else "military"
        return f"{demonym} {noun}"
    if cl.entry is not None:
        return cl.entry.name.split(",")[0] if cl.entry.subtype == "City" else cl.entry.name
    texts = [c.text for c in cl.cands if not _ACRONYM.match(c.text)] or [c.text for c in cl.cands]
    return max(texts, key=lambda t: (len(t.split()), len(t), -texts.index(t)))


def _is_demonym_of(word: str, country: GazEntry) -> bool:
    return word in country.demonyms


def _to_entities(clusters: list[_Cluster]) -> list[Entity]:
    out, seen = [], set()
    for cl in clusters:
        etype, subtype = _cluster_type(cl)
        label = _cluster_label(cl, etype)
        if cl.state_of is not None:
            key = "gov/" + (cl.state_of.wikidata or slug(cl.state_of.name))
            qid = None
        elif cl.entry is not None:
            key, qid = cl.entry.wikidata or f"{etype}/{slug(label)}", cl.entry.wikidata
        else:
            key, qid = f"{etype}/{slug(label)}", None
        if key in seen:
            continue
        seen.add(key)
        mentions = tuple(Mention(c.start, c.end, c.text) for c in sorted(cl.cands, key=lambda c: c.start))
        aliases = tuple(sorted({m.text for m in mentions} - {label}))
        out.append(Entity(key, label, etype, subtype=subtype, aliases=aliases,
                          mentions=mentions, wikidata=qid))
    return out


