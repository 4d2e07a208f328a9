"""Hand-built analyses for the view tests (records from graph.model, no spaCy)."""
from __future__ import annotations

import datetime as dt

from graph.model import Analysis, Document, Entity, Event, Mention, Relation, TimeExpression

#: Strings that would run script or fetch something if they ever became markup.
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    'href="x"',
    "</script>",
    "\u2028",
)
HOSTILE = "".join(PAYLOADS[:5]) + " line\u2028sep"


def _m(text: str, part: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Mention(start, start + len(part), part)


def _sentences(text: str) -> tuple[Mention, ...]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            out.append(Mention(start, i + 1, text[start:i + 1]))
            start = i + 2
    return tuple(out)


SEED_TEXT = ("Turkish President Recep Tayyip Erdogan met Russian officials in Ankara on 13 December 2016. "
             "Erdogan said Turkey and Russia would work for a ceasefire in Aleppo. "
             "The ICRC called on all parties to protect civilians in Aleppo.")


def seed_analysis() -> Analysis:
    t = SEED_TEXT
    doc = Document("seed", t, title="Turkey and Russia on Aleppo", published=dt.date(2016, 12, 13))
    erdogan = Entity("Q39723", "Recep Tayyip Erdogan", "Person", aliases=("Erdogan",),
                     mentions=(_m(t, "Recep Tayyip Erdogan"), _m(t, "Erdogan", 1)), wikidata="Q39723")
    turkey = Entity("Q43", "Turkey", "Place", subtype="Country",
                    mentions=(_m(t, "Turkish"), _m(t, "Turkey")), wikidata="Q43")
    russia = Entity("Q159", "Russia", "Place", subtype="Country",
                    mentions=(_m(t, "Russian"), _m(t, "Russia", 1)), wikidata="Q159")
    ankara = Entity("Q3640", "Ankara", "Place", subtype="City", mentions=(_m(t, "Ankara"),),
                    wikidata="Q3640")
    aleppo = Entity("Q41183", "Aleppo", "Place", subtype="City",
                    mentions=(_m(t, "Aleppo"), _m(t, "Aleppo", 1)), wikidata="Q41183")
    icrc = Entity("Q71", "International Committee of the Red Cross", "Organization", subtype="NGO",
                  aliases=("ICRC",), mentions=(_m(t, "ICRC"),), wikidata="Q71")
    sents = _sentences(t)
    when = _m(t, "13 December 2016")
    timex = TimeExpression(when.start, when.end, when.text, "DATE", "2016-12-13")
    meet = Event("seed-e1", "met", "036", (_m(t, "met"),), agents=("Q39723",), targets=("Q159",),
                 places=("Q3640",), timex=timex, begin=dt.date(2016, 12, 13), end=dt.date(2016, 12, 13),
                 sentence=sents[0])
    work = Event("seed-e2", "work for a ceasefire", "030", (_m(t, "work"),), agents=("Q43", "Q159"),
                 places=("Q41183",), modality="planned", sentence=sents[1])
    appeal = Event("seed-e3", "called on", "020", (_m(t, "called on"),), agents=("Q71",),
                   places=("Q41183",), begin=dt.date(2016, 12, 12), end=dt.date(2016, 12, 14),
                   sentence=sents[2])
    rels = (Relation("Q39723", "jobTitle", "President", _m(t, "President")),
            Relation("Q39723", "affiliation", "Q43", _m(t, "Turkish")),
            Relation("Q3640", "containedInPlace", "Q43"))
    return Analysis(doc, sentences=sents, entities=(erdogan, turkey, russia, ankara, aleppo, icrc),
                    events=(meet, work, appeal), relations=rels)


def other_analysis() -> Analysis:
    t = "Russia and Turkey agreed on a plan in Moscow on 20 December 2016."
    doc = Document("second", t, title="A second article", published=dt.date(2016, 12, 20))
    ents = (Entity("Q159", "Russia", "Place", subtype="Country", mentions=(_m(t, "Russia"),),
                   wikidata="Q159"),
            Entity("Q43", "Turkey", "Place", subtype="Country", mentions=(_m(t, "Turkey"),), wikidata="Q43"),
            Entity("Q649", "Moscow", "Place", subtype="City", mentions=(_m(t, "Moscow"),), wikidata="Q649"))
    sents = _sentences(t)
    agree = Event("second-e1", "agreed", "057", (_m(t, "agreed"),), agents=("Q159", "Q43"),
                  places=("Q649",), begin=dt.date(2016, 12, 20), end=dt.date(2016, 12, 20), sentence=sents[0])
    return Analysis(doc, sentences=sents, entities=ents, events=(agree,))


def hostile_analysis() -> Analysis:
    """Every text field that reaches the page carries the payloads."""
    t = f"{HOSTILE} met {HOSTILE} in {HOSTILE} on 1 May 2017."
    n = len(HOSTILE)
    a, b, c = (Mention(0, n, HOSTILE), Mention(n + 5, 2 * n + 5, HOSTILE),
               Mention(2 * n + 9, 3 * n + 9, HOSTILE))
    assert t[b.start:b.end] == HOSTILE and t[c.start:c.end] == HOSTILE
    doc = Document(f"doc-{HOSTILE}", t, title=HOSTILE, published=dt.date(2017, 5, 1),
                   url="javascript:alert(1)")
    person = Entity(f"p-{HOSTILE}", HOSTILE, "Person", subtype=HOSTILE, aliases=(HOSTILE + " alias",),
                    mentions=(a,), wikidata="javascript:alert(1)")
    org = Entity(f"o-{HOSTILE}", HOSTILE + " Org", "Organization", mentions=(b,),
                 wikidata='Q1"><script>alert(1)</script>')
    place = Entity(f"l-{HOSTILE}", HOSTILE + " Place", "Place", mentions=(c,))
    sents = (Mention(0, len(t), t),)
    ev = Event(f"e-{HOSTILE}", HOSTILE, HOSTILE, (Mention(n + 1, n + 4, "met"),), agents=(person.key,),
               targets=(org.key,), places=(place.key,), begin=dt.date(2017, 5, 1), end=dt.date(2017, 5, 1),
               timex=TimeExpression(0, 3, HOSTILE, "DATE", HOSTILE), modality=HOSTILE, sentence=sents[0])
    undated = Event(f"u-{HOSTILE}", HOSTILE + " undated", "010", (Mention(n + 1, n + 4, "met"),),
                    agents=(org.key,), sentence=sents[0])
    rels = (Relation(person.key, "jobTitle", HOSTILE), Relation(person.key, "affiliation", org.key))
    return Analysis(doc, sentences=sents, entities=(person, org, place), events=(ev, undated), relations=rels)
