"""TIMEX3 value arithmetic: the operations named in the ``value`` column of the timex rules.

Each operation gets the rule's arguments merged with the values of the match's named groups
(already mapped through the normalisation tables), the document creation time (DCT, or None)
and the tense of what the expression modifies (``"past"``, ``"future"`` or None), and returns a
TIMEX3 value string. Without a DCT, relative expressions get TimeML's underspecified values.

>>> import datetime as dt
>>> Ctx = Context(dt.date(2016, 12, 13), "past")
>>> OPS["weekday"]({"weekday": "1"}, Ctx)
'2016-12-12'
>>> OPS["ref"]({"unit": "W", "shift": "-1"}, Ctx)
'2016-W49'
>>> OPS["dur"]({"num": 2, "unit": "W"}, Ctx)
'P2W'
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.extract.timex_bounds import SEASON_START as _SEASON_START, timex_bounds

__all__ = ["Context", "OPS", "timex_bounds", "format_number"]

_DAY = dt.timedelta(days=1)
#: duration units: (designator, in time part, multiplier)
_DUR = {"Y": ("Y", False), "M": ("M", False), "W": ("W", False), "D": ("D", False),
        "H": ("H", True), "MIN": ("M", True), "S": ("S", True), "DE": ("DE", False),
        "CE": ("CE", False), "Q": ("Q", False), "WE": ("WE", False)}
#: half a unit in the next smaller one, for "two and a half years" -> P2Y6M
_HALF = {"Y": ("6M", False), "D": ("12H", True), "H": ("30M", True), "MIN": ("30S", True)}


@dataclass
class Context:
    """What a value is computed against: DCT, tense, the last DATE value before it and the last quarter."""

    dct: dt.date | None
    tense: str | None = None
    previous: str | None = None
    quarter: str | None = None        # the last quarter the text has spoken of ("1989-Q3")


def format_number(n) -> str:
    """``2.0`` -> ``"2"``, ``1.5`` -> ``"1.5"``, ``"X"`` stays."""
    if isinstance(n, str):
        return n
    return str(int(n)) if float(n).is_integer() else str(n)


def _ref_none(shift: int) -> str:
    return "PRESENT_REF" if shift == 0 else ("PAST_REF" if shift < 0 else "FUTURE_REF")


def _add_months(d: dt.date, months: int) -> tuple[int, int]:
    m = d.year * 12 + d.month - 1 + months
    return m // 12, m % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _unit_value(d: dt.date, unit: str, shift: int) -> str:
    """The calendar unit containing ``d``, moved by ``shift`` units."""
    if unit == "D":
        return (d + shift * _DAY).isoformat()
    if unit == "W":
        return _week(d + dt.timedelta(weeks=shift))
    if unit == "WE":
        return _week(d + dt.timedelta(weeks=shift)) + "-WE"
    if unit == "M":
        y, m = _add_months(d, shift)
        return f"{y:04d}-{m:02d}"
    if unit == "Q":
        q = d.year * 4 + (d.month - 1) // 3 + shift
        return f"{q // 4:04d}-Q{q % 4 + 1}"
    if unit == "H1":
        h = d.year * 2 + (d.month - 1) // 6 + shift
        return f"{h // 2:04d}-H{h % 2 + 1}"
    if unit == "DE":
        return str(d.year // 10 + shift)
    if unit == "CE":
        return str(d.year // 100 + shift)
    return str(d.year + shift)            # Y and anything coarser


def _int(v, default=None):
    try:
        return int(str(v).rstrip("stndrdth.")) if v not in (None, "") else default
    except ValueError:
        return default


def _full_year(y: str | int, dct: dt.date | None) -> int:
    s = str(y).lstrip("'’")
    n = int(s)
    if len(s) <= 2:
        pivot = (dct.year % 100 if dct else 30) + 10
        n += 1900 if n > pivot else 2000
    return n


def _pick_year(month: int, day: int | None, ctx: Context) -> int | None:
    """Year of a month (and day) given without one.

    A month alone goes back (past tense) or forward (future tense) from the DCT; a day of a
    month is the nearest such day, a day against the tense counting 120 days further away (and,
    where the tense is unknown, a day after the DCT 60 days further away).
    """
    d = ctx.dct
    if d is None:
        return None
    if day is None and ctx.tense == "past":
        return d.year - 1 if month > d.month else d.year
    if day is None and ctx.tense == "future":
        return d.year + 1 if month < d.month else d.year
    best = None
    ref = d if day is not None else dt.date(d.year, d.month, 15)
    for y in (d.year - 1, d.year, d.year + 1):
        try:
            cand = dt.date(y, month, day or 15)
        except ValueError:
            continue                          # Feb. 29 of a common year
        dist = abs((cand - ref).days) + (0.5 if cand > ref else 0)
        if (ctx.tense == "past" and cand > ref) or (ctx.tense == "future" and cand < ref):
            dist += 300 if day is not None else 120
        elif ctx.tense is None and cand > ref:
            dist += 60                        # news mostly reports what has happened
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def _with_pod(value: str, a: dict) -> str:
    return f"{value}T{a['pod']}" if a.get("pod") and value[:1].isdigit() else value


def op_lit(a, ctx):
    return a["value"]


def op_ref(a, ctx):
    shift, unit = _int(a.get("rel", a.get("shift")), 0), a.get("unit", "D")
    if "shift" in a and "rel" not in a:
        shift = _int(a["shift"], 0)
    if ctx.dct is None:
        if unit == "D" and a.get("pod"):
            return f"XXXX-XX-XXT{a['pod']}"
        return _ref_none(shift)
    if unit == "WE" and shift == -1 and ctx.dct.isoweekday() >= 6:
        shift = 0             # "the weekend" said on a weekend is this one
    if unit == "WE" and shift == -1 and ctx.tense == "future":
        shift = 0
    return _with_pod(_unit_value(ctx.dct, unit, shift), a)


def op_weekday(a, ctx):
    wd = _int(a["weekday"])
    rel = _int(a.get("rel"))
    if ctx.dct is None:
        return _with_pod(f"XXXX-WXX-{wd}", a) if not a.get("pod") else f"XXXX-WXX-{wd}T{a['pod']}"
    back = (ctx.dct.isoweekday() - wd) % 7          # days back to the last such day (0 = DCT)
    if rel == -1:
        day = ctx.dct - dt.timedelta(days=back or 7)
    elif rel == 1:
        day = ctx.dct + dt.timedelta(days=(wd - ctx.dct.isoweekday()) % 7 or 7)
    elif rel == 0 or ctx.tense == "future":
        day = ctx.dct + dt.timedelta(days=(wd - ctx.dct.isoweekday()) % 7)
    else:
        day = ctx.dct - dt.timedelta(days=back)
    return _with_pod(day.isoformat(), a)


def _day_of(a, ctx) -> str:
    """The day a clock time or part of day belongs to: a date or weekday of the match, or the DCT."""
    if a.get("month") and a.get("day"):
        return op_calendar({"month": a["month"], "day": a["day"], "year": a.get("year")}, ctx)
    if a.get("weekday"):
        return op_weekday({"weekday": a["weekday"]}, ctx)
    return ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"


def op_clock(a, ctx):
    if a.get("noon"):
        hour, minute = (24, 0) if a["noon"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = _int(a.get("hour"), 0), _int(a.get("minute"), 0)
        half = (a.get("ampm") or a.get("oampm") or "").lower().replace(".", "")
        if half.startswith("p") or half in ("afternoon", "evening") or half.startswith("at"):
            hour = hour % 12 + 12
        elif half.startswith("a") or half == "morning":
            hour %= 12
    return f"{_day_of(a, ctx)}T{hour:02d}:{minute:02d}"


def op_calendar(a, ctx):
    month = _int(a.get("month"))
    day = _int(a.get("day"))
    year = _full_year(a["year"], ctx.dct) if a.get("year") else None
    if year is None and a.get("yrel") is not None and ctx.dct is not None:
        year = ctx.dct.year + _int(a["yrel"], 0)
    if month is None:
        return f"{year:04d}" if year is not None else "XXXX"
    if year is None:
        rel = _int(a.get("rel"))
        if ctx.dct is not None and rel is not None:
            here = ctx.dct.month
            year = ctx.dct.year + (rel == -1 and month >= here) * -1 + (rel == 1 and month <= here)
        else:
            year = _pick_year(month, day, ctx)
            if day is not None and a.get("weekday") and ctx.dct is not None:
                for y in (year, year + 1, year - 1):      # the year in which the weekday fits
                    try:
                        if dt.date(y, month, day).isoweekday() == int(a["weekday"]):
                            year = y
                            break
                    except ValueError:
                        pass
    if day is not None:
        dt.date(year if year is not None else 2000, month, day)   # ValueError: no such day
    ys = f"{year:04d}" if year is not None else "XXXX"
    return f"{ys}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def op_weekof(a, ctx):
    """"The week of March 6": the ISO week holding that day."""
    d = op_calendar(a, ctx)
    return _week(dt.date.fromisoformat(d)) if d[:1].isdigit() else "XXXX-WXX"


def _nth_weekday(year: int, month: int, nth: str, weekday: int) -> dt.date:
    """The nth (1-4, L = last, E = US election rule) weekday of a month."""
    if nth == "E":                            # the Tuesday after the first Monday
        return _nth_weekday(year, month, "1", 1) + _DAY
    if nth == "L":
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        last = nxt - _DAY
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (int(nth) - 1))


def op_holiday(a, ctx):
    parts = a["holiday"].split("-")
    month = int(parts[0])
    if len(parts) == 2:
        return op_calendar({"month": month, "day": int(parts[1]), "year": a.get("year")}, ctx)
    year = _full_year(a["year"], ctx.dct) if a.get("year") else None
    if year is None:
        if ctx.dct is None:
            return f"XXXX-{month:02d}"
        cands = [_nth_weekday(y, month, parts[1], int(parts[2])) for y in range(ctx.dct.year - 1, ctx.dct.year + 2)]
        if ctx.tense == "future":
            day = min(c for c in cands if c >= ctx.dct)
        elif ctx.tense == "past":
            day = max(c for c in cands if c <= ctx.dct)
        else:
            day = min(cands, key=lambda c: abs((c - ctx.dct).days))
        return day.isoformat()
    return _nth_weekday(year, month, parts[1], int(parts[2])).isoformat()


def op_spelled(a, ctx):
    """A year in words: "nineteen ninety-six", "the year two thousand", "the winter of nineteen ninety-four"."""
    base = 1900 if a.get("cent", "").lower() == "nineteen" else 2000
    year = base + 10 * _int(a.get("tensword"), 0) + _int(a.get("digitword"), 0)
    if a.get("month"):
        return f"{year}-{int(a['month']):02d}"
    if a.get("season"):
        return f"{year}-{a['season']}"
    return str(year)


def op_span(a, ctx):
    y1 = int(a["y1"])
    y2 = str(a["y2"])
    y2n = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
    return f"P{y2n - y1}Y" if y2n > y1 else "PXY"


def op_decade(a, ctx):
    if a.get("decade"):
        return str(a["decade"])
    if a.get("d2"):
        d = int(a["d2"])
        return f"{19 if d >= 2 else 20}{d}"
    return f"19{a['dw']}"


def op_century(a, ctx):
    return f"{int(a['cent']) - 1:02d}"


def op_season(a, ctx):
    s = a["season"]
    if a.get("year"):
        return f"{_full_year(a['year'], ctx.dct)}-{s}"
    d = ctx.dct
    if d is None:
        return f"XXXX-{s}"
    rel = _int(a.get("rel"))
    first = _SEASON_START[s]

    def bounds(y):
        start = dt.date(y, first, 1)
        end_m = y * 12 + first - 1 + 3
        return start, dt.date(end_m // 12, end_m % 12 + 1, 1) - _DAY

    years = range(d.year - 2, d.year + 2)
    if rel == -1:
        y = max(y for y in years if bounds(y)[1] < d)
    elif rel == 1:
        y = min(y for y in years if bounds(y)[0] > d)
    elif rel == 0 or ctx.tense is None:
        y = d.year - (s == "WI" and d.month <= 2)
    elif ctx.tense == "past":
        y = max(y for y in years if bounds(y)[0] <= d)
    else:
        y = min(y for y in years if bounds(y)[1] >= d)
    return f"{y}-{s}"


def _year_for_part(a, ctx, part: int, per_year: int) -> str:
    if a.get("year"):
        return f"{_full_year(a['year'], ctx.dct):04d}"
    if ctx.dct is None:
        return "XXXX"
    y = ctx.dct.year + _int(a.get("rel"), 0)
    if a.get("rel") is None and ctx.tense == "past" and part > (ctx.dct.month - 1) * per_year // 12 + 1:
        y -= 1
    return f"{y:04d}"


def op_quarter(a, ctx):
    q = _int(a.get("q")) or _int(str(a.get("qs", "Q0"))[1:])
    return f"{_year_for_part(a, ctx, q, 4)}-Q{q}"


def op_half(a, ctx):
    h = min(_int(a.get("h"), 1), 2)
    return f"{_year_for_part(a, ctx, h, 2)}-H{h}"


def op_dur(a, ctx):
    unit = a.get("unit", "D")
    num = a.get("num", "X")
    if unit not in _DUR:
        return "PXX"
    if unit in ("DE", "CE"):              # ISO 8601 (and TempEval-3) has no decade designator
        num = num if num == "X" else float(num) * (10 if unit == "DE" else 100)
        unit = "Y"
    des, timepart = _DUR[unit]
    if num != "X" and float(num) % 1 == 0.5 and unit in _HALF and float(num) >= 1:
        num = int(float(num))
        a = dict(a, half="1")
    if a.get("half") and num != "X" and unit in _HALF:
        extra, extra_t = _HALF[unit]
        lead = f"{format_number(float(num))}{des}"
        if timepart:
            return f"PT{lead}{extra}"
        return f"P{lead}T{extra}" if extra_t else f"P{lead}{extra}"
    return ("PT" if timepart else "P") + format_number(num if num == "X" else float(num)) + des


def op_set(a, ctx):
    if a.get("setadv"):
        return a["setadv"]
    if a.get("weekday"):
        return f"XXXX-WXX-{a['weekday']}"
    if a.get("month"):
        return f"XXXX-{int(a['month']):02d}"
    return op_dur({"num": a.get("num", 1), "unit": a.get("unit", "D")}, ctx)


OPS = {"lit": op_lit, "ref": op_ref, "weekday": op_weekday, "clock": op_clock,
       "calendar": op_calendar, "holiday": op_holiday, "spelled": op_spelled, "span": op_span, "decade": op_decade,
       "century": op_century, "season": op_season, "quarter": op_quarter, "half": op_half,
       "dur": op_dur, "set": op_set, "weekof": op_weekof}

from graph.extract.timex_anchor import ANCHOR_OPS  # noqa: E402  (it builds on the helpers above)

OPS.update(ANCHOR_OPS)
