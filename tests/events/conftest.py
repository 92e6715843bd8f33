"""The verified language model, loaded once for the modality tests of this folder."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The verified spaCy model with its stock components."""
    from redline.nlp.model import load_model

    return load_model()
