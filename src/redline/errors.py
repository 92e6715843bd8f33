"""User-facing errors, each with a stable code (spaCy-style), kept in one module."""

from __future__ import annotations


class RedlineError(Exception):
    """Base of every error redline reports to its user."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class ModelError(RedlineError):
    """The language model is missing, tampered with or unloadable."""

    code = "E001"


class IngestError(RedlineError):
    """A file, page or feed could not be read into documents."""

    code = "E002"


class StoreError(RedlineError):
    """The database could not be opened, migrated or written."""

    code = "E003"


class DataFileError(RedlineError):
    """A packaged or user data file (ontology, lexicon, actors, rules) is invalid."""

    code = "E004"


class ConfigError(RedlineError):
    """A setting or option has an invalid value."""

    code = "E005"
