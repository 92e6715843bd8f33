"""Run the spaCy model component by component over a batch, skipping what the pre-filter allows.

`nlp.pipe` runs every component on every document. `StagedParser` runs the same components in
the same order on the same `Doc` objects, batched the same way, with two differences decided by
`redline.nlp.prefilter`: documents without an actor alias stop after the tokenizer, and the
entity recogniser sees only the windows of sentences whose entities can date an event. It also
adds up the seconds spent in each step, for `Pipeline.profile()` and docs/performance.md.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from redline.events.lexicon import Lexicon
from redline.nlp.prefilter import entity_windows, run_entities

TOKENIZE = "tokenizer + alias gate"
ENTITIES = "ner (chosen sentences)"


class StagedParser:
    """Parses batches of texts; `parse` returns one Doc per text and whether it was skipped."""

    def __init__(self, nlp: Any, aliases: Any, lexicon: Lexicon, batch_size: int) -> None:
        self.nlp = nlp
        self.aliases = aliases  # a PhraseMatcher over every actor alias
        self.lexicon = lexicon
        self.batch_size = batch_size
        self.timings: dict[str, float] = defaultdict(float)

    def parse(self, texts: Iterable[str]) -> list[tuple[Any, bool]]:
        """`(doc, skipped)` per text, in order; a skipped doc is tokenised only."""
        clock = time.perf_counter()
        out: list[tuple[Any, bool]] = []
        live: list[Any] = []
        where: list[int] = []  # position in `out` of each live doc
        first_alias: list[int] = []
        for doc in self.nlp.tokenizer.pipe(texts, batch_size=self.batch_size):
            starts = [start for _, start, _ in self.aliases(doc)]
            if starts:
                live.append(doc)
                where.append(len(out))
                first_alias.append(min(starts))
            out.append((doc, not starts))
        clock = self._tick(TOKENIZE, clock)
        for name, component in self.nlp.pipeline:
            if name == "ner":
                continue
            if hasattr(component, "pipe"):
                live = list(component.pipe(live, batch_size=self.batch_size))
            else:
                live = [component(doc) for doc in live]
            clock = self._tick(name, clock)
        if "ner" in self.nlp.pipe_names:
            plans = [
                entity_windows(doc, self.lexicon, first)
                for doc, first in zip(live, first_alias, strict=True)
            ]
            run_entities(self.nlp.get_pipe("ner"), live, plans, self.batch_size)
            self._tick(ENTITIES, clock)
        for i, doc in zip(where, live, strict=True):
            out[i] = (doc, False)
        return out

    def _tick(self, step: str, since: float) -> float:
        now = time.perf_counter()
        self.timings[step] += now - since
        return now
