"""Places: ``containedInPlace`` (from a smaller place to a larger one only) and ``location`` (where
an organisation is based).
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Entity
from . import relation_lexicon as lex
from .relation_index import HYPHENS, POSSESSIVE, Collector, Index, Ment, noun_phrase_end, np_head, place_level

__all__ = ["place_relations"]


def place_relations(doc: Doc, ix: Index, out: Collector) -> None:
    """Add which place lies in which, and where organisations are based."""
    _containment(doc, ix, out)
    _locations(doc, ix, out)


def _containment(doc: Doc, ix: Index, out: Collector) -> None:
    levels = lex.place_levels()

    noun_level = {}
    for mm in ix.mentions:          # "Idlib province": the noun after the name gives its level
        if mm.end < len(doc) and doc[mm.end].lower_ in levels and place_level(mm.entity) is None:
            noun_level.setdefault(mm.entity.key, levels[doc[mm.end].lower_])

    def contain(small: Entity, large: Entity, at: int) -> None:
        ls = place_level(small) or noun_level.get(small.key)
        ll = place_level(large) or noun_level.get(large.key)
        if small.key == large.key or ll is None or (ls or 1) >= ll:
            return
        known = lex.country_of(small.wikidata)
        if known and large.subtype == "Country" and known != large.wikidata:
            return                           # "in Paris, Ireland face …": Paris is in France
        if known and lex.country_of(large.wikidata) not in (None, known):
            return
        out.add(small, "containedInPlace", large.key, at)

    # names the entity extractor did not type as places are taken where the text says what
    # kind of place they are ("Lashkargah, the capital of …", "the village of X")
    places = [m for m in ix.mentions if m.entity.type != "Person"]
    for m in places:
        sent = ix.sent(m.start)
        # "the Syrian city of Aleppo", "the village of Darnami"
        if m.start >= 2 and doc[m.start - 1].lower_ == "of" and doc[m.start - 2].lower_ in levels \
                and doc[m.start - 2].is_lower:
            k = m.start - 3
            while k >= sent.start and (doc[k].pos_ in ("ADJ", "NUM") or doc[k].lower_ in POSSESSIVE
                                       or k in ix.cover) and not (k in ix.cover and place_level(ix.entity_at(k)) is None):
                e = ix.entity_at(k)
                if e is not None and e.type == "Place":
                    contain(m.entity, e, m.start)
                    break
                k -= 1
        after = m.end
        # "Darnami in restive Khost province"
        if after < sent.end and doc[after].lower_ == "in" and m.entity.type == "Place":
            k = after + 1
            while k < sent.end and k not in ix.cover and doc[k].pos_ in ("ADJ",) and k - after <= 3:
                k += 1
            if (big := ix.at_start.get(k)) and big.entity.type == "Place":
                contain(m.entity, big.entity, m.start)
        if after < sent.end and doc[after].text == ",":
            k = after + 1
            # "Darnami, Khost province" / "Sderot, Israel" (not a list of places)
            if (big := ix.at_start.get(k)) and big.entity.type == "Place" and _ends_phrase(doc, big):
                if m.entity.type == "Place" and not _in_list(doc, ix, m, big, sent):
                    contain(m.entity, big.entity, m.start)
                continue
            # "Aleppo, Syria's second city", "Sderot, southern Israeli town", "Lashkargah, the
            # provincial capital", "Lashkargah, the capital of Helmand province"
            end = noun_phrase_end(doc, k, sent.end, ix)
            head = np_head(doc, k, end, ix) if end > k else None
            if head is None or doc[head].lower_ not in levels or head in ix.cover:
                continue
            owner = next((ix.entity_at(j) for j in range(k, head)
                          if (e := ix.entity_at(j)) is not None and e.type == "Place"), None)
            if owner is None and (big := ix.after_preposition(end, sent.end, ("of", "in"))) \
                    and big.entity.type == "Place":
                owner = big.entity
            if owner is None:
                adj = next((lex.place_adjectives()[doc[j].lower_] for j in range(k, head)
                            if doc[j].lower_ in lex.place_adjectives()), None)
                if adj is not None:
                    owner = _last_place(ix, m.start, adj, noun_level)
            if owner is not None:
                contain(m.entity, owner, m.start)


def _ends_phrase(doc: Doc, m: Ment) -> bool:
    """Whether a name after a comma is a phrase of its own, not the subject of a new clause
    ("in Paris, Ireland face …") or a modifier ("Edinburgh, Wales Secretary Peter Hain")."""
    root = doc[m.start:m.end].root
    if root.dep_ in ("nsubj", "nsubjpass", "compound", "poss"):
        return False
    return m.end >= len(doc) or (doc[m.end].pos_ not in ("NOUN", "PROPN", "VERB", "AUX")
                                 and doc[m.end].lower_ not in POSSESSIVE)


def _in_list(doc: Doc, ix: Index, first: Ment, second: Ment, sent) -> bool:
    """Whether "A, B" is part of a list of places ("Kabul, Kandahar and Helmand"); never where B
    is an abbreviated state ("Oklahoma City, Okla., and Birmingham, Ala.")."""
    if doc[second.end - 1].text.endswith(".") and len(doc[second.start:second.end].text) <= 6:
        return False

    def place_at(i: int) -> bool:
        m = ix.at_start.get(i)
        return m is not None and m.entity.type == "Place"

    j = second.end
    if j < sent.end and doc[j].lower_ in (",", "and", "or"):
        k = j + 1 + (j + 1 < sent.end and doc[j + 1].lower_ in ("and", "or"))
        if place_at(k) or doc[j].lower_ in ("and", "or"):
            return True
    i = first.start - 1
    if i > sent.start and doc[i].lower_ in (",", "and", "or"):
        prev = ix.at_end.get(i)
        return prev is not None and prev.entity.type == "Place"
    return False


def _last_place(ix: Index, before: int, level: int, noun_level: dict[str, int]) -> Entity | None:
    """The last place of ``level`` mentioned before token ``before``."""
    found = None
    for m in ix.mentions:
        if m.start >= before:
            break
        if (place_level(m.entity) or noun_level.get(m.entity.key)) == level:
            found = m.entity
    return found


def _locations(doc: Doc, ix: Index, out: Collector) -> None:
    based = lex.based_words()
    for tok in doc:
        if tok.lower_ not in based:
            continue
        sent = ix.sent(tok.i)
        # "the Britain-based Syrian Observatory"
        if tok.i >= 2 and doc[tok.i - 1].text in HYPHENS and (place := ix.at_end.get(tok.i - 1)) \
                and place.entity.type == "Place":
            org = _org_after(doc, ix, tok.i + 1, sent.end)
            if org is not None:
                out.add(org, "location", place.entity.key, tok.i)
            continue
        # "the Arab League, (which is) headquartered in Cairo"
        place = ix.after_preposition(tok.i + 1, sent.end, ("in",))
        if place is None or place.entity.type != "Place":
            continue
        j = tok.i - 1
        while j > sent.start and (doc[j].lower_ in ("which", "that", "is", "was", ",")
                                  or doc[j].pos_ == "ADV"):
            j -= 1
        org = ix.at_end.get(j + 1)
        if org is not None and org.entity.type == "Organization":
            out.add(org.entity, "location", place.entity.key, tok.i)


def _org_after(doc: Doc, ix: Index, i: int, limit: int) -> Entity | None:
    """The organisation a "X-based" modifier stands before ("the Britain-based Syrian
    Observatory"): the first name within its noun phrase."""
    for k in range(i, min(i + 5, limit)):
        e = ix.entity_at(k)
        if e is not None and e.type == "Organization":
            return e
        if e is None and doc[k].pos_ not in ("ADJ", "NOUN", "PROPN") and doc[k].text not in HYPHENS:
            return None
    return None
