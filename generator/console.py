"""The `podsite` command's entry point. Loading spaCy and MkDocs takes a moment, and Ctrl-C
pressed then ends the command as quietly as Ctrl-C pressed later (nothing was written yet)."""

from __future__ import annotations

import sys


def main() -> int:
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        print("interrupted before anything was read or written", file=sys.stderr)
        return 130
    return run()
