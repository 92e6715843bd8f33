"""Splitting a treaty text into front matter, articles, paragraphs and sentences."""

from __future__ import annotations

from redline.treaties.text import front_matter, has_articles, split_sections

TEXT = """---
title: A Test Treaty
signed: 2001-07-16
---

The Parties, wishing peace, have agreed as follows.

## Article 1

1. The Parties shall consult each other. See Art. 5 below.

2. They shall trade with each other.

Article II

Neither Party shall join any alliance directed against the other.

## Understanding of the United States of America

The United States understands Article II to apply to Europe only.
"""


def test_front_matter_is_read_and_offsets_index_the_whole_text() -> None:
    fields, start = front_matter(TEXT)
    assert fields["title"] == "A Test Treaty"
    assert TEXT[start:].lstrip().startswith("The Parties, wishing peace")


def test_sections_numbers_and_headings() -> None:
    _, start = front_matter(TEXT)
    sections = split_sections(TEXT, start)
    assert [s.number for s in sections] == [None, "1", "II", "Understanding"]
    assert sections[0].heading == ""  # the preamble


def test_sentences_keep_exact_offsets_and_paragraphs() -> None:
    _, start = front_matter(TEXT)
    article = split_sections(TEXT, start)[1]
    texts = [s.text for s in article.sentences]
    assert texts == [
        "1. The Parties shall consult each other.",
        "See Art. 5 below.",
        "2. They shall trade with each other.",
    ]
    assert [s.paragraph for s in article.sentences] == [0, 0, 1]
    for sentence in article.sentences:
        assert TEXT[sentence.start : sentence.end] == sentence.text


def test_a_text_without_article_headings_is_not_a_treaty() -> None:
    assert has_articles(TEXT)
    assert not has_articles("The pact obliges each side to help the other if attacked.")
    assert front_matter("no header here") == ({}, 0)


def test_inline_article_headings() -> None:
    text = "Article 1. The Parties shall consult.\nARTICLE II: They shall trade.\n"
    sections = split_sections(text)
    assert [(s.number, s.sentences[0].text) for s in sections] == [
        ("1", "The Parties shall consult."),
        ("II", "They shall trade."),
    ]
    assert has_articles(text)
