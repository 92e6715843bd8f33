"""RSS 2.0 and Atom feeds read from files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from redline.ingest import IngestLimits, IngestProblem
from redline.models import Document

Collect = Callable[..., tuple[list[Document], list[IngestProblem]]]

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Example Wire</title>
    <link>https://wire.example.org/</link>
    <description>World news</description>
    <item>
      <title>Visit announced</title>
      <link>https://wire.example.org/a1</link>
      <description>&lt;p&gt;The presidential office &lt;b&gt;announced&lt;/b&gt; a state
        visit for next week.&lt;/p&gt;&lt;p&gt;Talks will follow.&lt;/p&gt;</description>
      <pubDate>Mon, 17 Jun 2024 09:00:00 +0900</pubDate>
      <guid>a1</guid>
    </item>
    <item>
      <title>Treaty signed</title>
      <link>https://wire.example.org/a2</link>
      <description>The two leaders signed a treaty in the capital.</description>
      <pubDate>Wed, 19 Jun 2024 12:00:00 GMT</pubDate>
    </item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom News</title>
  <id>urn:example:feed</id>
  <updated>2024-06-20T10:00:00Z</updated>
  <entry>
    <title>Exercises held</title>
    <link href="https://atom.example.org/1"/>
    <id>urn:example:1</id>
    <updated>2024-06-18T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Joint naval &lt;em&gt;exercises&lt;/em&gt; were held.&lt;/p&gt;
      &lt;script&gt;track()&lt;/script&gt;&lt;p&gt;Observers were invited.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="html">Ministers &lt;i&gt;meet&lt;/i&gt;</title>
    <link href="https://atom.example.org/2"/>
    <id>urn:example:2</id>
    <published>2024-06-19T10:00:00+02:00</published>
    <updated>2024-06-20T10:00:00Z</updated>
    <summary>The foreign ministers met to discuss cooperation.</summary>
  </entry>
</feed>
"""


def test_rss_two_entries(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    documents, problems = collect([path])
    assert problems == []
    assert [doc.origin for doc in documents] == [f"{path}#entry1", f"{path}#entry2"]
    first, second = documents
    assert first.title == "Visit announced"
    assert first.body == "The presidential office announced a state visit for next week.\n" + (
        "Talks will follow."
    )
    assert first.source == "Example Wire"
    assert first.url == "https://wire.example.org/a1"
    assert first.published_at == datetime(2024, 6, 17, 0, 0, tzinfo=UTC)
    assert second.published_at == datetime(2024, 6, 19, 12, 0, tzinfo=UTC)
    assert second.id == Document.content_id("The two leaders signed a treaty in the capital.")


def test_atom_two_entries(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "news.atom"
    path.write_text(ATOM, encoding="utf-8")
    documents, problems = collect([path])
    assert problems == []
    first, second = documents
    assert first.body == "Joint naval exercises were held.\nObservers were invited."
    assert first.published_at == datetime(2024, 6, 18, 10, tzinfo=UTC)
    assert first.source == "Example Atom News"
    assert second.title == "Ministers meet"
    assert second.body == "The foreign ministers met to discuss cooperation."
    assert second.published_at == datetime(2024, 6, 19, 8, tzinfo=UTC)  # published, not updated
    assert second.url == "https://atom.example.org/2"


def test_feed_sniffed_from_unknown_extension(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "feed.data"
    path.write_text(ATOM, encoding="utf-8")
    documents, problems = collect([path])
    assert len(documents) == 2 and problems == []


def test_invalid_feeds(tmp_path: Path, collect: Collect) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><item>broken", encoding="utf-8")
    not_a_feed = tmp_path / "page.xml"
    not_a_feed.write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>")
    documents, problems = collect([broken, not_a_feed])
    assert documents == []
    assert [(p.origin, p.severity) for p in problems] == [
        (str(broken), "error"),
        (str(not_a_feed), "error"),
    ]
    assert problems[0].reason.startswith("not a readable feed: ")
    assert "no element found" in problems[0].reason
    assert problems[1].reason == "not an RSS or Atom feed"


def test_entry_limit_warns(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    documents, [problem] = collect([path], IngestLimits(max_feed_entries=1))
    assert [doc.title for doc in documents] == ["Visit announced"]
    assert problem.severity == "warning" and "has 2 entries" in problem.reason


def test_feed_in_declared_latin1(tmp_path: Path, collect: Collect) -> None:
    path = tmp_path / "latin1.xml"
    text = RSS.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("capital", "capitale")
    path.write_bytes(text.replace("Treaty signed", "Traité signé").encode("latin-1"))
    documents, problems = collect([path])
    assert problems == []
    assert documents[1].title == "Traité signé"
