"""Which candidate labels of a text transcript are speakers, judged over the whole file.

A label is a speaker when something vouches for it: bold (`**Name:**`), a role or a time
(`Name (Host):`, `Name (00:01):`), a full name or a diarization id, capitals as scripts
write names (`JOHN:`), recurring, or standing in a paragraph of one utterance per line.
Styles that prose shares need the file's word: `Q.` counts beside `A.`, `Name - ` when
written as a name in two paragraphs or more, `[Name]` when an id or a name said otherwise,
a lowercase `jane doe:` when it and another lowercase label each open two paragraphs or more.
A participant named by what they are ("Caller:", "Audience member:") is somebody, even once.
A one-word label seen once may be a sentence ("Remember: ..."), unless the text names it in
mid-sentence elsewhere ("my guest is Bob"); a lone header-like line may be prose ("We met
at 10:30"), and names alone on their line are speakers only where at least two of them
recur (else they are section titles).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterable

from .marks import INTERJECTIONS, NUMBERED, PARTICIPANT, ROLE_WORDS, Label, is_diarized, looks_like_full_name

# A capitalised word after a lowercase one, mid-sentence: a name ("thanks, Bob"), not a sentence opener.
PROPER_NOUN = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")
NOTE_AFTER = re.compile(r"[ \t]*\([^()]*\)$")  # "Caller (Phoenix)" is a caller
# Words that number the items of a list or a text, not people: "Rule 1:", "Question 2:", "Step 3:".
LIST_ITEMS = frozenset("rule question step tip point item lesson reason option example number note answer "
                       "exercise problem task slide figure table verse".split())
TITLES = frozenset("dr prof professor mr mrs ms mx miss sir dame rev reverend".split())
LOWERCASE_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")

def label_filter(candidates: list[Label | None], structural: set[str],
                 said_as_names: frozenset[str] | set[str] = frozenset(),
                 lowercase_words: frozenset[str] | set[str] | None = None, text: str = "") -> Callable[[Label], bool]:
    """`structural`: names labelling lines of one-utterance-per-line paragraphs; `said_as_names`:
    words the text writes capitalised in mid-sentence ("my guest is Bob"), which vouch for a
    one-word label seen once; so does a word never written in lowercase (`lowercase_words`)
    before words that start a sentence, in a file where other speakers recur: "Translator: She
    means" is somebody, "Remember:" (said as "remember" elsewhere) and "Today: rockets" are not.
    Scripts without capitals (Chinese, Japanese, Korean, Arabic) cannot show a name so; there a
    label seen once is vouched for by the `text` saying it on the line before or after ("谢谢王五")."""
    counts: dict[str, int] = {}
    for label in candidates:
        if label:
            counts[label.name] = counts.get(label.name, 0) + 1
    families: Counter = Counter()  # "caller": how often Caller 1, Caller 2, ... label paragraphs
    talking = set()  # families one of whose members labels two paragraphs: "Clip 1", "Clip 2" never do
    for name, count in counts.items():
        numbered = NUMBERED.fullmatch(name)
        if numbered:
            families[numbered.group("word").lower()] += count
            if count >= 2:
                talking.add(numbered.group("word").lower())
    recurring = any(count >= 2 for count in counts.values())
    headers = sum(1 for label in candidates if label and label.header and label.time is not None)
    name_lines = _speaking_name_lines([label for label in candidates if label and _name_only(label)], counts)
    plain = {label.name for label in candidates if label and not label.tentative}
    qa = Counter(label.name for label in candidates if label and label.tentative == "qa")
    lowercase = Counter(label.name for label in candidates if label and label.tentative == "lower")
    # a lowercase name is a first and last name, or opens three paragraphs: "pros:" twice is a list
    lowercase_names = {name for name, count in lowercase.items() if count >= 3 or count >= 2 and " " in name}
    # "Jane Doe - words", "Jane Doe [00:00:07] words": names as a file of such turns writes them
    vouched = {style: _vouched_cast([label for label in candidates if label and label.tentative == style],
                                    plain | set(said_as_names)) for style in ("dash", "timed")}

    def accept(label: Label) -> bool:
        if label.tentative == "bracket":  # "[Music] ...", "[laughs] Right." are sounds; "[SPEAKER_00] ..." is someone
            return is_diarized(label.name) or label.name in plain
        if label.tentative == "qa":  # "A. Lincoln said" is not an answer, unless questions are asked too
            return set(qa) == {"Q", "A"} and min(qa.values()) >= 2
        if label.tentative in vouched:
            return label.name in vouched[label.tentative]
        if label.tentative == "lower":  # "jane doe:" as Zoom writes names typed in lowercase; "well:" is prose
            return label.name in lowercase_names and len(lowercase_names) >= 2
        if _name_only(label):
            return label.name in name_lines
        if label.header:  # "Guest 2  00:05" where numbered guests talk in turns; not "Clip 2  00:05"
            numbered = NUMBERED.fullmatch(label.name)
            listed = numbered is not None and numbered.group("word").lower() not in talking
            return is_diarized(label.name) or headers >= 2 and not listed
        return (label.bold or label.role is not None or label.name.lower() in ROLE_WORDS or label.time is not None
                or counts.get(label.name, 0) >= 2 or looks_like_full_name(label.name) or _capitals(label.name)
                or is_diarized(label.name) or label.name in structural or label.name in said_as_names
                or _numbered_family(label.name, families, talking) or never_lowercase(label)
                or PARTICIPANT.fullmatch(NOTE_AFTER.sub("", label.name)) is not None and label.sentence
                and not label.marked
                or recurring and not label.marked and counts[label.name] == 1 and _said_nearby(label, text))

    def never_lowercase(label: Label) -> bool:
        """One capitalised word the file never writes in lowercase, before a sentence, where
        other speakers recur: "Translator: She means ..."."""
        return (recurring and lowercase_words is not None and label.sentence and not label.marked
                and label.name.istitle() and " " not in label.name and label.name.lower() not in lowercase_words)
    return accept


def short_names(names: Iterable[str]) -> dict[str, str]:
    """Shorter ways of writing one person, mapped to the full name: a one-word name that is a
    word of exactly one longer name ('INSKEEP' is 'STEVE INSKEEP'; 'Jane' beside 'Jane Doe' and
    'Mary Jane Watson' is left alone), a full name with a title before it where the transcript
    also writes it without ('Dr. Mark Chen' is 'Mark Chen'), and a surname with a title where
    the transcript writes the full name with that title ('Dr. Chen' beside 'Dr. Mark Chen';
    'Mrs. Chen' beside 'Mark Chen' is his mother, not him)."""
    names = set(names)
    plain = {name.casefold(): name for name in names if _untitled(name) == name}
    whole = {name: plain[_untitled(name).casefold()] for name in names
             if _untitled(name) != name and _untitled(name).casefold() in plain}
    longer = [name for name in names if " " in _untitled(name) and not is_diarized(name)
              and not {"&", "and"} & set(name.lower().split())]  # "Jane & Bob" is two people, not Jane
    for name in names:
        core, title = _untitled(name), _title_of(name)
        owners = {whole.get(full, full) for full in longer if core.casefold() in _untitled(full).casefold().split()
                  and (not title or _title_of(full) == title)}
        if " " not in core and len(owners) == 1 and core.casefold() not in ROLE_WORDS:  # "Host" is not "Guest Host"
            whole[name] = owners.pop()
    return whole


def _title_of(name: str) -> str:
    """The titles before a name, as one lowercase key: 'dr' of 'Dr. Mark Chen'; '' for none."""
    words = name.split()
    return " ".join(word.casefold().rstrip(".") for word in words[:len(words) - len(_untitled(name).split())])


def _untitled(name: str) -> str:
    """A name without the titles before it: 'Dr. Mark Chen' -> 'Mark Chen'; 'Dr.' alone stays."""
    words = name.split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def word_evidence(text: str) -> tuple[set[str], set[str], str]:
    """What a file's words say of names: the words it capitalises in mid-sentence ("thanks,
    Bob"), the words it writes in lowercase, which are not names, and the text itself, for
    names in scripts without capitals."""
    return set(PROPER_NOUN.findall(text)), set(LOWERCASE_WORD.findall(text)), text


def _said_nearby(label: Label, text: str) -> bool:
    """A name in a script without capitals that the lines just before or after its label say,
    not as a label: someone hands over to the speaker or thanks them ("谢谢王五"). A word such
    as 注意 opening a paragraph of the same speaker's turn is not said so."""
    if any(char.isupper() or char.islower() for char in label.name):
        return False
    start, end = text.rfind("\n", 0, label.end) + 1, text.find("\n", label.end)
    end = len(text) if end < 0 else end
    before, after = text[:start].rstrip().rsplit("\n", 1)[-1], text[end:].lstrip().split("\n", 1)[0]
    return any(re.search(re.escape(label.name) + r"(?![ \t]*[:：（(])", line) for line in (before, after))


def role_aliases(roles: dict[str, str]) -> dict[str, str]:
    """A bare `Host:` (`Interviewer:`, ...) label means the one person introduced as `Name (Host):`."""
    aliases = {}
    for word, role in ROLE_WORDS.items():
        names = [name for name, r in roles.items() if r == role]
        if len(names) == 1:
            aliases[word] = names[0]
    return aliases


def _speaking_name_lines(labels: list[Label], counts: dict[str, int]) -> set[str]:
    """Names alone on a line that are speakers: those heading two paragraphs or more (and full
    names beside them), when there are at least two such speakers."""
    recurring = {label.name for label in labels if counts[label.name] >= 2 or is_diarized(label.name)}
    names = recurring | {label.name for label in labels if recurring and looks_like_full_name(label.name)}
    return names if len(names) >= 2 else set()


def _numbered_family(name: str, families: Counter, talking: set[str]) -> bool:
    """'Caller 2' beside 'Caller 1': numbered participants, however few times each speaks;
    not the items of a list read out ("Rule 1:", "Question 2:"), unless one of them speaks twice."""
    numbered = NUMBERED.fullmatch(name)
    word = numbered.group("word").lower() if numbered else ""
    return numbered is not None and families[word] >= 2 and (word not in LIST_ITEMS or word in talking)


def _vouched_cast(labels: list[Label], known: set[str]) -> set[str]:
    """Names before a dash ("Jane Doe - words") or a time ("Jane Doe [00:00:07] words") that
    are speakers: written as names are (a full name, capitals, an id, a role, or a name the
    file uses otherwise), when there are two such names and one of them heads several
    paragraphs; "So - where was I", "Mary Shelley - now there is a writer", datelines
    ("LONDON - The bank ...") and "Lake Tahoe [00:04:30] was cold" stay prose."""
    names = Counter(label.name for label in labels if label.name.lower() not in INTERJECTIONS and (
                    looks_like_full_name(label.name) or _capitals(label.name) or is_diarized(label.name)
                    or label.name.lower() in ROLE_WORDS or label.name in known))
    return set(names) if len(names) >= 2 and max(names.values()) >= 2 else set()


def _name_only(label: Label) -> bool:
    return label.header and label.time is None


def _capitals(name: str) -> bool:
    """'JOHN', 'DR. SMITH': a name the way scripts write it."""
    return name.isupper() and sum(char.isalpha() for char in name) >= 2
