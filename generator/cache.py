"""Analysis cache, so a preview rebuild re-analyses only what changed.

An episode's entry is keyed by everything its analysis depends on: the transcript's bytes
and its sidecar's, the settings, the glossary, the spaCy version, and the generator's own
code. A site-wide result derived from all episodes (terms extracted when there is no
glossary) is keyed by the keys of the episodes it was derived from. Entries not used by a
run are removed at the end of it. A damaged entry is a miss.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from pathlib import Path
from typing import Callable, TypeVar

import spacy

from .model import Episode
from .write import atomic_write

log = logging.getLogger(__name__)
CODE = Path(__file__).parent
T = TypeVar("T")


def code_digest() -> str:
    digest = hashlib.sha256(spacy.__version__.encode())
    for source in sorted(CODE.rglob("*.py")):
        digest.update(source.relative_to(CODE).as_posix().encode() + source.read_bytes())
    return digest.hexdigest()


class EpisodeCache:
    def __init__(self, folder: Path, *context: object):
        self.folder = folder
        self.context = hashlib.sha256((code_digest() + repr(context)).encode()).hexdigest()
        self.used: set[str] = set()
        self.episode_keys: list[str] = []

    def key(self, transcript: Path) -> str:
        digest = hashlib.sha256(self.context.encode() + transcript.name.encode() + transcript.read_bytes())
        for sidecar in (transcript.with_suffix(".yml"), transcript.with_suffix(".yaml")):
            if sidecar.exists():
                digest.update(sidecar.read_bytes())
        return digest.hexdigest()

    def episode(self, transcript: Path, analyse: Callable[[], Episode]) -> Episode:
        key = self.key(transcript)
        self.episode_keys.append(key)
        return self._entry(key, analyse)

    def derived(self, name: str, compute: Callable[[], T]) -> T:
        """A result computed from every episode read so far (and nothing else but the context)."""
        key = hashlib.sha256(f"{self.context} {name} {sorted(self.episode_keys)}".encode()).hexdigest()
        return self._entry(key, compute)

    def _entry(self, key: str, compute: Callable[[], T]) -> T:
        self.used.add(key)
        entry = self.folder / f"{key}.pickle"
        try:
            return pickle.loads(entry.read_bytes())
        except FileNotFoundError:
            pass
        except Exception:  # a damaged or outdated entry: compute again
            log.debug("cache entry %s unreadable", entry)
        result = compute()
        atomic_write(entry, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        return result

    def prune(self) -> None:
        for entry in self.folder.glob("*.pickle"):
            if entry.stem not in self.used:
                entry.unlink(missing_ok=True)
