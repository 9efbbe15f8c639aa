"""Loose keys for names across scripts and transcriptions: Tokaïev, Tokayev, Tokajew and Токаев meet.

Each language writes a Russian (or any foreign) name with its own conventions: French "ou", "ch", "tch",
"j" (Poutine, Choïgou, Tchaïkovski, Jomart), English "u", "sh", "ch", "zh", "y" (Putin, Shoigu, Tchaikovsky,
Zhomart, Tokayev), German "u", "sch", "tsch", "j", "w" (Putin, Schoigu, Tokajew). `name_key` undoes them,
transliterates Cyrillic, then folds the remaining differences (hushing consonants, i/y/j glides between
vowels, doubled letters, a French final mute -e), so the same name gets the same key. It is deliberately
loose: the catalogue merges only whole names with equal keys, and suggests anything less.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from generator.text import fold

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "S", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "S", "ш": "S", "щ": "S", "ъ": "", "ы": "i", "ь": "",
    "э": "e", "ю": "iu", "я": "ia", "ё": "io", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ә": "a", "ғ": "g", "қ": "k",
    "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
}
# Per language, the spellings of sounds Latin lacks (longest first), before the shared folding below.
_SPELLINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (("chtch", "S"), ("tch", "S"), ("ch", "S"), ("dj", "S"), ("j", "S"), ("ou", "u"), ("kh", "h")),
    "en": (("shch", "S"), ("sch", "S"), ("tch", "S"), ("zh", "S"), ("sh", "S"), ("ch", "S"), ("dzh", "S"),
           ("j", "S"), ("kh", "h")),
    "de": (("schtsch", "S"), ("tsch", "S"), ("dsch", "S"), ("sch", "S"), ("ch", "h"), ("ja", "ia"), ("je", "ie"),
           ("jo", "io"), ("ju", "iu"), ("j", "S"), ("w", "v"), ("z", "ts")),
}
_DEFAULT = _SPELLINGS["en"]
_VOWELS = "aeiou"
# Name particles, left out of keys: "Ursula von Berg" / "Урсула фон Берг".
_PARTICLES = frozenset(
    "von fon van фон ван de де da да di ди der дер le ле la ла al аль el эль bin бин ibn ибн".split()
)


@lru_cache(maxsize=65536)
def name_key(name: str, language: str = "en") -> str:
    """A transcription-independent key of a name, word by word, joined by spaces."""
    words = [w for w in re.split(r"[\s\-‐‑’'`.]+", name) if w]
    kept = [w for w in words if w.lower() not in _PARTICLES] or words
    return " ".join(word_key(w, language) for w in kept)


@lru_cache(maxsize=65536)
def word_key(word: str, language: str = "en") -> str:
    low = word.lower()
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in low)
    if cyrillic:
        # Transliterate before folding: fold() would turn й into и and ё into е.
        text = _strip_accents("".join(_CYRILLIC.get(c, c) for c in low))
    else:
        text = fold(word)
        if language == "fr":
            text = re.sub(r"gu(?=[eiy])", "g", text)  # French "gu" before e/i is a hard g: Evgueni
        elif language == "de":
            text = re.sub(r"j(?![aeiou])", "i", text)  # German final -j is a glide: Sergej, Selenskyj
        for written, sound in _SPELLINGS.get(language, _DEFAULT):
            text = text.replace(written, sound)
    text = text.replace("y", "i").replace("w", "v").replace("x", "ks").replace("q", "k").replace("ph", "f")
    text = text.replace("c", "k").replace("z", "s").replace("kh", "h")
    text = text.replace("io", "e")  # ё written е, yo, io: Lednyov / Ledniov / Леднёв / Леднев
    text = re.sub(r"(.)\1+", r"\1", text)  # doubled letters: Kassym / Касым
    text = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", text)  # glides between vowels: Tokaïev / Tokayev / Токаев
    text = re.sub(r"^i(?=[aeo])", "", text)  # initial glide: Yevgeny / Evgueni / Евгений
    text = re.sub(r"i+", "i", text)
    if language == "fr" and not cyrillic and len(text) > 3 and text.endswith("e") and text[-2] not in _VOWELS:
        text = text[:-1]  # French final mute -e: Poutine / Putin
    return text


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def last_word_key(name: str, language: str = "en") -> str:
    words = name_key(name, language).split()
    return words[-1] if words else ""


def distance(a: str, b: str) -> int:
    """Levenshtein distance, for near-equal keys worth suggesting."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > 3:
        return 99
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
