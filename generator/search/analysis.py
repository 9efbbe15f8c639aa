"""Text analysis for search: tokenise, lower-case, fold accents, drop stop words, stem per language.

One definition serves the index (every token of every article) and the query side. The browser
never stems: it looks the folded query word up in a dictionary the exporter builds with these very
functions, so the web page and `archive search` analyse a word the same way (see export.py).

Order per token: lower-case -> stop test on the folded form (stop lists are folded too, so "à"
and "a" behave alike) -> Snowball stem of the lower-cased form (the stemmers know their accented
suffixes: French "-ité", Russian "-ый") -> fold the stem. Tokens and folded forms are memoised,
because a corpus repeats a few thousand raw tokens millions of times.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

import Stemmer
from whoosh.lang.stopwords import stoplists

# Bump when the terms produced for some text can change: the index is then rebuilt from scratch.
ANALYSIS_VERSION = "1"

# Python's \w is [\p{L}\p{N}_] (up to Unicode version differences): the browser's tokenizer uses
# exactly that class, so both split a query the same way. Text is NFC-normalised first, so a
# decomposed accent does not split a word.
_TOKEN = re.compile(r"\w+")

# Snowball algorithms shipped with PyStemmer, by ISO 639-1 code.
_STEMMERS = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "et": "estonian", "eu": "basque", "fi": "finnish",
    "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian",
    "id": "indonesian", "it": "italian", "lt": "lithuanian", "nb": "norwegian", "ne": "nepali",
    "nl": "dutch", "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish",
}  # fmt: skip

# Gaps in whoosh's (Snowball's) lists: French articles and elided forms split at the apostrophe.
_EXTRA_STOPS = {
    "fr": ("les", "lorsqu", "jusqu", "puisqu", "quoiqu"),
    "en": ("ll", "re", "ve"),
}

# Characters whose lower-case fold is more than a dropped accent (as str.casefold does them).
_FOLD_EXTRA = str.maketrans({"ß": "ss", "ς": "σ", "ẞ": "ss"})

# Raw tokens remembered per memo; once full, new tokens are analysed without being remembered. The
# first tokens met are mostly the frequent ones (Zipf), so a small memo serves most of the text and
# keeps each writer process small (docs/benchmarks.md).
_MEMO_LIMIT = 100_000


def tokens(text: str) -> list[str]:
    """Word tokens of `text`: runs of letters, digits and underscores (hyphens and apostrophes split)."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


def fold(text: str) -> str:
    """Lower-case without accents: "Tokaïev" -> "tokaiev", "Straße" -> "strasse".

    The browser's `fold` does the same steps (toLowerCase, NFKD, drop Mn, two letters mapped).
    """
    if text.isascii():
        return text.lower()
    try:
        return _folded[text]
    except KeyError:
        pass
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    result = stripped.translate(_FOLD_EXTRA)
    if len(_folded) < _MEMO_LIMIT:
        _folded[text] = result
    return result


_folded: dict[str, str] = {}


def normalise_language(code: str | None) -> str:
    """An ISO 639 code usable in field names; "und" when unknown."""
    code = (code or "").split("-")[0].split("_")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else "und"


@cache
def stop_words(language: str) -> frozenset[str]:
    """The folded stop words of `language` (empty for languages without a list)."""
    words = set(stoplists.get(language, ())) | set(_EXTRA_STOPS.get(language, ()))
    return frozenset(fold(w) for w in words)


def forget() -> None:
    """Drop the fold and surface memos (kept per process; a build clears them after indexing)."""
    _folded.clear()
    for memo in _SURFACES_MEMOS:
        memo.clear()


def has_stemmer(language: str) -> bool:
    return language in _STEMMERS


def _stem_function(language: str) -> Callable[[str], str]:
    if language not in _STEMMERS:
        return lambda word: word
    return Stemmer.Stemmer(_STEMMERS[language]).stemWord


class Analysis:
    """The analysis of one language; use `analysis(lang)` to share one instance per process."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.stops = stop_words(language)
        self._stem = _stem_function(language)
        self._memo: dict[str, str | None] = {}

    def term(self, token: str) -> str | None:
        """The index term of a raw token, or None for a stop word."""
        try:
            return self._memo[token]
        except KeyError:
            pass
        result = self.term_of_lower(token.lower())
        if len(self._memo) < _MEMO_LIMIT:
            self._memo[token] = result
        return result

    def term_of_lower(self, lower: str) -> str | None:
        """The term of an already lower-cased surface form (what the word dictionary stores)."""
        if fold(lower) in self.stops:
            return None
        return fold(self._stem(lower))

    def terms(self, text: str) -> list[str]:
        """Index terms in order; a term's position is its index (stop words leave no gap)."""
        term = self.term
        return [t for t in map(term, tokens(text)) if t is not None]

    def is_stop(self, folded: str) -> bool:
        return folded in self.stops


@cache
def analysis(language: str) -> Analysis:
    return Analysis(language)


class Surfaces:
    """Folded keys of raw tokens for the word dictionary: "Élections" -> ("elections", "élections").

    The key is what a query is looked up by; the lower-cased form is what gets stemmed, since
    two spellings with one fold may stem apart ("égalité" vs "egalite").
    """

    def __init__(self) -> None:
        self._memo: dict[str, str] = {}
        _SURFACES_MEMOS.append(self._memo)

    def entry(self, token: str) -> str:
        """`key` when the lower-cased form folds to itself, else `key + SEP + lower`."""
        try:
            return self._memo[token]
        except KeyError:
            pass
        lower = token.lower()
        key = fold(lower)
        value = key if key == lower else f"{key}{SURFACE_SEP}{lower}"
        if len(self._memo) < _MEMO_LIMIT:
            self._memo[token] = value
        return value


SURFACE_SEP = "\x01"
_SURFACES_MEMOS: list[dict[str, str]] = []


def split_surface(entry: str) -> tuple[str, str]:
    """(folded key, lower-cased form) of a word-dictionary entry."""
    key, _, lower = entry.partition(SURFACE_SEP)
    return key, lower or key


def key_of(text: str) -> str:
    """Lookup key of a name or value: folded tokens joined by one space ("Ospanov-Kaliev" -> "ospanov kaliev")."""
    return " ".join(fold(t) for t in tokens(text))


def utf16_key(text: str) -> bytes:
    """Sort key matching JavaScript's string order (UTF-16 code units), used for every exported list."""
    return text.encode("utf-16-be")
