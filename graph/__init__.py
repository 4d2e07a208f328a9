"""newsgraph: turn news articles into an event-timeline knowledge graph.

>>> import graph
>>> kg = graph.build(["seeds/"], out="out")        # doctest: +SKIP
>>> kg.entities()                                  # doctest: +SKIP

The pipeline, one module a step: :mod:`graph.documents` (read) → :mod:`graph.nlp` (spaCy) →
:mod:`graph.extract` (entities, time expressions, events, relations) → :mod:`graph.kg`
(networkx) → :mod:`graph.rdf` (export, store), :mod:`graph.view` (HTML) and :mod:`graph.api`
(notebooks).
"""
__version__ = "0.1.0"

from .api import KnowledgeGraph, build, load  # noqa: E402

__all__ = ["KnowledgeGraph", "build", "load", "__version__"]
