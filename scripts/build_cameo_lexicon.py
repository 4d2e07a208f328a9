#!/usr/bin/env python3
"""Build the CAMEO verb lexicon of the event extractor from the PETRARCH2 verb dictionary.

    python scripts/build_cameo_lexicon.py [../shared/data/cameo/CAMEO.2.0.txt]

The input is ``CAMEO.2.0.txt`` of openeventdata/petrarch2 (MIT, (c) 2015 Open Event Data
Alliance; see ``../shared/data/SOURCES.md``). It is a list of verb blocks::

    ---  BLAME   [112]  ---                         <- primary verb, default code of the block
    ACCUSE [112]                                    <- member verb, optional own code
    +CARRY_OUT {+CARRIED_OUT ...}                   <- a phrasal member
    - * (OF {RIGHTS ABUSES})        [1122]  # ACCUSE    <- a pattern: * is the verb

Two tables are written under ``graph/resources/en/events/``:

``cameo_verbs.tsv`` (``lemma pos code example source``)
    one row per member verb or phrasal verb ("call off"), coded with its own code or else the
    block's default; uncoded blocks (``[---]``) give no row. A verb listed in several blocks keeps
    the code of the block it heads, else that of its first coded block.
``cameo_patterns.tsv`` (``lemma particle prep object code example source``)
    the patterns that only look at the verb's own phrase: a particle, a direct object word and/or
    one prepositional phrase (``* UP PRESSURE``, ``* (FOR &CEASEFIRE)``, ``* AID``). Synonym sets
    (``&CEASEFIRE``) are expanded; multi-word noun phrases (``{..}``), patterns that name the
    subject (``&MILITARY *``) and longer patterns are left out. ``---`` means "do not code".

Codes ``a:b`` (source/target pairs) keep ``a``. A code that the codebook
(``graph/resources/en/cameo/codes.tsv``) does not know is cut to its three-digit parent.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "cameo" / "CAMEO.2.0.txt"
OUT_DIR = ROOT / "graph" / "resources" / "en" / "events"
CODES = ROOT / "graph" / "resources" / "en" / "cameo" / "codes.tsv"
SOURCE = ("# source: CAMEO.2.0.txt, openeventdata/petrarch2 @ 676801c (verb dictionary, 30 Apr 2015), "
          "MIT License, Copyright (c) 2015 Open Event Data Alliance; built by scripts/build_cameo_lexicon.py")
TAG = "petrarch2"

#: Second words that make a two-word member a phrasal verb ("call off", "carry out").
PARTICLES = frozenset("up down out off in on over away back for to with into through about across "
                      "ahead along apart around aside forward at against upon from".split())

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_MEMBER = re.compile(r"^\+?([A-Z][A-Z0-9_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")
_PATTERN = re.compile(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(.*))?$")
_WORD = r"(&?[A-Z][A-Z\-]*_?)"
_SHAPE = re.compile(rf"^\*(?:\s+{_WORD})?(?:\s+{_WORD})?(?:\s+\({_WORD}(?:\s+{_WORD})?\))?$")


def known_codes() -> set[str]:
    rows = [ln.split("\t") for ln in CODES.read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]
    return {r[0] for r in rows[1:]}


def clean_code(raw: str, codes: set[str]) -> str | None:
    """``'042:043'`` → ``'042'``; ``'---'`` stays; a target-only or empty code gives None.

    >>> clean_code("042:043", {"042"}), clean_code("---", set()), clean_code(":110", set())
    ('042', '---', None)
    >>> clean_code("0356", {"035", "03"})
    '035'
    """
    code = raw.strip().split(":")[0].strip()
    if code.startswith("---"):
        return "---"
    if not code.isdigit():
        return None
    while code not in codes and len(code) > 2:
        code = code[:-1]
    return code if code in codes else None


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        line = line.split("#")[0].rstrip()
        if line.startswith("&"):
            name = line.strip()
            sets[name] = []
        elif name and line.startswith("+"):
            word = line[1:].strip().rstrip("_")
            if "_" not in word and word:
                sets[name].append(word.lower())
        elif line.startswith("---"):
            name = None
    return sets


def parse_blocks(lines: list[str]):
    """Yield (block name, block code, members, patterns); a member is (words, forms, code)."""
    block = None
    for raw in lines:
        line = raw.rstrip("\n")
        if m := _BLOCK.match(line):
            if block:
                yield block
            block = (m[1], m[2], [], [])
            continue
        if block is None or not line.strip() or line.lstrip().startswith(("#", "<", "&")):
            continue
        if line.startswith("-"):
            if m := _PATTERN.match(line.split("<!--")[0].rstrip()):
                block[3].append((m[1].strip(), m[2], (m[3] or "").strip()))
            continue
        text = line.split("#")[0].strip()
        if m := _MEMBER.match(text):
            words = m[1].rstrip("_").lower().split("_")
            forms = [f.lstrip("+").rstrip("_").lower() for f in (m[2] or "{}")[1:-1].split()]
            block[2].append((words, forms, m[3][1:-1] if m[3] else None))
    if block:
        yield block


def build(text: str, codes: set[str]):
    lines = text.splitlines()
    synsets = parse_synsets(lines)
    verbs: dict[tuple[str, str], tuple[str, str]] = {}      # (lemma, pos) -> (code, example)
    heads: set[tuple[str, str]] = set()
    patterns: dict[tuple, Counter] = defaultdict(Counter)
    examples: dict[tuple, str] = {}
    for name, bcode, members, pats in parse_blocks(lines):
        form_to_lemma: dict[str, tuple[str, str]] = {}
        for words, forms, own in members:
            lemma = " ".join(words)
            if len(words) > 2 or (len(words) == 2 and words[1] not in PARTICLES):
                verb, part, obj = words[0], "", " ".join(words[1:])
                if len(words) == 2 and (code := clean_code(own or bcode, codes)) and code != "---":
                    key = (verb, part, "", words[1])
                    patterns[key][code] += 1
                    examples.setdefault((key, code), f"{name} block: {' '.join(words).upper()}")
                continue
            verb, part = (words[0], words[1] if len(words) == 2 else "")
            for f in [lemma.replace(" ", "_")] + [x for x in forms]:
                form_to_lemma[f] = (verb, part)
            code = clean_code(own or bcode, codes)
            if code is None or code == "---":
                continue
            key = (lemma, "VERB")
            is_head = lemma.replace(" ", "_") == name.lower()
            if key not in verbs or (is_head and key not in heads):
                verbs[key] = (code, f"{name} block: {lemma.upper()} [{own or bcode}]")
                if is_head:
                    heads.add(key)
        for shape, pcode, comment in pats:
            code = clean_code(pcode, codes)
            m = _SHAPE.match(shape)
            if code is None or m is None:
                continue
            sources = [form_to_lemma.get(v.strip().lower()) for v in comment.split(",")]
            sources = [s for s in sources if s] or sorted(set(form_to_lemma.values()))[:1]
            for verb, vpart in sources:
                for key in _pattern_keys(verb, vpart, m.groups(), synsets):
                    patterns[key][code] += 1
                    examples.setdefault((key, code), f"{name} block: - {shape} [{pcode}] # {comment}")
    pattern_rows = []
    for key, counter in sorted(patterns.items()):
        code = counter.most_common(1)[0][0]
        pattern_rows.append((*key, code, examples[(key, code)]))
    verb_rows = [(lemma, pos, code, ex) for (lemma, pos), (code, ex) in sorted(verbs.items())]
    return verb_rows, pattern_rows


def _pattern_keys(verb: str, vpart: str, groups, synsets):
    """(lemma, particle, prep, object) keys of one pattern shape, synonym sets expanded."""
    w1, w2, prep, pobj = (g.rstrip("_").lower() if g else "" for g in groups)
    part, obj = vpart, ""
    for w in (w1, w2):
        if not w:
            continue
        if not part and w in PARTICLES and not obj:
            part = w
        elif not obj:
            obj = w
        else:
            return []
    if prep.startswith("&"):
        return []
    objs = synsets.get(obj.upper(), []) if obj.startswith("&") else [obj]
    pobjs = synsets.get(pobj.upper(), []) if pobj.startswith("&") else [pobj]
    if prep and obj:
        return []                        # object and phrase together: too specific to keep
    target = [(o, "") for o in objs] if obj else [("", p) for p in pobjs]
    return [(verb, part, prep, o or p) for o, p in target if (o or p or part or prep)]


def write(path: Path, header: str, rows) -> None:
    body = "\n".join("\t".join(r) for r in rows)
    path.write_text(f"{SOURCE}\n{header}\n{body}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    source = Path(argv[0]) if argv else DEFAULT_INPUT
    verb_rows, pattern_rows = build(source.read_text(encoding="utf-8"), known_codes())
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write(OUT_DIR / "cameo_verbs.tsv", "lemma\tpos\tcode\texample\tsource",
          [(*r, TAG) for r in verb_rows])
    write(OUT_DIR / "cameo_patterns.tsv", "lemma\tparticle\tprep\tobject\tcode\texample\tsource",
          [(*r, TAG) for r in pattern_rows])
    print(f"wrote {len(verb_rows)} verbs and {len(pattern_rows)} patterns to {OUT_DIR.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
