"""The parts behind :mod:`graph.documents`: decoding (:mod:`.text`), the header of a page saved
as text (:mod:`.header`) and one reader per file type (:mod:`.formats`)."""
