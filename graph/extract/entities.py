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

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Entity, Mention
from .gazetteer import GazEntry, load_gazetteer
from .lexicon import read_table
from .names import clean_span, initials, slug, surface_key, title_words

__all__ = ["find_entities"]

_LABEL_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
                "FAC": "Place", "NORP": None, "LANGUAGE": None}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "agent", "poss", "conj", "appos"}
_ACTOR_PREPS = {"with", "between", "against", "by", "from", "to", "on"}
_COMPASS = frozenset({"north", "south", "east", "west"})
_ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,7}$")


@dataclass
class _Cand:
    """A mention before resolution."""

    start: int
    end: int
    text: str
    label: str | None                # spaCy's label, or None
    entry: GazEntry | None = None    # what the gazetteer says it is
    kind: str = "name"               # name, demonym, state, capital
    tokens: int = 1
    place_cue: bool = False
    after_title: bool = False        # "Mayor Eli Moyal": a person
    country: GazEntry | None = None  # for state mentions: whose state


@dataclass
class _Cluster:
    cands: list[_Cand] = field(default_factory=list)
    entry: GazEntry | None = None
    state_of: GazEntry | None = None     # this cluster is the government of that country
    state_kinds: set = field(default_factory=set)


def _state_nouns() -> dict[str, str]:
    return {r["noun"]: r["kind"] for r in read_table("en/entities/state_nouns.tsv")}


def _bare_state_phrases() -> dict[tuple[str, ...], str]:
    return {tuple(r["phrase"].split()): r["kind"] for r in read_table("en/entities/bare_state_phrases.tsv")}


def _place_cues() -> tuple[set[tuple[str, ...]], set[str]]:
    rows = read_table("en/entities/place_cues.tsv")
    before = {tuple(r["cue"].split()) for r in rows if r["position"] == "before"}
    after = {r["cue"] for r in rows if r["position"] == "after"}
    return before, after


def find_entities(doc: Doc) -> list[Entity]:
    """The entities mentioned in ``doc``, each with all of its mentions, ordered by first mention."""
    gaz = load_gazetteer()
    cands = _name_candidates(doc, gaz)
    cands = _add_gazetteer_matches(doc, gaz, cands)
    cands = _add_state_mentions(doc, gaz, cands)
    clusters = _cluster(cands, gaz)
    return _to_entities(clusters)


# ---------------------------------------------------------------------------- candidates

def _name_candidates(doc: Doc, gaz) -> list[_Cand]:
    before_cues, after_cues = _place_cues()
    name_words = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out = []
    for ent in doc.ents:
        if ent.label_ not in _LABEL_TYPES:
            continue
        span = clean_span(ent, title_words())
        if span is None or not any(c.isupper() for c in span.text) or _ends_a_title(doc, span):
            continue
        cand = _Cand(span.start_char, span.end_char, span.text, ent.label_, tokens=len(span))
        cand.place_cue = _has_place_cue(doc, span, before_cues, after_cues)
        cand.after_title = _after_title(doc, span)
        _resolve_with_gazetteer(cand, span, gaz)
        if cand.label in ("NORP", "LANGUAGE") and cand.entry is None and not cand.place_cue \
                and cand.kind != "demonym" and cand.text not in name_words:
            continue                     # a group of people ("Sunnis") is not an entity here,
                                         # but "Han" may be Han Sung-Ryol
        out.append(cand)
    return out + _unlabelled_names(doc, out)


def _ends_a_title(doc: Doc, span: Span) -> bool:
    """Whether ``span`` is part of a longer title: "State" in "Secretary of State", "Home" in
    "Home Secretary"."""
    titles = title_words()
    for n in range(2, 5):
        start = span.end - n
        if start >= 0 and start < span.start and tuple(t.lower_ for t in doc[start:span.end]) in titles:
            return True
        end = span.start + n
        if end > span.end and end <= len(doc) and tuple(t.lower_ for t in doc[span.start:end]) in titles:
            return True
    return False


def _after_title(doc: Doc, span: Span) -> bool:
    """Whether a title or honorific comes right before ``span`` ("Mayor Eli Moyal")."""
    titles = title_words()
    return any(span.start - n >= 0 and tuple(t.lower_ for t in doc[span.start - n:span.start]) in titles
               for n in range(1, 5))


def _unlabelled_names(doc: Doc, found: list[_Cand]) -> list[_Cand]:
    """Names spaCy did not tag: a run of capitalised words ending in an organisation word
    ("International Security Assistance Force"), a capitalised word after "the town of"."""
    heads = {r["head"] for r in read_table("en/entities/org_heads.tsv")}
    before, _ = _place_cues()
    cues = before - {("from",), ("capital",)}
    taken = [(c.start, c.end) for c in found]
    free = lambda a, b: not any(s < b and a < e for s, e in taken)
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.text in heads and tok.i > 0:
            j = i
            while j > 0 and (doc[j - 1].text[:1].isupper() or doc[j - 1].lower_ in ("of", "for")) \
                    and not doc[j - 1].is_sent_start and doc[j - 1].pos_ in ("PROPN", "ADP", "NOUN", "ADJ"):
                j -= 1
            while j < i and not doc[j].text[:1].isupper():
                j += 1
            if i - j >= 1 and free(doc[j].idx, tok.idx + len(tok.text)):
                span = doc[j:i + 1]
                out.append(_Cand(span.start_char, span.end_char, span.text, "ORG", tokens=len(span)))
        elif tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.ent_type_ \
                and free(tok.idx, tok.idx + len(tok.text)) and (i + 1 == len(doc) or doc[i + 1].pos_ != "PROPN") \
                and any(i >= len(c) and tuple(t.lower_ for t in doc[i - len(c):i]) == c for c in cues):
            out.append(_Cand(tok.idx, tok.idx + len(tok.text), tok.text, "GPE", place_cue=True))
        i += 1
    return out


def _resolve_with_gazetteer(cand: _Cand, span: Span, gaz) -> None:
    if cand.label == "PERSON" and cand.tokens > 1:
        return                           # "Jordan Peterson" is a person, not a country
    if cand.label == "NORP" or (span.root.pos_ == "ADJ" and len(span) == 1):
        if entry := gaz.demonym(cand.text):
            cand.entry, cand.kind = entry, "demonym"
            return
    entry = gaz.lookup(cand.text)
    if entry is None and (country := gaz.capital(cand.text)):
        cand.kind = "capital"
        cand.entry = country if _acts(span) and not span.text.isupper() else (gaz.city(cand.text) or country)
        return
    if entry is None and (city := gaz.city(cand.text) or major_city(cand.text)):
        entry = city
    if entry is None:
        entry = gaz.demonym(cand.text)
        if entry is not None:
            cand.kind = "demonym"
    cand.entry = entry


def _acts(span: Span) -> bool:
    """Whether a capital's mention stands for its government: an actor, not a location."""
    root = span.root
    if root.dep_ in _ACTOR_DEPS and root.dep_ != "conj":
        return True
    if root.dep_ == "pobj" and root.head.lower_ in _ACTOR_PREPS:
        return True
    return root.dep_ == "compound" and root.head.lemma_ in ("talk", "official", "government")


def _has_place_cue(doc: Doc, span: Span, before: set, after: set) -> bool:
    for cue in before:
        n = len(cue)
        if span.start >= n and tuple(t.lower_ for t in doc[span.start - n:span.start]) == cue:
            return True
    return span.end < len(doc) and doc[span.end].lower_ in after


def _add_gazetteer_matches(doc: Doc, gaz, cands: list[_Cand]) -> list[_Cand]:
    """Gazetteer names and demonyms spaCy did not tag ("Turkish" as ADJ, an acronym)."""
    taken = [(c.start, c.end) for c in cands]
    for span in gaz.matches(doc):
        inside = [c for c in cands if span.start_char <= c.start and c.end <= span.end_char]
        if inside and len(span) > 1 and gaz.lookup(span.text) is not None \
                and not any(c.entry is not None and len(c.text) >= len(span.text) for c in inside):
            # a longer gazetteer name beats spaCy's part of it ("Doctors [Without Borders]")
            cands = [c for c in cands if c not in inside]
            taken = [(c.start, c.end) for c in cands]
        if any(s < span.end_char and span.start_char < e for s, e in taken):
            continue
        text = span.text
        cand = _Cand(span.start_char, span.end_char, text, None, tokens=len(span))
        _resolve_with_gazetteer(cand, span, gaz)
        if cand.entry is None:
            continue
        if cand.kind == "demonym" and span.root.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        cands.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(cands, key=lambda c: c.start)


def _add_state_mentions(doc: Doc, gaz, cands: list[_Cand]) -> list[_Cand]:
    """'the Syrian regime', 'Syrian government forces', 'government forces', 'the regime'."""
    nouns, bare = _state_nouns(), _bare_state_phrases()
    by_start = {c.start: c for c in cands}
    out = list(cands)
    for tok in doc:
        kind = nouns.get(tok.lower_)
        if kind is None or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        mods = [t for t in doc[max(tok.i - 3, 0):tok.i] if (t.head == tok or t.head.head == tok)
                and not (t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].lower_ == "led")]
        country_cand = next((by_start.get(t.idx) for t in mods if by_start.get(t.idx) and
                             by_start[t.idx].entry is not None and
                             by_start[t.idx].entry.subtype == "Country"), None)
        if country_cand is None or kind == "people":
            continue
        first = min([t for t in mods if t.idx >= country_cand.start], key=lambda t: t.i)
        out = [c for c in out if c is not country_cand]
        text = doc.text[first.idx:tok.idx + len(tok.text)]
        out.append(_Cand(first.idx, tok.idx + len(tok.text), text, kind, kind="state",
                         country=country_cand.entry, tokens=tok.i - first.i + 1))
    lowered = [t.lower_ for t in doc]
    for phrase, kind in bare.items():
        n = len(phrase)
        for i in range(len(doc) - n + 1):
            if tuple(lowered[i:i + n]) != phrase:
                continue
            start, end = doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1].text)
            if any(c.start < end and start < c.end for c in out):
                continue
            if phrase[0] == "the":
                start = doc[i + 1].idx
            out.append(_Cand(start, end, doc.text[start:end], kind, kind="state", tokens=n))
    return sorted(out, key=lambda c: c.start)


# ---------------------------------------------------------------------------- clustering

def _cluster(cands: list[_Cand], gaz) -> list[_Cluster]:
    by_key: dict[str, _Cluster] = {}
    loose: list[_Cand] = []
    pending_states: list[_Cand] = []
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
    for n, cl in enumerate(_cluster_names(loose)):
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


def _attach_bare_states(pending: list[_Cand], by_key: dict) -> None:
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


def _cluster_names(cands: list[_Cand]) -> list[_Cluster]:
    """Group unresolved names: same surface, short forms of a longer name, acronyms."""
    groups: dict[str, _Cluster] = {}
    for c in cands:
        groups.setdefault(surface_key(c.text), _Cluster()).cands.append(c)
    # longest first, so "Cavusoglu" finds "Mevlut Cavusoglu"
    keys = sorted(groups, key=lambda k: (-len(k.split()), k))
    merged: dict[str, str] = {}
    for k in keys:
        words = k.split()
        for longer in keys:
            if longer == k or len(longer.split()) <= len(words) or merged.get(longer, longer) != longer:
                continue
            if _shortens(words, longer.split(), groups[longer]) or \
                    _is_acronym_of(groups[k].cands[0].text, groups[longer].cands[0].text):
                merged[k] = longer
                break
    out = []
    for k in keys:
        target = k
        while target in merged:
            target = merged[target]
        if target != k:
            groups[target].cands.extend(groups[k].cands)
    for k in keys:
        if k not in merged:
            out.append(groups[k])
    return out


def _shortens(words: list[str], longer: list[str], cluster: _Cluster) -> bool:
    """'cavusoglu' shortens 'mevlut cavusoglu'; 'ban' shortens 'ban ki moon'; 'helmand'
    shortens 'helmand province'."""
    n = len(words)
    if longer[:n] == words and len(longer) == n + 1 and longer[-1] in _place_cues()[1]:
        return True
    if not any(c.label == "PERSON" and c.tokens > 1 for c in cluster.cands):
        return False                     # only a full personal name has short forms
    return longer[-n:] == words or longer[:n] == words


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
        if t := _LABEL_TYPES.get(c.label or ""):
            votes[t] += weight
        if c.place_cue:
            votes["Place"] += 1.5 * weight
        if c.after_title:
            votes["Person"] += 2 * weight
    if not votes:
        return "Organization", None
    return max(sorted(votes), key=lambda t: votes[t]), None


def _cluster_label(cl: _Cluster, etype: str) -> str:
    if cl.state_of is not None:
        demonym = next((c.text.split()[0] for c in cl.cands if c.country is not None), None)
        demonym = demonym if demonym and gaz_is_demonym(demonym, cl.state_of) else \
            (cl.state_of.demonyms[0] if cl.state_of.demonyms else cl.state_of.name)
        noun = "government" if "government" in cl.state_kinds or not cl.state_kinds else "military"
        return f"{demonym} {noun}"
    if cl.entry is not None:
        return cl.entry.name.split(",")[0] if cl.entry.subtype == "City" else cl.entry.name
    texts = [c.text for c in cl.cands if not _ACRONYM.match(c.text)] or [c.text for c in cl.cands]
    return max(texts, key=lambda t: (len(t.split()), len(t), -texts.index(t)))


def gaz_is_demonym(word: str, country: GazEntry) -> bool:
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


@functools.lru_cache(maxsize=1)
def _major_cities() -> dict[str, str]:
    return {surface_key(r["name"]): (r["name"], r["country"]) for r in read_table("en/gazetteer/cities.tsv")}


def major_city(name: str) -> GazEntry | None:
    """A major city of the gazetteer ("Aleppo"), as a place in its country."""
    hit = _major_cities().get(surface_key(name))
    if hit is None or not name[:1].isupper():
        return None
    return GazEntry(name=hit[0], type="Place", subtype="City", country=hit[1],
                    source=("countries/CountryInfo.120116.txt",))


def token_entity(tok: Token, entities: list[Entity]) -> Entity | None:
    """The entity one of whose mentions covers ``tok``, if any."""
    for e in entities:
        for m in e.mentions:
            if m.start <= tok.idx < m.end:
                return e
    return None
