"""Settings: defaults, config.toml, REDLINE_* variables and their errors; `redline init`."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from redline.cli.main import cli
from redline.errors import ConfigError
from redline.settings import SETTINGS, Settings, load_settings


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No REDLINE_* variable from the caller's shell; user folders inside tmp_path."""
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.delenv("REDLINE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def test_without_a_file_every_setting_has_its_default() -> None:
    settings = load_settings(environ={})
    for setting in SETTINGS:
        assert getattr(settings, setting.name) == setting.default
        assert settings.sources[setting.name] == "default"
    assert settings.config_path.name == "config.toml"


def test_the_settings_record_has_one_typed_field_per_setting() -> None:
    hints = typing.get_type_hints(Settings)
    assert [name for name in hints if name not in ("config_path", "sources")] == [
        s.name for s in SETTINGS
    ]
    for setting in SETTINGS:
        assert setting.type in typing.get_args(hints[setting.name]) or (
            hints[setting.name] is setting.type
        ), setting.name


def test_defaults_agree_with_the_code_they_configure() -> None:
    from redline.ingest import IngestLimits
    from redline.nlp.model import DEFAULT_MODEL
    from redline.pipeline import PipelineConfig

    settings = load_settings(environ={})
    assert settings.model == DEFAULT_MODEL
    assert settings.batch_size == PipelineConfig().batch_size
    assert settings.max_bytes == IngestLimits().max_bytes


def test_the_environment_wins_over_the_file(tmp_path: Path) -> None:
    config = write(tmp_path / "c.toml", 'max_bytes = 5\nbatch_size = 8\nmodel = "other"\n')
    settings = load_settings(config, {"REDLINE_MAX_BYTES": "7", "REDLINE_MODEL": ""})
    assert (settings.max_bytes, settings.batch_size, settings.model) == (7, 8, "other")
    assert settings.sources["max_bytes"] == "environment"
    assert settings.sources["batch_size"] == "file"
    # An empty variable is unset, so the file's value stands.
    assert settings.sources["model"] == "file"


def test_redline_config_names_the_file(tmp_path: Path) -> None:
    config = write(tmp_path / "elsewhere.toml", 'webhook_url = "https://example.org/hook"\n')
    settings = load_settings(environ={"REDLINE_CONFIG": str(config)})
    assert settings.webhook_url == "https://example.org/hook"
    assert settings.config_path == config


def test_a_named_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"config file .*missing\.toml does not exist"):
        load_settings(environ={"REDLINE_CONFIG": str(tmp_path / "missing.toml")})


def test_relative_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    folder.mkdir()
    config = write(folder / "config.toml", 'rules = "redlines.yaml"\ndata_dir = "/srv/r"\n')
    settings = load_settings(config, {"REDLINE_PLAYBOOK": "/etc/playbook.yaml"})
    assert settings.rules == folder / "redlines.yaml"
    assert settings.playbook == Path("/etc/playbook.yaml")
    assert settings.database_url() == "sqlite:////srv/r/redline.db"


def test_the_database_defaults_to_the_data_directory(isolated: Path) -> None:
    settings = load_settings(environ={})
    assert settings.database_url().startswith(f"sqlite:///{isolated / 'xdg-data'}")
    assert load_settings(environ={"REDLINE_DB": "sqlite://"}).database_url() == "sqlite://"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'max_bytes = "20MB"',
            r"setting 'max_bytes': expected an integer, got a string \('20MB'\)",
        ),
        ("batch_size = true", r"setting 'batch_size': expected an integer, got a boolean \(true\)"),
        ("batch_size = 0", r"setting 'batch_size': expected an integer >= 1, got 0"),
        ("rules = 3", r"setting 'rules': expected a path \(a string\), got an integer \(3\)"),
        ("db = [1]", r"setting 'db': expected a string, got an array"),
        ('model = ""', r"setting 'model': must not be empty"),
    ],
)
def test_a_wrong_type_names_the_file_the_key_and_the_type(
    tmp_path: Path, line: str, message: str
) -> None:
    config = write(tmp_path / "config.toml", line + "\n")
    with pytest.raises(ConfigError, match=re.escape(str(config)) + ", " + message) as caught:
        load_settings(config, {})
    assert caught.value.code == "E005"


def test_an_unknown_key_is_named_with_the_known_ones(tmp_path: Path) -> None:
    config = write(tmp_path / "config.toml", "max_byte = 3\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(config, {})
    message = caught.value.message
    assert "unknown setting 'max_byte'" in message and "did you mean 'max_bytes'" in message
    assert "known settings: " + ", ".join(s.name for s in SETTINGS) in message


def test_invalid_toml_is_reported_with_its_file(tmp_path: Path) -> None:
    config = write(tmp_path / "config.toml", "max_bytes = = 3\n")
    with pytest.raises(ConfigError, match=f"config file {re.escape(str(config))} is not valid"):
        load_settings(config, {})


def test_a_bad_variable_is_named() -> None:
    with pytest.raises(ConfigError, match="REDLINE_BATCH_SIZE .*expected an integer, got 'many'"):
        load_settings(environ={"REDLINE_BATCH_SIZE": "many"})


def init(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["init", *args])
    return result.exit_code, result.output


def test_init_writes_the_three_files_and_says_what_next(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    code, out = init(str(folder))
    assert code == 0, out
    for name in ("config.toml", "redlines.yaml", "playbook.yaml"):
        assert str(folder / name) in out
    assert "redline doctor" in out
    # The folder is not where redline looks, so init says how to point redline at it.
    assert f"REDLINE_CONFIG={folder / 'config.toml'}" in out
    assert load_settings(folder / "config.toml", {}).sources == {
        s.name: "default" for s in SETTINGS
    }


def test_init_defaults_to_the_user_config_folder(isolated: Path) -> None:
    code, out = init()
    assert code == 0, out
    assert (isolated / "xdg-config" / "redline" / "config.toml").is_file()
    assert "REDLINE_CONFIG" not in out


def test_the_starter_config_documents_every_setting_and_parses_uncommented(
    tmp_path: Path,
) -> None:
    init(str(tmp_path))
    text = (tmp_path / "config.toml").read_text("utf-8")
    for setting in SETTINGS:
        assert setting.env in text and f"# {setting.name} = " in text
    uncommented = re.sub(r"(?m)^# (\w+ = )", r"\1", text)
    settings = load_settings(write(tmp_path / "all.toml", uncommented), {})
    for setting in SETTINGS:
        assert settings.sources[setting.name] == "file"
        if setting.default is not None:
            assert getattr(settings, setting.name) == setting.default


def test_the_starter_rules_and_playbook_pass_their_schemas(tmp_path: Path) -> None:
    from redline.redlines.playbook import load_playbook
    from redline.redlines.rules import load_rules

    init(str(tmp_path))
    rules = load_rules([tmp_path / "redlines.yaml"], defaults=False)
    assert rules.ids == ("joint-exercises", "naval-port-access")
    playbook = load_playbook(tmp_path / "playbook.yaml")
    assert playbook.levels and playbook.alerts and playbook.tiers
    rule_ids = {play.rule for play in playbook.alerts}
    assert rule_ids <= set(rules.ids)
    raw = yaml.safe_load((tmp_path / "redlines.yaml").read_text("utf-8"))
    assert {"id", "title", "pair", "ordered", "severity", "tier", "when"} <= set(raw["redlines"][0])


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    (tmp_path / "redlines.yaml").write_text("mine: true\n", "utf-8")
    code, out = init(str(tmp_path))
    assert code == 1
    assert "not overwriting" in out and "redlines.yaml" in out and "--force" in out
    assert (tmp_path / "redlines.yaml").read_text("utf-8") == "mine: true\n"
    assert not (tmp_path / "config.toml").exists()
    code, out = init(str(tmp_path), "--force")
    assert code == 0, out
    assert "redlines" in yaml.safe_load((tmp_path / "redlines.yaml").read_text("utf-8"))
    assert (tmp_path / "redlines.yaml").read_text("utf-8") != "mine: true\n"
