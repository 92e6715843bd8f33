"""A pipeline component that starts a new sentence at every paragraph break.

The parser alone sometimes runs a sentence across a blank line; evidence must never span two
paragraphs.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language


@Language.component("redline_paragraphs")
def paragraph_boundaries(doc: Any) -> Any:
    """Mark the first token after a line break as a sentence start."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.text.strip() or token.whitespace_ == "\n":
            doc[token.i + 1].is_sent_start = True
    return doc
