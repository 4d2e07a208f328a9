"""Regenerate graph/resources/en/gazetteer/cities.tsv: major cities and the country they lie in.

Source: Philip A. Schrodt's CountryInfo.120116.txt (CC BY-SA 3.0), its <MajorCities> and
<Capital> fields; the result is CC BY-SA 3.0 too (see NOTICE). Run from the repository root:

    python scripts/build_cities.py [../shared/data/countries/CountryInfo.120116.txt]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

SOURCE = Path("../shared/data/countries/CountryInfo.120116.txt")
TARGET = Path("graph/resources/en/gazetteer/cities.tsv")
COUNTRIES = Path("graph/resources/en/gazetteer/countries.tsv")


def title(name: str) -> str:
    """MAZAR-I-SHARIF_ → Mazar-I-Sharif; AL_KHOBAR → Al Khobar."""
    words = name.strip().rstrip("_").replace("_", " ").split()
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in words)


def country_names() -> dict[str, str]:
    """ISO3 → our country name (countries.tsv)."""
    lines = COUNTRIES.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, ln.split("\t"))) for ln in lines[1:] if ln]
    return {r["iso3"]: r["name"] for r in rows}


def main(source: Path = SOURCE) -> None:
    text = source.read_text(encoding="utf-8", errors="replace")
    names = country_names()
    rows = set()
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        code = re.search(r"<ISO3166-alpha3>\s*(\w+)", block)
        country = names.get(code.group(1)) if code else None
        if not country:
            continue
        for field in ("Capital", "MajorCities"):
            m = re.search(rf"<{field}>(.*?)</{field}>", block, re.S)
            for line in (m.group(1).splitlines() if m else []):
                line = line.split("#")[0].strip()
                if line and re.fullmatch(r"[A-Z][A-Z_\-']+", line) and len(line.rstrip("_")) > 2:
                    rows.add((title(line), country))
    out = ["# cities.tsv: major cities and capitals with their country. Derived by scripts/"
           "build_cities.py from CountryInfo.120116.txt (c) 2012 Philip A. Schrodt, CC BY-SA 3.0;"
           " this file is CC BY-SA 3.0 too.", "name\tcountry\tsource"]
    out += [f"{n}\t{c}\tcountries/CountryInfo.120116.txt" for n, c in sorted(rows)]
    TARGET.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(rows)} cities → {TARGET}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
