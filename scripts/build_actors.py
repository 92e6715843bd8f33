#!/usr/bin/env python3
"""Build redline's actor tables from the Phoenix (PETRARCH2) dictionaries and pycountry.

Run from the project root::

    python scripts/build_actors.py --shared ../shared --out src/redline/data/actors

Build-time inputs (never needed at run time):

* ``<shared>/ontology/phoenix-dictionaries/Phoenix.Countries.actors.txt``,
  ``Phoenix.International.actors.txt``, ``Phoenix.MilNonState.actors.txt`` and
  ``Phoenix.agents.txt`` -- PETRARCH2 dictionaries, MIT licence, (c) 2014 Open Event Data;
* ``pycountry`` -- ISO 3166 data from the Debian iso-codes project;
* the hand-curated tables at the end of this file (the project's own data).

Outputs (tab-separated, UTF-8, ``#`` comment lines first, then one header line):

``countries.tsv``      code, name, kind, successor, aliases
``organisations.tsv``  code, name, kind, aliases, cameo, parent
``agents.tsv``         alias, sector, note
``people.tsv``         name, aliases, country, role, sector, valid_from, valid_to, source
``institutions.tsv``   name, aliases, country, sector, kind, cameo, source
``places.tsv``         alias, country, source
``ambiguous_aliases.tsv``  alias, candidates, resolved_to, table, note
``cameo_countries.tsv``    cameo, iso3, note (CAMEO country codes that differ from ISO)

PETRARCH actor-dictionary format, as read here:

* an unindented line starts an actor phrase (``WORDS_JOINED_BY_UNDERSCORES``), optionally with
  a default code in brackets (``[RUS]``); consecutive code-less phrases share the codes that
  follow them (PETRARCH semantics);
* ``+PHRASE`` lines are synonyms of the current actor;
* indented ``[CODE]`` lines are codes, optionally date restricted: ``[RUSGOV 120507-]``-style
  intervals ``yymmdd-yymmdd`` (inclusive), ``>date`` (from), ``<date`` (before); ``yy`` 00-30
  means 20yy, otherwise 19yy; eight-digit dates are ``yyyymmdd``;
* ``#`` starts a comment.

Agents are ``PHRASE {PLURAL} [~SECTOR]`` with ``!PERSON!``/``!MINIST!`` substitution sets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

ATTRIBUTION = (
    "Derived from the Phoenix dictionaries of the PETRARCH2 project (openeventdata/petrarch2), "
    "MIT licence, (c) 2014 Open Event Data; country names from pycountry (iso-codes data)."
)
BUILD_COMMAND = "python scripts/build_actors.py --shared ../shared --out src/redline/data/actors"
MANUAL_NOTE = (
    "Rows and aliases marked manual (source=manual / note=manual) are the redline project's "
    "own hand-curated data."
)
PHOENIX_SUBDIR = Path("ontology") / "phoenix-dictionaries"
PHOENIX_ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
PHOENIX_AGENT_FILE = "Phoenix.agents.txt"

ROLES = ("HOS", "HOG", "FM", "DM", "NSA", "INT", "SPOKES", "OTHER")
ROLE_SECTOR = {
    "HOS": "HOS",
    "HOG": "GOV",
    "FM": "GOV",
    "DM": "MIL",
    "NSA": "GOV",
    "INT": "SPY",
    "SPOKES": "GOV",
}

# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def fold_accents(text: str) -> str:
    """Strip combining accents: 'côte d'ivoire' -> 'cote d'ivoire'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def norm_phrase(raw: str) -> str:
    """Phoenix phrase or free text -> lowercase surface form with single spaces."""
    text = raw.replace("_", " ").replace("\u2019", "'").replace('"', "").lower()
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    return text


MOJIBAKE_RE = re.compile(
    "[\u00c3\u00c2\u00e3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
    "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)


def usable_alias(alias: str) -> bool:
    """Reject empty, mojibake (UTF-8 read as Latin-1) and replacement-character aliases."""
    if not alias or "\ufffd" in alias or MOJIBAKE_RE.search(alias):
        return False
    return not any(ch in alias for ch in "\t\n|[]{}")


def unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def logical_lines(block: str) -> list[str]:
    """Lines of a data block; an indented line continues the previous one."""
    out: list[str] = []
    for raw in block.strip("\n").splitlines():
        if not raw.strip():
            continue
        if raw[:1].isspace() and out:
            out[-1] = f"{out[-1]} {raw.strip()}"
        else:
            out.append(raw.strip())
    return out


def split_list(text: str, sep: str = ",") -> list[str]:
    return [part.strip() for part in text.split(sep) if part.strip()]


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def title_name(phrase: str) -> str:
    """'KIM_JONG_UN_' -> 'Kim Jong Un'."""
    words = norm_phrase(phrase).split(" ")
    return " ".join(w[:1].upper() + w[1:] for w in words if w)


# --------------------------------------------------------------------------------------------
# PETRARCH dictionary parsing
# --------------------------------------------------------------------------------------------

CODE_RE = re.compile(r"\[([^\]]*)\]")


def parse_petr_date(text: str) -> dt.date | None:
    """PETRARCH date: YYMMDD (yy 00-30 -> 20yy) or YYYYMMDD; over-long strings keep the last 8."""
    match = re.match(r"\s*(\d+)", text)
    if not match:
        return None
    digits = match.group(1)
    if len(digits) > 8:  # typos: '1920030320' (for 20030320), '201005011' (for 20100501)
        for cand in (digits[-8:], digits[:8]):
            if 1900 <= int(cand[:4]) <= 2030:
                digits = cand
                break
        else:
            return None
    try:
        if len(digits) == 8:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        if len(digits) in (6, 7):
            yy = int(digits[:2])
            year = 2000 + yy if yy <= 30 else 1900 + yy
            return dt.date(year, int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class CodeSpan:
    """One CAMEO code, optionally restricted to an inclusive date interval."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def parse_code(text: str) -> CodeSpan | None:
    parts = text.split(None, 1)
    if not parts:
        return None
    code = parts[0].strip().upper().lstrip("~")
    if code == "---":
        return CodeSpan("---")
    if not re.fullmatch(r"[A-Z]{3,}", code):
        return None
    rest = parts[1].strip() if len(parts) > 1 else ""
    if not rest:
        return CodeSpan(code)
    if rest[0] in "<>":
        when = parse_petr_date(rest[1:])
        if when is None:
            return None
        if rest[0] == "<":
            return CodeSpan(code, None, when - dt.timedelta(days=1))
        return CodeSpan(code, when, None)
    if "-" in rest:
        first, second = rest.split("-", 1)
        start, end = parse_petr_date(first), parse_petr_date(second)
        if start is None:
            return None
        if not second.strip():  # '[RUSGOV 120507-]': open-ended
            return CodeSpan(code, start, None)
        if end is None or end < start:
            return None
        return CodeSpan(code, start, end)
    when = parse_petr_date(rest)  # a bare date: read as a start date
    return CodeSpan(code, when, None) if when else CodeSpan(code)


@dataclass
class ActorEntry:
    """One PETRARCH actor: its phrases and its (possibly dated) codes."""

    source: str
    line: int
    names: list[str] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)
    countryinfo: bool = False

    @property
    def head(self) -> str:
        return self.names[0] if self.names else ""

    def real_codes(self) -> list[CodeSpan]:
        return [c for c in self.codes if c.code != "---"]


def read_actor_file(path: Path, stats: Counter[str]) -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    current: ActorEntry | None = None
    with path.open(encoding="utf-8", errors="replace") as handle:
        for lineno, raw in enumerate(handle, 1):
            line = raw.rstrip("\r\n")
            stripped = line.strip()
            if not stripped or stripped.startswith(("#", "<")):
                continue
            body, _, comment = line.partition("#")
            codes: list[CodeSpan] = []
            for chunk in CODE_RE.findall(body):
                span = parse_code(chunk)
                if span is None:
                    stats["unparsed code restrictions"] += 1
                else:
                    codes.append(span)
            text = CODE_RE.sub(" ", body).strip()
            if line[0] in " \t" or stripped.startswith("["):
                if current is not None:
                    current.codes.extend(codes)
                continue
            if text.startswith("+"):
                if current is not None:
                    current.names.extend(p for p in text[1:].split("+") if p.strip())
                    current.codes.extend(codes)
                continue
            is_ci = "countryinfo" in comment.lower()
            if current is None or current.codes or (is_ci and current.countryinfo):
                current = ActorEntry(path.name, lineno, countryinfo=is_ci)
                entries.append(current)
            current.countryinfo = current.countryinfo or is_ci
            if text:
                current.names.append(text)
            current.codes.extend(codes)
    return [e for e in entries if e.names]


@dataclass
class AgentLine:
    phrase: str
    plural: str | None  # None: regular plural; '': no plural
    code: str
    line: int


def read_agent_file(path: Path) -> tuple[list[AgentLine], dict[str, list[str]]]:
    substitutions: dict[str, list[str]] = {}
    agents: list[AgentLine] = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for lineno, raw in enumerate(handle, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            marker = re.fullmatch(r"!(\w+)!\s*=\s*(.+)", line)
            if marker:
                substitutions[marker.group(1)] = split_list(marker.group(2))
                continue
            if "[" not in line:
                continue
            phrase, _, rest = line.partition("[")
            code = re.split(r"[\]}]", rest, maxsplit=1)[0].strip().lstrip("~").upper()
            plural: str | None = None
            if "{" in phrase:
                phrase, _, braces = phrase.partition("{")
                plural = braces.partition("}")[0].strip()
            agents.append(AgentLine(phrase.strip(), plural, code, lineno))
    return agents, substitutions


# --------------------------------------------------------------------------------------------
# Country reference data (pycountry + curated)
# --------------------------------------------------------------------------------------------

# CAMEO country codes that differ from ISO 3166-1 alpha-3 (and Phoenix typos).
CAMEO_TO_ISO = {
    "USR": "SUN",  # CAMEO Soviet Union (Phoenix uses USRxxx for Soviet republics)
    "TMP": "TLS",  # CAMEO East Timor -> Timor-Leste
    "ROM": "ROU",  # pre-2002 Romania
    "ZAR": "COD",  # Zaire
    "KSV": "XKX",  # Kosovo: no ISO code; XKX is the common user-assigned code
    "FRY": "YUG",  # Federal Republic of Yugoslavia used ISO YUG until 2003
    "SRP": "BIH",  # Republika Srpska (entity of Bosnia and Herzegovina)
    "KRJ": "HRV",  # Republic of Serbian Krajina (in Croatia)
    "FRN": "FRA",  # Phoenix typo in FRNWLF (Wallis and Futuna)
}
CAMEO_NOTES = {
    "USR": "CAMEO code for the Soviet Union (Phoenix: USRxxx = Soviet republic xxx)",
    "TMP": "CAMEO/old ISO code for East Timor; Timor-Leste since 2002",
    "ROM": "ISO code of Romania before 2002",
    "ZAR": "Zaire, renamed DR Congo in 1997",
    "KSV": "Kosovo (Phoenix code); XKX is the common user-assigned code, not official ISO",
    "FRY": "Federal Republic of Yugoslavia 1992-2003 (ISO YUG)",
    "SRP": "Republika Srpska, an entity of Bosnia and Herzegovina",
    "KRJ": "Republic of Serbian Krajina 1991-95, in Croatia",
    "FRN": "Phoenix typo (FRNWLF = Wallis and Futuna, France)",
}
DROP_CAMEO_COUNTRIES = {"KNT"}  # Kinakuta: fictional TABARI test country

NOT_SOVEREIGN = set(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL "
    "GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN "
    "SJM SPM SXM TCA TKL UMI VGB VIR WLF".split()
)

DISPLAY_NAMES = {
    "RUS": "Russia",
    "GBR": "United Kingdom",
    "USA": "United States",
    "PRK": "North Korea",
    "KOR": "South Korea",
    "TWN": "Taiwan",
    "PSE": "Palestine",
    "VAT": "Vatican City",
    "FSM": "Micronesia",
    "VNM": "Vietnam",
    "CZE": "Czechia",
    "COD": "DR Congo",
    "COG": "Republic of the Congo",
    "MKD": "North Macedonia",
    "BRN": "Brunei",
    "SHN": "Saint Helena",
    "BES": "Caribbean Netherlands",
}
NO_INVERSION = {"TWN", "BES", "SHN"}

# code | demonyms | capitals and seats used as metonyms | other common forms
COUNTRY_EXTRAS = """
AFG | afghan | kabul |
ALB | albanian | tirana, tirane |
DZA | algerian | algiers |
AND | andorran | andorra la vella |
AGO | angolan | luanda |
ATG | antiguan, barbudan | | antigua
ARG | argentine, argentinian, argentinean | buenos aires | casa rosada
ARM | armenian | yerevan |
AUS | australian | canberra |
AUT | austrian | vienna |
AZE | azerbaijani, azeri | baku |
BHS | bahamian | nassau |
BHR | bahraini | manama |
BGD | bangladeshi | dhaka |
BRB | barbadian, bajan | bridgetown |
BLR | belarusian, belarussian | minsk | belorussia
BEL | belgian | |
BLZ | belizean | belmopan |
BEN | beninese | porto-novo, cotonou |
BTN | bhutanese | thimphu |
BOL | bolivian | la paz |
BIH | bosnian, herzegovinian | sarajevo | bosnia, bosnia-herzegovina
BWA | botswanan, motswana, batswana | gaborone |
BRA | brazilian | brasilia | planalto
BRN | bruneian | bandar seri begawan |
BGR | bulgarian | |
BFA | burkinabe | ouagadougou |
BDI | burundian | gitega, bujumbura |
CPV | cape verdean, cabo verdean | praia |
KHM | cambodian, khmer | phnom penh |
CMR | cameroonian | yaounde |
CAN | canadian | ottawa |
CAF | central african | bangui | central african republic
TCD | chadian | n'djamena, ndjamena |
CHL | chilean | |
CHN | chinese | beijing, peking | prc, p.r.c., zhongnanhai, mainland china
COL | colombian | bogota |
COM | comoran, comorian | moroni |
COG | | brazzaville | congo-brazzaville, congo republic, republic of the congo
COD | congolese | kinshasa | drc, d.r.c., dr congo, congo-kinshasa, democratic republic of congo
CRI | costa rican | |
CIV | ivorian | yamoussoukro, abidjan | ivory coast
HRV | croatian, croat | zagreb |
CUB | cuban | havana |
CYP | cypriot | nicosia |
CZE | czech | prague | czech republic
DNK | danish, dane | copenhagen |
DJI | djiboutian | |
DMA | | roseau | commonwealth of dominica
DOM | dominican | santo domingo |
ECU | ecuadorian, ecuadorean | quito |
EGY | egyptian | cairo |
SLV | salvadoran, salvadorean | san salvador |
GNQ | equatoguinean, equatorial guinean | malabo |
ERI | eritrean | asmara |
EST | estonian | tallinn |
SWZ | swazi | mbabane | swaziland
ETH | ethiopian | addis ababa |
FJI | fijian | suva |
FIN | finnish, finn | helsinki |
FRA | french | paris | elysee, the elysee, elysee palace, quai d'orsay
GAB | gabonese | libreville |
GMB | gambian | banjul | the gambia
GEO | georgian | tbilisi |
DEU | german | berlin |
GHA | ghanaian | accra |
GRC | greek, hellenic | athens |
GRD | grenadian | |
GTM | guatemalan | guatemala city |
GIN | guinean | conakry | guinea-conakry
GNB | bissau-guinean | bissau |
GUY | guyanese | |
HTI | haitian | port-au-prince |
HND | honduran | tegucigalpa |
HUN | hungarian, magyar | budapest |
ISL | icelandic, icelander | reykjavik |
IND | indian | new delhi |
IDN | indonesian | jakarta |
IRN | iranian, persian | tehran, teheran | islamic republic of iran
IRQ | iraqi | baghdad |
IRL | irish | dublin |
ISR | israeli | |
ITA | italian | rome |
JAM | jamaican | kingston |
JPN | japanese | tokyo | nippon, kantei
JOR | jordanian | amman |
KAZ | kazakh, kazakhstani | astana, nur-sultan |
KEN | kenyan | nairobi |
KIR | i-kiribati | tarawa, south tarawa |
PRK | north korean | pyongyang | north korea, dprk, d.p.r.k., n. korea, n.korea, n korea,
    democratic people's republic of korea, democratic peoples republic of korea, dpr korea
KOR | south korean | seoul | south korea, rok, r.o.k., s. korea, s.korea, s korea,
    republic of korea, blue house, cheong wa dae
KWT | kuwaiti | kuwait city |
KGZ | kyrgyz, kyrgyzstani, kirghiz | bishkek | kyrgyz republic
LAO | lao, laotian | vientiane |
LVA | latvian | riga |
LBN | lebanese | beirut |
LSO | basotho, mosotho | maseru |
LBR | liberian | monrovia |
LBY | libyan | tripoli |
LIE | liechtensteiner | vaduz |
LTU | lithuanian | vilnius |
LUX | luxembourgish, luxembourger | |
MDG | malagasy, madagascan | antananarivo |
MWI | malawian | lilongwe |
MYS | malaysian | kuala lumpur, putrajaya |
MDV | maldivian | |
MLI | malian | bamako |
MLT | maltese | valletta |
MHL | marshallese | majuro |
MRT | mauritanian | nouakchott |
MUS | mauritian | port louis |
MEX | mexican | mexico city |
FSM | micronesian | palikir | federated states of micronesia
MDA | moldovan | chisinau, kishinev |
MCO | monegasque | |
MNG | mongolian | ulaanbaatar, ulan bator |
MNE | montenegrin | podgorica |
MAR | moroccan | rabat |
MOZ | mozambican | maputo |
MMR | burmese | naypyidaw, nay pyi taw, yangon, rangoon | burma
NAM | namibian | windhoek |
NRU | nauruan | yaren |
NPL | nepali, nepalese | kathmandu |
NLD | dutch | amsterdam, the hague | holland
NZL | new zealander | wellington |
NIC | nicaraguan | managua |
NER | nigerien | niamey |
NGA | nigerian | abuja |
MKD | north macedonian | skopje | macedonia, republic of north macedonia
NOR | norwegian | oslo |
OMN | omani | muscat |
PAK | pakistani | islamabad |
PLW | palauan | ngerulmud |
PSE | palestinian | ramallah | palestinian territories, state of palestine, palestinian authority
PAN | panamanian | panama city |
PNG | papua new guinean | port moresby |
PRY | paraguayan | asuncion |
PER | peruvian | lima |
PHL | filipino, philippine | manila | malacanang
POL | polish | warsaw |
PRT | portuguese | lisbon |
QAT | qatari | doha |
ROU | romanian, rumanian | bucharest |
RUS | russian | moscow | russia, russian federation, kremlin, the kremlin
RWA | rwandan | kigali |
KNA | kittitian, nevisian | basseterre | st kitts and nevis, st. kitts and nevis
LCA | saint lucian | castries | st lucia, st. lucia
VCT | vincentian | kingstown | st vincent and the grenadines
WSM | samoan | apia |
SMR | sammarinese | |
STP | santomean | sao tome |
SAU | saudi, saudi arabian | riyadh |
SEN | senegalese | dakar |
SRB | serbian, serb | belgrade |
SYC | seychellois | |
SLE | sierra leonean | freetown |
SGP | singaporean | |
SVK | slovak, slovakian | bratislava |
SVN | slovenian, slovene | ljubljana |
SLB | solomon islander | honiara |
SOM | somali, somalian | mogadishu |
ZAF | south african | pretoria | union buildings
SSD | south sudanese | juba |
ESP | spanish, spaniard | madrid | la moncloa
LKA | sri lankan | colombo, sri jayawardenepura kotte |
SDN | sudanese | khartoum |
SUR | surinamese | paramaribo |
SWE | swedish, swede | stockholm |
CHE | swiss | bern, berne |
SYR | syrian | damascus |
TWN | taiwanese | taipei | republic of china
TJK | tajik, tajikistani | dushanbe |
TZA | tanzanian | dodoma, dar es salaam |
THA | thai | bangkok |
TLS | timorese, east timorese | dili | east timor, timor-leste
TGO | togolese | lome |
TON | tongan | nuku'alofa |
TTO | trinidadian, tobagonian | port of spain |
TUN | tunisian | tunis |
TUR | turkish, turk | ankara | turkey, turkiye
TKM | turkmen | ashgabat |
TUV | tuvaluan | funafuti |
UGA | ugandan | kampala |
UKR | ukrainian | kyiv, kiev | ukraine, bankova
ARE | emirati | abu dhabi | uae, u.a.e., emirates
GBR | british, briton | london | uk, u.k., britain, great britain, downing street, number 10,
    whitehall
USA | american | washington, washington dc, washington d.c. | united states,
    united states of america, us, u.s., u.s.a., usa, america, white house, the white house,
    pentagon, the pentagon
URY | uruguayan | montevideo |
UZB | uzbek, uzbekistani | tashkent |
VUT | ni-vanuatu | port vila |
VAT | vatican | | holy see, the holy see, the vatican, vatican city
VEN | venezuelan | caracas |
VNM | vietnamese | hanoi | viet nam
YEM | yemeni | sanaa, sana'a |
ZMB | zambian | lusaka |
ZWE | zimbabwean | harare |
XKX | kosovar, kosovan | pristina, prishtina | kosovo, republic of kosovo
HKG | hongkonger | | hong kong, hksar
MAC | macanese | | macau, macao
PRI | puerto rican | san juan |
GRL | greenlandic, greenlander | nuuk |
"""

DEMONYM_NO_PLURAL = {
    "french",
    "dutch",
    "swiss",
    "british",
    "irish",
    "welsh",
    "hellenic",
    "i-kiribati",
    "ni-vanuatu",
    "motswana",
    "batswana",
    "basotho",
    "mosotho",
    "philippine",
    "kyrgyz",
    "lao",
    "khmer",
    "magyar",
    "vatican",
    "luxembourgish",
    "icelandic",
    "greenlandic",
    "bissau-guinean",
    "turkmen",
    "persian",
    "cabo verdean",
}

# Historic states: code -> (display name, successor, curated aliases). The successor is a single
# ISO code (continuator or renamed state); states divided without a continuator have none.
DIVIDED_INTO = {
    "CSK": "CZE|SVK",
    "GEL": "KIR|TUV",
    "ANT": "CUW|SXM|BES",
    "PCI": "FSM|MHL|MNP|PLW",
    "NTZ": "IRQ|SAU",
}
HISTORIC = {
    "SUN": (
        "Soviet Union",
        "RUS",
        "soviet union, the soviet union, ussr, u.s.s.r., "
        "union of soviet socialist republics, soviet, soviets, the soviets, soviet russia",
    ),
    "YUG": (
        "Yugoslavia",
        "SCG",
        "yugoslavia, yugoslav, yugoslavian, yugoslavs, "
        "socialist federal republic of yugoslavia, sfr yugoslavia, sfry, "
        "federal republic of yugoslavia, fr yugoslavia, yugoslav federal republic",
    ),
    "CSK": (
        "Czechoslovakia",
        "",
        "czechoslovakia, czechoslovak, czechoslovakian, "
        "czechoslovak socialist republic, czech and slovak federative republic",
    ),
    "DDR": (
        "East Germany",
        "DEU",
        "east germany, east german, east germans, "
        "german democratic republic, gdr, g.d.r., east berlin",
    ),
    "SCG": (
        "Serbia and Montenegro",
        "SRB",
        "serbia and montenegro, state union of serbia and montenegro, serbia-montenegro",
    ),
    "YMD": ("South Yemen", "YEM", "south yemen, people's democratic republic of yemen, pdry"),
    "VDR": (
        "North Vietnam",
        "VNM",
        "north vietnam, north vietnamese, democratic republic of vietnam",
    ),
    "BUR": ("Burma (to 1989)", "MMR", "socialist republic of the union of burma"),
    "BYS": ("Byelorussian SSR", "BLR", "byelorussian ssr, byelorussian soviet socialist republic"),
    "DHY": ("Dahomey", "BEN", "dahomey, republic of dahomey"),
    "HVO": ("Upper Volta", "BFA", "upper volta, republic of upper volta"),
    "ZAR": ("Zaire", "COD", "zaire, republic of zaire, zairean, zairian"),
    "TMP": ("East Timor (to 2002)", "TLS", "portuguese timor"),
    "RHO": ("Southern Rhodesia", "ZWE", "southern rhodesia, rhodesia, rhodesian"),
    "SKM": ("Sikkim", "IND", "kingdom of sikkim"),
    "NHB": ("New Hebrides", "VUT", "new hebrides"),
    "GEL": ("Gilbert and Ellice Islands", "", "gilbert and ellice islands"),
    "ANT": ("Netherlands Antilles", "", "netherlands antilles"),
    "AFI": ("French Afars and Issas", "DJI", "french territory of the afars and the issas"),
    "PCZ": ("Panama Canal Zone", "PAN", "panama canal zone, canal zone"),
    "PCI": (
        "Trust Territory of the Pacific Islands",
        "",
        "trust territory of the pacific islands",
    ),
    "CTE": ("Canton and Enderbury Islands", "KIR", "canton and enderbury islands"),
    "FXX": ("Metropolitan France", "FRA", "metropolitan france"),
    "NTZ": ("Saudi-Iraqi Neutral Zone", "", "saudi-iraqi neutral zone"),
    "ATB": ("British Antarctic Territory", "ATA", "british antarctic territory"),
    "ATN": ("Dronning Maud Land", "ATA", "dronning maud land, queen maud land"),
    "JTN": ("Johnston Island", "UMI", "johnston island, johnston atoll"),
    "MID": ("Midway Islands", "UMI", "midway islands, midway atoll"),
    "PUS": ("US Miscellaneous Pacific Islands", "UMI", "us miscellaneous pacific islands"),
    "WAK": ("Wake Island", "UMI", "wake island"),
}
# Historic states that were distinct polities (their names win alias conflicts);
# the other historic codes are renames/reorganisations whose old names go to the successor.
DISTINCT_HISTORIC = {"SUN", "YUG", "CSK", "DDR", "SCG", "YMD", "VDR"}

# Aliases deliberately kept out of the country table (too ambiguous as bare strings).
EXCLUDED_COUNTRY_ALIASES = {
    "korea": ("PRK|KOR", "bare 'Korea' does not say which state"),
    "korean": ("PRK|KOR", "bare 'Korean' does not say which state"),
    "koreans": ("PRK|KOR", "bare 'Koreans' does not say which state"),
    "the koreas": ("PRK|KOR", "both Koreas"),
    "north": ("PRK|...", "bare direction word; 'the North' is PRK only in Korean context"),
    "south": ("KOR|...", "bare direction word; 'the South' is KOR only in Korean context"),
    "the north": ("PRK|...", "context-dependent (Korea, Ireland, Sudan, Vietnam, ...)"),
    "the south": ("KOR|...", "context-dependent (Korea, Sudan, Vietnam, ...)"),
    "congo": ("COD|COG", "two states share the name"),
    "the congo": ("COD|COG", "two states share the name"),
    "brussels": ("BEL|EU", "capital of Belgium and metonym for the EU"),
    "jerusalem": ("ISR|PSE", "contested capital; not used as a metonym here"),
    "male": ("MDV", "capital of the Maldives but an English word"),
    "victoria": ("SYC", "capital of Seychelles but a common name/place"),
    "georgetown": ("GUY", "capital of Guyana but also Penang, Washington DC, a university"),
    "santiago": ("CHL", "capital of Chile but many other places/people"),
    "sofia": ("BGR", "capital of Bulgaria but a common given name"),
    "san jose": ("CRI", "capital of Costa Rica but also a US city"),
    "sucre": ("BOL", "constitutional capital of Bolivia but also a currency/surname"),
    "hamilton": ("BMU", "capital of Bermuda but a common surname/place"),
    "yongsan": ("KOR", "presidential office 2022-2025 but also a Seoul district/US base"),
    "kiwi": ("NZL", "common noun"),
    "pole": ("POL", "common noun"),
    "dane": ("DNK", "also a given name"),
}
# Aliases kept but known to be ambiguous with things outside the country table.
KNOWN_AMBIGUITIES = {
    "dominican": ("DOM|DMA", "DOM", "also the demonym of Dominica (DMA)"),
    "congolese": ("COD|COG", "COD", "also the demonym of the Republic of the Congo"),
    "tripoli": ("LBY|LBN", "LBY", "capital of Libya; also a city in Lebanon"),
    "georgia": ("GEO|USA", "GEO", "also a US state"),
    "georgian": ("GEO|USA", "GEO", "also 'of the US state of Georgia'"),
    "washington": ("USA", "USA", "also the US state and a surname"),
    "us": ("USA", "USA", "also the pronoun 'us': match it only when written with a capital"),
    "uk": ("GBR", "GBR", "match it only when written with capitals"),
    "macedonia": ("MKD|GRC", "MKD", "also a region of Greece"),
    "azerbaijan": ("AZE|IRN", "AZE", "also provinces of Iran"),
    "luxembourg": ("LUX|BEL", "LUX", "also a province of Belgium"),
    "kingston": ("JAM", "JAM", "capital of Jamaica; also Canadian/UK/US towns"),
    "indian": ("IND", "IND", "also Native American / Indian Ocean"),
    "american": ("USA", "USA", "also 'of the Americas'"),
    "chinese": ("CHN|TWN", "CHN", "ethnic/linguistic use also covers Taiwan and diaspora"),
    "republic of china": ("TWN|CHN", "TWN", "official name of Taiwan; 1912-49 China"),
    "holland": ("NLD", "NLD", "also the Dutch provinces North/South Holland"),
    "turkey": ("TUR", "TUR", "also the bird"),
    "chad": ("TCD", "TCD", "also a given name"),
    "jordan": ("JOR", "JOR", "also a given name and the river"),
}

# Korean regions that Phoenix filed under North Korea although they lie (mostly) in the South.
PHOENIX_ALIAS_FIXES = {
    ("PRK", "chungcheong"): "KOR",
    ("PRK", "gyeongsang"): "KOR",
    ("PRK", "jeolla"): "KOR",
    ("PRK", "honam"): "KOR",
    ("PRK", "hoseo"): "KOR",
    ("PRK", "yeongnam"): "KOR",
    ("PRK", "yeongdong"): "KOR",
    ("PRK", "yeongseo"): "KOR",
    ("PRK", "gwandong"): "",  # Gangwon region, split by the DMZ: drop
    ("PRK", "kim's joseon dynasty"): "",
    ("SCG", "yugoslav federal republic"): "",  # FRY: a YUG alias (curated there)
}

# Extra name stems for recognising Phoenix spellings of a country's own name.
NAME_KEY_EXTRAS = {
    "KOR": [
        "corea",
        "corean",
        "skorea",
        "hanguk",
        "han'guk",
        "hangug",
        "daehan",
        "daehanminguk",
        "kankoku",
        "minguo",
        "taehan",
        "min'guk",
    ],
    "PRK": [
        "corea",
        "nkorea",
        "choson",
        "chosun",
        "pukchoson",
        "chaoxian",
        "minjujuui",
        "inmin",
        "konghwaguk",
        "gonghwaguk",
        "minzhuzhuyi",
        "renmin",
        "gongheguo",
    ],
    "RUS": ["rossiya", "rossija", "rossijskaja", "rossiyskaya", "ryssland"],
    "CHN": ["zhongguo", "zhong"],
    "JPN": ["nihon"],
}

GENERIC_NAME_TOKENS = set(
    "north south east west new saint st. st republic united states state kingdom federal "
    "federation socialist union arab islamic central great grand principality city the and of "
    "commonwealth territory former plurinational bolivarian sultanate emirates people people's "
    "peoples democratic federated cooperative independent autonomous province region capital "
    "district lake mount port bay gulf sea river coast nation national islands island "
    "republic's soviet occupied".split()
)

# Single-token place names that collide with common words or names.
PLACE_STOPLIST = set(
    "vladimir molotov kirov gorky gorki gorkiy perm tula oryol kurgan altai buryat chuvash "
    "udmurt mari komi sakha tyva ivanovo penza ryazan samara omsk kaluga kursk tver pskov "
    "tambov tomsk lipetsk bryansk belgorod smolensk novgorod rostov vologda voronezh orenburg "
    "kemerovo magadan sakhalin kamchatka amur primorsky stavropol krasnodar irkutsk "
    "georgia jersey victoria wellington columbia lincoln jackson madison washington "
    "hamilton kingston richmond cambridge oxford paris berlin moscow london".split()
) - {"paris", "berlin", "moscow", "london"}


# --------------------------------------------------------------------------------------------
# Country table
# --------------------------------------------------------------------------------------------


@dataclass
class CountryRow:
    code: str
    name: str
    kind: str
    successor: str = ""
    core: list[str] = field(default_factory=list)  # pycountry + curated
    phoenix: list[str] = field(default_factory=list)  # name-like Phoenix aliases
    names: list[str] = field(default_factory=list)  # names and demonyms (for name_like)


def pycountry_aliases(code: str) -> list[str]:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return []
    raw: list[str] = []
    for attr in ("name", "official_name", "common_name"):
        value = getattr(country, attr, None)
        if isinstance(value, str) and value:
            raw.append(value)
    out: list[str] = []
    for value in raw:
        inner = re.findall(r"\(([^)]*)\)", value)
        base = re.sub(r"\s*\([^)]*\)", "", value).strip()
        candidates = [base, *inner]
        for cand in candidates:
            if ", " in cand:
                if code in NO_INVERSION:
                    continue
                head, tail = cand.split(", ", 1)
                inverted = f"{tail} {head}"
                candidates.append(inverted)
                if inverted.lower().startswith("the "):
                    candidates.append(inverted[4:])
                continue
            low = norm_phrase(cand)
            out.extend([low, fold_accents(low)])
    return unique(out)


def demonym_forms(demonyms: Sequence[str]) -> list[str]:
    forms: list[str] = []
    for dem in demonyms:
        forms.append(dem)
        last = dem.split(" ")[-1]
        if dem in DEMONYM_NO_PLURAL or last.endswith(("ese", "sh", "ss", "y", "o", "z", "i-")):
            continue
        forms.append(dem + "s")
    return forms


def build_country_rows() -> dict[str, CountryRow]:
    rows: dict[str, CountryRow] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        name = DISPLAY_NAMES.get(code) or getattr(country, "common_name", None) or country.name
        kind = "territory" if code in NOT_SOVEREIGN else "state"
        rows[code] = CountryRow(code, name, kind, core=pycountry_aliases(code))
    rows["XKX"] = CountryRow("XKX", "Kosovo", "state")
    for code, (name, successor, aliases) in HISTORIC.items():
        if code in rows:
            continue
        hist = pycountry.historic_countries.get(alpha_3=code)
        if hist is None:
            continue
        rows[code] = CountryRow(code, name, "historic", successor, core=split_list(aliases))
    for line in logical_lines(COUNTRY_EXTRAS):
        code, demonyms, capitals, extras = (part.strip() for part in line.split("|"))
        row = rows[code]
        row.core.extend(demonym_forms(split_list(demonyms)))
        row.names.extend(split_list(demonyms))
        row.core.extend(split_list(capitals))
        row.core.extend(split_list(extras))
    for row in rows.values():
        row.names.extend([norm_phrase(row.name), *pycountry_aliases(row.code)])
        if row.kind == "historic":
            row.names.extend(row.core)
        row.core.insert(0, norm_phrase(row.name))
        row.core = unique(a for a in row.core if a not in EXCLUDED_COUNTRY_ALIASES)
    return rows


def iso_for_prefix(prefix: str, known: set[str]) -> str | None:
    if prefix in DROP_CAMEO_COUNTRIES:
        return None
    mapped = CAMEO_TO_ISO.get(prefix, prefix)
    return mapped if mapped in known else None


def entry_country(entry: ActorEntry, known: set[str], territories: set[str]) -> str | None:
    """The country an entry names, if it is a country/territory/place entry (no sector code)."""
    best: tuple[bool, bool, dt.date, dt.date, str] | None = None
    for span in entry.real_codes():
        code = span.code
        found: str | None = None
        if len(code) == 3:
            found = iso_for_prefix(code, known)
        elif len(code) == 6 and iso_for_prefix(code[:3], known):
            if code[3:] in territories:
                found = code[3:]  # CAMEO sub-code for a dependency, e.g. GBRFLK -> FLK
            elif code[3:] not in SECTORS:
                found = iso_for_prefix(code[:3], known)  # e.g. BIHSRP, PSEGZA, ARMUNR
        if found is None:
            continue
        key = (
            not span.dated,
            span.end is None,
            span.start or dt.date.min,
            span.end or dt.date.max,
            found,
        )
        if best is None or key > best:
            best = key
    return best[4] if best else None


def token_keys(aliases: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for alias in aliases:
        for token in re.split(r"[\s\-/]+", alias):
            token = token.strip(".,'()")
            if len(token) >= 4 and token not in GENERIC_NAME_TOKENS:
                keys.add(token[:4])
    return keys


def name_like(alias: str, keys: set[str], core: set[str]) -> bool:
    """A Phoenix alias that reads like a name of the country itself (not a place in it)."""
    if alias in core:
        return True
    tokens = [t.strip(".,'()") for t in re.split(r"[\s\-/.]+", alias)]
    tokens = [t for t in tokens if len(t) >= 4 and t not in GENERIC_NAME_TOKENS]
    return bool(tokens) and all(t[:4] in keys for t in tokens)


@dataclass
class Ambiguity:
    alias: str
    candidates: str
    resolved_to: str
    table: str
    note: str


def resolve_country_aliases(
    rows: dict[str, CountryRow],
    places: dict[str, list[str]],
    ambiguities: list[Ambiguity],
) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Give every alias exactly one country; returns (aliases per code, alias -> code)."""
    claims: dict[str, list[tuple[str, bool]]] = defaultdict(list)  # alias -> [(code, core)]
    for row in rows.values():
        for alias in row.core:
            claims[alias].append((row.code, True))
        for alias in row.phoenix:
            if alias not in row.core:
                claims[alias].append((row.code, False))
    owner: dict[str, str] = {}
    for alias, raw_claims in claims.items():
        codes = unique(code for code, _ in raw_claims)
        if len(codes) == 1:
            owner[alias] = codes[0]
            continue
        core_codes = unique(code for code, is_core in raw_claims if is_core)
        if alias in KNOWN_AMBIGUITIES:
            winner = KNOWN_AMBIGUITIES[alias][1]
            note = "known ambiguity: " + KNOWN_AMBIGUITIES[alias][2]
        elif len(core_codes) == 1:
            winner, note = core_codes[0], "curated/ISO name wins over Phoenix alias"
        else:
            pool = core_codes or codes
            distinct = [c for c in pool if c in DISTINCT_HISTORIC]
            current = [c for c in pool if rows[c].kind != "historic"]
            if len(distinct) == 1:
                winner, note = distinct[0], "historic state keeps its own name"
            elif len(current) == 1:
                winner, note = current[0], "old name of a renamed state goes to the successor"
            else:
                winner, note = "", "dropped: claimed by several countries"
        if winner:
            owner[alias] = winner
        ambiguities.append(Ambiguity(alias, "|".join(codes), winner, "countries", note))
    per_code: dict[str, list[str]] = defaultdict(list)
    for row in rows.values():
        for alias in unique([*row.core, *row.phoenix]):
            if owner.get(alias) == row.code:
                per_code[row.code].append(alias)
    # curated notes for aliases that are kept but ambiguous outside the table
    for alias, (cands, winner, note) in KNOWN_AMBIGUITIES.items():
        if alias in owner and not any(a.alias == alias for a in ambiguities):
            ambiguities.append(Ambiguity(alias, cands, winner, "countries", "known: " + note))
    for alias, (cands, note) in EXCLUDED_COUNTRY_ALIASES.items():
        ambiguities.append(Ambiguity(alias, cands, "", "countries", "excluded: " + note))
    # places: drop anything that is a country alias or claimed by several countries
    place_owner: dict[str, str] = {}
    for alias, codes in places.items():
        ucodes = unique(codes)
        if alias in owner:
            continue
        if len(ucodes) > 1:
            ambiguities.append(
                Ambiguity(
                    alias,
                    "|".join(ucodes),
                    "",
                    "places",
                    "dropped: Phoenix files it under several countries",
                )
            )
            continue
        place_owner[alias] = ucodes[0]
    return per_code, place_owner


# --------------------------------------------------------------------------------------------
# Person / institution classification
# --------------------------------------------------------------------------------------------

INSTITUTION_WORDS = set(
    "army armed force forces party council assembly ministry department office agency service "
    "services committee congress court bureau guard guards front movement brigade brigades "
    "alliance coalition union republic state states government administration president "
    "secretary minister house palace team tank university intelligence community police league "
    "organization organisation soviet politburo duma parliament senate declaration observatory "
    "task rifles islands of the and for national federal central united commission authority "
    "reserve liberation islamic revolutionary democratic communist socialist group groups cell "
    "cells nuclei nucleus battalion foundation institute association society fund bank program "
    "programme mission embassy consulate tribunal board academy directorate command corps "
    "division regiment navy military security special staff chief head leader regime junta "
    "emirate caliphate hawks revenge martyrs anarchist anarchists network organ system riot "
    "assembly parliamentary representative ambassador envoy monitor monitors peacekeeper "
    "peacekeepers contingent secretariat bodies project initiative panel treaty conference "
    "center centre federation cooperation development international world european african "
    "asian american arab un u.n. nations unit units agencies fighters warriors combatants "
    "resistance jihad brotherhood jamaat tehrik lashkar jaish harakat hezbollah hizb ansar "
    "al-qaeda qaeda taliban sons children daughters women youth students workers "
    "committees commandos squad squads legion cartel clan tribe tribes coordination "
    "solidarity action struggle victory".split()
)


def looks_like_person(name: str) -> bool:
    words = norm_phrase(name).split(" ")
    if not 2 <= len(words) <= 6:
        return False
    if any(ch.isdigit() for ch in name) or "(" in name or "/" in name:
        return False
    return not any(word in INSTITUTION_WORDS for word in words)


def is_person(entry: ActorEntry) -> bool:
    if entry.countryinfo:
        return True
    return looks_like_person(entry.head)


# --------------------------------------------------------------------------------------------
# Sectors
# --------------------------------------------------------------------------------------------

SECTORS = set(
    "GOV MIL DIP LEG JUD COP MED BUS REB OPP CVL EDU SPY HOS ELI CRM HLH UAF AGR REL LAB REF "
    "PTY CHR HIN ENV NGO MUS BUD JEW HRI RAD PPL DEV IMG IGO INS MNC SEP MOD".split()
)


def sector_of(rest: str) -> str:
    """CAMEO role chain after the country part ('GOVMIL') -> one redline sector."""
    parts = [rest[i : i + 3] for i in range(0, len(rest) - len(rest) % 3, 3)]
    if not parts:
        return ""
    primary = parts[0]
    secondary = parts[1] if len(parts) > 1 else ""
    if primary == "GOV" and secondary in {"MIL", "SPY", "JUD", "COP", "LEG"}:
        return secondary
    if primary == "MIL" and secondary == "SPY":
        return "SPY"
    return primary


# --------------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------------

# code | name | kind | cameo | parent | aliases (';'-separated)
ORGANISATIONS = """
UN | United Nations | igo | IGOUNO | | united nations; the united nations; un; u.n.; the un;
    the u.n.; un secretariat; united nations secretariat; un secretary-general;
    un secretary general; u.n. secretary-general; secretary-general of the united nations; unsg;
    un chief; u.n. chief
UNSC | UN Security Council | igo_body | IGOUNO | UN | un security council; u.n. security council;
    united nations security council; unsc
UNGA | UN General Assembly | igo_body | IGOUNO | UN | un general assembly; u.n. general assembly;
    united nations general assembly; unga
UNC | United Nations Command | igo_body | IGOUNO | UN | united nations command; un command;
    u.n. command
UNHRC | UN Human Rights Council | igo_body | IGOUNOHRI | UN | un human rights council;
    u.n. human rights council; united nations human rights council; unhrc
OHCHR | UN Human Rights Office | igo_body | IGOUNOHRIHCH | UN | ohchr; un human rights office;
    un high commissioner for human rights; united nations high commissioner for human rights;
    office of the un high commissioner for human rights
UNHCR | UN Refugee Agency | igo_body | IGOUNOREFHCR | UN | unhcr; un refugee agency;
    u.n. refugee agency; united nations high commissioner for refugees;
    un high commissioner for refugees
UNICEF | UNICEF | igo_body | IGOUNOKID | UN | unicef; united nations children's fund;
    un children's fund
WFP | World Food Programme | igo_body | IGOUNOWFP | UN | world food programme; world food program;
    wfp; un world food programme
WHO | World Health Organization | igo_body | IGOUNOHLHWHO | UN | world health organization;
    world health organisation; w.h.o.
IAEA | International Atomic Energy Agency | igo_body | IGOUNOIAE | UN | iaea;
    international atomic energy agency; un nuclear watchdog; u.n. nuclear watchdog
ICJ | International Court of Justice | igo_body | IGOUNOJUDICJ | UN | icj;
    international court of justice; world court
UNDP | UN Development Programme | igo_body | IGOUNODEV | UN | undp;
    united nations development programme; un development programme
FAO | Food and Agriculture Organization | igo_body | IGOUNOAGRFAO | UN | fao;
    food and agriculture organization; un food and agriculture organization
ILO | International Labour Organization | igo_body | IGOUNOLABILO | UN | ilo;
    international labour organization; international labor organization
IPCC | Intergovernmental Panel on Climate Change | igo_body | IGOUNOENV | UN | ipcc;
    intergovernmental panel on climate change
ITU | International Telecommunication Union | igo_body | IGOUNOMED | UN | itu;
    international telecommunication union; international telecommunications union
UNWTO | UN Tourism (World Tourism Organization) | igo_body | IGOUNOBUS | UN | unwto;
    world tourism organization; un tourism
IPU | Inter-Parliamentary Union | igo | IGOLEGIPU | | ipu; inter-parliamentary union;
    inter parliamentary union
ICAO | International Civil Aviation Organization | igo_body | IGOUNOBUS | UN | icao;
    international civil aviation organization
UNESCO | UNESCO | igo_body | IGOUNO | UN | unesco;
    united nations educational, scientific and cultural organization
WB | World Bank | igo | IGOUNODEVWBK | | world bank; the world bank; world bank group
IMF | International Monetary Fund | igo | IGOBUSIMF | | imf; international monetary fund
WTO | World Trade Organization | igo | IGOBUSWTO | | wto; world trade organization;
    world trade organisation
OECD | OECD | igo | IGOWSTBUS | | oecd; organisation for economic co-operation and development;
    organization for economic cooperation and development
IEA | International Energy Agency | igo_body | IGOUNOAIE | OECD | international energy agency
OPEC | OPEC | igo | IGOBUSOPC | | opec; organization of the petroleum exporting countries;
    organization of petroleum exporting countries
OAPEC | OAPEC | igo | IGOARBBUSAPE | | oapec; organization of arab petroleum exporting countries
NATO | NATO | igo | IGOWSTNAT | | nato; n.a.t.o.; north atlantic treaty organization;
    north atlantic treaty organisation; north atlantic alliance; atlantic alliance
EU | European Union | igo | IGOEUREEC | | european union; the european union; eu; e.u.; the eu;
    european community; european economic community; eec
EC | European Commission | igo_body | IGOEUREEC | EU | european commission; eu commission;
    the commission in brussels
EP | European Parliament | igo_body | IGOEUREEC | EU | european parliament; eu parliament
EUCO | European Council | igo_body | IGOEUREEC | EU | european council
COE | Council of Europe | igo | IGOEURCOE | | council of europe
OSCE | OSCE | igo | IGOEURSCE | | osce; organization for security and co-operation in europe;
    organization for security and cooperation in europe;
    conference on security and cooperation in europe; csce;
    organisation for security and cooperation in europe;
    organisation for security and co-operation in europe
EFTA | European Free Trade Association | igo | IGOEURBUSEFT | | efta;
    european free trade association
EBRD | European Bank for Reconstruction and Development | igo | IGOEURDEVEBR | | ebrd;
    european bank for reconstruction and development
ASEAN | ASEAN | igo | IGOSEAASN | | asean; association of southeast asian nations;
    association of south east asian nations
AU | African Union | igo | IGOAFRAFU | | african union; a.u.; au peace and security council
OAU | Organisation of African Unity | historic | IGOAFROAU | | oau; organization of african unity;
    organisation of african unity
ECOWAS | ECOWAS | igo | IGOWAFWAS | | ecowas; economic community of west african states
SADC | SADC | igo | IGOSAFDEVSAD | | sadc; southern african development community
EAC | East African Community | igo | IGOEAFEAC | | east african community
IGAD | IGAD | igo | IGOEAFDEVIAD | | igad; intergovernmental authority on development
LAS | Arab League | igo | IGOMEAARL | | arab league; league of arab states; the arab league
GCC | Gulf Cooperation Council | igo | IGOPGSGCC | | gcc; gulf cooperation council;
    cooperation council for the arab states of the gulf
OIC | Organisation of Islamic Cooperation | igo | IGOMOSOIC | | oic;
    organisation of islamic cooperation; organization of islamic cooperation;
    organization of the islamic conference; organisation of the islamic conference
OAS | Organization of American States | igo | IGOOAS | | oas; organization of american states
CARICOM | CARICOM | igo | IGOCRB | | caricom; caribbean community
MERCOSUR | Mercosur | igo | IGOSAM | | mercosur; mercosul; southern common market
UNASUR | UNASUR | igo | IGOSAM | | unasur; union of south american nations
ANDEAN | Andean Community | igo | IGOSAM | | andean community
SCO | Shanghai Cooperation Organisation | igo | IGOCAS | | sco; shanghai cooperation organisation;
    shanghai cooperation organization
CIS | Commonwealth of Independent States | igo | IGOCASCIS | | commonwealth of independent states
CSTO | Collective Security Treaty Organization | igo | IGO | | csto;
    collective security treaty organization; collective security treaty organisation
EAEU | Eurasian Economic Union | igo | IGO | | eaeu; eurasian economic union; eurasian union
BRICS | BRICS | forum | IGO | | brics
G7 | Group of Seven | forum | IGOGOS | | g7; g-7; group of seven; g7 summit
G8 | Group of Eight | historic | IGOGOE | | g8; g-8; group of eight
G20 | Group of Twenty | forum | IGO | | g20; g-20; group of twenty; g20 summit
G77 | Group of 77 | forum | IGOBUSGSS | | g77; g-77; group of 77; group of seventy-seven;
    group of seventy seven
APEC | APEC | forum | IGO | | apec; asia-pacific economic cooperation
QUAD | Quadrilateral Security Dialogue | forum | IGO | | quadrilateral security dialogue; the quad
AUKUS | AUKUS | forum | IGO | | aukus
NONALIGNED | Non-Aligned Movement | igo | IGONON | | non-aligned movement; nonaligned movement;
    organization of non aligned countries
CWN | Commonwealth of Nations | igo | IGOCWN | | commonwealth of nations; the commonwealth
WARSAW | Warsaw Pact | historic | IGOEEU | | warsaw pact; warsaw treaty organization
SEATO | SEATO | historic | IGOSEABUSSOT | | seato; southeast asia treaty organization;
    southeast asia collective defense treaty
INTERPOL | Interpol | igo | IGOCOPITP | | interpol; international criminal police organization
OPCW | OPCW | igo | IGO | | opcw; organisation for the prohibition of chemical weapons;
    organization for the prohibition of chemical weapons
CTBTO | CTBTO | igo | IGO | | ctbto; comprehensive nuclear-test-ban treaty organization
NSG | Nuclear Suppliers Group | forum | IGOBUS | | nuclear suppliers group
ICC | International Criminal Court | igo | IGOJUDICC | | international criminal court; icc
ADB | Asian Development Bank | igo | IGOASADEVADB | | asian development bank; adb
AFDB | African Development Bank | igo | IGOAFRDEVAFB | | african development bank; afdb
IDB | Inter-American Development Bank | igo | IGONAMDEV | | inter-american development bank;
    inter american development bank
ISDB | Islamic Development Bank | igo | IGOMOSDEVIDB | | islamic development bank
BIS | Bank for International Settlements | igo | IGOBUSBIS | | bank for international settlements
AIIB | Asian Infrastructure Investment Bank | igo | IGO | | aiib;
    asian infrastructure investment bank
ICRC | International Committee of the Red Cross | ngo | NGOHLHIRC | | icrc;
    international committee of the red cross; red cross
AMNESTY | Amnesty International | ngo | NGOHRIAMN | | amnesty international
HRW | Human Rights Watch | ngo | NGOHRIHRW | | human rights watch; hrw
MSF | Medecins Sans Frontieres | ngo | NGOHLHMSF | | doctors without borders;
    medecins sans frontieres; msf
"""

CAMEO_TO_ORG = {
    "IGOUNO": "UN",
    "IGOUNOIAE": "IAEA",
    "IGOUNOJUDICJ": "ICJ",
    "IGOUNOKID": "UNICEF",
    "IGOUNOREFHCR": "UNHCR",
    "IGOUNOHRIHCH": "OHCHR",
    "IGOUNOHLHWHO": "WHO",
    "IGOUNOHLHWHOMED": "WHO",
    "IGOUNOWFP": "WFP",
    "IGOUNOLABILO": "ILO",
    "IGOUNOAGRFAO": "FAO",
    "IGOUNODEVWBK": "WB",
    "IGOUNOWBK": "WB",
    "IGOUNOENV": "IPCC",
    "IGOUNOAIE": "IEA",
    "IGOWSTNAT": "NATO",
    "IGOEUREEC": "EU",
    "IGOSEAASN": "ASEAN",
    "IGOAFRAFU": "AU",
    "IGOAFROAU": "OAU",
    "IGOBUSIMF": "IMF",
    "IGOBUSWTO": "WTO",
    "IGOBUSOPC": "OPEC",
    "IGOOPC": "OPEC",
    "IGOARBBUSAPE": "OAPEC",
    "IGOWSTBUS": "OECD",
    "IGOEURCOE": "COE",
    "IGOEURSCE": "OSCE",
    "IGOEURBUSEFT": "EFTA",
    "IGOEURDEVEBR": "EBRD",
    "IGOWAFWAS": "ECOWAS",
    "IGOWAFBUSWAS": "ECOWAS",
    "IGOSAFDEVSAD": "SADC",
    "IGOSAFSAD": "SADC",
    "IGOEAFEAC": "EAC",
    "IGOEAFDEVIAD": "IGAD",
    "IGODEVIAD": "IGAD",
    "IGOMEAARL": "LAS",
    "IGOPGSGCC": "GCC",
    "IGOMOSOIC": "OIC",
    "IGOOAS": "OAS",
    "IGOCASCIS": "CIS",
    "IGOGOS": "G7",
    "IGOGOE": "G8",
    "IGOBUSGOE": "G8",
    "IGOBUSGSS": "G77",
    "IGONON": "NONALIGNED",
    "IGOCWN": "CWN",
    "IGOEEU": "WARSAW",
    "IGOSEABUSSOT": "SEATO",
    "IGOSEASOT": "SEATO",
    "IGOCOPITP": "INTERPOL",
    "IGOASADEVADB": "ADB",
    "IGOAFRDEVAFB": "AFDB",
    "IGONAMDEV": "IDB",
    "IGOMOSDEVIDB": "ISDB",
    "IGOBUSBIS": "BIS",
    "IGOJUDICC": "ICC",
}
# Sub-bodies recognised inside a parent's Phoenix aliases.
ORG_ROUTING = (
    ("UN", ("security council", "unsc"), "UNSC"),
    ("UN", ("general assembly", "unga"), "UNGA"),
    ("UN", ("human rights council",), "UNHRC"),
    ("EU", ("european commission", "eu commission"), "EC"),
    ("EU", ("european parliament",), "EP"),
    ("EU", ("european council",), "EUCO"),
)
# Aliases never attached to an organisation (too generic or national usage dominates).
ORG_ALIAS_STOPLIST = {
    "security council",
    "the security council",
    "who",
    "au",
    "the commission",
    "commonwealth",
    "un bodies",
    "quad",
    "cis",
    "western european union",
    "international government organisation",
    "international government organization",
}


@dataclass
class OrgRow:
    code: str
    name: str
    kind: str
    cameo: str
    parent: str
    aliases: list[str]
    phoenix_aliases: list[str] = field(default_factory=list)


def curated_orgs() -> dict[str, OrgRow]:
    orgs: dict[str, OrgRow] = {}
    for line in logical_lines(ORGANISATIONS):
        code, name, kind, cameo, parent, aliases = (part.strip() for part in line.split("|"))
        orgs[code] = OrgRow(code, name, kind, cameo, parent, split_list(aliases, ";"))
    return orgs


def acronym_code(entry_names: Sequence[str], head: str) -> str:
    for alias in entry_names:
        if re.fullmatch(r"[a-z]{2,8}", alias):
            return alias.upper()
    words = [
        w
        for w in re.split(r"[\s\-]+", head)
        if w and w not in {"of", "the", "and", "for", "on", "in", "de", "la"}
    ]
    initials = "".join(w[0] for w in words if w[0].isalpha()).upper()[:10]
    if len(initials) >= 2:
        return initials
    return re.sub(r"[^A-Z]", "", head.upper())[:10] or "ORG"


# --------------------------------------------------------------------------------------------
# Agents
# --------------------------------------------------------------------------------------------

PREPOSITIONS = {
    "of",
    "for",
    "to",
    "in",
    "on",
    "at",
    "with",
    "from",
    "and",
    "along",
    "their",
    "its",
    "by",
}
STEM_EXPANSIONS = {
    "minist": ["minister", "ministers", "ministry", "ministries"],
    "authorit": ["authority", "authorities"],
    "compan": ["company", "companies"],
}


def english_plural(phrase: str) -> str | None:
    words = phrase.split(" ")
    if any(w in PREPOSITIONS for w in words[1:]) or not words[-1].isalpha():
        return None
    last = words[-1]
    if last.endswith("s") and not last.endswith("ss"):
        return None  # already plural (forces, securities) or not countable
    if last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith("person"):
        plural = last[:-6] + "people"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return " ".join([*words[:-1], plural])


def expand_agent_phrase(phrase: str, subs: dict[str, list[str]]) -> list[tuple[str, bool]]:
    """Phoenix agent phrase -> [(surface form, is_generated_variant)]."""
    text = phrase.replace("AD!MINIST!", "ADMINIST")
    forms = [text]
    for marker, values in subs.items():
        token = f"!{marker}!"
        if any(token in f for f in forms):
            forms = unique(f.replace(token, v) for f in forms for v in values)
    out: list[tuple[str, bool]] = []
    for form in forms:
        low = norm_phrase(form)
        last = low.split(" ")[-1] if low else ""
        if last in STEM_EXPANSIONS:
            stem = low[: -len(last)]
            out.extend((stem + full, True) for full in STEM_EXPANSIONS[last])
        else:
            out.append((low, form != text))
    return out


DIPLOMATIC_WORDS = (
    "ambassador",
    "envoy",
    "diplomat",
    "embassy",
    "consul",
    "charge d'affaires",
    "emissary",
    "legate",
    "high commission",
    "permanent representative",
    "mission to the",
    "representative to the un",
)

# alias | sector  (manual additions and overrides of Phoenix sectors)
MANUAL_AGENTS = """
president, presidents, head of state, heads of state, chief of state, king, queen, monarch,
    emperor, empress, supreme leader, sovereign, acting president, interim president | HOS
the government, government, governments, government official, government officials, official,
    officials, authorities, presidential office, office of the president,
    presidential administration, presidential aide, presidential adviser, presidential advisor,
    presidential chief of staff, national security office, national security council,
    national security adviser, national security advisor, security council secretary,
    secretary of the security council, foreign minister, foreign ministers, foreign ministry,
    foreign ministries, ministry of foreign affairs, foreign affairs ministry,
    foreign affairs minister, vice foreign minister, deputy foreign minister,
    first vice foreign minister, foreign secretary, secretary of state, prime minister, premier,
    cabinet, chief cabinet secretary, unification minister, unification ministry,
    ministry of unification, spokesman, spokesmen, spokeswoman, spokeswomen, spokesperson,
    spokespersons, spokespeople, press secretary, presidential spokesman,
    presidential spokesperson, government spokesman, government spokesperson,
    foreign ministry spokesman, foreign ministry spokeswoman, foreign ministry spokesperson,
    kremlin spokesman, kremlin spokesperson, deputy prime minister, first deputy prime minister,
    vice president | GOV
defence minister, defense minister, defence ministers, defense ministers, defence ministry,
    defense ministry, ministry of defence, ministry of defense, ministry of national defence,
    ministry of national defense, national defence ministry, national defense ministry,
    defence secretary, defense secretary, secretary of defense, secretary of war, war secretary,
    department of war, war department, department of defense, army, armies, troops, troop,
    soldiers, soldier, forces, armed forces, military, militaries, navy, air force, marines,
    marine corps, military officials, military official, general staff, chief of general staff,
    chief of the general staff, joint chiefs of staff, chairman of the joint chiefs of staff,
    joint chiefs, defence forces, defense forces, military commanders, military commander,
    warplanes, fighter jets, artillery | MIL
intelligence service, intelligence services, intelligence agency, intelligence agencies,
    spy agency, spy agencies, spy service, spy services, intelligence chief, spy chief, spymaster,
    intelligence officials, intelligence official, intelligence officer, intelligence officers,
    national intelligence service, military intelligence, intelligence directorate,
    foreign intelligence service, security service, security services, secret service,
    secret police | SPY
parliament, parliaments, state duma, duma, national assembly, federation council,
    supreme people's assembly, lawmakers, lawmaker, legislators, legislator, legislature, congress,
    senate, house of representatives, verkhovna rada, rada, upper house, lower house,
    parliamentary speaker, speaker of parliament, mp, mps, member of parliament,
    members of parliament | LEG
state media, state-run media, state-controlled media, state news agency, state-run news agency,
    news agency, news agencies, official news agency, state television, state tv,
    state-run television, state-run tv, state broadcaster, state newspaper, party newspaper,
    state-owned media, state-owned news agency, state-owned television, national news agency,
    official media | MED
ambassador, ambassadors, envoy, envoys, special envoy, diplomat, diplomats, embassy, embassies,
    consul, consulate, consul general, charge d'affaires, emissary | DIP
police, police officers, riot police | COP
rebels, rebel, insurgents, militants, separatists | REB
protesters, demonstrators, activists, opposition, opposition party, opposition lawmakers | OPP
civilians, civilian, residents, villagers, refugees | CVL
students, student, university, universities, teachers | EDU
court, courts, judge, judges, prosecutors, prosecutor, supreme court, constitutional court | JUD
businessmen, business leaders, company, companies, firms | BUS
"""


@dataclass
class AgentRow:
    alias: str
    sector: str
    note: str


# --------------------------------------------------------------------------------------------
# Manual people (the project's own data)
# --------------------------------------------------------------------------------------------
# Format:  "@ Display Name | COUNTRY"  then "+ alias; alias; ..." lines (lowercase), then
# role lines "ROLE FROM TO [SECTOR] [COUNTRY]" (dates ISO; "-" = empty; TO "-" = in office as
# of 2026-11 as far as known).  Sector defaults to the role's sector (OTHER needs one).
# Korean/Chinese three-syllable names get spacing/hyphen variants automatically.

MANUAL_PEOPLE = """
@ Vladimir Putin | RUS
+ vladimir putin; putin; vladimir vladimirovich putin; vladimir v. putin; president putin
HOG 1999-08-09 2000-05-07
HOS 1999-12-31 2008-05-07
HOG 2008-05-08 2012-05-07
HOS 2012-05-07 -
@ Dmitry Medvedev | RUS
+ dmitry medvedev; dmitri medvedev; dmitriy medvedev; medvedev; dmitry anatolyevich medvedev
HOS 2008-05-07 2012-05-07
HOG 2012-05-08 2020-01-16
OTHER 2020-01-16 - GOV
@ Mikhail Mishustin | RUS
+ mikhail mishustin; mishustin
HOG 2020-01-16 -
@ Sergey Lavrov | RUS
+ sergey lavrov; sergei lavrov; lavrov; sergey viktorovich lavrov
FM 2004-03-09 -
@ Anatoly Serdyukov | RUS
+ anatoly serdyukov; anatoliy serdyukov; serdyukov
DM 2007-02-15 2012-11-06
@ Sergei Shoigu | RUS
+ sergei shoigu; sergey shoigu; shoigu; sergei kuzhugetovich shoigu
DM 2012-11-06 2024-05-14
NSA 2024-05-12 -
@ Andrei Belousov | RUS
+ andrei belousov; andrey belousov; belousov
OTHER 2020-01-21 2024-05-14 GOV
DM 2024-05-14 -
@ Nikolai Patrushev | RUS
+ nikolai patrushev; nikolay patrushev
INT 1999-08-09 2008-05-12
NSA 2008-05-12 2024-05-14
OTHER 2024-05-14 - GOV
@ Alexander Bortnikov | RUS
+ alexander bortnikov; aleksandr bortnikov; bortnikov
INT 2008-05-12 -
@ Sergey Naryshkin | RUS
+ sergey naryshkin; sergei naryshkin; naryshkin
INT 2016-10-05 -
@ Mikhail Fradkov | RUS
+ mikhail fradkov; fradkov
HOG 2004-03-05 2007-09-14
INT 2007-10-09 2016-10-05
@ Yury Ushakov | RUS
+ yury ushakov; yuri ushakov; yuriy ushakov; ushakov
OTHER 2012-05-21 - GOV
@ Dmitry Peskov | RUS
+ dmitry peskov; dmitri peskov; dmitriy peskov; peskov
SPOKES 2008-05-01 2012-05-22
SPOKES 2012-05-22 -
@ Maria Zakharova | RUS
+ maria zakharova; mariya zakharova; zakharova
SPOKES 2015-08-10 -
@ Andrey Rudenko | RUS
+ andrey rudenko; andrei rudenko
OTHER 2019-01-01 - GOV
@ Sergei Ryabkov | RUS
+ sergei ryabkov; sergey ryabkov; ryabkov
OTHER 2008-08-01 - GOV
@ Vassily Nebenzia | RUS
+ vassily nebenzia; vasily nebenzya; nebenzia; nebenzya
OTHER 2017-07-27 - DIP
@ Valery Gerasimov | RUS
+ valery gerasimov; valeriy gerasimov; gerasimov; general gerasimov
OTHER 2012-11-09 - MIL
@ Kim Jong Il | PRK
+ kim jong il; kim jong-il; kim jongil
HOS 1994-07-08 2011-12-17
@ Kim Jong Un | PRK
+ kim jong un; kim jong-un; kim jongun; kim jong eun
HOS 2011-12-17 -
@ Kim Yo Jong | PRK
+ kim yo jong; kim yo-jong; kim yeo-jeong
OTHER 2014-11-01 - GOV
@ Kim Yong Nam | PRK
+ kim yong nam; kim yong-nam; kim young-nam
OTHER 1998-09-05 2019-04-11 GOV
@ Choe Yong Rim | PRK
+ choe yong rim; choe yong-rim; choi yong-rim
HOG 2010-06-07 2013-04-01
@ Pak Pong Ju | PRK
+ pak pong ju; pak pong-ju; park bong-ju
HOG 2013-04-01 2019-04-11
@ Kim Jae Ryong | PRK
+ kim jae ryong; kim jae-ryong
HOG 2019-04-11 2020-08-13
@ Kim Tok Hun | PRK
+ kim tok hun; kim tok-hun; kim deok-hun; kim dok-hun
HOG 2020-08-13 2024-12-27
@ Pak Thae Song | PRK
+ pak thae song; pak thae-song; park tae-sung; pak tae-song
HOG 2024-12-27 -
@ Pak Ui Chun | PRK
+ pak ui chun; pak ui-chun; park eui-chun
FM 2007-05-18 2014-04-09
@ Ri Su Yong | PRK
+ ri su yong; ri su-yong; lee su-yong; ri su-yon
FM 2014-04-09 2016-05-09
@ Ri Yong Ho | PRK
+ ri yong ho; ri yong-ho; lee yong-ho
FM 2016-05-09 2020-01-18
@ Ri Son Gwon | PRK
+ ri son gwon; ri son-gwon; ri son-kwon; lee seon-gwon
FM 2020-01-18 2022-06-10
@ Choe Son Hui | PRK
+ choe son hui; choe son-hui; choe sun-hui; choi son-hui; choi sun-hee
FM 2022-06-10 -
@ Kim Jong Gak | PRK
+ kim jong gak; kim jong-gak; kim jong-gap
DM 2012-04-01 2012-11-01
@ Kim Kyok Sik | PRK
+ kim kyok sik; kim kyok-sik; kim gyok-sik
DM 2012-11-01 2013-05-13
@ Jang Jong Nam | PRK
+ jang jong nam; jang jong-nam
DM 2013-05-13 2014-06-24
@ Hyon Yong Chol | PRK
+ hyon yong chol; hyon yong-chol; hyun yong-chol; hyeon yeong-cheol
DM 2014-06-24 2015-04-30
@ Pak Yong Sik | PRK
+ pak yong sik; pak yong-sik; park yong-sik
DM 2015-05-01 2018-06-01
@ No Kwang Chol | PRK
+ no kwang chol; no kwang-chol; noh kwang-chol; ro kwang-chol
DM 2018-06-01 2019-12-22
DM 2024-10-08 -
@ Kim Jong Gwan | PRK
+ kim jong gwan; kim jong-gwan; kim jong-kwan
DM 2019-12-22 2021-01-01
@ Ri Yong Gil | PRK
+ ri yong gil; ri yong-gil; lee yong-gil
DM 2021-01-01 2022-12-01
OTHER 2023-08-01 - MIL
@ Kang Sun Nam | PRK
+ kang sun nam; kang sun-nam
DM 2022-12-01 2024-10-08
@ Lee Myung-bak | KOR
+ lee myung-bak; lee myung bak; lee myungbak
HOS 2008-02-25 2013-02-25
@ Park Geun-hye | KOR
+ park geun-hye; park geun hye; park geunhye; president park geun-hye
HOS 2013-02-25 2017-03-10
@ Hwang Kyo-ahn | KOR
+ hwang kyo-ahn; hwang kyo ahn
HOG 2015-06-18 2017-05-11
HOS 2016-12-09 2017-05-10
@ Moon Jae-in | KOR
+ moon jae-in; moon jae in; moon jaein; president moon jae-in
HOS 2017-05-10 2022-05-10
@ Yoon Suk Yeol | KOR
+ yoon suk yeol; yoon suk-yeol; yoon seok-youl; yun suk-yeol; president yoon suk yeol
HOS 2022-05-10 2025-04-04
@ Han Duck-soo | KOR
+ han duck-soo; han duck soo; han deok-su
HOG 2022-05-21 2025-05-01
HOS 2024-12-14 2024-12-27
HOS 2025-03-24 2025-05-01
@ Choi Sang-mok | KOR
+ choi sang-mok; choi sang mok
HOS 2024-12-27 2025-03-24
@ Lee Ju-ho | KOR
+ lee ju-ho; lee ju ho
HOS 2025-05-02 2025-06-04
HOG 2025-05-02 2025-07-03
@ Lee Jae-myung | KOR
+ lee jae-myung; lee jae myung; lee jaemyung; president lee jae-myung; lee jae-myeong
HOS 2025-06-04 -
@ Kim Hwang-sik | KOR
+ kim hwang-sik; kim hwang sik
HOG 2010-10-01 2013-02-26
@ Chung Hong-won | KOR
+ chung hong-won; chung hong won; jung hong-won
HOG 2013-02-26 2015-02-17
@ Lee Wan-koo | KOR
+ lee wan-koo; lee wan koo; lee wan-ku
HOG 2015-02-17 2015-04-27
@ Lee Nak-yon | KOR
+ lee nak-yon; lee nak-yeon; lee nak yon
HOG 2017-05-31 2020-01-14
@ Chung Sye-kyun | KOR
+ chung sye-kyun; chung sye kyun; jeong se-gyun
HOG 2020-01-14 2021-04-16
@ Kim Boo-kyum | KOR
+ kim boo-kyum; kim boo kyum; kim bu-gyeom
HOG 2021-05-14 2022-05-12
@ Kim Min-seok | KOR
+ kim min-seok; kim min seok
HOG 2025-07-03 -
@ Kim Sung-hwan | KOR
+ kim sung-hwan; kim sung hwan
FM 2010-10-08 2013-03-11
@ Yun Byung-se | KOR
+ yun byung-se; yun byung se; yoon byung-se
FM 2013-03-11 2017-06-18
@ Kang Kyung-wha | KOR
+ kang kyung-wha; kang kyung wha; kang kyung-hwa
FM 2017-06-18 2021-02-08
@ Chung Eui-yong | KOR
+ chung eui-yong; chung eui yong; jeong ui-yong
NSA 2017-05-21 2020-07-03
FM 2021-02-09 2022-05-12
@ Park Jin | KOR
+ park jin; foreign minister park jin
FM 2022-05-12 2024-01-10
@ Cho Tae-yul | KOR
+ cho tae-yul; cho tae yul; jo tae-yeol
FM 2024-01-10 2025-07-21
@ Cho Hyun | KOR
+ cho hyun; foreign minister cho hyun
FM 2025-07-21 -
@ Kim Kwan-jin | KOR
+ kim kwan-jin; kim kwan jin
DM 2010-12-04 2014-06-30
NSA 2014-06-30 2017-05-11
@ Han Min-koo | KOR
+ han min-koo; han min koo; han min-gu
DM 2014-06-30 2017-07-14
@ Song Young-moo | KOR
+ song young-moo; song young moo; song yeong-mu
DM 2017-07-14 2018-09-21
@ Jeong Kyeong-doo | KOR
+ jeong kyeong-doo; jeong kyeong doo; jeong kyung-doo
DM 2018-09-21 2021-04-16
@ Suh Wook | KOR
+ suh wook; seo wook
DM 2021-04-16 2022-05-10
@ Lee Jong-sup | KOR
+ lee jong-sup; lee jong sup; lee jong-seop
DM 2022-05-10 2023-10-07
@ Shin Won-sik | KOR
+ shin won-sik; shin won sik; sin won-sik
DM 2023-10-07 2024-09-06
NSA 2024-08-12 2025-06-04
@ Kim Yong-hyun | KOR
+ kim yong-hyun; kim yong hyun; kim yong-hyeon
DM 2024-09-06 2024-12-05
@ Kim Seon-ho | KOR
+ kim seon-ho; kim seon ho; kim sun-ho
DM 2024-12-05 2025-07-25
@ Ahn Gyu-back | KOR
+ ahn gyu-back; ahn gyu back; ahn gyu-baek; an gyu-baek
DM 2025-07-25 -
@ Kim Jang-soo | KOR
+ kim jang-soo; kim jang soo
NSA 2013-03-15 2014-05-22
@ Suh Hoon | KOR
+ suh hoon; seo hoon
INT 2017-06-01 2020-07-03
NSA 2020-07-03 2022-05-10
@ Park Jie-won | KOR
+ park jie-won; park jie won; park ji-won
INT 2020-07-29 2022-05-11
@ Kim Sung-han | KOR
+ kim sung-han; kim sung han
NSA 2022-05-10 2023-03-29
@ Kim Kyou-hyun | KOR
+ kim kyou-hyun; kim kyou hyun; kim gyu-hyeon
INT 2022-06-01 2023-11-26
@ Cho Tae-yong | KOR
+ cho tae-yong; cho tae yong; jo tae-yong
NSA 2023-03-29 2024-01-01
INT 2024-01-01 2025-06-04
@ Chang Ho-jin | KOR
+ chang ho-jin; chang ho jin; jang ho-jin
NSA 2024-01-01 2024-08-12
OTHER 2024-08-12 2025-06-04 GOV
@ Wi Sung-lac | KOR
+ wi sung-lac; wi sung lac; wi seong-rak
NSA 2025-06-04 -
@ Barack Obama | USA
+ barack obama; obama; president obama; barack hussein obama
HOS 2009-01-20 2017-01-20
HOG 2009-01-20 2017-01-20
@ Donald Trump | USA
+ donald trump; trump; donald j. trump; president trump
HOS 2017-01-20 2021-01-20
HOG 2017-01-20 2021-01-20
HOS 2025-01-20 -
HOG 2025-01-20 -
@ Joe Biden | USA
+ joe biden; biden; joseph biden; joseph r. biden; president biden
OTHER 2009-01-20 2017-01-20 GOV
HOS 2021-01-20 2025-01-20
HOG 2021-01-20 2025-01-20
@ Hillary Clinton | USA
+ hillary clinton; hillary rodham clinton
FM 2009-01-21 2013-02-01
@ John Kerry | USA
+ john kerry; kerry; secretary kerry
FM 2013-02-01 2017-01-20
@ Rex Tillerson | USA
+ rex tillerson; tillerson
FM 2017-02-01 2018-03-31
@ Mike Pompeo | USA
+ mike pompeo; michael pompeo; pompeo
INT 2017-01-23 2018-04-26
FM 2018-04-26 2021-01-20
@ Antony Blinken | USA
+ antony blinken; tony blinken; blinken
OTHER 2015-01-09 2017-01-20 GOV
FM 2021-01-26 2025-01-20
@ Marco Rubio | USA
+ marco rubio; rubio
FM 2025-01-21 -
NSA 2025-05-01 -
@ Leon Panetta | USA
+ leon panetta; panetta
INT 2009-02-13 2011-06-30
DM 2011-07-01 2013-02-26
@ Chuck Hagel | USA
+ chuck hagel; hagel
DM 2013-02-27 2015-02-17
@ Ash Carter | USA
+ ash carter; ashton carter
DM 2015-02-17 2017-01-20
@ Jim Mattis | USA
+ jim mattis; james mattis; mattis
DM 2017-01-20 2019-01-01
@ Patrick Shanahan | USA
+ patrick shanahan; shanahan
DM 2019-01-01 2019-06-23
@ Mark Esper | USA
+ mark esper; esper
DM 2019-06-24 2020-11-09
@ Christopher Miller | USA
+ christopher miller; christopher c. miller; acting defense secretary christopher miller
DM 2020-11-09 2021-01-20
@ Lloyd Austin | USA
+ lloyd austin; lloyd j. austin; defense secretary lloyd austin; secretary austin
DM 2021-01-22 2025-01-20
@ Pete Hegseth | USA
+ pete hegseth; hegseth; peter hegseth
DM 2025-01-25 -
@ Tom Donilon | USA
+ tom donilon; thomas donilon; donilon
NSA 2010-10-08 2013-07-01
@ Susan Rice | USA
+ susan rice; susan e. rice
OTHER 2009-01-22 2013-07-01 DIP
NSA 2013-07-01 2017-01-20
@ Michael Flynn | USA
+ michael flynn; mike flynn; michael t. flynn
NSA 2017-01-20 2017-02-13
@ H. R. McMaster | USA
+ h.r. mcmaster; h. r. mcmaster; hr mcmaster; mcmaster
NSA 2017-02-20 2018-04-09
@ John Bolton | USA
+ john bolton; bolton
NSA 2018-04-09 2019-09-10
@ Robert O'Brien | USA
+ robert o'brien; robert c. o'brien
NSA 2019-09-18 2021-01-20
@ Jake Sullivan | USA
+ jake sullivan
NSA 2021-01-20 2025-01-20
@ Mike Waltz | USA
+ mike waltz; michael waltz
NSA 2025-01-20 2025-05-01
@ James Clapper | USA
+ james clapper; clapper
INT 2010-08-09 2017-01-20
@ Dan Coats | USA
+ dan coats; daniel coats
INT 2017-03-16 2019-08-15
@ John Ratcliffe | USA
+ john ratcliffe; ratcliffe
INT 2020-05-26 2021-01-20
INT 2025-01-23 -
@ Avril Haines | USA
+ avril haines
INT 2021-01-21 2025-01-20
@ Tulsi Gabbard | USA
+ tulsi gabbard; gabbard
INT 2025-02-12 -
@ David Petraeus | USA
+ david petraeus; petraeus
INT 2011-09-06 2012-11-09
@ John Brennan | USA
+ john brennan; john o. brennan
INT 2013-03-08 2017-01-20
@ Gina Haspel | USA
+ gina haspel; haspel
INT 2018-05-21 2021-01-20
@ William Burns | USA
+ william burns; william j. burns; bill burns
INT 2021-03-19 2025-01-20
@ John Kirby | USA
+ john kirby; kirby; admiral john kirby; john f. kirby
SPOKES 2015-05-01 2017-01-20
SPOKES 2021-01-20 2022-05-01
SPOKES 2022-05-01 2025-01-20
@ Jen Psaki | USA
+ jen psaki; psaki
SPOKES 2021-01-20 2022-05-13
@ Karine Jean-Pierre | USA
+ karine jean-pierre
SPOKES 2022-05-13 2025-01-20
@ Karoline Leavitt | USA
+ karoline leavitt; leavitt
SPOKES 2025-01-20 -
@ Hu Jintao | CHN
+ hu jintao; hu jin-tao; president hu jintao
HOS 2003-03-15 2013-03-14
@ Xi Jinping | CHN
+ xi jinping; xi jin-ping; xi; president xi; president xi jinping
OTHER 2008-03-15 2013-03-14 GOV
OTHER 2012-11-15 - GOV
HOS 2013-03-14 -
@ Wen Jiabao | CHN
+ wen jiabao; premier wen jiabao
HOG 2003-03-16 2013-03-15
@ Li Keqiang | CHN
+ li keqiang; premier li keqiang
HOG 2013-03-15 2023-03-11
@ Li Qiang | CHN
+ li qiang; premier li qiang
HOG 2023-03-11 -
@ Yang Jiechi | CHN
+ yang jiechi
FM 2007-04-27 2013-03-16
OTHER 2013-03-16 2023-01-01 GOV
@ Wang Yi | CHN
+ wang yi; foreign minister wang yi
FM 2013-03-16 2022-12-30
OTHER 2023-01-01 - GOV
FM 2023-07-25 -
@ Qin Gang | CHN
+ qin gang
FM 2022-12-30 2023-07-25
@ Liang Guanglie | CHN
+ liang guanglie
DM 2008-03-17 2013-03-16
@ Chang Wanquan | CHN
+ chang wanquan
DM 2013-03-16 2018-03-19
@ Wei Fenghe | CHN
+ wei fenghe
DM 2018-03-19 2023-03-12
@ Li Shangfu | CHN
+ li shangfu
DM 2023-03-12 2023-10-24
@ Dong Jun | CHN
+ dong jun; admiral dong jun
DM 2023-12-29 -
@ Akihito | JPN
+ emperor akihito; akihito
HOS 1989-01-07 2019-04-30
@ Naruhito | JPN
+ emperor naruhito; naruhito
HOS 2019-05-01 -
@ Yoshihiko Noda | JPN
+ yoshihiko noda; prime minister noda
HOG 2011-09-02 2012-12-26
@ Shinzo Abe | JPN
+ shinzo abe; abe shinzo; abe; prime minister abe
HOG 2006-09-26 2007-09-26
HOG 2012-12-26 2020-09-16
@ Yoshihide Suga | JPN
+ yoshihide suga; suga yoshihide; suga
SPOKES 2012-12-26 2020-09-16
HOG 2020-09-16 2021-10-04
@ Fumio Kishida | JPN
+ fumio kishida; kishida fumio; kishida
FM 2012-12-26 2017-08-03
HOG 2021-10-04 2024-10-01
@ Shigeru Ishiba | JPN
+ shigeru ishiba; ishiba shigeru; ishiba
HOG 2024-10-01 2025-10-21
@ Sanae Takaichi | JPN
+ sanae takaichi; takaichi sanae; takaichi
HOG 2025-10-21 -
@ Koichiro Gemba | JPN
+ koichiro gemba; gemba
FM 2011-09-02 2012-12-26
@ Taro Kono | JPN
+ taro kono; kono taro
FM 2017-08-03 2019-09-11
DM 2019-09-11 2020-09-16
@ Toshimitsu Motegi | JPN
+ toshimitsu motegi; motegi toshimitsu; motegi
FM 2019-09-11 2021-11-04
FM 2025-10-21 -
@ Yoshimasa Hayashi | JPN
+ yoshimasa hayashi; hayashi yoshimasa
FM 2021-11-10 2023-09-13
SPOKES 2023-12-14 2025-10-21
@ Yoko Kamikawa | JPN
+ yoko kamikawa; kamikawa yoko; kamikawa
FM 2023-09-13 2024-10-01
@ Takeshi Iwaya | JPN
+ takeshi iwaya; iwaya takeshi; iwaya
DM 2018-10-02 2019-09-11
FM 2024-10-01 2025-10-21
@ Satoshi Morimoto | JPN
+ satoshi morimoto
DM 2012-06-04 2012-12-26
@ Itsunori Onodera | JPN
+ itsunori onodera; onodera
DM 2012-12-26 2014-09-03
DM 2017-08-03 2018-10-02
@ Akinori Eto | JPN
+ akinori eto
DM 2014-09-03 2014-12-24
@ Gen Nakatani | JPN
+ gen nakatani; nakatani gen; nakatani
DM 2014-12-24 2016-08-03
DM 2024-10-01 2025-10-21
@ Tomomi Inada | JPN
+ tomomi inada; inada
DM 2016-08-03 2017-07-28
@ Nobuo Kishi | JPN
+ nobuo kishi
DM 2020-09-16 2022-08-10
@ Yasukazu Hamada | JPN
+ yasukazu hamada
DM 2022-08-10 2023-09-13
@ Minoru Kihara | JPN
+ minoru kihara; kihara minoru; kihara
DM 2023-09-13 2024-10-01
SPOKES 2025-10-21 -
@ Shinjiro Koizumi | JPN
+ shinjiro koizumi; koizumi shinjiro
DM 2025-10-21 -
@ Osamu Fujimura | JPN
+ osamu fujimura; fujimura
SPOKES 2011-09-02 2012-12-26
@ Katsunobu Kato | JPN
+ katsunobu kato
SPOKES 2020-09-16 2021-10-04
@ Hirokazu Matsuno | JPN
+ hirokazu matsuno; matsuno
SPOKES 2021-10-04 2023-12-14
@ Viktor Yanukovych | UKR
+ viktor yanukovych; victor yanukovych; viktor yanukovich; yanukovych; yanukovich
HOG 2006-08-04 2007-12-18
HOS 2010-02-25 2014-02-22
@ Mykola Azarov | UKR
+ mykola azarov; nikolai azarov; azarov
HOG 2010-03-11 2014-01-28
@ Serhiy Arbuzov | UKR
+ serhiy arbuzov; sergei arbuzov; arbuzov
HOG 2014-01-28 2014-02-27
@ Oleksandr Turchynov | UKR
+ oleksandr turchynov; olexander turchynov; turchynov
HOS 2014-02-23 2014-06-07
@ Arseniy Yatsenyuk | UKR
+ arseniy yatsenyuk; arseny yatsenyuk; yatsenyuk
HOG 2014-02-27 2016-04-14
@ Petro Poroshenko | UKR
+ petro poroshenko; petro poroshenko; poroshenko
HOS 2014-06-07 2019-05-20
@ Volodymyr Groysman | UKR
+ volodymyr groysman; volodymyr hroisman; groysman; hroisman
HOG 2016-04-14 2019-08-29
@ Volodymyr Zelensky | UKR
+ volodymyr zelensky; volodymyr zelenskyy; volodymyr zelenskiy; zelensky; zelenskyy; zelenskiy
+ vladimir zelensky; president zelensky
HOS 2019-05-20 -
@ Oleksiy Honcharuk | UKR
+ oleksiy honcharuk; oleksii honcharuk; honcharuk
HOG 2019-08-29 2020-03-04
@ Denys Shmyhal | UKR
+ denys shmyhal; denis shmygal; shmyhal; shmygal
HOG 2020-03-04 2025-07-16
DM 2025-07-17 2026-01-14
OTHER 2026-01-14 - GOV
@ Yulia Svyrydenko | UKR
+ yulia svyrydenko; yuliia svyrydenko; yulia sviridenko; svyrydenko; sviridenko
HOG 2025-07-17 -
@ Kostyantyn Gryshchenko | UKR
+ kostyantyn gryshchenko; konstantin grishchenko; gryshchenko
FM 2010-03-11 2012-12-24
@ Leonid Kozhara | UKR
+ leonid kozhara; kozhara
FM 2012-12-24 2014-02-23
@ Andrii Deshchytsia | UKR
+ andrii deshchytsia; andriy deshchytsia; deshchytsia
FM 2014-02-27 2014-06-19
@ Pavlo Klimkin | UKR
+ pavlo klimkin; klimkin
FM 2014-06-19 2019-08-29
@ Vadym Prystaiko | UKR
+ vadym prystaiko; prystaiko
FM 2019-08-29 2020-03-04
@ Dmytro Kuleba | UKR
+ dmytro kuleba; dmitry kuleba; kuleba
FM 2020-03-04 2024-09-05
@ Andrii Sybiha | UKR
+ andrii sybiha; andriy sybiha; andrei sybiha; sybiha; sibiga
FM 2024-09-05 -
@ Dmytro Salamatin | UKR
+ dmytro salamatin; salamatin
DM 2012-02-08 2012-12-24
@ Pavlo Lebedyev | UKR
+ pavlo lebedyev; pavlo lebedev
DM 2012-12-24 2014-02-27
@ Ihor Tenyukh | UKR
+ ihor tenyukh; igor tenyukh; tenyukh
DM 2014-02-27 2014-03-25
@ Mykhailo Koval | UKR
+ mykhailo koval; mikhail koval
DM 2014-03-25 2014-07-03
@ Valeriy Heletey | UKR
+ valeriy heletey; valery heletey; heletey
DM 2014-07-03 2014-10-14
@ Stepan Poltorak | UKR
+ stepan poltorak; poltorak
DM 2014-10-14 2019-08-29
@ Andriy Zagorodnyuk | UKR
+ andriy zagorodnyuk; andriy zahorodniuk; zagorodnyuk
DM 2019-08-29 2020-03-04
@ Andriy Taran | UKR
+ andriy taran; andrii taran
DM 2020-03-04 2021-11-03
@ Oleksii Reznikov | UKR
+ oleksii reznikov; oleksiy reznikov; reznikov
DM 2021-11-04 2023-09-05
@ Rustem Umerov | UKR
+ rustem umerov; umerov
DM 2023-09-06 2025-07-17
NSA 2025-07-17 -
@ Mykhailo Fedorov | UKR
+ mykhailo fedorov; mykhaylo fedorov
OTHER 2019-08-29 2026-01-14 GOV
DM 2026-01-14 -
@ Oleksiy Danilov | UKR
+ oleksiy danilov; oleksii danilov
NSA 2019-10-03 2024-03-26
@ Oleksandr Lytvynenko | UKR
+ oleksandr lytvynenko
NSA 2024-03-26 2025-07-17
@ Andriy Yermak | UKR
+ andriy yermak; andrii yermak; yermak
OTHER 2020-02-11 2025-11-28 GOV
@ Kyrylo Budanov | UKR
+ kyrylo budanov; kirill budanov; budanov
INT 2020-08-05 2026-01-02
OTHER 2026-01-02 - GOV
@ Igor Ivanov | RUS
+ igor ivanov; igor sergeyevich ivanov
FM 1998-09-11 2004-03-09
NSA 2004-03-09 2007-07-09
@ Linda Thomas-Greenfield | USA
+ linda thomas-greenfield; thomas-greenfield
OTHER 2021-02-25 2025-01-20 DIP
@ Pat Ryder | USA
+ pat ryder; patrick ryder; major general pat ryder
SPOKES 2022-08-01 2025-01-20
@ Sabrina Singh | USA
+ sabrina singh
SPOKES - 2025-01-20
@ Rishi Sunak | GBR
+ rishi sunak; sunak
HOG 2022-10-25 2024-07-05
@ Keir Starmer | GBR
+ keir starmer; starmer
HOG 2024-07-05 -
@ Ben Wallace | GBR
+ ben wallace
DM 2019-07-24 2023-08-31
@ Grant Shapps | GBR
+ grant shapps; shapps
DM 2023-08-31 2024-07-05
@ John Healey | GBR
+ john healey
DM 2024-07-05 -
@ David Cameron | GBR
+ david cameron; lord cameron
HOG 2010-05-11 2016-07-13
FM 2023-11-13 2024-07-05
@ David Lammy | GBR
+ david lammy; lammy
FM 2024-07-05 2025-09-05
@ Yvette Cooper | GBR
+ yvette cooper
FM 2025-09-05 -
@ Ban Ki-moon | KOR
+ ban ki-moon; ban ki moon; ban kimoon
FM 2004-01-17 2006-11-09
OTHER 2007-01-01 2016-12-31 IGO UN
@ Antonio Guterres | UN
+ antonio guterres; antónio guterres; guterres
OTHER 2017-01-01 - IGO
@ Jens Stoltenberg | NATO
+ jens stoltenberg; stoltenberg
OTHER 2014-10-01 2024-10-01 IGO
@ Mark Rutte | NATO
+ mark rutte; rutte
HOG 2010-10-14 2024-07-02 GOV NLD
OTHER 2024-10-01 - IGO
@ Rafael Grossi | IAEA
+ rafael grossi; rafael mariano grossi; grossi
OTHER 2019-12-03 - IGO
@ Ursula von der Leyen | EU
+ ursula von der leyen; von der leyen
OTHER 2019-12-01 - IGO
@ Josep Borrell | EU
+ josep borrell; borrell
OTHER 2019-12-01 2024-11-30 IGO
@ Kaja Kallas | EU
+ kaja kallas; kallas
OTHER 2024-12-01 - IGO
"""

# Given names that Phoenix sometimes uses as a person's only name (too ambiguous alone).
COMMON_GIVEN_NAMES = set(
    "abdullah abdallah hassan hussein husain khalid fahd faisal faysal albert mohammed muhammad "
    "mohamed ahmed ahmad ali omar umar ibrahim abdul abdel salman sultan hamad harald olav "
    "carl philippe juan john james george william charles henry edward louis michael".split()
)

# Single-token aliases never used for people (common surnames / words).
PERSON_ALIAS_STOPLIST = set(
    "kim lee park choi choe jung jeong chung kang cho jo yoon yun jang chang shin han hwang "
    "moon song ri pak ahn an wi suh seo noh no ro wang li zhang liu chen yang zhao huang zhou "
    "wu xu sun hu zhu gao lin he guo ma hayashi kato suzuki tanaka sato watanabe ito yamamoto "
    "koizumi kono kishi hamada smith johnson brown miller davis wilson clinton carter bush "
    "austin rice flynn sullivan waltz coats burns haines brennan taran koval fedorov "
    "rudenko patrushev king president minister general".split()
)

# Manual institutions: name | country | sector | kind | cameo | aliases
MANUAL_INSTITUTIONS = """
Korean Central News Agency | PRK | MED | state_media | PRKGOVMED | kcna, korean central news agency
Rodong Sinmun | PRK | MED | state_media | PRKGOVMED | rodong sinmun, rodong sinmun newspaper
Korean People's Army | PRK | MIL | national_body | PRKMIL | korean people's army,
    korean peoples army, kpa, north korean army, north korean military
Workers' Party of Korea | PRK | GOV | national_body | PRKGOV | workers' party of korea,
    workers party of korea, wpk, korean workers' party, ruling workers' party
State Affairs Commission | PRK | GOV | national_body | PRKGOV | state affairs commission
Supreme People's Assembly | PRK | LEG | national_body | PRKGOVLEG | supreme people's assembly,
    supreme peoples assembly
Reconnaissance General Bureau | PRK | SPY | national_body | PRKSPY | reconnaissance general bureau
Yonhap | KOR | MED | media | KORMED | yonhap, yonhap news agency, yonhap news
National Intelligence Service | KOR | SPY | national_body | KORSPY |
    south korean national intelligence service, south korea's national intelligence service,
    south korean spy agency
Joint Chiefs of Staff of South Korea | KOR | MIL | national_body | KORMIL |
    south korean joint chiefs of staff, south korea's joint chiefs of staff
TASS | RUS | MED | state_media | RUSGOVMED | tass, itar-tass
RIA Novosti | RUS | MED | state_media | RUSGOVMED | ria novosti, ria
Interfax | RUS | MED | media | RUSMED | interfax
Federal Security Service | RUS | SPY | national_body | RUSSPY | fsb, federal security service
Foreign Intelligence Service of Russia | RUS | SPY | national_body | RUSSPY | svr,
    russian foreign intelligence service
GRU | RUS | SPY | national_body | RUSMILSPY | gru, russian military intelligence
Rosgvardia | RUS | COP | national_body | RUSCOP | rosgvardia, national guard of russia,
    russian national guard
Wagner Group | RUS | MIL | armed_group | RUSMIL | wagner group, wagner, wagner pmc, pmc wagner
Security Council of Russia | RUS | GOV | national_body | RUSGOV | russian security council,
    security council of russia
Xinhua | CHN | MED | state_media | CHNGOVMED | xinhua, xinhua news agency
People's Daily | CHN | MED | state_media | CHNGOVMED | people's daily
Global Times | CHN | MED | state_media | CHNGOVMED | global times
Central Military Commission of China | CHN | MIL | national_body | CHNMIL |
    chinese central military commission
Ministry of State Security of China | CHN | SPY | national_body | CHNSPY |
    chinese ministry of state security, china's ministry of state security
Kyodo News | JPN | MED | media | JPNMED | kyodo, kyodo news
NHK | JPN | MED | media | JPNMED | nhk
Japan Self-Defense Forces | JPN | MIL | national_body | JPNMIL | japan self-defense forces,
    japan self-defence forces, self-defense forces, self-defence forces, jsdf
Ukrinform | UKR | MED | state_media | UKRGOVMED | ukrinform
Security Service of Ukraine | UKR | SPY | national_body | UKRSPY | sbu, security service of ukraine
Main Intelligence Directorate of Ukraine | UKR | SPY | national_body | UKRMILSPY |
    ukrainian military intelligence, hur, gur
Verkhovna Rada | UKR | LEG | national_body | UKRGOVLEG | verkhovna rada
State Duma | RUS | LEG | national_body | RUSGOVLEG | state duma
Federation Council of Russia | RUS | LEG | national_body | RUSGOVLEG | federation council
The Pentagon | USA | MIL | national_body | USAMIL | pentagon, the pentagon
State Department | USA | GOV | national_body | USAGOV | state department, us state department,
    u.s. state department
Central Intelligence Agency | USA | SPY | national_body | USASPY | cia, central intelligence agency
United States Forces Korea | USA | MIL | national_body | USAMIL | usfk, us forces korea,
    u.s. forces korea, united states forces korea
US Indo-Pacific Command | USA | MIL | national_body | USAMIL | indo-pacific command, indopacom,
    us indo-pacific command
"""


# --------------------------------------------------------------------------------------------
# Build steps
# --------------------------------------------------------------------------------------------


@dataclass
class Tables:
    countries: list[list[str]] = field(default_factory=list)
    organisations: list[list[str]] = field(default_factory=list)
    agents: list[list[str]] = field(default_factory=list)
    people: list[list[str]] = field(default_factory=list)
    institutions: list[list[str]] = field(default_factory=list)
    places: list[list[str]] = field(default_factory=list)
    ambiguous: list[list[str]] = field(default_factory=list)
    cameo_countries: list[list[str]] = field(default_factory=list)


@dataclass
class PersonRole:
    role: str
    sector: str
    country: str
    start: str
    end: str


@dataclass
class ManualPerson:
    name: str
    country: str
    aliases: list[str]
    roles: list[PersonRole]

    def countries(self) -> set[str]:
        return {self.country, *(r.country for r in self.roles)}


def entry_countries(entry: ActorEntry, known: set[str], org_for_cameo: dict[str, str]) -> set[str]:
    found: set[str] = set()
    for span in entry.real_codes():
        if span.code.startswith("IGO"):
            org = org_for_cameo.get(span.code) or org_for_cameo.get(span.code[:6])
            if org:
                found.add(org)
        else:
            code = iso_for_prefix(span.code[:3], known)
            if code:
                found.add(code)
    return found


def korean_variants(alias: str) -> list[str]:
    """'kim jong un' -> also 'kim jong-un'; 'moon jae-in' -> also 'moon jae in'."""
    out = [alias]
    words = alias.split(" ")
    if "-" in alias:
        out.append(alias.replace("-", " "))
    elif len(words) == 3 and all(w.isalpha() for w in words):
        out.append(f"{words[0]} {words[1]}-{words[2]}")
    return out


def parse_manual_people() -> list[ManualPerson]:
    people: list[ManualPerson] = []
    for raw in MANUAL_PEOPLE.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@"):
            name, country = (p.strip() for p in line[1:].split("|"))
            people.append(ManualPerson(name, country, [], []))
        elif line.startswith("+"):
            person = people[-1]
            for alias in split_list(line[1:], ";"):
                variants = korean_variants(alias) if person.country in {"PRK", "KOR"} else [alias]
                person.aliases.extend(variants)
                person.aliases.extend(fold_accents(v) for v in variants)
        else:
            person = people[-1]
            parts = line.split()
            role, start, end = parts[0], parts[1], parts[2]
            if role not in ROLES:
                raise ValueError(f"bad role in manual people: {line!r}")
            sector = parts[3] if len(parts) > 3 else ROLE_SECTOR[role]
            country = parts[4] if len(parts) > 4 else person.country
            person.roles.append(
                PersonRole(
                    role, sector, country, "" if start == "-" else start, "" if end == "-" else end
                )
            )
    for person in people:
        person.aliases = unique(person.aliases)
    return people


def build_agents(phoenix_dir: Path, stats: Counter[str]) -> list[AgentRow]:
    lines, subs = read_agent_file(phoenix_dir / PHOENIX_AGENT_FILE)
    rows: dict[str, AgentRow] = {}

    def add(alias: str, sector: str, note: str) -> None:
        if not usable_alias(alias):
            return
        old = rows.get(alias)
        if old is None:
            rows[alias] = AgentRow(alias, sector, note)
        elif old.sector != sector and "(also" not in old.note:
            old.note += f" (also {note.split(':', 1)[-1].split(' ')[0]})"

    for item in lines:
        code = item.code
        sector = sector_of(code)
        if sector not in SECTORS:
            stats["agents with unknown sector"] += 1
            continue
        for form, _generated in expand_agent_phrase(item.phrase, subs):
            final = sector
            note = f"phoenix:~{code}"
            if sector == "GOV" and any(w in form for w in DIPLOMATIC_WORDS):
                final, note = "DIP", f"phoenix:~{code} (diplomatic -> DIP)"
            add(form, final, note)
            if item.plural == "":
                continue
            if item.plural:
                add(norm_phrase(item.plural), final, f"phoenix:~{code} (plural)")
            elif "!" not in item.phrase and form.split(" ")[-1] not in {
                "minister",
                "ministers",
                "ministry",
                "ministries",
                "authority",
                "authorities",
                "company",
                "companies",
            }:
                plural = english_plural(form)
                if plural:
                    add(plural, final, f"phoenix:~{code} (plural)")
    for block in logical_lines(MANUAL_AGENTS):
        aliases, sector = (p.strip() for p in block.rsplit("|", 1))
        for alias in split_list(aliases):
            old = rows.get(alias)
            if old is None:
                rows[alias] = AgentRow(alias, sector, "manual")
            elif old.sector != sector:
                code = old.note.split(":", 1)[1].split(" ")[0] if ":" in old.note else old.note
                rows[alias] = AgentRow(alias, sector, f"manual override; phoenix:{code}")
            else:
                rows[alias] = AgentRow(alias, sector, old.note + "; confirmed manual")
    return sorted(rows.values(), key=lambda r: r.alias)


def build_organisations(
    entries: list[ActorEntry], country_codes: set[str], stats: Counter[str]
) -> tuple[dict[str, OrgRow], list[ActorEntry]]:
    """Organisations from curated rows plus Phoenix IGO entries; returns (orgs, IGO persons)."""
    orgs = curated_orgs()
    alias_owner = {a: o.code for o in orgs.values() for a in o.aliases}
    persons: list[ActorEntry] = []
    for entry in entries:
        igo_codes = [c for c in entry.real_codes() if c.code.startswith("IGO")]
        if not igo_codes:
            continue
        names = [norm_phrase(n) for n in entry.names]
        if (
            looks_like_person(entry.head)
            or any(c.dated for c in igo_codes)
            and not any(w in INSTITUTION_WORDS for w in names[0].split(" "))
        ):
            persons.append(entry)
            continue
        target = next((alias_owner[n] for n in names if n in alias_owner), None)
        cameo = igo_codes[0].code
        if target is None:
            target = CAMEO_TO_ORG.get(cameo)
        if target is None:
            code = acronym_code(names, names[0])
            while code in country_codes or (code in orgs and orgs[code].cameo != cameo):
                code += "X"
            if code not in orgs:
                orgs[code] = OrgRow(
                    code,
                    title_name(entry.head),
                    "igo",
                    cameo,
                    "UN" if cameo.startswith("IGOUNO") and code != "UN" else "",
                    [],
                    [],
                )
                stats["organisations from Phoenix only"] += 1
            target = code
        for name in names:
            dest = target
            for parent, needles, child in ORG_ROUTING:
                if target == parent and any(n in name for n in needles):
                    dest = child
            if usable_alias(name) and name not in ORG_ALIAS_STOPLIST:
                orgs[dest].phoenix_aliases.append(name)
    return orgs, persons


def org_rows(orgs: dict[str, OrgRow], taken: set[str]) -> list[list[str]]:
    owner: dict[str, str] = {}
    for org in orgs.values():
        for alias in [*org.aliases, *org.phoenix_aliases]:
            owner.setdefault(alias, org.code)
    rows: list[list[str]] = []
    for org in sorted(orgs.values(), key=lambda o: o.code):
        aliases = [
            a
            for a in unique([*org.aliases, *org.phoenix_aliases])
            if owner.get(a) == org.code and a not in taken
        ]
        if aliases:
            rows.append([org.code, org.name, org.kind, "|".join(aliases), org.cameo, org.parent])
    return rows


def person_aliases(entry: ActorEntry, shared_tokens: set[str]) -> list[str]:
    """Usable aliases of a Phoenix person; bare common names and shared surnames dropped."""
    aliases: list[str] = []
    for position, raw in enumerate(entry.names):
        alias = norm_phrase(raw.replace("(", " ").replace(")", " "))
        if not usable_alias(alias):
            continue
        if " " not in alias and (
            alias in PERSON_ALIAS_STOPLIST
            or alias in COMMON_GIVEN_NAMES
            or (position > 0 and (alias in shared_tokens or len(alias) < 4))
        ):
            continue
        aliases.append(alias)
    return unique(aliases)


def person_display(entry: ActorEntry, aliases: Sequence[str]) -> str:
    """Display name: the head phrase, or its first multi-word alias if the head is one word."""
    head = norm_phrase(entry.head.replace("(", " ").replace(")", " "))
    if " " not in head:
        head = next((a for a in aliases if " " in a), head)
    return title_name(head)


def phoenix_person_rows(
    entry: ActorEntry,
    known: set[str],
    territories: set[str],
    org_for_cameo: dict[str, str],
    horizon: dt.date,
    shared_tokens: set[str],
    stats: Counter[str],
) -> list[list[str]]:
    aliases = person_aliases(entry, shared_tokens)
    if not any(" " in a for a in aliases) and (
        not aliases or norm_phrase(entry.head) not in aliases
    ):
        stats["phoenix persons without a usable name"] += 1
        return []
    spans = [c for c in entry.real_codes() if len(c.code) >= 3]
    dated = [c for c in spans if c.dated and sector_of(c.code[3:]) != "ELI"]
    use = dated if dated else [c for c in spans if not c.dated]
    rows: list[list[str]] = []
    for span in use:
        code = span.code
        if code.startswith("IGO"):
            country = org_for_cameo.get(code) or next(
                (org_for_cameo[code[:n]] for n in (9, 6) if code[:n] in org_for_cameo), ""
            )
            if not country:
                stats["phoenix person rows with unknown IGO"] += 1
                continue
            sector = "IGO"
        else:
            country_code = iso_for_prefix(code[:3], known)
            if country_code is None:
                stats["phoenix person rows with non-country code"] += 1
                continue
            country, role_part = country_code, code[3:]
            if code[3:6] in territories:  # e.g. GBRVGBGOV: official of a dependency
                country, role_part = code[3:6], code[6:]
            sector = sector_of(role_part)
        if sector not in SECTORS:
            stats["phoenix person rows with unknown sector"] += 1
            continue
        start = iso(span.start)
        end = iso(span.end) if span.end else iso(max(horizon, span.start or horizon))
        display = person_display(entry, aliases)
        rows.append([display, "|".join(aliases), country, "OTHER", sector, start, end, "phoenix"])
    return rows


def build(shared: Path, out: Path) -> dict[str, int]:
    phoenix_dir = shared / PHOENIX_SUBDIR
    for name in (*PHOENIX_ACTOR_FILES, PHOENIX_AGENT_FILE):
        if not (phoenix_dir / name).is_file():
            raise SystemExit(f"missing input: {phoenix_dir / name}")
    stats: Counter[str] = Counter()
    entries_by_file = {
        name: read_actor_file(phoenix_dir / name, stats) for name in PHOENIX_ACTOR_FILES
    }
    all_entries = [e for entries in entries_by_file.values() for e in entries]
    horizon = max(d for e in all_entries for c in e.codes for d in (c.start, c.end) if d)

    # ---- countries ---------------------------------------------------------------------
    rows = build_country_rows()
    known = set(rows)
    territories = {c for c, r in rows.items() if r.kind == "territory"}
    core_index: dict[str, str] = {}
    for row in rows.values():
        for alias in row.core:
            core_index.setdefault(alias, row.code)
    places: dict[str, list[str]] = defaultdict(list)
    non_country: list[ActorEntry] = []
    for entry in entries_by_file["Phoenix.Countries.actors.txt"]:
        code = entry_country(entry, known, territories)
        if code is None:
            non_country.append(entry)
            continue
        head = fold_accents(norm_phrase(entry.head))
        if head in core_index and rows[core_index[head]].kind != "historic":
            code = core_index[head]
        row = rows[code]
        keys = token_keys([*row.names, *NAME_KEY_EXTRAS.get(code, [])])
        core = set(row.core)
        for raw in entry.names:
            alias = norm_phrase(raw)
            if not usable_alias(alias) or alias in EXCLUDED_COUNTRY_ALIASES:
                continue
            fixed = PHOENIX_ALIAS_FIXES.get((code, alias), code)
            if not fixed:
                stats["phoenix country aliases dropped (fixes)"] += 1
                continue
            if fixed != code:
                stats["phoenix country aliases moved (fixes)"] += 1
                places[alias].append(fixed)
                continue
            if name_like(alias, keys, core) or name_like(fold_accents(alias), keys, core):
                row.phoenix.append(alias)
            elif len(alias) >= 4 and alias not in PLACE_STOPLIST:
                places[alias].append(code)
    ambiguities: list[Ambiguity] = []
    per_code, place_owner = resolve_country_aliases(rows, places, ambiguities)
    tables = Tables()
    for code in sorted(rows):
        row = rows[code]
        tables.countries.append(
            [code, row.name, row.kind, row.successor, "|".join(per_code.get(code, []))]
        )
    country_alias_owner = {a: c for c, aliases in per_code.items() for a in aliases}

    # ---- organisations -------------------------------------------------------------------
    intl = entries_by_file["Phoenix.International.actors.txt"]
    orgs, igo_persons = build_organisations(intl, known, stats)
    if clash := sorted(set(orgs) & known):
        raise ValueError(f"organisation codes clash with country codes: {clash}")
    tables.organisations = org_rows(orgs, set(country_alias_owner))
    org_for_cameo = dict(CAMEO_TO_ORG)
    for org in orgs.values():
        org_for_cameo.setdefault(org.cameo, org.code)

    # ---- agents ----------------------------------------------------------------------------
    agents = build_agents(phoenix_dir, stats)
    tables.agents = [[a.alias, a.sector, a.note] for a in agents]
    agent_aliases = {a.alias for a in agents}

    # ---- people ----------------------------------------------------------------------------
    manual = parse_manual_people()
    manual_index: dict[str, ManualPerson] = {}
    for person in manual:
        for alias in person.aliases:
            if alias in manual_index and manual_index[alias] is not person:
                raise ValueError(f"manual alias {alias!r} used for two people")
            manual_index[alias] = person
    phoenix_people = [e for e in non_country if is_person(e)]
    phoenix_people += [
        e
        for e in entries_by_file["Phoenix.MilNonState.actors.txt"]
        if looks_like_person(e.head) and any(c.dated for c in e.codes)
    ]
    phoenix_people += [e for e in igo_persons if any(c.dated for c in e.codes)]
    token_owners: dict[str, set[int]] = defaultdict(set)
    for idx, entry in enumerate(phoenix_people):
        for raw in entry.names:
            for token in norm_phrase(raw).split(" "):
                token_owners[token].add(idx)
    shared_tokens = {t for t, owners in token_owners.items() if len(owners) > 1}
    shared_tokens |= {t for a in manual_index for t in a.split(" ")}
    renamed: list[list[str]] = []
    for entry in phoenix_people:
        aliases = [norm_phrase(n) for n in entry.names]
        countries = entry_countries(entry, known, org_for_cameo)
        match = next((manual_index[a] for a in aliases if " " in a and a in manual_index), None)
        if match is not None:
            extra = [
                a
                for a in person_aliases(entry, shared_tokens)
                if a not in manual_index and " " in a
            ]
            match.aliases.extend(extra)
            if countries & match.countries():
                stats["phoenix persons merged into manual people"] += 1
                continue
            # same person, earlier roles elsewhere (e.g. a national minister before an IGO
            # post): keep the Phoenix roles under the manual name and aliases
            moved = phoenix_person_rows(
                entry, known, territories, org_for_cameo, horizon, shared_tokens, stats
            )
            for prow in moved:
                prow[0] = match.name
            renamed.extend(moved)
            stats["phoenix persons renamed to manual people"] += 1
            continue
        tables.people.extend(
            phoenix_person_rows(
                entry, known, territories, org_for_cameo, horizon, shared_tokens, stats
            )
        )
    # aliases that Phoenix gives to several different people are dropped from all of them
    alias_people: dict[str, set[str]] = defaultdict(set)
    for prow in tables.people:
        for alias in prow[1].split("|"):
            alias_people[alias].add(prow[0])
    for prow in tables.people:
        kept = [a for a in prow[1].split("|") if len(alias_people[a]) == 1 or a == prow[0].lower()]
        prow[1] = "|".join(kept or [prow[0].lower()])
    manual_aliases = {person.name: "|".join(unique(person.aliases)) for person in manual}
    for prow in renamed:
        prow[1] = manual_aliases[prow[0]]
    tables.people.extend(renamed)
    for person in manual:
        for role in person.roles:
            tables.people.append(
                [
                    person.name,
                    "|".join(unique(person.aliases)),
                    role.country,
                    role.role,
                    role.sector,
                    role.start,
                    role.end,
                    "manual",
                ]
            )
    tables.people.sort(key=lambda r: (r[2], r[0], r[5], r[3]))

    # ---- institutions (national bodies, armed groups) ------------------------------------
    inst_rows: list[list[str]] = []
    inst_claims: dict[str, set[str]] = defaultdict(set)
    candidates: list[tuple[str, list[str], str, str, str, str, str]] = []
    for block in logical_lines(MANUAL_INSTITUTIONS):
        name, country, sector, kind, cameo, alias_text = (p.strip() for p in block.split("|"))
        candidates.append((name, split_list(alias_text), country, sector, kind, cameo, "manual"))
    sources = [(e, "national_body") for e in non_country if not is_person(e)]
    sources += [
        (e, "armed_group")
        for e in entries_by_file["Phoenix.MilNonState.actors.txt"]
        if not looks_like_person(e.head)
    ]
    for entry, kind in sources:
        spans = entry.real_codes()
        if not spans:
            continue
        span = max(spans, key=lambda c: (not c.dated, c.end is None, c.start or dt.date.min))
        code = span.code
        country = iso_for_prefix(code[:3], known) or ""
        if country:
            sector = sector_of(code[3:])
        else:
            chunks = [code[i : i + 3] for i in range(0, len(code) - 2, 3)]
            sector = next((c for c in chunks if c in SECTORS), "")
        if sector not in SECTORS:
            continue
        names: list[str] = []
        for position, raw in enumerate(entry.names):
            alias = norm_phrase(raw)
            inner = re.findall(r"\(([^)]*)\)", alias)
            base = re.sub(r"\s*\([^)]*\)", "", alias).strip()
            if position == 0 or " " in base:  # one-word synonyms are too often plain words
                names.append(base)
            names.extend(i for i in inner if re.fullmatch(r"[a-z][a-z.\-]{2,9}", i))
        names = [n for n in unique(names) if usable_alias(n) and len(n) >= 3]
        if names:
            display = re.sub(r"\s*\([^)]*\)", "", title_name(entry.head)).strip()
            candidates.append((display, names, country, sector, kind, code, "phoenix"))
    for _name, aliases, country, *_rest in candidates:
        for alias in aliases:
            inst_claims[alias].add(country)
    manual_inst_aliases = {a for c in candidates if c[6] == "manual" for a in c[1]}
    for name, aliases, country, sector, kind, cameo, source in candidates:
        keep = []
        for alias in aliases:
            if source != "manual" and (alias in agent_aliases or alias in manual_inst_aliases):
                continue
            if len(inst_claims[alias]) > 1:
                continue
            if country_alias_owner.get(alias, country) != country:
                continue
            keep.append(alias)
        if keep:
            inst_rows.append([name, "|".join(unique(keep)), country, sector, kind, cameo, source])
    tables.institutions = sorted(inst_rows, key=lambda r: (r[2], r[0]))

    # ---- places ----------------------------------------------------------------------------
    person_tokens = {t for person in manual for a in person.aliases for t in a.split(" ")}
    for alias, code in sorted(place_owner.items(), key=lambda kv: (kv[1], kv[0])):
        if " " not in alias and alias in person_tokens:
            ambiguities.append(
                Ambiguity(alias, code, "", "places", "dropped: also part of a person's name")
            )
            continue
        tables.places.append([alias, code, "phoenix"])

    tables.cameo_countries = [
        [cameo, iso_code, CAMEO_NOTES[cameo]] for cameo, iso_code in sorted(CAMEO_TO_ISO.items())
    ]
    tables.ambiguous = sorted(
        ([a.alias, a.candidates, a.resolved_to, a.table, a.note] for a in ambiguities),
        key=lambda r: (r[3], r[0]),
    )

    write_all(out, tables, horizon)
    counts = {
        "countries": len(tables.countries),
        "organisations": len(tables.organisations),
        "agents": len(tables.agents),
        "people": len(tables.people),
        "institutions": len(tables.institutions),
        "places": len(tables.places),
        "ambiguous_aliases": len(tables.ambiguous),
        "cameo_countries": len(tables.cameo_countries),
    }
    for key, value in sorted(stats.items()):
        print(f"  note: {key}: {value}", file=sys.stderr)
    return counts


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

COLUMNS = {
    "countries": ["code", "name", "kind", "successor", "aliases"],
    "organisations": ["code", "name", "kind", "aliases", "cameo", "parent"],
    "agents": ["alias", "sector", "note"],
    "people": ["name", "aliases", "country", "role", "sector", "valid_from", "valid_to", "source"],
    "institutions": ["name", "aliases", "country", "sector", "kind", "cameo", "source"],
    "places": ["alias", "country", "source"],
    "ambiguous_aliases": ["alias", "candidates", "resolved_to", "table", "note"],
    "cameo_countries": ["cameo", "iso3", "note"],
}


def describe(table: str, horizon: dt.date) -> list[str]:
    common = [
        ATTRIBUTION,
        f"Generated by: {BUILD_COMMAND}",
        "Do not edit by hand: change scripts/build_actors.py and rebuild.",
        MANUAL_NOTE,
        "Aliases are lowercase surface forms separated by '|'.",
    ]
    specific = {
        "countries": [
            "code: ISO 3166-1 alpha-3 (XKX = Kosovo, user-assigned; historic states use their "
            "withdrawn ISO codes, e.g. SUN, YUG, CSK, DDR).",
            "kind: state | territory (ISO-coded dependency) | historic; successor: the single ISO "
            "code of the continuing or renamed state for historic rows (SUN->RUS, YUG->SCG, "
            "SCG->SRB, DDR->DEU); empty for states divided without a continuator: "
            + "; ".join(f"{k} divided into {v}" for k, v in DIVIDED_INTO.items())
            + ".",
            "CAMEO -> ISO: USR->SUN, TMP->TLS, ROM->ROU, ZAR->COD, KSV->XKX, FRY->YUG, "
            "SRP->BIH, KRJ->HRV; CAMEO territory sub-codes (GBRFLK, USAPRI, ...) -> the "
            "territory's own ISO code; Phoenix's fictional KNT dropped.",
            "Each alias belongs to exactly one row; conflicts and deliberately excluded "
            "aliases are listed in ambiguous_aliases.tsv.",
            "Sub-national places from Phoenix (cities, provinces) are in places.tsv.",
        ],
        "organisations": [
            "code: short clean code (UN, UNSC, EU, NATO, ...); Phoenix-only bodies get an "
            "acronym code. cameo: the CAMEO actor code Phoenix uses (IGOUNO, IGOWSTNAT, ...).",
            "kind: igo | igo_body (organ/agency of parent) | forum | historic | ngo.",
            "Bare 'security council' is not an alias (national security councils); use "
            "'un security council' / 'unsc'.",
        ],
        "agents": [
            "Generic role nouns -> sector. Sectors: GOV MIL DIP LEG JUD COP MED BUS REB OPP "
            "CVL EDU SPY HOS (head of state) plus other CAMEO sectors kept from Phoenix.",
            "note: phoenix:~CODE = Phoenix.agents.txt entry (CODE = its CAMEO code; "
            "GOVMIL->MIL, GOVSPY/MILSPY->SPY); manual = hand addition; 'manual override' = "
            "hand-corrected sector.",
        ],
        "people": [
            "One row per (person, role period). role: HOS HOG FM DM NSA INT SPOKES OTHER; "
            "sector: HOS for heads of state, GOV for HOG/FM/NSA/SPOKES, MIL for DM, SPY for "
            "INT; OTHER carries its own sector. country: ISO alpha-3, or an organisation code "
            "from organisations.tsv for officials of an IGO.",
            "Dates ISO, inclusive. source=manual: empty valid_to = in office as of 2026-11 "
            "(as far as known). source=phoenix: role OTHER with the CAMEO sector of the code; "
            f"Phoenix open-ended or undated codes are closed at the source horizon "
            f"{horizon.isoformat()} (latest date in the Phoenix files), empty valid_from = "
            "unknown start.",
            "Phoenix persons that match a manual person are merged into the manual rows.",
        ],
        "institutions": [
            "Named national bodies and armed non-state groups -> country + sector. "
            "kind: national_body | state_media | media | armed_group. cameo: Phoenix/CAMEO "
            "code (IMG..., MEA..., INT... = no single country).",
        ],
        "places": [
            "Sub-national places and other non-name aliases that Phoenix files under a "
            "country (location evidence, lower precision than countries.tsv aliases).",
        ],
        "ambiguous_aliases": [
            "Aliases claimed by several rows or deliberately excluded. resolved_to: the code "
            "that kept the alias (empty = dropped everywhere).",
        ],
        "cameo_countries": [
            "CAMEO/Phoenix country codes that differ from the ISO code used by redline "
            "(every other CAMEO country code is already ISO 3166-1 alpha-3).",
        ],
    }
    return [*common, *specific[table]]


def write_tsv(path: Path, comments: list[str], columns: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for comment in comments:
            handle.write(f"# {comment}\n")
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            if len(row) != len(columns):
                raise ValueError(f"{path.name}: bad row {row!r}")
            cleaned = [re.sub(r"[\t\r\n]+", " ", cell).strip() for cell in row]
            handle.write("\t".join(cleaned) + "\n")


def write_all(out: Path, tables: Tables, horizon: dt.date) -> None:
    out.mkdir(parents=True, exist_ok=True)
    mapping = {
        "countries": tables.countries,
        "organisations": tables.organisations,
        "agents": tables.agents,
        "people": tables.people,
        "institutions": tables.institutions,
        "places": tables.places,
        "ambiguous_aliases": tables.ambiguous,
        "cameo_countries": tables.cameo_countries,
    }
    for table, rows in mapping.items():
        write_tsv(out / f"{table}.tsv", describe(table, horizon), COLUMNS[table], rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        required=True,
        help="path to the shared reference folder (contains ontology/)",
    )
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    args = parser.parse_args(argv)
    counts = build(args.shared, args.out)
    for table, count in counts.items():
        print(f"{table}.tsv: {count} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
