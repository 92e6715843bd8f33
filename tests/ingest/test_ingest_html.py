"""HTML pages through trafilatura."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from redline.ingest import IngestProblem
from redline.models import Document

Collect = Callable[..., tuple[list[Document], list[IngestProblem]]]

ARTICLE_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Leaders sign partnership treaty | Example News</title>
  <meta property="og:title" content="Leaders sign partnership treaty">
  <meta property="og:site_name" content="Example News">
  <meta property="og:url" content="https://news.example.org/2024/06/19/treaty">
  <meta property="article:published_time" content="2024-06-19T08:30:00+00:00">
  <script>window.analytics = {};</script>
</head>
<body>
  <header>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a></nav>
  </header>
  <main>
    <article>
      <h1>Leaders sign partnership treaty</h1>
      <p>The two leaders signed a comprehensive strategic partnership treaty in the capital on
      Wednesday, officials said after a day of talks.</p>
      <p>The treaty includes a clause on mutual assistance in case of aggression against either
      party, according to the text published by the state news agency.</p>
      <p>Analysts said the agreement marks the closest relationship between the two states since
      the end of the Cold War, and neighbouring governments asked for clarification.</p>
    </article>
    <aside><h2>Most read</h2><ul><li><a href="/x">Unrelated story</a></li></ul></aside>
  </main>
  <footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>
</body>
</html>
"""


def test_html_article(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "treaty.html"
    path.write_text(ARTICLE_PAGE, encoding="utf-8")
    documents, problems = collect([path])
    assert problems == []
    [doc] = documents
    assert doc.title == "Leaders sign partnership treaty"
    assert doc.body.startswith("The two leaders signed")
    assert "mutual assistance" in doc.body
    assert "Copyright" not in doc.body and "Home" not in doc.body
    assert "window.analytics" not in doc.body
    assert doc.source == "Example News"
    assert doc.url == "https://news.example.org/2024/06/19/treaty"
    assert doc.published_at == datetime(2024, 6, 19, tzinfo=UTC)
    assert doc.origin == str(path)
    assert doc.language == "en"


def test_html_without_text_is_an_error(tmp_path: Path, collect: Collect) -> None:
    empty_shell = tmp_path / "shell.htm"
    empty_shell.write_text("<html><div><p>", encoding="utf-8")
    truncated = tmp_path / "truncated.html"
    truncated.write_bytes(ARTICLE_PAGE.encode("utf-8")[: ARTICLE_PAGE.index("<body>") + 20])
    documents, problems = collect([empty_shell, truncated])
    assert documents == []
    assert [(p.origin, p.reason, p.severity) for p in problems] == [
        (str(empty_shell), "no article text found in HTML", "error"),
        (str(truncated), "no article text found in HTML", "error"),
    ]


def test_html_sniffed_without_extension_and_date_fallback(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "page"
    page = "".join(
        line for line in ARTICLE_PAGE.splitlines(keepends=True) if "published_time" not in line
    )
    # The footer's "Copyright 2024" must not become a publication date of 2024-01-01.
    path.write_text(page.replace("2024/06/19/", ""), encoding="utf-8")
    os.utime(path, (1718800000, 1718800000))
    [doc], [problem] = collect([path])
    assert doc.body.startswith("The two leaders signed")
    assert doc.published_at == datetime.fromtimestamp(1718800000, tz=UTC)
    assert problem.severity == "warning" and "no publication date" in problem.reason
