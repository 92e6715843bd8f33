"""HTML fragments (feed summaries and content) to plain text, with lxml's HTML parser.

lxml rather than :mod:`html.parser`: the standard library's parser takes quadratic time on
unclosed comments and raises AssertionError on some marked sections (``<![``), and both occur
in hostile feeds. The tree is walked with an explicit stack, so depth costs no recursion.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

# Tags that end a line of text; everything else is inline.
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
     "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre",
     "section", "table", "td", "th", "tr", "ul"}
)  # fmt: skip
_SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript"})
_WHITESPACE = re.compile(r"\s+")


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment: one line per block, spaces collapsed."""
    if not fragment.strip():
        return ""
    # A fresh parser per call: lxml parsers must not be shared between threads.
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        root = etree.fromstring(fragment.encode("utf-8", "replace"), parser)
    except etree.LxmlError:  # recover=True leaves only hopeless input: it has no text
        return ""
    if root is None:
        return ""
    lines = (" ".join(line.split()) for line in "".join(_text_parts(root)).split("\n"))
    return "\n".join(line for line in lines if line)


def _text_parts(root: Any) -> list[str]:
    """Text and tails in document order, with a newline around each block element."""
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""  # comments have callable tags
        if not closing and tag and tag not in _SKIPPED_TAGS:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if node.text:
                parts.append(_WHITESPACE.sub(" ", node.text))
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
            continue
        if closing and tag in _BLOCK_TAGS:
            parts.append("\n")
        if node.tail:
            parts.append(_WHITESPACE.sub(" ", node.tail))
    return parts
