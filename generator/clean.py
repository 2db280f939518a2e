"""Clean: reader blocks -> passages with a readable text that still maps to the source.

Three steps, each keeping character provenance through `MappedText`:
join blocks the source split mid-sentence (or left as tiny fragments), split blocks too
long to read at sentence ends, and tidy the reading text (fillers, stutters, a lowercase
"i").
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator, Sequence

from .model import Block, Passage, Transcript
from .textmap import MappedText

# Scripts written without spaces between words: each character counts as a word, and a
# sentence ends at a full-width stop with or without a space after it.
UNSPACED_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = re.compile(rf"[{UNSPACED_CHARS}]|[^\s{UNSPACED_CHARS}]*[^\W_][^\s{UNSPACED_CHARS}]*")  # punctuation is no word
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’」』)\]]*$")
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"“(\[]?[A-Z0-9])|(?<=[。！？])[”’」』）]*\s*(?=\S)")
SAYS_ANYTHING = re.compile(r"[^\W_]")  # a letter or digit, in any script
FRAGMENT_WORDS = 12  # a block this short from one speaker is joined to the next one
# Formats whose blocks are pieces cut by time (caption cues, recogniser segments, table rows),
# not paragraphs someone wrote: a speaker's consecutive pieces make one turn, cut into
# passages at the sentence ends nearest the passage length like any long paragraph.
SEGMENTED_FORMATS = frozenset({"srt", "vtt", "whisper", "csv", "ass", "ttml"})

# A filler set off by commas goes with them: "and, um, the cities" reads "and the cities".
# Here "eh" is one too; alone it may be a question ("nice, eh?").
COMMA_FILLER = re.compile(r"(?i),[ \t]*(?:uh+|um+|uhm|erm|er|ah|eh)[ \t]*,(?=[ \t])")
FILLER = re.compile(r"(?i)(?<![\w'-])(?:uh+|um+|uhm|erm|er|ah)(?![\w'-])[,.]?\s*")
STUTTER = re.compile(r"(?i)(?<![\w'-])([a-z]+)(?:[ \t]+\1)+(?![\w'-])")  # "i i", "the the", "so So"
STUTTER_KEEP = {"that", "had", "is", "do", "very", "bye", "no", "yes", "so", "really", "ha"}
LOWER_I = re.compile(r"(?<![\w'-])i(?=(?:'[a-z]+)?(?![\w-]))")
SPACE_RUN = re.compile(r"[ \t]*\n[ \t]*|[ \t]{2,}")
# A space before punctuation that ends a word ("word ," from ASR tokens), not before ".NET" or "![".
SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[,.;:!?]+(?:\s|$))")
SPACE_BEFORE_STOP = re.compile(r"\s+(?=[,.]+(?:\s|$))")
SPACED_PUNCTUATION = {"fr"}  # languages whose typography puts a space before ; : ! ?
LEADING_PUNCT = re.compile(r"^[\s,;.]+")


def clean_transcript(transcript: Transcript, passage_words: int = 180) -> tuple[Passage, ...]:
    segmented = transcript.format in SEGMENTED_FORMATS
    groups = list(_join_fragments(transcript.blocks, whole_turns=segmented))
    pieces = [piece for group in groups for piece in _split_long(group, passage_words, paragraphs=not segmented)]
    language = (transcript.meta.language or "en").split("-")[0].lower()
    return tuple(_passage(index, blocks, text, language) for index, (blocks, text) in enumerate(pieces, 1))


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def _continues(last: Block, block: Block, words_so_far: int, whole_turns: bool) -> bool:
    """True when `block` carries on the same speaker's unfinished thought, or, with
    `whole_turns` (pieces cut by time), the same speaker's turn."""
    if block.speaker != last.speaker or block.new_turn:
        return False
    return whole_turns or not SENTENCE_END.search(last.text.text.rstrip()) or words_so_far < FRAGMENT_WORDS


def _join_fragments(blocks: Iterable[Block], whole_turns: bool = False) -> Iterator[list[Block]]:
    group: list[Block] = []
    words = 0
    for block in blocks:
        if not SAYS_ANYTHING.search(block.text.text):  # blank, or a rule such as "---" or "* * *"
            continue
        if group and not _continues(group[-1], block, words, whole_turns):
            yield group
            group, words = [], 0
        group.append(block)
        words += word_count(block.text.text)
    if group:
        yield group


def _split_long(group: list[Block], passage_words: int, paragraphs: bool = True) -> Iterator[tuple[list[Block], MappedText]]:
    """Yield (blocks, text) pieces of a joined group.

    The source's own paragraph breaks (when its blocks are `paragraphs`, not timed pieces)
    are kept, moved to the next sentence end so no passage starts mid-sentence; a piece
    still too long is cut at the sentence ends nearest the target length (or, in text with
    no punctuation at all, between words).
    """
    parts = [b.text.strip() for b in group]
    starts, ends = zip(*(part.source_span() for part in parts))
    text = MappedText.join(parts, " ")
    for piece in _cut_at_paragraphs(text, [len(p.text) for p in parts]) if paragraphs else [text]:
        for part in piece.split_at(_cut_points(piece.text, passage_words)):
            part = part.strip()
            if part.text:
                yield _blocks_from(group, starts, ends, part), part


def _cut_at_paragraphs(text: MappedText, lengths: list[int]) -> list[MappedText]:
    """Cut at the first sentence end after each source paragraph break (linear in length)."""
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(text.text)]
    word_ends = [m.end() for m in WORD.finditer(text.text)]
    words_before = lambda offset: bisect.bisect_right(word_ends, offset)  # noqa: E731
    cuts, cursor, position = [], 0, 0
    for length in lengths[:-1]:
        position += length + 1  # where the next block starts in the joined text
        index = bisect.bisect_left(breaks, position)
        if index == len(breaks):
            break
        cut = breaks[index]
        if words_before(cut) - words_before(cursor) >= FRAGMENT_WORDS and len(word_ends) - words_before(cut) >= FRAGMENT_WORDS:
            cuts.append(cut)
            cursor = cut
    return text.split_at(cuts)


def _cut_points(text: str, passage_words: int) -> list[int]:
    """Where to cut a long text: one pass, each cut at the sentence end nearest the target."""
    word_ends = [m.end() for m in WORD.finditer(text)]
    if len(word_ends) <= passage_words * 3 // 2:
        return []
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(text)]
    cuts, first_word = [], 0
    while len(word_ends) - first_word > passage_words * 3 // 2:
        low, high = word_ends[first_word + passage_words // 2], word_ends[first_word + passage_words * 3 // 2 - 1]
        target = word_ends[first_word + passage_words - 1]
        inside = breaks[bisect.bisect_left(breaks, low):bisect.bisect_right(breaks, high)]
        cut = min(inside, key=lambda b: (abs(b - target), b)) if inside else target
        cuts.append(cut)
        first_word = bisect.bisect_left(word_ends, cut + 1)
    return cuts


def _blocks_from(group: list[Block], starts: Sequence[int], ends: Sequence[int], piece: MappedText) -> list[Block]:
    """The blocks a piece overlaps (`starts`/`ends`: their source spans, in order), so it
    takes the line, speaker and time where it starts."""
    start, end = piece.source_span()
    return group[bisect.bisect_right(ends, start):bisect.bisect_left(starts, end)] or group


def _passage(index: int, blocks: list[Block], text: MappedText, language: str) -> Passage:
    start, end = text.source_span()
    marks = tuple(m for b in blocks for m in b.marks if start <= m.start and m.end <= end)
    return Passage(
        id=f"p{index:03d}", index=index, text=tidy(text, language), start=start, end=end,
        line=blocks[0].line, speaker=blocks[0].speaker, time=blocks[0].time, marks=marks,
    )


def _drop_stutter(match: re.Match[str]) -> str:
    """One word of a repeat, except where saying it twice means something ("very very",
    "so so") and a capitalised word said twice, which is a name ("Bora Bora"). A repeat
    that changes case ("so So") starts the sentence again, so it goes whatever the word."""
    word, said = match.group(1), match.group(0).split()
    restarted = len(set(said)) > 1
    meant = word.lower() in STUTTER_KEEP or (len(word) > 3 and word[:1].isupper())
    return match.group(0) if meant and not restarted else word


def tidy(text: MappedText, language: str = "en") -> MappedText:
    """Reading text: no fillers or stutters, single spaces, a capital "I"."""
    text = text.sub(SPACE_RUN, lambda m: " ")
    text = text.sub(COMMA_FILLER, lambda m: "")
    text = text.sub(FILLER, lambda m: "")
    text = text.sub(STUTTER, _drop_stutter)
    text = text.sub(LOWER_I, lambda m: "I")
    text = text.sub(SPACE_BEFORE_STOP if language in SPACED_PUNCTUATION else SPACE_BEFORE_PUNCT, lambda m: "")
    text = text.sub(LEADING_PUNCT, lambda m: "")
    if text.text[:1].islower():
        text = text.sub(re.compile(r"^[a-z]"), lambda m: m.group(0).upper())
    return text.strip()
