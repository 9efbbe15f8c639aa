"""Who speaks a quotation: speech verbs before or after it, and their subject.

The rules follow how news prose attributes speech, in any language the data describes:
- after the quotation, verb first ("« … », a déclaré M. X", "“…,” said X", "„…“, sagte X", "«…», — заявил X"),
  possibly with adjuncts before the subject ("— заявила журналистам г-жа X"), or subject first ("“…,” X said");
- before it, a verb with its subject ("X a déclaré : « … »", "Il a rappelé … « … »", "Selon X, « … »");
- an inverted subject may be an apposition ("affirme le président du Kazakhstan, Kassym-Jomart Tokaïev") or a
  document of an institution ("indique un communiqué sur le site du Kremlin");
- pronouns and descriptions refer back (quote_context.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.annotate.quote_context import ArticleContext, DescriptionResolver
from generator.annotate.quote_lexicon import norm
from generator.annotate.quote_marks import Quoted
from generator.model import EntityMention, Span

__all__ = ["Cue", "DescriptionResolver", "SpeakerContext"]

_CLAUSE_END = frozenset(".;!?:…")
_LEAD_PUNCT = frozenset(",—–-:")
_MARKS = frozenset('«»“”„"‹›')
_MAX_SUBJECT_TOKENS = 16
_MAX_BACK_TOKENS = 30
_MAX_BEFORE_QUOTE = 40  # tokens searched for a verb before a quotation
_MAX_DESCRIPTION_GAP = 8  # a description further back than this from its verb is another clause's
_VERB_AFTER_SUBJECT = 10
_MAX_DESCRIPTION_WORDS = 3  # words of a description between an inverted verb and the name after it


@dataclass(frozen=True, slots=True)
class Cue:
    speaker: str | None
    start: int  # character range of the words that identified the speaker
    end: int
    kind: str  # person, organisation, place, source, pronoun, description
    weak: bool = False  # found through a verb the lexicon lacks: a cue before the quotation wins


Found = tuple[EntityMention, int]  # a mention and the character offset where its cue ends


class SpeakerContext(ArticleContext):
    """The attribution rules over one article's tokens and mentions."""

    def cue_after(self, quote: Quoted, limit: int, previous: str | None) -> Cue | None:
        """A cue right after the closing mark, up to character `limit` (end of clause or next quotation)."""
        toks, lex = self.tokens, self.lex
        lim = self.token_index(limit)
        i = self.token_index(quote.close)
        lead = 0
        while i < lim and toks[i].norm in _LEAD_PUNCT and lead < 3:
            i += 1
            lead += 1
        if i >= lim:
            return None
        start = i
        joined = lead > 0 or self.text[quote.end - 1 : quote.end] in (",", "—", "–")  # “…,” in English
        pronominal = lex.according_pronominal.match(toks, i)
        if pronominal:
            return self._pronoun_cue(toks[i].start, toks[i + pronominal - 1].end, quote.open, previous)
        inverted = None
        skipped = 0
        while i < lim and skipped < 4:
            length = lex.auxiliaries.match(toks, i) or lex.adverbs.match(toks, i)
            if toks[i].inverted:
                inverted, length = toks[i], 1
            if not length:
                break
            i += length
            skipped += 1
        verb = lex.according.match(toks, i) or lex.after_only.match(toks, i) or lex.verbs.match(toks, i)
        if verb:
            after = i + verb
            if after < lim and toks[after].inverted:
                inverted = toks[after]
                after += 1
            if inverted is not None:
                end = max(inverted.end, toks[after - 1].end)  # "a-t-il ajouté", "déclare-t-elle"
                return self._pronoun_cue(toks[start].start, end, quote.open, previous)
            return self.subject_after(after, lim, quote.open, previous, cue_start=toks[start].start)
        # Subject first: "“…,” X said", "“…,” the Kremlin said in a statement"; or between an auxiliary and
        # its participle: "»…«, hatte der Minister am Mittwoch erklärt".
        subject = self.subject_here(i if skipped else start, lim, quote.open, previous)
        if subject is not None:
            cue, after = subject
            for k in range(after, min(lim, after + _VERB_AFTER_SUBJECT)):
                if self.clause_end(k):
                    break
                named = self.mention_at.get(k)
                if named is not None and named[0].kind == "person" and k > after and all(
                    self._is_word(m) and self.text[toks[m].start].islower() for m in range(after, k)
                ):
                    # "Jvari Ski Resorts chief executive Irakli Chkhaidze said": a title, then the speaker
                    cue = Cue(named[0].name, cue.start, toks[named[1] - 1].end, "person")
                length = lex.verbs.match(toks, k)
                if length:
                    return Cue(cue.speaker, toks[start].start if skipped else cue.start, toks[k + length - 1].end,
                               cue.kind)
            if not skipped:
                return None
        return self._unknown_verb(i, lim, joined, start, quote.open, previous)

    def _unknown_verb(
        self, i: int, lim: int, joined: bool, start: int, position: int, previous: str | None
    ) -> Cue | None:
        """A reporting clause whose verb the lexicon lacks: after the comma or dash that closes a quotation,
        news prose inverts verb and subject in every language here ("„…“, kündigte X an", "« … », tonne X",
        "«…», — отрезал X"), so a word that can be a verb followed by a named subject is a cue."""
        toks, lex = self.tokens, self.lex
        if not joined or not self._verb_like(i, lim):
            return None
        k = i + 1
        if k < lim and toks[k].inverted:
            pronoun = self._pronoun_cue(toks[start].start, toks[k].end, position, previous)
            return Cue(pronoun.speaker, pronoun.start, pronoun.end, pronoun.kind, weak=True)
        if toks[i].norm in lex.elisions or toks[i].norm.endswith("'"):
            if not self._verb_like(k, lim):
                return None  # French reflexive "s'emporte X"
            k += 1
        if k < lim and toks[k].norm in lex.pronouns:
            pronoun = self._pronoun_cue(toks[start].start, toks[k].end, position, previous)
            return Cue(pronoun.speaker, pronoun.start, pronoun.end, pronoun.kind, weak=True)
        cue = self.subject_after(k, min(lim, k + _VERB_AFTER_SUBJECT), position, previous, cue_start=toks[start].start)
        if cue is None or cue.kind not in ("person", "organisation", "description"):
            return None
        return Cue(cue.speaker, cue.start, cue.end, cue.kind, weak=True)

    def _verb_like(self, i: int, lim: int) -> bool:
        """A lower-case word that no word list gives another role."""
        if i >= lim or i in self.mention_at:
            return False
        tok, lex = self.tokens[i], self.lex
        word = self.text[tok.start : tok.end]
        if not word[:1].isalpha() or not word[:1].islower():
            return False
        n = tok.norm
        return not (
            n in lex.determiners
            or n in lex.pronouns
            or n in lex.objects
            or n in lex.prepositions
            or lex.clause_stops.match(self.tokens, i)
            or lex.subject_stops.match(self.tokens, i)
            or lex.descriptor_nouns.match(self.tokens, i)
            or lex.source_nouns.match(self.tokens, i)
        )

    def cue_before(self, quote: Quoted, lower: int, previous: str | None) -> Cue | None:
        """The nearest speech verb between `lower` (clause start) and the opening mark that has a subject."""
        toks, lex = self.tokens, self.lex
        lo = self.token_index(lower)
        hi = self.token_index(quote.open)
        for v in range(hi - 1, max(lo, hi - _MAX_BEFORE_QUOTE) - 1, -1):
            pronominal = lex.according_pronominal.match(toks, v)
            if pronominal:
                return self._pronoun_cue(toks[v].start, toks[v + pronominal - 1].end, quote.open, previous)
            name_only = lex.according_name_only.match(toks, v)
            if name_only and (v == lo or toks[v - 1].norm in _CLAUSE_END | {","}):
                named = self._name_at(v + name_only, hi)
                if named is not None:
                    return Cue(named[0].name, toks[v].start, toks[named[1] - 1].end, named[0].kind)
            according = lex.according.match(toks, v)
            if according:
                cue = self.subject_after(v + according, hi, quote.open, previous, cue_start=toks[v].start)
                if cue is not None:
                    return cue
                continue
            length = lex.verbs.match(toks, v)
            if not length or v + length > hi:
                continue
            after = v + length
            if after < hi and toks[after].inverted:
                return self._pronoun_cue(toks[v].start, toks[after].end, quote.open, previous)
            before = self.subject_before(v, lo, quote.open, previous, verb_end=toks[after - 1].end)
            if before is not None and before.kind in ("person", "pronoun"):
                return before
            # Inverted subject right after the verb ("заявил Лавров: «…»", "said Smith: “…”").
            k, described = after, 0
            while k < hi and k not in self.mention_at and (
                lex.adverbs.match(toks, k) or toks[k].norm in lex.determiners
                or (described < _MAX_DESCRIPTION_WORDS and self._is_word(k) and not lex.verbs.match(toks, k)
                    and toks[k].norm not in lex.pronouns)
            ):
                described += not (lex.adverbs.match(toks, k) or toks[k].norm in lex.determiners)
                k += 1  # "sagt die Leipziger Ethnologin X, „…“": a description before the name
            if k < hi and k in self.mention_at and self.mention_at[k][0].kind in ("person", "organisation"):
                cue = self.subject_after(after, hi, quote.open, previous, cue_start=toks[v].start)
                if cue is not None:
                    return cue
            if before is not None:
                return before
        return None

    def _name_at(self, i: int, limit: int) -> tuple[EntityMention, int] | None:
        """A person or organisation named at token i, after an honorific ("Pour M. de La Rochette")."""
        for k in range(i, min(limit, i + 6)):
            hit = self.mention_at.get(k)
            if hit is not None:
                return hit if hit[0].kind in ("person", "organisation") else None
            if self.tokens[k].norm == "," or self.clause_end(k):
                return None
        return None

    # ---- subjects --------------------------------------------------------------------------------------

    def subject_after(self, k: int, lim: int, position: int, previous: str | None, *, cue_start: int) -> Cue | None:
        """The subject that follows a verb: a name, possibly after adjuncts or a description in apposition."""
        toks, lex = self.tokens, self.lex
        if k < lim and toks[k].norm in lex.pronouns:
            return self._pronoun_cue(cue_start, toks[k].end, position, previous)
        document = False
        organisation: Found | None = None
        place: Found | None = None
        description: tuple[int, int, bool] | None = None  # token range of a description, definite?
        source: tuple[int, int, int] | None = None  # first token, noun end, name end
        i = k
        while i < lim and i - k < _MAX_SUBJECT_TOKENS:
            tok = toks[i]
            if self.clause_end(i) or tok.norm in _MARKS:
                break
            if not document and lex.clause_stops.match(toks, i):
                break
            hit = self.mention_at.get(i)
            if hit is not None:
                mention, after = hit
                end = toks[after - 1].end
                object_like = i > k and toks[i - 1].norm in lex.objects
                if mention.kind == "person" and (document or not object_like):
                    return Cue(mention.name, cue_start, end, "person")
                if mention.kind == "organisation" and organisation is None:
                    organisation = (mention, end)
                if mention.kind == "place" and place is None and i - k <= 1:
                    place = (mention, end)
                i = after
                continue
            stop = lex.subject_stops.match(toks, i)
            if stop:
                i += stop
                continue
            if i + 1 not in self.mention_at:  # "erklärte die Ministerin X": X names her
                end = self.description_end(i + 1, lim)
                titled = self.title_anaphor(i, end)
                if titled:
                    return Cue(titled, cue_start, toks[end - 1].end, "description")
                named = self.org_anaphor(i, position) if organisation is None else None
                if named:
                    organisation = (EntityMention("organisation", named, named, Span(tok.start, tok.end)), tok.end)
            if i - k <= 2 and lex.document_nouns.match(toks, i):
                document = True
            d_len = lex.descriptor_nouns.match(toks, i)
            if d_len and description is None:
                definite = not (i > k and toks[i - 1].norm in lex.indefinite)
                description = (self.np_start(i, k), self.description_end(i + d_len, lim), definite)
            s_len = lex.source_nouns.match(toks, i)
            if s_len and source is None:
                source = (self.np_start(i, k), i + s_len, self.source_end(i + s_len, lim))
            i += max(1, d_len, s_len)
        return self._best(organisation, place, description, source, position, previous, cue_start)

    def subject_before(self, v: int, lo: int, position: int, previous: str | None, *, verb_end: int) -> Cue | None:
        """The subject that precedes a verb: a pronoun next to it, else the nearest name before it."""
        toks, lex = self.tokens, self.lex
        j = v - 1
        while j >= lo and (lex.auxiliaries.match(toks, j) or lex.adverbs.match(toks, j)):
            j -= 1
        if j >= lo and toks[j].norm in lex.pronouns:
            return self._pronoun_cue(toks[j].start, verb_end, position, previous)
        floor = max(lo, v - _MAX_BACK_TOKENS)
        person = self._apposition_head(j, floor) if j >= lo and toks[j].norm == "," else None
        if person is None:
            person = next((i for i in range(v - 1, floor - 1, -1) if self._subject_person(i, v, lo)), None)
        if person is not None:
            return Cue(self.mention_at[person][0].name, toks[person].start, verb_end, "person")
        # Else the nearest candidate: an institution, a description or a source noun. An organisation after
        # a description is its complement ("le porte-parole du Kremlin a déclaré"): the description's person
        # when the entity resolver knows them, else the organisation speaks.
        fallback: Cue | None = None
        for i in range(v - 1, floor - 1, -1):
            hit = self.mention_at.get(i)
            if hit is not None and hit[1] <= v:
                mention = hit[0]
                if mention.kind != "organisation" or self._governed(i, lo, lex.objects):
                    continue
                head = self._description_before(i, floor)
                if head is not None:
                    name = self.resolved_description(*head)
                    if name:
                        return Cue(name, toks[head[0]].start, verb_end, "description")
                    return Cue(mention.name, toks[head[0]].start, verb_end, "organisation")
                if self._governed(i, lo, lex.name_particles):
                    fallback = fallback or Cue(mention.name, toks[i].start, verb_end, "organisation")
                    continue
                return Cue(mention.name, toks[i].start, verb_end, "organisation")
            if v - i > _MAX_DESCRIPTION_GAP or self._governed(i, lo, lex.objects):
                continue
            titled = self.title_anaphor(i, self.description_end(i + 1, v))  # "Die Kommissarin sprach von …"
            if titled:
                return Cue(titled, toks[self.np_start(i, floor)].start, verb_end, "description")
            named = self.org_anaphor(i, position)  # "The centre said …"
            if named:
                return Cue(named, toks[self.np_start(i, floor)].start, verb_end, "organisation")
            length = lex.descriptor_nouns.match(toks, i)
            if length:
                start = self.np_start(i, floor)
                end = self.description_end(i + length, v)
                name = self.describe(start, end, toks[start].norm not in lex.indefinite, position, previous)
                return Cue(name, toks[start].start, verb_end, "description") if name else fallback
            length = lex.source_nouns.match(toks, i)
            if length:
                start = self.np_start(i, floor)
                end = self.source_end(i + length, v)
                return Cue(self.source_name(start, i + length, end, position), toks[start].start, verb_end, "source")
        return fallback

    def clause_end(self, i: int) -> bool:
        """A full stop, semicolon, colon …, but not the full stop of "M." or "Dr."."""
        toks = self.tokens
        if toks[i].norm not in _CLAUSE_END:
            return False
        if toks[i].norm != "." or i == 0:
            return True
        before = toks[i - 1]
        initial = before.end - before.start == 1 and self.text[before.start].isupper()  # "J.-P. Martin"
        return not (initial or before.norm in self.lex.abbreviations)

    def _governed(self, i: int, lo: int, prepositions: frozenset[str]) -> bool:
        """The noun phrase at token i follows one of `prepositions` ("avec X", "of the Y", "из Z")."""
        toks = self.tokens
        j = i - 1
        while j >= lo and toks[j].norm in self.lex.determiners:
            j -= 1
        return j >= lo and toks[j].norm in prepositions

    def _subject_person(self, i: int, v: int, lo: int) -> bool:
        """A person named at token i who can be the subject of the verb at v: not the object of a
        preposition ("avec X", "with X") nor a possessor ("Putin's spokesman")."""
        hit = self.mention_at.get(i)
        if hit is None or hit[1] > v or hit[0].kind != "person":
            return False
        if self._governed(i, lo, self.lex.objects | self.lex.prepositions):
            return False
        end = hit[0].span.end
        return self.text[end : end + 2] not in ("’s", "'s") and not _inflected(hit[0])

    def _apposition_head(self, comma: int, floor: int) -> int | None:
        """ "X, chairman of Y, said" / "X, qui …, a écrit": the person before a chain of commas, if any."""
        toks = self.tokens
        close = comma
        for _ in range(3):
            opening = next((c for c in range(close - 1, max(floor, close - 20) - 1, -1) if toks[c].norm == ","), None)
            if opening is None:
                return None
            for i in range(opening - 1, max(floor, opening - 6) - 1, -1):
                hit = self.mention_at.get(i)
                if hit is not None and hit[1] == opening:
                    if hit[0].kind == "person" and not self._governed(i, floor, self.lex.objects):
                        return i
                    break
            close = opening
        return None

    def _description_before(self, i: int, floor: int) -> tuple[int, int] | None:
        """A description whose complement is the name at token i ("le porte-parole du Kremlin")."""
        toks, lex = self.tokens, self.lex
        for j in range(i - 1, max(floor, i - 4) - 1, -1):
            length = lex.descriptor_nouns.match(toks, j)
            if length and j + length <= i:
                between = toks[j + length : i]
                if all(t.norm in lex.name_particles or t.norm in lex.determiners for t in between):
                    return self.np_start(j, floor), j + length
        return None

    def subject_here(self, i: int, lim: int, position: int, previous: str | None) -> tuple[Cue, int] | None:
        """A subject starting at token i (a pronoun, a name, a description): (cue, index after it)."""
        toks, lex = self.tokens, self.lex
        if toks[i].norm in lex.pronouns:
            return self._pronoun_cue(toks[i].start, toks[i].end, position, previous), i + 1
        k = i + 1 if toks[i].norm in lex.determiners else i
        j = k
        while j < lim and j not in self.mention_at and lex.descriptor_nouns.match(toks, j):
            j += lex.descriptor_nouns.match(toks, j)  # a title before a name: "Deputy Prime Minister X"
        if j > k and j not in self.mention_at:
            # "chief executive Irakli Chkhaidze said": more words of the title, then the name
            ahead = next((m for m in range(j, min(lim, j + 3)) if m in self.mention_at), None)
            if ahead is not None and self.mention_at[ahead][0].kind == "person" and all(
                self._is_word(m) and self.text[toks[m].start].islower() for m in range(j, ahead)
            ):
                j = ahead
        if j >= lim:
            return None
        hit = self.mention_at.get(j)
        if hit is not None and hit[0].kind in ("person", "organisation", "place"):
            mention, after = hit
            end = toks[after - 1].end
            # "X, the head of Y, said": step over an apposition between commas.
            if after < lim and toks[after].norm == ",":
                close = next((m for m in range(after + 1, min(lim, after + 10)) if toks[m].norm == ","), None)
                if close is not None:
                    after = close + 1
            return Cue(mention.name, toks[i].start, end, mention.kind), after
        if j > k:
            end = self.description_end(j, lim)
            name = self.describe(k, end, toks[i].norm not in lex.indefinite, position, previous)
            return (Cue(name, toks[i].start, toks[end - 1].end, "description"), end) if name else None
        titled = self.title_anaphor(k, self.description_end(k + 1, lim)) if k + 1 not in self.mention_at else None
        if titled:
            return Cue(titled, toks[i].start, toks[k].end, "description"), k + 1
        named = self.org_anaphor(k, position)
        if named:
            return Cue(named, toks[i].start, toks[k].end, "organisation"), k + 1
        length = lex.document_nouns.match(toks, k)
        if length and k > i and toks[i].norm not in lex.indefinite:
            # "the letter said": the author, unless an organisation is named with it ("a Kremlin statement").
            for m in range(i, min(lim, k + length + 4)):
                owner = self.mention_at.get(m)
                if owner is not None and owner[0].kind == "organisation":
                    return Cue(owner[0].name, toks[i].start, toks[owner[1] - 1].end, "organisation"), owner[1]
            name = self.refer_back(position, previous)
            return (Cue(name, toks[i].start, toks[k + length - 1].end, "document"), k + length) if name else None
        length = lex.source_nouns.match(toks, k)
        if length:
            end = self.source_end(k + length, lim)
            name = self.source_name(i, k + length, end, position)
            return Cue(name, toks[i].start, toks[end - 1].end, "source"), end
        return None

    def _best(
        self,
        organisation: Found | None,
        place: Found | None,
        description: tuple[int, int, bool] | None,
        source: tuple[int, int, int] | None,
        position: int,
        previous: str | None,
        cue_start: int,
    ) -> Cue | None:
        """A resolved description names a person; else the institution; else a description taken back."""
        toks = self.tokens
        if description is not None:
            first, last, definite = description
            name = self.resolved_description(first, last) if definite else None
            if name:
                return Cue(name, cue_start, toks[last - 1].end, "description")
        if organisation is not None:
            return Cue(organisation[0].name, cue_start, organisation[1], "organisation")
        if source is not None:
            name = self.source_name(*source, position)
            return Cue(name, cue_start, toks[source[2] - 1].end, "source")
        if description is not None:
            first, last, definite = description
            name = self.describe(first, last, definite, position, previous)
            if name:
                return Cue(name, cue_start, toks[last - 1].end, "description")
        if place is not None:
            return Cue(place[0].name, cue_start, place[1], "place")
        return None

    def _pronoun_cue(self, start: int, end: int, position: int, previous: str | None) -> Cue:
        gender = self.cue_gender(start, end)
        return Cue(self.refer_back(position, previous, gender=gender), start, end, "pronoun")


def _inflected(mention: EntityMention) -> bool:
    """The name stands in an oblique case ("Гуляеву", "Merkels"): not the subject of a verb."""
    said, name = mention.surface.split(), mention.name.split()
    if not said or not name:
        return False
    s, n = norm(said[-1]), norm(name[-1])
    if s in (n + "a", n + "а"):
        return False  # "Иванова": a woman's name as well as a man's genitive
    return s != n and len(n) > 3 and s[: len(n) - 1] == n[: len(n) - 1]
