"""Per-document caches over a spaCy ``Doc``: ``Doc.text`` joins every token again and
``Token.sent`` walks every sentence again on each access, which made them the extractors' hot
spots. Both are kept in ``doc.user_data`` (plain values, so the doc still serialises) and rebuilt
if the doc's length changes.

>>> from graph.nlp import load_nlp
>>> doc = load_nlp()("Turkey met Russia. Iran met Syria.")
>>> text_of(doc) == doc.text, sentence_of(doc[5]).text
(True, 'Iran met Syria.')
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

__all__ = ["text_of", "sentence_of"]

_TEXT = ("newsgraph", "text")
_SENTENCES = ("newsgraph", "event_sentences")


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once."""
    cached = doc.user_data.get(_TEXT)
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[_TEXT] = (len(doc), doc.text)
    return cached[1]


def sentence_of(tok: Token) -> Span:
    """The parser's sentence of a token, from an index built once per doc."""
    doc = tok.doc
    index = doc.user_data.get(_SENTENCES)
    if index is None or index[0] != len(doc):
        bounds = [(s.start, s.end) for s in doc.sents]
        index = doc.user_data[_SENTENCES] = (len(doc), [b[0] for b in bounds], [b[1] for b in bounds])
    n = bisect.bisect_right(index[1], tok.i) - 1
    return doc[index[1][n]:index[2][n]]
