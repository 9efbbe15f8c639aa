"""Where quotations are in a text: matching quote marks, nesting, truncation, and the sentences around them.

Only the outermost quotation is kept: marks nested inside it ("« il a parlé de « paix » »", "“the ‘deal’”")
are part of its text. A quotation never runs past its paragraph, except when the text itself ends before
the closing mark (a truncated article), which is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Characters after which a straight " opens a quotation, and before which it closes one.
_OPEN_BEFORE = " \t\n([{—–-/:;«“„‹»"
_SENTENCE_PUNCT = ".!?…"
_CLOSING_TRAIL = '»”“"’›‹«)]'
_PARAGRAPH = re.compile(r"\n")
_NOT_NEWLINE = re.compile(r"[^\n]")
# End punctuation, closing marks (French puts a space before them: "… Jamais. »"), then a space.
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)*[^\W\d_]", re.UNICODE)
_SENTENCE_END = re.compile(r"([.!?…]+)((?:[" + re.escape(_CLOSING_TRAIL) + r"]|[\s\u00a0\u202f][»›])*)(\s+)")


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quotation: `start`/`end` delimit the words inside the marks, trimmed of spaces."""

    open: int  # index of the opening mark
    start: int
    end: int
    close: int  # index just after the closing mark (== end when the quotation is left open)
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # 0-based index of the paragraph it belongs to


def marks_table(pairs: Iterable[Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """[[opening, closing, ...], ...] -> {opening: closings}; the first pair listed for a mark wins."""
    table: dict[str, tuple[str, ...]] = {}
    for pair in pairs:
        if len(pair) >= 2 and pair[0] not in table:
            table[pair[0]] = tuple(pair[1:])
    return table


def _paragraph_end(text: str, index: int) -> int:
    found = text.find("\n", index)
    return len(text) if found < 0 else found


# Marks that are also apostrophes or the like: they open only where a word may start, and close only
# where a word ends ("‘We stay,’ he said" but "don’t", "the workers’ union").
_AMBIGUOUS = frozenset({'"', "‘", "’"})


def _opens(text: str, i: int, mark: str) -> bool:
    following = text[i + 1 : i + 2]
    if not following or (following.isspace() and mark in _AMBIGUOUS):
        return False
    if mark in _AMBIGUOUS:
        return i == 0 or text[i - 1] in _OPEN_BEFORE
    return True


def _closes(text: str, i: int, mark: str) -> bool:
    if mark not in _AMBIGUOUS:
        return True
    previous = text[i - 1] if i else " "
    following = text[i + 1 : i + 2]
    return not previous.isspace() and not (following.isalnum())


def _surely_closes(text: str, i: int) -> bool:
    """A closing apostrophe-mark next to punctuation ("…safe,’ said", "…regrets’.") ends the quotation for
    certain; after a bare word it may be a plural's possessive ("the workers’ union")."""
    previous = text[i - 1] if i else " "
    following = text[i + 1 : i + 2]
    return previous in ",.!?;:…—" or not following or following in ",.;:!?)—\n"


def find_quotations(text: str, marks: Mapping[str, tuple[str, ...]]) -> list[Quoted]:
    """Every outermost quotation in `text`, in order."""
    found: list[Quoted] = []
    openers = _openers(tuple(marks))
    i = 0
    while True:
        hit = openers.search(text, i)
        if hit is None:
            return found
        i = hit.start()
        mark = text[i]
        quoted = _match(text, i, mark, marks[mark]) if _opens(text, i, mark) else None
        if quoted is None:
            i += 1
            continue
        if quoted.end > quoted.start:
            found.append(quoted)
        i = max(quoted.close, i + 1)


@lru_cache(maxsize=64)
def _openers(marks: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(m) for m in marks) + "]")


def _match(text: str, i: int, mark: str, closers: tuple[str, ...]) -> Quoted | None:
    stop = _paragraph_end(text, i)
    depth = 0
    last_closer = -1
    maybe = -1  # the first apostrophe-like closing mark after a bare word, if no surer one comes
    j = i + 1
    while j < stop:
        ch = text[j]
        if ch in closers and _closes(text, j, ch):
            if ch == "’" and not _surely_closes(text, j):
                maybe = j if maybe < 0 and depth == 0 else maybe
            elif depth == 0:
                return _trimmed(text, i, i + 1, j, j + 1)
            else:
                depth -= 1
                last_closer = j
        elif ch == mark and mark not in closers and _opens(text, j, mark):
            if maybe >= 0:
                break  # "it ‘deeply regrets’ the accident … ‘Safety first.’": the next one opens anew
            depth += 1
        j += 1
    if maybe >= 0:
        return _trimmed(text, i, i + 1, maybe, maybe + 1)  # "it ‘deeply regrets’ the accident"
    if last_closer >= 0:
        # Unbalanced nesting ("« a « b » c"): the last closing mark is the best guess for the end.
        return _trimmed(text, i, i + 1, last_closer, last_closer + 1)
    if not text[stop:].strip():
        return _trimmed(text, i, i + 1, stop, stop, truncated=True)
    if mark in _AMBIGUOUS:
        return None  # a lone straight quote or apostrophe mid-text is an inch sign or a typo, not a quotation
    # Left open mid-text: a multi-paragraph quotation (the next paragraph reopens) or a missing mark.
    return _trimmed(text, i, i + 1, stop, stop)


def _trimmed(text: str, opening: int, start: int, end: int, close: int, truncated: bool = False) -> Quoted:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quoted(opening, start, end, close, truncated)


def sentence_bounds(text: str, quoted: Sequence[Quoted], abbreviations: frozenset[str]) -> list[Sentence]:
    """Sentences of `text`, never ending inside a quotation (its inner punctuation is masked).

    A quotation's own final full stop still ends the sentence when a capital follows ("“We won.” He
    left."), but not a comma or a lower-case word ("« … », a-t-il dit", "“Why?” he asked").
    """
    pieces: list[str] = []
    done = 0
    for q in quoted:
        # The last character stays when it ends a sentence ("“We won.” He left.").
        stop = q.end - 1 if q.end > q.start and text[q.end - 1] in _SENTENCE_PUNCT else q.end
        pieces.append(text[done : q.start])
        pieces.append(_NOT_NEWLINE.sub("x", text[q.start : stop]))
        done = stop
    pieces.append(text[done:])
    masked = "".join(pieces)
    out: list[Sentence] = []
    paragraph = 0
    for block in _blocks(masked):
        b_start, b_end = block
        start = b_start
        for match in _SENTENCE_END.finditer(masked[b_start:b_end]):
            end = b_start + match.end(2)
            after = b_start + match.end()
            following = masked[after : after + 1]
            if not following or not (following.isupper() or following.isdigit() or following in '«“„"‹'):
                continue
            if match.group(1) == "." and _is_abbreviation(masked, b_start + match.start(1), abbreviations):
                continue
            out.append(Sentence(start, end, paragraph))
            start = after
        if start < b_end:
            out.append(Sentence(start, b_end, paragraph))
        paragraph += 1
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of `text` as (start, end), trimmed."""
    blocks: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH.finditer(text + "\n"):
        s, e = start, match.start()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            blocks.append((s, e))
        start = match.end()
    return blocks


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    head = text[max(0, dot - 12) : dot]
    token = re.split(r"[\s(«“„\"']", head)[-1]
    if not token:
        return False
    if _INITIALS.fullmatch(token) and token.isupper():
        return True  # an initial: "J. Smith", "J.-P. Martin"
    return token.casefold() in abbreviations
