"""The trigger lexicon: verbs and nouns that carry a PLOVER event, from data files."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from redline.errors import DataFileError

NOUN_MARK = "NOUN"
LEXICON_FILES = ("verbs.tsv", "triggers_manual.tsv", "triggers_redline.tsv")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a lemma (with optional particle/object) and its PLOVER coding."""

    lemma: str
    particle: str
    object: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    origin: str


@dataclass
class Lexicon:
    """Verb and noun triggers indexed by lemma; later files override earlier ones."""

    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)

    def add(self, entry: Trigger) -> None:
        """Add an entry, replacing one with the same (lemma, particle, object)."""
        table = self.nouns if entry.particle == NOUN_MARK else self.verbs
        bucket = table.setdefault(entry.lemma, [])
        key = (entry.particle, entry.object)
        bucket[:] = [e for e in bucket if (e.particle, e.object) != key]
        bucket.append(entry)

    def verb_entries(self, lemma: str) -> list[Trigger]:
        """Entries for a verb lemma, most specific (object, then particle) first."""
        return sorted(
            self.verbs.get(lemma, []),
            key=lambda e: (e.origin == "cameo2", not e.object, not e.particle),
        )

    def noun_entry(self, lemma: str) -> Trigger | None:
        """The nominal trigger for a noun lemma, if any."""
        entries = self.nouns.get(lemma)
        return entries[-1] if entries else None


def read_lexicon_file(path: Path, lexicon: Lexicon) -> None:
    """Add the rows of one lexicon TSV to `lexicon`."""
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and ln[0] != "#"]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(reader, start=2):
        try:
            entry = Trigger(
                lemma=row["lemma"].strip().lower(),
                particle=(row.get("particle") or "").strip(),
                object=(row.get("object") or "").strip().lower(),
                type=row["type"].strip().upper(),
                mode=(row.get("mode") or "").strip() or None,
                contexts=tuple(c for c in (row.get("contexts") or "").split("|") if c.strip()),
                cameo=(row.get("cameo") or "").strip() or None,
                origin=(row.get("origin") or "").strip(),
            )
        except (KeyError, AttributeError) as exc:
            raise DataFileError(f"{path.name}: row {number} is malformed ({exc})") from exc
        if entry.particle != NOUN_MARK:
            entry = Trigger(entry.lemma, entry.particle.lower(), *_rest(entry))
        lexicon.add(entry)


def _rest(entry: Trigger) -> tuple[str, str, str | None, tuple[str, ...], str | None, str]:
    return (entry.object, entry.type, entry.mode, entry.contexts, entry.cameo, entry.origin)


def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """The packaged lexicon plus any extra TSV files (later files win)."""
    base = Path(str(resources.files("redline").joinpath("data/lexicon")))
    lexicon = Lexicon()
    for path in [base / name for name in LEXICON_FILES] + list(extra):
        if path.exists():
            read_lexicon_file(path, lexicon)
    return lexicon


@lru_cache(maxsize=1)
def packaged_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process."""
    return load_lexicon()
