"""Small language-neutral text helpers shared by the reading and annotating stages."""

from __future__ import annotations

import re
import unicodedata

# Abbreviations after which a full stop does not end a sentence (honorifics, initials, "c.-à-d.").
_ABBREVIATIONS = frozenset(
    """m mm mme mmes mlle dr pr me mgr st ste mr mrs ms messrs prof gen gov sen rep jr sr vs etc
    no nos p pp vol ed eds fig art al cf env approx dept est inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec janv févr avr juil déc
    г гг г-н г-жа тов им ул д т тыс млн млрд руб ст см стр""".split()
)

# French sets a (no-break) space before a closing », so it may stand between the stop and the mark.
_SENTENCE_END = re.compile(r"([.!?…]+)((?:[ \u00a0\u202f]?[»”“\"')\]])*)(\s+)")
_WORD = re.compile(r"\w+(?:[-’'‐]\w+)*", re.UNICODE)


def words(text: str) -> list[str]:
    """Word tokens: letters and digits, keeping hyphenated and elided forms together."""
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """Split text into sentences, not breaking after honorifics (M., Dr., г.) or initials."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end(2)
        if match.group(1) == "." and _is_abbreviation(text, match.start(1)):
            continue
        following = text[match.end() : match.end() + 1]
        # "… »," or a lower-case continuation means the sentence goes on.
        if following and following.islower():
            continue
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    head = text[max(0, dot - 12) : dot]
    token = re.split(r"[\s(«“„\"']", head)[-1]
    if not token:
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return True  # an initial: "J. Smith"
    return token.lower() in _ABBREVIATIONS


def truncate(text: str, limit: int, ellipsis: str = "…") -> str:
    """Cut `text` to at most `limit` characters at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ellipsis) + 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—–-«“„(") + ellipsis


def fold(text: str) -> str:
    """Lower-case and strip diacritics: "Tokaïev" -> "tokaiev", "Ёлка" -> "елка"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye g".split(),
        strict=True,
    )
)
_CYRILLIC.update({"ъ": "", "ь": ""})  # hard and soft signs have no Latin letter


def slugify(text: str) -> str:
    """An ASCII URL segment: folded, Cyrillic transliterated, non-alphanumerics as hyphens."""
    folded = "".join(_CYRILLIC.get(c, c) if c.isalnum() else " " for c in fold(text))
    ascii_only = folded.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
