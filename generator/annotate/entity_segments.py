"""Capitalised runs cut into names: honorifics, role nouns and nationality adjectives split a run, and each
piece becomes a person, a place or organisation named by a cue, an acronym, or a lone word left for the
article-level resolution. A mixin of `entity_rules.Recogniser` (it needs its tokens, data, cues and output).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.annotate import entity_inflection
from generator.annotate.entity_resources import LanguageData
from generator.annotate.entity_tokens import Token

if TYPE_CHECKING:
    from generator.annotate.entity_rules import Candidate

MAX_PERSON_WORDS = 4
_GENITIVE_PLURAL = ("ов", "ев", "ых", "их")
_ACRONYM_MAX = 7
# Words before "to" that make it no preposition of place ("according to X", "thanks to X").
_NOT_PLACES_AFTER = frozenset({"according", "thanks", "owing", "due", "compared", "close", "loyal"})


# Adjective endings and the noun endings that agree with them ("Березового Лога", "Березовом Логе"): a first
# name that merely ends like an adjective ("Карим Бенаисса") does not agree with the surname after it.
_AGREEMENT = (
    (("ый", "ий", "ой"), ("", "ь", "й")), (("ая", "яя"), ("а", "я", "ь")), (("ое", "ее"), ("о", "е")),
    (("ого", "его"), ("а", "я", "о")), (("ому", "ему"), ("у", "ю")), (("ым", "им"), ("ом", "ем", "ём", "ой")),
    (("ом", "ем"), ("е", "и")), (("ую", "юю"), ("у", "ю", "ь")),
)


def _agree(adjective: str, noun: str) -> bool:
    if noun.isupper():
        return True  # an acronym does not decline ("Среднесибирского УГМС")
    a, n = adjective.lower(), noun.lower()
    consonant = n[-1:] not in "аеёиоуыэюяйь"
    for adjective_endings, noun_endings in _AGREEMENT:
        if a.endswith(adjective_endings):
            return (consonant and "" in noun_endings) or n.endswith(tuple(e for e in noun_endings if e))
    return True


def entity_russian_patronymic(word: str) -> bool:
    low = word.lower()
    return len(low) > 5 and any(
        low.endswith(stem + ending)
        for stem in ("ович", "евич", "вич", "овн", "евн", "ичн")
        for ending in ("", "а", "у", "ем", "ом", "е", "ы", "ой", "ою", "ю")
    )


class Segments:
    """Needs the recogniser's tokens, data, gazetteer, output and cue helpers."""

    tokens: list[Token]
    data: LanguageData
    out: list[Candidate]
    mid_caps: frozenset[str]
    lower_words: frozenset[str]

    def _segments(self, i: int, j: int) -> None:
        """Split a run at honorifics, titles and nationality adjectives, and classify each piece."""
        tokens, data = self.tokens, self.data
        evidence: str | None = None
        role: str | None = None
        country: str | None = None
        span_start: int | None = None
        k = i
        seg_start = i
        while k < j:
            token = tokens[k]
            role_end = self.role_at(k)
            if role_end and data.russian and self._plural_role(k, role_end):
                role_end = None  # "Жители Диксона", "Губернаторы регионов": a group, not one person's title
            is_honorific = token.text in data.honorifics
            demonym = data.demonym(token.text) if not role_end and not is_honorific else None
            if not (role_end or is_honorific or demonym):
                k += 1
                continue
            if k > seg_start:
                self._segment(seg_start, k, evidence, role, country, span_start)
                evidence, role, country, span_start = None, None, None, None
            if is_honorific:
                evidence = "honorific"
                span_start = token.start if span_start is None else span_start
                k += 2 if k + 1 < j and tokens[k + 1].text == "." else 1
            elif role_end:
                evidence = "role"
                role = data.roles.get(tuple(t.key for t in tokens[k:role_end]), role)
                k = role_end
            else:
                country = demonym
                k += 1
            seg_start = k
        if seg_start < j:
            self._segment(seg_start, j, evidence, role, country, span_start)

    def _segment(
        self, i: int, j: int, evidence: str | None, role: str | None, country: str | None, span_start: int | None
    ) -> None:
        tokens, data = self.tokens, self.data
        while i < j and (not tokens[i].word or tokens[i].text in data.name_particles):
            i += 1
        while j > i and (not tokens[j - 1].word or tokens[j - 1].text in data.name_particles):
            j -= 1
        if i >= j:
            return
        known = self.known_at(i, j)
        if known is not None and evidence != "honorific":
            self._emit(i, j, known.kind, (known.name,), "known", known=known)
            return
        if data.russian and evidence != "honorific" and self._russian_org(i, j):
            return
        if data.russian and evidence != "honorific" and self._acronym_then_person(i, j, evidence, role, country):
            return
        if data.russian and evidence != "honorific" and self._acronym_of_country(i, j):
            return
        if data.russian and evidence == "role" and self._body_then_person(i, j, evidence, role, country):
            return
        if data.russian and evidence != "honorific" and j - i >= 2 and self._place_in_run(i, j, evidence):
            return
        if evidence != "honorific" and self._known_prefix(i, j):
            return
        if j - i >= 3 and self.place_cue_before(i) and not self.first_name_at(i):
            # "порта Оля Сергей Вельяминов": the place, then someone's name.
            self._emit(i, i + 1, "place", (tokens[i].text,), "cue")
            self._segment(i + 1, j, None, None, None, None)
            return
        if evidence is None:
            role, country, evidence = self.context_role(i, j, role, country)
            if evidence == "role" and data.russian and j - i == 3 and tokens[i].low.endswith(_GENITIVE_PLURAL):
                # "руководитель Росводресурсов Ирина Саблина": the body, then the person.
                name = entity_inflection.phrase_nominative((tokens[i].text,), data.name_nouns)
                self._emit(i, i + 1, "organisation", name, "cue")
                self._segment(i + 1, j, None, None, None, None)
                return
            role, country, evidence = self.context_role(i, j, role, country)
            if data.russian and evidence is None and all(t.cap for t in tokens[i:j]) and self._body_then_person(
                i, j, None, None, None
            ):
                return
        words = self._surface_words(i, j)
        single = j - i == 1
        first = tokens[i]
        if evidence is None and (self.place_cue_before(i) or self.place_cue_after(j)):
            if single and data.is_junk_word(first.text):
                return
            self._emit(i, j, "place", words, "cue")
            return
        if evidence is None and self.org_cue_before(i):
            if data.russian:
                words = entity_inflection.phrase_nominative(
                    words, data.name_nouns, data.stressed_adjective_stems
                )
            self._emit(i, j, "organisation", words, "cue")
            return
        if single and first.upper and not evidence:
            self._acronym(i)
            return
        if evidence is None and first.upper and len(first.text) > 1 and all(t.cap for t in tokens[i:j]) and (
            not self._line_in_capitals(i)
        ):
            self._emit(i, j, "organisation", words, "acronym")  # "IG Metall", "BASF Coatings"
            return
        if data.russian and evidence is None and j - i == 2 and self._adjective_noun_name(i):
            # "Берёзовый Лог", "Красная Поляна": an adjective and a noun name a place; a person's name opens
            # with a first name, not with an adjective.
            words = entity_inflection.phrase_nominative(words, data.name_nouns, data.stressed_adjective_stems)
            self._emit(i, j, "place", words, "shape")
            return
        if evidence is None and i > 0 and not tokens[i - 1].cap and self.is_vessel(i - 1) and not any(
            self.role_ending_at(k) for k in range(max(0, i - 4), i - 1) if tokens[k].word
        ):  # "капитан норвежского судна Олег Петров": the vessel's captain is named
            return  # "the tanker Polar Swan", "le navire Étoile Polaire": a ship's name, not a person's
        if evidence != "honorific" and not single and self._common_noun_last(j - 1):
            if tokens[j - 1].key not in data.place_nouns and not data.capitalised_nouns:
                self._emit(i, j, "organisation", words, "suffix")  # "Maritime Administration"
            return  # "Kola Marine Station": a facility; German "Jahre Unwählbarkeit": nouns; no surname either
        if evidence in ("honorific", "role"):
            if single and data.is_junk_word(first.text):
                return
            if single and first.upper and len(first.text) > 1 and evidence == "role":
                self._acronym(i)  # "председатель CRV Этьен де Воссель": the body the title is of
                return
            if evidence == "role" and data.capitalised_nouns and i > 0 and tokens[i - 1].low in data.determiners:
                return  # "der Stadtrat die Rückgabe", "Chef eines Hamburger Handelshauses": after an article, nouns
            if single and evidence == "role" and self._between_role_and_name(i):
                self._lone_word(i)  # "руководитель Росводресурсов Ирина Саблина": the body, not a person
                return
            self._emit(i, j, "person", self._person_words(words), evidence, role=role, country=country,
                       span_start=span_start)
            return
        if single:
            self._lone_word(i)
            return
        if all(t.upper for t in tokens[i:j] if t.word):
            return  # a line in capitals (a heading), not a name
        if len([w for w in words if w not in data.name_particles]) > MAX_PERSON_WORDS:
            if data.capitalised_nouns:
                self._name_after_nouns(i, j)
            return  # a title-case heading rather than a name
        previous = tokens[i - 1] if i > 0 else None
        if previous is not None and previous.text[:1].isdigit():
            return  # "15 000 Tonnes", "2,5 Millionen Tonnen": a unit after a number
        after_function = previous is not None and (
            previous.low in data.function_words or previous.low in data.determiners
        )
        if data.capitalised_nouns and (first.sent or after_function) and not self._name_shaped(i, j):
            self._name_after_nouns(i, j)
            return  # German nouns in a row after an article or preposition, or opening a sentence
        if data.capitalised_nouns and j - i >= 3 and not self.first_name_at(i) and self._name_after_nouns(i, j):
            return  # "Gewerkschafter Olaf Brandt": a noun, then the name a first name opens
        if data.capitalised_nouns and evidence is None and self._nouns_only(i, j):
            return  # "zahlte Millionen Euro Strafe", "Packen Sie": nouns or a pronoun, not a name
        if evidence is None and self.org_apposition_after(j):
            self._emit_name(i, j, "organisation", "apposition")  # "Calyxis Santé, a French company"
            return
        if evidence is None and not self.first_name_at(i) and any(
            t.low in self.lower_words for t in tokens[i:j] if t.word and t.text not in data.name_particles
        ):
            # "Habitat Phocéen" where "habitat" is also written in lower case: common words make a body's
            # name, not a person's (a listed first name keeps "Mark Rose" a person)
            self._emit_name(i, j, "organisation", "common-word")
            return
        self._emit(i, j, "person", self._person_words(words), "shape", role=role, country=country)

    def _agent_noun(self, k: int) -> bool:
        """A long German agent noun ("Skifahrer", "Bergführerin", "Gewerkschafter"), not a first name."""
        word = self.tokens[k].text
        return len(word) >= 8 and word.endswith(("er", "erin")) and not self.first_name_at(k) and "-" not in word

    def _nouns_only(self, i: int, j: int) -> bool:
        """Where every noun is capitalised: the run holds a pronoun, or a plain noun and no first name opens it."""
        data = self.data
        pronouns = (t for t in self.tokens[i:j] if len(t.low) > 2 and t.low not in data.name_particles)
        if any(t.low in data.stopwords for t in pronouns):
            return True
        return not self.first_name_at(i) and any(self._plain_noun(k) for k in range(i, j))

    def _plain_noun(self, k: int) -> bool:
        word, data = self.tokens[k].text, self.data
        return word in data.noun_words or (len(word) > 5 and word.lower().endswith(data.noun_endings))

    def _name_after_nouns(self, i: int, j: int) -> bool:
        """"der Bergungsunternehmer Pieter van der Linde", "STFS-Generalsekretärin Ana Sofia dos Santos": where
        nouns are capitalised, nouns and then a name that a first name opens, or a name after an agent noun
        ("Skifahrer Nurlan Abenow"). Emits it; False if none."""
        start = next((k for k in range(i + 1, j - 1) if self.first_name_at(k)), None)
        if start is None and j - i >= 3 and self._agent_noun(i):
            start = i + 1  # "Skifahrer Nurlan Abenow": an agent noun is a title
        if start is None or not self._name_shaped(start, j, known_first=start == i + 1 and self._agent_noun(i)):
            return False
        self._emit(start, j, "person", self._person_words(self._surface_words(start, j)), "shape")
        return True

    def _adjective_noun_name(self, i: int) -> bool:
        first, second = self.tokens[i].text, self.tokens[i + 1].text
        return (
            entity_inflection.is_cyrillic_word(first) and entity_inflection.is_adjective(first)
            and not entity_inflection.is_adjective(second) and not entity_russian_patronymic(second)
            and not self.first_name_at(i) and not self.first_name_at(i + 1) and _agree(first, second)
        )

    def _place_in_run(self, i: int, j: int, evidence: str | None) -> bool:
        """Russian runs a place in an oblique case into a name: "в Базеле Рейн", "Власти Норвегии", "из Осло
        Иван Петров". A person's name never declines into a country or a large city, so the place is cut off."""
        after_locative = i > 0 and self.tokens[i - 1].low in self.data.locative_prepositions
        for k, rest in ((i, (i + 1, j)), (j - 1, (i, j - 1))):
            known = self.known_at(k, k + 1)
            if known is None or known.kind != "place":
                continue
            # A town may share a first name or surname ("Владимир Путин", "Иванова"): only a country, or an
            # inflected city right after a preposition ("в Базеле"), is cut off.
            oblique_city = k == i and after_locative and known.population >= 100_000 and (
                self.tokens[k].text != known.name
            )
            if not (known.code.startswith("cldr:") or oblique_city):
                continue
            if k == j - 1 and evidence is not None:
                continue  # after a title the last word is the surname
            self._emit(k, k + 1, "place", (known.name,), "known", known=known)
            self._segment(rest[0], rest[1], evidence, None, None, None)
            return True
        return False

    def _common_noun_last(self, k: int) -> bool:
        """The last word of a run is a common noun by its form or kind ("Station", "Administration",
        "Commission"), so the run names a place or a body rather than a person."""
        token = self.tokens[k]
        if token.key in self.data.place_nouns and not self.data.capitalised_nouns:
            return True
        return len(token.low) >= 7 and token.low.endswith(self.data.common_noun_endings)

    def _acronym(self, i: int) -> None:
        token = self.tokens[i]
        data = self.data
        if data.is_junk_word(token.text) or any(c.isdigit() for c in token.text):
            return
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if self._shouted(i) and nxt is not None and nxt.text in ",(/–—" and not self._line_in_capitals(i):
            name = "-".join(p[:1] + p[1:].lower() for p in token.text.split("-"))
            self._emit(i, i + 1, "place", (name,), "dateline")  # "TROMSØ, Norway –": a wire dateline
            return
        if len(token.text) > _ACRONYM_MAX or self._line_in_capitals(i):
            return
        self._emit(i, i + 1, "organisation", (token.text,), "acronym")

    def _line_in_capitals(self, i: int) -> bool:
        """A headline or shouted line: the neighbours are capitals too."""
        near = [t for t in self.tokens[max(0, i - 3) : i + 4] if t.word and t is not self.tokens[i]]
        return bool(near) and all(t.upper for t in near)

    def _lone_word(self, i: int) -> None:
        tokens, data = self.tokens, self.data
        token = tokens[i]
        if data.is_junk_word(token.text) or data.demonym(token.text) or len(token.text) < 2:
            return
        if token.sent and (token.low in data.stopwords or token.text not in self.mid_caps) and not (
            data.russian and self._mid_cap_stem(token)
        ):
            return  # a capital at a sentence start proves nothing, unless a case form of it is seen mid-sentence
        if token.low in self.lower_words:
            return  # the same word written in lower case elsewhere: a common word
        k = i - 1
        while k >= 0 and tokens[k].word and not tokens[k].cap and (
            tokens[k].low.endswith(("’", "'")) or tokens[k].key in data.determiners
        ):
            k -= 1  # "à l’Irtych", "in the Urals"
        previous = tokens[k] if k >= 0 else None
        locative = previous is not None and previous.word and not previous.cap and (
            previous.low in data.locative_prepositions and not data.capitalised_nouns
        ) and not (k >= 1 and tokens[k - 1].low in _NOT_PLACES_AFTER)  # "according to Wróblewski"
        if locative:
            name = token.text
            genitive = previous is not None and previous.low in ("из", "от", "до", "у")
            if data.russian and entity_inflection.is_cyrillic_word(name) and (
                name[-1:] in "еиуы" or (genitive and name[-1:] in "ая" and name[-2:-1] not in "аеиоуыэюяь")
            ):
                # "на Каспии" -> "Каспий"; "из Баренцбурга" -> "Баренцбург" (after "в" -а is a nominative)
                options = entity_inflection.nominative_candidates(name)
                name = options[0] if options else name
            self._emit(i, i + 1, "place", (name,), "locative")
            return
        if self._coordinated_place(i):
            self._emit(i, i + 1, "place", (token.text,), "coordination")
            return
        if self._between_role_and_name(i):
            name = (token.text,)
            if data.russian:
                name = entity_inflection.phrase_nominative(name, data.name_nouns)
            self._emit(i, i + 1, "organisation", name, "cue")
            return
        self._emit(i, i + 1, None, (token.text,), "word")

    def _person_words(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """Drop patronymics when a first and last name remain ("Vladimir Vladimirovitch Poutine"); initials
        keep their dot and go before the surname ("Гуляев И. П." -> "И. П. Гуляев")."""
        if any(len(w) == 1 and w.isupper() for w in words) and len(words) >= 2:
            words = tuple(w + "." if len(w) == 1 and w.isupper() else w for w in words)
            if len(words[0]) > 2 and all(len(w) == 2 and w.endswith(".") for w in words[1:]):
                words = (*words[1:], words[0])
            return words
        if len(words) == 2 and self.data.russian and entity_russian_patronymic(words[1]):
            return words[:1]  # "Касым-Жомартом Кемелевичем": first name and patronymic, a polite address
        if len(words) >= 3:
            endings = self.data.patronymic_endings
            russian = self.data.russian
            kept = tuple(
                w for k, w in enumerate(words) if k in (0, len(words) - 1) or not (
                    w.lower().endswith(endings) or (russian and entity_russian_patronymic(w))
                )  # "Виктора Павловича Гуляева": a patronymic in any case
            )
            if len(kept) >= 2:
                words = kept
        return words

    def _acronym_then_person(
        self, i: int, j: int, evidence: str | None, role: str | None, country: str | None
    ) -> bool:
        """"глава МЧС России Александр Куренков": Russian strings a body in the genitive (an acronym, with
        its country) between the role and the name, with no preposition to mark where the name starts."""
        tokens = self.tokens
        first = tokens[i]
        if j - i < 3 or not first.upper or len(first.text) > _ACRONYM_MAX or self.data.is_junk_word(first.text):
            return False
        k = i + 1
        while k < j:
            found = self.known_starting_at(k)
            if found is None or found[1].kind != "place" or k + found[0] > j - 2:
                break
            k += found[0]
        if j - k < 2 or any(t.upper or not (t.cap or t.text in self.data.name_particles) for t in tokens[k:j]):
            return False  # "CRV Этьен де Воссель": a particle may sit inside the name
        known = self.known_at(i, i + 1)
        if k == i + 1 and known is not None:
            self._emit(i, k, known.kind, (known.name,), "known", known=known)
        else:
            self._emit_name(i, k, "organisation", "acronym")
        self._segment(k, j, evidence, role, country, None)
        return True

    def _acronym_of_country(self, i: int, j: int) -> bool:
        """"МЧС России", "МВД Казахстана": an acronym and the country it serves, in the genitive, is one body."""
        tokens = self.tokens
        first = tokens[i]
        if j - i < 2 or not first.upper or len(first.text) > _ACRONYM_MAX or self.data.is_junk_word(first.text):
            return False
        known = self.known_at(i + 1, j)
        if known is None or known.kind != "place":
            return False
        self._emit_name(i, j, "organisation", "acronym")
        return True

    def _mid_cap_stem(self, token: Token) -> bool:
        """"Гуляеву вручили …" after "… Гуляева": another case form is capitalised mid-sentence."""
        keys = self.__dict__.get("_mid_keys")
        if keys is None:
            keys = frozenset(t.key for t in self.tokens if t.cap and not t.sent and not t.upper)
            self.__dict__["_mid_keys"] = keys
        return token.low not in self.data.stopwords and token.key in keys and len(token.key) >= 4

    def _plural_role(self, k: int, end: int) -> bool:
        """A one-word role in the plural: "-и"/"-ы" on a noun whose nominative singular ends in a consonant
        or -ь ("жители", "губернаторы"; "главы", "судьи" are singular genitives of "глава", "судья"), or an
        ending only a plural has ("жителей", "губернаторов")."""
        low = self.tokens[k].low
        if end != k + 1:
            return False
        words = self.data.role_words
        for ending in ("ами", "ями", "ей", "ов", "ам", "ям", "ах", "ях"):
            # the other plural cases: "жителей", "губернаторов", "жителям"
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                stem_ = low[: -len(ending)]
                return stem_ in words or stem_ + "ь" in words
        if not low.endswith(("и", "ы")):
            return False
        stem_ = low[:-1]
        return (stem_ in words or stem_ + "ь" in words) and not (stem_ + "а" in words or stem_ + "я" in words)

    def _body_then_person(
        self, i: int, j: int, evidence: str | None, role: str | None, country: str | None
    ) -> bool:
        """"губернатор Камчатки Олег Дмитриевич Соколов", "мэр Мурманска Андрей Чибис": after a Russian role,
        the body it belongs to (in the genitive) and then the name, in one capitalised run; without a role
        too ("у берегов Шпицбергена Ларс-Эрик Нордвик"), as a name's words agree in case."""
        tokens = self.tokens
        found = self.known_starting_at(i)
        if found is not None and found[1].kind == "place" and j - (i + found[0]) >= 2:
            length, known = found
            self._emit(i, i + length, "place", (known.name,), "known", known=known)
            self._segment(i + length, j, evidence, role, country, None)
            return True
        words = [t.text for t in tokens[i:j] if t.word]
        if len(words) != j - i or j - i < 3:
            return False
        patronymic = [k for k, w in enumerate(words) if entity_inflection_patronymic(w)]
        split = (len(words) >= 4 and 2 in patronymic) or (
            len(words) == 3 and not patronymic and _ends_oblique(words[0])
            and all(_ends_consonant(w) for w in words[1:])
        )
        if not split or (evidence is None and (words[0] in self.data.female_names or tokens[i].sent)):
            return False
        self._emit(i, i + 1, None, (tokens[i].text,), "word")
        self._segment(i + 1, j, evidence, role, country, None)
        return True


def entity_inflection_patronymic(word: str) -> bool:
    return entity_russian_patronymic(word)


def _ends_oblique(word: str) -> bool:
    """-а, -я, -и, -ы: a genitive, next to names in a nominative that ends in a consonant."""
    return word[-1:].lower() in "аяиы"


def _ends_consonant(word: str) -> bool:
    return word[-1:].lower() in "бвгдзйклмнпрстфхцчшщь"
