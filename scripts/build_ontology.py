#!/usr/bin/env python3
"""Build redline's CAMEO->PLOVER and legacy-PLOVER tables from the shared references.

Reads (build time only; redline never reads these at run time):
  <shared>/ontology/plover/CAMEO2PLOVER-2021.txt   CAMEO -> PLOVER table (OEDA, CC BY-SA 4.0)
  <shared>/ontology/plover/PLOVER_MANUAL.tex       CAMEO root names (OEDA, CC BY-SA 4.0)
  <shared>/eval/plover-gsr/cases.jsonl             optional: coverage check of the legacy table
  src/redline/data/ontology/plover.yaml            redline's ontology (types, modes, contexts)

Writes:
  src/redline/data/ontology/cameo2plover.tsv
  src/redline/data/ontology/plover_legacy.tsv

Usage (from the repository root):
  python scripts/build_ontology.py [--shared ../shared] [--check]

--check rebuilds in memory and exits non-zero if the files on disk differ.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from build_common import build_arguments, report_stale, write_outputs

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "redline" / "data" / "ontology"
BUILD_CMD = "python scripts/build_ontology.py"

PLOVER_ATTR = (
    "PLOVER manual (draft v2.0) and CAMEO2PLOVER-2021.txt (PLOVER draft 0.8, 17 Sep 2021), "
    "Open Event Data Alliance, https://github.com/openeventdata/PLOVER, CC BY-SA 4.0"
)

# ---------------------------------------------------------------------------------------------
# Normalisation of CAMEO2PLOVER-2021 to the modes and contexts of the v2.0 manual.
# The table predates the manual's final mode lists, so a few of its modes and contexts are not
# (or no longer) defined. Each fix carries its reason; it lands in the `note` column.
# ---------------------------------------------------------------------------------------------

# (type, mode-as-written) -> (mode, reason)
MODE_FIX: dict[tuple[str, str], tuple[str, str]] = {
    ("RETREAT", "return"): ("", "mode 'return' is commented out of the manual's RETREAT modes"),
    ("RETREAT", "ease"): ("", "table itself notes 'ease' is no longer a mode"),
    ("THREATEN", "ban"): ("restrict", "manual THREATEN restrict covers bans on political activity"),
    ("THREATEN", "political"): (
        "restrict",
        "no 'political' mode; manual THREATEN restrict covers bans on political activity",
    ),
    ("COERCE", "ban"): ("restrict", "manual COERCE restrict covers bans from political life"),
    ("ASSAULT", "seize"): ("destroy", "'seize' is not an ASSAULT mode; manual destroy = property"),
    ("ASSAULT", "assassinate"): ("targeted", "manual targeted covers (attempted) assassinations"),
    ("ASSAULT", "massacre"): ("targeted", "manual targeted covers deliberate mass killings"),
    ("ASSAULT", "cleansing"): ("", "mode 'cleansing' is commented out of the manual"),
}

# context-as-written -> (contexts, reason)
CONTEXT_FIX: dict[str, tuple[list[str], str]] = {
    "democracy": (["pro_democracy"], "context 'democracy' is 'pro_democracy' in the manual"),
    "humanitarian": (
        ["human_security"],
        "no 'humanitarian' context in the manual; human_security (access to food, water, "
        "housing) is the nearest",
    ),
}


@dataclass(frozen=True)
class Override:
    type: str
    mode: str
    contexts: tuple[str, ...] | None  # None = keep the (normalised) contexts
    reason: str


# Codes where the v2.0 manual text explicitly contradicts the 2021 table. The manual wins.
OVERRIDES: dict[str, Override] = {
    "055": Override(
        "CONCEDE",
        "",
        ("diplomatic",),
        "table: SUPPORT; manual says expressions of regret or remorse are CONCEDE",
    ),
    "0813": Override(
        "CONCEDE",
        "",
        None,
        "table: RETREAT; manual CONCEDE explicitly covers removing curfews and easing legal "
        "restrictions (verbal concession)",
    ),
    "0814": Override(
        "CONCEDE",
        "",
        None,
        "table: RETREAT; lifting a state of emergency is treated like lifting a curfew "
        "(manual CONCEDE)",
    ),
    "105": Override(
        "REQUEST",
        "yield",
        None,
        "table: mode change; 'demand that target yields' is the manual's yield mode",
    ),
    "112": Override(
        "ACCUSE",
        "allege",
        None,
        "table: mode disapprove; manual allege = formally or informally accuse",
    ),
    "114": Override(
        "ACCUSE",
        "disapprove",
        None,
        "table: mode allege; manual says diplomatic protests are ACCUSE disapprove",
    ),
    "116": Override(
        "SANCTION",
        "convict",
        ("legal",),
        "table: ACCUSE disapprove; manual SANCTION convict = found guilty or liable by a court",
    ),
    "124": Override(
        "REJECT",
        "yield",
        None,
        "table: mode change; 'decline to yield' is the manual's yield mode",
    ),
    "1241": Override(
        "REJECT",
        "yield",
        None,
        "table: mode change; easing sanctions/curfews is the manual's yield mode (cf. 1051)",
    ),
    "1242": Override(
        "REJECT",
        "yield",
        None,
        "table: mode change; easing sanctions/curfews is the manual's yield mode (cf. 1052)",
    ),
    "1321": Override(
        "THREATEN",
        "restrict",
        ("rights_freedoms",),
        "table: mode 'political', context human_rights; restrictions on speech are "
        "rights_freedoms (cf. 1721)",
    ),
    "133": Override(
        "THREATEN",
        "restrict",
        None,
        "table: mode relations; threats of strikes/boycotts are the manual's restrict mode",
    ),
    "163": Override(
        "SANCTION",
        "discontinue",
        ("economic",),
        "table: COERCE restrict diplomatic; manual codes international sanctions (and "
        "embargoes) as SANCTION discontinue",
    ),
    "175": Override(
        "ASSAULT",
        "",
        ("repression", "pro_autocracy"),
        "table puts pro_autocracy in the mode slot; violent repression by security forces is "
        "the repression context",
    ),
    "183": Override(
        "ASSAULT",
        "explosives",
        None,
        "table: suicide-attack; 183 is any non-military bombing (car bombs etc.), the manual's "
        "explosives mode; 1831 keeps suicide-attack",
    ),
    "195": Override(
        "ASSAULT",
        "aerial",
        None,
        "table: heavy-weapons; the manual has a dedicated aerial mode for air strikes",
    ),
}

# ---------------------------------------------------------------------------------------------
# Goldstein (1992) scale values as adapted to CAMEO. Two published copies disagree on a few
# codes, so a value is kept only when both copies agree (or, for a code only one of them
# lists, when the other copy's value for the nearest parent code is the same); else empty.
#   PHX: Parus Analytics CAMEO.SCALE.txt as embedded in openeventdata/phoenix_pipeline
#        postprocess.py (MIT licence, (c) Open Event Data Alliance)
#   GDELT: GDELT project lookup table CAMEO.goldsteinscale.txt
# ---------------------------------------------------------------------------------------------

_PHX = """
01 0.0 010 0.0 011 -0.1 0110 -0.1 012 -0.4 013 0.4 014 0.0 015 0.0 016 3.4 017 0.0 018 3.4
02 3.0 020 3.0 021 3.4 0211 3.4 0212 3.4 0213 3.4 0214 3.4 022 3.4 023 3.4 0231 3.4 0232 3.4
0233 3.4 0234 3.4 024 -0.3 0241 -0.3 0242 -0.3 0243 -0.3 0244 -0.3 025 -0.3 0253 -0.3
0256 -0.3 026 4.0 027 4.0 028 4.0 03 4.0 030 4.0 031 5.2 0311 5.2 0312 5.2 032 4.5 033 5.2
0331 5.2 0332 5.2 0333 5.2 0334 6.0 034 7.0 0341 7.0 0342 7.0 0343 7.0 0344 7.0 035 7.0
0351 7.0 0352 7.0 0353 7.0 0354 7.0 0355 7.0 0356 7.0 0357 7.0 036 4.0 037 5.0 038 7.0
039 5.0 04 1.0 040 1.0 041 1.0 042 1.9 043 2.8 044 2.5 045 5.0 046 7.0 05 3.5 050 3.5
051 3.4 052 3.5 053 3.8 054 6.0 055 7.0 056 7.0 057 8.0 06 6.0 060 6.0 061 6.4 062 7.4
063 7.4 064 7.0 07 7.0 070 7.0 071 7.4 072 8.3 073 7.4 074 8.5 075 7.0 08 5.0 080 5.0
081 5.0 0811 5.0 0812 5.0 0813 5.0 0814 5.0 082 5.0 083 5.0 0831 5.0 0832 5.0 0833 5.0
0834 5.0 084 7.0 0841 7.0 0842 7.0 085 7.0 086 9.0 0861 9.0 0862 9.0 0863 9.0 087 9.0
0871 9.0 0872 9.0 0873 9.0 0874 10.0 09 -2.0 090 -2.0 091 -2.0 092 -2.0 093 -2.0 094 -2.0
10 -5.0 100 -5.0 101 -5.0 1014 -5.0 102 -5.0 103 -5.0 104 -5.0 1041 -5.0 1042 -5.0
1043 -5.0 1044 -5.0 105 -5.0 1056 -5.0 106 -5.0 107 -5.0 108 -5.0 109 -5.0 11 -2.0
110 -2.0 111 -2.0 112 -2.0 1121 -2.0 1122 -2.0 1123 -2.0 1124 -2.0 1125 -2.0 113 -2.0
114 -2.0 115 -2.0 12 -4.0 120 -4.0 121 -4.0 1211 -4.0 1212 -4.0 1213 -4.0 122 -4.0
123 -4.0 1231 -4.0 1232 -4.0 1233 -4.0 1234 -4.0 124 -5.0 1246 -5.0 125 -5.0 126 -5.0
127 -5.0 128 -5.0 13 -6.0 130 -4.4 131 -5.8 1311 -5.8 1312 -5.8 1313 -5.8 132 -5.8
1321 -5.8 1322 -5.8 1323 -5.8 1324 -5.8 133 -5.8 134 -5.8 135 -5.8 136 -7.0 137 -7.0
138 -7.0 1381 -7.0 1382 -7.0 1383 -7.0 1384 -7.0 1385 -7.0 139 -7.0 14 -6.5 140 -6.5
141 -6.5 1411 -6.5 1412 -6.5 1413 -6.5 1414 -6.5 142 -6.5 1421 -6.5 1422 -6.5 1423 -6.5
1424 -6.5 143 -6.5 1431 -6.5 1432 -6.5 1433 -6.5 1434 -6.5 144 -7.5 1441 -7.5 1442 -7.5
1443 -7.5 1444 -7.5 145 -7.5 1451 -7.5 1452 -7.5 1453 -7.5 1454 -7.5 15 -7.2 150 -7.2
151 -7.2 152 -7.2 153 -7.2 154 -7.2 16 -4.0 160 -4.0 161 -4.0 162 -5.6 1621 -5.6
1622 -5.6 1623 -5.6 163 -6.5 164 -7.0 1641 -7.0 1642 -7.0 1643 -7.0 165 -7.0 166 -8.0
17 -7.0 170 -7.0 171 -9.2 1711 -9.2 1712 -9.2 172 -5.0 1721 -5.0 1722 -5.0 1723 -5.0
1724 -5.0 173 -5.0 174 -5.0 175 -9.0 18 -9.0 180 -9.0 181 -9.0 182 -9.5 1821 -9.0
1822 -9.0 1823 -10.0 183 -10.0 1831 -10.0 1832 -10.0 1833 -10.0 184 -8.0 185 -8.0
186 -10.0 19 -10.0 190 -10.0 191 -9.5 192 -9.5 193 -10.0 194 -10.0 195 -10.0 196 -9.5
20 -10.0 200 -10.0 201 -9.5 202 -10.0 203 -10.0 204 -10.0 2041 -10.0 2042 -10.0
"""

_GDELT = """
01 0.0 010 0.0 011 -0.1 012 -0.4 013 0.4 014 0.0 015 0.0 016 -2.0 017 0.0 018 3.4 019 3.4
02 3.0 020 3.0 021 3.4 0211 3.4 0212 3.4 0213 3.4 0214 3.4 022 3.2 023 3.4 0231 3.4
0232 3.4 0233 3.4 0234 3.4 024 -0.3 0241 -0.3 0242 -0.3 0243 -0.3 0244 -0.3 025 -0.3
0251 -0.3 0252 -0.3 0253 -0.3 0254 -0.3 0255 -0.3 0256 -0.3 026 4.0 027 4.0 028 4.0
03 4.0 030 4.0 031 5.2 0311 5.2 0312 5.2 0313 5.2 0314 5.2 032 4.5 033 5.2 0331 5.2
0332 5.2 0333 5.2 0334 6.0 034 7.0 0341 7.0 0342 7.0 0343 7.0 0344 7.0 035 7.0 0351 7.0
0352 7.0 0353 7.0 0354 7.0 0355 7.0 0356 7.0 036 4.0 037 5.0 038 7.0 039 5.0 04 1.0
040 1.0 041 1.0 042 1.9 043 2.8 044 2.5 045 5.0 046 7.0 05 3.5 050 3.5 051 3.4 052 3.5
053 3.8 054 6.0 055 7.0 056 7.0 057 8.0 06 6.0 060 6.0 061 6.4 062 7.4 063 7.4 064 7.0
07 7.0 070 7.0 071 7.4 072 8.3 073 7.4 074 8.5 075 7.0 08 5.0 080 5.0 081 5.0 0811 5.0
0812 5.0 0813 5.0 0814 5.0 082 5.0 083 5.0 0831 5.0 0832 5.0 0833 5.0 0834 5.0 084 7.0
0841 7.0 0842 7.0 085 7.0 086 9.0 0861 9.0 0862 9.0 0863 9.0 087 9.0 0871 9.0 0872 9.0
0873 9.0 0874 10.0 09 -2.0 090 -2.0 091 -2.0 092 -2.0 093 -2.0 094 -2.0 10 -5.0 100 -5.0
101 -5.0 1011 -5.0 1012 -5.0 1013 -5.0 1014 -5.0 102 -5.0 103 -5.0 1031 -5.0 1032 -5.0
1033 -5.0 1034 -5.0 104 -5.0 1041 -5.0 1042 -5.0 1043 -5.0 1044 -5.0 105 -5.0 1051 -5.0
1052 -5.0 1053 -5.0 1054 -5.0 1055 -5.0 1056 -5.0 106 -5.0 107 -5.0 108 -5.0 11 -2.0
110 -2.0 111 -2.0 112 -2.0 1121 -2.0 1122 -2.0 1123 -2.0 1124 -2.0 1125 -2.0 113 -2.0
114 -2.0 115 -2.0 116 -2.0 12 -4.0 120 -4.0 121 -4.0 1211 -4.0 1212 -4.0 122 -4.0
1221 -4.0 1222 -4.0 1223 -4.0 1224 -4.0 123 -4.0 1231 -4.0 1232 -4.0 1233 -4.0 1234 -4.0
124 -4.0 1241 -4.0 1242 -4.0 1243 -4.0 1244 -4.0 1245 -4.0 1246 -4.0 125 -5.0 126 -5.0
127 -5.0 128 -5.0 129 -5.0 13 -6.0 130 -4.4 131 -5.8 1311 -5.8 1312 -5.8 1313 -5.8
132 -5.8 1321 -5.8 1322 -5.8 1323 -5.8 1324 -5.8 133 -5.8 134 -5.8 135 -5.8 136 -7.0
137 -7.0 138 -7.0 1381 -7.0 1382 -7.0 1383 -7.0 1384 -7.0 1385 -7.0 139 -7.0 14 -6.5
140 -6.5 141 -6.5 1411 -6.5 1412 -6.5 1413 -6.5 1414 -6.5 142 -6.5 1421 -6.5 1422 -6.5
1423 -6.5 1424 -6.5 143 -6.5 1431 -6.5 1432 -6.5 1433 -6.5 1434 -6.5 144 -7.5 1441 -7.5
1442 -7.5 1443 -7.5 1444 -7.5 145 -7.5 1451 -7.5 1452 -7.5 1453 -7.5 1454 -7.5 15 -7.2
150 -7.2 151 -7.2 152 -7.2 153 -7.2 154 -7.2 16 -4.0 160 -4.0 161 -4.0 162 -5.6 1621 -5.6
1622 -5.6 1623 -5.6 163 -8.0 164 -7.0 165 -6.5 166 -7.0 1661 -7.0 1662 -7.0 1663 -7.0
17 -7.0 170 -7.0 171 -9.2 1711 -9.2 1712 -9.2 172 -5.0 1721 -5.0 1722 -5.0 1723 -5.0
1724 -5.0 173 -5.0 174 -5.0 175 -9.0 18 -9.0 180 -9.0 181 -9.0 182 -9.5 1821 -9.0
1822 -9.0 1823 -10.0 183 -10.0 1831 -10.0 1832 -10.0 1833 -10.0 184 -8.0 185 -8.0
186 -10.0 19 -10.0 190 -10.0 191 -9.5 192 -9.5 193 -10.0 194 -10.0 195 -10.0 196 -9.5
20 -10.0 200 -10.0 201 -9.5 202 -10.0 203 -10.0 204 -10.0 2041 -10.0 2042 -10.0
"""


def _parse_scale(text: str) -> dict[str, float]:
    tok = text.split()
    return {tok[i]: float(tok[i + 1]) for i in range(0, len(tok), 2)}


PHX = _parse_scale(_PHX)
GDELT = _parse_scale(_GDELT)


def _ancestors(code: str) -> list[str]:
    return [code[:n] for n in (3, 2) if len(code) > n]


def goldstein(code: str) -> float | None:
    """The agreed Goldstein value for a CAMEO code, or None when the sources do not agree."""
    g, p = GDELT.get(code), PHX.get(code)
    if g is not None and p is not None:
        return g if g == p else None
    known = g if g is not None else p
    if known is None:
        return None
    other = PHX if g is not None else GDELT
    for anc in _ancestors(code):
        if anc in other:
            return known if other[anc] == known else None
    return None


# ---------------------------------------------------------------------------------------------
# Legacy PLOVER names (0.5b1 as used in the PLOVER gold-standard records, and other names the
# manual mentions) -> current PLOVER. kind = type | mode | context.
#   (kind, legacy_type, legacy_value, type, mode, contexts, note)
# ---------------------------------------------------------------------------------------------
LEGACY_TABLE = """
# event types
type | DEMAND |  | REQUEST |  |  |
    renamed; CAMEO 10 DEMAND -> REQUEST (requests, demands and orders)
type | DISAPPROVE |  | ACCUSE | disapprove |  |
    CAMEO 11 folded into ACCUSE; use mode allege when the text is an accusation or charge
type | INVESTIGATE |  | ACCUSE | investigate |  |
    CAMEO 09 folded into ACCUSE as the investigate mode
type | FIGHT |  | ASSAULT |  |  |
    0.5 FIGHT (conventional military force, CAMEO 19) merged into ASSAULT; blockades (191)
    and occupation (192) are COERCE restrict/seize; the manual's CAMEO table still writes
    FIGHT for CAMEO 20
type | ASSAULT |  | ASSAULT |  |  |
    0.5 ASSAULT (unconventional/one-sided violence, CAMEO 18 and 20) kept; now also covers
    0.5 FIGHT; 0.5 COERCE property destruction moved here (mode destroy)
type | YIELD |  | CONCEDE |  |  |
    CAMEO/WEIS 08 YIELD split: verbal concessions (081-083) CONCEDE, concessions carried
    out (084-087) RETREAT
type | REDUCE RELATIONS |  | SANCTION |  |  |
    CAMEO 16 REDUCE RELATIONS is PLOVER SANCTION (not only formal sanctions)
type | EXHIBIT FORCE POSTURE |  | MOBILIZE |  |  |
    CAMEO 15 -> MOBILIZE
type | APPEAL |  | REQUEST |  |  |
    CAMEO 02 APPEAL is dropped by the manual's CAMEO table, but appeals and calls are
    requests under the REQUEST definition; redline codes them REQUEST
type | MAKE PUBLIC STATEMENT |  |  |  |  |
    CAMEO 01 dropped: comments are not PLOVER events
type | CRIME |  |  |  | crime |
    a CRIME category was added and removed in PLOVER drafts; code the act (e.g. ASSAULT,
    COERCE) and add the crime context
type | AGREE |  | AGREE |  |  |
    unchanged
type | CONSULT |  | CONSULT |  |  |
    unchanged
type | SUPPORT |  | SUPPORT |  |  |
    unchanged
type | CONCEDE |  | CONCEDE |  |  |
    unchanged
type | COOPERATE |  | COOPERATE |  |  |
    unchanged
type | AID |  | AID |  |  |
    unchanged
type | RETREAT |  | RETREAT |  |  |
    unchanged
type | REJECT |  | REJECT |  |  |
    unchanged
type | THREATEN |  | THREATEN |  |  |
    unchanged
type | PROTEST |  | PROTEST |  |  |
    unchanged
type | SANCTION |  | SANCTION |  |  |
    unchanged
type | MOBILIZE |  | MOBILIZE |  |  |
    unchanged
type | COERCE |  | COERCE |  |  |
    kept; 0.5 COERCE 'destroy' and shooting at people are ASSAULT now (see mode rows)
# modes (legacy_type = the 0.5 event the mode was used with)
mode | ASSAULT | assassinate | ASSAULT | targeted |  |
    targeted covers (attempted) assassinations
mode | FIGHT | assassinate | ASSAULT | targeted |  |
    targeted covers targeted killings; add aerial/drone if the weapon is named
mode | FIGHT | heavy-weapons | ASSAULT | heavy-weapons |  |
    0.5 heavy-weapons included aircraft; use aerial (manned) or drone when the text says so
mode | FIGHT | firearms | ASSAULT | firearms |  |
    unchanged
mode | FIGHT | explosives | ASSAULT | explosives |  |
    unchanged
mode | FIGHT | other | ASSAULT |  |  |
    no 'other' mode; leave empty
mode | FIGHT | deport | COERCE | deport |  |
    forced removal of people; if it is people fleeing, the manual prefers SANCTION expel
mode | ASSAULT | beat | ASSAULT | beat |  |
    unchanged
mode | ASSAULT | explosives | ASSAULT | explosives |  |
    unchanged
mode | ASSAULT | primitive | ASSAULT | primitive |  |
    unchanged
mode | ASSAULT | sexual | ASSAULT | sexual |  |
    unchanged
mode | ASSAULT | suicide-attack | ASSAULT | suicide-attack |  |
    unchanged
mode | ASSAULT | torture | ASSAULT | torture |  |
    unchanged
mode | COERCE | arrest | COERCE | arrest |  |
    unchanged
mode | COERCE | detain | COERCE | arrest |  |
    merged into arrest; kidnapping or holding combatants/civilians by armed groups is
    ASSAULT abduct
mode | COERCE | ban | COERCE | restrict |  |
    manual restrict covers bans from political life; banning publications is censor
mode | COERCE | censor | COERCE | censor |  |
    unchanged
mode | COERCE | confiscate | COERCE | seize |  |
    renamed; hacking examples coded confiscate in 0.5 are COERCE cyber
mode | COERCE | curfew | COERCE | curfew |  |
    unchanged
mode | COERCE | deport | COERCE | deport |  |
    unchanged
mode | COERCE | destroy | ASSAULT | destroy |  |
    deliberate destruction of property is ASSAULT destroy (CAMEO 1712 -> ASSAULT)
mode | COERCE | firearms | ASSAULT | firearms |  |
    shooting at people is ASSAULT; use crowd-control for warning shots or less-lethal means
mode | COERCE | martial-law | COERCE | martial-law |  |
    unchanged
mode | COERCE | restrict | COERCE | restrict |  |
    unchanged
mode | CONSULT | host | CONSULT | visit |  |
    no host mode: code visit with the visitor as actor and the host as recipient
mode | CONSULT | visit | CONSULT | visit |  |
    unchanged
mode | CONSULT | third-party | CONSULT | third-party |  |
    unchanged
mode | CONSULT | multilateral | CONSULT | multilateral |  |
    unchanged
mode | CONSULT | phone | CONSULT | phone |  |
    unchanged
mode | MOBILIZE | police | MOBILIZE | police |  |
    unchanged
mode | MOBILIZE | troops | MOBILIZE | troops |  |
    unchanged
mode | MOBILIZE | weapons | MOBILIZE | weapons |  |
    unchanged
mode | PROTEST | demo-org | PROTEST | demo |  |
    organised/spontaneous merged
mode | PROTEST | demo-spon | PROTEST | demo |  |
    organised/spontaneous merged
mode | PROTEST | riot | PROTEST | riot |  |
    unchanged
mode | PROTEST | riot-spon | PROTEST | riot |  |
    organised/spontaneous merged
mode | PROTEST | strike-gen | PROTEST | strike |  |
    renamed
mode | PROTEST | strike-hun | PROTEST | hunger |  |
    renamed
mode | PROTEST | obstruct | PROTEST | obstruct |  |
    unchanged
mode | THREATEN | curfew | THREATEN | restrict |  |
    restrict covers curfews
mode | THREATEN | martial-law | THREATEN | restrict |  |
    restrict is the closest threatened content (cf. CAMEO 1324)
mode | THREATEN | political | THREATEN | restrict |  |
    restrict covers banning political activity
mode | THREATEN | relations | THREATEN | relations |  |
    unchanged
mode | THREATEN | restrict | THREATEN | restrict |  |
    unchanged
mode | THREATEN | violence | THREATEN | violence |  |
    unchanged
# contexts ('*' = any event type)
context | * | refugee |  |  | migration |
    refugees are the migration context
context | * | refugees |  |  | migration |
    refugees are the migration context
context | * | resource |  |  | natural_resource |
    0.5 'resource' was also used for land and territorial claims: check territory
context | * | resources |  |  | natural_resource |
    0.5 'resource' was also used for land and territorial claims: check territory
context | * | assets |  |  | human_security |
    property/land tenure is human_security; company assets are economic
context | * | rights |  |  | human_rights |
    use rights_freedoms when a specific freedom (speech, assembly, ...) is named
context | * | political |  |  | political_institutions |
    renamed
context | * | politics |  |  | political_institutions |
    renamed
context | * | government |  |  | executive |
    government/executive affairs
context | * | discrimination |  |  | religion_ethnicity |
    0.5 examples are ethnic discrimination; use gender/lgbt/inequality when apt
context | * | religion |  |  | religion_ethnicity |
    merged
context | * | foreign |  |  | diplomatic |
    foreign relations
context | * | historical |  |  |  |
    not a context: the historical auxiliary mode
context | * | unknown |  |  |  |
    no context
context | * | military |  |  | military |
    unchanged
context | * | diplomatic |  |  | diplomatic |
    unchanged
context | * | legal |  |  | legal |
    unchanged
context | * | economic |  |  | economic |
    unchanged
context | * | terrorism |  |  | terrorism |
    unchanged
context | * | election |  |  | election |
    unchanged
context | * | cbrn |  |  | cbrn |
    unchanged
context | * | cyber |  |  | cyber |
    unchanged
"""


def _parse_legacy(text: str) -> list[tuple[str, str, str, str, str, str, str]]:
    """Rows are 'kind | legacy_type | legacy_value | type | mode | contexts |' followed by
    indented note lines; '#' lines are comments."""
    rows: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(" "):
            rows[-1][6] = (rows[-1][6] + " " + line.strip()).strip()
        else:
            cells = [c.strip() for c in line.split("|")]
            rows.append([*cells[:6], ""])
    return [(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows]


LEGACY = _parse_legacy(LEGACY_TABLE)


# ---------------------------------------------------------------------------------------------


@dataclass
class Ontology:
    types: dict[str, set[str]]  # type -> mode names
    contexts: set[str]


def load_ontology() -> Ontology:
    doc = yaml.safe_load((DATA / "plover.yaml").read_text(encoding="utf-8"))
    types = {t["name"]: {m["name"] for m in t.get("modes") or []} for t in doc["types"]}
    contexts = {c["name"] for c in doc["contexts"]}
    if len(types) != 16:
        raise SystemExit(f"plover.yaml: expected 16 types, found {len(types)}")
    return Ontology(types, contexts)


_LINE = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$")


@dataclass
class Row:
    cameo: str
    type: str
    mode: str
    contexts: list[str]
    description: str
    notes: list[str]


def parse_cameo2plover(path: Path, root_names: dict[str, str]) -> list[Row]:
    rows: dict[str, Row] = {}
    order: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = _LINE.match(raw.strip())
        if not m:
            continue
        code, body, comment = m.group(1), m.group(2), (m.group(3) or "").strip()
        parts = [p.strip() for p in body.split(",")]
        ptype = parts[0].upper()
        mode = parts[1] if len(parts) > 1 else ""
        ctx_raw = parts[2] if len(parts) > 2 else ""
        contexts = [c.strip() for c in ctx_raw.split(";") if c.strip()]
        notes: list[str] = []
        desc = comment
        if "21.09.17" in desc:  # the table's own edit note on 0813
            desc, _, own = desc.partition("21.09.17")
            desc = desc.strip()
            notes.append("table note (21.09.17): " + own.strip(" :"))
        if len(code) == 2:
            desc = root_names.get(code, desc).capitalize()
        row = Row(code, ptype, mode, contexts, desc, notes)
        if code in rows:
            prev = rows[code]
            if (prev.type, prev.mode, prev.contexts) == (row.type, row.mode, row.contexts):
                prev.notes.append("listed twice in the table")
                continue
            if code == "08":  # the 08 root is listed once per half of the YIELD split
                prev.notes.append(
                    "CAMEO 08 YIELD is split: 081-083 (+0813/0814 here) CONCEDE, 084-087 RETREAT"
                )
                continue
            raise SystemExit(f"conflicting duplicate rows for CAMEO {code}")
        rows[code] = row
        order.append(code)
    return [rows[c] for c in order]


def normalise(row: Row, onto: Ontology) -> Row:
    notes = list(row.notes)
    ptype, mode, contexts = row.type, row.mode, list(row.contexts)
    if (ptype, mode) in MODE_FIX:
        new, why = MODE_FIX[(ptype, mode)]
        notes.append(f"mode '{mode}' -> '{new or '(none)'}': {why}")
        mode = new
    fixed: list[str] = []
    for c in contexts:
        if c in CONTEXT_FIX:
            new_c, why = CONTEXT_FIX[c]
            notes.append(f"context '{c}' -> '{'|'.join(new_c)}': {why}")
            fixed.extend(new_c)
        else:
            fixed.append(c)
    contexts = fixed
    ov = OVERRIDES.get(row.cameo)
    if ov is not None:
        notes.append("manual override: " + ov.reason)
        ptype, mode = ov.type, ov.mode
        if ov.contexts is not None:
            contexts = list(ov.contexts)
    # validate
    if ptype not in onto.types:
        raise SystemExit(f"CAMEO {row.cameo}: unknown type {ptype}")
    if mode and mode not in onto.types[ptype]:
        raise SystemExit(f"CAMEO {row.cameo}: mode {mode!r} not defined for {ptype}")
    for c in contexts:
        if c not in onto.contexts:
            raise SystemExit(f"CAMEO {row.cameo}: unknown context {c!r}")
    contexts = list(dict.fromkeys(contexts))
    return Row(row.cameo, ptype, mode, contexts, row.description, notes)


# Typos and placeholders in the table's code descriptions.
DESC_FIX: dict[str, str] = {
    "055": "Apologize",
    "100": "Demand, not specified below",
    "1051": "Demand easing of administrative sanctions",
    "1444": "Obstruct passage to demand change in institutions, regime",
}


def root_names_from_manual(tex: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    pat = re.compile(r"^(\d{2})\s*&\s*([A-Z ]+?)\s*(?:\(.*?\))?\s*&")
    for line in tex.read_text(encoding="utf-8").splitlines():
        m = pat.match(line.strip())
        if m:
            names.setdefault(m.group(1), m.group(2).strip())
    return names


def fmt_score(v: float | None) -> str:
    return "" if v is None else f"{v:.1f}"


def header(name: str, lines: list[str]) -> list[str]:
    out = [f"# {name}"]
    out += [f"# {ln}" if ln else "#" for ln in lines]
    return out


def build_cameo2plover(shared: Path, onto: Ontology) -> str:
    plover_dir = shared / "ontology" / "plover"
    roots = root_names_from_manual(plover_dir / "PLOVER_MANUAL.tex")
    rows = [
        normalise(r, onto) for r in parse_cameo2plover(plover_dir / "CAMEO2PLOVER-2021.txt", roots)
    ]
    for r in rows:
        r.description = DESC_FIX.get(r.cameo, r.description)
    rows.sort(key=lambda r: r.cameo)
    disagree = sorted(c.cameo for c in rows if goldstein(c.cameo) is None)
    lines = header(
        "cameo2plover.tsv: CAMEO event code -> PLOVER type, mode and contexts",
        [
            f"Source: {PLOVER_ATTR}.",
            "This derived table is shared under CC BY-SA 4.0. Descriptions are CAMEO code names.",
            "Modes/contexts normalised to the PLOVER v2.0 manual; codes where the manual text",
            "contradicts the 2021 table are overridden. Every change is explained in `note`.",
            "goldstein: Goldstein (1992) scale as adapted to CAMEO, kept only where two published",
            "copies agree: Parus Analytics CAMEO.SCALE.txt (as in openeventdata/phoenix_pipeline,",
            "MIT) and the GDELT CAMEO.goldsteinscale.txt lookup. Empty = the copies disagree or",
            f"neither lists the code ({', '.join(disagree)}).",
            "contexts are '|'-separated. Lines starting with '#' are comments.",
            f"Built by: {BUILD_CMD}  (do not edit by hand)",
        ],
    )
    lines.append(
        "\t".join(["cameo", "type", "mode", "contexts", "description", "goldstein", "note"])
    )
    for r in rows:
        lines.append(
            "\t".join(
                [
                    r.cameo,
                    r.type,
                    r.mode,
                    "|".join(r.contexts),
                    r.description,
                    fmt_score(goldstein(r.cameo)),
                    "; ".join(r.notes),
                ]
            )
        )
    return "\n".join(lines) + "\n"


def build_legacy(shared: Path, onto: Ontology) -> str:
    seen: set[tuple[str, str, str]] = set()
    for kind, ltype, lval, ptype, mode, ctx, _note in LEGACY:
        key = (kind, ltype, lval)
        if key in seen:
            raise SystemExit(f"legacy: duplicate row {key}")
        seen.add(key)
        if ptype and ptype not in onto.types:
            raise SystemExit(f"legacy {key}: unknown type {ptype}")
        if mode and mode not in onto.types[ptype]:
            raise SystemExit(f"legacy {key}: mode {mode} not defined for {ptype}")
        for c in filter(None, ctx.split("|")):
            if c not in onto.contexts:
                raise SystemExit(f"legacy {key}: unknown context {c}")
    # Coverage check against the PLOVER 0.5b1 gold-standard records, when present.
    cases = shared / "eval" / "plover-gsr" / "cases.jsonl"
    if cases.exists():
        missing: set[tuple[str, str, str]] = set()
        for line in cases.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            ev, md, cx = rec["event"], rec.get("mode"), rec.get("context")
            if ("type", ev, "") not in seen:
                missing.add(("type", ev, ""))
            if md and ("mode", ev, md) not in seen:
                missing.add(("mode", ev, md))
            for c in (cx or "").split(","):
                c = c.strip()
                if c and c != "None" and ("context", "*", c) not in seen:
                    missing.add(("context", "*", c))
        if missing:
            raise SystemExit(f"legacy table misses names used in the GSR: {sorted(missing)}")
    lines = header(
        "plover_legacy.tsv: older PLOVER/CAMEO category, mode and context names -> PLOVER v2.0",
        [
            f"Source: {PLOVER_ATTR};",
            "PLOVER 0.5b1 names as used in the PLOVER gold-standard records",
            "(PLOVER_GSR_CAMEO.txt, OEDA 2016, CC BY-SA 4.0). Shared under CC BY-SA 4.0.",
            "kind=type: legacy_type is the old event name. kind=mode: legacy_type is the old",
            "event the mode was used with, legacy_value the old mode. kind=context:",
            "legacy_value is the old context ('*' = any type). Empty type = no PLOVER event.",
            f"Built by: {BUILD_CMD}  (do not edit by hand)",
        ],
    )
    lines.append(
        "\t".join(["kind", "legacy_type", "legacy_value", "type", "mode", "contexts", "note"])
    )
    for row in LEGACY:
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = build_arguments(__doc__, argv)
    onto = load_ontology()
    outputs = {
        DATA / "cameo2plover.tsv": build_cameo2plover(args.shared, onto),
        DATA / "plover_legacy.tsv": build_legacy(args.shared, onto),
    }
    return report_stale(write_outputs(outputs, args.check))


if __name__ == "__main__":
    raise SystemExit(main())
