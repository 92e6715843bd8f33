"""`redline init`: write a commented starter config, red-line rule file and playbook."""

from __future__ import annotations

import json
import textwrap
from importlib import resources
from pathlib import Path

import click

from redline.settings import CONFIG_ENV, CONFIG_NAME, SETTINGS, Setting, config_location

RULES_NAME = "redlines.yaml"
PLAYBOOK_NAME = "playbook.yaml"
WHAT = {
    CONFIG_NAME: "every setting, commented out, with its help and default",
    RULES_NAME: "an example red-line rule file",
    PLAYBOOK_NAME: "an example response playbook",
}

HEADER = f"""\
# redline configuration, written by `redline init`.
#
# Every setting is commented out, so redline uses the default shown. Uncomment a line to change
# it. Environment variables (the REDLINE_* name under each setting) override this file; relative
# paths are relative to this file's folder. redline reads {CONFIG_NAME} in your user config folder,
# or the file named by ${CONFIG_ENV}; `redline doctor` shows which, and checks it.
"""


def toml_value(value: str | int) -> str:
    """`value` as a TOML literal (JSON's string escapes are valid TOML basic strings)."""
    return f"{value:_}" if isinstance(value, int) else json.dumps(value, ensure_ascii=False)


def setting_block(setting: Setting) -> str:
    """One setting in the starter config: help and variable as comments, then `# key = value`."""
    lines = textwrap.wrap(setting.help, width=96)
    if setting.default is None:
        lines.append(f"Default: unset. Environment: {setting.env}. Example:")
        value: str | int = setting.example or ""
    else:
        lines.append(f"Default: {toml_value(setting.default)}. Environment: {setting.env}.")
        value = setting.default
    return "".join(f"# {line}\n" for line in lines) + f"# {setting.name} = {toml_value(value)}\n"


def starter_config() -> str:
    """The text of a starter config.toml: every setting, commented out."""
    return HEADER + "".join("\n" + setting_block(setting) for setting in SETTINGS)


def starter_files() -> dict[str, str]:
    """Each starter file's name and text."""
    starter = resources.files("redline").joinpath("data/starter")
    return {
        CONFIG_NAME: starter_config(),
        RULES_NAME: starter.joinpath(RULES_NAME).read_text("utf-8"),
        PLAYBOOK_NAME: starter.joinpath(PLAYBOOK_NAME).read_text("utf-8"),
    }


def next_steps(directory: Path) -> str:
    """What to do after `init`, pointing at the files just written."""
    config = directory / CONFIG_NAME
    steps = [
        f"Edit {config}: uncomment the settings you want to change.",
        f'Write your red lines in {directory / RULES_NAME}, then set rules = "{RULES_NAME}" '
        f'(and playbook = "{PLAYBOOK_NAME}") in {CONFIG_NAME}.',
    ]
    read, _ = config_location()
    if read.resolve() != config.resolve():
        steps.append(f"redline reads {read}: export {CONFIG_ENV}={config} to use this one.")
    steps.append("Run `redline doctor` to check the installation and this configuration.")
    return "\n".join(f"  {number}. {step}" for number, step in enumerate(steps, 1))


@click.command()
@click.argument(
    "directory",
    required=False,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="[DIR]",
)
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def init(directory: Path | None, force: bool) -> None:
    """Write a commented config.toml, redlines.yaml and playbook.yaml into DIR.

    DIR defaults to the folder of the config file redline reads: that of $REDLINE_CONFIG,
    else your user config folder. Existing files are left alone unless you pass --force.
    """
    directory = directory or config_location()[0].parent
    files = starter_files()
    existing = [directory / name for name in files if (directory / name).exists()]
    if existing and not force:
        names = ", ".join(str(path) for path in existing)
        raise click.ClickException(
            f"not overwriting {names}; pass --force to replace "
            f"{'it' if len(existing) == 1 else 'them'} with the starter files"
        )
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (directory / name).write_text(text, "utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write to {directory}: {exc.strerror}") from exc
    click.echo("Wrote:")
    for name in files:
        click.echo(f"  {directory / name}  ({WHAT[name]})")
    click.echo("Next:\n" + next_steps(directory))
