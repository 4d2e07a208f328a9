"""The event extractor's data: CAMEO verbs and nouns, verb patterns and cue words.

Read once from ``graph/resources/en/events/``:

- ``cameo_verbs.tsv`` and ``cameo_patterns.tsv``, built by ``scripts/build_cameo_lexicon.py``
  from the PETRARCH2 verb dictionary (MIT, (c) 2015 Open Event Data Alliance);
- ``newsgraph_lexicon.tsv`` and ``newsgraph_patterns.tsv``, event nouns and corrections written
  for newsgraph, which win over the PETRARCH2 rows;
- ``cues.tsv``: modality, negation, support verbs and the prepositions of roles;
- ``recode.tsv``: how modality and negation change a code (a planned meeting is an intent, 036).

>>> lex = event_lexicon()
>>> lex.code("say", "", "VERB"), lex.code("talk", "", "NOUN"), lex.code("call", "off", "VERB")
('010', '040', '160')
>>> lex.pattern_code("call", "", "for", "ceasefire"), lex.pattern_code("call", "", "for", "")
('0256', '020')
>>> lex.cue("will", "modal"), lex.cue("step up", "support")
('planned', 'planned')
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .lexicon import read_table

__all__ = ["EventLexicon", "event_lexicon", "NO_EVENT"]

#: The code that says "this word or pattern is not an event".
NO_EVENT = "---"

_DIR = "en/events/"


@dataclass(frozen=True)
class EventLexicon:
    """Lemma → code tables and cue words; every lookup is by lower-case lemma."""

    words: dict[tuple[str, str], str]                    # (lemma or "verb particle", pos) -> code
    patterns: dict[tuple[str, str, str, str], str]       # (lemma, particle, prep, object) -> code
    cues: dict[str, dict[str, str]] = field(default_factory=dict)   # kind -> cue -> value
    recodes: dict[tuple[str, str, bool], str] = field(default_factory=dict)

    def code(self, lemma: str, particle: str, pos: str) -> str | None:
        """The code of a word (with its particle, if the phrasal verb is listed), or None."""
        if particle and (c := self.words.get((f"{lemma} {particle}", pos))):
            return c
        return self.words.get((lemma, pos))

    def has_phrasal(self, lemma: str, particle: str) -> bool:
        return bool(particle) and (f"{lemma} {particle}", "VERB") in self.words

    def pattern_code(self, lemma: str, particle: str, prep: str, obj: str) -> str | None:
        """The code of a verb pattern (object word, or prep with or without its object)."""
        return self.patterns.get((lemma, particle, prep, obj))

    def cue(self, word: str, kind: str) -> str | None:
        """The value of a cue of that kind ('' for a cue without value), or None."""
        return self.cues.get(kind, {}).get(word)

    def cue_words(self, kind: str) -> frozenset[str]:
        return frozenset(self.cues.get(kind, {}))

    def recode(self, code: str, modality: str, negated: bool) -> str:
        """The code an event gets for its modality and polarity ("will meet" → 036).

        >>> event_lexicon().recode("040", "planned", False), event_lexicon().recode("040", "asserted", False)
        ('036', '040')
        """
        return self.recodes.get((code[:2], modality, negated), code)


@functools.lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    """The lexicon, read once."""
    words: dict[tuple[str, str], str] = {}
    for name in ("cameo_verbs.tsv", "newsgraph_lexicon.tsv"):
        for row in read_table(_DIR + name):
            words[(row["lemma"].lower(), row["pos"])] = row["code"]
    patterns: dict[tuple[str, str, str, str], str] = {}
    for name in ("cameo_patterns.tsv", "newsgraph_patterns.tsv"):
        for row in read_table(_DIR + name):
            key = (row["lemma"], row["particle"], row["prep"], row["object"])
            patterns[key] = row["code"]
    cues: dict[str, dict[str, str]] = {}
    for row in read_table(_DIR + "cues.tsv"):
        cues.setdefault(row["kind"], {})[row["cue"]] = row["value"]
    recodes = {(r["root"], r["modality"], r["negated"] == "yes"): r["code"]
               for r in read_table(_DIR + "recode.tsv")}
    return EventLexicon(words, patterns, cues, recodes)
