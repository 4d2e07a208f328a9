"""A small knowledge graph built by hand from graph.model records (no spaCy): two articles about
Turkey and Russia, and a third whose id and text are made to break careless serialisers.

(A module of its own, not conftest.py, so that tests and subprocesses can import it by a name
no other test folder uses.)"""
from __future__ import annotations

import datetime as dt

from graph.model import Analysis, Document, Entity, Event, Mention, Relation, TimeExpression

TEXT1 = ("Turkey will intensify talks with Russia, Foreign Minister Mevlut Cavusoglu said on Tuesday.\n"
         "The International Committee of the Red Cross said its team in Ankara was safe.")
TEXT2 = "Russian and Turkish officials met in Moscow last week. Cavusoglu praised the ICRC."
TEXT3 = 'He said "stop" <script>alert(1)</script> \\ in Zürich\n\ttoday — ok.'


def span(text: str, needle: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Mention(start, start + len(needle), needle)


def timex(text: str, needle: str, type_: str, value: str, mod: str | None = None) -> TimeExpression:
    m = span(text, needle)
    return TimeExpression(m.start, m.end, needle, type_, value, mod)


def sentences(text: str) -> tuple[Mention, ...]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".\n" and (i + 1 == len(text) or text[i + 1] in " \n"):
            chunk = text[start:i + 1]
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Mention(start + lead, i + 1, text[start + lead:i + 1]))
            start = i + 1
    return tuple(out)


def analyses() -> list[Analysis]:
    d1 = Document("000_test", TEXT1, title="Turkey to intensify talks with Russia",
                  published=dt.date(2016, 12, 13), url="https://example.org/a?id=1&x=2",
                  source="seeds/000_test.txt")
    s1 = sentences(TEXT1)
    tuesday = timex(TEXT1, "Tuesday", "DATE", "2016-12-13")
    ents1 = (
        Entity("Q43", "Turkey", "Place", "Country", mentions=(span(TEXT1, "Turkey"),), wikidata="Q43"),
        Entity("Q159", "Russia", "Place", "Country", mentions=(span(TEXT1, "Russia"),), wikidata="Q159"),
        Entity("person:mevlut-cavusoglu", "Mevlut Cavusoglu", "Person",
               mentions=(span(TEXT1, "Mevlut Cavusoglu"),)),
        Entity("Q71", "International Committee of the Red Cross", "Organization", "NGO", aliases=("ICRC",),
               mentions=(span(TEXT1, "International Committee of the Red Cross"),), wikidata="Q71"),
        Entity("Q3640", "Ankara", "Place", "City", mentions=(span(TEXT1, "Ankara"),), wikidata="Q3640"),
    )
    ev1 = Event("000_test:036:1", "Turkey intensifies talks with Russia", "036",
                mentions=(span(TEXT1, "intensify"),), agents=("Q43", "person:mevlut-cavusoglu"),
                targets=("Q159",), timex=tuesday, begin=dt.date(2016, 12, 13), end=dt.date(2016, 12, 13),
                modality="planned", sentence=s1[0])
    rels1 = (Relation("person:mevlut-cavusoglu", "jobTitle", "Foreign Minister", span(TEXT1, "Foreign Minister")),
             Relation("person:mevlut-cavusoglu", "affiliation", "Q43"),
             Relation("Q3640", "containedInPlace", "Q43"),
             Relation("Q71", "location", "Q3640"))
    a1 = Analysis(d1, s1, ents1, (tuesday,), (ev1,), rels1)

    d2 = Document("001_test", TEXT2, published=dt.date(2016, 12, 20), source="seeds/001_test.txt")
    s2 = sentences(TEXT2)
    last_week = timex(TEXT2, "last week", "DATE", "2016-W50")
    ents2 = (
        Entity("Q43", "Turkey", "Place", "Country", aliases=("Turkish",), mentions=(span(TEXT2, "Turkish"),),
               wikidata="Q43"),
        Entity("Q159", "Russia", "Place", "Country", aliases=("Russian",), mentions=(span(TEXT2, "Russian"),)),
        Entity("Q649", "Moscow", "Place", "City", mentions=(span(TEXT2, "Moscow"),), wikidata="Q649"),
        Entity("person:mevlut-cavusoglu", "Cavusoglu", "Person", mentions=(span(TEXT2, "Cavusoglu"),)),
        Entity("Q71", "ICRC", "Organization", "NGO", mentions=(span(TEXT2, "ICRC"),)),
    )
    ev2 = Event("001_test:040:1", "Russian and Turkish officials meet", "040", mentions=(span(TEXT2, "met"),),
                agents=("Q159",), targets=("Q43",), places=("Q649",), timex=last_week,
                begin=dt.date(2016, 12, 12), end=dt.date(2016, 12, 18), sentence=s2[0])
    ev3 = Event("001_test:051:1", "Cavusoglu praises the ICRC", "051", mentions=(span(TEXT2, "praised"),),
                agents=("person:mevlut-cavusoglu",), targets=("Q71",))
    a2 = Analysis(d2, s2, ents2, (last_week,), (ev2, ev3), (Relation("Q649", "containedInPlace", "Q159"),))

    d3 = Document("odd/id with space#1", TEXT3, title='A "quoted" <b>title</b>\nwith a newline')
    zurich = Entity("Q72", "Zürich", "Place", "City", mentions=(span(TEXT3, "Zürich"),), wikidata="Q72")
    today = timex(TEXT3, "today", "DATE", "PRESENT_REF", mod="APPROX")
    return [a1, a2, Analysis(d3, sentences(TEXT3), (zurich,), (today,))]
