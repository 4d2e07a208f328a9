"""The header of a news page saved as text: its headline and publication date.

Such a page starts with the headline (sometimes repeated on the next line), a standfirst,
"3 min read", a date line and an image caption before the body. :func:`read_header` recognises
that shape in general, not by any one site's lines, and is strict about dates: a date line holds
a full date and nothing else but a "Published"/"Updated" label and a time.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import NamedTuple

__all__ = ["Header", "read_header", "date_line", "HEADLINE_MAX", "HEADER_LINES"]

HEADLINE_MAX = 200      # a headline is at most this many characters …
HEADER_LINES = 8        # … and the header (headline, standfirst, date line …) this many lines


class Header(NamedTuple):
    """What a header says: the headline and the publication date (None when absent)."""

    title: str | None
    published: dt.date | None


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
         rf"(?:{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}|{_MONTH}\s+{_DAY},?\s+\d{{4}})"
         r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}")
_TIME = (r"\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?"
         r"(?:\s*\(?(?:(?-i:[A-Z]{1,5})|[+-]\d{2}:?\d{2})\)?)?")
_SEP = r"(?:\s*[,|·•@–—-]\s*|\s+(?:at\s+)?|T)"
_DATE_LINE = re.compile(
    r"(?:(?:first\s+|last\s+)?(?:published|updated|posted|date)(?:\s+on)?\s*[:–—-]?\s*)?"
    rf"(?:{_TIME}{_SEP})?(?P<date>{_DATE})(?:{_SEP}{_TIME})?", re.I)
_READING_TIME = re.compile(r"\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?)\s+read", re.I)


def read_header(text: str) -> Header:
    """The headline and publication date of a news page saved as text, if it has a header.

    The date is the first line among the first ``HEADER_LINES`` non-empty ones that holds
    only a date ("13 December, 2016", "Published: 13/12/2016 10:32 GMT" …; a "Published" line
    wins over an "Updated" one). The headline is the first non-empty line (after any leading
    date or "N min read" lines) when it is short, does not end like a sentence or a clause
    and is followed by more text, and the header shows it: a blank line follows it, it is
    repeated on the next line, or a date or "N min read" line is near.

    >>> read_header("Turkey to step up talks\\n\\nTurkey will intensify talks.\\n")
    Header(title='Turkey to step up talks', published=None)
    >>> read_header("Talks resume\\nTalks resume\\n3 min read\\nDec. 12, 2016\\nThey went on.")
    Header(title='Talks resume', published=datetime.date(2016, 12, 12))
    >>> read_header("Turkey will intensify talks with Russia and\\nother countries.\\n")
    Header(title=None, published=None)
    """
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    top = [(i, lines[i].strip()) for i in filled[:HEADER_LINES]]
    return Header(_headline(lines, filled, top), _pick_date(top))


def date_line(line: str) -> dt.date | None:
    """The date ``line`` holds when it holds nothing but a date (with perhaps a label and a
    time), else None.

    >>> date_line("Published: 13/12/2016 10:32 GMT"), date_line("3 min read")
    (datetime.date(2016, 12, 13), None)
    """
    found = _DATE_LINE.fullmatch(line.strip())
    return _date(found["date"]) if found else None


def _pick_date(top: list[tuple[int, str]]) -> dt.date | None:
    """The first dated line's date, a line not labelled "updated" first."""
    found = [("updated" in line[:20].lower(), day) for _, line in top if (day := date_line(line))]
    return min(found, key=lambda f: f[0])[1] if found else None


def _headline(lines: list[str], filled: list[int], top: list[tuple[int, str]]) -> str | None:
    """``top`` holds the first non-empty lines of ``lines`` (indices ``filled``)."""
    k = 0
    while k < len(top) and _is_furniture(top[k][1]):
        k += 1
    if k >= len(top) or k + 1 >= len(filled) or not _headline_shaped(top[k][1]):
        return None
    index, candidate = top[k]
    after = lines[filled[k + 1]].strip()
    shown = (not lines[index + 1].strip() or after.casefold() == candidate.casefold()
             or any(_is_furniture(line) for _, line in top))
    return candidate if shown else None


def _is_furniture(line: str) -> bool:
    """A date line or a reading-time line."""
    return bool(_READING_TIME.fullmatch(line) or date_line(line))


def _headline_shaped(line: str) -> bool:
    """Short, with letters, not a byline, not ending like a sentence or an unfinished clause."""
    end = line.rstrip("\"'”’)]")
    ends_open = end.endswith((".", ",", ";", ":", "-", "–")) and not end.endswith("...")
    return (len(line) <= HEADLINE_MAX and any(c.isalpha() for c in line) and not ends_open
            and not re.match(r"by\s", line, re.I))


@functools.lru_cache(maxsize=256)
def _date(text: str) -> dt.date | None:
    """A full date (day, month and year) in ``text``, parsed strictly."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    import dateparser       # slow to import; only headers with a date need it

    parsed = dateparser.parse(text, languages=["en"], settings={
        "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None

