"""The text of one subtitle cue: markup deleted, the speaker found, repeats dropped.

Markup (`<i>`, `<c.loud>`, `<v Speaker>`, karaoke timestamps, `{\\an8}` positioning, ruby
readings) is deleted with `MappedText.sub`, so what remains still maps character by
character to the file. The speaker comes from a `<v Name>` voice tag, or a leading
`Name:`, `- Name:` or `>> Name:` (`>>` or a dialogue dash alone marks a new, unnamed
speaker). A cue with several voices, `>>` marks inside it (broadcast and YouTube captions)
or lines opening with a dialogue dash (`- Hi.` / `- Hello.`) becomes one block per voice or
turn. In a file that names speakers only where turns start, a cue without a speaker is
the previous speaker carrying on (`carry_speakers`). A lowercase label (`john smith:`, as
Zoom writes display names typed in lowercase) names a speaker only where it opens several
cues of the file (`name_lowercase_speakers`), so that "well: ..." stays a sentence; so do
`[Jane Doe] words` and a name alone on a cue's first line, when two names recur so.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import replace

from ..clean import SENTENCE_END
from ..model import Block
from ..textmap import MappedText
from .marks import (Label, find_label, is_diarized, is_stage_direction, looks_like_full_name, name_line, name_shaped,
                    voice_name)
from .source import Line
from .speakers import LOWERCASE_WORD

VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+(?P<name>[^>\n]+?)[ \t]*>")
RUBY_TEXT = re.compile(r"<rt>[^<]*</rt>")  # the reading above a character, not speech
TAG = re.compile(r"</?[a-zA-Z]+(?:\.[^\s>]*)?(?:[ \t][^>\n]*)?>|<(?:\d+:)?\d{2}:\d{2}[.,]\d{3}>"
                 r"|\{\\[^{}\n]*\}")  # HTML-like tags, karaoke times, ASS overrides like {\an8}
ENTITY = re.compile(r"&(?:[a-zA-Z]+\d*|#\d+|#[xX][0-9a-fA-F]+);")  # &amp; &frac12; &#62; &#x3E;
DASH = r"[-–—](?=[ \t]*[^\s\d\-–—])"  # a dialogue dash before words, not a minus ("-5") or a rule ("--")
TURN_MARK = re.compile(rf"(?:{DASH}|>>)[ \t]*")  # a dialogue dash, or the caption mark of a new speaker
# Another speaker's turn inside a cue: `>>` (escaped in VTT), or a line opening with a dialogue dash.
NEW_SPEAKER = re.compile(rf"(?:^|(?<=\s))(?:>>|&gt;&gt;)|(?:^|(?<=\n)){DASH}")
EVERY_CUE_SHARE = 1 / 4  # of named cues that repeat the name before, for a file to name every cue (Zoom, Teams)
TURN_SHARE = 1 / 2  # of cues at most that name or mark their speaker, for names to carry on to the next cues
NEW_TURN = ""  # the speaker of a block that a mark gives to someone unnamed, until `carry_speakers`
BRACKET_NAME = re.compile(r"(?:\[(?P<name>[^\[\]\n]{1,40})\]|\((?P<paren>[^()\n]{1,40})\))[ \t]*")
# Sounds and notes that open cues as names do ("[MUSIC] la la", "(Applause) Thank you"): never a speaker.
SOUND_WORDS = frozenset("""music musical song singing sings applause applauding laughter laughs laughing laugh chuckles
chuckling cheering cheers crosstalk inaudible unintelligible indistinct silence noise static beep beeps beeping sighs
sigh coughs cough gasps gasping whispers whispering sobbing crying cries clapping claps bell bells phone ringing rings
knocking footsteps door engine siren sirens thunder wind rain background chatter upbeat dramatic intro outro theme
jingle sound sounds effect effects sfx pause continues screaming screams shouting shouts yelling yells panting groans
groaning grunts grunting gunshot gunshots explosion explosions crash bang alarm buzzing humming hums ooh ah oh whoa
instrumental verse chorus hook bridge refrain foreign language speaking spanish english french german italian
chinese japanese korean arabic russian portuguese subtitled translated""".split())
# Words a manner or place of speaking starts with, not a name: "(IN SPANISH)", "(ON TV)", "[OVER PA]".
MANNER_WORDS = frozenset("in on over through into from at with via off".split())
MIN_CUE_SHARE = 1 / 10  # of a file's cues that each of those names must open, so a recurring sound does not count
DOMINANT_SHARE = 1 / 2  # of a file's cues that a cast of bare names ("[JANE]", "(BOB)") must open
SPACES = re.compile(r"\s+")
LINE_BREAK = re.compile(r"\n[ \t]*")
ROLLING_SHARE = 1 / 3  # of cues that repeat the previous cue's last line, for captions to count as rolling
LOWERCASE_LABEL_CUES = 2  # cues a lowercase label must open for it to be a name, as speakers.py counts recurring


def cue_blocks(source: str, lines: list[Line], time: float) -> list[Block]:
    """The blocks of one cue's text lines: one, or one per `<v>` voice or `>>` turn, or none."""
    if not lines:
        return []
    contiguous = all(after.number == before.number + 1 for before, after in zip(lines, lines[1:]))
    raw = (MappedText.verbatim(source, lines[0].start, lines[-1].end) if contiguous else
           MappedText.join((MappedText.verbatim(source, line.start, line.end) for line in lines), "\n"))
    starts = sorted({match.start() for pattern in (VOICE, NEW_SPEAKER) for match in pattern.finditer(raw.text)}
                    | _labelled_line_starts(raw.text))
    blocks = (_piece_block(piece, lines, time) for piece in raw.split_at([start for start in starts if start > 0]))
    return [block for block in blocks if block is not None]


def _labelled_line_starts(text: str) -> set[int]:
    """Where a line after the first opens with a label: two speakers in one cue, without dashes."""
    return {match.end() for match in LINE_BREAK.finditer(text) if find_label(text, match.end(), len(text))}


def _piece_block(raw: MappedText, lines: list[Line], time: float) -> Block | None:
    voice = VOICE.search(raw.text)
    text = without_markup(_sub(raw, RUBY_TEXT, ""), TAG)
    speaker = voice_name(voice.group("name")) if voice else None
    if speaker is None:
        speaker, text = _leading_label(text)
    if not text.text:
        return None
    offset = text.source_offset(0)
    return Block(text, next(line.number for line in reversed(lines) if line.start <= offset), speaker, time)


def without_markup(text: MappedText, tags: re.Pattern[str]) -> MappedText:
    """Text with the `tags` deleted and character references decoded, still mapped to the file."""
    return _sub(_sub(text, tags, ""), ENTITY, None).strip()


def _sub(text: MappedText, pattern: re.Pattern[str], replacement: str | None) -> MappedText:
    """Delete (or, with None, unescape) what `pattern` matches; most cues have nothing to change."""
    if not pattern.search(text.text):
        return text
    return text.sub(pattern, lambda m: html.unescape(m.group()) if replacement is None else replacement)


def _leading_label(text: MappedText) -> tuple[str | None, MappedText]:
    """`Name: words`, `- Name: words` or `>> Name: words` at the start of a cue."""
    mark = TURN_MARK.match(text.text)
    start = mark.end() if mark else 0
    label = find_label(text.text, start, len(text.text))
    if label is not None and " " in label.name and not name_shaped(label.name):
        label = None  # "Rule number one: never lend money" opens a sentence
    if label is not None and label.end < len(text.text):
        return label.name, text.slice(label.end, len(text.text))
    if mark:
        return NEW_TURN, text.slice(mark.end(), len(text.text))  # the mark is not speech
    return None, text


def speakers_in_text(blocks: list[Block]) -> list[Block]:
    """Speakers named in the words of blocks whose format left its speaker field empty (an
    ASS line without a Name, a TTML paragraph without an agent): `Ann: words`, `[ANN] words`,
    a lowercase `ann lee:` that opens several blocks. A name is not carried on: where the
    format has a field for it, an empty one is somebody unnamed."""
    labelled = []
    for block in blocks:
        speaker, text = _leading_label(block.text) if block.speaker is None else (block.speaker, block.text)
        labelled.append(block if speaker is None else replace(block, text=text, speaker=speaker))
    return [replace(block, speaker=None, new_turn=True) if block.speaker == NEW_TURN else block
            for block in name_bracketed_speakers(name_lowercase_speakers(labelled))]


def carry_speakers(blocks: list[Block]) -> list[Block]:
    """In a file that names the speaker only where a turn starts (the Podcasting 2.0
    example writes `<v Travis>` on the first of his cues), a cue without a speaker is the
    previous speaker carrying on, until a mark of a new, unnamed speaker; a sound such as
    `[MUSIC]` is nobody's. Names on most cues may still be names of turns only, when the turns
    are short (Riverside, Descript); but where most cues name their speaker and a name is
    repeated on consecutive cues, as often as one in four (Zoom, Teams name every cue), a cue
    without one is left without, unless it goes on with the sentence the cue before left
    unfinished."""
    marked = sum(1 for block in blocks if block.speaker is not None)
    named = [block.speaker for block in blocks if block.speaker]
    repeats = sum(1 for a, b in zip(named, named[1:]) if a == b)  # a name said again on the next cue that has one
    every_cue = repeats >= EVERY_CUE_SHARE * max(len(named) - 1, 1)
    turns = len(named) >= 2 and (marked < TURN_SHARE * len(blocks) or not every_cue)
    carried, speaker, said = [], None, ""
    for block in blocks:
        if block.speaker is not None or not (turns or _goes_on(said)):
            speaker = block.speaker or None  # NEW_TURN: someone unnamed from here on
        aside = is_stage_direction(block.text.text)
        who = None if aside else speaker
        said = said if aside else block.text.text
        carried.append(block if who == block.speaker else
                       Block(block.text, block.line, who, block.time, new_turn=block.speaker == NEW_TURN))
    return carried


def _goes_on(before: str) -> bool:
    """The next cue continues the sentence `before` left open ("...today we are talking" /
    "about rockets."). A lowercase start alone proves nothing: Zoom names and ASR are lowercase."""
    return bool(before) and not SENTENCE_END.search(before.rstrip())


def name_lowercase_speakers(blocks: list[Block]) -> list[Block]:
    """`john smith: words` (Zoom): a speaker when the same lowercase label opens several cues of
    the file; once, `note: ...` or `well: ...` is a sentence and stays text."""
    labels = [None if block.speaker else _lowercase_label(block.text.text) for block in blocks]
    counts = Counter(label.name for label in labels if label)
    return [block if label is None or counts[label.name] < LOWERCASE_LABEL_CUES else
            Block(block.text.slice(label.end, len(block.text.text)), block.line, label.name, block.time)
            for block, label in zip(blocks, labels)]


def _lowercase_label(text: str) -> Label | None:
    label = find_label(text, 0, len(text), lowercase=True)
    return label if label and label.name[0].islower() and label.end < len(text) else None


def name_bracketed_speakers(blocks: list[Block]) -> list[Block]:
    """`[JOHN] words`: a speaker when JOHN speaks as `JOHN:` elsewhere in the file or is a
    diarization id, or, written as a full name (`[Jane Doe] words`, Happy Scribe) none of whose
    words the file writes in lowercase, when it and another such name each open two cues or
    more; otherwise it is a sound or a note (`[LAUGHS] Right.`, `[MUSIC PLAYING]`) and stays text."""
    unnamed = [block.text.text for block in blocks if not block.speaker]
    lowercase = set(LOWERCASE_WORD.findall(" ".join(unnamed)))
    bracketed = [_opener(match) for text in unnamed if (match := BRACKET_NAME.match(text)) and match.end() < len(text)]
    full_names = [name for name in bracketed if name and name[0] != "(" and not name.isupper()
                  and looks_like_full_name(name) and not lowercase & set(name.lower().split())]  # "[Upbeat Music]"
    known = ({block.speaker for block in blocks if block.speaker} | _cast(full_names)
             | _dominant_cast([name for name in bracketed if name], len(blocks), lowercase))
    return [_bracketed(block, known) if not block.speaker else block for block in blocks]


def _opener(match: re.Match[str]) -> str:
    """The name a BRACKET_NAME match holds: "Jane Doe" of "[Jane Doe]", "(JANE)" kept in its parentheses."""
    return match.group("name").strip() if match.group("name") else f"({match.group('paren').strip()})"


def _dominant_cast(names: list[str], cues: int, lowercase: set[str]) -> set[str]:
    """Bare names as subtitles for the deaf write them ("[JANE] Where were you?", "(NARRATOR) In
    1969, ..."): capitalised words in brackets or in capitals in parentheses, no sound or manner
    of speaking and none the file writes in lowercase, each opening a tenth of the cues or
    more, at least two of them, that between them open half the cues or more."""
    shaped = [name.strip("()") for name in names if _bare_name(name) and not lowercase & set(name.lower().split())]
    counts = Counter(shaped)
    cast = {name for name, count in counts.items() if count >= max(2, MIN_CUE_SHARE * cues)}
    enough = len(cast) >= 2 and sum(counts[name] for name in cast) >= DOMINANT_SHARE * cues
    return cast if enough else set()


def _bare_name(opener: str) -> bool:
    """`Jane` or `JANE` of "[Jane]", only `JANE` of "(JANE)": parentheses hold manners more often."""
    name = opener.strip("()")
    words = name.split()
    return (1 <= len(words) <= 3 and all(word[0].isupper() and word.replace("-", "").replace("'", "").isalpha()
                                         for word in words)
            and (opener[0] != "(" or name.isupper()) and words[0].lower() not in MANNER_WORDS
            and not SOUND_WORDS & set(name.lower().split()))


def _cast(names) -> set[str]:
    """The names given two times or more, when at least two are: the speakers of a file that
    names them in a way sounds or section titles could share."""
    recurring = {name for name, count in Counter(names).items() if count >= 2}
    return recurring if len(recurring) >= 2 else set()


def name_heading_speakers(blocks: list[Block]) -> list[Block]:
    """A full name or an id alone on the first line of a cue, the words below it (Riverside's
    SRT): a speaker when it and another name each head two cues or more. (A first name alone
    is not enough: bilingual subtitles put "Hola" above "Hello.")"""
    heads = [None if block.speaker else name_line(block.text.text, 0, len(block.text.text)) for block in blocks]
    heads = [head if head and "\n" in block.text.text[:head.end] and head.end < len(block.text.text)
             and (looks_like_full_name(head.name) or is_diarized(head.name)) else None  # not "Houston", "Tonight"
             for head, block in zip(heads, blocks)]
    cast = _cast(head.name for head in heads if head)
    return [Block(block.text.slice(head.end, len(block.text.text)), block.line, head.name, block.time)
            if head and head.name in cast else block for head, block in zip(heads, blocks)]


def _bracketed(block: Block, known: set[str]) -> Block:
    match = BRACKET_NAME.match(block.text.text)
    name = _opener(match).strip("()") if match else None
    if not name or match.end() >= len(block.text.text) or not (name in known or is_diarized(name)):
        return block
    return Block(block.text.slice(match.end(), len(block.text.text)), block.line, name, block.time)


def drop_rolling_repeats(source: str, cues: list[list[Line]]) -> list[list[Line]]:
    """Roll-up captions (YouTube's automatic ones) show each line again at the top of the next
    cue; when a file does that, keep each line only where it first appears."""
    texts = [[_plain(source, line) for line in cue] for cue in cues]
    repeats = sum(1 for before, after in zip(texts, texts[1:]) if before and after and after[0] == before[-1])
    if repeats < 2 or repeats < ROLLING_SHARE * len(cues):
        return cues
    kept = [cues[0]] if cues else []
    for before, after, lines in zip(texts, texts[1:], cues[1:]):
        kept.append(lines[_repeated_prefix(before, after):])
    return kept


def _repeated_prefix(before: list[str], after: list[str]) -> int:
    """How many first lines of `after` are the last lines of `before`."""
    for size in range(min(len(before), len(after)), 0, -1):
        if after[:size] == before[-size:]:
            return size
    return 0


def _plain(source: str, line: Line) -> str:
    return SPACES.sub(" ", TAG.sub("", line.text(source))).strip()
