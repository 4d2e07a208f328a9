"""Tense of what a time expression modifies, as seen from the DCT: ``"past"``, ``"future"`` or None.

Weekdays, months and seasons given without a year go back or forward by it ("said Tuesday" vs
"will meet on Friday"); the cue words are ``graph/resources/en/timex/cues.tsv``.
"""
from __future__ import annotations

from spacy.tokens import Doc

from graph.extract.timex_rules import rules

__all__ = ["tense_at"]


def _pluperfect(verb) -> bool:
    """Whether a verb has the auxiliary "had" ("had been due to ...")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children)


def _verb_tense(verb, cues, depth: int = 0) -> str | None:
    """Tense of a verb as seen from the DCT: "past", "future" or None (present, unknown)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lemma_.lower() for c in auxes} | {c.text.lower() for c in auxes}
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBN" and any(c.lower_ == "have" and c.tag_ == "VB" for c in auxes):
        return "past"                         # "may have been hit on Friday": a modal perfect
    if words & (cues.get("future", set()) | cues.get("modal", set())):
        return "future"
    planned = lemma in cues.get("plan", ()) and verb.tag_ != "VBD" and (
        lemma != "set" or any(c.dep_ == "xcomp" for c in verb.children))   # not "a record set on Aug. 6"
    if planned or (lemma == "go" and verb.tag_ == "VBG"):
        return "future"                       # "plans to ...", "is going to ..."
    if any(c.dep_ in ("acomp", "xcomp", "oprd") and c.lemma_.lower() in cues.get("plan", ())
           for c in verb.children):
        return "future"                       # "is due ..."
    head = verb.head
    if verb.tag_ == "VB" and any(c.tag_ == "TO" for c in auxes):
        hl = head.lemma_.lower()
        if hl in cues.get("plan", ()) | cues.get("event", ()) | cues.get("resolve", ()):
            # "had been scheduled to expire Friday": a plan given up, so already past
            return "past" if _pluperfect(head) or _pluperfect(head.head) else "future"
        if hl == "be" and head.tag_ in ("VBZ", "VBP"):
            return "future"                   # "is to resume trading Tuesday"
        if head is not verb and head.pos_ in ("VERB", "AUX") and depth < 3:
            t = _verb_tense(head, cues, depth + 1)
            return None if t == "past" else t     # "subpoenaed him to testify on Feb. 10": either side
        return None
    if verb.tag_ == "VB" and any(c.tag_ == "VBD" for c in auxes):
        return "past"                         # "did not say"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not words & {"is", "are", "am", "be", "'s", "'re"}):
        return "past"
    if verb.tag_ == "VBN":
        return None                           # present passive: "the case is heard in May"
    if verb.tag_ == "VBG":
        if words & {"was", "were"}:
            return "past"
        if words & {"is", "are", "am", "'s", "'re"}:
            return "future"                   # "is meeting Friday"
        if head is not verb and head.pos_ in ("VERB", "AUX") and depth < 3:
            return _verb_tense(head, cues, depth + 1)
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        if lemma in ("be", "have") or lemma in cues.get("say", ()):
            return None
        if verb.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children):
            return "past"                     # "Weakness hurt stocks on Friday": not "hurts"
        return "future"                       # "the leaders meet Monday"
    return None


def _prefix(doc: Doc, span) -> str:
    """The (up to) three words before a span, with their spacing."""
    return "".join(t.text_with_ws for t in doc[max(0, span.start - 3):span.start])


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """``"past"``, ``"future"`` or None for what the characters ``start:end`` of ``doc`` modify."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    rs = rules()
    cues = rs.cues
    tok = span.root
    if rs.before.search(_prefix(doc, span)):
        verb = next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is not None and _pluperfect(verb):
            return "past"                     # "Until Thursday, they had not called him a suspect"
        return "future"                       # "until Tuesday", "as early as Tuesday"
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i >= span.end:
        if tok.head.lemma_.lower() not in cues.get("event", ()):
            return None                       # "a June agreement": no verb's tense, the nearest
    planned = False
    plans = cues.get("plan", ())
    lo = span.start
    while lo > 0 and span.start - lo < 8 and not doc[lo].is_sent_start:
        lo -= 1
    for near in doc[lo:span.start]:           # "possible talks ... on Wednesday"
        if near.lemma_.lower() in cues.get("event", ()) and any(
                c.lemma_.lower() in plans or c.lower_ in plans for c in near.children):
            return "future"
    if tok.dep_ == "poss":                    # "Wednesday's ruling": the noun's own time
        plans = cues.get("plan", ())
        return "future" if any(c.lemma_.lower() in plans for c in tok.head.children) else None
    for _ in range(10):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.pos_ == "ADJ" and tok.lower_ in cues.get("plan", ()):
            return "future"                   # "payable Dec. 7", "effective Feb. 1", "due Friday"
        if tok.lemma_.lower() in cues.get("event", ()):
            if any(c.lemma_.lower() in cues.get("plan", ()) or c.text.lower() in cues.get("plan", ())
                   for c in tok.children):
                return "future"
            planned = True
    else:
        return None
    if tok.pos_ not in ("VERB", "AUX"):
        return "future" if planned else None
    if tok.dep_ in ("ccomp", "advcl") and tok.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i >= span.end for c in tok.children):
        tok = tok.head                        # "said on Monday they will meet": the timex is said's
    t = _verb_tense(tok, cues)
    if planned and t == "past":
        return None                           # "invited them to a ceremony on March 12"
    if t is None and tok.head is not tok and tok.dep_ in ("xcomp", "ccomp", "advcl", "conj"):
        t = _verb_tense(tok.head, cues) if tok.dep_ == "xcomp" else None
    if t is None and planned:
        return "future"
    return t
