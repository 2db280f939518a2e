"""Text that remembers where each character came from in the source file.

Readers cut pieces out of a source file, cleaning deletes fillers and joins paragraphs,
and every mention found afterwards must still point at an exact span of the file. A
`MappedText` carries its text plus runs of (text index, source offset): within a run,
characters are consecutive in the source. Edits return new objects.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable, Iterable


@dataclass(frozen=True)
class MappedText:
    text: str
    runs: tuple[tuple[int, int], ...]  # (index in text, offset in source), sorted

    @classmethod
    def verbatim(cls, source: str, start: int, end: int) -> "MappedText":
        return cls(source[start:end], ((0, start),) if end > start else ())

    @classmethod
    def from_offsets(cls, text: str, offsets: Iterable[int]) -> "MappedText":
        """Build from one source offset per character (e.g. a decoded JSON string)."""
        runs: list[tuple[int, int]] = []
        previous = None
        for index, offset in enumerate(offsets):
            if previous is None or offset != previous + 1:
                runs.append((index, offset))
            previous = offset
        return cls(text, tuple(runs))

    def __len__(self) -> int:
        return len(self.text)

    def source_offset(self, index: int) -> int:
        """Source offset of the character at `index`."""
        run = bisect.bisect_right(self.runs, (index, float("inf"))) - 1
        text_index, source_index = self.runs[max(run, 0)]
        return source_index + (index - text_index)

    def source_span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Source span covering text[start:end] (end exclusive)."""
        end = len(self.text) if end is None else end
        if end <= start:
            offset = self.source_offset(min(start, len(self.text) - 1)) if self.text else 0
            return offset, offset
        return self.source_offset(start), self.source_offset(end - 1) + 1

    def offsets(self) -> list[int]:
        """One source offset per character, expanded from the runs."""
        result: list[int] = []
        ends = [start for start, _ in self.runs[1:]] + [len(self.text)]
        for (start, source), end in zip(self.runs, ends):
            result.extend(range(source, source + end - start))
        return result

    def slice(self, start: int, end: int) -> "MappedText":
        return MappedText.from_offsets(self.text[start:end], self.offsets()[start:end])

    def split_at(self, cuts: Iterable[int]) -> list["MappedText"]:
        """Pieces between the cut positions, mapping computed once (linear in length)."""
        offsets = self.offsets()
        edges = [0, *cuts, len(self.text)]
        return [MappedText.from_offsets(self.text[a:b], offsets[a:b]) for a, b in zip(edges, edges[1:])]

    def strip(self) -> "MappedText":
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return self.slice(left, right) if (left, right) != (0, len(self.text)) else self

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> "MappedText":
        """Regex substitution; replacement characters map to the start of their match,
        and a replacement of the same length keeps the per-character mapping."""
        offsets = self.offsets()
        pieces: list[str] = []
        new_offsets: list[int] = []
        cursor = 0
        for match in pattern.finditer(self.text):
            pieces.append(self.text[cursor:match.start()])
            new_offsets.extend(offsets[cursor:match.start()])
            replacement = replace(match)
            pieces.append(replacement)
            if len(replacement) == match.end() - match.start():
                new_offsets.extend(offsets[match.start():match.end()])
            else:
                anchor = offsets[match.start()] if match.start() < len(offsets) else (offsets[-1] + 1)
                new_offsets.extend([anchor] * len(replacement))
            cursor = match.end()
        pieces.append(self.text[cursor:])
        new_offsets.extend(offsets[cursor:])
        return MappedText.from_offsets("".join(pieces), new_offsets)

    @staticmethod
    def join(parts: Iterable["MappedText"], separator: str = " ") -> "MappedText":
        """Concatenate; each separator maps just past the end of the part before it."""
        text: list[str] = []
        offsets: list[int] = []
        for part in parts:
            if text and separator:
                anchor = offsets[-1] + 1 if offsets else 0
                text.append(separator)
                offsets.extend([anchor] * len(separator))
            text.append(part.text)
            offsets.extend(part.offsets())
        return MappedText.from_offsets("".join(text), offsets)
