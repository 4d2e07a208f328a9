"""Relations: offices people hold, whom they hold them for, where places and organisations are.

``find_relations(doc, entities)`` reads four kinds of fact, each with the sentence it was read in
as evidence:

- ``jobTitle`` (object: the title as the text writes it) and ``affiliation`` (the country or
  organisation the text ties the person to), from
    - a title before a name, with its owner in front: "Turkey's Deputy Prime Minister Numan
      Kurtulmus", "UN Secretary-General Ban Ki-moon", "Afghan President Hamid Karzai";
    - appositions on either side: "ICRC's head of delegation in Syria, Marianne Gasser",
      "Bassam Haj Mustafa, a rebel spokesman", "Jason Chalk, a spokesman for ISAF",
      "Han Sung-Ryol, head of the North Korean UN mission";
    - relative clauses: "Rami Abdurrahman, who heads the Syrian Observatory", "Kim who is also
      the head of the North Korean delegation"; and "Prime Minister Ismail Haneya of Hamas";
    - where the title names no owner, only what the text supports: a coordinated title sharing
      the owner ("U.S. President George W. Bush and Secretary of State Condoleezza Rice"), a
      state official reporting what his country does ("Turkey will intensify talks, Foreign
      Minister Mevlut Cavusoglu said"), a definite description naming the country ("President
      Hamid Karzai … the beleaguered Afghan leader");
- ``containedInPlace``: "the Syrian city of Aleppo", "Sderot, southern Israeli town", "the
  village of Darnami in restive Khost province", "Lashkargah, the provincial capital",
  "Darnami, Khost province" (from a smaller place to a larger one only);
- ``location``: "the Britain-based Syrian Observatory", "the Arab League, headquartered in Cairo".

The readers: ``relation_titles`` (title phrases) and ``relation_offices`` (``jobTitle``,
``affiliation``), ``relation_places`` (``containedInPlace``, ``location``), all on the mention
index and collector of ``relation_index``. Every word list is data under
``graph/resources/en/relations/`` (see ``relation_lexicon``).

>>> from graph.nlp import load_nlp
>>> from graph.extract.entities import find_entities
>>> doc = load_nlp()("UN Secretary-General Ban Ki-moon said he was alarmed.")
>>> [(r.subject, r.predicate, r.obj) for r in find_relations(doc, find_entities(doc))]
[('Person/ban-ki-moon', 'jobTitle', 'Secretary-General'), ('Person/ban-ki-moon', 'affiliation', 'Q1065')]
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..model import Entity, Relation
from .relation_index import Collector, Index
from .relation_offices import office_relations
from .relation_places import place_relations

__all__ = ["find_relations"]


def find_relations(doc: Doc, entities: Sequence[Entity]) -> list[Relation]:
    """The relations the text of ``doc`` states between ``entities``, deduplicated, in text
    order, each with the sentence it was read in as evidence."""
    ix = Index(doc, entities)
    out = Collector(doc, ix)
    office_relations(doc, ix, out)
    place_relations(doc, ix, out)
    return out.relations()
