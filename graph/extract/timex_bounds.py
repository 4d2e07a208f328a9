"""The days a TIMEX3 DATE value covers.

>>> timex_bounds("2016-W49")
(datetime.date(2016, 12, 5), datetime.date(2016, 12, 11))
"""
from __future__ import annotations

import datetime as dt
import re

__all__ = ["timex_bounds", "SEASON_START"]

_DAY = dt.timedelta(days=1)
#: first month of each season (winter starts in December of its year)
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def timex_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """Inclusive first and last day a DATE (or TIME) value covers; None for anything else.

    >>> timex_bounds("2016-12-13T15:00")
    (datetime.date(2016, 12, 13), datetime.date(2016, 12, 13))
    >>> timex_bounds("2016-Q3")
    (datetime.date(2016, 7, 1), datetime.date(2016, 9, 30))
    >>> timex_bounds("199")
    (datetime.date(1990, 1, 1), datetime.date(1999, 12, 31))
    >>> timex_bounds("P3Y") is None, timex_bounds("XXXX-WXX-2") is None
    (True, True)
    """
    v = str(value).strip().split("T", 1)[0] if not str(value).startswith("P") else str(value)
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", v):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return (monday + 5 * _DAY, monday + 6 * _DAY) if m[3] else (monday, monday + 6 * _DAY)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y + (mo == 12), mo % 12 + 1, 1) - _DAY
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return dt.date(y, 3 * q - 2, 1), dt.date(y + (q == 4), (3 * q) % 12 + 1, 1) - _DAY
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v):
            y = int(m[1])
            if m[2] == "WI":
                return dt.date(y, 12, 1), dt.date(y + 1, 3, 1) - _DAY
            first = SEASON_START["FA" if m[2] == "AU" else m[2]]
            return dt.date(y, first, 1), dt.date(y, first + 3, 1) - _DAY
        if m := re.fullmatch(r"(\d{4})", v):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{3})", v):
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
        if m := re.fullmatch(r"(\d{2})", v):
            return dt.date(int(m[1]) * 100, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None
