"""Entity mentions before resolution: spaCy's names, gazetteer names, and descriptions of a
country's state ("the Syrian regime", "government forces"), each with what is known of it.

:func:`graph.extract.entities.find_entities` clusters these into entities.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .doc_cache import text_of
from .gazetteer import GazEntry
from .lexicon import read_table
from .names import clean_span, surface_key, title_words

__all__ = ["Candidate", "candidates", "major_city", "place_cues", "LABEL_TYPES"]

LABEL_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
                "FAC": "Place", "NORP": None, "LANGUAGE": None}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "agent", "poss", "conj", "appos"}
_ACTOR_PREPS = {"with", "between", "against", "by", "from", "to", "on"}


@dataclass
class Candidate:
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
    given_name: bool = False         # "King Hussein": a given name, not a surname
    person_cue: bool = False         # "Farkas, 54,": an age or a he/she pronoun right after it
    country: GazEntry | None = None  # for state mentions: whose state




_LANGUAGE_NOUNS = frozenset({"language", "dialect", "tongue"})
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                            "central", "northeastern", "northwestern", "southeastern", "southwestern"})


@functools.lru_cache(maxsize=1)
def _motion_verbs() -> frozenset[str]:
    return frozenset(r["lemma"] for r in read_table("en/entities/motion_verbs.tsv"))


@functools.lru_cache(maxsize=1)
def _state_nouns() -> dict[str, str]:
    return {r["noun"]: r["kind"] for r in read_table("en/entities/state_nouns.tsv")}


@functools.lru_cache(maxsize=1)
def _bare_state_phrases() -> dict[tuple[str, ...], str]:
    return {tuple(r["phrase"].split()): r["kind"] for r in read_table("en/entities/bare_state_phrases.tsv")}


@functools.lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(r["head"] for r in read_table("en/entities/org_heads.tsv"))


@functools.lru_cache(maxsize=1)
def place_cues() -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """Words before a name (as token tuples) and after it that mark it as a place."""
    rows = read_table("en/entities/place_cues.tsv")
    before = frozenset(tuple(r["cue"].split()) for r in rows if r["position"] == "before")
    after = frozenset(r["cue"] for r in rows if r["position"] == "after")
    return before, after



def candidates(doc: Doc, gaz) -> list[Candidate]:
    """Every mention of a person, organisation or place in ``doc``, in text order."""
    cands = _name_candidates(doc, gaz)
    cands = _add_gazetteer_matches(doc, gaz, cands)
    _places_beside_places(doc, cands)
    return _add_state_mentions(doc, gaz, cands)


def _places_beside_places(doc: Doc, cands: list[Candidate]) -> None:
    """A name listed with a place ("Dorset and Torbay", "Peterhead or Fraserburgh") or right after
    a place and a comma ("Chatham, Kent") is a place too, unless something says otherwise."""
    at: dict[int, Candidate] = {}
    for c in cands:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            at.update({t.i: c for t in span})
    placed = lambda c: c.place_cue or c.entry is not None and c.entry.type == "Place"
    for c in cands:
        if c.entry is not None or c.place_cue or c.after_title or c.person_cue or c.label == "PERSON" and c.tokens > 1:
            continue
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            continue
        root, first = span.root, span[0]
        linked = [root.head] if root.dep_ == "conj" else []
        linked += [t for t in root.children if t.dep_ == "conj"]
        if first.i >= 2 and doc[first.i - 1].text == ",":
            linked.append(doc[first.i - 2])        # "Chatham, Kent"
        if any((o := at.get(t.i)) is not None and o is not c and placed(o) for t in linked):
            c.place_cue = True


def _name_candidates(doc: Doc, gaz) -> list[Candidate]:
    before_cues, after_cues = place_cues()
    name_words = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out = []
    for ent in _joined_names(doc, gaz):
        if ent.label_ not in LABEL_TYPES:
            continue
        span = clean_span(_with_name_modifier(ent, gaz), title_words())
        if span is None or not any(c.isupper() for c in span.text) or _ends_a_title(doc, span) \
                or _is_language(span) or _is_portfolio(span, gaz) or _not_a_name(span):
            continue
        cand = Candidate(span.start_char, span.end_char, span.text, ent.label_, tokens=len(span))
        cand.place_cue = _has_place_cue(doc, span, before_cues, after_cues)
        cand.after_title = _after_title(doc, span)
        cand.given_name = _after_given_name_title(doc, span)
        cand.person_cue = _has_person_cue(span)
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


@functools.lru_cache(maxsize=1)
def _given_name_titles() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(r["title"].split()) for r in read_table("en/entities/given_name_titles.tsv"))


def _after_given_name_title(doc: Doc, span: Span) -> bool:
    """Whether a title that takes a given name comes right before ``span`` ("King Hussein")."""
    titles = _given_name_titles()
    return any(span.start - n >= 0 and tuple(t.lower_ for t in doc[span.start - n:span.start]) in titles
               for n in (1, 2))


def _unlabelled_names(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Names spaCy did not tag: a run of capitalised words ending in an organisation word
    ("International Security Assistance Force"), a capitalised word after "the town of"."""
    heads = _org_heads()
    before, _ = place_cues()
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
                out.append(Candidate(span.start_char, span.end_char, span.text, "ORG", tokens=len(span)))
        elif tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.ent_type_ \
                and free(tok.idx, tok.idx + len(tok.text)) and (i + 1 == len(doc) or doc[i + 1].pos_ != "PROPN") \
                and any(i >= len(c) and tuple(t.lower_ for t in doc[i - len(c):i]) == c for c in cues):
            out.append(Candidate(tok.idx, tok.idx + len(tok.text), tok.text, "GPE", place_cue=True))
        i += 1
    return out


def _resolve_with_gazetteer(cand: Candidate, span: Span, gaz) -> None:
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
    words = cand.text.split(maxsplit=1)
    if entry is None and len(words) == 2 and words[0].lower() in _COMPASS_WORDS:
        entry = gaz.lookup(words[1])          # "Northern Syria", "Western Iraq": that country
        if entry is not None and entry.type != "Place":
            entry = None
    cand.entry = entry


def _acts(span: Span) -> bool:
    """Whether a capital's mention stands for its government: an actor, not a location."""
    root = span.root
    if root.dep_ in _ACTOR_DEPS and root.dep_ != "conj":
        return True
    if root.dep_ == "pobj" and root.head.lower_ in _ACTOR_PREPS:
        verb = root.head.head                    # not "flew to Washington", "reported from Nairobi"
        return not (root.head.lower_ in ("to", "from") and verb.lemma_.lower() in _motion_verbs())
    return root.dep_ == "compound" and root.head.lemma_ in ("talk", "official", "government")


def _has_place_cue(doc: Doc, span: Span, before: set, after: set) -> bool:
    for cue in before:
        n = len(cue)
        if span.start >= n and tuple(t.lower_ for t in doc[span.start - n:span.start]) == cue:
            return True
    return span.end < len(doc) and doc[span.end].lower_ in after


def _with_name_modifier(ent: Span, gaz) -> Span:
    """A place name with the capitalised word before it that spaCy left out and that modifies it:
    "Little Havana" is not Havana, "Greater London" not London. Not a demonym, title or other
    name ("Syrian Aleppo", "President Obama"), nor a sentence's first word."""
    if ent.label_ not in ("GPE", "LOC", "FAC") or ent.start == 0:
        return ent
    prev = ent.doc[ent.start - 1]
    if not (prev.is_title and prev.is_alpha) or prev.is_sent_start or prev.ent_type_ \
            or prev.dep_ not in ("compound", "amod") or prev.head.i not in range(ent.start, ent.end) \
            or (prev.lower_,) in title_words() or gaz.demonym(prev.text) or gaz.lookup(prev.text) \
            or prev.lower_ in _COMPASS_WORDS:   # "Northern Syria" is still Syria
        return ent
    return ent.doc[ent.start - 1:ent.end]


def _not_a_name(span: Span) -> bool:
    """A capitalised word that names no one: an adverb opening a sentence ("Symbolically, ..."),
    or a lone "person" after "the" ("the Bill", "the Budget": a person's name takes no article)."""
    if len(span) != 1:
        return False
    tok = span[0]
    if tok.pos_ == "ADV" or tok.tag_ == "RB":
        return True
    return span.label_ == "PERSON" and tok.i > 0 and span.doc[tok.i - 1].lower_ == "the"


def _is_portfolio(span: Span, gaz) -> bool:
    """A name that is only the portfolio of the title after it: "Health" in "Health Secretary
    John Reid", "New Home" in "New Home Secretary". Known bodies and places before a title are
    its owners instead ("Labour MP", "UN Secretary-General")."""
    doc = span.doc
    if span.label_ not in ("ORG", "GPE", "NORP", "PERSON") or span.end >= len(doc) or len(span) > 2:
        return False
    if gaz.lookup(span.text) is not None or gaz.demonym(span.text) is not None or gaz.capital(span.text):
        return False
    return (doc[span.end].lower_,) in title_words() and doc[span.end].is_title


def _joined_names(doc: Doc, gaz) -> list[Span]:
    """spaCy's names, where it split "the Public and Commercial Services Union" in two joined
    again: a lone capitalised word, "and", and an organisation's name ending in its head noun."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        a = ents[i]
        b = ents[i + 1] if i + 1 < len(ents) else None
        if b is not None and b.label_ == "ORG" and len(a) == 1 and a.end + 1 == b.start \
                and doc[a.end].lower_ == "and" and a[0].is_title and b[-1].text in _org_heads() \
                and gaz.lookup(a.text) is None and gaz.demonym(a.text) is None:
            out.append(Span(doc, a.start, b.end, label="ORG"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _has_person_cue(span: Span) -> bool:
    """Whether what follows a name says it is a person: an age in apposition ("Farkas, 54,",
    "Howes, 37 years old") or "who" ("Har-Shefi, who ..."), or a reflexive or gendered
    pronoun as the next clause's subject ("Farkas said he ..."), in the same sentence."""
    doc = span.doc
    nxt = doc[span.end:span.end + 3]
    if len(nxt) >= 2 and nxt[0].text == "," and (nxt[1].like_num and (len(nxt) < 3 or nxt[2].text in (",", "years"))
                                                 or nxt[1].lower_ == "who"):
        return True
    if span.root.dep_ == "nsubj" and span.root.head.lemma_ in ("say", "tell", "add"):
        clause = [c for c in span.root.head.children if c.dep_ in ("ccomp", "parataxis")]
        return any(c2.dep_ == "nsubj" and c2.lower_ in ("he", "she") for c in clause for c2 in c.children)
    return False


def _is_language(span: Span) -> bool:
    """A language, not a people or its country: "spoke in Spanish", "switching to English", "the
    Persian language", "Spanish-language radio"."""
    root, doc = span.root, span.doc
    if root.dep_ in ("amod", "compound") and root.head.lemma_.lower() in _LANGUAGE_NOUNS:
        return True
    if text_of(doc)[span.end_char:span.end_char + 10].lower().startswith(("-language", "-speaking")):
        return True
    return root.ent_type_ == "LANGUAGE" and root.dep_ != "amod"


def _add_gazetteer_matches(doc: Doc, gaz, cands: list[Candidate]) -> list[Candidate]:
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
        cand = Candidate(span.start_char, span.end_char, text, None, tokens=len(span))
        _resolve_with_gazetteer(cand, span, gaz)
        if cand.entry is None:
            continue
        if cand.kind == "demonym" and (span.root.pos_ not in ("ADJ", "PROPN", "NOUN") or _is_language(span)):
            continue
        cands.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(cands, key=lambda c: c.start)


def _add_state_mentions(doc: Doc, gaz, cands: list[Candidate]) -> list[Candidate]:
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
        text = text_of(doc)[first.idx:tok.idx + len(tok.text)]
        out.append(Candidate(first.idx, tok.idx + len(tok.text), text, kind, kind="state",
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
            out.append(Candidate(start, end, text_of(doc)[start:end], kind, kind="state", tokens=n))
    return sorted(out, key=lambda c: c.start)


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


