"""Treaties for the API and the comparison page: lifecycles from the store, diffs of texts.

A diff compares two treaty texts: a text from the folder named by `redline serve --treaties`
(by file name without `.md`, e.g. `2024-russia-dprk`), or a stored document (by its id, e.g.
the published text of a treaty that came in with the news).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from redline.errors import RedlineError
from redline.redlines.service import successors
from redline.store import EventFilter
from redline.treaties.diff import DiffStatus, TreatyDiff, diff_treaties
from redline.treaties.export import change_text, describe, diff_row_json
from redline.treaties.lifecycle import Treaty, build_treaties
from redline.treaties.models import Treaty as TreatyText
from redline.web.context import AppContext

TREATY_TYPES = ("AGREE", "SUPPORT", "SANCTION", "CONSULT")


class UnknownText(LookupError):
    """A diff names a text that is neither in the treaty folder nor stored."""


@dataclass(frozen=True)
class TextChoice:
    """A text that can be compared: its key and a label for the picker."""

    key: str
    label: str


def text_choices(ctx: AppContext) -> list[TextChoice]:
    """The treaty texts of the configured folder, then stored documents that quote articles."""
    out: list[TextChoice] = []
    folder = ctx.config.treaty_texts
    if folder is not None and folder.is_dir():
        out += [TextChoice(p.stem, f"{p.stem} (text)") for p in sorted(folder.glob("*.md"))]
    for doc in ctx.store.documents():
        if "article" in doc.body.lower():
            out.append(TextChoice(doc.id, f"{doc.title[:80]} ({doc.source})"))
    return out


@lru_cache(maxsize=256)
def _code_text(text: str, title: str) -> TreatyText:
    """Coding a treaty takes a while: each text is coded once per process."""
    from redline.treaties.coder import code_treaty

    return code_treaty(text, title=title)


def _text_file(path: Path) -> TreatyText:
    return _code_text(path.read_text("utf-8"), path.stem)


def _coded(ctx: AppContext, key: str) -> TreatyText:
    folder = ctx.config.treaty_texts
    if folder is not None and key and "/" not in key and "\\" not in key:
        path = folder / f"{key}.md"
        if path.is_file():
            return _text_file(path)
    doc = ctx.store.document(key)
    if doc is None:
        raise UnknownText(f"no treaty text or stored document {key!r}")
    return _code_text(doc.body, doc.title)


def compare(ctx: AppContext, before: str, after: str) -> TreatyDiff:
    """Diff two texts by key; raises UnknownText or RedlineError (bad front matter)."""
    return diff_treaties(_coded(ctx, before), _coded(ctx, after))


def diff_json(result: TreatyDiff, changes_only: bool = False) -> dict[str, Any]:
    """Both titles and the rows of `redline treaty diff --format jsonl`."""
    rows = [r for r in result.rows if not (changes_only and r.status is DiffStatus.SAME)]
    return {
        "before": {"title": result.before.title, "parties": list(result.before.parties)},
        "after": {"title": result.after.title, "parties": list(result.after.parties)},
        "rows": [diff_row_json(r) for r in rows],
    }


def side_text(provisions: tuple[Any, ...]) -> str:
    """One side of a diff row in words: "Art. 4 (automatic; armed_attack)"."""
    if not provisions:
        return "-"
    articles = ", ".join(p.article or "?" for p in provisions)
    detail = describe(provisions[0])
    return f"Art. {articles}" + (f" ({detail})" if detail else "")


def changes_text(changes: tuple[Any, ...]) -> str:
    """The attribute changes of a diff row in words."""
    return "; ".join(change_text(c) for c in changes)


def stored_treaties(ctx: AppContext, pair: tuple[str, str] | None = None) -> list[Treaty]:
    """Treaties of the stored news (and of the treaty folder), as `redline treaty list`."""
    found_events = ctx.store.events(EventFilter(pair=pair, types=TREATY_TYPES))
    folder = ctx.config.treaty_texts
    texts = []
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*.md")):
            try:
                texts.append(_text_file(path))
            except RedlineError:
                continue  # a broken text must not hide the others
    found = build_treaties(texts, found_events, successors())
    if pair:
        codes = {successors().get(c, c) for c in pair}
        found = [t for t in found if {successors().get(p, p) for p in t.parties} == codes]
    return found


def treaty_json(treaty: Treaty) -> dict[str, Any]:
    """The stable JSON of `redline treaty list --format json`."""
    return {
        "key": treaty.key,
        "parties": list(treaty.parties),
        "title": treaty.title,
        "stages": {
            s.value: {
                "date": r.date.isoformat(),
                "evidence": [{"doc_id": e.doc_id, "text": e.text} for e in r.evidence],
            }
            for s, r in treaty.stages.items()
        },
        "provisions": len(treaty.provisions),
        "supersedes": treaty.supersedes,
    }
