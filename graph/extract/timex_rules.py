"""Loading the timex rules and tables of ``graph/resources/en/timex/`` (once, then cached).

Files (tab-separated, each starting with a ``#`` format line, then a header row):

* ``tables.tsv`` — ``table, word, value``: normalisation tables (month names, numbers, units …);
* ``macros.tsv`` — ``name, regex, example``: regex pieces shared by patterns;
* ``patterns.tsv`` — ``id, type, flags, pattern, value, example, expect``: one rule a row;
* ``cues.tsv`` — ``cue, kind, example``: words that tell whether a date is before or after the DCT.

>>> r = rules()
>>> any(rule.id == "weekday" for rule in r.patterns)
True
>>> r.tables["month"]["sept."]
'09'
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from importlib import resources

__all__ = ["Rule", "RuleSet", "rules", "read_tsv"]

_PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)(?::(\w+))?\}")
_NUMBER_PART = re.compile(r"[\s-]+")
_WORD = re.compile(r"[a-z]+")


def read_tsv(name: str) -> list[dict]:
    """Rows of a TSV resource as dicts, skipping the ``#`` format line and blank lines."""
    text = (resources.files("graph") / "resources" / "en" / "timex" / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def norm_word(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower().replace("’", "'")).strip()


@dataclass
class Rule:
    id: str
    type: str
    flags: frozenset
    regex: re.Pattern
    op: str
    args: dict
    groups: dict                  # group name -> table or macro name
    example: str
    expect: str
    words: frozenset = frozenset()    # lower-case words one of which each match holds
    digits: bool = False              # whether a match can hold a digit


@dataclass
class RuleSet:
    tables: dict = field(default_factory=dict)    # table -> {word: value}
    patterns: list = field(default_factory=list)  # compiled rules, duplicates dropped
    examples: list = field(default_factory=list)  # (rule id, example, expect) of every row
    cues: dict = field(default_factory=dict)      # kind -> set of lemmas
    modifier: re.Pattern | None = None            # a modifier ending right before a timex
    before: re.Pattern | None = None              # a "before" cue ending right before a timex
    triggers: frozenset = frozenset()             # lower-case words one of which every match holds

    def group_value(self, rule: Rule, name: str, text: str):
        """What a matched group means: its table value, a parsed number, or the text."""
        src = rule.groups.get(name, name)
        if src == "num":
            return self.parse_number(text)
        if src in self.tables:
            w = norm_word(text)
            t = self.tables[src]
            return t.get(w, t.get(w.rstrip("."), t.get(w + ".", text)))
        return text

    def parse_number(self, text: str):
        w = norm_word(text)
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            return float(w)
        numbers = self.tables["number"]
        if w in numbers:
            v = numbers[w]
            return v if v == "X" else float(v)
        total = 0.0
        for part in _NUMBER_PART.split(w):
            v = numbers.get(part)
            if v is None or v == "X":
                return "X"
            total += float(v)
        return total


def _groups(pattern: str) -> list[tuple[int, int]]:
    """(open, close) index of every parenthesised group of a regex."""
    out, stack, i = [], [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":                                     # skip a character class
            j = i + 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            continue
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            out.append((stack.pop(), i))
        i += 1
    return out


def _strip_optional(pattern: str) -> str:
    """The regex without its optional parts and lookarounds (what every match must contain)."""
    while True:
        for lo, hi in sorted(_groups(pattern), key=lambda g: g[1] - g[0]):
            optional = hi + 1 < len(pattern) and pattern[hi + 1] in "?*" or \
                pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), lo)
            if optional:
                end = hi + 2 if hi + 1 < len(pattern) and pattern[hi + 1] in "?*" else hi + 1
                pattern = pattern[:lo] + pattern[end:]
                break
        else:
            return pattern


def _top_branches(pattern: str) -> list[str]:
    """The top-level alternatives of a regex."""
    depth, start, out, i = 0, 0, [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return out + [pattern[start:]]


def _sources(name: str, macros: dict) -> list[str]:
    """The table names a placeholder draws words from (a macro's own placeholders included)."""
    if name in macros:
        return [n for inner, _ in _PLACEHOLDER.findall(macros[name]) for n in _sources(inner, macros)]
    return [name]


def _alternation(words) -> str:
    alts = sorted({norm_word(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts) + ")"


def _expand(pattern: str, tables: dict, macros: dict, groups: dict, used: set) -> str:
    def sub(m):
        name, group = m[1], m[2] or m[1]
        if name in tables:
            body = _alternation(tables[name])
        elif name in macros:
            body = _expand(macros[name], tables, macros, {}, {"*"})
        else:
            raise ValueError(f"timex pattern: unknown placeholder {{{name}}}")
        if "*" in used or group in used:          # inside a macro, or a second use: no group
            return f"(?:{body})"
        used.add(group)
        groups[group] = name
        return f"(?P<{group}>{body})"
    return _PLACEHOLDER.sub(sub, pattern)


def _index_words(rs: RuleSet, macros: dict, pattern_of: dict) -> None:
    """Give each rule the words one of which any match of it holds (``Rule.words``; a rule that
    can match digits alone keeps ``Rule.digits``), and the rule set their union, so that the
    tagger only runs a rule near such a word."""
    skip = set(rs.tables.get("notrigger", ()))

    def required_words(pattern: str) -> set:
        mine = set(_WORD.findall(_PLACEHOLDER.sub(" ", re.sub(r"\\\w|\(\?P<\w+>", " ", pattern, flags=re.I))))
        for name, _ in _PLACEHOLDER.findall(pattern):
            for src in _sources(name, macros):
                for w in rs.tables.get(src, ()):
                    mine.update(_WORD.findall(w))
        return {w for w in mine if len(w) > 1 and w not in skip}

    words: set = set()
    for rule in rs.patterns:
        branches = [required_words(b) for b in _top_branches(_strip_optional(pattern_of[rule.id]))]
        rule.words = frozenset(set().union(*branches))
        rule.digits = rule.digits and not all(branches)      # some way to match without a word
        words |= rule.words
    rs.triggers = frozenset(words)


@functools.lru_cache(maxsize=1)
def rules() -> RuleSet:
    """The rule set, read and compiled once per process."""
    rs = RuleSet()
    for row in read_tsv("tables.tsv"):
        rs.tables.setdefault(row["table"], {})[norm_word(row["word"])] = row["value"]
    macros = {row["name"]: row["regex"] for row in read_tsv("macros.tsv")}
    seen = set()
    pattern_of = {}
    for row in read_tsv("patterns.tsv"):
        rs.examples.append((row["id"], row["example"], row["expect"]))
        key = (row["type"], row["flags"], row["pattern"], row["value"])
        if key in seen:
            continue
        seen.add(key)
        pattern_of[row["id"]] = row["pattern"].lower()
        groups: dict = {}
        body = _expand(row["pattern"], rs.tables, macros, groups, set())
        op, *argv = row["value"].split()
        args = {"value": argv[0]} if op == "lit" else dict(a.split("=", 1) for a in argv)
        rs.patterns.append(Rule(row["id"], row["type"], frozenset(row["flags"].split()),
                                re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), op, args, groups,
                                row["example"], row["expect"], digits="\\d" in body))
    for row in read_tsv("cues.tsv"):
        rs.cues.setdefault(row["kind"], set()).add(row["cue"].lower())
    _index_words(rs, macros, pattern_of)
    mods = rs.tables["mod"]
    rs.before = re.compile(rf"(?<!\w){_alternation(rs.cues.get('before', ()))}\s+"
                           r"(?:(?:early|late|mid)(?:\s+|-\s*))?$", re.IGNORECASE)
    rs.modifier = re.compile(rf"(?<!\w)(?P<mod>{_alternation(mods)})(?:\s+|-)$", re.IGNORECASE)
    return rs
