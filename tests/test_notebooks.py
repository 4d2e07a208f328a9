"""Both notebooks execute from top to bottom with nbclient (offline, the venv's kernel)."""
import json

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import ROOT, shared_or_skip


def _run(name, params: str, tmp_path):
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        f"{name}: outputs must be cleared in git"
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    first_code.source = params
    NotebookClient(nb, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    return nb


def _outputs(nb):
    return json.dumps([c.get("outputs", []) for c in nb.cells if c.cell_type == "code"])


def test_explore_notebook(tmp_path):
    nb = _run("explore.ipynb", f"SOURCE = {str(ROOT / 'seeds')!r}\nOUT = {str(tmp_path)!r}", tmp_path)
    text = _outputs(nb)
    assert "Mevlut Cavusoglu" in text and "iframe" in text and "image/png" in text


@pytest.mark.slow
def test_corpus_notebook(tmp_path):
    corpus = shared_or_skip("data", "timebank", "timebank.jsonl")
    nb = _run("corpus.ipynb", f"CORPUS = {str(corpus)!r}\nOUT = {str(tmp_path)!r}\nLIMIT = 300", tmp_path)
    text = _outputs(nb)
    assert "articles" in text and "image/png" in text
