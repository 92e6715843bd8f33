"""CAMEO-coded, tab-separated event exports: the GDELT 2.0 event layout and the Phoenix layout.

Both are headerless files with a fixed number of columns (61 for a GDELT 2.0 event export,
26 for a Phoenix daily file). A line with any other number of columns is reported, never
shifted into place: a missing tab would otherwise put a URL in the actor column. A header
line, when a file has one, is recognised by its first column and skipped.

The datasets code what happened, not how it was reported, so every row is `asserted` with a
day-precision date; the dataset's own figures (Goldstein value, mention and source counts,
tone, place) are kept in the synthetic document's body.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from redline.interop.cameo import Coding, cameo_actor, event_coding, intensity
from redline.interop.importing import (
    ImportedItem,
    ImportProblem,
    RowError,
    day_moment,
    decoded_lines,
    host,
    parse_day,
    synthetic_document,
)
from redline.models import Actor, DatePrecision, Event, EventDate, Evidence, Modality

GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode "
    "Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode "
    "Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale "
    "NumMentions NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code "
    "Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code "
    "Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code "
    "ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID "
    "DATEADDED SOURCEURL"
).split()
PHOENIX_COLUMNS = (
    "EventID Date Year Month Day SourceActorFull SourceActorEntity SourceActorRole "
    "SourceActorAttribute TargetActorFull TargetActorEntity TargetActorRole "
    "TargetActorAttribute EventCode EventRootCode PentaClass GoldsteinScore Issues Lat Lon "
    "LocationName StateName CountryCode SentenceID URLs NewsSources"
).split()
GDELT_KEPT = (
    "QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone IsRootEvent "
    "Actor1Type1Code Actor2Type1Code ActionGeo_FullName ActionGeo_CountryCode "
    "ActionGeo_Lat ActionGeo_Long DATEADDED"
).split()
PHOENIX_KEPT = (
    "PentaClass GoldsteinScore Issues LocationName CountryCode Lat Lon SentenceID".split()
)


def _fields(line: str, columns: Sequence[str], layout: str) -> dict[str, str]:
    values = line.split("\t")
    if len(values) != len(columns):
        hint = " (a GDELT 1.0 file has 57 or 58)" if layout == "GDELT 2.0" else ""
        raise RowError(
            f"expected {len(columns)} tab-separated columns of the {layout} layout, "
            f"found {len(values)}{hint}"
        )
    return dict(zip(columns, (v.strip() for v in values), strict=True))


def _coding(code: str, column: str) -> Coding:
    if not code:
        raise RowError(f"{column} is empty")
    found = event_coding(code)
    if found is None:
        hint = " (PLOVER has no type for CAMEO 01 and 02)" if code[:2] in ("01", "02") else ""
        raise RowError(f"{column} {code!r} is not a CAMEO event code redline maps to PLOVER{hint}")
    return found


def _event(
    coding: Coding, code: str, actors: tuple[Actor, Actor | None], doc_id: str, text: str, day: date
) -> Event:
    source, target = actors
    return Event(
        type=coding.type,
        mode=coding.mode,
        contexts=coding.contexts,
        source=source,
        target=target,
        modality=Modality.ASSERTED,
        date=EventDate(day, DatePrecision.DAY, day.isoformat()),
        intensity=intensity(coding.type, coding.mode),
        cameo=code,
        confidence=1.0,
        evidence=Evidence(doc_id=doc_id, sentence=0, start=0, end=len(text), text=text),
    )


def _summary(
    dataset: str, row_id: str, actors: tuple[Actor, Actor | None], code: str, coding: Coding
) -> str:
    """The evidence line of an imported row: who did what (CAMEO's name of it) to whom."""
    source, target = actors
    what = f"{coding.description.lower() or coding.type.lower()} (CAMEO {code})"
    line = f"{dataset} event {row_id}: {source.text or source.code} ({source.code}) {what}"
    if target is not None:
        line += f" {target.text or target.code} ({target.code})"
    return line


def gdelt_row(fields: dict[str, str], origin: str) -> ImportedItem:
    """One GDELT 2.0 event row as an imported document with its event."""
    row_id = fields["GLOBALEVENTID"]
    if not row_id.isdigit():
        raise RowError(f"GLOBALEVENTID {row_id!r} is not a number")
    day = parse_day(fields["SQLDATE"], "SQLDATE")
    source = cameo_actor(fields["Actor1Code"], fields["Actor1Name"], fields["Actor1CountryCode"])
    if source is None:
        raise RowError("Actor1Code and Actor1CountryCode are empty: an event needs a source actor")
    target = cameo_actor(fields["Actor2Code"], fields["Actor2Name"], fields["Actor2CountryCode"])
    code = fields["EventCode"]
    coding = _coding(code, "EventCode")
    added = fields["DATEADDED"]
    published = day_moment(day)
    if added:
        try:  # slicing, not strptime: a third of the parse time on a large file
            if len(added) != 14 or not added.isdigit():
                raise ValueError(added)
            month, day_, hour, minute, second = (int(added[i : i + 2]) for i in range(4, 14, 2))
            published = datetime(int(added[:4]), month, day_, hour, minute, second, tzinfo=UTC)
        except ValueError as exc:
            raise RowError(f"DATEADDED {added!r} is not YYYYMMDDHHMMSS") from exc
    url = fields["SOURCEURL"] or None
    summary = _summary("GDELT 2.0", row_id, (source, target), code, coding)
    doc = synthetic_document(
        "GDELT 2.0",
        row_id,
        summary,
        [(k, fields[k]) for k in GDELT_KEPT] + [("SOURCEURL", url)],
        url=url,
        outlet=host(url) if url else None,
        published=published,
        origin=origin,
    )
    return ImportedItem(doc, (_event(coding, code, (source, target), doc.id, summary, day),))


def phoenix_row(fields: dict[str, str], origin: str) -> ImportedItem:
    """One Phoenix event row: its URLs and news sources become the document's copies."""
    row_id = fields["EventID"]
    if not row_id:
        raise RowError("EventID is empty")
    day = parse_day(fields["Date"], "Date")
    source = cameo_actor(fields["SourceActorFull"], "", fields["SourceActorEntity"])
    if source is None:
        raise RowError("SourceActorFull is empty: an event needs a source actor")
    target = cameo_actor(fields["TargetActorFull"], "", fields["TargetActorEntity"])
    code = fields["EventCode"]
    coding = _coding(code, "EventCode")
    urls = [u.strip() for u in fields["URLs"].split(";") if u.strip()]
    outlets = [s.strip() for s in fields["NewsSources"].split(";") if s.strip()]
    summary = _summary("Phoenix", row_id, (source, target), code, coding)
    doc = synthetic_document(
        "Phoenix",
        row_id,
        summary,
        [(k, fields[k]) for k in PHOENIX_KEPT]
        + [("URLs", "; ".join(urls)), ("NewsSources", "; ".join(outlets))],
        url=urls[0] if urls else None,
        outlet=outlets[0] if outlets else None,
        published=day_moment(day),
        origin=origin,
    )
    event = _event(coding, code, (source, target), doc.id, summary, day)
    return ImportedItem(doc, (event,), tuple(outlets))


def read_gdelt(path: Path) -> Iterator[ImportedItem | ImportProblem]:
    """Rows of a GDELT 2.0 event export (`*.export.CSV`, tab-separated despite the name)."""
    yield from _read(path, GDELT_COLUMNS, "GDELT 2.0", "gdelt", gdelt_row)


def read_phoenix(path: Path) -> Iterator[ImportedItem | ImportProblem]:
    """Rows of a Phoenix daily event file (`events.full.YYYYMMDD.txt`)."""
    yield from _read(path, PHOENIX_COLUMNS, "Phoenix", "phoenix", phoenix_row)


def _read(
    path: Path,
    columns: Sequence[str],
    layout: str,
    prefix: str,
    convert: Callable[[dict[str, str], str], ImportedItem],
) -> Iterator[ImportedItem | ImportProblem]:
    for number, line in decoded_lines(path):
        if isinstance(line, ImportProblem):
            yield line
            continue
        if line.split("\t", 1)[0].strip().lower() == columns[0].lower():
            continue  # a header line
        try:
            fields = _fields(line, columns, layout)
            item = convert(fields, f"{prefix}:{path.name}:{number}")
            yield ImportedItem(item.document, item.events, item.outlets, number)
        except RowError as exc:
            yield ImportProblem(str(path), number, str(exc))
