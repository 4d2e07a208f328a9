"""The gazetteer as tables: surface form -> what it names, and what must not match."""
import doctest
import subprocess
import sys
from pathlib import Path

import pytest

import graph.extract.gazetteer as gazetteer_module
from graph.extract.gazetteer import GazEntry, load_gazetteer, load_titles
from graph.extract.lexicon import read_table

ROOT = Path(__file__).resolve().parents[2]
GAZ_DIR = ROOT / "graph" / "resources" / "en" / "gazetteer"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


# (surface, expected name, expected subtype, expected QID or None when not checked)
LOOKUP = [
    # acronyms, with and without dots
    ("ICRC", "International Committee of the Red Cross", "NGO", None),
    ("UN", "United Nations", "Organization", "Q1065"),
    ("U.N.", "United Nations", "Organization", "Q1065"),
    ("NATO", "North Atlantic Treaty Organization", "Organization", None),
    ("EU", "European Union", "Organization", None),
    ("SOHR", "Syrian Observatory for Human Rights", "NGO", None),
    ("HRW", "Human Rights Watch", "NGO", None),
    ("MSF", "Médecins Sans Frontières", "NGO", None),
    ("WHO", "World Health Organization", "Organization", None),
    ("AFP", "Agence France-Presse", "NewsMediaOrganization", None),
    ("AP", "Associated Press", "NewsMediaOrganization", None),
    ("PKK", "Kurdistan Workers' Party", "ArmedGroup", None),
    ("YPG", "People's Protection Units", "ArmedGroup", None),
    ("ISIS", "Islamic State", "ArmedGroup", None),
    ("ISIL", "Islamic State", "ArmedGroup", None),
    ("US", "United States", "Country", "Q30"),
    ("U.S.", "United States", "Country", "Q30"),
    ("USA", "United States", "Country", "Q30"),
    ("UK", "United Kingdom", "Country", "Q145"),
    ("U.K.", "United Kingdom", "Country", "Q145"),
    ("UAE", "United Arab Emirates", "Country", None),
    ("DRC", "Democratic Republic of the Congo", "Country", None),
    # names and aliases, case-insensitive
    ("Turkey", "Turkey", "Country", "Q43"),
    ("Türkiye", "Turkey", "Country", "Q43"),
    ("Republic of Turkey", "Turkey", "Country", "Q43"),
    ("Russian Federation", "Russia", "Country", "Q159"),
    ("Britain", "United Kingdom", "Country", None),
    ("Great Britain", "United Kingdom", "Country", None),
    ("America", "United States", "Country", None),
    ("Czechia", "Czech Republic", "Country", None),
    ("Czech Republic", "Czech Republic", "Country", None),
    ("Burma", "Myanmar", "Country", None),
    ("Kosovo", "Kosovo", "Country", None),
    ("Red Cross", "International Committee of the Red Cross", "NGO", None),
    ("Doctors Without Borders", "Médecins Sans Frontières", "NGO", None),
    ("Medecins Sans Frontieres", "Médecins Sans Frontières", "NGO", None),
    ("North Atlantic Treaty Organisation", "North Atlantic Treaty Organization", "Organization", None),
    ("Xinhua", "Xinhua News Agency", "NewsMediaOrganization", None),
    ("Reuters", "Reuters", "NewsMediaOrganization", None),
    ("Daesh", "Islamic State", "ArmedGroup", None),
    ("al-Qaida", "al-Qaeda", "ArmedGroup", None),
    ("Taliban", "Taliban", "ArmedGroup", None),
    ("Free Syrian Army", "Free Syrian Army", "ArmedGroup", None),
    ("Hezbollah", "Hezbollah", "ArmedGroup", None),
    ("Hamas", "Hamas", "ArmedGroup", None),
    ("Al-Nusra Front", "al-Nusra Front", "ArmedGroup", None),
    ("Middle East", "Middle East", "Place", None),
    ("Europe", "Europe", "Continent", "Q46"),
    ("Africa", "Africa", "Continent", "Q15"),
    ("Gulf", "Persian Gulf", "BodyOfWater", None),
    # "the", possessives, spacing
    ("the United Nations", "United Nations", "Organization", None),
    ("The ICRC", "International Committee of the Red Cross", "NGO", None),
    ("Russia's", "Russia", "Country", None),
    ("the U.N.'s", "United Nations", "Organization", None),
    ("Reuters'", "Reuters", "NewsMediaOrganization", None),
    ("NATO’s", "North Atlantic Treaty Organization", "Organization", None),
    ("the  European   Union", "European Union", "Organization", None),
    ("united kingdom", "United Kingdom", "Country", None),
    ("TURKEY", "Turkey", "Country", None),
    ("CARICOM", "Caribbean Community", "Organization", None),
]


@pytest.mark.parametrize("surface,name,subtype,qid", LOOKUP)
def test_lookup(gaz, surface, name, subtype, qid):
    e = gaz.lookup(surface)
    assert e is not None, surface
    assert (e.name, e.subtype) == (name, subtype)
    if qid:
        assert e.wikidata == qid


NO_MATCH = [
    "May", "us", "Us", "who", "Who", "the", "", "   ", "Western", "Observatory", "un", "eu",
    "it", "IT", "Is", "IS", "Washington", "Moscow", "Syrian", "Turkish", "Ap", "Nato.",
]


@pytest.mark.parametrize("surface", NO_MATCH)
def test_lookup_no_match(gaz, surface):
    assert gaz.lookup(surface) is None


DEMONYMS = [
    ("Turkish", "Turkey"), ("Turk", "Turkey"), ("Turks", "Turkey"),
    ("Russian", "Russia"), ("Russians", "Russia"), ("British", "United Kingdom"),
    ("Britons", "United Kingdom"), ("American", "United States"), ("Americans", "United States"),
    ("Syrian", "Syria"), ("Syrians", "Syria"), ("Czech", "Czech Republic"), ("Czechs", "Czech Republic"),
    ("Iraqi", "Iraq"), ("Israelis", "Israel"), ("Palestinian", "Palestine"), ("Kosovar", "Kosovo"),
    ("Filipinos", "Philippines"), ("Swiss", "Switzerland"), ("Dutch", "Netherlands"),
    ("French", "France"), ("Chinese", "China"), ("Indian", "India"), ("Norwegian", "Norway"),
    ("European", "Europe"), ("African", "Africa"), ("Scottish", "Scotland"),
]


@pytest.mark.parametrize("word,country", DEMONYMS)
def test_demonym(gaz, word, country):
    e = gaz.demonym(word)
    assert e is not None and e.name == country


@pytest.mark.parametrize("word", ["Western", "turkish", "russians", "Syria", "Congolese", "Dominican",
                                  "Frenchmans", "Philippines", "UK", "Arab", ""])
def test_not_a_demonym(gaz, word):
    assert gaz.demonym(word) is None


CAPITALS = [
    ("Moscow", "Russia", "Q649"), ("Ankara", "Turkey", "Q3640"), ("Damascus", "Syria", "Q3766"),
    ("Washington", "United States", "Q61"), ("Washington, D.C.", "United States", "Q61"),
    ("Kiev", "Ukraine", "Q1899"), ("Kyiv", "Ukraine", "Q1899"), ("London", "United Kingdom", "Q84"),
    ("Beijing", "China", "Q956"), ("Tehran", "Iran", "Q3616"), ("Baghdad", "Iraq", "Q1530"),
    ("Bogota", "Colombia", None), ("Bogotá", "Colombia", None), ("Pristina", "Kosovo", None),
    ("Ramallah", "Palestine", None), ("Taipei", "Taiwan", None),
]


@pytest.mark.parametrize("name,country,qid", CAPITALS)
def test_capital_and_city(gaz, name, country, qid):
    assert gaz.capital(name).name == country
    c = gaz.city(name)
    assert (c.type, c.subtype, c.country) == ("Place", "City", country)
    assert c.wikidata == qid


@pytest.mark.parametrize("name", ["Victoria", "Stanley", "Douglas", "Hamilton", "Istanbul", "Turkey",
                                  "moscowx", ""])
def test_not_a_capital(gaz, name):
    assert gaz.capital(name) is None and gaz.city(name) is None


def test_titles():
    titles = dict(load_titles())
    lower = {t.lower(): k for t, k in titles.items()}
    for t in ("President", "Prime Minister", "Deputy Prime Minister", "Foreign Minister",
              "Secretary-General", "Secretary of State", "spokesman", "spokeswoman", "spokesperson",
              "head of delegation", "administrator", "Director", "Chief", "Commander", "General",
              "Colonel", "Ambassador", "Envoy", "King", "Queen", "Emir", "Governor", "Mayor",
              "Police Chief", "Minister of Foreign Affairs"):
        assert lower.get(t.lower()) == "office", t
    assert titles["spokesman"] == "office" and titles["Prime Minister"] == "office"
    for t in ("Mr", "Mrs", "Ms", "Dr", "Sir", "Sheikh"):
        assert titles[t] == "honorific"
    assert set(titles.values()) <= {"honorific", "office", "role"}
    assert load_gazetteer().titles() == load_titles()


def test_entries_are_frozen_and_hashable(gaz):
    e = gaz.lookup("ICRC")
    assert isinstance(e, GazEntry) and hash(e)
    with pytest.raises(AttributeError):
        e.name = "x"
    assert gaz.lookup("Turkey").capital == "Ankara"
    assert "ICRC" in e.acronyms and e.type == "Organization"


def test_every_row_has_a_source():
    for f in ("countries.tsv", "places.tsv", "organisations.tsv"):
        rows = read_table("en/gazetteer/" + f)
        assert rows, f
        for r in rows:
            assert r["source"], (f, r["name"])
    assert all(r["source"] for r in read_table("en/titles.tsv"))


def test_countries_complete_and_with_qids():
    rows = read_table("en/gazetteer/countries.tsv")
    assert len(rows) >= 249
    assert all(r["wikidata"].startswith("Q") for r in rows)
    assert len({r["iso3"] for r in rows}) == len(rows)
    names = {r["name"] for r in rows}
    assert {"Turkey", "Russia", "United Kingdom", "Czech Republic", "United States"} <= names


def test_qids_well_formed_and_unique():
    import re
    seen = {}
    for f in ("countries.tsv", "places.tsv", "organisations.tsv"):
        for r in read_table("en/gazetteer/" + f):
            q = r["wikidata"]
            if q:
                assert re.fullmatch(r"Q[1-9]\d*", q), (f, r["name"], q)
                assert q not in seen, (q, r["name"], seen.get(q))
                seen[q] = r["name"]


def test_no_surface_names_two_entries(gaz):
    """Every name, alias and acronym leads back to its own entry."""
    for e in gaz.entries:
        for form in e.surfaces():
            assert gaz.lookup(form) is e, (form, e.name, gaz.lookup(form))


def test_matches_in_text(gaz, nlp):
    doc = nlp("The U.N.'s envoy met Turkish officials in Ankara, the ICRC said. Who knows what "
              "us and May think? The US and WHO did not comment to AFP or the Washington Post.")
    found = [s.text for s in gaz.matches(doc)]
    assert found == ["U.N.", "Turkish", "Ankara", "ICRC", "US", "WHO", "AFP", "Washington Post"]
    doc = nlp("Officials in New Mexico, New Jersey and New Delhi met Papua New Guinea's envoy.")
    assert [s.text for s in gaz.matches(doc)] == ["New Mexico", "New Jersey", "New Delhi", "Papua New Guinea"]


def test_licences_and_readme_present():
    assert (ROOT / "NOTICE").exists()
    assert (GAZ_DIR / "README.md").exists()
    lic = {p.name for p in (GAZ_DIR / "licenses").iterdir()}
    assert {"ODbL-1.0-mledoze.txt", "ODbL-1.0-dr5hn.txt", "CC-BY-SA-4.0-orgs.md",
            "MIT-petrarch2.txt", "MIT-mordecai.txt", "MIT-text_to_CAMEO.txt"} <= lic


def test_doctests():
    result = doctest.testmod(gazetteer_module)
    assert result.attempted > 0 and result.failed == 0


def test_build_script_reproduces_the_files(tmp_path):
    """scripts/build_gazetteer.py regenerates the committed TSVs byte for byte (needs ../shared)."""
    data = ROOT.parent / "shared" / "data"
    if not (data / "countries" / "dr5hn" / "countries.json").exists():
        pytest.skip("../shared/data is not here")
    outputs = [GAZ_DIR / f for f in ("countries.tsv", "places.tsv", "organisations.tsv")]
    before = {p: p.read_bytes() for p in [*outputs, ROOT / "graph/resources/en/titles.tsv"]}
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--data", str(data)],
                   check=True, capture_output=True)
    for p, content in before.items():
        assert p.read_bytes() == content, f"{p.name} differs from a fresh build"
