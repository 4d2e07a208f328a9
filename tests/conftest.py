"""Shared fixtures: the spaCy pipeline is loaded once for the whole session."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_bd2955b50dc75ab2.txt"


@pytest.fixture(scope="session")
def nlp():
    from graph.nlp import load_nlp
    return load_nlp()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed article built once through the library API, as `newsgraph build seeds/` does."""
    from graph.pipeline import build
    out = tmp_path_factory.mktemp("seed-build")
    return build([ROOT / "seeds"], out), out


def shared_or_skip(*parts) -> Path:
    """A path under ../shared, or skip the test where it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path
