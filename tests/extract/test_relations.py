"""Relations as tables: a sentence → the facts it states (and the ones it must not), read with the
real spaCy pipeline and the real entity extractor."""
import pytest

from graph.extract import relation_lexicon as lex
from graph.extract.entities import find_entities
from graph.extract.relations import find_relations
from graph.model import Relation


@pytest.fixture(scope="module")
def relations_of(nlp):
    """text → (set of (subject name, predicate, object name or title), the relations, doc)."""
    def run(text):
        doc = nlp(text)
        entities = find_entities(doc)
        # every name of an entity stands for it, so the table does not hang on which is the label
        names = {e.key: {e.label, *e.aliases, *(m.text for m in e.mentions)} for e in entities}
        rels = find_relations(doc, entities)
        facts = {(s, r.predicate, o) for r in rels for s in names[r.subject]
                 for o in ([r.obj] if r.predicate == "jobTitle" else names[r.obj])}
        return facts, rels, doc
    return run


# (text, facts that must be found)
FOUND = [
    # a title before the name, with its owner in front
    ("Foreign Minister Mevlut Cavusoglu said on Tuesday that talks would go on.",
     {("Mevlut Cavusoglu", "jobTitle", "Foreign Minister")}),
    ("Turkey's Deputy Prime Minister Numan Kurtulmus' called for an immediate ceasefire.",
     {("Numan Kurtulmus", "jobTitle", "Deputy Prime Minister"),
      ("Numan Kurtulmus", "affiliation", "Turkey")}),
    ("UN Secretary-General Ban Ki-moon said in a statement that he was alarmed.",
     {("Ban Ki-moon", "jobTitle", "Secretary-General"), ("Ban Ki-moon", "affiliation", "United Nations")}),
    ("Afghan President Hamid Karzai visited Kandahar.",
     {("Hamid Karzai", "jobTitle", "President"), ("Hamid Karzai", "affiliation", "Afghanistan")}),
    ("U.S. Secretary of State Condoleezza Rice arrived in Jerusalem on Tuesday.",
     {("Condoleezza Rice", "jobTitle", "Secretary of State"),
      ("Condoleezza Rice", "affiliation", "United States")}),
    ("Israeli Prime Minister Ehud Olmert said Israel would display restraint.",
     {("Ehud Olmert", "jobTitle", "Prime Minister"), ("Ehud Olmert", "affiliation", "Israel")}),
    ("Turkish Foreign Minister Mevlut Cavusoglu met his Czech counterpart in Ankara.",
     {("Mevlut Cavusoglu", "jobTitle", "Foreign Minister"), ("Mevlut Cavusoglu", "affiliation", "Turkey")}),
    ('"We will not stop," said Hezbollah leader Hassan Nasrallah.',
     {("Hassan Nasrallah", "jobTitle", "leader"), ("Hassan Nasrallah", "affiliation", "Hezbollah")}),
    ("provincial police chief Mohammad Nabi Mullahkhil told AFP that eight people died.",
     {("Mohammad Nabi Mullahkhil", "jobTitle", "provincial police chief")}),
    ("Prime Minister Ismail Haneya of Hamas is to finalize talks on a unity government.",
     {("Ismail Haneya", "jobTitle", "Prime Minister"), ("Ismail Haneya", "affiliation", "Hamas")}),
    # an honorific between the title and the name
    ("Iran's Supreme Leader Ayatollah Ali Khamenei warned the United States.",
     {("Ali Khamenei", "jobTitle", "Supreme Leader"), ("Ali Khamenei", "affiliation", "Iran")}),
    # appositions before the name
    ('"We appeal to the parties", said ICRC\'s head of delegation in Syria, Marianne Gasser, who is '
     "currently in Aleppo.",
     {("Marianne Gasser", "jobTitle", "head of delegation"),
      ("Marianne Gasser", "affiliation", "International Committee of the Red Cross")}),
    ('"Those killed are left on the streets," said the clinic\'s administrator, Mohammed Abu Rajab.',
     {("Mohammed Abu Rajab", "jobTitle", "administrator")}),
    ("A spokesman for the United Nations, Stephane Dujarric, said the convoy was ready.",
     {("Stephane Dujarric", "jobTitle", "spokesman"), ("Stephane Dujarric", "affiliation", "United Nations")}),
    ("A spokesman for the rebels, Mohammed Abdulsalam, said the group would respond.",
     {("Mohammed Abdulsalam", "jobTitle", "spokesman")}),
    # a person's spokesman: the title, but no affiliation with a person
    ("Obama's spokesman Josh Earnest said the president would veto the bill.",
     {("Josh Earnest", "jobTitle", "spokesman")}),
    ("The Turkish president, Recep Tayyip Erdogan, said the army would respond.",
     {("Recep Tayyip Erdogan", "jobTitle", "president"), ("Recep Tayyip Erdogan", "affiliation", "Turkey")}),
    # appositions after the name
    ("Marianne Gasser, the ICRC's head of delegation, said the situation was dire.",
     {("Marianne Gasser", "jobTitle", "head of delegation"),
      ("Marianne Gasser", "affiliation", "International Committee of the Red Cross")}),
    ('"The collapse is terrifying," said Bassam Haj Mustafa, a rebel spokesman in contact with fighters.',
     {("Bassam Haj Mustafa", "jobTitle", "rebel spokesman")}),
    ("There were no casualties, said Jason Chalk, a spokesman for the NATO-led International Security "
     "Assistance Force (ISAF).",
     {("Jason Chalk", "jobTitle", "spokesman"),
      ("Jason Chalk", "affiliation", "International Security Assistance Force")}),
    ("Stephane Dujarric, spokesman for the United Nations, said the convoy was ready.",
     {("Stephane Dujarric", "jobTitle", "spokesman"), ("Stephane Dujarric", "affiliation", "United Nations")}),
    ("Vitaly Churkin, Russia's ambassador to the United Nations, rejected the draft.",
     {("Vitaly Churkin", "jobTitle", "ambassador"), ("Vitaly Churkin", "affiliation", "Russia")}),
    ("Hamid Karzai, the president of Afghanistan, flew to Kabul.",
     {("Hamid Karzai", "jobTitle", "president"), ("Hamid Karzai", "affiliation", "Afghanistan")}),
    ("Yonhap quoted Han Sung-Ryol, head of the North Korean UN mission, as repeating the demand.",
     {("Han Sung-Ryol", "jobTitle", "head of the North Korean UN mission"),
      ("Han Sung-Ryol", "affiliation", "North Korea")}),
    # relative clauses
    ("Rami Abdurrahman, who heads the Britain-based Syrian Observatory for Human Rights, said 60 "
     "civilians were killed.",
     {("Rami Abdurrahman", "jobTitle", "head"),
      ("Rami Abdurrahman", "affiliation", "Syrian Observatory for Human Rights")}),
    ('"We are ready," added Kim Kye-Gwan who is also the head of the North Korean delegation to the talks.',
     {("Kim Kye-Gwan", "jobTitle", "head of the North Korean delegation"),
      ("Kim Kye-Gwan", "affiliation", "North Korea")}),
    # words of the office before the lexicon's title, an organisation after "at"
    ("Education Secretary Ruth Kelly said the plans would go ahead.",
     {("Ruth Kelly", "jobTitle", "Education Secretary")}),
    ("Communications Minister Dayanidhi Maran said there was a need to fund the market.",
     {("Dayanidhi Maran", "jobTitle", "Communications Minister")}),
    ('"It suggests growth," said Rick Egelton, deputy chief economist at BMO Financial Group.',
     {("Rick Egelton", "jobTitle", "deputy chief economist"),
      ("Rick Egelton", "affiliation", "BMO Financial Group")}),
    # a state owner shared by coordinated titles
    ("U.S. President George W. Bush and Secretary of State Condoleezza Rice are to visit Jordan.",
     {("George W. Bush", "affiliation", "United States"), ("Condoleezza Rice", "jobTitle", "Secretary of State"),
      ("Condoleezza Rice", "affiliation", "United States")}),
    # a state official reporting what his country does
    ("Turkey will intensify talks with Russia, Foreign Minister Mevlut Cavusoglu said Tuesday.",
     {("Mevlut Cavusoglu", "jobTitle", "Foreign Minister"), ("Mevlut Cavusoglu", "affiliation", "Turkey")}),
    ("Egypt will host the talks, Foreign Minister Sameh Shoukry said on Monday.",
     {("Sameh Shoukry", "affiliation", "Egypt")}),
    # a definite description naming the country of the one president
    ("President Hamid Karzai attended a conference. It was the first meeting that the beleaguered "
     "Afghan leader has attended.",
     {("Hamid Karzai", "jobTitle", "President"), ("Hamid Karzai", "affiliation", "Afghanistan")}),
    # containment
    ("Turkey will press for a ceasefire in the Syrian city of Aleppo.",
     {("Aleppo", "containedInPlace", "Syria")}),
    ("Clashes erupted in Homs, Syria's third largest city.", {("Homs", "containedInPlace", "Syria")}),
    ("In Sderot, southern Israeli town which is often targeted by rockets, there is skepticism.",
     {("Sderot", "containedInPlace", "Israel")}),
    ("Rockets hit Sderot, Israel, on Sunday.", {("Sderot", "containedInPlace", "Israel")}),
    ("Fighters attacked the village of Kafr Nabl in Idlib province.",
     {("Kafr Nabl", "containedInPlace", "Idlib")}),
    ("The soldiers raided a house near the village of Darnami in restive Khost province.",
     {("Darnami", "containedInPlace", "Khost province")}),
    ("Fighting continued in Darnami, Khost province, on Tuesday.",
     {("Darnami", "containedInPlace", "Khost province")}),
    ("Lashkargah, the capital of Helmand province, was quiet.",
     {("Lashkargah", "containedInPlace", "Helmand province")}),
    ("The governor of Helmand province was safe. The attack took place at the house in Lashkargah, "
     "the provincial capital.",
     {("Lashkargah", "containedInPlace", "Helmand")}),
    # a body's or country's person: possessive, or "of" after the name
    ("NPR's Elaine Corey reported from Nairobi.", {("Elaine Corey", "affiliation", "NPR")}),
    ("Iraq's Saddam Hussein called Bush a liar.", {("Saddam Hussein", "affiliation", "Iraq")}),
    ("James Zogby of the Arab American Institute said Arabs were angry.",
     {("James Zogby", "affiliation", "Arab American Institute")}),
    # a party's office, a portfolio in lower case before the title
    ("Labour MP Greville Janner said he was innocent.",
     {("Greville Janner", "jobTitle", "MP"), ("Greville Janner", "affiliation", "Labour Party")}),
    ("Mark Oaten, the Liberal Democrat home affairs spokesman, said the plan would fail.",
     {("Mark Oaten", "jobTitle", "home affairs spokesman"), ("Mark Oaten", "affiliation", "Liberal Democrats")}),
    ("Labour backbencher Bob Marshall-Andrews criticised the bill.",
     {("Bob Marshall-Andrews", "jobTitle", "backbencher"), ("Bob Marshall-Andrews", "affiliation", "Labour Party")}),
    ("Alan Milburn, Labour's election co-ordinator, said the campaign would focus on the economy.",
     {("Alan Milburn", "jobTitle", "election co-ordinator"), ("Alan Milburn", "affiliation", "Labour Party")}),
    # a town and its state or province, also abbreviated, also in a list of such pairs
    ("The Southern Poverty Law Center is based in Montgomery, Alabama.", {("Montgomery", "containedInPlace", "Alabama")}),
    ("Officials in Oklahoma City, Okla., and Birmingham, Ala., said the bombs were similar.",
     {("Oklahoma City", "containedInPlace", "Oklahoma"), ("Birmingham", "containedInPlace", "Alabama")}),
    ("Slepian was shot at his home in Amherst, N.Y., on Friday.", {("Amherst", "containedInPlace", "New York State")}),
    # location
    ("The Britain-based Syrian Observatory for Human Rights said 60 civilians were killed.",
     {("Syrian Observatory for Human Rights", "location", "United Kingdom")}),
    ("The Cairo-based Arab League called for calm.", {("Arab League", "location", "Cairo")}),
    ("The Arab League, headquartered in Cairo, called for calm.", {("Arab League", "location", "Cairo")}),
    ("Frankfurt-based Deutsche Boerse has offered 1.3bn pounds for the exchange.",
     {("Deutsche Boerse", "location", "Frankfurt")}),
]


@pytest.mark.parametrize("text, expected", FOUND, ids=[t[:50] for t, _ in FOUND])
def test_found(relations_of, text, expected):
    facts, _, _ = relations_of(text)
    assert expected <= facts, f"missing {expected - facts}; got {facts}"


# (text, facts that must not be stated: a subject label with predicate None means "no relation at all
# for this subject")
NOT_FOUND = [
    # a counterpart is not the person's own office
    ("Cavusoglu said at a press conference with his Czech counterpart in Ankara.",
     {("Cavusoglu", None, None)}),
    ("Foreign Minister Mevlut Cavusoglu met his Czech counterpart in Ankara.",
     {("Mevlut Cavusoglu", "affiliation", "Czech Republic"), ("Mevlut Cavusoglu", "affiliation", "Ankara")}),
    # no name beside the title: nobody to give it to
    ("Israeli Prime Minister Ehud Olmert met the French president on Monday.",
     {("Ehud Olmert", "affiliation", "France"), ("Ehud Olmert", "jobTitle", "president")}),
    # being somewhere is no affiliation
    ("Mevlut Cavusoglu spoke at a press conference in Ankara.", {("Mevlut Cavusoglu", None, None)}),
    # an office no longer held
    ("Former President Bill Clinton visited Haiti.", {("Bill Clinton", None, None)}),
    # the host country of an ambassador is not whom he serves
    ("Britain's ambassador to Syria, John Jenkins, left Damascus.", {("John Jenkins", "affiliation", "Syria")}),
    # a place inside a head of delegation's title is not his owner
    ("ICRC's head of delegation in Syria, Marianne Gasser, spoke.", {("Marianne Gasser", "affiliation", "Syria")}),
    # lists of places are no containment
    ("Troops moved between Kabul, Kandahar and Helmand.",
     {("Kandahar", "containedInPlace", "Helmand province"), ("Kabul", None, None), ("Kandahar", None, None)}),
    ("Officials from Turkey, Russia and Iran met in Astana.", {("Turkey", None, None), ("Russia", None, None)}),
    # "near" is no containment, nor is a country in a smaller place
    ("The attack took place in the town of Douma near Damascus.", {("Douma", "containedInPlace", "Damascus")}),
    ("Syria in Aleppo.", {("Syria", "containedInPlace", "Aleppo")}),
    # a place after a comma that starts a new clause or modifies a noun
    ("After the draw in Paris, Ireland face the Faroe Islands in Dublin.",
     {("Paris", "containedInPlace", "Ireland")}),
    ("Darling spoke in Edinburgh, Wales Secretary Peter Hain in Cardiff.",
     {("Edinburgh", "containedInPlace", "Wales")}),
    ("After the match in Wrexham, Wales face Italy in Rome.", {("Wrexham", "containedInPlace", "Wales")}),
    # the gazetteer knows the city lies elsewhere
    ("The hospital in Damascus, Jordan, was hit.", {("Damascus", "containedInPlace", "Jordan")}),
    # a title with a complement is not the office of the name that follows it
    ("His brother Ed is a special advisor to Chancellor Gordon Brown.",
     {("Gordon Brown", "jobTitle", "special advisor"), ("Gordon Brown", "jobTitle", "advisor")}),
    # a past office, with the owner between "former" and the title
    ("Lawyers defending former WorldCom chief Bernie Ebbers called a witness.", {("Bernie Ebbers", None, None)}),
    # the title after a comma belongs to the next name
    ("The survey included DJ Trevor Nelson, NME editor Conor McNicholas and others.",
     {("Trevor Nelson", "jobTitle", "editor"), ("Trevor Nelson", "affiliation", "NME")}),
    # a demonym on a title of a work is no affiliation of its director
    ("Chris Weitz, who directed American Pie, said the studio feared protests.",
     {("Chris Weitz", "affiliation", "United States")}),
    # "US-led" is no seat
    ("US-led troops killed four militants.", {("US-led coalition", None, None)}),
    # a plain meeting is no office
    ("Abbas, who met Olmert on Sunday, said talks would continue.", {("Abbas", None, None)}),
    # the owner's country of a spokesman speaking about another country
    ("A spokesman for the United Nations, Stephane Dujarric, said Syria would let the convoy pass.",
     {("Stephane Dujarric", "affiliation", "Syria")}),
]


@pytest.mark.parametrize("text, unwanted", NOT_FOUND, ids=[t[:50] for t, _ in NOT_FOUND])
def test_not_found(relations_of, text, unwanted):
    facts, _, _ = relations_of(text)
    for subject, predicate, obj in unwanted:
        if predicate is None:
            assert not [f for f in facts if f[0] == subject], facts
        else:
            assert (subject, predicate, obj) not in facts, facts


def test_evidence_is_the_sentence(relations_of):
    text = "Turkey wants peace. UN Secretary-General Ban Ki-moon said he was alarmed."
    _, rels, _ = relations_of(text)
    assert rels
    for r in rels:
        assert r.evidence is not None
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text
        assert r.evidence.text.startswith("UN Secretary-General")


def test_deduplicated_and_deterministic(relations_of):
    text = ("Afghan President Hamid Karzai spoke. Later, Afghan President Hamid Karzai spoke again, "
            "and President Hamid Karzai left.")
    _, first, _ = relations_of(text)
    _, second, _ = relations_of(text)
    assert first == second
    keys = [(r.subject, r.predicate, r.obj.casefold()) for r in first]
    assert len(keys) == len(set(keys))
    assert all(isinstance(r, Relation) for r in first)


def test_no_entities_no_relations(nlp):
    doc = nlp("Foreign Minister Mevlut Cavusoglu said Tuesday.")
    assert find_relations(doc, []) == []


def test_resource_examples_are_read():
    """Every word list has rows, and the titles lexicon gives offices but no honorifics."""
    assert "head" in lex.office_nouns() and "province" in lex.place_levels()
    assert "based" in lex.based_words() and lex.head_verbs()["head"] == "head"
    assert "foreign minister" in lex.title_keys() and "mr" not in lex.title_keys()
    assert "ayatollah" in lex.honorific_keys()
