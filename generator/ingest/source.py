"""What every reader shares: decoding the file, walking its lines, and what a reader returns.

All offsets are into the decoded text (UTF-8, BOM dropped, CRLF and lone CR turned into
LF), the same string the pipeline keeps as `Transcript.source_text`. A file that is not
UTF-8 but reads as Western European Windows-1252 (Latin-1 and what Windows editors save as
"ANSI") is read as that, with a warning; anything else is refused with the line at fault.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import TranscriptError
from ..model import Block, Person, Summary

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{4,}")  # Western text has accents, not runs of them
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int
    end: int  # exclusive, before the newline

    def text(self, source: str) -> str:
        return source[self.start:self.end]

    def is_blank(self, source: str) -> bool:
        return not source[self.start:self.end].strip()


@dataclass(frozen=True)
class Reading:
    """What a reader found: blocks, plus whatever metadata the page itself carries."""

    blocks: tuple[Block, ...]
    title: str | None = None
    podcast: str | None = None
    date: str | None = None
    people: tuple[Person, ...] = ()
    summaries: tuple[Summary, ...] = ()
    language: str | None = None


def decode_source(path: Path, data: bytes) -> str:
    """Bytes -> the source text, or a TranscriptError saying what is wrong and where."""
    wide = _utf16(data)
    if wide is None and data.startswith(UTF16_BOMS):
        try:
            data.decode("utf-16")
        except UnicodeDecodeError as exc:
            line = data[:exc.start].decode("utf-16", errors="ignore").count("\n") + 1
            raise TranscriptError(path, line, "starts as UTF-16 text (a byte order mark) but this line is not: the "
                                  "file may be cut short or damaged; save it again, as UTF-8 if the tool can") from None
    if wide is not None:  # Windows tools (Notepad's "Unicode", PowerShell's `>`) write UTF-16
        if not data.startswith(UTF16_BOMS):
            log.warning("%s: no byte order mark, but read as UTF-16 by its zero bytes", path)
        data = wide.encode("utf-8")
    if b"\x00" in data:
        line = _line_of_byte(data, data.index(b"\x00"))
        raise TranscriptError(path, line, "contains a NUL byte: this looks like a binary file, "
                              "expected a text transcript")
    body = data[len(UTF8_BOM):] if data.startswith(UTF8_BOM) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _windows_1252(body)
        if text is None:
            line = _line_of_byte(body, exc.start)
            raise TranscriptError(path, line, f"is not valid UTF-8 (byte 0x{body[exc.start]:02x}), "
                                  "expected UTF-8 text; save the file as UTF-8") from None
        log.warning("%s:%d: not UTF-8; read as Windows-1252 (Western European). Save it as UTF-8 "
                    "if its accented letters look wrong", path, _line_of_byte(body, exc.start))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TranscriptError(path, 1, "is empty, expected a transcript")
    return text


def _utf16(data: bytes) -> str | None:
    """The text of UTF-16 bytes: with a byte order mark, or without one when every other byte
    is zero (letters of Latin scripts) and the bytes between never are; None otherwise."""
    if data.startswith(UTF16_BOMS):
        encoding = "utf-16"
    else:
        pairs = len(data) // 2
        low, high = data[0::2].count(0), data[1::2].count(0)
        if not pairs or len(data) % 2 or min(low, high) or max(low, high) < pairs / 2:
            return None
        encoding = "utf-16-le" if high else "utf-16-be"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _windows_1252(body: bytes) -> str | None:
    """The text, when the bytes read plausibly as Windows-1252; None for UTF-8 with a damaged
    byte (it has well-formed UTF-8 sequences too) and for other encodings (GBK, Cyrillic...),
    which turn into runs of accented letters."""
    if UTF8_SEQUENCE.search(body):
        return None
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return None if NON_ASCII_RUN.search(text) else text


def _line_of_byte(data: bytes, offset: int) -> int:
    # Count lone CRs as line ends too, so the number matches the text after newline fixing.
    prefix = data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return prefix.count(b"\n") + 1


def split_lines(source: str) -> list[Line]:
    lines = []
    start = 0
    for number, text in enumerate(source.split("\n"), 1):
        lines.append(Line(number, start, start + len(text)))
        start += len(text) + 1
    return lines


def line_groups(source: str) -> list[list[Line]]:
    """Runs of non-blank lines separated by blank ones: paragraphs, cues, turns."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in split_lines(source):
        if line.is_blank(source):
            if current:
                groups.append(current)
            current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


def quote(text: str, limit: int = 60) -> str:
    """A short, quoted excerpt of bad input for an error message."""
    text = text.strip()
    return repr(text if len(text) <= limit else text[:limit] + "...")


CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
LETTER = re.compile(r"[^\W\d_]")


def script_language(text: str) -> str:
    """Guess a language tag: Chinese, Japanese and Korean by their scripts, the common
    Latin-script languages by their function words, and English when unsure."""
    letters = len(LETTER.findall(text)) or 1
    if len(KANA.findall(text)) / letters > 0.1:
        return "ja"
    if len(HANGUL.findall(text)) / letters > 0.2:
        return "ko"
    if len(CJK.findall(text)) / letters > 0.2:
        return "zh"
    return _function_word_language(text)


LATIN_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")
MIN_LEAD = 1.5  # another language must match this many times more words than English does
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _function_word_language(text: str) -> str:
    """The language whose stop words (spaCy's own lists) cover most of the text's words:
    in any language its function words are a third or more of running text, and another
    language's list catches far fewer of them."""
    words = [w.lower().replace("’", "'") for w in WORD.findall(text)]
    if len(words) < 20:
        return "en"
    hits = {code: sum(1 for w in words if w in _stop_words(code)) for code in LATIN_LANGUAGES}
    best = max(LATIN_LANGUAGES, key=lambda code: (hits[code], code == "en"))
    return best if hits[best] >= MIN_LEAD * hits["en"] else "en"


@lru_cache(maxsize=None)
def _stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words for `code`, read from their own module: importing the language
    package would also load its tokenizer exceptions (seconds, for French)."""
    lang = importlib.util.find_spec("spacy.lang")
    path = Path(next(iter(lang.submodule_search_locations))) / code / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"podsite_stop_words_{code}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)
