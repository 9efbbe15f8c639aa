"""Rule-based recognition of names in one text: proper-noun sequences, cues around them, known names.

How the languages work, not lists of particular texts:
- A name is a run of capitalised words, with the connectors names have inside them ("Charles de Gaulle";
  "Banque de France", "Bank of England": language connectors only after an organisation or place word).
- A capital says nothing at the start of a sentence or quotation: there a lone word must be known or
  written capitalised elsewhere in the article, and a function word ("Malgré", "Au") is dropped.
- Honorifics ("M.", "Mr", "г-н") and role nouns ("président", "Foreign Minister", "глава") before or in
  apposition to a name make it a person; English titles and nationality adjectives inside a capitalised
  run are split off ("Russian President Vladimir Putin").
- Organisation and place words inside the run decide those kinds ("Rossiïskaïa Gazeta", "Caspian Sea");
  a kind of place before or after it in lower case makes it a place ("le port d’Olia", "Kostanay region");
  gazetteers (CLDR, GeoNames, the language's data) name known places and organisations.
- Elisions ("d’État"), months, weekdays and function words are never names; a lone unknown word is kept
  only with a cue or left for the article-level resolution (a surname introduced elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from generator.annotate import entity_inflection, entity_shapes
from generator.annotate.curated import CuratedMatch
from generator.annotate.entity_bodies import Bodies
from generator.annotate.entity_cues import Cues
from generator.annotate.entity_resources import LanguageData
from generator.annotate.entity_tokens import Token, tokenize
from generator.annotate.gazetteer import Gazetteer, Known
from generator.model import EntityKind

MAX_PERSON_WORDS = 4
_GENITIVE_PLURAL = ("ов", "ев", "ых", "их")
_ACRONYM_MAX = 7
_EXTRA_ABBREVIATIONS = frozenset(
    "St Ste Mt Jr Sr Gen Sen Rep Gov Col Capt Lt Adm Sgt Cmdr Prof Dr No Nos Co Inc Ltd Corp г им ул".split()
)


@dataclass(slots=True)
class Candidate:
    """A name found in the text, before article-level resolution."""

    start: int  # character span, honorific included ("M. Tokaïev")
    end: int
    kind: EntityKind | None  # None: a lone word whose kind only the rest of the article can tell
    words: tuple[str, ...]  # the name's words, without honorific, title or patronymic
    evidence: str  # curated, known, honorific, role, org-word, place-word, acronym, shape, cue, word, …
    known: Known | None = None
    canonical: str | None = None  # a curated or gazetteer name that wins over the words
    role: str | None = None  # class of a role noun attached to the name ("head", "minister")
    country: str | None = None  # ISO code of a nationality or country attached to it ("KZ")
    first_tok: int = 0
    last_tok: int = 0  # exclusive

    @property
    def name(self) -> str:
        return self.canonical or " ".join(self.words)


@dataclass(slots=True)
class Analysis:
    """The tokens of an article and the candidates found in them."""

    tokens: list[Token]
    candidates: list[Candidate]
    recogniser: Recogniser


def entity_russian_patronymic(word: str) -> bool:
    low = word.lower()
    return len(low) > 5 and any(
        low.endswith(stem + ending)
        for stem in ("ович", "евич", "вич", "овн", "евн", "ичн")
        for ending in ("", "а", "у", "ем", "ом", "е", "ы", "ой", "ою", "ю")
    )


@lru_cache(maxsize=64)
def _abbreviations(data: LanguageData) -> frozenset[str]:
    return data.honorifics | _EXTRA_ABBREVIATIONS


def analyse(text: str, data: LanguageData, gaz: Gazetteer, curated: list[CuratedMatch]) -> Analysis:
    recogniser = Recogniser(text, data, gaz)
    return Analysis(recogniser.tokens, recogniser.run(curated), recogniser)


class Recogniser(Bodies, Cues):
    """Finds candidates in one text; its cue helpers also serve the resolution of descriptions."""

    def __init__(self, text: str, data: LanguageData, gaz: Gazetteer) -> None:
        self.text = text
        self.data = data
        self.gaz = gaz
        self.tokens = tokens = tokenize(
            text, data.elisions, _abbreviations(data), data.key if data.russian else None
        )
        self.words = [t.text.replace("'", "’") for t in tokens]
        self.mid_caps = frozenset(t.text for t in tokens if t.cap and not t.sent)
        self.lower_words = frozenset(t.text for t in tokens if t.word and t.text[:1].islower())
        self.out: list[Candidate] = []
        self.bodies: dict[int, Candidate] = {}
        self.titles: set[tuple[str, ...]] = set()
        self.initials = ".-" in text  # "J.-P. Martin" somewhere: worth looking for hyphenated initials

    # -- driver ---------------------------------------------------------------------------------------

    def run(self, curated: list[CuratedMatch]) -> list[Candidate]:
        tokens = self.tokens
        taken = self._curated(curated)
        taken.update(self._quoted_names(taken))
        longest, org_words = self.gaz.longest, self.data.org_words
        stopwords, function_words = self.data.stopwords, self.data.function_words
        i, n = 0, len(tokens)
        while i < n:
            if i in taken:
                i = taken[i]
                continue
            token = tokens[i]
            if not token.word:
                i += 1
                continue
            if not token.cap:
                if token.text in longest or token.key in org_words:
                    i = self._lowercase_start(i, taken)
                else:
                    i += 1
                continue
            end = self._run_end(i, taken)
            if end == i + 1 and token.sent and (token.low in stopwords or token.low in function_words):
                i = end  # "Le", "Il", "Malgré" opening a sentence: the common case, settled at once
                continue
            self._classify_run(i, end)
            i = max(end, i + 1)
        if self.titles:  # a ship or a work named in quotes once is no entity when named again without them
            self.out = [c for c in self.out if c.words not in self.titles or c.evidence == "curated"]
        self.out.sort(key=lambda c: (c.start, c.start - c.end))
        return self.out

    def _curated(self, matches: list[CuratedMatch]) -> dict[int, int]:
        """Curated matches, except inside a longer organisation or place name ("Caspian Bulk Lines");
        a person's match takes in the first names and honorific before it ("Vladimir Vladimirovitch
        Poutine", "Mme Seitkali"). Returns token index of each kept match -> index after it."""
        taken: dict[int, int] = {}
        if not matches:
            return taken
        tokens = self.tokens
        starts = {t.start: k for k, t in enumerate(tokens)}
        ends = {t.end: k for k, t in enumerate(tokens)}
        for match in matches:
            first, last = starts.get(match.start), ends.get(match.end)
            if first is None or last is None or first in taken:
                continue  # an alias ending inside a word ("Ural" in "Uralsk") is not that name
            entity = match.entity
            end = last + 1
            if entity.kind != "person":
                lo, hi = first, end
                while lo > 0 and self._joined(lo - 1, lo) and self._name_part(lo - 1):
                    lo -= 1
                while hi < len(tokens) and self._joined(hi - 1, hi) and self._name_part(hi):
                    hi += 1
                if any(
                    self.is_org_word(k) or self.is_place_word(k) or self.tokens[k].key in self.data.compass_words
                    for k in (*range(lo, first), *range(end, hi))
                ):
                    continue  # part of a longer name ("Caspian Bulk Lines"): the rules take the whole run
            else:
                # A surname alone takes the first names before it ("Vladimir Vladimirovitch Poutine").
                alone = last == first
                while alone and first > 0 and self._joined(first - 1, first) and self._name_like(first - 1):
                    first -= 1
                honorifics = self.data.honorifics
                if first > 1 and tokens[first - 1].text == "." and tokens[first - 2].text in honorifics:
                    first -= 2
                elif first > 0 and tokens[first - 1].text in self.data.honorifics:
                    first -= 1
            taken[first] = end
            words = tuple(
                t.text for t in tokens[first:end] if t.word and t.text not in self.data.honorifics
            ) or (entity.name,)
            self.out.append(
                Candidate(tokens[first].start, match.end, entity.kind, words, "curated",
                          canonical=entity.name, first_tok=first, last_tok=end)
            )
        return taken

    def _name_part(self, k: int) -> bool:
        """Could continue a name: not a title, honorific, function word or nationality."""
        token = self.tokens[k]
        data = self.data
        return not (
            token.text in data.honorifics or self.role_at(k) is not None or data.is_junk_word(token.text)
            or data.demonym(token.text) or (token.sent and token.low in data.stopwords)
        )

    def _joined(self, a: int, b: int) -> bool:
        """Tokens a and b are neighbouring capitalised words of one run (a space apart, same line)."""
        ta, tb = self.tokens[a], self.tokens[b]
        return ta.cap and tb.cap and tb.start - ta.end == 1 and self.text[ta.end] == " " and not tb.sent

    def _name_like(self, k: int) -> bool:
        token = self.tokens[k]
        data = self.data
        known = self.known_at(k, k + 1)
        return not (
            data.is_junk_word(token.text) or token.text in data.honorifics or self.role_at(k) is not None
            or data.demonym(token.text) or token.upper
            or (known is not None and (known.code.startswith("cldr:") or known.kind == "organisation"))
        )

    def _run_end(self, i: int, taken: dict[int, int]) -> int:
        """End (exclusive) of the capitalised run starting at token i."""
        tokens, n, data = self.tokens, len(self.tokens), self.data
        j = i + 1
        headed = self.is_org_word(i) or self.is_place_word(i)
        while j < n and j not in taken:
            t = tokens[j]
            if t.word and t.cap and t.start - tokens[j - 1].end <= 1 and not self._line_break(j):
                headed = headed or self.is_org_word(j) or self.is_place_word(j)
                j += 1
                continue
            nxt = tokens[j + 1] if j + 1 < n else None
            # An initial or an abbreviated honorific: "Donald J. Trump", "Dr. Watson", "M. Tokaïev".
            if self.initials and entity_shapes.hyphenated_initial(tokens, j):
                j += 2  # "J.-P. Martin": two initials of a hyphenated first name
                continue
            if t.text == "." and nxt is not None and nxt.cap and tokens[j - 1].end == t.start:
                before = tokens[j - 1].text
                if (len(before) == 1 and tokens[j - 1].cap) or before in data.honorifics:
                    j += 1
                    continue
            chain = self._particle_chain(j)
            if chain and not headed and chain not in taken and not self._is_function(tokens[j - 1], first=False):
                j = chain
                continue
            if headed:
                after = self.particle_at(j)
                if after and after < n and tokens[after].cap and after not in taken and not (
                    data.is_junk_word(tokens[after].text) or tokens[after].low.rstrip(".") in data.months
                ):
                    j = after
                    continue
                if t.text == "&" and nxt is not None and nxt.cap:
                    j += 1
                    continue
            break
        # A known name may run past the capitals ("Arabie saoudite", "Corée du Sud").
        found = self.known_starting_at(i)
        if found and i + found[0] > j and not any(k in taken for k in range(j, i + found[0])):
            j = i + found[0]
        return j

    def _particle_chain(self, j: int) -> int | None:
        """Index of the capitalised word after one or two name particles ("de", "von der"), or None.
        Where nouns are capitalised, an article ("der", "die") cannot start the chain."""
        tokens, data = self.tokens, self.data
        k = j
        while k < len(tokens) and k < j + 2 and tokens[k].word and tokens[k].text in data.name_particles:
            if k == j and data.capitalised_nouns and tokens[k].low in data.determiners:
                return None
            k += 1
        if k == j or k >= len(tokens) or not tokens[k].cap:
            return None
        if tokens[k].text in data.honorifics or self.role_at(k) is not None:
            return None
        return k

    def _line_break(self, j: int) -> bool:
        """A line break between two capitalised words separates them (a heading, a dateline)."""
        return "\n" in self.text[self.tokens[j - 1].end : self.tokens[j].start]

    def _classify_run(self, i: int, j: int) -> None:
        data, tokens = self.data, self.tokens
        known = self.known_at(i, j)
        if known is not None:
            self._emit(i, j, known.kind, (known.name,), "known", known=known)
            return
        # Leading words that are not the name: function words, months, weekdays ("Au", "Malgré", "The").
        while i < j and (
            self._is_function(tokens[i], first=True) or (tokens[i].low in data.months and j - i > 1)
            or (data.russian and tokens[i].sent and j - i > 1 and entity_inflection.looks_like_verb(tokens[i].text))
        ):
            i += 1
            known = self.known_at(i, j)
            if known is not None:
                self._emit(i, j, known.kind, (known.name,), "known", known=known)
                return
        if i < j and self._place_compound(i):
            i += 1  # "Oslo-based Arctic Watch": the place, then the name
        while j > i and tokens[j - 1].word and tokens[j - 1].text in data.name_particles:
            j -= 1
        if i >= j:
            return
        if j - i > 1 and tokens[i].sent and tokens[i].low in self.lower_words and tokens[i].text not in self.mid_caps:
            self._classify_run(i + 1, j)  # "Статья Токаева …": a common word opening the sentence
            return
        if self._regional(i, j) or self._headed_place(i, j) or self._known_prefix(i, j):
            return
        if any(self.is_org_word(k) or self.is_place_word(k) for k in range(i, j)):
            self._org_or_place(i, j)
            return
        if data.russian and (self._russian_org(i, j) or self._russian_sentence_start(i, j)):
            return
        self._segments(i, j)

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
        if evidence != "honorific" and self._known_prefix(i, j):
            return
        if j - i >= 3 and self.place_cue_before(i):
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
        if evidence in ("honorific", "role"):
            if single and data.is_junk_word(first.text):
                return
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
            return  # a title-case heading rather than a name
        previous = tokens[i - 1] if i > 0 else None
        if previous is not None and previous.text[:1].isdigit():
            return  # "15 000 Tonnes", "2,5 Millionen Tonnen": a unit after a number
        after_function = previous is not None and previous.low in data.function_words
        if data.capitalised_nouns and (first.sent or after_function) and not self._name_shaped(i, j):
            return  # German nouns in a row after an article or preposition, or opening a sentence
        self._emit(i, j, "person", self._person_words(words), "shape", role=role, country=country)

    def _is_function(self, token: Token, first: bool) -> bool:
        data = self.data
        if token.text in data.honorifics:
            return False
        if token.low in data.function_words:
            return True
        if token.sent and first and token.low in data.stopwords:
            return True
        return token.low in data.weekdays

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
        if token.sent and (token.low in data.stopwords or token.text not in self.mid_caps):
            return  # a capital at a sentence start proves nothing
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
        )
        if locative:
            name = token.text
            if data.russian and entity_inflection.is_cyrillic_word(name) and name[-1:] in "еиуы":
                options = entity_inflection.nominative_candidates(name)  # "на Каспии" -> "Каспий"
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

    def _surface_words(self, i: int, j: int) -> tuple[str, ...]:
        if not self.initials:
            return tuple(t.text for t in self.tokens[i:j] if t.word or t.text == "&")
        return entity_shapes.surface_words(self.tokens, i, j)

    def _emit_name(self, i: int, j: int, kind: EntityKind, evidence: str) -> None:
        """An organisation or place named by its text as written (spacing normalised)."""
        tokens = self.tokens
        text = " ".join(self.text[tokens[i].start : tokens[j - 1].end].split())
        self._emit(i, j, kind, (text,), evidence)

    def _person_words(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """Drop patronymics when a first and last name remain ("Vladimir Vladimirovitch Poutine")."""
        if len(words) == 2 and self.data.russian and entity_russian_patronymic(words[1]):
            return words[:1]  # "Касым-Жомартом Кемелевичем": first name and patronymic, a polite address
        if len(words) >= 3:
            endings = self.data.patronymic_endings
            kept = tuple(
                w for k, w in enumerate(words) if k in (0, len(words) - 1) or not w.lower().endswith(endings)
            )
            if len(kept) >= 2:
                words = kept
        return words

    def _emit(
        self,
        i: int,
        j: int,
        kind: EntityKind | None,
        words: tuple[str, ...],
        evidence: str,
        *,
        known: Known | None = None,
        role: str | None = None,
        country: str | None = None,
        span_start: int | None = None,
    ) -> None:
        tokens = self.tokens
        start = tokens[i].start if span_start is None else span_start
        candidate = Candidate(start, tokens[j - 1].end, kind, words, evidence, known=known,
                              canonical=known.name if known else None, role=role, country=country,
                              first_tok=i, last_tok=j)
        self.out.append(candidate)
        if kind in ("place", "organisation"):
            self.bodies[j - 1] = candidate
