"""Russian names in one article: the form to show for each declined word of a person's name.

"Токаева" next to "Токаев" is its genitive; "Ирину Саблину" is the accusative of a woman's name; "Сауле
Ермекбаева напомнила" is a woman (the past tense agrees in gender) whose first name does not decline.
The order of evidence: a nominative the article itself uses, the person's gender (honorific, verb
agreement, a following "Она"/"Он", a known woman's first name), then the likeliest nominative.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.annotate import entity_inflection
from generator.annotate.entity_resources import LanguageData
from generator.annotate.entity_rules import Analysis, Candidate
from generator.annotate.entity_tokens import Token

_SENTENCE_END = frozenset(".!?…")
_FEMALE_HONORIFICS = frozenset({"г-жа", "г-жи", "г-же", "г-жу", "госпожа", "госпожи", "госпоже", "миссис", "мисс"})
_MALE_HONORIFICS = frozenset({"г-н", "г-на", "г-ну", "г-ном", "господин", "господина", "мистер"})
_MASCULINE_OBLIQUE = ("ым", "им", "ому", "ему", "ого", "его")  # surname endings no subject has
_PATRONYMIC = re.compile(r"(ович|евич|ич|овн|евн|ичн)(а|у|ем|ом|е|ы|ой|ою|ю)?$")


def is_patronymic(word: str) -> bool:
    """"Кемелевичем", "Владимировна": a patronymic in any case."""
    return bool(_PATRONYMIC.search(word.lower())) and len(word) > 5


def gender_of(analysis: Analysis, cand: Candidate, data: LanguageData) -> str | None:
    """"f", "m" or None, from the honorific, verb agreement around the name, or the first name."""
    tokens = analysis.tokens
    text = analysis.recogniser.text
    surface = text[cand.start : cand.end].split()
    if surface and surface[0].lower() in _FEMALE_HONORIFICS:
        return "f"
    if surface and surface[0].lower() in _MALE_HONORIFICS:
        return "m"
    if len(cand.words) >= 2 and entity_inflection.is_feminine_first_name(cand.words[0], data.female_names):
        return "f"
    if len(cand.words) >= 2 and cand.words[0].lower().endswith(("ой", "ою")) and len(cand.words[0]) > 4:
        return "f"  # "с Иоанной Садовской": a first name in -ой is a woman's, in an oblique case
    if len(cand.words) >= 2 and _undeclined_foreign_woman(cand.words[0], cand.words[-1], data):
        return "f"
    # A patronymic or a first name's ending settles it before the verbs around: the name may be the object.
    for word in surface[1:-1] or cand.words[1:-1]:  # the patronymic is left out of the words, not the text
        if is_patronymic(word):  # "Павловича" a man's, "Николаевной" a woman's
            return "f" if re.search(r"(овн|евн|ичн)\w*$", word.lower()) else "m"
    masculine = len(cand.words) >= 2 and _masculine_first_name(cand.words[0], data)
    if masculine == "sure":
        return "m"
    if surface and surface[-1].lower().endswith(_MASCULINE_OBLIQUE):
        return "m" if masculine else None  # "с Кшиштофом Островским": not the subject, the verb is another's
    found = _verb_gender(tokens, cand.first_tok, cand.last_tok)
    if found:
        return found
    if masculine:
        return "m"
    return _pronoun_after(tokens, cand.last_tok)


def _masculine_first_name(word: str, data: LanguageData) -> str | bool:
    """"sure" for endings only a man's first name has ("Андрея", "Сергеем", "Дмитрий": a woman's -я name
    makes its genitive in -и, its instrumental in -ей/-ой); True for a consonant ending ("Иван", though
    foreign women's names end so too: "Ингрид"); the listed names are set apart."""
    if not entity_inflection.is_cyrillic_word(word) or "-" in word or len(word) < 3:
        return False
    if word in data.male_names_in_a:
        return "sure"
    if entity_inflection.is_feminine_first_name(word, data.female_names):
        return False
    low = word.lower()
    if low.endswith(("ея", "ем", "ом", "ай", "ий")) or (low.endswith("ей") and not low.endswith(("ией", "ьей"))):
        return "sure"
    return low[-1] in "бвгдзклмнпрстфхцчшщ"


def _undeclined_foreign_woman(first: str, last: str, data: LanguageData) -> bool:
    """"Урсула фон Берг": a man's surname ending in a consonant declines with his first name, a woman's
    does not; so a first name in -а/-я beside a bare consonant-final surname is a woman's."""
    low_last = last.lower()
    return (
        first[-1:].lower() in "ая" and first not in data.male_names_in_a
        and low_last[-1:] in "бвгджзклмнпрстфхцчшщ" and not low_last.endswith(("ов", "ев", "ёв", "ин", "ын"))
    )


def _verb_gender(tokens: Sequence[Token], first: int, last: int) -> str | None:
    """The past tense nearest the name in its sentence: "-ла" feminine, "-л" masculine."""
    best: tuple[int, str] | None = None
    for k in range(last, min(len(tokens), last + 8)):
        if tokens[k].text in _SENTENCE_END:
            break
        found = _past_tense(tokens[k])
        if found:
            best = (k - last, found)
            break
    for k in range(first - 1, max(-1, first - 12), -1):
        if tokens[k].text in _SENTENCE_END:
            break
        found = _past_tense(tokens[k])
        if found and (best is None or first - k < best[0]):
            best = (first - k, found)
            break
    return best[1] if best else None


def _past_tense(token: Token) -> str | None:
    if not token.word or token.cap or len(token.low) < 4:
        return None
    low = token.low
    if (low.endswith(("ла", "лась")) and low[-3:-2] in "аеиоуяы") or low.endswith("лась"):
        return "f"
    if low.endswith(("ал", "ел", "ил", "ял", "ул", "ался", "ился", "елся")):
        return "m"
    return None


def _pronoun_after(tokens: Sequence[Token], last: int) -> str | None:
    """"… Дана Омарова. Она добавила": the next sentence's subject."""
    for k in range(last, min(len(tokens), last + 40)):
        if tokens[k].text in _SENTENCE_END:
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and nxt.low == "она":
                return "f"
            if nxt is not None and nxt.low == "он":
                return "m"
            return None
    return None


def lemmas(analysis: Analysis, data: LanguageData) -> dict[tuple[int, str], str]:
    """(candidate index, word) -> the form to show, for the Cyrillic words of people's names."""
    candidates = analysis.candidates
    people = [
        (index, cand) for index, cand in enumerate(candidates)
        if cand.kind in ("person", None) and cand.evidence != "curated"
    ]
    words = {w for _, cand in people for w in cand.words if entity_inflection.is_cyrillic_word(w)}
    genders = {index: gender_of(analysis, cand, data) for index, cand in people if cand.kind == "person"}
    # A first name seen unchanged beside two forms of the surname does not decline ("Сауле").
    seen_with: dict[str, set[str]] = {}
    for _, cand in people:
        if len(cand.words) >= 2:
            seen_with.setdefault(cand.words[0], set()).add(cand.words[-1])
    fixed = {first for first, lasts in seen_with.items() if len(lasts) >= 2}

    out: dict[tuple[int, str], str] = {}
    for index, cand in people:
        gender = genders.get(index)
        first = cand.words[0] if cand.words else ""
        if len(cand.words) >= 2 and first in data.first_names and not first.endswith("ь"):
            continue  # a first name in the nominative: the words of a name agree ("Ана Пиньейру" stays)
        for position, word in enumerate(cand.words):
            if not entity_inflection.is_cyrillic_word(word) or word in fixed:
                continue
            # A nominative the article itself uses wins: "Токаева" next to "Токаев" is the genitive.
            sources = [v for v in words if v != word and word in entity_inflection.word_forms(v)]
            if gender == "f":
                sources = [v for v in sources if v.lower().endswith(("а", "я"))] or (
                    [] if word.lower().endswith(("а", "я")) else sources
                )
            if sources:
                out[(index, word)] = min(sources, key=len)
                continue
            if word in data.irregular_names:
                out[(index, word)] = data.irregular_names[word]
                continue
            if gender == "f":
                # A woman's name changes only in -у/-ю/-ой/-ей/-е/-ы (and -и of a known -ия name);
                # "Дана Омарова" is a nominative, "Сауле", "Сейткали", "Айгуль" do not decline.
                low = word.lower()
                listed = [c for c in entity_inflection.nominative_candidates(word) if c in data.female_names]
                # A woman's surname never ends in -е in an oblique case (-ова -> -овой; "Трамбле" is foreign).
                oblique = low.endswith(("у", "ю", "ой", "ей", "ы", "е")) and not (
                    low.endswith("е") and (position == 0 or position == len(cand.words) - 1)
                )
                if listed:
                    out[(index, word)] = listed[0]  # "Айгули" -> "Айгуль", "Марии" -> "Мария"
                elif oblique:
                    out[(index, word)] = entity_inflection.choose_nominative(word, "f")
                continue
            if position == 0 and len(cand.words) >= 2 and not _visibly_oblique(cand.words[-1]):
                continue  # the first name is in the surname's case: "Нарендра Моди" is a nominative
            if _oblique(word) and not (word.lower().endswith(("е", "о")) and not _after_preposition(analysis, cand)):
                # A man's name ends in -е only as a prepositional ("о Гуляеве"), which a preposition opens;
                # elsewhere -е, -о are the endings of foreign names that do not decline ("Трамбле", "Франко").
                out[(index, word)] = entity_inflection.choose_nominative(word, gender)
    return out


def _visibly_oblique(surname: str) -> bool:
    """A surname whose ending shows an oblique case: "Путина", "Мерцем", "Токаеву" (not "Моди", "Путин")."""
    low = surname.lower()
    if low.endswith(("ым", "им", "ом", "ем", "ой", "ому", "ему", "ого", "его")):
        return True
    return len(low) > 3 and low[-1:] in "аяуюе" and low[-2:-1] not in "аеёиоуыэюя"


def _oblique(word: str) -> bool:
    """Ends as only an oblique case can: a vowel other than -а/-я, or -ым/-ом/-ем/-ой/-ей."""
    low = word.lower()
    if low.endswith(("ей", "ой", "ай")):
        return False  # "Сергей", "Николай", "Толстой": a man's nominative (a woman's -ой is handled apart)
    if low.endswith(("ым", "им", "ом", "ем", "ою", "ею")):
        return True
    return low[-1:] in "аяуюеиы"


_PREPOSITIONAL = frozenset({"о", "об", "обо", "при", "в", "во", "на"})


def _after_preposition(analysis: Analysis, cand: Candidate) -> bool:
    """The name opens after a preposition that governs the prepositional case ("о Гуляеве")."""
    k = cand.first_tok - 1
    tokens = analysis.tokens
    while k >= 0 and tokens[k].word and tokens[k].cap:
        k -= 1  # past an honorific or a role written with a capital
    return k >= 0 and tokens[k].low in _PREPOSITIONAL
