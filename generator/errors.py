"""Errors a user can fix: each names the file and line at fault."""

from __future__ import annotations

from pathlib import Path


class PodsiteError(Exception):
    """Bad input. The CLI prints it as ``path:line: message`` and exits 1."""

    def __init__(self, path: str | Path | None, line: int | None, message: str):
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.path is None:  # a command-line value: the message names the option
            return self.message
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class TranscriptError(PodsiteError):
    """A transcript that cannot be read or does not follow its format."""


class ConfigError(PodsiteError):
    """A settings, topics or glossary file with a wrong key or value."""


class QuoteMismatch(PodsiteError):
    """A quote that is not verbatim in the source span it claims to come from."""


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1
