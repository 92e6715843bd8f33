"""HTML fragments (feed summaries and content) to plain text, with the standard library."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Tags that end a line of text; everything else is inline.
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
     "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre",
     "section", "table", "td", "th", "tr", "ul"}
)  # fmt: skip
_SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript"})
_WHITESPACE = re.compile(r"\s+")


class _TextCollector(HTMLParser):
    """Collects character data, breaking lines at block elements and skipping scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            # Newlines in HTML source are spaces; only block elements break lines.
            self.parts.append(_WHITESPACE.sub(" ", data))


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment: one line per block, spaces collapsed."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)
