"""Title phrases: the words that name an office, read from the parse and the titles lexicon.

``parse_title_np`` reads "[det] [former] [owner ['s]] [modifiers] TITLE [of|for|at|to|in
complement]" ("Turkey's Deputy Prime Minister", "a spokesman for ISAF", "head of the North Korean
delegation") into a ``TitleNP``: the title as written, the country or organisation whose office it
is, and whether it is no longer held.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..model import Entity
from . import relation_lexicon as lex
from .relation_index import (DETERMINERS, HYPHENS, POSSESSIVE, Index, Ment, closing_paren, is_owner, known_body,
                             noun_phrase_end, np_head)

__all__ = ["TitleNP", "parse_title_np", "match_title", "np_owner"]


@dataclass
class TitleNP:
    """A phrase naming an office: "Turkey's Deputy Prime Minister", "a spokesman for ISAF"."""

    start: int                  # first token of the phrase (its determiner or owner)
    end: int                    # one past its last token
    title: str                  # the title as written ("head of delegation")
    title_start: int            # token where the title text begins
    owner: Entity | None        # the country or organisation whose office it is
    owner_is_state: bool        # the owner is a country (a demonym, "Turkey's")
    past: bool                  # "former President": no longer held


_NOT_OFFICE_WORDS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def _is_portfolio(doc: Doc, ix: Index, m: Ment, limit: int, plain: bool) -> bool:
    """Whether a name before a title is the office's portfolio rather than its owner: an
    unresolved name with no organisation word, right before a capitalised title."""
    e = m.entity
    if e.type != "Organization" or known_body(e):
        return False                         # a known body ("Labour MP") owns the office
    if m.end >= limit or not doc[m.end].text[:1].isupper():
        return False
    if any(t.lower_ in lex.org_nouns() for t in doc[m.start:m.end]):
        return False
    return match_title(ix, m.end, limit, plain) > m.end


def _free_modifier(doc: Doc, j: int, limit: int, ix: Index, plain: bool, started: bool) -> bool:
    """Whether ``doc[j]`` is part of a title that begins before the lexicon's words:
    "Communications Minister", "Economic and Fiscal Policy Minister", "deputy planning director".
    A capitalised word needs a capitalised title ahead; a lower-case one must modify it."""
    t = doc[j]
    if t.ent_type_ in _NOT_OFFICE_WORDS or t.is_punct:
        return False
    upper = t.text[:1].isupper()
    if t.lower_ in ("and", "&"):
        return started and j + 1 < limit and doc[j + 1].text[:1].isupper()
    if t.pos_ not in ("PROPN", "NOUN", "ADJ") or (upper and j == ix.sent(j).start and t.pos_ != "PROPN"):
        return False
    for k in range(j + 1, min(j + 5, limit)):
        if k in ix.cover:
            return False
        end = match_title(ix, k, limit, plain)
        if end > k:
            if upper:
                return doc[k].text[:1].isupper()
            head = t                         # "home affairs spokesman": home → affairs → spokesman
            while head.dep_ in ("compound", "amod", "nmod") and head.head.i < k and head.head.i > head.i:
                head = head.head
            return doc[k].is_lower and head.dep_ in ("compound", "amod", "nmod") and k <= head.head.i < end
        nxt = doc[k]
        if not (nxt.pos_ in ("PROPN", "NOUN", "ADJ") or nxt.lower_ in ("and", "&")) or \
                nxt.text[:1].isupper() != upper:
            return False
    return False


def match_title(ix: Index, i: int, limit: int, plain: bool) -> int:
    """End of the longest title starting at token ``i`` and ending by ``limit`` (``i`` when
    none). ``plain`` also accepts a plain office noun ("head", "administrator")."""
    for end in ix.title_ends(i):
        if end <= limit:
            return end
    if plain and i < limit and ix.office[i]:
        return i + 1
    return i


def np_owner(doc: Doc, i: int, end: int, ix: Index) -> tuple[Entity | None, bool]:
    """Whose a complement noun phrase is: the entity it names, else a country or organisation
    modifying it ("the North Korean delegation" → North Korea)."""
    head = np_head(doc, i, end, ix)
    e = ix.entity_at(head)
    if is_owner(e):
        return e, True
    mods = [ix.entity_at(k) for k in range(i, head)]
    mods = [m for m in mods if is_owner(m)]
    countries = [m for m in mods if m.type == "Place"]
    if countries:
        return countries[0], False
    return (mods[0], False) if mods else (None, False)


def parse_title_np(doc: Doc, i: int, limit: int, ix: Index, *, plain: bool) -> TitleNP | None:
    """Read an office phrase starting at ``i``:
    [det] [former] [owner ['s] [(ACRONYM)]] [modifiers] TITLE [of|for|at|to|in complement]."""
    effects = lex.modifier_effects()
    j, past = i, False
    if j < limit and doc[j].lower_ in DETERMINERS:
        j += 1
    while j < limit and effects.get(doc[j].lower_) == "past" and j not in ix.cover:
        past = True                          # "former WorldCom chief Bernie Ebbers"
        j += 1
        if j < limit and doc[j].text in HYPHENS:
            j += 1
    owner, owner_is_state = None, False
    m = ix.at_start.get(j)
    portfolio = m is not None and _is_portfolio(doc, ix, m, limit, plain)
    if portfolio:
        m = None                             # "Education Secretary Ruth Kelly"
    if m is not None and m.end < limit and is_owner(m.entity):
        k = m.end
        if doc[k].lower_ in POSSESSIVE:
            k += 1
        if k < limit and doc[k].text == "(":
            close = closing_paren(doc, k, limit)
            if close is not None:
                k = close + 1
        owner, owner_is_state, j = m.entity, m.entity.type == "Place", k
    elif m is not None:
        return None                          # a person or other name: not an office phrase
    else:                                    # "the clinic's administrator": no entity owns it
        k = next((k for k in range(j, min(j + 3, limit)) if doc[k].lower_ in POSSESSIVE), None)
        if k is not None and k > j and all(doc[x].pos_ in ("NOUN", "ADJ") and x not in ix.cover
                                           for x in range(j, k)):
            j = k + 1
    title_start = None
    free = 0
    if portfolio:
        title_start, j = j, ix.at_start[j].end
    while j < limit:
        word = doc[j].lower_
        end = match_title(ix, j, limit, plain)
        if end > j and (word not in effects or match_title(ix, j + 1, limit, plain) == j + 1):
            break                            # a title begins here ("Chief of Staff", "police chief")
        if j in ix.cover:
            break
        if word in effects:
            if effects[word] == "past":
                past = True
            elif title_start is None:
                title_start = j
            j += 1
            if j < limit and doc[j].text in HYPHENS:
                j += 1
            continue
        if free < 3 and _free_modifier(doc, j, limit, ix, plain, title_start is not None):
            title_start = j if title_start is None else title_start
            free += 1
            j += 1
            continue
        break
    end = match_title(ix, j, limit, plain)
    if end == j:
        return None
    if title_start is None:
        title_start = j
    # "chief investment officer": the matched title modifies a noun after it
    while end < limit and end not in ix.cover and doc[end].pos_ == "NOUN" and doc[end].is_lower \
            and doc[end - 1].dep_ in ("compound", "amod") and doc[end - 1].head.i >= end:
        end += 1
    title_end = end
    # complements
    if end < limit and doc[end].lower_ in ("of", "for", "to", "in", "at"):
        prep = doc[end].lower_
        np_end = noun_phrase_end(doc, end + 1, limit, ix)
        head = np_head(doc, end + 1, np_end, ix) if np_end > end + 1 else None
        if head is not None and (head in ix.cover or doc[head].pos_ in ("NOUN", "PROPN")):
            comp_owner, is_head = np_owner(doc, end + 1, np_end, ix)
            if prep == "of" and not is_head:
                title_end = np_end           # "head of the North Korean delegation"
            if prep in ("of", "for", "at") and owner is None and comp_owner is not None:
                owner, owner_is_state = comp_owner, comp_owner.type == "Place"
            end = np_end
            if end < limit and doc[end].lower_ == "in":       # "head of delegation in Syria"
                in_end = noun_phrase_end(doc, end + 1, limit, ix)
                if in_end > end + 1 and ix.entity_at(np_head(doc, end + 1, in_end, ix)):
                    end = in_end
    title = doc[title_start:title_end].text
    return TitleNP(i, end, title, title_start, owner, owner_is_state, past)
