"""Read PETRARCH-style validation dictionaries (actors, agents, verbs, discards) into redline's
own table formats, so a gold set written for those dictionaries can be scored.

The PETRARCH unit suite codes fictional states (Arnor, Gondor, Mordor) with verbs whose codes
were set for the suite. Those records test coding logic (compounds, passives, agents, dates),
not real-world coverage, so they can only be scored when the suite's dictionaries are loaded.
This module converts them into the TSV tables that `actors.tables.load_into` and
`events.lexicon.read_lexicon_file` already read, in a scratch directory: nothing is written into
the package and the default pipeline never sees them.

The dictionary formats are read leniently: what redline's tables cannot express (verb patterns
with words before the verb, actor-position markers, story-level discards) is left out, and the
conversion reports how many entries it kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from redline.errors import DataFileError
from redline.evaluation.bridge import Bridge, packaged_bridge

# Words that open a verb pattern's tail and become the lexicon's particle ("* TO", "* WITH").
PARTICLES = {
    "to", "with", "in", "on", "against", "for", "from", "at", "over", "of", "into", "by",
    "down", "up", "off", "out", "away", "back", "between", "toward", "towards",
}  # fmt: skip
_CODE = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"#.*$")


@dataclass
class ActorEntry:
    """One actor: its names and its codes, each with an optional validity period."""

    names: list[str]
    codes: list[tuple[str, date | None, date | None]] = field(default_factory=list)


@dataclass
class Converted:
    """Where the converted tables were written and what they hold."""

    actors: Path
    lexicon: Path
    discards: tuple[str, ...]
    counts: dict[str, int]


def _strip(line: str) -> str:
    if line.lstrip().startswith("<!") or line.lstrip().startswith("#"):
        return ""
    return _COMMENT.sub("", line).rstrip()


def _phrase(text: str) -> str:
    """A dictionary phrase ("ARNOR_", "HAMAS_GUNMEN") as lowercase words."""
    return " ".join(text.replace("_", " ").lower().split())


def _day(text: str) -> date:
    digits = text.strip()
    if len(digits) == 6:  # yymmdd
        digits = ("19" if int(digits[:2]) > 30 else "20") + digits
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def _code_span(body: str) -> tuple[str, date | None, date | None]:
    """ "HOBGOV 19950601 - 19990815", "HOB < 950601", "HOBELI >20130119" -> code and period."""
    body = body.strip()
    code, _, rest = body.partition(" ")
    if not rest and ("<" in code or ">" in code):
        code, rest = re.split(r"(?=[<>])", code, maxsplit=1)
    rest = rest.replace(" ", "")
    start: date | None = None
    end: date | None = None
    if rest.startswith("<"):
        end = _day(rest[1:])
    elif rest.startswith(">"):
        start = _day(rest[1:])
    elif "-" in rest:
        first, second = rest.split("-", 1)
        start, end = _day(first), _day(second)
    return code.split("/")[0].upper(), start, end


def read_actors(path: Path) -> list[ActorEntry]:
    """Actor entries: a name line, `+synonym` lines and code blocks (possibly dated)."""
    entries: list[ActorEntry] = []
    current: ActorEntry | None = None
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = _strip(raw)
        if not line.strip():
            continue
        indented = raw[:1] in (" ", "\t")
        codes = [_code_span(c) for c in _CODE.findall(line)]
        name = _CODE.sub("", line).strip()
        if name.startswith("+") and current is not None:
            current.names.append(_phrase(name[1:]))
        elif indented and not name and current is not None:
            current.codes.extend(codes)
        elif name:
            current = ActorEntry([_phrase(name)], codes)
            entries.append(current)
    return [e for e in entries if e.codes and e.names]


def read_agents(path: Path) -> list[tuple[str, str]]:
    """(alias, sector) pairs; `{}` adds the regular plural, `{A B}` the listed ones."""
    substitutions: dict[str, list[str]] = {}
    found: list[tuple[str, str]] = []
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = _strip(raw)
        if line.startswith("!") and "=" in line:
            key, _, values = line.partition("=")
            substitutions[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        code = codes[0].replace(" ", "")
        if not code.startswith("~") or len(code) < 4:
            continue  # "[NGO~]": an organisation prefix, not a sector
        sector = code[1:4].upper()
        head = _CODE.sub("", line)
        plurals: list[str] = []
        if "{" in head:
            head, _, inner = head.partition("{")
            listed = inner.split("}")[0].split()
            plurals = listed or [head.strip() + "S"]
        for name in [head.strip(), *plurals]:
            for expanded in _expand(name, substitutions):
                found.append((_phrase(expanded), sector))
    return found


def _expand(name: str, substitutions: dict[str, list[str]]) -> Iterator[str]:
    for key, values in substitutions.items():
        if key in name:
            for value in values:
                yield from _expand(name.replace(key, value), substitutions)
            return
    yield name


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def read_verbs(
    path: Path, bridge: Bridge, lemma: Callable[[str], str]
) -> list[tuple[str, str, str, str, str]]:
    """Lexicon rows (lemma, particle, object, code, type) from a verb dictionary.

    A block `--- VERB [code] ---` codes the bare verb; `- * WORDS [code]` patterns with
    nothing before the verb become (particle, object) rows. A code the bridge cannot place
    (or `---`) becomes type '-', which tells the coder the use is not an event."""
    synsets: dict[str, list[str]] = {}
    rows: list[tuple[str, str, str, str, str]] = []
    lines = [_strip(r) for r in path.read_text("utf-8", errors="replace").splitlines()]
    synset: str | None = None
    verbs: list[tuple[str, str]] = []
    for line in lines:
        text = line.strip()
        if not text:
            synset = None
            continue
        if text.startswith("&") and not text.startswith("&&"):
            synset = text.split()[0].rstrip("_")
            synsets[synset] = []
            continue
        if synset is not None and text.startswith("+"):
            synsets[synset].append(text[1:].strip())
            continue
        if text.startswith("---"):
            synset = None
            header = text.strip("- ")
            codes = _CODE.findall(header)
            word = _CODE.sub("", header).strip()
            verbs = _verb_forms(word, lemma)
            if codes:
                rows += [(v, p, "", codes[0], _type(codes[0], bridge)) for v, p in verbs]
            continue
        if text.startswith("-") and verbs:
            codes = _CODE.findall(text)
            pattern = _CODE.sub("", text[1:]).strip()
            if not codes or "*" not in pattern:
                continue
            before, _, after = pattern.partition("*")
            if before.strip(" _%$+^"):
                continue  # words before the verb (negation, "SAID WOULD *"): not expressible
            for particle, obj in _tails(after, synsets):
                for verb, verb_particle in verbs:
                    if verb_particle and particle:
                        continue
                    code = codes[0]
                    rows.append((verb, verb_particle or particle, obj, code, _type(code, bridge)))
    return rows


def _verb_forms(word: str, lemma: Callable[[str], str]) -> list[tuple[str, str]]:
    words = _phrase(word).split()
    if not words:
        return []
    particle = words[1] if len(words) == 2 and words[1] in PARTICLES else ""
    if len(words) > 1 and not particle:
        return []
    forms = {words[0], lemma(words[0])}
    return [(f, particle) for f in sorted(forms) if f]


def _tails(after: str, synsets: dict[str, list[str]]) -> Iterator[tuple[str, str]]:
    """(particle, object lemma) readings of a pattern's tail after the verb."""
    words = [w for w in after.replace("_", " ").split() if w.strip("%$+^")]
    words = [w.strip("%$+^") for w in words]
    if not words:
        return
    particle = ""
    if words[0].lower() in PARTICLES:
        particle, words = words[0].lower(), words[1:]
    if not words:
        yield particle, ""
        return
    last = words[-1]
    heads = (
        [m.replace("_", " ").split()[-1] for m in synsets.get(last.rstrip("_"), [])]
        if last.startswith("&")
        else [last]
    )
    for head in heads:
        if head.startswith("&"):
            continue
        yield particle, _singular(head.lower())


def _type(code: str, bridge: Bridge) -> str:
    code = code.split(":")[0].strip()
    if not code or not code[:2].isdigit():
        return "-"
    return bridge.event_type(code) or "-"


def read_discards(path: Path) -> tuple[str, ...]:
    """Sentence-level discard phrases (story-level ones start with '+' and are left out)."""
    found = []
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = _strip(raw).strip()
        if line and not line.startswith("+"):
            found.append(_phrase(line))
    return tuple(found)


def _find(directory: Path, kind: str) -> Path | None:
    matches = sorted(directory.glob(f"*[._]{kind}*.txt"), key=lambda p: p.name)
    matches = [p for p in matches if "Coding" not in p.name]
    return matches[0] if matches else None


def dictionary_files(directory: Path) -> dict[str, Path]:
    """The actors/agents/verbs/discards files of a dictionary folder (actors and verbs needed)."""
    found = {k: _find(directory, k) for k in ("actors", "agents", "verbs", "discards")}
    missing = [k for k in ("actors", "verbs") if found[k] is None]
    if missing:
        raise DataFileError(
            f"{directory}: no PETRARCH {' or '.join(missing)} dictionary "
            "(expected files like PETR.Validate.actors.txt and PETR.Validate.verbs.txt)"
        )
    return {k: v for k, v in found.items() if v is not None}


def convert(
    directory: Path,
    out: Path,
    lemma: Callable[[str], str] = lambda w: w,
    bridge: Bridge | None = None,
) -> Converted:
    """Convert the dictionaries in `directory` into actor TSVs and a lexicon TSV under `out`."""
    files = dictionary_files(directory)
    bridge = bridge or packaged_bridge()
    actors_dir = out / "actors"
    actors_dir.mkdir(parents=True, exist_ok=True)
    try:
        entries = read_actors(files["actors"])
        agents = read_agents(files["agents"]) if "agents" in files else []
        verbs = read_verbs(files["verbs"], bridge, lemma)
        discards = read_discards(files["discards"]) if "discards" in files else ()
    except (OSError, ValueError, IndexError) as exc:
        raise DataFileError(f"{directory}: cannot read the dictionaries ({exc})") from exc
    countries = ["code\tname\tkind\tsuccessor\taliases"]
    institutions = ["name\taliases\tcountry\tsector\tkind\tcameo\tsource"]
    people = ["name\taliases\tcountry\trole\tsector\tvalid_from\tvalid_to\tsource"]
    for entry in entries:
        name, aliases = entry.names[0], "|".join(entry.names[1:])
        dated = any(start or end for _, start, end in entry.codes)
        if dated:
            for code, start, end in entry.codes:
                people.append(
                    f"{name}\t{aliases}\t{code[:3]}\tOTHER\t{code[3:6]}\t"
                    f"{start or ''}\t{end or ''}\tvalidation"
                )
            continue
        code = entry.codes[0][0]
        if len(code) == 3 and code.isalpha():
            countries.append(f"{code}\t{name}\tstate\t\t{aliases}")
        else:
            institutions.append(
                f"{name}\t{aliases}\t{code[:3]}\t{code[3:6]}\tvalidation\t{code}\tvalidation"
            )
    agent_rows = ["alias\tsector\tnote"] + [f"{a}\t{s}\tvalidation" for a, s in agents]
    for file_name, rows in (
        ("countries.tsv", countries),
        ("institutions.tsv", institutions),
        ("people.tsv", people),
        ("agents.tsv", agent_rows),
    ):
        (actors_dir / file_name).write_text("\n".join(rows) + "\n", "utf-8")
    lexicon = out / "validation_verbs.tsv"
    header = "lemma\tparticle\tobject\tcameo\ttype\tmode\tcontexts\torigin"
    first: dict[tuple[str, str, str], tuple[str, str]] = {}
    for verb, particle, obj, code, kind in verbs:
        first.setdefault((verb, particle, obj), (code, kind))  # the first pattern wins
    body = [f"{v}\t{p}\t{o}\t{c}\t{t}\t\t\tvalidation" for (v, p, o), (c, t) in first.items()]
    lexicon.write_text("\n".join([header, *body]) + "\n", "utf-8")
    counts = {
        "actors": len(entries),
        "agents": len(agents),
        "verb_rows": len(body),
        "discards": len(discards),
    }
    return Converted(actors_dir, lexicon, discards, counts)
