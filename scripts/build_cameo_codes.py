#!/usr/bin/env python3
"""Build ``graph/resources/en/cameo/codes.tsv`` (code, name, root) from the CAMEO codebook.

    python scripts/build_cameo_codes.py [../shared/data/cameo/CAMEO_codefile.txt]

The input is ``CAMEO_codefile.txt`` of openeventdata/text_to_CAMEO (CAMEO 0.7b5, MIT, (c) 2014
Philip Schrodt; see ``../shared/data/SOURCES.md``). Its ``//01: MAKE PUBLIC STATEMENT`` headers
name the twenty roots (written here in sentence case); its ``LABEL: 036= …`` lines name the
codes. ``LABELi`` lines and codes with an ``i`` suffix (``0811i``: ICEWS variants) are left out. Three codes have two ``LABEL`` lines (018
with a typo, 0354 and 175 with a shorter wording first): the later line wins.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "cameo" / "CAMEO_codefile.txt"
OUTPUT = ROOT / "graph" / "resources" / "en" / "cameo" / "codes.tsv"
SOURCE = ("# source: CAMEO_codefile.txt, openeventdata/text_to_CAMEO @ 6d7b3ab (CAMEO 0.7b5, Aug 2007), "
          "MIT License, Copyright (c) 2014 Philip Schrodt; built by scripts/build_cameo_codes.py")
HEADER = "code\tname\troot"

_ROOT_LINE = re.compile(r"^//(\d{2})[:=]\s*(.+?)\s*$")        # //01: MAKE PUBLIC STATEMENT
_LABEL_LINE = re.compile(r"^LABEL:\s*(\d{2,4})=\s*(.+?)\s*$")  # LABEL: 036= Express intent to meet


def parse_codefile(text: str) -> dict[str, str]:
    """Code -> name, roots included, in codebook order; a later LABEL line replaces an earlier one.

    >>> parse_codefile("//01: MAKE PUBLIC STATEMENT\\nLABEL: 018= A typo\\nLABEL: 018= Fixed\\n")
    {'01': 'Make public statement', '018': 'Fixed'}
    """
    codes: dict[str, str] = {}
    for line in text.splitlines():
        if m := _ROOT_LINE.match(line):
            codes[m[1]] = m[2].capitalize()
        elif m := _LABEL_LINE.match(line):
            if m[1] in codes:
                print(f"build_cameo_codes: {m[1]} named twice; keeping {m[2]!r}", file=sys.stderr)
            codes[m[1]] = m[2]
    return codes


def to_tsv(codes: dict[str, str]) -> str:
    rows = [SOURCE, HEADER]
    rows += [f"{code}\t{name}\t{code[:2]}" for code, name in sorted(codes.items())]
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    source = Path(argv[0]) if argv else DEFAULT_INPUT
    codes = parse_codefile(source.read_text(encoding="utf-8"))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(to_tsv(codes), encoding="utf-8")
    print(f"wrote {len(codes)} codes to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
