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

from generator.annotate import entity_cues, entity_german, entity_inflection, entity_segments, entity_shapes
from generator.annotate.curated import CuratedMatch
from generator.annotate.entity_bodies import QUOTE_OPEN, Bodies
from generator.annotate.entity_cues import Cues
from generator.annotate.entity_lowercase import Lowercase
from generator.annotate.entity_resources import LanguageData
from generator.annotate.entity_segments import Segments
from generator.annotate.entity_tokens import Token, tokenize
from generator.annotate.gazetteer import Gazetteer, Known
from generator.model import EntityKind

# Legal forms some companies write in lower case after their name.
_LOWERCASE_LEGAL_FORMS = frozenset({"plc", "ltd", "inc", "llc", "gmbh", "sarl", "sas", "spa", "bv", "nv", "oy"})
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



def _german_adjective(word: str) -> bool:
    return word[:1].isupper() and word.endswith(("e", "en", "em"))


def _patronymic_at(words: list[str], k: int) -> bool:
    return k < len(words) and entity_segments.entity_russian_patronymic(words[k])


@lru_cache(maxsize=64)
def _abbreviations(data: LanguageData) -> frozenset[str]:
    return data.honorifics | _EXTRA_ABBREVIATIONS


def analyse(text: str, data: LanguageData, gaz: Gazetteer, curated: list[CuratedMatch]) -> Analysis:
    recogniser = Recogniser(text, data, gaz)
    return Analysis(recogniser.tokens, recogniser.run(curated), recogniser)


class Recogniser(Segments, Bodies, Lowercase, Cues):
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
        body_firsts = {phrase[0] for phrase in self.data.body_phrases}
        capitalised_nouns = self.data.capitalised_nouns
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
                if token.text in longest or token.key in org_words or token.key in body_firsts:
                    i = self._lowercase_start(i, taken)
                elif capitalised_nouns and i + 1 < n and tokens[i + 1].cap and self._national_body(i, taken):
                    i += 2
                else:
                    i += 1
                continue
            end = self._run_end(i, taken)
            if end == i + 1 and token.sent and (token.low in stopwords or token.low in function_words):
                i = end  # "Le", "Il", "Malgré" opening a sentence: the common case, settled at once
                continue
            self._classify_run(i, end)
            i = max(end, i + 1)
        self._attach_nouns()
        self._legal_prefixes()
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
            cyrillic = entity_inflection.is_cyrillic_char
            if t.word and tokens[j - 1].word and cyrillic(t.text[0]) != cyrillic(tokens[j - 1].text[0]):
                break  # "Calyxis Santé Эрве Марчетти": a change of script ends a name
            if t.word and t.cap and t.start - tokens[j - 1].end <= 1 and not self._line_break(j):
                headed = headed or self.is_org_word(j) or self.is_place_word(j)
                j += 1
                continue
            nxt = tokens[j + 1] if j + 1 < n else None
            if t.text in "’'" and t.start == tokens[j - 1].end and tokens[j - 1].low.endswith("s") and (
                nxt is not None and nxt.cap and nxt.start == t.end + 1 and j + 1 not in taken
            ):
                j += 1  # "Grain Exporters’ Association": a plural's possessive inside a name
                continue
            if t.word and t.low in _LOWERCASE_LEGAL_FORMS and t.start - tokens[j - 1].end == 1:
                j += 1  # "Kyzyltas Copper plc": a legal form in lower case ends the name
                break
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
                # "Bank of England", and a name's own connectors in any language ("Sindicato dos Ferroviários").
                after = self.particle_at(j) or (self._particle_chain(j) if t.text in data.name_particles else None)
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
        if tokens[k].text in data.honorifics or self.role_at(k) is not None or self.is_org_word(k) or (
            tokens[k].upper and len(tokens[k].text) > 1
        ):
            return None  # "Beat Zürcher von der Gewerkschaft …", "von der IG Metall": a preposition before a body
        return k

    def _line_break(self, j: int) -> bool:
        """A line break between two capitalised words separates them (a heading, a dateline)."""
        return "\n" in self.text[self.tokens[j - 1].end : self.tokens[j].start]

    def _classify_run(self, i: int, j: int) -> None:
        data, tokens = self.data, self.tokens
        if data.russian and self._adjective_before_noun(j) and not any(self.is_org_word(k) for k in range(i, j)):
            # "в Красноярском крае", "Власти Новосибирской области": the adjective and the lower-case noun
            # after it are the name; a word before it in the run is something else.
            if j - i > 1:
                self._classify_run(i, j - 1)
            if self._russian_org(j - 1, j):
                return
        if data.genitive_s and j - i >= 2 and self._genitive_country(i, j):
            return
        split = self._person_inside(i, j) if data.russian and j - i >= 2 else None
        if split is not None:
            self._before_person(i, split)  # "ГУ МЧС Олег Петров", "Соседа Тимур Очиров": a name starts there
            self._classify_run(split, j)
            return
        known = self.known_at(i, j)
        if known is not None:
            self._emit(i, j, known.kind, (known.name,), "known", known=known)
            return
        # Leading words that are not the name: function words, months, weekdays ("Au", "Malgré", "The").
        while i < j and not self._initial(i) and (
            self._is_function(tokens[i], first=True) or (tokens[i].low in data.months and j - i > 1)
            or (data.russian and tokens[i].sent and j - i > 1 and entity_inflection.looks_like_verb(tokens[i].text)
                and not self.first_name_at(i))
        ):
            i += 1
            known = self.known_at(i, j)
            if known is not None:
                self._emit(i, j, known.kind, (known.name,), "known", known=known)
                return
        if data.capitalised_nouns and j - i == 2 and tokens[j - 1].low in data.months:
            return  # "Ende Juni", "Mitte Oktober": a time, not a name
        if i < j and self._place_compound(i):
            i += 1  # "Oslo-based Arctic Watch": the place, then the name
        while j > i and tokens[j - 1].word and tokens[j - 1].text in data.name_particles:
            j -= 1
        if i >= j:
            return
        if data.russian and j - i >= 4 and _patronymic_at(self.words, i + 2) and not _patronymic_at(self.words, i + 1):
            # "Слова Виктора Павловича Гуляева": a name has its patronymic second, so the word before is not in it.
            if not tokens[i].sent:
                self._classify_run(i, i + 1)
            self._classify_run(i + 1, j)
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

    def first_name_at(self, k: int) -> bool:
        """A listed first name, in any case form ("Олег", "Галины")."""
        names = self.data.first_names
        word = self.tokens[k].text.partition("-")[0]  # "Marc-Antoine", "Марка-Антуана"
        return word in names or (
            self.data.russian and any(c in names for c in entity_inflection.nominative_candidates(word))
        )

    def _person_inside(self, i: int, j: int) -> int | None:
        """Where a person's name starts inside a run after other words: a first name, or initials ("МЧС
        России И. С. Петров"), followed by more of the name. None when the run opens with the name, and for
        the formal surname-first order ("Петров Сергей Иванович", "Гуляев И. П.")."""
        tokens = self.tokens
        for p in range(i + 1, j - 1):
            if not tokens[p].word or tokens[p - 1].text == "." or self.first_name_at(p - 1):
                continue
            if _patronymic_at(self.words, p - 1):
                continue
            if p == i + 1 and (_patronymic_at(self.words, p + 1) or self._initial(p)) and not tokens[i].upper:
                continue  # "Петров Сергей Иванович", "Гуляев И. П.": the surname first
            if self._initial(p) or self.first_name_at(p):
                return p
        return None

    def _attach_nouns(self) -> None:
        """A noun beside a name makes one name with it: "musée Émile-Guimet", "kraï de Krasnoïarsk",
        "Karaganda region", "Region Krasnojarsk". A division named after its town is another place than the
        town (a region known by its own name stays itself: "Alsace region"); a museum named after someone is
        no person (so a person's name takes the noun only when nothing comes between)."""
        data, tokens, text = self.data, self.tokens, self.text
        if not (data.attached_before or data.attached_after):
            return
        for cand in self.out:
            if cand.evidence == "curated" or (cand.kind == "person" and cand.evidence in ("honorific", "role")):
                continue
            town = cand.known is not None and cand.known.code.startswith("geo:")
            kind: str | None = None
            k = cand.first_tok - 1
            skipped, linked = -1, False
            if k >= 1 and cand.kind != "person" and not tokens[k].cap and any(
                tokens[k].key == p[-1] for p in data.of_words
            ):
                k, linked = k - 1, True  # "kraï de Krasnoïarsk", "Stausee von Bratsk"
                if k >= 1 and not tokens[k].cap and data.demonym(tokens[k].text):
                    skipped, k = k, k - 1  # "la région russe d’Orenbourg" is the "région d’Orenbourg"
            if k >= 0 and tokens[k].word and (data.capitalised_nouns or not tokens[k].cap):
                kind = data.attached_before.get(tokens[k].key)
                if kind == "facility" and linked:
                    kind = None  # "l’usine de Flins": the town the works stand in, not their name
            if kind is None and cand.last_tok - cand.first_tok > 1 and data.capitalised_nouns:
                k = cand.first_tok  # "Region Krasnojarsk" read as one run, named after its town
                kind = data.attached_before.get(tokens[k].key)
            if kind is not None and (kind != "division" or town):
                cand.start, cand.first_tok = tokens[k].start, k
            else:
                end = cand.last_tok
                kind = None
                if end < len(tokens) and tokens[end].word and not tokens[end].cap:
                    kind = data.attached_after.get(tokens[end].key)
                if kind is None or (kind == "division" and not town):
                    continue  # "Alsace region": a region known by its own name stays itself
                cand.end, cand.last_tok = tokens[end].end, end + 1
            cand.kind = "organisation" if kind in ("organisation", "facility") else "place"
            cand.evidence, cand.known, cand.canonical = "attached", None, None
            if skipped >= 0 and cand.first_tok < skipped:
                name = text[cand.start : tokens[skipped].start] + text[tokens[skipped].end : cand.end].lstrip()
            else:
                name = text[cand.start : cand.end]
            cand.words = (" ".join(name.split()),)

    def _legal_prefixes(self) -> None:
        """A legal form before a company's name is no part of the name ("JSC Sibneft" is Sibneft, as "АО
        «Сибнефть»" is), and before a name in quotes it is no entity of its own."""
        prefixes, tokens = self.data.legal_prefixes, self.tokens
        kept: list[Candidate] = []
        for cand in self.out:
            last = tokens[cand.last_tok - 1] if cand.last_tok > 0 else None
            nxt = tokens[cand.last_tok] if cand.last_tok < len(tokens) else None
            if last is not None and last.text in prefixes and nxt is not None and nxt.text in QUOTE_OPEN:
                continue  # "Компания АО «Сибнефть»": the company is the name in quotes
            if cand.kind == "organisation" and cand.canonical is None and len(cand.words) == 1:
                first, _, rest = cand.words[0].partition(" ")
                if first in prefixes and rest:
                    cand.words = (rest,)
            kept.append(cand)
        self.out = kept

    def _genitive_country(self, i: int, j: int) -> bool:
        """"Frankreichs Regierung", "die Regierung Portugals": a country in the genitive beside a common noun
        is the country; the noun is not part of a name. A body's name may end with its country ("Oberster
        Gerichtshof Portugals"), but one before it is apart ("Polens Landwirtschaftsministerium")."""
        body = any(self.is_org_word(k) for k in range(i, j))
        for k, rest in ((i, (i + 1, j)), (j - 1, (i, j - 1))):
            if body and k != i:
                continue  # "Oberster Gerichtshof Portugals": the country is part of the body's name
            token = self.tokens[k]
            known = self.known_at(k, k + 1)
            if known is None or known.kind != "place" or not known.code.startswith("cldr:") or known.name == token.text:
                continue
            self._emit(k, k + 1, "place", (known.name,), "known", known=known)
            self._classify_run(*rest)
            return True
        return False

    def _before_person(self, i: int, j: int) -> None:
        """The words of a run before a person's name. A title before the run is that person's, so these are
        a body's acronym ("начальник ГУ МЧС Олег Петров"), a place named by a cue ("жительница посёлка
        Берёзовый Лог Галина Петрова"), or whatever they would be alone."""
        tokens = self.tokens
        while i < j and (role_end := self.role_at(i)):
            i = min(role_end, j)  # "Глава ФНС России А. В. Орлов": the title opening the sentence
        if i >= j:
            return
        if any(t.upper and len(t.text) > 1 for t in tokens[i:j]):
            self._emit(i, j, "organisation", self._surface_words(i, j), "acronym")
        elif self.place_cue_before(i):
            self._emit(i, j, "place", self._surface_words(i, j), "cue")
        elif j - i == 2 and self._adjective_noun_name(i):
            words = entity_inflection.phrase_nominative(
                self._surface_words(i, j), self.data.name_nouns, self.data.stressed_adjective_stems
            )
            self._emit(i, j, "place", words, "shape")  # "Жительница Берёзового Лога Галина Петрова"
        else:
            self._classify_run(i, j)

    def _adjective_before_noun(self, j: int) -> bool:
        tokens = self.tokens
        if j >= len(tokens) or not tokens[j].word or tokens[j].cap:
            return False
        return entity_inflection.is_adjective(tokens[j - 1].text) and (
            self.is_org_word(j) or tokens[j].key in self.data.place_nouns or self.is_place_word(j)
        )

    def _initial(self, k: int) -> bool:
        """"И. П. Гуляев": one capital letter with its dot, before another capital (not the word "И")."""
        tokens = self.tokens
        return (
            len(tokens[k].text) == 1 and tokens[k].cap and k + 2 < len(tokens) and tokens[k + 1].text == "."
            and tokens[k + 1].start == tokens[k].end and tokens[k + 2].cap
        )

    def _is_function(self, token: Token, first: bool) -> bool:
        data = self.data
        if token.text in data.honorifics:
            return False
        if token.low in data.function_words:
            return True
        if token.sent and first and token.low in data.stopwords:
            return True
        return token.low in data.weekdays

    def _surface_words(self, i: int, j: int) -> tuple[str, ...]:
        if not self.initials:
            return tuple(t.text for t in self.tokens[i:j] if t.word or t.text == "&")
        return entity_shapes.surface_words(self.tokens, i, j)

    def _emit_name(self, i: int, j: int, kind: EntityKind, evidence: str) -> None:
        """An organisation or place named by its text as written (spacing normalised)."""
        tokens = self.tokens
        text = " ".join(self.text[tokens[i].start : tokens[j - 1].end].split())
        if self.data.genitive_s and self.data.capitalised_nouns:
            text = " ".join(entity_german.name_nominative(text.split(" "), self._german_body, _german_adjective))
        self._emit(i, j, kind, (text,), evidence)

    def _german_body(self, word: str) -> bool:
        key = word.lower().rpartition("-")[2]
        data = self.data
        words = data.org_words | data.place_words
        return any(form in words for form in (key, key[:-1], key[:-2])) or entity_cues.compound_org(data, key)

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
        end = tokens[j - 1].end
        if kind == "person" and len(tokens[j - 1].text) == 1 and j < len(tokens) and tokens[j].text == "." and (
            tokens[j].start == end
        ):
            end += 1  # "Гуляев И. П.": the last initial keeps its dot
        candidate = Candidate(start, end, kind, words, evidence, known=known,
                              canonical=known.name if known else None, role=role, country=country,
                              first_tok=i, last_tok=j)
        self.out.append(candidate)
        if kind in ("place", "organisation"):
            self.bodies[j - 1] = candidate
