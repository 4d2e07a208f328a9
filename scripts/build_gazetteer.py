#!/usr/bin/env python3
"""Regenerate the gazetteer TSVs of newsgraph from the data sets in ``../shared/data``.

Run from the repository root::

    python scripts/build_gazetteer.py            # reads ../shared/data
    python scripts/build_gazetteer.py --data DIR # another copy of shared/data

It writes, under ``graph/resources/en/``:

* ``gazetteer/countries.tsv``     dr5hn + mledoze (ODbL 1.0), nat_df.csv (MIT), curated_countries.tsv
* ``gazetteer/places.tsv``        curated_places.tsv (hand-written)
* ``gazetteer/organisations.tsv`` orgs/general_list.yaml (CC BY-SA 4.0), curated_org_selection.tsv,
                                  curated_organisations.tsv; Phoenix actor files (MIT) give CAMEO codes
* ``titles.tsv``                  curated_titles.tsv + office nouns of cameo/Phoenix.agents.txt (MIT)

The product reads only these TSVs; nothing under ``../shared`` is needed at run time.
Hand-curated rows and overrides live in the ``curated_*.tsv`` files next to the outputs.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT / "graph" / "resources" / "en"
GAZ = RES / "gazetteer"

MLEDOZE = "countries/mledoze/countries.json"
DR5HN = "countries/dr5hn/countries.json"
NATDF = "countries/nat_df.csv"
GENERAL = "orgs/general_list.yaml"
PHX_INT = "cameo/Phoenix.International.actors.txt"
PHX_MNS = "cameo/Phoenix.MilNonState.actors.txt"
PHX_AGENTS = "cameo/Phoenix.agents.txt"
HAND = "newsgraph"

# Acronyms that are ordinary English words (in capitals) are never safe to match.
ENGLISH_WORDS = set("""
A AN AS AT BE BY DO GO HE IF IN IS IT ME MY NO OF ON OR SO TO UP US WE
ACE ACT AGE AID AIM AIR ALL AND ANY ARC ARE ARM ART ASK BAD BAN BAR BED BIG BIT BOX BOY BUT BUY
CAN CAP CAR CUT DAY DID DOG DRY DUE EAR EAT ELI END ERA EYE FAN FAR FEW FIT FLY FOR FUN GAS GET
GOT GUN HAD HAS HER HIM HIS HIT HOT HOW ICE ILL INN ITS JOB KEY KID LAW LAY LED LEG LET LIE LOT
LOW MAN MAP MAY MEN MET MIX NET NEW NIB NOR NOT NOW OFF OIL OLD ONE OUR OUT OWN PAD PAN PAY PEN
PER PET PIN POP PUT RAN RAT RAW RED ROW RUN SAD SAT SAW SAY SEA SEE SET SHE SIT SKY SON SPA SUN
TAN TAX TEA TEN THE TIE TIP TOO TOP TRY TWO USE VIA WAR WAS WAY WHY WIN WON YES YET YOU
CARE DAWN HOPE IDEA MOST SHARE
""".split())
SAFE_WORD_ACRONYMS = {"WHO"}  # kept on purpose: matched case-sensitively only

SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "at", "a", "an", "de", "du", "la", "le"}


# ---------------------------------------------------------------- helpers
def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            vals = []
            for h in header:
                v = r.get(h, "")
                v = "|".join(v) if isinstance(v, (list, tuple)) else ("" if v is None else str(v))
                if "\t" in v or "\n" in v:
                    raise ValueError(f"bad character in {h}={v!r}")
                vals.append(v)
            f.write("\t".join(vals) + "\n")
    print(f"wrote {path.relative_to(ROOT)}: {len(rows)} rows")


def split(v: str | None) -> list[str]:
    return [x.strip() for x in (v or "").split("|") if x.strip()]


def fold(s: str) -> str:
    """Strip accents: 'Bogotá' -> 'Bogota'."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def key(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


def is_latin(s: str) -> bool:
    """Basic Latin, Latin-1 and Latin Extended-A letters only (no IPA, no Vietnamese, no other script)."""
    return all(not c.isalpha() or ord(c) <= 0x17F for c in s)


def uniq(items, exclude=()) -> list[str]:
    seen = {key(x) for x in exclude}
    out = []
    for x in items:
        x = re.sub(r"\s+", " ", x).strip()
        if x and key(x) not in seen:
            seen.add(key(x))
            out.append(x)
    return out


def acronym_form(s: str) -> str:
    return s.replace(".", "")


# ---------------------------------------------------------------- countries
def plural(dem: str) -> str | None:
    if dem.endswith(("ese", "ish", "ss", "ic", "y", "x", "ois", "man")) or dem in ("French", "Dutch"):
        return None
    if dem.endswith(("an", "i", "ot", "at", "er", "ine", "ene", "ite", "ino", "ien", "k", "kh", "b", "Czech")):
        return dem + "s"
    return None


def split_demonyms(v: str) -> list[str]:
    out = []
    for part in re.split(r",|\bor\b", v or ""):
        part = part.strip()
        if part:
            out.append(part)
    return out


def build_countries(data: Path) -> list[dict]:
    dr = {c["iso3"]: c for c in json.loads((data / DR5HN).read_text(encoding="utf-8"))}
    ml = {}
    for c in json.loads((data / MLEDOZE).read_text(encoding="utf-8")):
        ml["XKX" if c["cca3"] == "UNK" else c["cca3"]] = c  # mledoze codes Kosovo as UNK
    nat = defaultdict(list)
    with (data / NATDF).open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("alpha_3_code"):  # one line lacks its comma ("BermudianBMU"): skipped
                nat[row["alpha_3_code"].strip()].append(row["nationality"].strip())
    cur = {r["iso3"]: r for r in read_tsv(GAZ / "curated_countries.tsv")}

    rows = []
    for iso3 in sorted(set(dr) | set(ml)):
        d, m, c = dr.get(iso3, {}), ml.get(iso3, {}), cur.get(iso3, {})
        if c.get("exclude") == "yes":  # Antarctica: a continent, in places.tsv
            continue
        src = [s for s, ok in ((DR5HN, d), (MLEDOZE, m)) if ok]
        name = c.get("name") or m.get("name", {}).get("common") or d["name"]
        cands = [d.get("name", ""), m.get("name", {}).get("common", ""), m.get("name", {}).get("official", "")]
        cands += [a for a in m.get("altSpellings", []) if " " in a]
        cands = [a for a in cands if a and is_latin(a) and "(" not in a and "," not in a]
        cands = [re.sub(r"^the ", "", a, flags=re.I) for a in cands]
        aliases = uniq(cands + split(c.get("add_aliases")), exclude=[name] + split(c.get("drop_aliases")))
        if c:
            src.append(HAND)

        dems = split_demonyms(d.get("nationality", ""))
        for g in ("m", "f"):
            dems += split_demonyms(m.get("demonyms", {}).get("eng", {}).get(g, ""))
        if nat.get(iso3):
            dems += [y for x in nat[iso3] for y in split_demonyms(x)]
            src.insert(2, NATDF)
        dems += split(c.get("add_demonyms"))
        names = {key(x) for x in [name] + aliases}
        dems = [x for x in dems if key(x) not in names and not x.isupper()
                and not re.search(r"\bIslands?$", x) and x not in split(c.get("drop_demonyms"))]
        dems += [p for p in map(plural, dems) if p and key(p) not in names]
        dems = uniq(dems)

        capital = c.get("capital") or (m.get("capital") or [""])[0] or d.get("capital", "")
        cap_aliases = split(c.get("capital_aliases"))
        if d.get("capital") and fold(d["capital"]) == fold(capital):
            cap_aliases.append(d["capital"])
        cap_aliases.append(fold(capital))
        cap_aliases = uniq(cap_aliases, exclude=[capital])
        indep = c.get("independent") or ("yes" if m.get("independent") else "no")
        lookup = c.get("capital_lookup") or ("yes" if capital and indep == "yes" else "no")
        rows.append(dict(
            name=name, aliases=aliases, demonyms=dems, capital=capital, capital_aliases=cap_aliases,
            iso3=iso3, iso2=d.get("iso2") or m.get("cca2", ""), wikidata=d.get("wikiDataId") or "",
            capital_wikidata=c.get("capital_wikidata", ""), capital_lookup=lookup if capital else "no",
            independent=indep, region=m.get("region") or d.get("region", ""),
            subregion=m.get("subregion") or d.get("subregion", ""), source=uniq(src)))

    # A demonym or alias shared by several rows: independent states keep it, territories lose it.
    for field in ("demonyms", "aliases"):
        owners = defaultdict(list)
        for r in rows:
            for x in r[field]:
                owners[key(x)].append(r)
        for k, rs in owners.items():
            if len(rs) > 1:  # territories lose it; if no independent state has it, everyone does
                for r in rs:
                    if r["independent"] != "yes":
                        r[field] = [x for x in r[field] if key(x) != k]
            if len([r for r in rs if r["independent"] == "yes"]) > 1:
                print(f"  note: {field[:-1]} {k!r} shared by {[r['iso3'] for r in rs]}", file=sys.stderr)
    return rows


# ---------------------------------------------------------------- organisations
def parse_general_list(path: Path) -> dict[str, dict]:
    """Read the flat two-level YAML of orgs/general_list.yaml (no PyYAML needed)."""
    recs, cur = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            cur = {}
            recs.append(cur)
            continue
        mt = re.match(r"  ([A-Za-z_0-9]+):\s?(.*)$", line)
        if mt and cur is not None:
            v = mt.group(2).strip()
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
                v = v[1:-1].replace("''", "'")
            cur[mt.group(1)] = None if v in ("", "null", "None", "~") else v
    out = {}
    for r in recs:
        q = r.get("Wikidata_code") or ""
        if re.fullmatch(r"Q\d+", q) and q not in out:
            out[q] = r
    return out


def parse_phoenix(path: Path) -> dict[str, str]:
    """Name (upper case, spaces) -> first CAMEO code of its block, from a PETRARCH actor file."""
    names, blocks = {}, []
    block = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = re.sub(r"#.*$|<!--.*?-->", "", raw).rstrip()
        if not line.strip():
            continue
        codes = [c.split()[0] for c in re.findall(r"\[([^\]]+)\]", line) if c.split()]
        if line[0] in " \t":
            if block is not None:
                block["codes"] += codes
            continue
        text = re.sub(r"\[[^\]]*\]", "", line).strip()
        if text.startswith("+") and block is not None:
            block["names"].append(text[1:])
            block["codes"] += codes
            continue
        block = {"names": [text], "codes": codes}
        blocks.append(block)
    for b in blocks:
        code = next((c for c in b["codes"] if c != "---"), "")
        for n in b["names"]:
            n = re.sub(r"\s+", " ", n.replace("_", " ")).strip().upper()
            if n and n not in names:
                names[n] = code
    return names


def split_org_names(values) -> tuple[list[str], list[str]]:
    """Separate acronyms (no space, >= 2 capitals) from other names."""
    acr, names = [], []
    for v in values:
        if not v:
            continue
        caps = sum(ch.isupper() for ch in v)
        (acr if " " not in v and caps >= 2 and caps * 2 >= len(re.sub(r"\W", "", v)) else names).append(v)
    return acr, names


def build_organisations(data: Path, countries: list[dict]) -> list[dict]:
    general = parse_general_list(data / GENERAL)
    rows = []
    for s in read_tsv(GAZ / "curated_org_selection.tsv"):
        g = general[s["wikidata"]]
        name = s["name"] or g["Name_en"]
        acr, alt = split_org_names([g.get(k) for k in ("Abbreviation_en", "Abbreviation_other_en",
                                                        "Abbreviation_other_2_en")])
        alt += [g.get("Name_other_en"), g.get("Name_other_2_en"), g["Name_en"]]
        edited = any(s[k] for k in ("name", "add_acronyms", "drop_acronyms", "add_aliases", "drop_aliases"))
        rows.append(dict(
            name=name,
            acronyms=uniq(acr + split(s["add_acronyms"]), exclude=split(s["drop_acronyms"])),
            aliases=uniq([a for a in alt if a] + split(s["add_aliases"]), exclude=[name] + split(s["drop_aliases"])),
            subtype=s["subtype"] or "Organization", wikidata=s["wikidata"],
            source=[GENERAL] + ([HAND] if edited else [])))
    for c in read_tsv(GAZ / "curated_organisations.tsv"):
        rows.append(dict(name=c["name"], acronyms=split(c["acronyms"]), aliases=split(c["aliases"]),
                         subtype=c["subtype"], wikidata=c["wikidata"], source=split(c["source"]),
                         cameo=c["cameo"] or None))  # "-": a Phoenix entry of that name is another group

    # Safety filters: no English words, no country names/codes, no acronym or alias used twice.
    country_forms = {acronym_form(x) for r in countries for x in [r["iso3"], *r["aliases"]]}
    country_keys = {key(x) for r in countries for x in [r["name"], *r["aliases"], *r["demonyms"]]}
    count = defaultdict(int)
    for r in rows:
        for a in set(map(acronym_form, r["acronyms"])):
            count[a] += 1
        for a in {key(x) for x in [r["name"], *r["aliases"]]}:
            count[a] += 1
    for r in rows:
        keep = []
        for a in r["acronyms"]:
            f = acronym_form(a)
            why = ("English word" if f in ENGLISH_WORDS and f not in SAFE_WORD_ACRONYMS else
                   "country code/name" if f in country_forms else
                   "ambiguous" if count[f] > 1 else None)
            if why:
                print(f"  dropped acronym {a!r} of {r['name']}: {why}", file=sys.stderr)
            else:
                keep.append(a)
        r["acronyms"] = keep
        r["aliases"] = [a for a in r["aliases"] if count[key(a)] == 1 and key(a) not in country_keys
                        or print(f"  dropped alias {a!r} of {r['name']}", file=sys.stderr)]

    # Attribute rows whose name is also in a Phoenix actor dictionary and keep their CAMEO code.
    for path in (PHX_INT, PHX_MNS):
        phx = parse_phoenix(data / path)
        for r in rows:
            if r.get("cameo") == "-":
                continue
            forms = [r["name"]] + [a for a in r["acronyms"] if len(acronym_form(a)) >= 3]
            hits = [phx[k] for k in (re.sub(r"^THE ", "", f.upper()) for f in forms) if k in phx]
            hits += [phx[k] for k in ("THE " + f.upper() for f in forms) if k in phx]
            if hits:
                r["source"] = uniq(r["source"] + [path])
                if not r.get("cameo"):
                    r["cameo"] = next((h for h in hits if h), "")
    for r in rows:
        if r.get("cameo") == "-":
            r["cameo"] = ""
    rows.sort(key=lambda r: (r["subtype"], r["name"].casefold()))
    return rows


# ---------------------------------------------------------------- titles
PHX_OFFICE = re.compile(r"MINISTER|SECRETARY|SPOKES|AMBASSADOR|ENVOY|GOVERNOR|MAYOR|GENERAL|COMMANDER|"
                        r"CHIEF|PRESIDENT|CHANCELLOR|KING|QUEEN|EMIR|PRINCE|JUDGE|JUSTICE|PROSECUTOR|DIRECTOR")
PHX_SKIP = re.compile(r"KINGDOM|PALACE|HOSPITAL|OFFICE|ASSEMBLY|COUNCIL_OF|MINISTERS|GENERALS|JOINT_CHIEFS|"
                      r"FORMER_|OFFICAL|OFFICIAL|OFFICER|FOR_LAW_AND_ORDER|RULING_|SECRETARY_OF_CIVIL|'|"
                      r"CHIEF_OF_ELECTION|NEWSPAPER|STATE_GENERAL|SYSTEM|MILITARY_JUSTICE|COURT_JUSTICE|AQUATICS")


def title_case(entry: str) -> str:
    words = []
    for i, w in enumerate(entry.strip("_").split("_")):
        parts = [p.lower() if (i or j) and p.lower() in SMALL_WORDS else p.capitalize()
                 for j, p in enumerate(w.split("-"))]
        words.append("-".join(parts))
    return " ".join(words)


def build_titles(data: Path) -> list[dict]:
    rows = read_tsv(RES / "curated_titles.tsv")
    seen = {key(r["title"]) for r in rows}
    for raw in (data / PHX_AGENTS).read_text(encoding="utf-8").splitlines():
        mt = re.match(r"([A-Z][A-Z_.\-']*)\s*\[~(GOV|MIL|JUD|LEG|ELI|SPY|COP)[A-Z]*\]", raw)
        if not mt or not PHX_OFFICE.search(mt.group(1)) or PHX_SKIP.search(mt.group(1)):
            continue
        t = title_case(mt.group(1))
        if key(t) not in seen:
            seen.add(key(t))
            rows.append({"title": t, "kind": "office", "source": PHX_AGENTS})
    return rows


# ---------------------------------------------------------------- main
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                    help="folder holding countries/, orgs/ and cameo/ (default ../shared/data)")
    data = ap.parse_args(argv).data
    if not (data / DR5HN).exists():
        ap.error(f"no {DR5HN} under {data}")
    countries = build_countries(data)
    write_tsv(GAZ / "countries.tsv", ["name", "aliases", "demonyms", "capital", "capital_aliases", "iso3", "iso2",
                                      "wikidata", "capital_wikidata", "capital_lookup", "independent", "region",
                                      "subregion", "source"], countries)
    places = read_tsv(GAZ / "curated_places.tsv")
    write_tsv(GAZ / "places.tsv", ["name", "type", "aliases", "demonyms", "country", "wikidata", "source"], places)
    orgs = build_organisations(data, countries)
    write_tsv(GAZ / "organisations.tsv", ["name", "acronyms", "aliases", "subtype", "wikidata", "cameo", "source"],
              orgs)
    write_tsv(RES / "titles.tsv", ["title", "kind", "source"], build_titles(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
