#!/usr/bin/env python3
"""Build redline's verb trigger lexicon from the PETRARCH CAMEO verb dictionary.

Reads (build time only; redline never reads these at run time):
  <shared>/ontology/phoenix-dictionaries/CAMEO.2.0.txt  PETRARCH verb dictionary
        (MIT licence, (c) 2014-2015 Open Event Data Alliance)
  src/redline/data/ontology/cameo2plover.tsv     CAMEO -> PLOVER (scripts/build_ontology.py)
  src/redline/data/ontology/plover.yaml          types, modes, contexts (validation)
  src/redline/data/lexicon/triggers_manual.tsv   hand-curated triggers (validated, not rewritten)

Writes:
  src/redline/data/lexicon/verbs.tsv             one row per (lemma, particle, object)
  src/redline/data/lexicon/verbs_conflicts.tsv   keys with competing CAMEO codes, and manual
                                                 rows that override a derived row, for review

What is derived:
  * bare verbs: every verb of a verb block with a CAMEO code of its own or of its block;
  * phrasal verbs written VERB_PARTICLE (e.g. +CALL_OFF) -> lemma + particle;
  * simple patterns only: "* NOUN", "* &SYNSET", "* (PREP NOUN)", "* PARTICLE NOUN",
    "* + NOUN", "* (PREP)" and "* PARTICLE", optionally followed by bare slot markers.
    A pattern is applied to the verb(s) its comment names (where it was first written),
    or to the block's head verb when it names none, not to the whole synonym block.
  Patterns with words before the verb, multi-word noun phrases, extra qualifying phrases,
  reversed roles ([:code]) or null codes ([---]) are skipped. Codes that do not map to a
  PLOVER type (CAMEO 01 comments, 02 appeals) are dropped.

Dedupe: one row per (lemma, particle, object). When the dictionary gives several codes, the
choice prefers (1) codes given directly for that verb, (2) codes in the same CAMEO root as
the verb's own/block code, (3) exact patterns over ones with trailing slot markers, (4) codes
given more often, (5) the more specific (longer) code, (6) the lower code. Keys whose
candidates differ in PLOVER type or mode go to the conflicts file.

Usage (from the repository root):
  python scripts/build_lexicon.py [--shared ../shared] [--check]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from build_common import build_arguments, report_stale, write_outputs

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "redline" / "data"
LEX = DATA / "lexicon"
ONTO = DATA / "ontology"
BUILD_CMD = "python scripts/build_lexicon.py"
COLUMNS = ["lemma", "particle", "object", "cameo", "type", "mode", "contexts", "origin"]
NOUN_MARK = "NOUN"  # particle value marking a nominal trigger in triggers_manual.tsv

PARTICLES = set(
    """
    about across after against ahead along alongside amid among apart around aside at away back
    before behind beside besides between beyond by despite down during except for forward from
    in inside into like near of off on onto out outside over past since through throughout to
    together toward towards under underneath until up upon via with within without
    """.split()
)

# Tokens that show up right after the verb in patterns but are not nouns (or are too vague to
# be a useful object constraint). Found by reviewing the extracted object list.
NOT_OBJECTS = set(
    """
    a ablaze accused action afire again alight alive all aloud also an and any anything are as
    be been being billion but can captive clear close closer committed could dead deadlocked
    deep defiant did diplomatic do does economic effect everything expects financial first
    forward free fugitive further gallow good guilty had hands hard has have her here high him
    himself his home homeless how humanitarian if illegitimate injured innocent is isolated
    issue issues it its itself joint kidnapped less line loose lot low major many matter
    matters may measure measures medical might military_ million more most much must national
    neutral new no not note nothing notice nuclear odd one ones open opposed or other our own
    paramilitary part place political poor positively ready responsible retrial rich right
    rocked shall short should shut skeptical so some something sorry stand step steps still
    such than that the their them themselves then there these thing things this those thousand
    time times together too troubling uncertain unharmed unjust unjustified use very was way
    wealthy were what when where whether which who whom why will would yet
    """.split()
)

# Bare verbs that are far too general to be event triggers on their own (their specific
# patterns with an object are kept).
NOISE_VERBS = set(
    """
    act add alter amend appear arrange attempt base be become begin believe bring call carry
    change close come concession consider continue crackdown do drop end expect express face
    fall feel find follow forgiven form format get give go grow have hit hold hope increase
    issue keep know lead leave let look make mark mean modify move need note open pass place
    plan play pose position post prepare put raise reach receive reduce remain return revise
    rise run satify saw say see seem send set ship show shuttle situate stage stand start state
    station switch take tell think touring transfer transport try turn use want work
    """.split()
)

# Synonym sets larger than this (weapons, aircraft, currencies, WMD) are not expanded member
# by member -- most members are rare and the CAMEO mode of a pattern rarely fits them all --
# only these representative members are used.
MAX_SYNSET = 20
SYNSET_REPRESENTATIVES = set(
    """
    aircraft ammunition bomb bomber cash currency dollar drone euro firearm gun helicopter jet
    missile money munition plane rocket warplane weapon wmd
    """.split()
)

_IRREGULAR_NOUNS = dict(
    pair.split(":")
    for pair in """
    people:people children:child men:man women:woman feet:foot personnel:personnel
    police:police news:news arms:arm series:series species:species headquarters:headquarters
    means:means crisis:crisis analysis:analysis basis:basis thesis:thesis status:status
    consensus:consensus census:census bus:bus gas:gas alias:alias lens:lens chaos:chaos
    aircraft:aircraft data:data media:medium criteria:criterion hostilities:hostility
    reserves:reserve forces:force sanctions:sanction talks:talk troops:troop defense:defense
    defence:defence ceasefire:ceasefire truce:truce peace:peace
    """.split()
)


def noun_lemma(word: str) -> str:
    """A rule-based singular for the plural nouns found in the dictionary (spaCy-compatible
    for the words it sees: e.g. troops -> troop, arms -> arm, talks -> talk)."""
    w = word.lower()
    if w in _IRREGULAR_NOUNS:
        return _IRREGULAR_NOUNS[w]
    if w.endswith("men") and len(w) > 5:  # gunmen, servicemen, infantrymen
        return w[:-3] + "man"
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is", "ous")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "zes", "sses")):
        return w[:-2]
    return w[:-1]


# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mapping:
    type: str
    mode: str
    contexts: str


def load_cameo_map() -> dict[str, Mapping]:
    out: dict[str, Mapping] = {}
    for row in read_tsv(ONTO / "cameo2plover.tsv"):
        out[row["cameo"]] = Mapping(row["type"], row["mode"], row["contexts"])
    return out


def resolve(code: str, cmap: dict[str, Mapping]) -> tuple[str, Mapping] | None:
    """Map a CAMEO code, falling back to its 3- then 2-digit parent when the table lacks it."""
    for n in (len(code), 3, 2):
        c = code[:n]
        if c in cmap:
            return c, cmap[c]
    return None


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    head = lines[0].split("\t")
    rows = []
    for n, ln in enumerate(lines[1:], 2):
        cells = ln.split("\t")
        if len(cells) != len(head):
            raise SystemExit(
                f"{path.name}: data line {n}: {len(cells)} cells, expected {len(head)}"
            )
        rows.append(dict(zip(head, cells, strict=True)))
    return rows


# ------------------------------- CAMEO.2.0 parsing ---------------------------------------------


@dataclass
class Block:
    head: str
    code: str | None
    verbs: list[tuple[str, str, str | None]] = field(default_factory=list)  # lemma, prt, code
    patterns: list[tuple[str, str, str]] = field(default_factory=list)  # body, code, comment


_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")


def _code(raw: str) -> str | None:
    """The source-side CAMEO code of a [..] field; None for null codes and target-only codes."""
    src = raw.split(":")[0].strip().rstrip("!")
    if not src or src == "---" or not src.isdigit():
        return None
    return src


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    syn: dict[str, list[str]] = {}
    cur: str | None = None
    for ln in lines:
        s = ln.split("#")[0].strip()
        if s.startswith("&"):
            cur = s.split()[0]
            syn[cur] = []
        elif s.startswith("+") and cur:
            syn[cur].append(s[1:].split()[0])
        elif not s:
            continue
    return syn


def parse_dictionary(path: Path) -> tuple[list[Block], dict[str, list[str]]]:
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, ln in enumerate(text) if ln.startswith("####### VERB PATTERNS"))
    end = next(i for i, ln in enumerate(text) if ln.startswith("######## TRANSFORMATIONS"))
    synsets = parse_synsets(text[:start])
    blocks: list[Block] = []
    cur: Block | None = None
    for raw in text[start + 1 : end]:
        line = raw.rstrip()
        m = _HEADER.match(line)
        if m:
            cur = Block(m.group(1), _code(m.group(2)))
            blocks.append(cur)
            continue
        if cur is None or not line.strip() or line.lstrip().startswith("#"):
            continue
        body, _, comment = line.partition("#")
        if line.startswith("-"):
            cm = _CODE.search(body)
            if cm:
                cur.patterns.append((body[1 : cm.start()].strip(), cm.group(1), comment.strip()))
            continue
        codes = _CODE.findall(body)
        word_part = _CODE.sub(" ", re.sub(r"\{[^}]*\}", " ", body)).strip()
        if not word_part:
            continue
        word = word_part.split()[0].lstrip("+").lower()
        own = codes[0] if codes else None
        parts = word.split("_")
        if len(parts) == 1:
            lemma, prt = parts[0], ""
        elif len(parts) == 2 and parts[1] in PARTICLES:
            lemma, prt = parts
        else:
            continue  # multi-word forms other than verb + particle
        if not lemma.isalpha():
            continue
        code = _code(own) if own is not None else cur.code
        if own is not None and own.strip() == "---":
            code = None
        cur.verbs.append((lemma, prt, code))
    return blocks, synsets


_TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


def _slot_only(tok: str) -> bool:
    """Bare slot markers, or a bracketed group that only holds a preposition and slots."""
    if tok in {"+", "$", "^", "%"}:
        return True
    if tok.startswith("("):
        inner = tok[1:-1].split()
        return (
            bool(inner)
            and inner[0].lower() in PARTICLES
            and all(t in {"+", "$", "^", "%"} for t in inner[1:])
        )
    return False


def _nouns(tok: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """Single-word noun lemmas named by a token (a word or an &SYNSET); None if unusable."""
    if tok.startswith("&"):
        members = [w.rstrip("_") for w in synsets.get(tok, [])]
        words = [w.lower() for w in members if w.isalpha()]
        if len(members) > MAX_SYNSET:
            words = [w for w in words if w in SYNSET_REPRESENTATIVES]
        lemmas = [noun_lemma(w) for w in words if w not in NOT_OBJECTS]
        return list(dict.fromkeys(lemmas)) or None
    if not tok.isalpha():
        return None
    w = tok.lower()
    if w in NOT_OBJECTS or w in PARTICLES or w.endswith("ly"):
        return None
    return [noun_lemma(w)]


def parse_pattern(
    body: str, synsets: dict[str, list[str]]
) -> tuple[list[tuple[str, str]], bool] | None:
    """(particle, object) pairs for a simple pattern and whether it was exact (no trailing
    slot markers were dropped), or None when the pattern is not simple."""
    toks = _TOKEN.findall(body)
    if not toks or toks[0] != "*":
        return None  # words (subject etc.) before the verb
    rest = toks[1:]
    n = len(rest)
    while rest and _slot_only(rest[-1]) and len(rest) > 1:
        rest = rest[:-1]
    pairs = _simple(rest, synsets)
    return (pairs, len(rest) == n) if pairs else None


def _simple(rest: list[str], synsets: dict[str, list[str]]) -> list[tuple[str, str]] | None:
    if rest and rest[0] == "+":  # "* + NOUN": noun after the target slot
        rest = rest[1:]
    if len(rest) == 1:
        t = rest[0]
        if t.startswith("("):
            inner = t[1:-1].split()
            if len(inner) == 1 and inner[0].lower() in PARTICLES:
                return [(inner[0].lower(), "")]
            if len(inner) == 2 and inner[0].lower() in PARTICLES:
                nouns = _nouns(inner[1], synsets)
                return [(inner[0].lower(), n) for n in nouns] if nouns else None
            return None
        if t.startswith("{"):
            return None
        if t.lower() in PARTICLES:
            return [(t.lower(), "")]
        nouns = _nouns(t, synsets)
        return [("", n) for n in nouns] if nouns else None
    if len(rest) == 2 and rest[0].isalpha() and rest[0].lower() in PARTICLES:
        if rest[1].startswith(("(", "{")):
            return None
        nouns = _nouns(rest[1], synsets)
        return [(rest[0].lower(), n) for n in nouns] if nouns else None
    return None


# ------------------------------- candidates and selection ------------------------------------


@dataclass(frozen=True)
class Cand:
    code: str  # the CAMEO code as written
    mapped: str  # the table code it resolved to
    m: Mapping
    direct: bool  # given for this very verb (verb line, or pattern naming it)
    home: str | None  # the verb's own/block code, for root affinity
    exact: bool = True  # pattern had no trailing slot groups


def collect(
    blocks: list[Block], synsets: dict[str, list[str]], cmap: dict[str, Mapping]
) -> dict[tuple[str, str, str], list[Cand]]:
    cands: dict[tuple[str, str, str], list[Cand]] = defaultdict(list)

    def add(
        key: tuple[str, str, str],
        code: str | None,
        direct: bool,
        home: str | None,
        exact: bool = True,
    ) -> None:
        if code is None:
            return
        r = resolve(code, cmap)
        if r is None:
            return  # CAMEO 01/02 and other codes without a PLOVER type
        cands[key].append(Cand(code, r[0], r[1], direct, home, exact))

    for b in blocks:
        verbs = {lemma: code for lemma, prt, code in b.verbs if not prt}
        for lemma, prt, code in b.verbs:
            if not prt and lemma in NOISE_VERBS:
                continue
            add((lemma, prt, ""), code, True, code)
        head = b.head.lower() if b.head.lower() in verbs else (next(iter(verbs)) if verbs else None)
        for body, rawcode, comment in b.patterns:
            code = _code(rawcode)
            if code is None:
                continue
            parsed = parse_pattern(body, synsets)
            if not parsed:
                continue
            pairs, exact = parsed
            named = [w.lower() for w in re.findall(r"[A-Za-z]+", comment) if w.lower() in verbs]
            targets = list(dict.fromkeys(named)) or ([head] if head else [])
            for verb in targets:
                for prt, obj in pairs:
                    add((verb, prt, obj), code, bool(named), verbs.get(verb) or b.code, exact)
    return cands


def choose(cs: list[Cand]) -> Cand:
    counts = Counter(c.mapped for c in cs)

    def rank(c: Cand) -> tuple[int, int, int, int, int, str]:
        same_root = int(c.home is not None and c.code[:2] == c.home[:2])
        direct = int(any(x.direct for x in cs if x.mapped == c.mapped))
        exact = int(any(x.exact for x in cs if x.mapped == c.mapped))
        return (-direct, -same_root, -exact, -counts[c.mapped], -len(c.mapped), c.mapped)

    return min(cs, key=rank)


# ------------------------------- output ------------------------------------------------------


def load_ontology() -> tuple[dict[str, set[str]], set[str]]:
    doc = yaml.safe_load((ONTO / "plover.yaml").read_text(encoding="utf-8"))
    types = {t["name"]: {m["name"] for m in t.get("modes") or []} for t in doc["types"]}
    return types, {c["name"] for c in doc["contexts"]}


def validate_rows(
    name: str, rows: list[dict[str, str]], types: dict[str, set[str]], contexts: set[str]
) -> None:
    seen: set[tuple[str, str, str]] = set()
    for r in rows:
        key = (r["lemma"], r["particle"], r["object"])
        where = f"{name}: {key}"
        if key in seen:
            raise SystemExit(f"{where}: duplicate key")
        seen.add(key)
        if r["type"] not in types:
            raise SystemExit(f"{where}: unknown type {r['type']!r}")
        if r["mode"] and r["mode"] not in types[r["type"]]:
            raise SystemExit(f"{where}: mode {r['mode']!r} not defined for {r['type']}")
        for c in filter(None, r["contexts"].split("|")):
            if c not in contexts:
                raise SystemExit(f"{where}: unknown context {c!r}")
        if not r["lemma"] or r["lemma"] != r["lemma"].lower() or " " in r["lemma"]:
            raise SystemExit(f"{where}: lemma must be one lowercase word")
        if r["object"] and (r["object"] != r["object"].lower() or " " in r["object"]):
            raise SystemExit(f"{where}: object must be one lowercase word")


def header(name: str, lines: list[str]) -> list[str]:
    return [f"# {name}"] + [f"# {ln}" if ln else "#" for ln in lines]


SOURCE_LINES = [
    "Source: PETRARCH CAMEO verb dictionary CAMEO.2.0.txt (Phoenix dictionaries), MIT licence,",
    "Copyright (c) 2014-2015 Open Event Data Alliance; CAMEO->PLOVER mapping from",
    "src/redline/data/ontology/cameo2plover.tsv (PLOVER, OEDA, CC BY-SA 4.0).",
]


def build(shared: Path) -> dict[Path, str]:
    types, contexts = load_ontology()
    cmap = load_cameo_map()
    blocks, synsets = parse_dictionary(
        shared / "ontology" / "phoenix-dictionaries" / "CAMEO.2.0.txt"
    )
    cands = collect(blocks, synsets, cmap)

    rows: list[dict[str, str]] = []
    conflicts: list[list[str]] = []
    for key in sorted(cands):
        cs = cands[key]
        best = choose(cs)
        rows.append(
            dict(
                zip(
                    COLUMNS,
                    [*key, best.mapped, best.m.type, best.m.mode, best.m.contexts, "cameo2"],
                    strict=True,
                )
            )
        )
        outcomes = {(c.m.type, c.m.mode) for c in cs}
        if len(outcomes) > 1:
            tally = Counter((c.mapped, c.m.type, c.m.mode) for c in cs)
            listed = "; ".join(
                f"{code}={t}{'/' + md if md else ''} x{n}"
                for (code, t, md), n in sorted(tally.items())
            )
            conflicts.append(["cameo_codes", *key, best.mapped, best.m.type, best.m.mode, listed])
    validate_rows("verbs.tsv", rows, types, contexts)

    manual_path = LEX / "triggers_manual.tsv"
    if manual_path.exists():
        manual = read_tsv(manual_path)
        if list(manual[0].keys()) != COLUMNS:
            raise SystemExit("triggers_manual.tsv: columns must be " + " ".join(COLUMNS))
        validate_rows("triggers_manual.tsv", manual, types, contexts)
        for r in manual:
            if r["origin"] != "manual":
                raise SystemExit(f"triggers_manual.tsv: origin must be 'manual': {r}")
            if r["cameo"] and (r["cameo"] not in cmap or cmap[r["cameo"]].type != r["type"]):
                raise SystemExit(
                    f"triggers_manual.tsv: cameo {r['cameo']} does not map to "
                    f"{r['type']} in cameo2plover.tsv: {r}"
                )
        derived = {(r["lemma"], r["particle"], r["object"]): r for r in rows}
        for r in manual:
            key = (r["lemma"], r["particle"], r["object"])
            d = derived.get(key)
            if d and (d["type"], d["mode"]) != (r["type"], r["mode"]):
                conflicts.append(
                    [
                        "manual_override",
                        *key,
                        d["cameo"],
                        d["type"],
                        d["mode"],
                        f"manual: {r['type']}{'/' + r['mode'] if r['mode'] else ''}",
                    ]
                )

    out_rows = header(
        "verbs.tsv: verb triggers derived from the CAMEO verb dictionary",
        [
            *SOURCE_LINES,
            "This derived table is shared under CC BY-SA 4.0 (share-alike of the PLOVER mapping).",
            "lemma: lowercase verb lemma; particle: phrasal particle or preposition of the object;",
            "object: lowercase noun lemma (spaCy-style, e.g. troop, arm) that must be the verb's",
            "object or prepositional object, empty = bare verb. contexts are '|'-separated.",
            "One row per (lemma, particle, object); see verbs_conflicts.tsv for competing codes.",
            "Rows in triggers_manual.tsv take precedence over rows here with the same key.",
            f"Built by: {BUILD_CMD}  (do not edit by hand)",
        ],
    )
    out_rows.append("\t".join(COLUMNS))
    out_rows += ["\t".join(r[c] for c in COLUMNS) for r in rows]

    out_conf = header(
        "verbs_conflicts.tsv: lexicon keys for review",
        [
            *SOURCE_LINES,
            "kind=cameo_codes: the dictionary gives codes with different PLOVER types/modes",
            "for one key; chosen_* is what verbs.tsv uses, candidates lists code=TYPE/mode xN.",
            "kind=manual_override: triggers_manual.tsv gives another type/mode than verbs.tsv.",
            f"Built by: {BUILD_CMD}  (do not edit by hand)",
        ],
    )
    out_conf.append(
        "\t".join(
            [
                "kind",
                "lemma",
                "particle",
                "object",
                "chosen_cameo",
                "chosen_type",
                "chosen_mode",
                "candidates",
            ]
        )
    )
    out_conf += ["\t".join(c) for c in conflicts]
    return {
        LEX / "verbs.tsv": "\n".join(out_rows) + "\n",
        LEX / "verbs_conflicts.tsv": "\n".join(out_conf) + "\n",
    }


def main(argv: list[str] | None = None) -> int:
    args = build_arguments(__doc__, argv)
    stale = write_outputs(build(args.shared), args.check)
    manual = LEX / "triggers_manual.tsv"
    if manual.exists():
        print(f"{manual.relative_to(REPO)}: {len(read_tsv(manual))} rows (validated)")
    return report_stale(stale)


if __name__ == "__main__":
    raise SystemExit(main())
