"""Case forms of Russian names, for recognising "Казахстана", "Токаеву", "Москве" as declined names.

Russian names decline by their ending, regularly enough for names: a name's case forms are generated
from its nominative (forward, exact), so a gazetteer entry or a name the article introduced matches
every form of it; a lone oblique form with no nominative in sight is brought back by trying the
endings it could have come from (`nominative_candidates`) and keeping those whose forms include it.
Only singular forms are generated: names are rarely plural, and plural endings (-ов, -ев) would turn
surnames such as Лавров into stems.
"""

from __future__ import annotations

from functools import lru_cache

_VOWELS = frozenset("аеёиоуыэюя")
_HUSHING = frozenset("гкхжшщчц")
# Endings a noun-like name may carry in the singular, longest first (for stems and lemma guesses).
_ENDINGS = (
    "иями", "ями", "ами", "ием", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ьей",
    "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ие", "ые", "ую", "юю", "ою", "ею", "ым", "им", "ом",
    "ем", "ию", "ия", "ии", "ья", "ьи", "ью", "ье", "а", "я", "у", "ю", "е", "ы", "и", "о", "й", "ь",
)


@lru_cache(maxsize=262144)
def stem(word: str) -> str:
    """The word without its (longest) case ending, lower-cased; never shorter than three letters."""
    low = word.lower().replace("ё", "е")
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return low[: -len(ending)]
    return low


def stems(word: str) -> frozenset[str]:
    """Every stem the word could have (one ending removed, or none): two forms of one name share one."""
    low = word.lower().replace("ё", "е")
    found = {low}
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            found.add(low[: -len(ending)])
    return frozenset(found)


@lru_cache(maxsize=65536)
def word_forms(word: str) -> tuple[str, ...]:
    """The singular case forms of one name word given in the nominative, itself first."""
    if not word or not is_cyrillic_char(word[-1]):
        return (word,)
    if "-" in word:
        # Hyphenated names decline in their last part ("Касым-Жомарта") or, for double surnames, in
        # both parts alike ("Оспанова-Калиева").
        head, _, tail = word.rpartition("-")
        tails = word_forms(tail)
        heads = word_forms(head)
        both = [f"{h}-{t}" for h, t in zip(heads, tails, strict=False)] if len(heads) == len(tails) else []
        return tuple(dict.fromkeys([f"{head}-{form}" for form in tails] + both))
    low = word.lower()
    base = word
    forms: list[str] = [word]
    if word[0].islower() or low.endswith(("ство", "тво")):
        # Common nouns inside names decline even when they end in -о/-е ("море" -> "моря", "агентства").
        if low.endswith("ие"):
            return (word, *[base[:-1] + e for e in ("я", "ю", "ем", "и")])
        if low.endswith(("о", "е")):
            return (word, *[base[:-1] + e for e in ("а", "у", "ом", "е", "я", "ю", "ем")])
    if low.endswith(("ий", "ый", "ой")) and len(low) > 3:
        stem_ = base[:-2]
        soft = low[-2] == "и" and low[-3] not in _HUSHING
        forms += [stem_ + e for e in (("его", "ему", "им", "ем") if soft else ("ого", "ому", "ым", "ом", "им"))]
        if low.endswith("ий") and not low.endswith(("ский", "цкий")):
            forms += [base[:-1] + e for e in ("я", "ю", "ем", "и", "е")]  # a noun: Дмитрий, Каспий
    elif low.endswith("ая") and len(low) > 3:
        forms += [base[:-2] + e for e in ("ой", "ую", "ей")]
    elif low.endswith(("ое", "ее")) and len(low) > 3:
        forms += [base[:-2] + e for e in ("ого", "ому", "ым", "ом", "его", "ему", "им", "ем")]
    elif low.endswith(("ые", "ие")) and len(low) > 3:
        forms += [base[:-2] + e for e in ("ых", "ым", "ыми", "их", "им", "ими")]
    elif low.endswith("ия"):
        forms += [base[:-2] + e for e in ("ии", "ию", "ией")]
    elif low.endswith("ья"):
        forms += [base[:-2] + e for e in ("ьи", "ью", "ьей", "ье")]
    elif low.endswith("а"):
        stem_ = base[:-1]
        forms += [stem_ + e for e in ("ы", "и", "е", "у", "ой", "ей")]
    elif low.endswith("я"):
        forms += [base[:-1] + e for e in ("и", "е", "ю", "ей")]
    elif low.endswith("ий"):
        forms += [base[:-1] + e for e in ("я", "ю", "ем", "и", "е")]  # Каспий -> на Каспии
    elif low.endswith("й"):
        forms += [base[:-1] + e for e in ("я", "ю", "ем", "е")]
    elif low.endswith("ь"):
        # Masculine (Кремль -> Кремля) or feminine (Сибирь -> Сибири): both sets, names rarely collide.
        forms += [base[:-1] + e for e in ("я", "ю", "ем", "е", "и", "ью")]
    elif low[-1] in _VOWELS:
        pass  # names ending in -о, -е, -и, -у, -ю do not decline (Актау, Сочи, Токио)
    elif low.endswith(("ы", "и")):
        pass
    else:
        forms += [base + e for e in ("а", "у", "ом", "ем", "ым", "е")]
    return tuple(dict.fromkeys(forms))


def phrase_forms(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Case forms of a multi-word name: each word declined in the same case, or only the last word."""
    if len(words) == 1:
        return {(form,) for form in word_forms(words[0])}
    per_word = [word_forms(w) for w in words]
    found: set[tuple[str, ...]] = {tuple(words)}
    # Same case index across words where paradigms line up, plus the free product for short names.
    if len(words) <= 3:
        found.update(_product(per_word))
    return found


def _product(options: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    result: list[tuple[str, ...]] = [()]
    for choices in options:
        result = [(*prefix, choice) for prefix in result for choice in choices]
    return result


# Nominative endings to try, in order of likelihood for names, for each ending an oblique form may have.
_BACK: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ого", ("ий", "ый", "ой")), ("его", ("ий",)), ("ому", ("ий", "ый", "ой")), ("ему", ("ий",)),
    ("ией", ("ия",)), ("ьей", ("ья",)), ("ым", ("", "ый", "ое")), ("им", ("ий", "")),
    ("ем", ("й", "ь", "", "е")), ("ом", ("", "о")), ("ой", ("а", "ая", "ой", "ый")), ("ей", ("я", "а", "ь")),
    ("ую", ("ая",)),
    ("ии", ("ия", "ий")), ("ию", ("ия",)), ("ью", ("ь",)), ("ьи", ("ья",)),
    ("а", ("", "а", "о")), ("я", ("й", "ь", "я", "е")), ("у", ("", "а", "о")), ("ю", ("й", "ь", "я", "е")),
    ("е", ("", "а", "й", "ь", "я", "о")), ("ы", ("а",)), ("и", ("а", "я", "ь", "ие")),
)


def nominative_candidates(word: str) -> list[str]:
    """Nominatives whose case forms include `word`, most likely first (the word itself may be one)."""
    low = word.lower()
    out: list[str] = []
    for ending, replacements in _BACK:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            stem_ = word[: -len(ending)]
            for replacement in replacements:
                candidate = stem_ + replacement
                if candidate != word and _plausible(candidate) and word in word_forms(candidate):
                    out.append(candidate)
    if low.endswith("ем") and len(low) > 4:
        # Instrumental -ем: "Сергеем" (Сергей), "Игорем" (Игорь), "Мерцем" (Мерц, after ц and hushing).
        before = low[-3]
        wanted = word[:-2] + ("й" if before in _VOWELS else "" if before in "цжшчщ" else "ь")
        if wanted in out:
            out.remove(wanted)
            out.insert(0, wanted)
    return list(dict.fromkeys(out))


def _plausible(word: str) -> bool:
    """Russian spelling never puts й after a consonant nor ь after a vowel."""
    low = word.lower()
    if len(low) < 2:
        return False
    last, before = low[-1], low[-2]
    if last == "й" and before not in _VOWELS:
        return False
    if last in "ьъ" and before in "ьъ":
        return False
    return not (last == "ь" and before in _VOWELS)


def choose_nominative(word: str, gender: str | None, irregular: dict[str, str] | None = None) -> str:
    """The most likely nominative of a name word, given the person's gender when known ("f", "m")."""
    if irregular and word in irregular:
        return irregular[word]  # fleeting vowels: "Павла" -> "Павел", "Льва" -> "Лев"
    options = nominative_candidates(word)
    if not options:
        return word
    if gender == "f":
        feminine = [o for o in options if o.lower().endswith(("а", "я"))]
        if word.lower().endswith(("ской", "цкой", "скую", "цкую")):
            feminine = [o for o in feminine if o.lower().endswith("ая")] or feminine  # "Садовской" -> "Садовская"
        if word.lower().endswith(("а", "я")) and word[-1:] not in "у":
            return word if not feminine or word.lower().endswith(("ова", "ева", "ина", "ына", "ая")) else feminine[0]
        return feminine[0] if feminine else word
    if gender == "m":
        if word.lower().endswith(("и", "ы")):
            return word  # no masculine name ends so in an oblique case: "Моди", "Мелони" are foreign nominatives
        masculine = [o for o in options if not o.lower().endswith(("а", "я", "о", "е"))]
        return masculine[0] if masculine else options[0]
    return options[0]


def is_feminine_surname(word: str) -> bool:
    """-ова, -ева, -ина, -ына, -ская, -цкая: the nominative of a woman's surname (or a man's genitive)."""
    low = word.lower()
    return low.endswith(("ова", "ева", "ёва", "ина", "ына", "ская", "цкая"))


def is_feminine_first_name(word: str, female: frozenset[str]) -> bool:
    """A woman's first name, in any case form (an ending alone cannot tell "Ивана" from "Марина")."""
    return word in female or any(candidate in female for candidate in nominative_candidates(word))


def is_cyrillic_char(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def is_cyrillic_word(word: str) -> bool:
    return any(is_cyrillic_char(c) for c in word)


_ADJECTIVE_ENDINGS = (
    "ого", "его", "ому", "ему", "ыми", "ими", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю",
    "ым", "им", "ом", "ем", "ей", "ых", "их",
)
# Suffixes of Russian common nouns (обмеление, заседание, новость, коалиция, агентство, руководитель).
COMMON_NOUN_ENDINGS = ("ение", "ание", "ость", "ция", "ство", "тель", "ние", "ие", "ия", "ья", "ье", "ка", "ки")
_VERB_ENDINGS = ("ла", "ло", "ли", "ет", "ит", "ют", "ят", "ут", "ать", "ять", "ить", "еть", "ся", "сь", "л")


def is_adjective(word: str) -> bool:
    """A Russian adjective by its ending ("каспийских", "Берлинский", "морской"), not a noun in -ние."""
    low = word.lower()
    return len(low) > 4 and low.endswith(_ADJECTIVE_ENDINGS) and not low.endswith(("ние", "тие", "ьие", "ия"))


def looks_like_verb(word: str) -> bool:
    """Past tense, present tense or infinitive endings: where a name's genitive complement stops."""
    low = word.lower()
    if low.endswith("л") and not (len(low) > 3 and low[-2] in _VOWELS):
        return False  # "дел", "сил" are nouns; "сказал", "заявил" verbs
    return low.endswith(_VERB_ENDINGS) and not low.endswith(("ость", "ель", "ль"))


# Plural case endings, for names that are plural nouns («Известиях» -> «Известия»).
_PLURAL_BACK = (("иях", "ия"), ("ях", "я"), ("ах", "ы"), ("ами", "ы"), ("ям", "я"), ("ам", "ы"), ("сов", "сы"))


def phrase_nominative(
    words: tuple[str, ...], lexicon: frozenset[str] = frozenset(), stressed: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """An adjective + noun name in an oblique case, back to the nominative, adjectives agreeing with the noun:
    «Российской газете» -> «Российская газета», «Зерновой союз» stays, «Федерального агентства» ->
    «Федеральное агентство». `lexicon`: nominatives of nouns names are made of (море, область, агентство);
    `stressed`: stems of adjectives ending in a stressed -ой (морск-ой), which no ending can tell."""
    if not words or not is_cyrillic_word(words[-1]):
        return words
    adjectives = [w for w in words[:-1] if is_adjective(w)]
    noun = words[-1]
    low_noun = noun.lower()
    if noun.isupper() and adjectives:
        # An acronym does not decline ("Саяно-Шушенской ГЭС"): the adjective's ending tells the gender.
        last = adjectives[-1].lower()
        gender = "f" if last.endswith(("ой", "ей", "ую", "юю", "ая", "яя")) else (
            "n" if last.endswith(("ое", "ее")) else "m"
        )
        return (*(_adjective_nominative(w, gender, stressed) if is_adjective(w) else w for w in words[:-1]), noun)
    plural = [noun[: -len(e)] + r for e, r in _PLURAL_BACK if low_noun.endswith(e) and len(noun) > len(e) + 2]
    listed = [] if low_noun in lexicon else sorted(_by_stem(lexicon).get(stem(noun), ()), key=len)
    if plural:
        nominative = plural[0]
    elif listed and not low_noun.endswith(_NOMINATIVE_ENDINGS):
        # a noun names are made of, in an oblique case that looks like a nominative ("управлением")
        nominative = listed[0] if noun.islower() else listed[0].capitalize()
    elif _noun_nominative(noun):
        nominative = noun
    else:
        options = nominative_candidates(noun)
        # An oblique feminine adjective (-ой, -ую, -ей) tells a feminine noun: «газете» is «газета».
        if any(w.lower().endswith(("ую", "ей", "ой")) for w in adjectives):
            options = [o for o in options if o.lower().endswith(("а", "я", "ь"))] or options
        if low_noun in lexicon or low_noun.rpartition("-")[2] in lexicon:
            options = [noun]  # already the nominative of a noun names are made of ("Пресс-служба")
        known = [o for o in options if o.lower() in lexicon] or sorted(_by_stem(lexicon).get(stem(noun), ()), key=len)
        nominative = (known or sorted(options, key=_likelihood) or [noun])[0]
    low = nominative.lower()
    if plural:
        gender = "p"
    elif low.endswith(("а", "я")) or low.endswith("сть"):
        gender = "f"
    elif low.endswith(("о", "е")):
        gender = "n"
    else:
        gender = "m"
    out = [_adjective_nominative(w, gender, stressed) if is_adjective(w) else w for w in words[:-1]]
    out.append(nominative)
    return tuple(out)


_NOMINATIVE_ENDINGS = ("ие", "ство", "ция", "ка", "ра", "на", "ия", "ть", "ль")


@lru_cache(maxsize=16)
def _by_stem(lexicon: frozenset[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for word in lexicon:
        out.setdefault(stem(word), []).append(word)
    return {k: tuple(v) for k, v in out.items()}


def _likelihood(option: str) -> int:
    """Common noun endings first: -ство is neuter, -сть feminine (области -> область, агентства -> агентство)."""
    low = option.lower()
    if low.endswith(("ство", "тво", "сть")):
        return 0
    return 1


def _noun_nominative(noun: str) -> bool:
    """Ends as a nominative singular can: a consonant, -ь, -й not after о/е (the oblique forms add a vowel)."""
    low = noun.lower()
    return low[-1:] in "бвгджзклмнпрстфхцчшщь" or (low.endswith("й") and not low.endswith(("ой", "ей")))


def _adjective_nominative(word: str, gender: str, stressed: frozenset[str] = frozenset()) -> str:
    low = word.lower()
    nominative = {"m": ("ый", "ий", "ой"), "f": ("ая", "яя"), "n": ("ое", "ее"), "p": ("ые", "ие")}[gender]
    if low.endswith(nominative):
        return word
    for ending in _ADJECTIVE_ENDINGS:
        if low.endswith(ending):
            stem_ = word[: -len(ending)]
            velar = stem_[-1:].lower() in "гкхжшщч"
            soft = ending[0] in "еиюя" and not velar
            if gender == "p":
                return stem_ + ("ие" if soft or velar else "ые")
            if gender == "f":
                return stem_ + ("яя" if soft else "ая")
            if gender == "n":
                return stem_ + ("ее" if soft else "ое")
            if stem_.lower() in stressed:  # "морской", "Зерновой": a stressed -ой ending
                return stem_ + "ой"
            return stem_ + ("ий" if soft or velar else "ый")
    return word
