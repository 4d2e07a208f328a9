"""Entity resolution, as a table: text → which entity a surface form ends up in."""
import pytest

from graph.extract.entities import find_entities


@pytest.fixture(scope="module")
def entities_of(nlp):
    def run(text):
        return find_entities(nlp(text))
    return run


def _by_surface(entities):
    """surface form → (label, type) of the entity it is a mention of."""
    return {m.text: (e.label, e.type) for e in entities for m in e.mentions}


# (text, surface form, expected label, expected type)
RESOLUTION = [
    # short forms to the full name
    ("Foreign Minister Mevlut Cavusoglu spoke. Cavusoglu said he would go.",
     "Cavusoglu", "Mevlut Cavusoglu", "Person"),
    ("UN Secretary-General Ban Ki-moon said on Monday that Ban was alarmed.",
     "Ban", "Ban Ki-moon", "Person"),
    ("President Hamid Karzai attended a conference. Karzai urged restraint.",
     "Karzai", "Hamid Karzai", "Person"),
    # titles and honorifics stripped, stray punctuation removed
    ("Foreign Minister Mevlut Cavusoglu said on Tuesday that talks would go on.",
     "Mevlut Cavusoglu", "Mevlut Cavusoglu", "Person"),
    ("Turkey's Deputy Prime Minister Numan Kurtulmus' called for a ceasefire.",
     "Numan Kurtulmus", "Numan Kurtulmus", "Person"),
    # acronyms to their expansion
    ("The International Committee of the Red Cross appealed. The ICRC said it was ready.",
     "ICRC", "International Committee of the Red Cross", "Organization"),
    ("The ICRC said it was ready to help.", "ICRC", "International Committee of the Red Cross",
     "Organization"),
    ("UN Secretary-General Ban Ki-moon spoke.", "UN", "United Nations", "Organization"),
    ("NATO said the soldier was killed.", "NATO", "North Atlantic Treaty Organization", "Organization"),
    # an age in apposition, "who", or a he/she after "said" makes a name a person's
    ("Farkas, 54, set up a joint venture. Farkas said he would fly again.", "Farkas", "Farkas", "Person"),
    ("Bertalan Farkas said he would fly again. Farkas is 54.", "Farkas", "Bertalan Farkas", "Person"),
    # a capitalised word spaCy left out of a place name is part of it, a compass word is not
    ("Protesters gathered in Little Havana on Sunday.", "Little Havana", "Little Havana", "Place"),
    ("Turkish troops entered Northern Syria.", "Northern Syria", "Syria", "Place"),
    # a capital one goes to or reports from is the city; one has ties to is the government
    ("NPR's Elaine Corey reported from Nairobi.", "Nairobi", "Nairobi", "Place"),
    ("Louis Freeh flew to Washington.", "Washington", "Washington", "Place"),
    ("Turkey cut its ties to Baghdad.", "Baghdad", "Iraq", "Place"),
    # a name listed with a place, or after a place and a comma, is a place
    ("Voters in Dorset and Torbay backed the plan.", "Torbay", "Torbay", "Place"),
    ("The factory in Chatham, Kent, will close.", "Kent", "Kent", "Place"),
    # a name spaCy split at its "and"
    ("Members of the Public and Commercial Services Union went on strike.", "Public and Commercial Services Union",
     "Public and Commercial Services Union", "Organization"),
    # an acronym in brackets after a name is that name's, whatever its letters; a body's name with
    # its country before it is the same body
    ("The Islamic Salvation Front (FIS) called a strike. The FIS said the army had arrested its leaders.",
     "FIS", "Islamic Salvation Front", "Organization"),
    ("The U.S. Federal Bureau of Investigation (FBI) sent agents. The FBI said the bombs were similar.",
     "FBI", "U.S. Federal Bureau of Investigation", "Organization"),
    ("The U.S. Immigration and Naturalization Service ruled. The Immigration and Naturalization Service "
     "said the boy must go.", "Immigration and Naturalization Service", "U.S. Immigration and Naturalization Service",
     "Organization"),
    # demonyms that name an actor stand for their country
    ("Cavusoglu said Turkish officials often met with their Russian counterparts.",
     "Turkish", "Turkey", "Place"),
    ("Cavusoglu said Turkish officials often met with their Russian counterparts.",
     "Russian", "Russia", "Place"),
    # a capital that acts stands for its state; one that is a location stays a city
    ("Asked about possible talks with Moscow on Wednesday, the minister said nothing.",
     "Moscow", "Russia", "Place"),
    ("Cavusoglu spoke at a press conference in Ankara.", "Ankara", "Ankara", "Place"),
    # fixed descriptions of a government
    ("Aid groups appealed to the Syrian regime to spare civilians.",
     "Syrian regime", "Syrian government", "Organization"),
    ("The Syrian military denied the claims.", "Syrian military", "Syrian military", "Organization"),
    ("Syria said it would respond. Activists said government forces carried out killings.",
     "government forces", "Syrian military", "Organization"),
    # an organisation's name keeps words that are also titles
    ("General Motors said it would cut jobs.", "General Motors", "General Motors", "Organization"),
    ("Doctors Without Borders said the clinic was hit.", "Doctors Without Borders",
     "Médecins Sans Frontières", "Organization"),
    # the type is decided by all the mentions together
    ("Turkey will intensify talks on the Syrian city of Aleppo. Fighting in Aleppo went on. "
     "Aleppo talks were possible.", "Aleppo", "Aleppo", "Place"),
    ("Rami Abdurrahman, who heads the Britain-based Syrian Observatory for Human Rights, said "
     "60 people were killed.", "Syrian Observatory for Human Rights",
     "Syrian Observatory for Human Rights", "Organization"),
    ("Rami Abdurrahman, who heads the Britain-based Syrian Observatory for Human Rights, said "
     "60 people were killed.", "Britain", "United Kingdom", "Place"),
]


@pytest.mark.parametrize("text, surface, label, etype", RESOLUTION)
def test_resolution(entities_of, text, surface, label, etype):
    found = _by_surface(entities_of(text))
    assert found.get(surface) == (label, etype), found


def test_one_node_per_thing(entities_of):
    ents = entities_of("The International Committee of the Red Cross said on Tuesday it was "
                       "ready. The ICRC's head, Marianne Gasser, said the ICRC would help.")
    icrc = [e for e in ents if e.label == "International Committee of the Red Cross"]
    assert len(icrc) == 1 and len(icrc[0].mentions) == 3
    assert icrc[0].wikidata and icrc[0].key == icrc[0].wikidata


def test_mentions_index_the_text(entities_of):
    text = "Foreign Minister Mevlut Cavusoglu met ICRC staff in Ankara; Cavusoglu'"
    for e in entities_of(text):
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, surface", [
    ("Last minute appeals were made by the staff.", "Last"),
    ("Ministers met on Monday.", "Monday"),
    ("He may leave in May.", "May"),
    ("Home Secretary Charles Clarke said the law would change.", "Home"),
    ("Secretary of State Condoleezza Rice arrived.", "State"),
    # an adverb opening a sentence, "the Bill": no one's name
    ("Symbolically, the Tories met in Blackpool on Monday.", "Symbolically"),
    ("Lord Falconer said the Bill was fair.", "Bill"),
    # a portfolio before a title is no body of its own
    ("Health Secretary John Reid said waiting lists fell.", "Health"),
    ("New Home Secretary Charles Clarke arrived.", "New Home"),
    # languages are not their peoples' countries
    ("Juan Miguel Gonzalez spoke in Spanish.", "Spanish"),
    ("Switching to English, he thanked the crowd.", "English"),
    ("Miami's Spanish-language radio stations buzzed.", "Spanish"),
    ("It is a dialect of the Persian language.", "Persian"),
])
def test_not_entities(entities_of, text, surface):
    assert surface not in _by_surface(entities_of(text))


# (text, surface form, the label of the entity of each of its mentions in order)
SHARED_NAMES = [
    # a surname two people share goes to the one named last before it
    ("Raul Castro met reporters. His brother Fidel Castro spoke later. Castro said the boy must return. "
     "Raul Castro left. Castro said nothing.", "Castro", ["Fidel Castro", "Raul Castro"]),
    # a name after a title that takes a given name is not a surname
    ("President Bush met King Hussein of Jordan on Thursday. Iraq's Saddam Hussein sent troops to Kuwait. "
     "Hussein said they would stay.", "Hussein", ["Hussein", "Saddam Hussein"]),
]


@pytest.mark.parametrize("text, surface, labels", SHARED_NAMES)
def test_shared_names(entities_of, text, surface, labels):
    mentions = sorted((m.start, e.label) for e in entities_of(text) for m in e.mentions if m.text == surface)
    assert [label for _, label in mentions] == labels
