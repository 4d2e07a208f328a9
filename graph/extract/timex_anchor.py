"""Anchored TIMEX3 values: expressions relative to another time of the text, not to the DCT.

TimeML resolves anaphoric expressions ("the following year", "that day", "a week later", "the
previous month") against the *reference time*: the last absolute date the text has mentioned
(``Context.previous``), falling back to the DCT where there is none, or where that date is coarser
than the expression's unit ("In 1995 ... the next day" says nothing about which day). Expressions
counted back from speech time ("two days ago") stay on the DCT.

>>> import datetime as dt
>>> from graph.extract.timex_normalise import Context
>>> ctx = Context(dt.date(1998, 4, 18), None, "1995-05-22")
>>> op_anchor({"unit": "Y", "shift": "1"}, ctx)
'1996'
>>> op_anchor({"unit": "D", "shift": "1"}, ctx)
'1995-05-23'
>>> op_anchor({"unit": "D", "shift": "1"}, Context(dt.date(1998, 4, 18), None, "1995"))
'1998-04-19'
>>> op_anchor_weekday({"weekday": "5", "shift": "-1"}, Context(dt.date(1989, 10, 30), None, "1989-10-27"))
'1989-10-20'
"""
from __future__ import annotations

import datetime as dt
import re

from graph.extract.timex_bounds import timex_bounds
from graph.extract.timex_normalise import Context, _add_months, _int, _ref_none, _unit_value, _with_pod

__all__ = ["ANCHOR_OPS", "op_anchor", "reference_date"]

#: the longest stretch (days) a reference date may cover to anchor an expression of each unit
_SPAN = {"D": 1, "W": 7, "WE": 7, "M": 31, "Q": 92, "H1": 184, "Y": 366, "DE": 3653, "CE": 36525}
_QUARTER = re.compile(r"(\d{4})-Q([1-4])$")


def reference_date(ctx: Context, unit: str) -> dt.date | None:
    """The day an anaphoric expression of ``unit`` counts from: the reference time, or the DCT."""
    if ctx.previous:
        b = timex_bounds(ctx.previous)
        if b is not None and (b[1] - b[0]).days + 1 <= _SPAN.get(unit, 366):
            return b[0]
    return ctx.dct


def _shifted(d: dt.date, num, unit: str, shift: int) -> str:
    """The unit containing ``d`` moved ``num`` units in the direction of ``shift``."""
    n = float(num)
    if unit in ("H", "MIN", "S"):
        return d.isoformat()
    if unit in ("D", "W", "WE"):
        days = n * (1 if unit == "D" else 7) * shift
        return _unit_value(d + dt.timedelta(days=days), unit, 0)
    if unit in ("M", "Q"):
        months = int(n * (3 if unit == "Q" else 1)) * shift
        y, m = _add_months(d, months)
        return _unit_value(dt.date(y, m, 1), unit, 0)
    years = int(n * {"DE": 10, "CE": 100}.get(unit, 1)) * shift
    return str(d.year + years)


def op_anchor(a, ctx):
    """``num`` (default 1) ``unit``s after (``shift`` 1), before (-1) or at (0) the reference time."""
    unit = a.get("unit", "D")
    shift = _int(a.get("shift"), 0)
    num = a.get("num", 1)
    if num == "X":
        return _ref_none(shift)
    if unit == "Y" and shift < 0 and float(num) == 1 and ctx.previous and _QUARTER.match(ctx.previous):
        return op_yearago({"num": 1}, ctx)         # "a year earlier" after a quarter: that quarter
    d = reference_date(ctx, unit)
    if d is None:
        return _ref_none(shift)
    if shift == 0:
        return _with_pod(_unit_value(d, unit, 0), a)
    return _with_pod(_shifted(d, num, unit, 1 if shift > 0 else -1), a)


def op_anchor_weekday(a, ctx):
    """"The previous Friday", "the following Monday": that weekday before / after the reference day."""
    wd, shift = _int(a["weekday"]), _int(a.get("shift"), -1)
    d = reference_date(ctx, "D")
    if d is None:
        return f"XXXX-WXX-{wd}"
    if shift < 0:
        return (d - dt.timedelta(days=(d.isoweekday() - wd - 1) % 7 + 1)).isoformat()
    return (d + dt.timedelta(days=(wd - d.isoweekday() - 1) % 7 + 1)).isoformat()


def _quarter_of(a, ctx) -> str | None:
    """The quarter a "year-ago" expression compares with: the one just spoken of; for one that
    names a quarter or period ("the year-ago quarter"), the last one spoken of, and for a quarter
    where there is none, the DCT's last full one (the one a results report is about)."""
    if ctx.previous and _QUARTER.match(ctx.previous):
        return ctx.previous
    words = {str(v).lower() for k, v in a.items() if k.startswith("qword")}
    if words and ctx.quarter:
        return ctx.quarter                    # "the year-earlier period" after "the third quarter"
    if "quarter" not in words:
        return None
    return _unit_value(ctx.dct, "Q", -1) if ctx.dct else None


def op_yearago(a, ctx):
    """A year before: the quarter compared with (see :func:`_quarter_of`), if any, else the DCT's year."""
    n = _int(a.get("num"), 1)
    if (q := _quarter_of(a, ctx)) is not None:
        return f"{int(q[:4]) - n}-Q{q[-1]}"
    return str(ctx.dct.year - n) if ctx.dct else "PAST_REF"


def op_yearpart(a, ctx):
    """"The 1988 period": the part of that year compared with (a quarter), else the year."""
    from graph.extract.timex_normalise import _full_year
    year = _full_year(a["year"], ctx.dct)
    if (q := _quarter_of(a, ctx)) is not None:
        return f"{year}-Q{q[-1]}"
    return str(year)


def op_ago(a, ctx):
    """Counted back (``shift`` -1) or on (1) from the DCT: "two days ago", "a week from now"."""
    shift = _int(a.get("shift"), -1)
    num, unit = a.get("num"), a.get("unit", "D")
    if num == "X" or ctx.dct is None:
        return _ref_none(shift)
    if unit == "Y" and shift < 0 and float(num) == 1 and ctx.previous and _QUARTER.match(ctx.previous):
        return op_yearago({"num": 1}, ctx)
    return _shifted(ctx.dct, num, unit, shift)


ANCHOR_OPS = {"anchor": op_anchor, "anchor_weekday": op_anchor_weekday, "yearago": op_yearago, "yearpart": op_yearpart, "ago": op_ago}
