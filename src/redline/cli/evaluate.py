"""`redline eval`: score the coder on a gold JSONL file."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from redline.cli.common import fail, pipeline_config
from redline.errors import RedlineError


def print_figures(report: dict[str, object], console: Console) -> None:
    """The headline figures and the per-type table."""
    console.print(f"[bold]{report['mode']}[/] on {report['n']} cases")
    for key in (
        "type_accuracy",
        "type_macro_f1",
        "pair_f1",
        "triple_f1",
        "exact_match",
        "modality_accuracy",
    ):
        if report.get(key) is not None:
            console.print(f"  {key:18} {report[key]}")
    for key in ("type", "pair", "triple"):
        value = report.get(key)
        if isinstance(value, dict):
            console.print(
                f"  {key:6} P {value['precision']}  R {value['recall']}  F1 {value['f1']}"
            )
    for key, what in (
        ("modality_labelled", "modality of the labelled event"),
        ("modality_given_pair", "modality given the gold pair"),
    ):
        figures = report.get(key)
        if not isinstance(figures, dict):
            continue
        for split, row in figures["splits"].items():
            console.print(
                f"  {what}, {split}: {row['accuracy']} (n {row['n']}); "
                f"speculated/conditional coded asserted: "
                f"{row['hedged_as_asserted']}/{row['hedged_n']}; speculated coded asserted "
                f"{row['speculated_as_asserted']}, asserted coded speculated "
                f"{row['asserted_as_speculated']}"
            )
    per_type = report.get("per_type")
    if isinstance(per_type, dict) and per_type:
        table = Table(title="per type")
        for column in ("type", "precision", "recall", "f1", "support"):
            table.add_column(column)
        for name, row in per_type.items():
            table.add_row(name, *(str(row[c]) for c in ("precision", "recall", "f1", "support")))
        console.print(table)


@click.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mode",
    type=click.Choice(["extract", "classify"]),
    default="extract",
    show_default=True,
    help="extract: whole pipeline, P/R/F1 of type, pair and triple; classify: the "
    "type chosen for the gold actor pair (accuracy, macro-F1) and, on a set with modality "
    "labels, the modality given that pair.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the figures as JSON (stable names: n, type_accuracy, ...).",
)
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write one JSON line per case with what redline predicted.",
)
@click.option(
    "--dictionaries",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of PETRARCH-style dictionaries (PETR.Validate.actors/agents/verbs/"
    "discards.txt) to code with, for a gold set written for them, such as the PETRARCH unit "
    "suite with its fictional states. Used automatically when GOLD's own folder holds them.",
)
@click.option(
    "--own-lexicon/--no-own-lexicon",
    default=False,
    show_default=True,
    help="With dictionaries: keep redline's own trigger lexicon beside their verbs.",
)
def evaluate(
    gold: Path,
    mode: str,
    json_out: Path | None,
    predictions: Path | None,
    dictionaries: Path | None,
    own_lexicon: bool,
) -> None:
    """Score the event coder on GOLD (JSONL: id, text, date, expected [{source, target, code}]).

    Gold codes may be PLOVER types, PLOVER 0.5 names (DEMAND, DISAPPROVE, FIGHT, ...) or
    CAMEO codes; actors are compared at the country level (IGO for organisations). Records the
    set marks as expected errors or not to be evaluated are left out. The coder uses the
    `model` and `batch_size` settings.
    """
    import tempfile

    from redline.evaluation.gold import load_gold
    from redline.evaluation.runner import dictionary_pipeline
    from redline.evaluation.runner import evaluate as run
    from redline.pipeline import build_pipeline

    console = Console()
    if dictionaries is None and any(gold.parent.glob("PETR.Validate.actors.txt")):
        dictionaries = gold.parent
    try:
        cases = load_gold(gold)
        with tempfile.TemporaryDirectory(prefix="redline-dicts-") as scratch:
            discards: tuple[str, ...] = ()
            if dictionaries is not None:
                pipeline, discards, counts = dictionary_pipeline(
                    dictionaries, Path(scratch), own_lexicon, pipeline_config()
                )
                summary = ", ".join(f"{v} {k}" for k, v in counts.items())
                console.print(f"Dictionaries from {dictionaries}: {summary}")
            else:
                pipeline = build_pipeline(pipeline_config())
            with console.status(f"Coding {len(cases)} gold cases..."):
                report, predicted = run(cases, pipeline, mode, discards=discards)
    except RedlineError as exc:
        raise fail(exc) from exc
    print_figures(report, console)
    if json_out:
        json_out.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    if predictions:
        with predictions.open("w", encoding="utf-8") as out:
            for record in predicted:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
