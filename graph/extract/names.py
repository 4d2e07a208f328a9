"""Name surfaces: cleaning a span to the name itself, keys for comparing names, and slugs.

>>> surface_key("the ICRC's")
'icrc'
>>> initials("International Committee of the Red Cross")
'ICRC'
>>> slug("Ban Ki-moon")
'ban-ki-moon'
"""
from __future__ import annotations

import functools
import re
import unicodedata

from spacy.tokens import Span

from .lexicon import read_table

__all__ = ["clean_span", "surface_key", "initials", "slug", "title_words", "strip_possessive",
           "strip_accents"]

_FUNCTION_WORDS = {"of", "the", "for", "and", "on", "in", "de", "du", "la", "&", "to"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = "\"'“”‘’()[]{},;:-–—."


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[tuple[str, ...]]:
    """Titles and honorifics as lower-cased token tuples ("foreign", "minister")."""
    rows = read_table("en/titles.tsv")
    return frozenset(tuple(r["title"].lower().replace("-", " - ").split()) for r in rows)


def clean_span(span: Span, titles: frozenset) -> Span | None:
    """The name inside ``span``: without a leading "the", titles or honorifics, a trailing
    possessive or stray punctuation. None when nothing of a name is left.
    """
    doc = span.doc
    start, end = span.start, span.end
    for t in doc[start:end]:             # "Islamic Jihad (Holy War" → "Islamic Jihad"
        if t.text in ("(", "["):
            end = t.i
            break
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "'", "’")):
        end -= 1
    # titles: the longest title at the front, repeatedly ("Deputy Prime Minister Numan …")
    if span.label_ == "PERSON" or _starts_with_title(doc, start, end, titles):
        single = _single_words(titles)
        # an organisation keeps its words ("General Assembly"); a name keeps one word at least
        keep = 1 if span.label_ == "PERSON" else 2
        changed = True
        while changed and end - start > keep:
            changed = False
            for n in range(min(5, end - start - keep), 0, -1):
                words = tuple(t.lower_ for t in doc[start:start + n])
                if words in titles or (n == 1 and words[0].rstrip(".") in single):
                    start += n
                    changed = True
                    break
    if start >= end:
        return None
    cleaned = doc[start:end]
    text = cleaned.text
    # "Kurtulmus'" → the apostrophe is part of the token
    if _POSSESSIVE.search(text) and len(cleaned) == end - start:
        stripped = strip_possessive(text)
        if stripped != text and stripped:
            cut = len(text) - len(stripped)
            return doc.char_span(cleaned.start_char, cleaned.end_char - cut, label=span.label_,
                                 alignment_mode="contract") or cleaned
    return doc[start:end] if start != span.start or end != span.end else span


@functools.lru_cache(maxsize=4)
def _single_words(titles: frozenset) -> frozenset[str]:
    """The one-word titles ("mr", "president"), to match "Mr." as well as "Mr"."""
    return frozenset(w[0] for w in titles if len(w) == 1)


def strip_accents(text: str) -> str:
    """"Mevlüt Çavuşoğlu" → "Mevlut Cavusoglu"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _starts_with_title(doc, start: int, end: int, titles: frozenset) -> bool:
    return any(tuple(t.lower_ for t in doc[start:start + n]) in titles for n in range(1, 5)
               if start + n < end)


def strip_possessive(text: str) -> str:
    """"Kurtulmus'" → "Kurtulmus", "Turkey's" → "Turkey"."""
    return _POSSESSIVE.sub("", text).rstrip(_EDGE_PUNCT).lstrip(_EDGE_PUNCT)


def surface_key(text: str) -> str:
    """Compare names by this: lower case, no accents, no dots, no leading 'the', no possessive."""
    s = strip_accents(text).replace(".", "")
    s = _POSSESSIVE.sub("", s.strip()).lower()
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def initials(name: str) -> str:
    """Capital initials of the content words of ``name``."""
    words = re.findall(r"[\w']+", name)
    return "".join(w[0].upper() for w in words if w.lower() not in _FUNCTION_WORDS)


def slug(text: str) -> str:
    """A stable, readable identifier part: ASCII, lower case, hyphens."""
    s = re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-")
    return s or "x"
